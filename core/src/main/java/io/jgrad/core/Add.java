package io.jgrad.core;

import io.jgrad.core.kernel.Elementwise;

final class Add extends BinaryOp {
    Add() {
        super(Elementwise.Binary.ADD, "add");
    }

    @Override
    void saveOperands(Tensor a, Tensor b) {}

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g, g};
    }
}
