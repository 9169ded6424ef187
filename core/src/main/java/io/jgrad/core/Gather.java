package io.jgrad.core;


/**
 * {@code out[i][j] = x[i][index[i][j]]} along {@code dim} (shown for dim 1): how NLL picks each row's
 * target log-probability. Backward scatter-adds the gradient into zeros.
 */
final class Gather extends Op {
    private final int dim;
    private final Tensor index;
    private int[] inShape;
    private int d;

    Gather(int dim, Tensor index) {
        this.dim = dim;
        this.index = Check.notNull(index, "gather", "index");
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor x = in[0];
        inShape = x.shape();
        d = checkIndex("gather", x, dim, index, true);
        save(index);
        return new Tensor(x.kernels().gather(x.data(), inShape, d, index.longData(), index.shape()), index.shape());
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor gx = Creation.zerosOn(g, g.dtype(), inShape);
        Tensor idx = saved(0);
        g.kernels().scatterAdd(gx.data(), inShape, d, idx.longData(), idx.shape(), g.data(), g.shape());
        return new Tensor[] {gx};
    }

    /**
     * Validates an index tensor for gather/scatter along {@code dim} of {@code x} (PyTorch's rules: same
     * rank, int64, sizes no larger than x's outside {@code dim}, values in range) and returns the dim.
     */
    static int checkIndex(String op, Tensor x, int dim, Tensor index, boolean gather) {
        Check.indexType(op, "index", index);
        int rank = Math.max(x.dim(), 1);
        int d = Check.dim(op, dim, x.dim());
        int[] xs = x.dim() == 0 ? new int[] {1} : x.shape(), is = index.dim() == 0 ? new int[] {1} : index.shape();
        Check.argument(is.length == rank, "%s: index tensor must have the same number of dimensions as input (%d) but "
                + "has shape %s; did you mean index.unsqueeze(%d)?", op, rank, Check.shape(index.shape()), d);
        for (int k = 0; k < rank; k++) {
            Check.argument(k == d || is[k] <= xs[k], "%s: size of index %s does not match input %s at dimension %d "
                    + "(index sizes may not exceed the input's except in dim %d)", op, Check.shape(is), Check.shape(xs), k, d);
        }
        long[] idx = index.longData();
        for (int i = 0; i < idx.length; i++) {
            if (idx[i] < 0 || idx[i] >= xs[d]) {
                throw new IndexOutOfBoundsException(String.format("%s: index %d is out of bounds for dim %d with size %d "
                        + "(at flat position %d of the index)", op, idx[i], d, xs[d], i));
            }
        }
        return d;
    }
}
