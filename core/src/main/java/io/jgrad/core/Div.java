package io.jgrad.core;

import io.jgrad.core.kernel.Elementwise;

final class Div extends BinaryOp {
    Div() {
        super(Elementwise.Binary.DIV, "div");
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor a = saved(0), b = saved(1);
        return new Tensor[] {
            needsInputGrad(0) ? g.div(b) : null,
            needsInputGrad(1) ? g.mul(a).div(b.mul(b)).neg() : null
        };
    }
}
