package io.jgrad.core;

import io.jgrad.core.kernel.Shapes;

/** Elements start, start+step, ... (length of them) along one dim: narrow and slicing. */
final class Slice extends Op {
    private final int dim, start, length, step;
    private int[] inShape;

    Slice(int dim, int start, int length, int step) {
        this.dim = dim;
        this.start = start;
        this.length = length;
        this.step = step;
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor x = in[0];
        inShape = x.shape();
        int[] st = Shapes.strides(inShape);
        int[] outShape = inShape.clone();
        outShape[dim] = length;
        int[] outStrides = st.clone();
        outStrides[dim] *= step;
        return new Tensor(x.kernels().strided(x.data(), start * st[dim], outStrides, outShape), outShape);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor gx = Creation.zerosOn(g, g.dtype(), inShape);
        int[] st = Shapes.strides(inShape);
        int[] strides = st.clone();
        strides[dim] *= step;
        g.kernels().stridedScatter(g.data(), g.shape(), gx.data(), start * st[dim], strides);
        return new Tensor[] {gx};
    }

    @Override
    public String name() {
        return "SliceBackward0";
    }
}
