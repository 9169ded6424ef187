package io.jgrad.core;

import io.jgrad.core.kernel.Elementwise.Unary;

final class Sqrt extends UnaryOp {
    Sqrt() {
        super(Unary.SQRT, true);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g.div(saved(0).mul(2.0))};
    }
}
