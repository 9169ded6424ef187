package io.jgrad.core;

/** {@code x} with {@code value} where {@code mask} is true (mask broadcast to x's shape); no gradient there. */
final class MaskedFill extends Op {
    private final Tensor mask;
    private final double value;

    MaskedFill(Tensor mask, double value) {
        this.mask = mask;
        this.value = value;
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor x = in[0];
        Check.argument(mask.dtype() == DType.BOOL, "maskedFill: mask must be a bool tensor but got %s; build it with a "
                + "comparison such as x.lt(0), or convert with toBool()", mask.dtype());
        int[] shape = Ops.broadcast("maskedFill", x.shape(), mask.shape());
        Check.argument(java.util.Arrays.equals(shape, x.shape()), "maskedFill: mask of shape %s must broadcast to the "
                + "input's shape %s, not enlarge it", Check.shape(mask.shape()), Check.shape(x.shape()));
        save(mask);
        return Tensor.where(mask, Tensor.full(value, x.dtype()), x);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g.maskedFill(saved(0), 0.0)};
    }
}
