package io.jgrad.core;

import io.jgrad.core.kernel.Elementwise.Unary;

/**
 * An element-wise function. Integer inputs become float32, as in PyTorch, unless the op has an
 * integer form ({@code neg}, {@code abs}, {@code relu}, a whole-number {@code clamp}), which keeps
 * int64 as PyTorch does. Saves its input or output for backward, whichever the derivative is cheaper
 * to write in; integer results never need a gradient.
 */
abstract class UnaryOp extends Op {
    private final Unary kind;
    private final boolean integerForm, savesOutput;

    /** The kernel function {@code kind}, with an int64 form when it has one. */
    UnaryOp(Unary kind, boolean savesOutput) {
        this(kind, kind.integer != null, savesOutput);
    }

    /** {@code integerForm}: int64 inputs stay int64 ({@link #compute} handles them), else become float32. */
    UnaryOp(Unary kind, boolean integerForm, boolean savesOutput) {
        this.kind = kind;
        this.integerForm = integerForm;
        this.savesOutput = savesOutput;
    }

    @Override
    protected Tensor forward(Tensor... in) {
        if (integerForm && !in[0].dtype().isFloatingPoint()) {
            Tensor x = in[0].to(DType.INT64);
            return new Tensor(compute(x), x.shape());
        }
        Tensor x = Ops.floating(in[0]);
        Tensor out = new Tensor(compute(x), x.shape());
        save(savesOutput ? out : x);
        return out;
    }

    Object compute(Tensor x) {
        return x.kernels().unary(kind, x.data());
    }
}
