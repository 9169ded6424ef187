package io.jgrad.core;

/**
 * Clamps into [min, max] (NaN bound = unbounded); the gradient passes where min <= x <= max, as in
 * PyTorch, so not at a NaN input.
 */
final class Clamp extends UnaryOp {
    private final double min, max;

    Clamp(double min, double max) {
        super(null, wholeOrAbsent(min) && wholeOrAbsent(max), false);
        this.min = min;
        this.max = max;
    }

    /**
     * int64 and bool inputs stay int64 when both bounds are whole numbers (or absent), as in PyTorch;
     * a fractional bound promotes them to float32. NaN inputs stay NaN.
     */
    @Override
    Object compute(Tensor x) {
        return x.kernels().clamp(x.data(), Double.isNaN(min) ? Double.NEGATIVE_INFINITY : min,
                Double.isNaN(max) ? Double.POSITIVE_INFINITY : max);
    }

    private static boolean wholeOrAbsent(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) || v == Math.rint(v);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor x = saved(0);
        double lo = Double.isNaN(min) ? Double.NEGATIVE_INFINITY : min, hi = Double.isNaN(max) ? Double.POSITIVE_INFINITY : max;
        return new Tensor[] {Tensor.where(x.ge(lo).logicalAnd(x.le(hi)), g, Tensor.zeros(g.dtype()))};
    }

    @Override
    public String name() {
        return Double.isNaN(max) ? "ClampMinBackward0" : Double.isNaN(min) ? "ClampMaxBackward0" : "ClampBackward1";
    }
}
