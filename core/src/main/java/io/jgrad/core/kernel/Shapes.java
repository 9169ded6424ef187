package io.jgrad.core.kernel;

import java.util.Arrays;

/** Shape arithmetic: element counts, row-major strides and PyTorch broadcasting. */
public final class Shapes {
    /** The largest array HotSpot allocates (a few header words below Integer.MAX_VALUE). */
    public static final int MAX_NUMEL = Integer.MAX_VALUE - 8;

    private Shapes() {}

    public static int numel(int[] shape) {
        long n = 1;
        for (int s : shape) n *= s;
        if (n > MAX_NUMEL) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has " + n
                    + " elements; jgrad tensors hold at most " + MAX_NUMEL);
        }
        return (int) n;
    }

    /** Row-major (C-order) strides of a contiguous tensor of this shape. */
    public static int[] strides(int[] shape) {
        int[] st = new int[shape.length];
        int s = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            st[d] = s;
            s *= shape[d];
        }
        return st;
    }

    /** The broadcast shape of {@code a} and {@code b}, or null when they are not broadcastable. */
    public static int[] broadcast(int[] a, int[] b) {
        int n = Math.max(a.length, b.length);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int da = i < n - a.length ? 1 : a[i - (n - a.length)];
            int db = i < n - b.length ? 1 : b[i - (n - b.length)];
            if (da != db && da != 1 && db != 1) return null;
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /**
     * Strides for reading a contiguous tensor of {@code shape} as if it had {@code outShape}: 0 on
     * dimensions it is broadcast along (missing on the left, or of size 1).
     */
    public static int[] broadcastStrides(int[] shape, int[] outShape) {
        int[] own = strides(shape);
        int[] st = new int[outShape.length];
        int off = outShape.length - shape.length;
        for (int d = off; d < outShape.length; d++) {
            st[d] = shape[d - off] == 1 ? 0 : own[d - off];
        }
        return st;
    }

    /** The shape after reducing the dimensions marked in {@code reduced}, kept as size 1 or dropped. */
    public static int[] reduced(int[] shape, boolean[] reduced, boolean keepdim) {
        int[] out = new int[keepdim ? shape.length : shape.length - count(reduced)];
        for (int d = 0, j = 0; d < shape.length; d++) {
            if (!reduced[d]) out[j++] = shape[d];
            else if (keepdim) out[j++] = 1;
        }
        return out;
    }

    private static int count(boolean[] flags) {
        int c = 0;
        for (boolean f : flags) if (f) c++;
        return c;
    }
}
