package io.jgrad.core.kernel;

import static io.jgrad.core.kernel.Nd4jArrays.alloc;
import static io.jgrad.core.kernel.Nd4jArrays.empty;
import static io.jgrad.core.kernel.Nd4jArrays.exec;
import static io.jgrad.core.kernel.Nd4jArrays.nd;
import static io.jgrad.core.kernel.Nd4jArrays.view;
import static io.jgrad.core.kernel.Nd4jBits.key;
import static io.jgrad.core.kernel.Nd4jBits.select;
import static io.jgrad.core.kernel.Nd4jBits.unkey;

import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Reductions and softmax on the ND4J device. Reductions return the kept-dimension shape
 * ({@link Shapes#reduced} with keepdim). Marking no dimension reduces nothing (a copy), where
 * libnd4j would reduce everything. Float work runs in double and rounds once, as the CPU kernels do.
 */
final class Nd4jReduce {
    private Nd4jReduce() {}

    private static int[] marked(boolean[] dims) {
        return IntStream.range(0, dims.length).filter(d -> dims[d]).toArray();
    }

    /** int64 and bool sum to int64 (bool has no sum in libnd4j, so it is cast first); float sums in double. */
    static INDArray sum(Object a, int[] shape, boolean[] dims) {
        INDArray x = nd(a);
        DataType in = x.dataType(), out = in == DataType.BOOL ? DataType.LONG : in;
        int[] outShape = Shapes.reduced(shape, dims, true);
        if (Shapes.numel(outShape) == 0) return empty(out);
        if (Shapes.numel(shape) == 0) return Nd4j.zeros(out, Nd4jArrays.longs(outShape));
        INDArray v = view(x, shape);
        DataType work = in == DataType.FLOAT ? DataType.DOUBLE : out;
        int[] ds = marked(dims);
        INDArray w = v.castTo(work);
        INDArray r = ds.length > 0 ? w.sum(true, ds) : w == v ? v.dup('c') : w;
        // + 0.0: the CPU's sums start from 0.0, so none is -0.0 (libnd4j's sum of a lone -0.0 is).
        return (work == DataType.LONG ? r : r.addi(0.0)).castTo(out);
    }

    /**
     * Maximum or minimum, NaN winning and -0.0 below 0.0 as {@code Math.max}: over floats this reduces
     * the order keys of {@link Nd4jArrays#key}, since libnd4j's max keeps whichever of a tie or a NaN
     * it met first. A reduction over no elements gives -inf / +inf (Long.MIN_VALUE / MAX_VALUE), the
     * CPU kernel's starting values.
     */
    static INDArray extreme(Object a, int[] shape, boolean[] dims, boolean max) {
        INDArray x = nd(a);
        DataType type = x.dataType();
        int[] outShape = Shapes.reduced(shape, dims, true);
        if (Shapes.numel(outShape) == 0) return empty(type);
        long[] os = Nd4jArrays.longs(outShape);
        if (Shapes.numel(shape) == 0) {
            return switch (type) {
                case LONG -> Nd4j.createUninitialized(DataType.LONG, os).assign(max ? Long.MIN_VALUE : Long.MAX_VALUE);
                case BOOL -> Nd4j.ones(DataType.BOOL, os);  // ±inf is nonzero: true
                default -> Nd4j.valueArrayOf(os, max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY, type);
            };
        }
        INDArray v = view(x, shape);
        int[] ds = marked(dims);
        if (ds.length == 0) return v.dup('c');
        if (type == DataType.LONG) return max ? v.max(true, ds) : v.min(true, ds);
        if (type == DataType.BOOL) {
            INDArray l = v.castTo(DataType.LONG);
            return (max ? l.max(true, ds) : l.min(true, ds)).castTo(DataType.BOOL);
        }
        INDArray k = key(v, max);
        return unkey(max ? k.max(true, ds) : k.min(true, ds), type);
    }

    /**
     * libnd4j's argmax takes the first of ties but skips NaN; PyTorch's (and the CPU kernel's) stops
     * at the first NaN, so lanes holding one take the argmax of the NaN mask instead.
     */
    static INDArray argmax(Object a, int[] shape, int dim) {
        INDArray x = nd(a);
        if (shape.length == 0) return Nd4j.zeros(DataType.LONG, 1);  // one element, index 0
        int[] outShape = shape.clone();
        outShape[dim] = 1;
        if (Shapes.numel(outShape) == 0) return empty(DataType.LONG);
        if (shape[dim] == 0) throw new IllegalArgumentException("argmax over an empty dimension " + dim);
        INDArray v = view(x, shape);
        long[] os = Nd4jArrays.longs(outShape);
        if (!Nd4jArrays.isFloating(v)) return Nd4j.argMax(v.castTo(DataType.LONG), dim).reshape('c', os);
        INDArray arg = Nd4j.argMax(v, dim);
        INDArray nan = v.isNaN().castTo(DataType.FLOAT);
        INDArray firstNan = Nd4j.argMax(nan, dim), anyNan = nan.max(dim).castTo(DataType.BOOL);
        return select(anyNan, firstNan, arg).reshape('c', os);
    }

    /**
     * Composed like the CPU kernel: shifted = x - max, then exp(shifted) / Σ or shifted - log Σ.
     * libnd4j's softmax op skips the shift on lanes of one element (exp(-1000)/exp(-1000) = NaN, and a
     * NaN or inf lane gives 1 where the CPU gives NaN), and its log_softmax is log(softmax), -inf where
     * the answer is a finite -1000. The max may skip a NaN (libnd4j's does); the sum then carries it.
     */
    static INDArray softmax(Object x, int[] shape, int dim, boolean log) {
        INDArray in = nd(x);
        DataType type = in.dataType();
        if (Shapes.numel(shape) == 0) return empty(type);
        int[] s = shape.length == 0 ? new int[] {1} : shape;
        INDArray v = view(in, s).castTo(DataType.DOUBLE);
        INDArray shifted = exec("subtract", alloc(DataType.DOUBLE, s), v, v.max(true, dim));
        INDArray out;
        if (log) {
            INDArray logSum = Transforms.log(Transforms.exp(shifted, true).sum(true, dim), false);
            out = exec("subtract", shifted, shifted, logSum);
        } else {
            INDArray e = Transforms.exp(shifted, false);
            out = exec("divide", e, e, e.sum(true, dim));
        }
        return out.castTo(type).reshape('c', Nd4jArrays.longs(shape));
    }

    /** Softmax: y·(g - Σ g·y); log-softmax: g - exp(y)·Σ g; in double. */
    static INDArray softmaxBackward(Object grad, Object y, int[] shape, int dim, boolean log) {
        INDArray gi = nd(grad);
        DataType type = gi.dataType();
        if (Shapes.numel(shape) == 0) return empty(type);
        int[] s = shape.length == 0 ? new int[] {1} : shape;
        INDArray g = view(gi, s).castTo(DataType.DOUBLE), yv = view(y, s).castTo(DataType.DOUBLE);
        INDArray out = alloc(DataType.DOUBLE, s);
        if (log) {
            INDArray total = g.sum(true, dim);
            exec("multiply", out, Transforms.exp(yv, true), total);
            exec("subtract", out, g, out);
        } else {
            INDArray dot = g.mul(yv).sum(true, dim);
            exec("subtract", out, g, dot);
            out.muli(yv);
        }
        return out.castTo(type).reshape('c', Nd4jArrays.longs(shape));
    }
}
