package io.jgrad.core.kernel;

import static io.jgrad.core.kernel.Nd4jArrays.alloc;
import static io.jgrad.core.kernel.Nd4jArrays.empty;
import static io.jgrad.core.kernel.Nd4jArrays.exec;
import static io.jgrad.core.kernel.Nd4jArrays.flat;
import static io.jgrad.core.kernel.Nd4jArrays.longs;
import static io.jgrad.core.kernel.Nd4jArrays.nd;
import static io.jgrad.core.kernel.Nd4jArrays.view;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Layout and indexing on the ND4J device. A strided view is an ND4J view over the same buffer
 * (offset and strides as given, stride 0 included), so copying into or out of it is one native
 * assign. Index lists arrive on the host, so the flat positions they address are worked out there
 * (a loop over host data, never over the device array) and the device runs one gather or one
 * scatter_add over them. libnd4j's gather rejects BOOL, so bool data is gathered as int64.
 */
final class Nd4jIndex {
    private Nd4jIndex() {}

    static INDArray strided(Object src, int offset, int[] strides, int[] shape) {
        INDArray s = nd(src);
        if (Shapes.numel(shape) == 0) return empty(s.dataType());
        return stridedView(whole(s), offset, strides, shape).dup('c');
    }

    /** Overlapping destination elements (a stride-0 target) receive one of their sources, unspecified which. */
    static void stridedScatter(Object src, int[] shape, Object dst, int offset, int[] strides) {
        INDArray d = nd(dst);
        if (Shapes.numel(shape) == 0) return;
        if (d.offset() != 0) throw new IllegalArgumentException("stridedScatter: the destination must be a whole array, not a view");
        stridedView(d, offset, strides, shape).assign(view(src, shape));
    }

    /** {@code a} itself when its elements start its buffer, else a copy that does, so offsets count from 0. */
    private static INDArray whole(INDArray a) {
        return a.offset() == 0 ? a : a.dup('c');
    }

    private static INDArray stridedView(INDArray base, int offset, int[] strides, int[] shape) {
        return Nd4j.create(base.data(), longs(shape), longs(strides), offset, 'c');
    }

    static INDArray gather(Object src, int[] srcShape, int dim, long[] index, int[] idxShape) {
        INDArray s = nd(src);
        if (index.length == 0) return empty(s.dataType());
        long[] pos = positions(idxShape, dim, Shapes.strides(srcShape), index);
        return gatherFlat(flat(s), pos).reshape('c', longs(idxShape));
    }

    /**
     * Adds in index order, one update at a time: scatter_add's locking flag makes it sequential on
     * nd4j-native, so repeated targets sum as on the CPU, bit for bit (unlocked, 100,000 adds to one
     * element lost ~5% of them to races). A GPU backend adds atomically, in no fixed order.
     */
    static void scatterAdd(Object dst, int[] dstShape, int dim, long[] index, int[] idxShape, Object src,
                           int[] srcShape) {
        INDArray d = nd(dst), s = nd(src);
        if (index.length == 0) return;
        long[] to = positions(idxShape, dim, Shapes.strides(dstShape), index);
        INDArray updates;
        if (Arrays.equals(srcShape, idxShape)) {
            updates = flat(s);
        } else {  // the index covers a corner of src: pick the elements it pairs with
            long[] from = positions(idxShape, -1, Shapes.strides(srcShape), index);
            updates = gatherFlat(flat(s), from);
        }
        scatterAddLocked(flat(d), Nd4j.createFromArray(to), updates);
    }

    static INDArray select(Object src, int[] shape, int dim, long[] index) {
        INDArray s = nd(src);
        int[] outShape = shape.clone();
        outShape[dim] = index.length;
        if (Shapes.numel(outShape) == 0) return empty(s.dataType());
        boolean bool = s.dataType() == DataType.BOOL;
        INDArray in = view(s, shape);
        if (bool) in = in.castTo(DataType.LONG);
        INDArray out = exec("gather", new int[] {dim}, alloc(in.dataType(), outShape), in, Nd4j.createFromArray(index));
        return bool ? out.castTo(DataType.BOOL) : out;
    }

    /**
     * Adds slice j of {@code src} to slice {@code index[j]} of {@code dst}, in the CPU's order (by
     * outer position, then j): along the first dimension that is scatter_add's own row form, otherwise
     * every element's flat target is listed.
     */
    static void selectAdd(Object dst, int[] shape, int dim, long[] index, Object src) {
        INDArray d = nd(dst), s = nd(src);
        Lanes l = new Lanes(shape, dim);
        if (index.length == 0 || l.outer == 0 || l.inner == 0) return;
        if (l.outer == 1) {
            scatterAddLocked(view(d, new int[] {l.c, l.inner}), Nd4j.createFromArray(index),
                    view(s, new int[] {index.length, l.inner}));
            return;
        }
        long[] to = new long[l.outer * index.length * l.inner];
        for (int o = 0, p = 0; o < l.outer; o++) {
            for (long j : index) {
                long base = (o * (long) l.c + j) * l.inner;
                for (int i = 0; i < l.inner; i++) to[p++] = base + i;
            }
        }
        scatterAddLocked(flat(d), Nd4j.createFromArray(to), flat(s));
    }

    private static void scatterAddLocked(INDArray ref, INDArray indices, INDArray updates) {
        if (ref.dataType() == DataType.BOOL) throw new IllegalArgumentException("scatter-add into a bool array");
        Nd4j.exec(DynamicCustomOp.builder("scatter_add").addInputs(ref, indices, updates).addOutputs(ref)
                .addBooleanArguments(true, false).build());  // use_locking, check_indices (callers validated)
    }

    private static INDArray gatherFlat(INDArray src, long[] pos) {
        boolean bool = src.dataType() == DataType.BOOL;
        INDArray in = bool ? src.castTo(DataType.LONG) : src;
        INDArray out = exec("gather", Nd4j.createUninitialized(in.dataType(), pos.length), in, Nd4j.createFromArray(pos));
        return bool ? out.castTo(DataType.BOOL) : out;
    }

    /**
     * For each position of an index tensor of {@code idxShape}, the flat position it addresses in a
     * target with {@code targetStrides}: its own coordinates, with {@code index[i]} along {@code dim}
     * (no dim: coordinates only).
     */
    private static long[] positions(int[] idxShape, int dim, int[] targetStrides, long[] index) {
        long[] pos = new long[index.length];
        int[] coord = new int[idxShape.length];
        for (int i = 0; i < index.length; i++) {
            long p = 0;
            for (int d = 0; d < idxShape.length; d++) p += (d == dim ? index[i] : coord[d]) * (long) targetStrides[d];
            pos[i] = p;
            for (int d = idxShape.length - 1; d >= 0 && ++coord[d] == idxShape[d]; d--) coord[d] = 0;
        }
        return pos;
    }
}
