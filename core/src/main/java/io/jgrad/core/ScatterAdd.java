package io.jgrad.core;


/** A copy of {@code self} with {@code src} added at {@code index} along {@code dim}; the adjoint of gather. */
final class ScatterAdd extends Op {
    private final int dim;
    private final Tensor index;
    private int d;

    ScatterAdd(int dim, Tensor index) {
        this.dim = dim;
        this.index = Check.notNull(index, "scatterAdd", "index");
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor self = in[0], src = in[1];
        Check.argument(src.dtype() == self.dtype(), "scatterAdd: src is %s but self is %s; they must match (convert src "
                + "with to(%s))", src.dtype(), self.dtype(), self.dtype().name());
        d = Gather.checkIndex("scatterAdd", self, dim, index, false);
        int[] ss = src.shape(), is = index.shape();
        boolean fits = ss.length == is.length || index.numel() == 0;  // PyTorch checks nothing for an empty index
        for (int k = 0; fits && index.numel() > 0 && k < is.length; k++) fits = is[k] <= ss[k];
        Check.argument(fits, "scatterAdd: index %s must not be larger than src %s in any dimension",
                Check.shape(is), Check.shape(ss));
        save(index);
        boolean bools = self.dtype() == DType.BOOL;  // bool sums are logical or: counted in int64, then nonzero
        Tensor out = bools ? self.to(DType.INT64) : self.clone(), from = bools ? src.to(DType.INT64) : src;
        out.kernels().scatterAdd(out.data(), out.shape(), d, index.longData(), is, from.data(), ss);
        return bools ? out.to(DType.BOOL) : out;
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor gsrc = null;
        if (needsInputGrad(1)) {
            Tensor src = inputs[1];
            Tensor idx = saved(0), picked = g.gather(d, idx);
            gsrc = Creation.zerosOn(g, g.dtype(), src.shape());
            int[] is = idx.shape();
            g.kernels().stridedScatter(picked.data(), is, gsrc.data(), 0,
                    io.jgrad.core.kernel.Shapes.strides(src.shape()));
        }
        return new Tensor[] {g, gsrc};
    }
}
