package io.jgrad.core.kernel;

/**
 * Copies between a contiguous array and a strided view of another: one kernel serves transpose,
 * permute, narrow, select, expand (stride 0) and cat.
 */
public final class Strided {
    private Strided() {}

    /** A contiguous copy of the view ({@code offset}, {@code strides}, {@code shape}) of {@code src}. */
    public static Object gather(Object src, int offset, int[] strides, int[] shape) {
        Object dst = Buffers.allocLike(src, Shapes.numel(shape));
        int[] dstStrides = Shapes.strides(shape);
        Rows.forEachParallel(shape, strides, dstStrides, (so, ss, dOff, ds, oo, n) -> {
            int s = offset + so;
            if (ss == 1) {
                System.arraycopy(src, s, dst, dOff, n);
            } else {
                copyStrided(src, s, ss, dst, dOff, n);
            }
        });
        return dst;
    }

    /** Writes contiguous {@code src} of {@code shape} into the view ({@code offset}, {@code strides}) of {@code dst}. */
    public static void scatter(Object src, int[] shape, Object dst, int offset, int[] strides) {
        int[] srcStrides = Shapes.strides(shape);
        Rows.forEach(shape, srcStrides, strides, (so, ss, dOff, ds, oo, n) -> {
            if (ds == 1) {
                System.arraycopy(src, so, dst, offset + dOff, n);
            } else {
                for (int i = 0; i < n; i++) Buffers.copyElement(src, so + i, dst, offset + dOff + i * ds);
            }
        });
    }

    private static void copyStrided(Object src, int s, int ss, Object dst, int d, int n) {
        if (src instanceof float[] f) {
            float[] o = (float[]) dst;
            for (int i = 0; i < n; i++) o[d + i] = f[s + i * ss];
        } else if (src instanceof double[] f) {
            double[] o = (double[]) dst;
            for (int i = 0; i < n; i++) o[d + i] = f[s + i * ss];
        } else if (src instanceof long[] f) {
            long[] o = (long[]) dst;
            for (int i = 0; i < n; i++) o[d + i] = f[s + i * ss];
        } else {
            boolean[] f = (boolean[]) src, o = (boolean[]) dst;
            for (int i = 0; i < n; i++) o[d + i] = f[s + i * ss];
        }
    }
}
