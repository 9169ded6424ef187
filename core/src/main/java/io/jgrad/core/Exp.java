package io.jgrad.core;

import io.jgrad.core.kernel.Elementwise.Unary;

final class Exp extends UnaryOp {
    Exp() {
        super(Unary.EXP, true);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g.mul(saved(0))};
    }
}
