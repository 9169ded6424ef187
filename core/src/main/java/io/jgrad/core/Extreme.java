package io.jgrad.core;

import io.jgrad.core.kernel.Shapes;

/** amax / amin over dims; ties share the gradient evenly, as in PyTorch. */
final class Extreme extends Op {
    private final int[] dims;
    private final boolean keepdim, max;
    private boolean[] mask;

    Extreme(int[] dims, boolean keepdim, boolean max) {
        this.dims = dims;
        this.keepdim = keepdim;
        this.max = max;
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor x = in[0];
        String op = max ? "amax" : "amin";
        int[] shape = x.shape();
        mask = Ops.dimMask(op, dims, shape.length);
        for (int d = 0; d < shape.length; d++) {
            Check.argument(!mask[d] || shape[d] > 0, "%s: expected reduction dim %d to have non-zero size; got shape %s",
                    op, d, Check.shape(shape));
        }
        Tensor kept = new Tensor(x.kernels().extreme(x.data(), shape, mask, max), Shapes.reduced(shape, mask, true));
        save(x, kept);
        return kept.reshape(Shapes.reduced(shape, mask, keepdim));
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor x = saved(0), kept = saved(1);
        Tensor hits = x.eq(kept).to(g.dtype());
        Tensor share = g.reshape(kept.shape()).div(hits.sum(dimsOf(mask), true));
        return new Tensor[] {hits.mul(share)};
    }

    static int[] dimsOf(boolean[] mask) {
        return java.util.stream.IntStream.range(0, mask.length).filter(d -> mask[d]).toArray();
    }

    @Override
    public String name() {
        return max ? "AmaxBackward0" : "AminBackward0";
    }
}
