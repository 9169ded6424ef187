package io.jgrad.core.kernel;

/**
 * Per-channel sums and affine maps over x viewed [N, C, L] on the CPU device: what batch
 * normalisation reads and writes, each in one pass (PyTorch's {@code batch_norm_cpu_collect_stats}
 * and {@code transform_input}). Sums accumulate in double, one channel per task, in a fixed order.
 */
final class ChannelKernel {
    private ChannelKernel() {}

    /** Per channel: Σ x, or with {@code center}, Σ (x - center[c])·(y == null ? x - center[c] : y). */
    static double[] sums(Object x, double[] center, Object y, int[] ncl) {
        int n = ncl[0], c = ncl[1], l = ncl[2];
        double[] out = new double[c];
        Parallel.forRange(c, n * l, (from, to) -> {
            for (int ch = from; ch < to; ch++) {
                double s = 0, m = center == null ? 0 : center[ch];
                for (int i = 0; i < n; i++) {
                    int at = (i * c + ch) * l;
                    if (center == null) s += sum(x, at, l);
                    else s += y == null ? squares(x, at, l, m) : dot(x, at, l, m, y);
                }
                out[ch] = s;
            }
        });
        return out;
    }

    /** a[c]·x + b[c]·y + shift[c]; y and b are null together. */
    static Object affine(Object x, double[] a, Object y, double[] b, double[] shift, int[] ncl) {
        int c = ncl[1], l = ncl[2], rows = ncl[0] * c;
        Object out = Buffers.allocLike(x, rows * l);
        Parallel.forRange(rows, l, (from, to) -> {
            for (int r = from; r < to; r++) {
                int ch = r % c, at = r * l;
                if (x instanceof float[] f) {
                    float[] o = (float[]) out, g = (float[]) y;
                    float ac = (float) a[ch], bc = b == null ? 0 : (float) b[ch], sc = (float) shift[ch];
                    if (g == null) for (int i = at; i < at + l; i++) o[i] = f[i] * ac + sc;
                    else for (int i = at; i < at + l; i++) o[i] = f[i] * ac + g[i] * bc + sc;
                } else {
                    double[] d = (double[]) x, o = (double[]) out, g = (double[]) y;
                    double ac = a[ch], bc = b == null ? 0 : b[ch], sc = shift[ch];
                    if (g == null) for (int i = at; i < at + l; i++) o[i] = d[i] * ac + sc;
                    else for (int i = at; i < at + l; i++) o[i] = d[i] * ac + g[i] * bc + sc;
                }
            }
        });
        return out;
    }

    private static double sum(Object x, int at, int len) {
        double s = 0;
        if (x instanceof float[] f) for (int i = at; i < at + len; i++) s += f[i];
        else for (int i = at, e = at + len; i < e; i++) s += ((double[]) x)[i];
        return s;
    }

    private static double squares(Object x, int at, int len, double m) {
        double s = 0;
        if (x instanceof float[] f) {
            for (int i = at; i < at + len; i++) s += (f[i] - m) * (f[i] - m);
        } else {
            double[] d = (double[]) x;
            for (int i = at; i < at + len; i++) s += (d[i] - m) * (d[i] - m);
        }
        return s;
    }

    private static double dot(Object x, int at, int len, double m, Object y) {
        double s = 0;
        if (x instanceof float[] f) {
            float[] g = (float[]) y;
            for (int i = at; i < at + len; i++) s += (f[i] - m) * g[i];
        } else {
            double[] d = (double[]) x, g = (double[]) y;
            for (int i = at; i < at + len; i++) s += (d[i] - m) * g[i];
        }
        return s;
    }
}
