package io.jgrad.core;


/** The slices at {@code index} along {@code dim} (embedding lookup, row picking); backward adds them back. */
final class IndexSelect extends Op {
    private final int dim;
    private final Tensor index;
    private int[] inShape;
    private int d;

    IndexSelect(int dim, Tensor index) {
        this.dim = dim;
        this.index = Check.notNull(index, "indexSelect", "index");
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor x = in[0];
        Check.indexType("indexSelect", "index", index);
        Check.argument(index.dim() <= 1, "indexSelect: index must be 0-D or 1-D but has shape %s; flatten() it",
                Check.shape(index.shape()));
        inShape = x.dim() == 0 ? new int[] {1} : x.shape();
        d = Check.dim("indexSelect", dim, x.dim());
        long[] idx = index.longData();
        for (int i = 0; i < idx.length; i++) {
            if (idx[i] < 0 || idx[i] >= inShape[d]) {
                throw new IndexOutOfBoundsException(String.format("indexSelect: index %d is out of bounds for dim %d with "
                        + "size %d (at position %d of the index)", idx[i], d, inShape[d], i));
            }
        }
        Check.argument(x.dim() > 0 || idx.length == 1, "indexSelect: a 0-dim input takes exactly one index but got %d; "
                + "reshape(1) the input to pick it several times", idx.length);
        int[] outShape = inShape.clone();
        outShape[d] = idx.length;
        save(index);
        return new Tensor(x.kernels().select(x.data(), inShape, d, idx), x.dim() == 0 ? new int[0] : outShape);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor gx = Creation.zerosOn(g, g.dtype(), inShape);
        g.kernels().selectAdd(gx.data(), inShape, d, saved(0).longData(), g.data());
        return new Tensor[] {gx.reshape(inputs[0].shape())};
    }
}
