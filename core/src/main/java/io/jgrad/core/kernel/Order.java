package io.jgrad.core.kernel;

/**
 * Scans and orderings along one dimension, lane by lane ({@link Lanes}): running sums and the
 * stable sorting permutation.
 */
public final class Order {
    private Order() {}

    /**
     * Running sums along {@code dim}, from the last element when {@code reverse}. Floats accumulate
     * in double and each sum is rounded once, as PyTorch's CPU kernel does (its accumulator for
     * float32 is double); int64 and bool give int64, wrapping as Java's long does.
     */
    public static Object cumsum(Object src, int[] shape, int dim, boolean reverse) {
        Lanes l = new Lanes(shape, dim);
        int n = Shapes.numel(shape);
        boolean integral = src instanceof long[] || src instanceof boolean[];
        Object out = integral ? new long[n] : Buffers.allocLike(src, n);
        for (int o = 0; o < l.outer; o++) {
            for (int in = 0; in < l.inner; in++) {
                int base = o * l.c * l.inner + in;
                long exact = 0;
                double acc = 0;
                for (int j = 0; j < l.c; j++) {
                    int at = base + (reverse ? l.c - 1 - j : j) * l.inner;
                    if (src instanceof long[] v) {
                        ((long[]) out)[at] = exact += v[at];
                    } else if (src instanceof boolean[] v) {
                        ((long[]) out)[at] = exact += v[at] ? 1 : 0;
                    } else {
                        acc += Buffers.get(src, at);
                        Buffers.set(out, at, acc);
                    }
                }
            }
        }
        return out;
    }

    /**
     * The int64 permutation that stably sorts each lane along {@code dim}, shaped as {@code src}:
     * ascending with NaN after +inf, or descending with NaN first; equal elements (-0.0 and 0.0
     * among them) keep their order either way. This is PyTorch's {@code sort(stable=True)} on the CPU.
     */
    public static long[] argsort(Object src, int[] shape, int dim, boolean descending) {
        Lanes l = new Lanes(shape, dim);
        long[] out = new long[Shapes.numel(shape)];
        long[] key = new long[l.c];
        int[] perm = new int[l.c], tmp = new int[l.c];
        for (int o = 0; o < l.outer; o++) {
            for (int in = 0; in < l.inner; in++) {
                int base = o * l.c * l.inner + in;
                for (int j = 0; j < l.c; j++) {
                    long k = key(src, base + j * l.inner);
                    key[j] = descending ? ~k : k;  // ~ reverses the signed order exactly, ties stay ties
                    perm[j] = j;
                }
                mergeSort(perm, tmp, key, 0, l.c);
                for (int j = 0; j < l.c; j++) out[base + j * l.inner] = perm[j];
            }
        }
        return out;
    }

    /**
     * A long ordered as the element: int64 itself; a float's bits with the magnitude of negatives
     * flipped so they count down, after + 0.0 makes -0.0 equal to 0.0 and doubleToLongBits makes
     * every NaN the one positive NaN, above +inf.
     */
    private static long key(Object src, int i) {
        if (src instanceof long[] v) return v[i];
        if (src instanceof boolean[] v) return v[i] ? 1 : 0;
        long b = Double.doubleToLongBits(Buffers.get(src, i) + 0.0);
        return b ^ ((b >> 63) & Long.MAX_VALUE);
    }

    /** Sorts perm[lo, hi) by key[perm[i]], stably (a merge sort takes the left element of a tie). */
    private static void mergeSort(int[] perm, int[] tmp, long[] key, int lo, int hi) {
        if (hi - lo < 2) return;
        int mid = (lo + hi) >>> 1;
        mergeSort(perm, tmp, key, lo, mid);
        mergeSort(perm, tmp, key, mid, hi);
        if (key[perm[mid - 1]] <= key[perm[mid]]) return;  // already in order
        int i = lo, j = mid, o = lo;
        while (i < mid && j < hi) tmp[o++] = key[perm[j]] < key[perm[i]] ? perm[j++] : perm[i++];
        while (i < mid) tmp[o++] = perm[i++];
        while (j < hi) tmp[o++] = perm[j++];
        System.arraycopy(tmp, lo, perm, lo, hi - lo);
    }
}
