package io.jgrad.core;

import io.jgrad.core.kernel.Elementwise.Unary;

final class Log extends UnaryOp {
    Log() {
        super(Unary.LOG, false);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g.div(saved(0))};
    }
}
