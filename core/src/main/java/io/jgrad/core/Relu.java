package io.jgrad.core;

import io.jgrad.core.kernel.Elementwise;

/** max(x, 0) with a fused backward; the gradient at 0 is 0, as in PyTorch. */
final class Relu extends UnaryOp {
    Relu() {
        super(null, true);
    }

    @Override
    Object compute(Object x) {
        return Elementwise.relu(x);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor y = saved(0);
        return new Tensor[] {new Tensor(Elementwise.reluBackward(g.to(y.dtype()).data(), y.data()), y.shape())};
    }
}
