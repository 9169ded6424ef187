package io.jgrad.core;

import io.jgrad.core.kernel.Elementwise;

final class Sub extends BinaryOp {
    Sub() {
        super(Elementwise.Binary.SUB, "sub");
    }

    @Override
    void saveOperands(Tensor a, Tensor b) {}

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g, needsInputGrad(1) ? g.neg() : null};
    }
}
