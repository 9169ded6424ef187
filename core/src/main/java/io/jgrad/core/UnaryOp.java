package io.jgrad.core;

import io.jgrad.core.kernel.Elementwise;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * An element-wise function. Integer inputs become float32, as in PyTorch, unless the op has an
 * integer form ({@code neg}, {@code abs}, {@code relu}, a whole-number {@code clamp}), which keeps
 * int64 as PyTorch does. Saves its input or output for backward, whichever the derivative is cheaper
 * to write in; integer results never need a gradient.
 */
abstract class UnaryOp extends Op {
    private final DoubleUnaryOperator f;
    private final LongUnaryOperator integer;
    private final boolean savesOutput;

    UnaryOp(DoubleUnaryOperator f, boolean savesOutput) {
        this(f, null, savesOutput);
    }

    /** {@code integer}: the int64 form, or null to compute integers in float32. */
    UnaryOp(DoubleUnaryOperator f, LongUnaryOperator integer, boolean savesOutput) {
        this.f = f;
        this.integer = integer;
        this.savesOutput = savesOutput;
    }

    @Override
    protected Tensor forward(Tensor... in) {
        if (integer != null && !in[0].dtype().isFloatingPoint()) {
            Tensor x = in[0].to(DType.INT64);
            return new Tensor(Elementwise.mapLong((long[]) x.data(), integer), x.shape());
        }
        Tensor x = Ops.floating(in[0]);
        Tensor out = new Tensor(compute(x.data()), x.shape());
        save(savesOutput ? out : x);
        return out;
    }

    Object compute(Object x) {
        return Elementwise.map(x, f);
    }
}
