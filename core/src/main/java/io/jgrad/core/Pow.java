package io.jgrad.core;

import io.jgrad.core.kernel.Elementwise;

/** {@code a^b}; d/da = b·a^(b-1), d/db = a^b·ln a (0 where a = 0 and b >= 0, as PyTorch masks it). */
final class Pow extends BinaryOp {
    /** The exponent of {@code x.pow(double)}, NaN for a tensor exponent. */
    private final double scalar;

    Pow() {
        this(Double.NaN);
    }

    Pow(double scalarExponent) {
        super(Elementwise.Binary.POW, "pow");
        this.scalar = scalarExponent;
    }

    /**
     * PyTorch computes a scalar power of ±0.5 as sqrt or 1/sqrt, which differ from pow at -inf
     * (NaN, not inf or 0) and -0.0 (-0.0 and -inf, not 0 and inf); a tensor exponent uses pow.
     */
    @Override
    protected Tensor forward(Tensor... in) {
        if (Math.abs(scalar) != 0.5) return super.forward(in);
        Tensor[] p = Ops.promote(in[0], in[1]);
        save(p[0], p[1]);
        Object x = p[0].data();
        return new Tensor(Elementwise.map(x, scalar > 0 ? Math::sqrt : v -> 1 / Math.sqrt(v)), p[0].shape());
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor a = saved(0), b = saved(1);
        Tensor ga = null;
        if (needsInputGrad(0)) {
            Tensor power = Double.isNaN(scalar) ? a.pow(b.sub(1.0)) : a.pow(scalar - 1);  // the scalar form routes again
            ga = g.mul(b).mul(power).maskedFill(b.eq(0.0), 0.0);
        }
        Tensor gb = null;
        if (needsInputGrad(1)) {
            // Masked before the upstream multiply, as PyTorch does, so a NaN upstream stays NaN at a = 0.
            gb = g.mul(a.pow(b).mul(a.log()).maskedFill(a.eq(0.0).logicalAnd(b.ge(0.0)), 0.0));
        }
        return new Tensor[] {ga, gb};
    }
}
