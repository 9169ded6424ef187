package io.jgrad.core.kernel;

import org.bytedeco.javacpp.Pointer;

/**
 * 2-D convolution on the CPU device, one image at a time, as PyTorch's {@code slow_conv2d}: an
 * image's blocks ([C·kh·kw, L] columns) go to an off-heap buffer, and one OpenBLAS product per group
 * multiplies the weight [O, C·kh·kw] by them, leaving the image's output [O, L] already in NCHW order.
 * Nothing the size of the whole batch's blocks is built (for a 32→64 3×3 layer at batch 128, 29 MB
 * written and read back), and no transposing copy follows the product.
 *
 * <p>A stride-1 convolution of many channels skips the blocks altogether ({@link ShiftConv}); this im2col
 * path serves the rest, and non-finite operands there.
 *
 * <p>Images are independent, so they are the parts the threads claim. The weight gradient sums over
 * images in a fixed number of parts combined in order, so its bits do not depend on the thread count.
 */
final class ConvKernel {
    private ConvKernel() {}

    /** Parts of the batch for the weight gradient: each holds one [O, C·kh·kw] partial sum. */
    private static final int WEIGHT_PARTS = 8;

    /** A thread's buffers, grown to the largest convolution it has run. */
    private static final class Scratch {
        Pointer weight, cols, rows;
        Object heapCols;

        /** Room for one image's blocks (on and off the heap) and its output rows, in {@code like}'s type. */
        Scratch fit(Object like, ConvSizes d) {
            int len = d.c * d.kk * d.l;
            if (heapCols == null || Buffers.length(heapCols) < len || heapCols.getClass() != like.getClass()) {
                heapCols = Buffers.allocLike(like, len);
            }
            cols = OffHeap.fit(cols, like, len);
            rows = OffHeap.fit(rows, like, (long) d.o * d.l);
            return this;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** y [N, O, OH, OW] from x [N, C, H, W] and w [O, C/groups, kh, kw], without bias. */
    static Object forward(Object x, int[] xShape, Object w, int[] wShape, Window2d win, int groups) {
        ConvSizes d = new ConvSizes(xShape, wShape, win, groups);
        int l = d.l, patch = d.patch, og = d.og, out = d.o * l;
        if (d.n * out == 0 || patch == 0) return Buffers.allocLike(x, d.n * out);
        if (ShiftConv.applies(win, wShape[1])) return ShiftConv.forward(x, xShape, w, wShape, win, groups);
        Object y = Buffers.allocLike(x, d.n * out);
        Pointer wp = weight(w);
        Parallel.forParts(d.n, (first, last) -> {
            Scratch s = SCRATCH.get().fit(x, d);
            for (int i = first; i < last; i++) {
                blocks(x, i * d.image, d, win, s);
                for (int g = 0; g < groups; g++) {
                    Gemm.product(false, false, og, l, patch, OffHeap.at(wp, (long) g * og * patch), patch,
                            OffHeap.at(s.cols, (long) g * patch * l), l, false, OffHeap.at(s.rows, (long) g * og * l), l);
                }
                OffHeap.get(s.rows, 0, y, i * out, out);
            }
        });
        return y;
    }

    /** The input's gradient [N, C, H, W] from the output's [N, O, OH, OW]: each image's blocks' gradient, added back. */
    static Object inputGrad(Object gy, Object w, int[] wShape, int[] xShape, Window2d win, int groups) {
        ConvSizes d = new ConvSizes(xShape, wShape, win, groups);
        int l = d.l, patch = d.patch, og = d.og, out = d.o * l;
        if (d.n * out == 0 || patch == 0) return Buffers.allocLike(gy, d.n * d.image);
        Object shifted = ShiftConv.applies(win, wShape[1]) ? ShiftConv.inputGrad(gy, w, wShape, xShape, win, groups) : null;
        if (shifted != null) return shifted;
        Object gx = Buffers.allocLike(gy, d.n * d.image);
        Pointer wp = weight(w);
        Parallel.forParts(d.n, (first, last) -> {
            Scratch s = SCRATCH.get().fit(gy, d);
            for (int i = first; i < last; i++) {
                OffHeap.put(s.rows, 0, gy, i * out, out);
                for (int g = 0; g < groups; g++) {
                    Gemm.product(true, false, patch, l, og, OffHeap.at(wp, (long) g * og * patch), patch,
                            OffHeap.at(s.rows, (long) g * og * l), l, false, OffHeap.at(s.cols, (long) g * patch * l), l);
                }
                OffHeap.get(s.cols, 0, s.heapCols, 0, d.c * d.kk * l);
                Blocks.addBack(s.heapCols, gx, i * d.image, d.c, d.h, d.w, d.oh, d.ow, win);
            }
        });
        return gx;
    }

    /** The weight's gradient [O, C/groups, kh, kw]: the sum over images of output gradient times blocksᵀ. */
    static Object weightGrad(Object gy, Object x, int[] xShape, int[] wShape, Window2d win, int groups) {
        ConvSizes d = new ConvSizes(xShape, wShape, win, groups);
        int l = d.l, patch = d.patch, og = d.og, out = d.o * l, size = d.o * patch;
        if (d.n * out == 0 || size == 0) return Buffers.allocLike(x, size);
        Gemm.blasThreads(1);
        int parts = Math.min(d.n, WEIGHT_PARTS);
        Object shifted = ShiftConv.applies(win, wShape[1]) ? ShiftConv.weightGrad(gy, x, xShape, wShape, win, groups, parts) : null;
        if (shifted != null) return shifted;
        Object gw = Buffers.allocLike(x, size);
        Object[] partial = new Object[parts];
        Parallel.forParts(parts, (first, last) -> {
            Scratch s = SCRATCH.get().fit(x, d);
            s.weight = OffHeap.fit(s.weight, x, size);
            for (int p = first; p < last; p++) {
                int from = (int) ((long) d.n * p / parts), to = (int) ((long) d.n * (p + 1) / parts);
                for (int i = from; i < to; i++) {
                    blocks(x, i * d.image, d, win, s);
                    OffHeap.put(s.rows, 0, gy, i * out, out);
                    for (int g = 0; g < groups; g++) {
                        Gemm.product(false, true, og, patch, l, OffHeap.at(s.rows, (long) g * og * l), l,
                                OffHeap.at(s.cols, (long) g * patch * l), l, i > from,
                                OffHeap.at(s.weight, (long) g * og * patch), patch);
                    }
                }
                partial[p] = Buffers.allocLike(x, size);
                OffHeap.get(s.weight, 0, partial[p], 0, size);
            }
        });
        for (Object p : partial) Blocks.add(p, 0, 1, gw, 0, size);
        return gw;
    }

    /** The weight in the calling thread's off-heap buffer, which the workers read while the caller waits. */
    private static Pointer weight(Object w) {
        Gemm.blasThreads(1);  // the team splits the images; OpenBLAS's own threads would fight it
        Scratch s = SCRATCH.get();
        int len = Buffers.length(w);
        s.weight = OffHeap.fit(s.weight, w, len);
        OffHeap.put(s.weight, 0, w, 0, len);
        return s.weight;
    }

    /** One image's blocks, built on the heap and copied off-heap in one call. */
    private static void blocks(Object x, int at, ConvSizes d, Window2d win, Scratch s) {
        Blocks.columns(x, at, d.c, d.h, d.w, d.oh, d.ow, win, s.heapCols);
        OffHeap.put(s.cols, 0, s.heapCols, 0, d.c * d.kk * d.l);
    }
}
