package io.jgrad.core;

import io.jgrad.core.kernel.Shapes;

/**
 * Constant padding, {@code torch.nn.functional.pad(x, pad, value=value)}: pad holds (before, after)
 * pairs from the last dim backwards, and a negative amount crops. The kept part of x is written into
 * a tensor full of value; backward reads the same region out of the gradient.
 */
final class ConstantPad extends Op {
    private final int[] pad;
    private final double value;
    private int[] inShape, outShape, keptShape;
    private int inOffset, outOffset;

    private ConstantPad(int[] pad, double value) {
        this.pad = pad;
        this.value = value;
    }

    static Tensor pad(Tensor x, int[] pad, double value) {
        Check.notNull(pad, "pad", "pad");
        Check.argument(pad.length % 2 == 0, "pad: padding length must be divisible by 2 (before, after pairs) but is "
                + "%d: %s", pad.length, java.util.Arrays.toString(pad));
        Check.argument(pad.length / 2 <= x.dim(), "pad: padding length %d is too large: %s pads %d dims but the input "
                + "has shape %s", pad.length, java.util.Arrays.toString(pad), pad.length / 2, Check.shape(x.shape()));
        // as PyTorch, which converts the value only when something is padded (cropping alone returns early)
        if (java.util.Arrays.stream(pad).anyMatch(p -> p > 0)) Check.fillValue("pad", x.dtype(), value);
        return new ConstantPad(pad.clone(), value).apply(x);
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor x = in[0];
        inShape = x.shape();
        outShape = inShape.clone();
        keptShape = inShape.clone();
        int[] inStrides = Shapes.strides(inShape), starts = new int[inShape.length], dests = new int[inShape.length];
        for (int i = 0; i < pad.length / 2; i++) {
            int d = inShape.length - 1 - i, before = pad[2 * i], after = pad[2 * i + 1];
            outShape[d] = inShape[d] + before + after;
            Check.argument(outShape[d] >= 0, "pad: padding (%d, %d) of dim %d (size %d) gives a negative size %d; crop "
                    + "at most the dim's size", before, after, d, inShape[d], outShape[d]);
            int crop = -Math.min(before, 0) - Math.min(after, 0);
            Check.argument(crop <= inShape[d], "pad: padding (%d, %d) of dim %d crops %d elements but the dim holds %d "
                    + "(shape %s); negative amounts crop the input only, not the padding, so crop at most its size",
                    before, after, d, crop, inShape[d], Check.shape(inShape));
            starts[d] = Math.max(-before, 0);
            dests[d] = Math.max(before, 0);
            keptShape[d] = Math.max(Math.min(inShape[d] - starts[d] - Math.max(-after, 0), outShape[d]), 0);
        }
        int[] outStrides = Shapes.strides(outShape);
        inOffset = 0;
        outOffset = 0;
        for (int d = 0; d < inShape.length; d++) {
            inOffset += starts[d] * inStrides[d];
            outOffset += dests[d] * outStrides[d];
        }
        Tensor out = Creation.zerosOn(x, x.dtype(), outShape);
        if (value != 0) out.kernels().fill(out.data(), value);
        if (Shapes.numel(keptShape) > 0) {
            Object kept = x.kernels().strided(x.data(), inOffset, inStrides, keptShape);
            out.kernels().stridedScatter(kept, keptShape, out.data(), outOffset, outStrides);
        }
        return out;
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor gx = Creation.zerosOn(g, g.dtype(), inShape);
        if (Shapes.numel(keptShape) > 0) {
            Object kept = g.kernels().strided(g.data(), outOffset, Shapes.strides(outShape), keptShape);
            g.kernels().stridedScatter(kept, keptShape, gx.data(), inOffset, Shapes.strides(inShape));
        }
        return new Tensor[] {gx};
    }

    @Override
    public String name() {
        return "ConstantPadNdBackward0";
    }
}
