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
            // PyTorch's order, -g·((a/b)/b): b·b overflows float32 from |b| ≈ 1.8e19 on, and g·a/inf would be 0 or NaN
            needsInputGrad(1) ? g.neg().mul(a.div(b).div(b)) : null
        };
    }
}
