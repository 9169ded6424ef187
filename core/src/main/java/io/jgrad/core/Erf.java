package io.jgrad.core;

import io.jgrad.core.kernel.Elementwise.Unary;

/** The error function; its derivative is the Gaussian 2/sqrt(pi)·e^(-x²), which needs the input. */
final class Erf extends UnaryOp {
    /** PyTorch's {@code 2.0 / sqrt(M_PI)}, in its rounding. */
    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

    Erf() {
        super(Unary.ERF, false);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor x = saved(0);
        return new Tensor[] {x.mul(x).neg().exp().mul(TWO_OVER_SQRT_PI).mul(g)};
    }
}
