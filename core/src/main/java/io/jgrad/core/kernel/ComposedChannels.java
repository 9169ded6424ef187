package io.jgrad.core.kernel;

import io.jgrad.core.kernel.Elementwise.Binary;

/**
 * {@link ChannelKernel}'s per-channel sums and affine maps from a device's generic kernels, for a
 * device without its own (the ND4J device): broadcast arithmetic against [1, C, 1] vectors and a sum
 * over dims 0 and 2.
 */
final class ComposedChannels {
    private ComposedChannels() {}

    private static final boolean[] CHANNEL_SUM = {true, false, true};

    static double[] sums(Kernels k, Object x, double[] center, Object y, int[] ncl) {
        Object v = x;
        if (center != null) {
            Object d = k.binary(Binary.SUB, x, ncl, vector(k, x, center), channel(ncl), ncl);
            v = k.binary(Binary.MUL, d, ncl, y == null ? d : y, ncl, ncl);
        }
        // summed in double, as the CPU device's kernel does: a float sum over a large batch drifts by ~1e-5
        return (double[]) k.host(k.sum(k.convert(v, double[].class), ncl, CHANNEL_SUM));
    }

    static Object affine(Kernels k, Object x, double[] a, Object y, double[] b, double[] shift, int[] ncl) {
        int[] ch = channel(ncl);
        Object out = k.binary(Binary.MUL, x, ncl, vector(k, x, a), ch, ncl);
        if (y != null) k.binaryInPlace(Binary.ADD, out, ncl, k.binary(Binary.MUL, y, ncl, vector(k, x, b), ch, ncl), ncl);
        k.binaryInPlace(Binary.ADD, out, ncl, vector(k, x, shift), ch);
        return out;
    }

    private static int[] channel(int[] ncl) {
        return new int[] {1, ncl[1], 1};
    }

    /** {@code v} on the device in {@code like}'s element type. */
    private static Object vector(Kernels k, Object like, double[] v) {
        return k.convert(k.fromHost(v.clone()), k.type(like));
    }
}
