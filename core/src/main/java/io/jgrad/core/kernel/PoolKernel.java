package io.jgrad.core.kernel;

/**
 * Max pooling on the CPU device, PyTorch's CPU {@code max_pool2d_with_indices}: only the window's
 * positions inside the image count (padding is never chosen); a larger value or any NaN takes over,
 * so ties go to the first position in row-major order and several NaNs to the last; a window of -inf
 * keeps its first inside position. Each plane is one task; backward adds each output's gradient at
 * its position.
 */
final class PoolKernel {
    private PoolKernel() {}

    /**
     * The maximum of each window of x [N, C, H, W], [N, C, OH, OW]; {@code index} receives its flat
     * position within its H·W plane.
     */
    static Object max(Object x, int[] shape, Window2d win, int[] index) {
        int planes = shape[0] * shape[1], h = shape[2], w = shape[3], l = win.outH(h) * win.outW(w);
        Object out = Buffers.allocLike(x, planes * l);
        Parallel.forRange(planes, h * w, (from, to) -> {
            boolean pairs = win.equals(PAIRS);
            for (int p = from; p < to; p++) {
                if (pairs && x instanceof float[] f) pairs(f, p * h * w, h, w, index, p * l, (float[]) out);
                else if (x instanceof float[] f) plane(f, p * h * w, h, w, win, index, p * l, (float[]) out);
                else plane((double[]) x, p * h * w, h, w, win, index, p * l, (double[]) out);
            }
        });
        return out;
    }

    /** The gradient of x [N, C, H, W] from the output's, {@code g}, and {@link #max}'s positions. */
    static Object maxBackward(Object g, int[] index, int[] shape) {
        int planes = shape[0] * shape[1], hw = shape[2] * shape[3], l = planes == 0 ? 0 : index.length / planes;
        Object gx = Buffers.allocLike(g, planes * hw);
        Parallel.forRange(planes, hw, (from, to) -> {
            for (int p = from; p < to; p++) {
                int at = p * hw;
                if (g instanceof float[] f) {
                    float[] o = (float[]) gx;
                    for (int j = p * l; j < (p + 1) * l; j++) o[at + index[j]] += f[j];
                } else {
                    double[] d = (double[]) g, o = (double[]) gx;
                    for (int j = p * l; j < (p + 1) * l; j++) o[at + index[j]] += d[j];
                }
            }
        });
        return gx;
    }

    /** MaxPool2d(2), the CNN default: 2×2 windows side by side, no padding, no dilation. */
    private static final Window2d PAIRS = new Window2d(2, 2, 2, 2, 0, 0, 1, 1);

    /**
     * {@link #plane} for {@link #PAIRS} in float, unrolled: the first candidate starts as the maximum
     * (what PyTorch's -inf start and first inside position come to), then the other three in row-major
     * order, each taking over when larger or NaN.
     */
    private static void pairs(float[] x, int at, int h, int w, int[] index, int out, float[] values) {
        int oh = h / 2, ow = w / 2;
        for (int i = 0; i < oh; i++) {
            int top = at + 2 * i * w;
            for (int j = 0; j < ow; j++, out++) {
                int b = top + 2 * j, c = b + 1, d = b + w, e = d + 1;
                float m = x[b], v = x[c];
                if (v > m || v != v) {
                    m = v;
                    b = c;
                }
                v = x[d];
                if (v > m || v != v) {
                    m = v;
                    b = d;
                }
                v = x[e];
                if (v > m || v != v) {
                    m = v;
                    b = e;
                }
                index[out] = b - at;
                values[out] = m;
            }
        }
    }

    // A plane is scanned one output row at a time, window row by window row and kernel column by kernel
    // column with the output column innermost: each output still sees its positions in row-major order
    // (PyTorch's), and the inner loop runs over a whole row instead of a 2x2 window.

    private static void plane(float[] x, int at, int h, int w, Window2d win, int[] index, int out, float[] values) {
        int oh = win.outH(h), ow = win.outW(w);
        float[] max = new float[ow];
        int[] best = new int[ow];
        for (int i = 0; i < oh; i++, out += ow) {
            int top = rowStart(win, i, h, w, best);
            java.util.Arrays.fill(max, Float.NEGATIVE_INFINITY);
            for (int ih = top; ih < bottom(win, i, h); ih += win.dh()) {
                for (int kj = 0; kj < win.kw(); kj++) {
                    int start = kj * win.dw() - win.pw(), lo = Window2d.firstInside(start, win.sw());
                    int hi = Window2d.endInside(start, win.sw(), w, ow), row = ih * w + start;
                    for (int j = lo; j < hi; j++) {
                        float v = x[at + row + j * win.sw()];
                        if (v > max[j] || v != v) {
                            max[j] = v;
                            best[j] = row + j * win.sw();
                        }
                    }
                }
            }
            System.arraycopy(best, 0, index, out, ow);
            System.arraycopy(max, 0, values, out, ow);
        }
    }

    private static void plane(double[] x, int at, int h, int w, Window2d win, int[] index, int out, double[] values) {
        int oh = win.outH(h), ow = win.outW(w);
        double[] max = new double[ow];
        int[] best = new int[ow];
        for (int i = 0; i < oh; i++, out += ow) {
            int top = rowStart(win, i, h, w, best);
            java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
            for (int ih = top; ih < bottom(win, i, h); ih += win.dh()) {
                for (int kj = 0; kj < win.kw(); kj++) {
                    int start = kj * win.dw() - win.pw(), lo = Window2d.firstInside(start, win.sw());
                    int hi = Window2d.endInside(start, win.sw(), w, ow), row = ih * w + start;
                    for (int j = lo; j < hi; j++) {
                        double v = x[at + row + j * win.sw()];
                        if (v > max[j] || v != v) {
                            max[j] = v;
                            best[j] = row + j * win.sw();
                        }
                    }
                }
            }
            System.arraycopy(best, 0, index, out, ow);
            System.arraycopy(max, 0, values, out, ow);
        }
    }

    /** The first inside row of output row i's windows; {@code best} gets each window's first inside position. */
    private static int rowStart(Window2d win, int i, int h, int w, int[] best) {
        int y = i * win.sh() - win.ph(), top = y + Window2d.firstInside(y, win.dh()) * win.dh();
        for (int j = 0; j < best.length; j++) {
            int x = j * win.sw() - win.pw();
            best[j] = top * w + x + Window2d.firstInside(x, win.dw()) * win.dw();
        }
        return top;
    }

    private static int bottom(Window2d win, int i, int h) {
        return Math.min(i * win.sh() - win.ph() + (win.kh() - 1) * win.dh() + 1, h);
    }
}
