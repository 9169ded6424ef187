package io.jgrad.core;

import io.jgrad.core.kernel.Shapes;

/** Mean over dims (all when none given); floating point only, as in PyTorch. */
final class Mean extends Op {
    private final int[] dims;
    private final boolean keepdim;
    private int[] inShape;
    private boolean[] mask;
    private int count;

    Mean(int[] dims, boolean keepdim) {
        this.dims = dims;
        this.keepdim = keepdim;
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor x = in[0];
        Check.argument(x.dtype().isFloatingPoint(), "mean: could not infer output dtype; input dtype must be floating "
                + "point but got %s; convert with toFloat() first", x.dtype());
        inShape = x.shape();
        mask = Ops.dimMask("mean", dims, inShape.length);
        count = Ops.count(mask, inShape);
        Tensor sum = new Tensor(x.kernels().sum(x.data(), inShape, mask), Shapes.reduced(inShape, mask, keepdim));
        return sum.div(count);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g.div(count).reshape(Shapes.reduced(inShape, mask, true)).expand(inShape)};
    }

    @Override
    public String name() {
        return dims.length == 0 ? "MeanBackward0" : "MeanBackward1";  // PyTorch's mean() and mean(dim) overloads
    }
}
