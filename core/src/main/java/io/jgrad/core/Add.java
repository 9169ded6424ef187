package io.jgrad.core;

import io.jgrad.core.kernel.Elementwise;

final class Add extends BinaryOp {
    Add() {
        super(Elementwise.Binary.ADD, "add");
    }

    /**
     * {@code a + alpha·b}, PyTorch's {@code add(a, b, alpha=alpha)}; for two bool tensors alpha counts
     * as a bool too (nonzero is true), so the result is {@code a or (b and alpha != 0)}, a bool.
     */
    static Tensor scaled(Tensor a, Tensor b, double alpha) {
        if (a.dtype() == DType.BOOL && b.dtype() == DType.BOOL) return alpha != 0 ? a.add(b) : a.add(Tensor.zerosLike(b));
        return a.add(b.mul(alpha));
    }

    @Override
    void saveOperands(Tensor a, Tensor b) {}

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g, g};
    }
}
