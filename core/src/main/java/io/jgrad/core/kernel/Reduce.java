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
                if (src instanceof long[] l) {  // exactly: int64 beyond 2^53 would round through double
                    for (int i = 0; i < len; i++) acc[oi + (inner ? 0 : i)] += l[si + i];
                } else {
                    boolean[] b = (boolean[]) src;
                    for (int i = 0; i < len; i++) acc[oi + (inner ? 0 : i)] += b[si + i] ? 1 : 0;
                }
            });
            return acc;
        }
        double[] acc = floatingSum(src, shape, dims, n);
        if (src instanceof double[]) return acc;
        float[] out = new float[n];
        for (int i = 0; i < n; i++) out[i] = (float) acc[i];
        return out;
    }

    /**
     * Sums float or double {@code src} in double. Reducing leading dims (a bias gradient) or trailing
     * dims (row sums) splits the outputs across threads, each output summed in the same order as on
     * one thread; a full reduction of a large array sums fixed-size chunks and adds their partials in
     * order. Either way the bits do not depend on the thread count.
     */
    private static double[] floatingSum(Object src, int[] shape, boolean[] dims, int n) {
        double[] acc = new double[n];
        int total = Shapes.numel(shape), p = 0, q = dims.length;
        while (p < dims.length && dims[p]) p++;       // dims [0, p) reduced
        while (q > 0 && dims[q - 1]) q--;             // dims [q, rank) reduced
        if (total == 0) return acc;
        if (q == 0 && total >= 2 * Parallel.GRAIN) {  // everything: ordered chunk partials
            double[] partial = new double[Parallel.chunks(total)];
            Parallel.forChunks(total, (c, from, to) -> partial[c] = span(src, from, to));
            double s = 0;
            for (double v : partial) s += v;
            acc[0] = s;
        } else if (q < dims.length && !contains(dims, 0, q)) {
            int len = total / n, row = shape[shape.length - 1];
            Parallel.forRange(n, len, (from, to) -> {
                for (int o = from; o < to; o++) {
                    double s = 0;
                    for (int r = o * len; r < (o + 1) * len; r += row) s += span(src, r, r + row);
                    acc[o] = s;
                }
            });
        } else if (p > 0 && !contains(dims, p, dims.length)) {
            int cols = n, rows = total / cols;
            Parallel.forRange(cols, rows, (from, to) -> columns(src, rows, cols, from, to, acc, 0, 0));
        } else {
            walk(shape, Shapes.reduced(shape, dims, true), dims, (si, oi, len, inner) -> {
                if (inner) acc[oi] += span(src, si, si + len);
                else columns(src, 1, 0, 0, len, acc, si, oi);
            });
        }
        return acc;
    }

    /**
     * acc[ao + k] += Σ_r src[so + r·cols + k] for k in [from, to), row by row so the inner loop
     * vectorises.
     */
    private static void columns(Object src, int rows, int cols, int from, int to, double[] acc, int so, int ao) {
        if (src instanceof float[] f) {
            for (int r = 0; r < rows; r++) {
                int base = so + r * cols - ao;
                for (int k = ao + from; k < ao + to; k++) acc[k] += f[base + k];
            }
        } else {
            double[] d = (double[]) src;
            for (int r = 0; r < rows; r++) {
                int base = so + r * cols - ao;
                for (int k = ao + from; k < ao + to; k++) acc[k] += d[base + k];
            }
        }
    }

    /** Σ src[from, to) in double, in index order. */
    private static double span(Object src, int from, int to) {
        double s = 0;
        if (src instanceof float[] f) {
            for (int i = from; i < to; i++) s += f[i];
        } else {
            double[] d = (double[]) src;
            for (int i = from; i < to; i++) s += d[i];
        }
        return s;
    }

    private static boolean contains(boolean[] dims, int from, int to) {
        for (int d = from; d < to; d++) if (dims[d]) return true;
        return false;
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
