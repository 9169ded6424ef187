package io.jgrad.core;

import io.jgrad.core.kernel.Elementwise.Unary;

final class Neg extends UnaryOp {
    Neg() {
        super(Unary.NEG, false);
    }

    /** {@link Tensor#neg}: int64 through {@code mul(-1)}, every other dtype through this op. */
    static Tensor neg(Tensor x) {
        return x.dtype() == DType.INT64 ? x.mul(-1) : new Neg().apply(x);
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Check.argument(in[0].dtype() != DType.BOOL, "Negation, the `-` operator, on a bool tensor is not supported. If "
                + "you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
        return super.forward(in);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g.neg()};
    }
}
