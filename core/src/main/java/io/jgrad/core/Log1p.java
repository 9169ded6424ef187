package io.jgrad.core;

import io.jgrad.core.kernel.Elementwise.Unary;

/** log(1 + x), exact for tiny x where log(1 + x) rounds 1 + x away. */
final class Log1p extends UnaryOp {
    Log1p() {
        super(Unary.LOG1P, false);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g.div(saved(0).add(1.0))};
    }

    @Override
    public String name() {
        return "Log1PBackward0";
    }
}
