package io.jgrad.core;

/**
 * max / min along one dim with each winner's index. Ties and NaN pick the first, as PyTorch's CPU
 * kernel does, and the gradient goes to that index only (where amax shares it among ties). The same
 * gather-forward, scatter-backward op takes sort's and topk's values ({@link #take}) under their names.
 */
final class MaxDim extends Op {
    private final int dim;
    private final boolean keepdim;
    private final String name;
    private int[] inShape;

    private MaxDim(int dim, boolean keepdim, String name) {
        this.dim = dim;
        this.keepdim = keepdim;
        this.name = name;
    }

    /** x's elements at {@code indices} along {@code dim}, recorded as the op {@code name} (its grad_fn). */
    static Tensor take(Tensor x, int dim, Tensor indices, String name) {
        return new MaxDim(dim, true, name).apply(x, indices);
    }

    static ValuesIndices select(Tensor x, int dim, boolean keepdim, boolean max) {
        String op = max ? "max" : "min";
        if (x.dim() == 0) {  // the one element along dim 0 (or -1), as PyTorch treats a 0-d tensor
            Check.dim(op, dim, 0);
            ValuesIndices r = select(x.reshape(1), 0, true, max);
            return new ValuesIndices(r.values().reshape(), r.indices().reshape());
        }
        int d = Check.dim(op, dim, x.dim());
        Check.argument(x.size(d) > 0, "%s: expected reduction dim %d to have non-zero size (shape %s); "
                + "an empty dim has no %s", op, d, Check.shape(x.shape()), op);
        Tensor indices = Discrete.argmax(key(x, max), d, true);
        Tensor values = new MaxDim(d, keepdim, max ? "MaxBackward0" : "MinBackward0").apply(x, indices);
        return new ValuesIndices(values, keepdim ? indices : indices.squeeze(d));
    }

    /**
     * What argmax ranks: x for max; for min an order-reversing map that keeps NaN NaN (negation) or,
     * for integers, cannot overflow (-1 - x is ~x, so Long.MIN_VALUE maps to Long.MAX_VALUE).
     */
    private static Tensor key(Tensor x, boolean max) {
        if (x.dtype().isFloatingPoint()) return max ? x : x.neg();
        Tensor ints = x.to(DType.INT64);
        return max ? ints : Tensor.full(-1, DType.INT64).sub(ints);
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor x = in[0], indices = in[1];
        inShape = x.shape();
        save(indices);
        Tensor values = x.gather(dim, indices);
        return keepdim ? values : values.squeeze(dim);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor indices = saved(0);
        return new Tensor[] {Creation.zerosOn(g, g.dtype(), inShape).scatterAdd(dim, indices,
                g.reshape(indices.shape())), null};
    }

    @Override
    public String name() {
        return name;
    }
}
