package io.jgrad.core;

import io.jgrad.core.kernel.Elementwise;

/** Functions without a gradient: comparisons, logic, sign, argmax, one-hot. They never record a graph. */
final class Discrete {
    private Discrete() {}

    static Tensor compare(String op, Elementwise.Compare kind, Tensor a, Tensor b) {
        Tensor[] t = Ops.onOneDevice(op, a, b);
        if (a.dtype() != b.dtype()) {  // mixed types compare as float64, which holds every float32, bool and int64 up to 2^53
            t[0] = t[0].to(DType.FLOAT64);
            t[1] = t[1].to(DType.FLOAT64);
        }
        int[] shape = Ops.broadcast(op, a.shape(), b.shape());
        return new Tensor(t[0].kernels().compare(kind, t[0].data(), a.shape(), t[1].data(), b.shape(), shape), shape);
    }

    /**
     * A comparison with a scalar, which PyTorch casts to a floating tensor's dtype first: a float32 0.1
     * equals 0.1. Other tensors compare with it in float64.
     */
    static Tensor compare(String op, Elementwise.Compare kind, Tensor a, double value) {
        return compare(op, kind, a, Tensor.full(value, a.dtype().isFloatingPoint() ? a.dtype() : DType.FLOAT64));
    }

    /** Logical and (min of 0/1) or or (max of 0/1), broadcast. */
    static Tensor logical(String op, Tensor a, Tensor b, boolean and) {
        Tensor[] t = Ops.onOneDevice(op, a, b);
        Tensor x = t[0].to(DType.BOOL).to(DType.INT64), y = t[1].to(DType.BOOL).to(DType.INT64);
        int[] shape = Ops.broadcast(op, x.shape(), y.shape());
        Elementwise.Binary kind = and ? Elementwise.Binary.MIN : Elementwise.Binary.MAX;
        return new Tensor(x.kernels().binary(kind, x.data(), x.shape(), y.data(), y.shape(), shape), shape).to(DType.BOOL);
    }

    static Tensor sign(Tensor x) {
        if (x.dtype() == DType.BOOL) return x.clone();  // true is positive, false zero: a mask is its own sign
        Tensor pos = x.gt(0.0).to(x.dtype()), neg = x.lt(0.0).to(x.dtype());
        return pos.sub(neg);
    }

    static Tensor argmax(Tensor x, Integer dim, boolean keepdim) {
        Check.argument(x.numel() > 0 || dim != null, "argmax: expected reduction dim to be specified for an empty input "
                + "(shape %s)", Check.shape(x.shape()));
        if (dim == null) {
            Tensor flat = x.reshape(-1);
            return new Tensor(x.kernels().argmax(flat.data(), flat.shape(), 0), keepdim ? ones(x.dim()) : new int[0]);
        }
        int d = Check.dim("argmax", dim, x.dim());
        Check.argument(x.dim() == 0 || x.size(d) > 0, "argmax: expected reduction dim %d to have non-zero size (shape %s)",
                dim, Check.shape(x.shape()));
        int[] shape = x.dim() == 0 ? new int[] {1} : x.shape();
        int[] kept = shape.clone();
        kept[d] = 1;
        Tensor out = new Tensor(x.kernels().argmax(x.data(), shape, d), kept);
        return keepdim || x.dim() == 0 ? out.reshape(x.dim() == 0 ? new int[0] : kept) : out.squeeze(d);
    }

    static Tensor oneHot(Tensor index, int numClasses) {
        Check.indexType("oneHot", "tensor", index);
        long[] idx = index.longData();
        long max = -1;
        for (long v : idx) {
            Check.argument(v >= 0, "oneHot: class values must be non-negative; got %d", v);
            max = Math.max(max, v);
        }
        Check.argument(numClasses >= 0 || idx.length > 0, "oneHot: cannot infer numClasses from an empty tensor; pass "
                + "numClasses explicitly");
        Check.argument(numClasses >= 0 || max < Integer.MAX_VALUE, "oneHot: class value %d is too large; numClasses "
                + "must fit in an int", max);
        int c = numClasses < 0 ? (int) max + 1 : numClasses;
        Check.argument(max < c, "oneHot: class value %d is out of range for numClasses = %d (classes are 0-based)", max, c);
        int[] shape = java.util.Arrays.copyOf(index.shape(), index.dim() + 1);
        shape[index.dim()] = c;
        Creation.checkShape("oneHot", shape);
        long[] out = new long[idx.length * c];
        for (int i = 0; i < idx.length; i++) out[i * c + (int) idx[i]] = 1;
        return new Tensor(index.kernels().fromHost(out), shape);
    }

    private static int[] ones(int rank) {
        int[] s = new int[rank];
        java.util.Arrays.fill(s, 1);
        return s;
    }
}
