package io.jgrad.core.kernel;

/**
 * Reductions over any set of dimensions. Results come back with the kept-dimension shape
 * ({@link Shapes#reduced} with keepdim true); dropping dimensions is a free reshape.
 * Float sums accumulate in double, which is at least as accurate as PyTorch's float accumulation.
 */
public final class Reduce {
    private Reduce() {}

    /** Sum; float stays float, double stays double, int64 and bool give int64 (as in PyTorch). */
    public static Object sum(Object src, int[] shape, boolean[] dims) {
        int[] outShape = Shapes.reduced(shape, dims, true);
        int n = Shapes.numel(outShape);
        if (src instanceof long[] || src instanceof boolean[]) {
            long[] acc = new long[n];
            walk(shape, outShape, dims, (si, oi, len, inner) -> {
                for (int i = 0; i < len; i++) acc[oi + (inner ? 0 : i)] += (long) Buffers.get(src, si + i);
            });
            return acc;
        }
        double[] acc = new double[n];
        if (src instanceof float[] f) {
            walk(shape, outShape, dims, (si, oi, len, inner) -> {
                if (inner) {
                    double s = 0;
                    for (int i = 0; i < len; i++) s += f[si + i];
                    acc[oi] += s;
                } else {
                    for (int i = 0; i < len; i++) acc[oi + i] += f[si + i];
                }
            });
            float[] out = new float[n];
            for (int i = 0; i < n; i++) out[i] = (float) acc[i];
            return out;
        }
        double[] d = (double[]) src;
        walk(shape, outShape, dims, (si, oi, len, inner) -> {
            if (inner) {
                double s = 0;
                for (int i = 0; i < len; i++) s += d[si + i];
                acc[oi] += s;
            } else {
                for (int i = 0; i < len; i++) acc[oi + i] += d[si + i];
            }
        });
        return acc;
    }

    /** Maximum ({@code max = true}) or minimum; NaN wins, as in PyTorch. Same array type as the input. */
    public static Object extreme(Object src, int[] shape, boolean[] dims, boolean max) {
        int[] outShape = Shapes.reduced(shape, dims, true);
        int n = Shapes.numel(outShape);
        if (src instanceof long[] l) {  // exact: int64 beyond 2^53 would round through double
            long[] acc = new long[n];
            java.util.Arrays.fill(acc, max ? Long.MIN_VALUE : Long.MAX_VALUE);
            walk(shape, outShape, dims, (si, oi, len, inner) -> {
                for (int i = 0; i < len; i++) {
                    int o = oi + (inner ? 0 : i);
                    acc[o] = max ? Math.max(acc[o], l[si + i]) : Math.min(acc[o], l[si + i]);
                }
            });
            return acc;
        }
        double[] acc = new double[n];
        java.util.Arrays.fill(acc, max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        walk(shape, outShape, dims, (si, oi, len, inner) -> {
            for (int i = 0; i < len; i++) {
                int o = oi + (inner ? 0 : i);
                double v = Buffers.get(src, si + i);
                acc[o] = max ? Math.max(acc[o], v) : Math.min(acc[o], v);
            }
        });
        Object out = Buffers.allocLike(src, n);
        for (int i = 0; i < n; i++) Buffers.set(out, i, acc[i]);
        return out;
    }

    /**
     * Index of the largest element along {@code dim} (first on ties, NaN counts as largest, as in
     * PyTorch); the result has the input's shape with {@code dim} of size 1.
     */
    public static long[] argmax(Object src, int[] shape, int dim) {
        int c = shape[dim], inner = 1, outer = 1;
        for (int d = dim + 1; d < shape.length; d++) inner *= shape[d];
        for (int d = 0; d < dim; d++) outer *= shape[d];
        long[] out = new long[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int in = 0; in < inner; in++) {
                int base = o * c * inner + in;
                double best = Buffers.get(src, base);
                int arg = 0;
                for (int j = 1; j < c && !Double.isNaN(best); j++) {
                    double v = Buffers.get(src, base + j * inner);
                    if (v > best || Double.isNaN(v)) {
                        best = v;
                        arg = j;
                    }
                }
                out[o * inner + in] = arg;
            }
        }
        return out;
    }

    private interface Span {
        /** {@code len} input elements from {@code si}; {@code inner}: they all fold into output {@code oi}. */
        void run(int si, int oi, int len, boolean inner);
    }

    private static void walk(int[] shape, int[] outShape, boolean[] dims, Span span) {
        if (Shapes.numel(shape) == 0) return;
        int[] os = Shapes.strides(outShape);
        for (int d = 0; d < dims.length; d++) if (dims[d]) os[d] = 0;
        int[] is = Shapes.strides(shape);
        Rows.forEach(shape, is, os, (ao, as, bo, bs, oo, n) -> span.run(ao, bo, n, bs == 0));
    }
}
