package io.jgrad.core.kernel;

/**
 * Index-driven kernels: gather and scatter-add along a dimension, index-select and its adjoint.
 * Callers validate indices first; these loops trust them.
 */
public final class Index {
    private Index() {}

    /** {@code out[..., i, ...] = src[..., index[..., i, ...], ...]} along {@code dim}; out has the index's shape. */
    public static Object gather(Object src, int[] srcShape, int dim, long[] index, int[] idxShape) {
        Object out = Buffers.allocLike(src, index.length);
        int[] ss = Shapes.strides(srcShape);
        forEachIndexed(idxShape, dim, ss, index, (i, srcPos) -> Buffers.copyElement(src, srcPos, out, i));
        return out;
    }

    /** {@code dst[..., index[..., i, ...], ...] += src[..., i, ...]} along {@code dim}, over the index's shape. */
    public static void scatterAdd(Object dst, int[] dstShape, int dim, long[] index, int[] idxShape,
                                  Object src, int[] srcShape) {
        int[] ds = Shapes.strides(dstShape);
        int[] srcStrides = Shapes.strides(srcShape);
        int[] is = Shapes.strides(idxShape);
        forEachIndexed(idxShape, dim, ds, index, (i, dstPos) -> {
            int srcPos = 0, rem = i;
            for (int d = 0; d < idxShape.length; d++) {
                int k = rem / is[d];
                rem -= k * is[d];
                srcPos += k * srcStrides[d];
            }
            Buffers.set(dst, dstPos, Buffers.get(dst, dstPos) + Buffers.get(src, srcPos));
        });
    }

    private interface Visit {
        void at(int indexPos, int targetPos);
    }

    /** For each position of the index tensor, the target position it addresses along {@code dim}. */
    private static void forEachIndexed(int[] idxShape, int dim, int[] targetStrides, long[] index, Visit v) {
        int[] is = Shapes.strides(idxShape);
        for (int i = 0; i < index.length; i++) {
            int pos = 0, rem = i;
            for (int d = 0; d < idxShape.length; d++) {
                int k = rem / is[d];
                rem -= k * is[d];
                pos += (d == dim ? (int) index[i] : k) * targetStrides[d];
            }
            v.at(i, pos);
        }
    }

    /** The slices {@code index[0], index[1], ...} of {@code src} along {@code dim}, stacked along it. */
    public static Object select(Object src, int[] shape, int dim, long[] index) {
        Lanes l = new Lanes(shape, dim);
        Object out = Buffers.allocLike(src, l.outer * index.length * l.inner);
        for (int o = 0; o < l.outer; o++) {
            for (int j = 0; j < index.length; j++) {
                System.arraycopy(src, (o * l.c + (int) index[j]) * l.inner, out, (o * index.length + j) * l.inner, l.inner);
            }
        }
        return out;
    }

    /** Adjoint of {@link #select}: adds slice j of {@code src} into slice {@code index[j]} of float/double {@code dst}. */
    public static void selectAdd(Object dst, int[] shape, int dim, long[] index, Object src) {
        Lanes l = new Lanes(shape, dim);
        for (int o = 0; o < l.outer; o++) {
            for (int j = 0; j < index.length; j++) {
                int d0 = (o * l.c + (int) index[j]) * l.inner, s0 = (o * index.length + j) * l.inner;
                for (int i = 0; i < l.inner; i++) {
                    Buffers.set(dst, d0 + i, Buffers.get(dst, d0 + i) + Buffers.get(src, s0 + i));
                }
            }
        }
    }
}
