package io.jgrad.core;

/**
 * Clamps into [min, max] (NaN bound = unbounded); the gradient passes where min <= x <= max, as in
 * PyTorch, so not at a NaN input.
 */
final class Clamp extends UnaryOp {
    private final double min, max;

    Clamp(double min, double max) {
        super(clamper(Double.isNaN(min) ? Double.NEGATIVE_INFINITY : min,
                Double.isNaN(max) ? Double.POSITIVE_INFINITY : max), false);
        this.min = min;
        this.max = max;
    }

    /** NaN inputs stay NaN, as in PyTorch. */
    private static java.util.function.DoubleUnaryOperator clamper(double lo, double hi) {
        return x -> Double.isNaN(x) ? x : Math.min(hi, Math.max(lo, x));
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor x = saved(0);
        double lo = Double.isNaN(min) ? Double.NEGATIVE_INFINITY : min, hi = Double.isNaN(max) ? Double.POSITIVE_INFINITY : max;
        return new Tensor[] {Tensor.where(x.ge(lo).logicalAnd(x.le(hi)), g, Tensor.zeros(g.dtype()))};
    }
}
