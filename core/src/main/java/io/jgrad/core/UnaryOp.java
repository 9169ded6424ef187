package io.jgrad.core;

import io.jgrad.core.kernel.Elementwise;
import java.util.function.DoubleUnaryOperator;

/**
 * A floating-point element-wise function (integer inputs become float32, as in PyTorch). Saves its
 * input or output for backward, whichever the derivative is cheaper to write in.
 */
abstract class UnaryOp extends Op {
    private final DoubleUnaryOperator f;
    private final boolean savesOutput;

    UnaryOp(DoubleUnaryOperator f, boolean savesOutput) {
        this.f = f;
        this.savesOutput = savesOutput;
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor x = Ops.floating(in[0]);
        Tensor out = new Tensor(compute(x.data()), x.shape());
        save(savesOutput ? out : x);
        return out;
    }

    Object compute(Object x) {
        return Elementwise.map(x, f);
    }
}
