package io.jgrad.core;

import io.jgrad.core.kernel.Shapes;

/**
 * The vector p-norm over dims, PyTorch's {@code norm(p, dim, keepdim)} for p ≥ 1 and ±inf. Backward
 * is PyTorch's, which is 0 (not 0/0) where the norm is 0: sign(x)·|x|^(p-1)/norm^(p-1) for finite p,
 * sign(x) for p = 1, and for ±inf the upstream gradient shared evenly among the elements of largest
 * (smallest) magnitude.
 */
final class Norm extends Op {
    private final double p;
    private final int[] dims;
    private final boolean keepdim;
    private int[] keptShape;

    Norm(double p, int[] dims, boolean keepdim) {
        this.p = p;
        this.dims = dims;
        this.keepdim = keepdim;
    }

    static Tensor norm(Tensor x, double p, int[] dims, boolean keepdim) {
        Check.argument(p >= 1 || Double.isInfinite(p), "norm: p = %s is not supported; jgrad computes p >= 1, inf and "
                + "-inf (Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)", p);
        Check.argument(x.dtype().isFloatingPoint(), "norm: input dtype should be floating point but got %s; convert "
                + "with toFloat() or toDouble() first", x.dtype());
        return new Norm(p, dims.clone(), keepdim).apply(x);
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor x = in[0], a = x.abs();
        int[] shape = x.shape();
        boolean[] mask = Ops.dimMask("norm", dims, shape.length);
        keptShape = Shapes.reduced(shape, mask, true);
        Tensor out;
        if (Double.isInfinite(p)) {  // an empty reduction is 0 for ±inf, as in PyTorch, where amax would refuse it
            out = Ops.count(mask, shape) == 0 ? Creation.zerosOn(x, x.dtype(), keptShape) : p > 0 ? a.amax(dims, true)
                    : a.amin(dims, true);
        } else if (p == 1) {
            out = a.sum(dims, true);
        } else if (p == 2) {
            out = x.mul(x).sum(dims, true).sqrt();
        } else {
            out = a.pow(p).sum(dims, true).pow(1 / p);
        }
        save(x, out);
        return out.reshape(Shapes.reduced(shape, mask, keepdim));
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor x = saved(0), norm = saved(1), gk = g.reshape(keptShape);
        Tensor scale;
        if (Double.isInfinite(p)) {
            Tensor hits = x.abs().eq(norm).to(x.dtype());
            scale = hits.div(hits.sum(dims, true).clampMin(1.0)).mul(x.sign());  // a NaN norm hits nothing: 0, as PyTorch
        } else if (p == 1) {
            scale = x.sign();
        } else if (p == 2) {
            scale = x.div(norm);
        } else {
            scale = x.sign().mul(x.abs().div(norm).pow(p - 1));
        }
        return new Tensor[] {gk.mul(scale).maskedFill(norm.eq(0.0), 0.0)};
    }

    @Override
    public String name() {
        return "NormBackward1";
    }
}
