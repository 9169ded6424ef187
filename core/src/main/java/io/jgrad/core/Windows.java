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

    private static void pair(String op, String name, int[] v, int min) {
        Check.argument(v != null && v.length == 2, "%s: %s must have 2 elements (height, width); got %s", op, name,
                v == null ? "null" : Check.shape(v));
        Check.argument(v[0] >= min && v[1] >= min, "%s: %s must be %s; got (%d, %d)", op, name,
                min == 0 ? "non-negative" : "positive", v[0], v[1]);
    }
}
