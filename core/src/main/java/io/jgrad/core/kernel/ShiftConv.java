package io.jgrad.core.kernel;

import java.util.concurrent.atomic.AtomicBoolean;
import org.bytedeco.javacpp.Pointer;

/**
 * Stride-1 convolution on the CPU device without im2col. In a padded image [C, Hp, Wp] stored flat,
 * the input a kernel offset (ki, kj) pairs with output position (i, j) sits at {@code (i + ki·dh)·Wp
 * + j + kj·dw}: for every offset the whole output is one contiguous run of the padded image, shifted.
 * So the output, computed Wp wide (its last Wp - OW columns are discarded), is kh·kw accumulating
 * products of the offset's weight slice [O, C] with the image read in place at that shift, and the
 * input gradient is the same products transposed, added at the shifts. Only the padded image
 * (9× smaller than its blocks for a 3×3 kernel) is copied, and OpenBLAS runs these small products
 * near its peak.
 *
 * <p>The discarded columns read pixels of the neighbouring row and pair zeros of the widened output
 * gradient with them: harmless for finite numbers, but 0·inf is NaN. So the weight gradient takes
 * this path only for a finite input (each padded image is checked as it is built, and the first
 * non-finite one abandons the path), and the input gradient only for a finite weight; otherwise
 * {@link ConvKernel} uses im2col.
 */
final class ShiftConv {
    private ShiftConv() {}

    /**
     * Stride 1 and at least 16 input channels per group: each product's inner dimension is the channel
     * count, and below about 16 (measured: 2x slower than im2col for one channel, even at 16, 1.3x faster
     * at 32) the small products cost more than the blocks they save.
     */
    static boolean applies(Window2d win, int channelsPerGroup) {
        return win.sh() == 1 && win.sw() == 1 && channelsPerGroup >= 16;
    }

    /** A thread's buffers: the padded image and the widened output (or its gradient), on the heap and off it. */
    private static final class Scratch {
        Object image, wide;
        Pointer imageOff, wideOff, acc;

