package io.jgrad.core.kernel;

/**
 * Where the windows of a 2-D convolution or pooling sit on an image: kernel size, stride, padding
 * and dilation, each as (height, width). The arguments are checked by the ops that build one.
 */
public record Window2d(int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw) {

    /** From the (height, width) pairs in PyTorch's argument order. */
    public static Window2d of(int[] kernel, int[] stride, int[] padding, int[] dilation) {
        return new Window2d(kernel[0], kernel[1], stride[0], stride[1], padding[0], padding[1], dilation[0], dilation[1]);
    }

    /** The number of window positions down an input of height {@code h} (below 1 when none fits). */
    public int outH(int h) {
        return positions(h, kh, sh, ph, dh);
    }

    /** The number of window positions across an input of width {@code w} (below 1 when none fits). */
    public int outW(int w) {
        return positions(w, kw, sw, pw, dw);
    }

    private static int positions(int size, int kernel, int stride, int padding, int dilation) {
        int span = size + 2 * padding - dilation * (kernel - 1) - 1;
        return span < 0 ? 0 : span / stride + 1;
    }

    /** The first of {@code count} positions q whose column {@code q·stride + start} lies in [0, size). */
    static int firstInside(int start, int stride) {
        return start >= 0 ? 0 : (-start + stride - 1) / stride;
    }

    /** One past the last of {@code count} positions q whose column {@code q·stride + start} lies in [0, size). */
    static int endInside(int start, int stride, int size, int count) {
        return start > size - 1 ? 0 : Math.min(count, (size - 1 - start) / stride + 1);
    }
}
