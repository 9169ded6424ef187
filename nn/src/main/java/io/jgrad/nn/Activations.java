package io.jgrad.nn;

import io.jgrad.core.Tensor;

/**
 * The math of the smooth and piecewise activations, composed from Tensor ops so both devices run it,
 * with PyTorch 1.13's values and gradients at the kinks and thresholds
 * ({@code aten/src/ATen/native/cpu/Activation.cpp}).
 */
final class Activations {
    /** sqrt(2/pi), PyTorch's {@code M_SQRT2 * M_2_SQRTPI * 0.5}. */
    private static final double GELU_BETA = Math.sqrt(2) * (2 / Math.sqrt(Math.PI)) * 0.5;
    private static final double GELU_KAPPA = 0.044715;
    /** 1/sqrt(2) as C's {@code M_SQRT1_2} rounds it, which PyTorch's exact GELU multiplies by (1 / Math.sqrt(2) is 1 ulp lower). */
    private static final double SQRT1_2 = Math.sqrt(0.5);

    private Activations() {}

    /**
     * {@code x} where {@code cut} holds, else {@code x} itself: the argument of a branch that
     * {@link Tensor#where} will not pick there, kept finite so its zero gradient stays zero (0·inf
     * would be NaN) while NaN inputs still reach the branch that PyTorch sends them to.
     */
    private static Tensor tamed(Tensor cut, Tensor x) {
        return Tensor.where(cut, Tensor.zerosLike(x), x);
    }

    /** x·sigmoid(x): its gradient s·(1 + x·(1 - s)) is PyTorch's, which stays finite for large negative x. */
    static Tensor silu(Tensor x) {
        return x.mul(x.sigmoid());
    }

    /** 'none': x·0.5·(1 + erf(x/sqrt(2))) in PyTorch's order, whose autograd gradient is PyTorch's cdf + x·pdf. */
    static Tensor gelu(Tensor x, String approximate) {
        checkGeluApproximate(approximate);
        if (approximate.equals("none")) return x.mul(0.5).mul(x.mul(SQRT1_2).erf().add(1.0));
        Tensor inner = x.mul(x).mul(x).mul(GELU_KAPPA).add(x).mul(GELU_BETA);
        return x.mul(0.5).mul(inner.tanh().add(1.0));
    }

    static void checkGeluApproximate(String approximate) {
        if (!"none".equals(approximate) && !"tanh".equals(approximate)) {
            throw new IllegalArgumentException("gelu: approximate must be 'none' (the exact erf form, PyTorch's default) or "
                    + "'tanh'; got " + (approximate == null ? "null" : "'" + approximate + "'"));
        }
    }

    /** log(1 + e^(beta·x))/beta, and x itself (gradient 1) where beta·x > threshold. */
    static Tensor softplus(Tensor x, double beta, double threshold) {
        Tensor bx = x.mul(beta);
        Tensor linear = bx.gt(threshold);
        return Tensor.where(linear, x, tamed(linear, bx).exp().log1p().div(beta));
    }

    /** x for x > 0, else alpha·(e^x - 1) (PyTorch uses exp - 1, not expm1; NaN takes this branch, as there). */
    static Tensor elu(Tensor x, double alpha) {
        Tensor positive = x.gt(0.0);
        return Tensor.where(positive, x, tamed(positive, x).exp().sub(1.0).mul(alpha));
    }

    /** Clamps into [min, max]; the gradient passes strictly inside only, never at NaN, as in PyTorch. */
    static Tensor hardtanh(Tensor x, double min, double max) {
        checkRange("hardtanh", min, max);
        Tensor inside = x.gt(min).logicalAnd(x.lt(max));
        return Tensor.where(inside, x, x.detach().clamp(min, max));
    }

    static void checkRange(String who, double min, double max) {
        if (!(min <= max)) {
            throw new IllegalArgumentException(who + ": min_val cannot be greater than max_val (nor NaN); got min_val=" + min
                    + ", max_val=" + max);
        }
    }

    /** A number as Python prints an int-or-float option: whole values without ".0" (PyTorch's defaults are ints). */
    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
