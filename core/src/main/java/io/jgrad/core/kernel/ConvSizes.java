package io.jgrad.core.kernel;

/**
 * The sizes of one 2-D convolution of x [N, C, H, W] with w [O, C/groups, kh, kw], for every path that
 * computes it: per group, image and kernel offset, and (for {@link ShiftConv}) the padded image and the
 * output computed Wp wide.
 */
final class ConvSizes {
    final int n, c, h, w, o, groups, cg, og, kh, kw, kk, oh, ow, l, patch, image;
    /** The padded image's height and width, one plane of it, the widened output, the padded image's length. */
    final int hp, wp, plane, wide, padded;
    final Window2d win;

    ConvSizes(int[] xShape, int[] wShape, Window2d win, int groups) {
        n = xShape[0];
        c = xShape[1];
        h = xShape[2];
        w = xShape[3];
        o = wShape[0];
        this.groups = groups;
        this.win = win;
        cg = c / groups;
        og = o / groups;
        kh = win.kh();
        kw = win.kw();
        kk = kh * kw;
        oh = win.outH(h);
        ow = win.outW(w);
        l = oh * ow;
        patch = cg * kk;
        image = c * h * w;
        hp = h + 2 * win.ph();
        wp = w + 2 * win.pw();
        plane = hp * wp;
        wide = oh * wp;
        padded = c * plane + (kw - 1) * win.dw();  // the last offset's run ends (kw - 1)·dw past the last plane
    }

    /** Where kernel offset q = ki·kw + kj's run starts in a padded plane. */
    int shift(int q) {
        return q / kw * win.dh() * wp + q % kw * win.dw();
    }
}
