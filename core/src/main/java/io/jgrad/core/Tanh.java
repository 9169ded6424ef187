package io.jgrad.core;

import io.jgrad.core.kernel.Elementwise.Unary;

final class Tanh extends UnaryOp {
    Tanh() {
        super(Unary.TANH, true);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor y = saved(0);
        return new Tensor[] {g.mul(y.mul(y).neg().add(1.0))};
    }
}
