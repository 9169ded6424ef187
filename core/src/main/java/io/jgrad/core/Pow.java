package io.jgrad.core;

import io.jgrad.core.kernel.Elementwise;

/** {@code a^b}; d/da = b·a^(b-1), d/db = a^b·ln a (0 where a = 0 and b >= 0, as PyTorch masks it). */
final class Pow extends BinaryOp {
    Pow() {
        super(Elementwise.Binary.POW, "pow");
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor a = saved(0), b = saved(1);
        Tensor ga = needsInputGrad(0) ? g.mul(b).mul(a.pow(b.sub(1.0))).maskedFill(b.eq(0.0), 0.0) : null;
        Tensor gb = null;
        if (needsInputGrad(1)) {
            Tensor gradB = g.mul(a.pow(b)).mul(a.log());
            gb = gradB.maskedFill(a.eq(0.0).logicalAnd(b.ge(0.0)), 0.0);
        }
        return new Tensor[] {ga, gb};
    }
}
