package io.jgrad.core.kernel;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * 2-D convolution from a device's generic kernels, for a device without a convolution of its own (the
 * ND4J device): each group's blocks as rows [N·OH·OW, C/groups·kh·kw] ({@link Unfold}), one product with
 * the group's weight, and strided copies between the groups' slices and NCHW.
 */
final class ComposedConv {
    private ComposedConv() {}

    /** Versions no tensor has (theirs are never negative), so a product's operand cache never takes one array for another. */
    private static final AtomicInteger UNVERSIONED = new AtomicInteger(Integer.MIN_VALUE);

    private static int once() {
        return UNVERSIONED.getAndIncrement();
    }

    static Object forward(Kernels k, Object x, int[] xShape, Object w, int[] wShape, Window2d win, int groups) {
        ConvSizes s = new ConvSizes(xShape, wShape, win, groups);
        Object y = k.zeros(k.type(x), s.n * s.o * s.l);
        for (int g = 0; g < groups; g++) {
            Object rows = Unfold.blocks(k, groupInput(k, x, s, g), groupShape(s), win, 0, Unfold.ROWS);
            Object out = k.matmul(false, true, 1, s.n * s.l, s.og, s.patch, rows, false, once(), groupWeight(k, w, s, g),
                    false, once());
            k.stridedScatter(out, new int[] {s.n, s.l, s.og}, y, g * s.og * s.l, new int[] {s.o * s.l, 1, s.l});
        }
        return y;
    }

    static Object inputGrad(Kernels k, Object gy, Object w, int[] wShape, int[] xShape, Window2d win, int groups) {
        ConvSizes s = new ConvSizes(xShape, wShape, win, groups);
        if (groups == 1) return Unfold.addBack(k, rowGrad(k, gy, w, s, 0), xShape, win, Unfold.ROWS);
        Object gx = k.zeros(k.type(gy), s.n * s.c * s.h * s.w);
        for (int g = 0; g < groups; g++) {
            Object part = Unfold.addBack(k, rowGrad(k, gy, w, s, g), groupShape(s), win, Unfold.ROWS);
            k.stridedScatter(part, groupShape(s), gx, g * s.cg * s.h * s.w, imageStrides(s));
        }
        return gx;
    }

    static Object weightGrad(Kernels k, Object gy, Object x, int[] xShape, int[] wShape, Window2d win, int groups) {
        ConvSizes s = new ConvSizes(xShape, wShape, win, groups);
        Object gw = k.zeros(k.type(x), s.o * s.patch);
        for (int g = 0; g < groups; g++) {
            Object rows = Unfold.blocks(k, groupInput(k, x, s, g), groupShape(s), win, 0, Unfold.ROWS);
            Object part = k.matmul(true, false, 1, s.og, s.patch, s.n * s.l, groupGrad(k, gy, s, g), false, once(), rows,
                    false, once());
            k.stridedScatter(part, new int[] {s.og, s.patch}, gw, g * s.og * s.patch, new int[] {s.patch, 1});
        }
        return gw;
    }

    /** The gradient of group g's block rows: its output gradient times its weight. */
    private static Object rowGrad(Kernels k, Object gy, Object w, ConvSizes s, int g) {
        return k.matmul(false, false, 1, s.n * s.l, s.patch, s.og, groupGrad(k, gy, s, g), false, once(),
                groupWeight(k, w, s, g), false, once());
    }

    private static Object groupInput(Kernels k, Object x, ConvSizes s, int g) {
        return s.groups == 1 ? x : k.strided(x, g * s.cg * s.h * s.w, imageStrides(s), groupShape(s));
    }

    private static Object groupWeight(Kernels k, Object w, ConvSizes s, int g) {
        return s.groups == 1 ? w : k.strided(w, g * s.og * s.patch, new int[] {s.patch, 1}, new int[] {s.og, s.patch});
    }

    /** Group g's output gradient as rows [N·OH·OW, O/groups]. */
    private static Object groupGrad(Kernels k, Object gy, ConvSizes s, int g) {
        return k.strided(gy, g * s.og * s.l, new int[] {s.o * s.l, 1, s.l}, new int[] {s.n, s.l, s.og});
    }

    private static int[] groupShape(ConvSizes s) {
        return new int[] {s.n, s.cg, s.h, s.w};
    }

    private static int[] imageStrides(ConvSizes s) {
        return new int[] {s.c * s.h * s.w, s.h * s.w, s.w, 1};
    }
}
