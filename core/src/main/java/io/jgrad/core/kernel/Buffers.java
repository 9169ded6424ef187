package io.jgrad.core.kernel;

/**
 * Element access and conversion for the four storage arrays a tensor can hold:
 * {@code float[]}, {@code double[]}, {@code long[]} and {@code boolean[]}.
 *
 * <p>Tensor data lives in plain heap arrays rather than off-heap ND4J buffers: the JIT vectorises
 * loops over them and allocating one costs nanoseconds, where an ND4J allocation or element-wise
 * call costs 5–20 µs (see shared/ND4J-NOTES.md). Hot kernels are written per array type; the
 * generic accessors here serve the cold paths.
 */
public final class Buffers {
    private Buffers() {}

    public static int length(Object a) {
        if (a instanceof float[] f) return f.length;
        if (a instanceof double[] d) return d.length;
        if (a instanceof long[] l) return l.length;
        return ((boolean[]) a).length;
    }

    /** A new zero-filled array of the same element type as {@code proto}. */
    public static Object allocLike(Object proto, int n) {
        if (proto instanceof float[]) return new float[n];
        if (proto instanceof double[]) return new double[n];
        if (proto instanceof long[]) return new long[n];
        return new boolean[n];
    }

    public static double get(Object a, int i) {
        if (a instanceof float[] f) return f[i];
        if (a instanceof double[] d) return d[i];
        if (a instanceof long[] l) return l[i];
        return ((boolean[]) a)[i] ? 1 : 0;
    }

    public static void set(Object a, int i, double v) {
        if (a instanceof float[] f) f[i] = (float) v;
        else if (a instanceof double[] d) d[i] = v;
        else if (a instanceof long[] l) l[i] = (long) v;
        else ((boolean[]) a)[i] = v != 0;
    }

    /** Copies element {@code si} of {@code src} to element {@code di} of {@code dst}, both of one type. */
    public static void copyElement(Object src, int si, Object dst, int di) {
        if (src instanceof float[] f) ((float[]) dst)[di] = f[si];
        else if (src instanceof double[] d) ((double[]) dst)[di] = d[si];
        else if (src instanceof long[] l) ((long[]) dst)[di] = l[si];
        else ((boolean[]) dst)[di] = ((boolean[]) src)[si];
    }

    public static Object copy(Object a) {
        if (a instanceof float[] f) return f.clone();
        if (a instanceof double[] d) return d.clone();
        if (a instanceof long[] l) return l.clone();
        return ((boolean[]) a).clone();
    }

    public static double[] toDoubles(Object a) {
        if (a instanceof double[] d) return d.clone();
        int n = length(a);
        double[] out = new double[n];
        if (a instanceof float[] f) {
            for (int i = 0; i < n; i++) out[i] = f[i];
        } else {
            for (int i = 0; i < n; i++) out[i] = get(a, i);
        }
        return out;
    }

    public static float[] toFloats(Object a) {
        if (a instanceof float[] f) return f.clone();
        int n = length(a);
        float[] out = new float[n];
        if (a instanceof double[] d) {
            for (int i = 0; i < n; i++) out[i] = (float) d[i];
        } else {
            for (int i = 0; i < n; i++) out[i] = (float) get(a, i);
        }
        return out;
    }

    /** Converts to int64, truncating toward zero like PyTorch's {@code .long()}. */
    public static long[] toLongs(Object a) {
        if (a instanceof long[] l) return l.clone();
        int n = length(a);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) out[i] = (long) get(a, i);
        return out;
    }

    public static boolean[] toBools(Object a) {
        if (a instanceof boolean[] b) return b.clone();
        int n = length(a);
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) out[i] = get(a, i) != 0;
        return out;
    }

    /** Fills {@code a} with {@code v}, converted to its element type. */
    public static void fill(Object a, double v) {
        fillRange(a, 0, length(a), v);
    }

    public static void fillRange(Object a, int from, int to, double v) {
        if (a instanceof float[] f) java.util.Arrays.fill(f, from, to, (float) v);
        else if (a instanceof double[] d) java.util.Arrays.fill(d, from, to, v);
        else if (a instanceof long[] l) java.util.Arrays.fill(l, from, to, (long) v);
        else java.util.Arrays.fill((boolean[]) a, from, to, v != 0);
    }
}
