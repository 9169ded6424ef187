package io.jgrad.core;

import io.jgrad.core.kernel.Elementwise;

final class Add extends BinaryOp {
    Add() {
        super(Elementwise.Binary.ADD, "add");
    }

    /**
     * {@code a + alpha·b}, PyTorch's {@code add(a, b, alpha=alpha)}: computed in the promoted dtype; a
     * fractional alpha is refused for integer results; for two bool tensors alpha counts as a bool
     * (nonzero is true), so the result is {@code a or (b and alpha != 0)}, a bool.
     */
    static Tensor scaled(Tensor a, Tensor b, double alpha) {
        DType t = Ops.resultType(a, b);
        Check.argument(t.isFloatingPoint() || alpha == Math.rint(alpha), "add: For integral input tensors, argument alpha "
                + "must not be a floating point number (got %s for %s operands); convert them with toFloat() first", alpha, t);
        if (t == DType.BOOL) return alpha != 0 ? a.add(b) : a.add(Tensor.zerosLike(b));
        return a.add(b.to(t).mul(alpha));  // in the result dtype, so a float32 b is not scaled in float32 first
    }

    @Override
    void saveOperands(Tensor a, Tensor b) {}

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g, g};
    }
}
