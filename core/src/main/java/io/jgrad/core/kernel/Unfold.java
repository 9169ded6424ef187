package io.jgrad.core.kernel;

import io.jgrad.core.kernel.Elementwise.Binary;

/**
 * The sliding blocks of an image batch [N, C, H, W] from any device's generic kernels: one strided
 * view of the padded input, copied out by the strided kernel, and its gradient added back one kernel
 * offset at a time (the positions of one offset never overlap, so a strided read, an add and a
 * strided write per offset are exact on every device). The blocks' six dims, n, c, kernel row, kernel
 * column, block row and block column, are laid out in the memory order {@code order} names.
 */
public final class Unfold {
    private Unfold() {}

    /** The order of one row per block, [N, OH·OW, C·kh·kw], as a convolution's product reads them. */
    static final int[] ROWS = {0, 4, 5, 1, 2, 3};

    /** The blocks of {@code x} [N, C, H, W], positions in the padding reading {@code padValue}. */
    public static Object blocks(Kernels k, Object x, int[] xShape, Window2d win, double padValue, int[] order) {
        int n = xShape[0], c = xShape[1], hp = xShape[2] + 2 * win.ph(), wp = xShape[3] + 2 * win.pw();
        Object padded = padded(k, x, xShape, win, padValue);
        int[] view = {n, c, win.kh(), win.kw(), win.outH(xShape[2]), win.outW(xShape[3])};
        int[] strides = {c * hp * wp, hp * wp, win.dh() * wp, win.dw(), win.sh() * wp, win.sw()};
        int[] shape = new int[6], st = new int[6];
        for (int i = 0; i < 6; i++) {
            shape[i] = view[order[i]];
            st[i] = strides[order[i]];
        }
        return k.strided(padded, 0, st, shape);
    }

    /** The gradient of {@code x} [N, C, H, W] given the gradient {@code g} of its {@link #blocks} in {@code order}. */
    public static Object addBack(Kernels k, Object g, int[] xShape, Window2d win, int[] order) {
        int n = xShape[0], c = xShape[1], hp = xShape[2] + 2 * win.ph(), wp = xShape[3] + 2 * win.pw();
        int oh = win.outH(xShape[2]), ow = win.outW(xShape[3]);
        Object gx = k.zeros(k.type(g), n * c * hp * wp);
        int[] blockShape = {n, c, oh, ow};
        int[] o = strides(new int[] {n, c, win.kh(), win.kw(), oh, ow}, order);
        int[] gStrides = {o[0], o[1], o[4], o[5]};
        int[] xStrides = {c * hp * wp, hp * wp, win.sh() * wp, win.sw()};
        for (int i = 0; i < win.kh(); i++) {
            for (int j = 0; j < win.kw(); j++) {
                Object slice = k.strided(g, i * o[2] + j * o[3], gStrides, blockShape);
                int at = i * win.dh() * wp + j * win.dw();
                if (i + j > 0) k.binaryInPlace(Binary.ADD, slice, blockShape, k.strided(gx, at, xStrides, blockShape), blockShape);
                k.stridedScatter(slice, blockShape, gx, at, xStrides);
            }
        }
        if (win.ph() == 0 && win.pw() == 0) return gx;
        return k.strided(gx, win.ph() * wp + win.pw(), interior(xShape, win), xShape);
    }

    /** Where each of the six dims steps in memory when they are laid out in {@code order}. */
    private static int[] strides(int[] view, int[] order) {
        int[] st = new int[6];
        int step = 1;
        for (int i = 5; i >= 0; i--) {
            st[order[i]] = step;
            step *= view[order[i]];
        }
        return st;
    }

    /** The input inside a border of {@code padValue}; the input itself when there is no border. */
    private static Object padded(Kernels k, Object x, int[] xShape, Window2d win, double padValue) {
        if (win.ph() == 0 && win.pw() == 0) return x;
        int hp = xShape[2] + 2 * win.ph(), wp = xShape[3] + 2 * win.pw();
        Object out = k.zeros(k.type(x), xShape[0] * xShape[1] * hp * wp);
        if (padValue != 0) k.fill(out, padValue);
        k.stridedScatter(x, xShape, out, win.ph() * wp + win.pw(), interior(xShape, win));
        return out;
    }

    /** The strides of the unpadded image inside the padded one. */
    private static int[] interior(int[] xShape, Window2d win) {
        int hp = xShape[2] + 2 * win.ph(), wp = xShape[3] + 2 * win.pw();
        return new int[] {xShape[1] * hp * wp, hp * wp, wp, 1};
    }
}
