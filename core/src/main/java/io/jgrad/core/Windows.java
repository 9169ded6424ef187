package io.jgrad.core;

import io.jgrad.core.kernel.Window2d;

/** The checks every op over 2-D windows makes, with PyTorch's wording. */
final class Windows {
    private Windows() {}

    /** The window from (height, width) pairs: kernel and stride and dilation positive, padding non-negative. */
    static Window2d of(String op, int[] kernel, int[] stride, int[] padding, int[] dilation) {
        pair(op, "kernel_size", kernel, 1);
        pair(op, "stride", stride, 1);
        pair(op, "padding", padding, 0);
        pair(op, "dilation", dilation, 1);
        return Window2d.of(kernel, stride, padding, dilation);
    }

    /** At least one window position fits the input [N, C, H, W]. */
    static void checkFits(String op, Tensor input, Window2d w) {
        int h = input.size(2), wd = input.size(3), oh = w.outH(h), ow = w.outW(wd);
        Check.argument(oh >= 1 && ow >= 1, "%s: given input with spatial size (%d, %d), kernel_size=(%d, %d), "
                + "dilation=(%d, %d), padding=(%d, %d), calculated shape of the array of sliding blocks as (%d, %d), but "
                + "its components must be at least one; use a larger input, more padding or a smaller kernel", op, h, wd,
                w.kh(), w.kw(), w.dh(), w.dw(), w.ph(), w.pw(), oh, ow);
    }

    /**
     * Every window of max pooling covers an input position. Dilation can stride a border window over
     * the image entirely (kernel 2, dilation 3, padding 1 on a side of 2 touches only -1 and 2), which
     * PyTorch 1.13 does not refuse: it returns -inf with the index of a position outside the window,
     * often outside the plane, and its backward writes the gradient there (heap corruption). No value
     * of the window's is its maximum, so jgrad refuses the configuration instead.
     */
    static void checkWindowsCoverInput(String op, Tensor input, Window2d w) {
        int h = input.size(2), wd = input.size(3);
        int row = emptyWindow(h, w.outH(h), w.sh(), w.ph(), w.kh(), w.dh());
        int col = emptyWindow(wd, w.outW(wd), w.sw(), w.pw(), w.kw(), w.dw());
        Check.argument(row < 0 && col < 0, "%s: given input with spatial size (%d, %d), kernel_size=(%d, %d), "
                + "stride=(%d, %d), padding=(%d, %d) and dilation=(%d, %d), the windows of output %s %d fall wholly in "
                + "the padding, so they have no maximum; use less padding or dilation", op, h, wd, w.kh(), w.kw(),
                w.sh(), w.sw(), w.ph(), w.pw(), w.dh(), w.dw(), row >= 0 ? "row" : "column", Math.max(row, col));
    }

    /** The first of {@code out} windows along a side of {@code n} with no position in [0, n), or -1. */
    private static int emptyWindow(int n, int out, int stride, int pad, int kernel, int dilation) {
        for (int o = 0; o < out; o++) {
            boolean inside = false;
            for (int k = 0; k < kernel && !inside; k++) {
                int at = o * stride - pad + k * dilation;
                inside = at >= 0 && at < n;
            }
            if (!inside) return o;
        }
        return -1;
    }

    private static void pair(String op, String name, int[] v, int min) {
        Check.argument(v != null && v.length == 2, "%s: %s must have 2 elements (height, width); got %s", op, name,
                v == null ? "null" : Check.shape(v));
        Check.argument(v[0] >= min && v[1] >= min, "%s: %s must be %s; got (%d, %d)", op, name,
                min == 0 ? "non-negative" : "positive", v[0], v[1]);
    }
}
