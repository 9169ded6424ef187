package io.jgrad.core;

import io.jgrad.core.kernel.Elementwise.Unary;

/** 1 / (1 + e^-x); its backward reuses the output, y·(1 - y). */
final class Sigmoid extends UnaryOp {
    Sigmoid() {
        super(Unary.SIGMOID, true);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor y = saved(0);
        return new Tensor[] {g.mul(y).mul(y.neg().add(1.0))};
    }
}
