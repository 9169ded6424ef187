package io.jgrad.core.kernel;

/**
 * One image's sliding blocks on the CPU device: {@link #columns} lays them out as im2col's
 * [C·kh·kw, OH·OW] matrix, {@link #addBack} adds such a matrix back onto the image (col2im). Each
 * row of the matrix is one channel and kernel offset, and each run of OW entries in it reads one
 * input row at the stride, so a row is copied in one call where the stride is 1; positions in the
 * padding read zero and add nothing.
 */
final class Blocks {
    private Blocks() {}

    /** Writes the blocks of the image [C, H, W] at {@code x[at ..]} to {@code cols} [C·kh·kw, OH·OW]. */
    static void columns(Object x, int at, int c, int h, int w, int oh, int ow, Window2d win, Object cols) {
        int row = 0;
        for (int ch = 0; ch < c; ch++) {
            for (int ki = 0; ki < win.kh(); ki++) {
                for (int kj = 0; kj < win.kw(); kj++, row += oh * ow) {
                    int start = kj * win.dw() - win.pw();
                    int lo = Window2d.firstInside(start, win.sw()), hi = Window2d.endInside(start, win.sw(), w, ow);
                    for (int r = 0; r < oh; r++) {
                        int ih = r * win.sh() - win.ph() + ki * win.dh(), dst = row + r * ow;
                        if (ih < 0 || ih >= h || lo >= hi) {
                            Buffers.fillRange(cols, dst, dst + ow, 0);
                            continue;
                        }
                        if (lo > 0) Buffers.fillRange(cols, dst, dst + lo, 0);
                        copy(x, at + (ch * h + ih) * w + start + lo * win.sw(), win.sw(), cols, dst + lo, hi - lo);
                        if (hi < ow) Buffers.fillRange(cols, dst + hi, dst + ow, 0);
                    }
                }
            }
        }
    }

    /** Adds {@code cols} [C·kh·kw, OH·OW] back onto the image [C, H, W] at {@code x[at ..]}, as {@link #columns} read it. */
    static void addBack(Object cols, Object x, int at, int c, int h, int w, int oh, int ow, Window2d win) {
        int row = 0;
        for (int ch = 0; ch < c; ch++) {
            for (int ki = 0; ki < win.kh(); ki++) {
                for (int kj = 0; kj < win.kw(); kj++, row += oh * ow) {
                    int start = kj * win.dw() - win.pw();
                    int lo = Window2d.firstInside(start, win.sw()), hi = Window2d.endInside(start, win.sw(), w, ow);
                    for (int r = 0; r < oh && lo < hi; r++) {
                        int ih = r * win.sh() - win.ph() + ki * win.dh();
                        if (ih < 0 || ih >= h) continue;
                        add(cols, row + r * ow + lo, win.sw(), x, at + (ch * h + ih) * w + start + lo * win.sw(), hi - lo);
                    }
                }
            }
        }
    }

    /** {@code dst[d + i] = src[s + i·step]} for i in [0, len). */
    private static void copy(Object src, int s, int step, Object dst, int d, int len) {
        if (step == 1) {
            System.arraycopy(src, s, dst, d, len);
        } else if (src instanceof float[] f) {
            float[] o = (float[]) dst;
            for (int i = 0; i < len; i++) o[d + i] = f[s + i * step];
        } else {
            double[] a = (double[]) src, o = (double[]) dst;
            for (int i = 0; i < len; i++) o[d + i] = a[s + i * step];
        }
    }

    /** {@code dst[d + i·step] += src[s + i]} for i in [0, len). */
    static void add(Object src, int s, int step, Object dst, int d, int len) {
        if (src instanceof float[] f) {
            float[] o = (float[]) dst;
            for (int i = 0; i < len; i++) o[d + i * step] += f[s + i];
        } else {
            double[] a = (double[]) src, o = (double[]) dst;
            for (int i = 0; i < len; i++) o[d + i * step] += a[s + i];
        }
    }
}