        void fit(Object like, ConvSizes g) {
            if (image == null || image.getClass() != like.getClass() || Buffers.length(image) < g.padded) {
                image = Buffers.allocLike(like, g.padded);
            }
            if (wide == null || wide.getClass() != like.getClass() || Buffers.length(wide) < g.o * g.wide) {
                wide = Buffers.allocLike(like, g.o * g.wide);
            }
            imageOff = OffHeap.fit(imageOff, like, g.padded);
            wideOff = OffHeap.fit(wideOff, like, (long) g.o * g.wide);
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    static Object forward(Object x, int[] xShape, Object w, int[] wShape, Window2d win, int groups) {
        ConvSizes g = new ConvSizes(xShape, wShape, win, groups);
        int out = g.o * g.oh * g.ow;
        Object y = Buffers.allocLike(x, g.n * out);
        Pointer wr = byOffset(w, g);
        Parallel.forParts(g.n, (first, last) -> {
            Scratch s = SCRATCH.get();
            s.fit(x, g);
            for (int i = first; i < last; i++) {
                padded(x, i * g.c * g.h * g.w, g, s);
                for (int grp = 0; grp < g.groups; grp++) {
                    for (int q = 0; q < g.kk; q++) {
                        Gemm.product(false, false, g.og, g.wide, g.cg, weightAt(wr, g, q, grp), g.cg,
                                OffHeap.at(s.imageOff, (long) grp * g.cg * g.plane + g.shift(q)), g.plane, q > 0,
                                OffHeap.at(s.wideOff, (long) grp * g.og * g.wide), g.wide);
                    }
                }
                OffHeap.get(s.wideOff, 0, s.wide, 0, g.o * g.wide);
                for (int r = 0; r < g.o * g.oh; r++) System.arraycopy(s.wide, r * g.wp, y, i * out + r * g.ow, g.ow);
            }
        });
        return y;
    }

    /** The input gradient, or null when the weight holds a non-finite number. */
    static Object inputGrad(Object gy, Object w, int[] wShape, int[] xShape, Window2d win, int groups) {
        if (!finite(w, Buffers.length(w))) return null;
        ConvSizes g = new ConvSizes(xShape, wShape, win, groups);
        int in = g.c * g.h * g.w;
        Object gx = Buffers.allocLike(gy, g.n * in);
        Pointer wr = byOffset(w, g);
        Parallel.forParts(g.n, (first, last) -> {
            Scratch s = SCRATCH.get();
            s.fit(gy, g);
            for (int i = first; i < last; i++) {
                widened(gy, i, g, s);
                Buffers.fillRange(s.image, 0, g.padded, 0);
                OffHeap.put(s.imageOff, 0, s.image, 0, g.padded);
                for (int grp = 0; grp < g.groups; grp++) {
                    for (int q = 0; q < g.kk; q++) {
                        Gemm.product(true, false, g.cg, g.wide, g.og, weightAt(wr, g, q, grp), g.cg,
                                OffHeap.at(s.wideOff, (long) grp * g.og * g.wide), g.wide, true,
                                OffHeap.at(s.imageOff, (long) grp * g.cg * g.plane + g.shift(q)), g.plane);
                    }
                }
                OffHeap.get(s.imageOff, 0, s.image, 0, g.c * g.plane);
                for (int r = 0; r < g.c * g.h; r++) {
                    int at = r / g.h * g.plane + (r % g.h + win.ph()) * g.wp + win.pw();
                    System.arraycopy(s.image, at, gx, i * in + r * g.w, g.w);
                }
            }
        });
        return gx;
    }

    /** The weight gradient [O, C/groups, kh, kw], or null when the input holds a non-finite number. */
    static Object weightGrad(Object gy, Object x, int[] xShape, int[] wShape, Window2d win, int groups, int parts) {
        ConvSizes g = new ConvSizes(xShape, wShape, win, groups);
        AtomicBoolean nonFinite = new AtomicBoolean();  // checked image by image, in the threads, as it is copied
        int size = g.o * g.cg * g.kk;
        Object[] partial = new Object[parts];
        Parallel.forParts(parts, (first, last) -> {
            Scratch s = SCRATCH.get();
            s.fit(x, g);
            s.acc = OffHeap.fit(s.acc, x, size);
            for (int p = first; p < last; p++) {
                int from = (int) ((long) g.n * p / parts), to = (int) ((long) g.n * (p + 1) / parts);
                for (int i = from; i < to && !nonFinite.get(); i++) {
                    padded(x, i * g.c * g.h * g.w, g, s);
                    if (!finite(s.image, g.padded)) nonFinite.set(true);
                    widened(gy, i, g, s);
                    for (int grp = 0; grp < g.groups; grp++) {
                        for (int q = 0; q < g.kk; q++) {
                            Gemm.product(false, true, g.og, g.cg, g.wide, OffHeap.at(s.wideOff, (long) grp * g.og * g.wide),
                                    g.wide, OffHeap.at(s.imageOff, (long) grp * g.cg * g.plane + g.shift(q)), g.plane,
                                    i > from, weightAt(s.acc, g, q, grp), g.cg);
                        }
                    }
                }
                partial[p] = Buffers.allocLike(x, size);
                OffHeap.get(s.acc, 0, partial[p], 0, size);
            }
        });
        if (nonFinite.get()) return null;
        Object sum = Buffers.allocLike(x, size);
        for (Object p : partial) Blocks.add(p, 0, 1, sum, 0, size);
        Object gw = Buffers.allocLike(x, size);
        int oc = g.o * g.cg;
        for (int q = 0; q < g.kk; q++) Blocks.add(sum, q * oc, g.kk, gw, q, oc);  // [kh·kw][O][C/g] to [O][C/g][kh·kw]
        return gw;
    }

    /** Offset q's weight slice [O/groups, C/groups] of group grp in the [kh·kw][O][C/groups] layout. */
    private static Pointer weightAt(Pointer byOffset, ConvSizes g, int q, int grp) {
        return OffHeap.at(byOffset, (long) q * g.o * g.cg + (long) grp * g.og * g.cg);
    }

    /** The weight [O, C/groups, kh, kw] regrouped by kernel offset, [kh·kw][O][C/groups], in the caller's buffer. */
    private static Pointer byOffset(Object w, ConvSizes g) {
        Gemm.blasThreads(1);  // the team splits the images; OpenBLAS's own threads would fight it
        int oc = g.o * g.cg, size = oc * g.kk;
        Object r = Buffers.allocLike(w, size);
        for (int q = 0; q < g.kk; q++) {
            for (int j = 0; j < oc; j++) Buffers.set(r, q * oc + j, Buffers.get(w, j * g.kk + q));
        }
        Scratch s = SCRATCH.get();
        s.acc = OffHeap.fit(s.acc, w, size);
        OffHeap.put(s.acc, 0, r, 0, size);
        return s.acc;
    }

    /** Image i of x inside its zero border, copied off-heap. */
    private static void padded(Object x, int at, ConvSizes g, Scratch s) {
        Buffers.fillRange(s.image, 0, g.padded, 0);
        for (int r = 0; r < g.c * g.h; r++) {
            System.arraycopy(x, at + r * g.w, s.image, r / g.h * g.plane + (r % g.h + g.win.ph()) * g.wp + g.win.pw(), g.w);
        }
        OffHeap.put(s.imageOff, 0, s.image, 0, g.padded);
    }

    /** Image i's output gradient Wp wide, zeros in the discarded columns, copied off-heap. */
    private static void widened(Object gy, int i, ConvSizes g, Scratch s) {
        int out = g.o * g.oh * g.ow;
        for (int r = 0; r < g.o * g.oh; r++) {
            System.arraycopy(gy, i * out + r * g.ow, s.wide, r * g.wp, g.ow);
            Buffers.fillRange(s.wide, r * g.wp + g.ow, (r + 1) * g.wp, 0);
        }
        OffHeap.put(s.wideOff, 0, s.wide, 0, g.o * g.wide);
    }

    /** Whether the first {@code len} elements are finite: x·0 is 0 for finite x and NaN otherwise, so one sum says. */
    private static boolean finite(Object a, int len) {
        double s = 0;
        if (a instanceof float[] f) {
            float acc = 0;
            for (int i = 0; i < len; i++) acc += f[i] * 0f;
            s = acc;
        } else {
            double[] d = (double[]) a;
            for (int i = 0; i < len; i++) s += d[i] * 0.0;
        }
        return s == 0;
    }
}
