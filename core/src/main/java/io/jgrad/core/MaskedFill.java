package io.jgrad.core;

/**
 * {@code x} with {@code value} where {@code mask} is true; no gradient there. As PyTorch's out-of-place
 * {@code masked_fill}, x and mask broadcast together, so a larger mask gives a larger result.
 */
final class MaskedFill extends Op {
    private final Tensor mask;
    private final double value;

    MaskedFill(Tensor mask, double value) {
        this.mask = Check.notNull(mask, "maskedFill", "mask");
        this.value = value;
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor x = in[0];
        Check.argument(mask.dtype() == DType.BOOL, "maskedFill: mask must be a bool tensor but got %s; build it with a "
                + "comparison such as x.lt(0), or convert with toBool()", mask.dtype());
        Ops.broadcast("maskedFill", x.shape(), mask.shape());
        Check.fillValue("maskedFill", x.dtype(), value);
        save(mask);
        return Tensor.where(mask, Tensor.full(value, x.dtype()), x);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g.maskedFill(saved(0), 0.0)};
    }
}
