package io.jgrad.core;

import io.jgrad.core.kernel.Elementwise;

final class Mul extends BinaryOp {
    Mul() {
        super(Elementwise.Binary.MUL, "mul");
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor a = saved(0), b = saved(1);
        return new Tensor[] {needsInputGrad(0) ? g.mul(b) : null, needsInputGrad(1) ? g.mul(a) : null};
    }
}
