package io.jgrad.core;

/**
 * Clamps into [min, max] (NaN bound = unbounded); the gradient passes where min <= x <= max, as in
 * PyTorch, so not at a NaN input.
 */
final class Clamp extends UnaryOp {
    private final double min, max;

    Clamp(double min, double max) {
        super(clamper(Double.isNaN(min) ? Double.NEGATIVE_INFINITY : min,
                Double.isNaN(max) ? Double.POSITIVE_INFINITY : max), integerClamper(min, max), false);
        this.min = min;
        this.max = max;
    }

    /** NaN inputs stay NaN, as in PyTorch. */
    private static java.util.function.DoubleUnaryOperator clamper(double lo, double hi) {
        return x -> Double.isNaN(x) ? x : Math.min(hi, Math.max(lo, x));
    }

    /**
     * int64 and bool inputs stay int64 when both bounds are whole numbers (or absent), as in PyTorch;
     * a fractional bound promotes them to float32.
     */
    private static java.util.function.LongUnaryOperator integerClamper(double min, double max) {
        if (!wholeOrAbsent(min) || !wholeOrAbsent(max)) return null;
        long lo = Double.isNaN(min) ? Long.MIN_VALUE : (long) Math.max(min, Long.MIN_VALUE);
        long hi = Double.isNaN(max) ? Long.MAX_VALUE : (long) Math.min(max, Long.MAX_VALUE);
        return x -> Math.min(hi, Math.max(lo, x));
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
