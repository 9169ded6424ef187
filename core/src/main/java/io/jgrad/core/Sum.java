package io.jgrad.core;

import io.jgrad.core.kernel.Shapes;

/** Sum over dims (all when none given); its gradient broadcasts back over the summed dims. */
final class Sum extends Op {
    private final int[] dims;
    private final boolean keepdim;
    private int[] inShape;
    private boolean[] mask;

    Sum(int[] dims, boolean keepdim) {
        this.dims = dims;
        this.keepdim = keepdim;
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor x = in[0];
        inShape = x.shape();
        mask = Ops.dimMask("sum", dims, inShape.length);
        return new Tensor(x.kernels().sum(x.data(), inShape, mask), Shapes.reduced(inShape, mask, keepdim));
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g.reshape(Shapes.reduced(inShape, mask, true)).expand(inShape)};
    }

    @Override
    public String name() {
        return dims.length == 0 ? "SumBackward0" : "SumBackward1";  // PyTorch's sum() and sum(dim) overloads
    }
}
