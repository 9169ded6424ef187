package io.jgrad.core;

import io.jgrad.core.kernel.Elementwise.Binary;
import io.jgrad.core.kernel.Kernels;

/**
 * The sliding blocks of a batch of images, PyTorch's {@code im2col} behind {@code F.unfold}: input
 * [N, C, H, W] becomes [N, C·kh·kw, L], one column per block position (L of them, row-major), its
 * rows ordered channel, kernel row, kernel column; or the same numbers in another order
 * ({@link Fused.BlockLayout}), so that convolution is one 2-D matrix product and pooling a reduction
 * over the last dim, with no transposing copy.
 *
 * <p>The blocks are one strided view of the padded input (strides C·Hp·Wp, Hp·Wp, dilation·Wp,
 * dilation, stride·Wp, stride for the dims n, c, kernel row, kernel column, block row, block column,
 * permuted by the layout), copied out by the device's strided kernel. Backward adds the gradient back
 * one kernel offset at a time: the positions of one offset never overlap, so a strided read, an add
 * and a strided write per offset are exact on every device.
 */
final class Im2Col extends Op {
    private final int kh, kw, dh, dw, ph, pw, sh, sw;
    private final double padValue;
    private final Fused.BlockLayout layout;
    private int[] inShape;
    private int oh, ow;

    private Im2Col(int[] kernel, int[] dilation, int[] padding, int[] stride, double padValue, Fused.BlockLayout layout) {
        kh = kernel[0];
        kw = kernel[1];
        dh = dilation[0];
        dw = dilation[1];
        ph = padding[0];
        pw = padding[1];
        sh = stride[0];
        sw = stride[1];
        this.padValue = padValue;
        this.layout = layout;
    }

    /** {@link Fused#im2col}: checks the arguments as PyTorch's {@code F.unfold} does. */
    static Tensor im2col(Tensor input, int[] kernel, int[] dilation, int[] padding, int[] stride, double padValue,
                         Fused.BlockLayout layout) {
        Check.notNull(input, "im2col", "input");
        Check.notNull(layout, "im2col", "layout");
        pair("kernel_size", kernel, 1);
        pair("dilation", dilation, 1);
        pair("padding", padding, 0);
        pair("stride", stride, 1);
        Check.argument(input.dim() == 4, "im2col: expected a 4-D input [N, C, H, W] but got shape %s; add a batch dim "
                + "with unsqueeze(0)", Check.shape(input.shape()));
        int h = input.size(2), w = input.size(3);
        int oh = blocks(h, kernel[0], dilation[0], padding[0], stride[0]);
        int ow = blocks(w, kernel[1], dilation[1], padding[1], stride[1]);
        Check.argument(oh >= 1 && ow >= 1, "im2col: given input with spatial size (%d, %d), kernel_size=(%d, %d), "
                + "dilation=(%d, %d), padding=(%d, %d), calculated shape of the array of sliding blocks as (%d, %d), but "
                + "its components must be at least one; use a larger input, more padding or a smaller kernel", h, w,
                kernel[0], kernel[1], dilation[0], dilation[1], padding[0], padding[1], oh, ow);
        return new Im2Col(kernel, dilation, padding, stride, padValue, layout).apply(input);
    }

    /** The number of block positions along one spatial dim (may be below 1, which callers reject). */
    static int blocks(int size, int kernel, int dilation, int padding, int stride) {
        int span = size + 2 * padding - dilation * (kernel - 1) - 1;
        return span < 0 ? 0 : span / stride + 1;
    }

    private static void pair(String name, int[] v, int min) {
        Check.argument(v != null && v.length == 2, "im2col: %s must have 2 elements (height, width); got %s", name,
                v == null ? "null" : Check.shape(v));
        Check.argument(v[0] >= min && v[1] >= min, "im2col: %s must be %s; got (%d, %d)", name,
                min == 0 ? "non-negative" : "positive", v[0], v[1]);
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor x = in[0];
        inShape = x.shape();
        int n = inShape[0], c = inShape[1], hp = inShape[2] + 2 * ph, wp = inShape[3] + 2 * pw;
        oh = blocks(inShape[2], kh, dh, ph, sh);
        ow = blocks(inShape[3], kw, dw, pw, sw);
        Object padded = padded(x, hp, wp);
        int[] view = {n, c, kh, kw, oh, ow};
        int[] strides = {c * hp * wp, hp * wp, dh * wp, dw, sh * wp, sw};
        int[] order = layout.order, shape = new int[6], st = new int[6];
        for (int i = 0; i < 6; i++) {
            shape[i] = view[order[i]];
            st[i] = strides[order[i]];
        }
        Object cols = x.kernels().strided(padded, 0, st, shape);
        int l = oh * ow, k = kh * kw;
        return new Tensor(cols, switch (layout) {
            case COLUMNS -> new int[] {n, c * k, l};
            case ROWS -> new int[] {n, l, c * k};
            case WINDOWS -> new int[] {n, c, l, k};
        });
    }

    /** Where each of the dims n, c, kernel row, kernel column, block row, block column steps in the output. */
    private int[] outputStrides() {
        int[] view = {inShape[0], inShape[1], kh, kw, oh, ow}, order = layout.order, st = new int[6];
        int step = 1;
        for (int i = 5; i >= 0; i--) {
            st[order[i]] = step;
            step *= view[order[i]];
        }
        return st;
    }

    /** The input inside a border of {@code padValue}; the input itself when there is no border. */
    private Object padded(Tensor x, int hp, int wp) {
        if (ph == 0 && pw == 0) return x.data();
        Kernels k = x.kernels();
        int n = inShape[0], c = inShape[1];
        Object out = k.zeros(k.type(x.data()), n * c * hp * wp);
        if (padValue != 0) k.fill(out, padValue);
        k.stridedScatter(x.data(), inShape, out, ph * wp + pw, interior(hp, wp));
        return out;
    }

    private int[] interior(int hp, int wp) {
        return new int[] {inShape[1] * hp * wp, hp * wp, wp, 1};
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Kernels k = g.kernels();
        int n = inShape[0], c = inShape[1], hp = inShape[2] + 2 * ph, wp = inShape[3] + 2 * pw, l = oh * ow;
        Object gx = k.zeros(k.type(g.data()), n * c * hp * wp);
        int[] blockShape = {n, c, oh, ow};
        int[] o = outputStrides();
        int[] gStrides = {o[0], o[1], o[4], o[5]};
        int[] xStrides = {c * hp * wp, hp * wp, sh * wp, sw};
        for (int i = 0; i < kh; i++) {
            for (int j = 0; j < kw; j++) {
                Object slice = k.strided(g.data(), i * o[2] + j * o[3], gStrides, blockShape);
                int at = i * dh * wp + j * dw;
                if (i + j > 0) k.binaryInPlace(Binary.ADD, slice, blockShape, k.strided(gx, at, xStrides, blockShape), blockShape);
                k.stridedScatter(slice, blockShape, gx, at, xStrides);
            }
        }
        if (ph == 0 && pw == 0) return new Tensor[] {new Tensor(gx, inShape.clone())};
        return new Tensor[] {new Tensor(k.strided(gx, ph * wp + pw, interior(hp, wp), inShape), inShape.clone())};
    }
}
