package io.jgrad.core;

/**
 * Running sums along a dim. The gradient is the running sum of the gradient taken from the other
 * end (PyTorch's {@code grad.flip(dim).cumsum(dim).flip(dim)}), itself a Cumsum, so it differentiates again.
 */
final class Cumsum extends Op {
    private final int dim;
    private final boolean reverse;

    private Cumsum(int dim, boolean reverse) {
        this.dim = dim;
        this.reverse = reverse;
    }

    /** int64 and bool sum to int64, floats keep their dtype; a 0-d tensor is its own running sum along dim 0 or -1. */
    static Tensor of(Tensor x, int dim) {
        return new Cumsum(Check.dim("cumsum", dim, x.dim()), false).apply(x);
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor x = in[0];
        int[] shape = x.dim() == 0 ? new int[] {1} : x.shape();
        return new Tensor(x.kernels().cumsum(x.data(), shape, dim, reverse), x.shape());
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {new Cumsum(dim, !reverse).apply(g)};
    }
}
