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
     * A scalar exponent stays a double, as PyTorch's Scalar does (a float32 exponent would round 1e10 - 1
     * to an even number). PyTorch's special cases live in the kernel
     * ({@link Elementwise#powScalar}). Integers to a negative scalar
     * power are refused, as in PyTorch; a tensor exponent of integers follows {@link Elementwise#pow}.
     */
    @Override
    protected Tensor forward(Tensor... in) {
        if (Double.isNaN(scalar)) return super.forward(in);
        Tensor[] p = Ops.promote(in[0], in[1]);
        if (!p[0].dtype().isFloatingPoint()) {
            Check.argument(scalar >= 0, "pow: Integers to negative integer powers are not allowed (exponent %s); "
                    + "convert the base with toFloat() first", scalar);
            return super.forward(in);
        }
        save(p[0], p[1]);
        return new Tensor(p[0].kernels().powScalar(p[0].data(), scalar), p[0].shape());
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

    @Override
    public String name() {
        return Double.isNaN(scalar) ? "PowBackward1" : "PowBackward0";  // pow(Tensor) and pow(Scalar) in PyTorch
    }
}
