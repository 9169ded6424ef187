package io.jgrad.core;

import io.jgrad.core.kernel.Shapes;

/**
 * var and std over dims: Σ(x - mean)² / max(0, n - correction), and its square root. Backward is
 * PyTorch's: 2(x - mean)/(n - correction) times the upstream gradient, which std first divides by
 * 2·std, giving 0 where std is 0 rather than 0/0.
 */
final class Variance extends Op {
    private final int[] dims;
    private final int correction;
    private final boolean keepdim, std;
    private int[] keptShape;
    private int count;

    private Variance(int[] dims, int correction, boolean keepdim, boolean std) {
        this.dims = dims;
        this.correction = correction;
        this.keepdim = keepdim;
        this.std = std;
    }

    /** {@link Tensor#var} and {@link Tensor#std}: floating point only, as in PyTorch. */
    static Tensor of(Tensor x, int[] dims, int correction, boolean keepdim, boolean std) {
        Check.argument(x.dtype().isFloatingPoint(), "%s: only floating point inputs are supported but got %s; convert "
                + "with toFloat() or toDouble() first", std ? "std" : "var", x.dtype());
        return new Variance(dims.clone(), correction, keepdim, std).apply(x);
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor x = in[0];
        // float32 squares overflow from |x - mean| ≈ 1.8e19 on; PyTorch accumulates float32 variance in double
        Tensor xd = x.dtype() == DType.FLOAT32 ? x.to(DType.FLOAT64) : x;
        int[] shape = x.shape();
        boolean[] mask = Ops.dimMask(std ? "std" : "var", dims, shape.length);
        keptShape = Shapes.reduced(shape, mask, true);
        count = Ops.count(mask, shape);
        Tensor deviation = xd.sub(xd.mean(dims, true));
        Tensor var = deviation.mul(deviation).sum(dims, true).div(Math.max(0, count - correction));
        Tensor out = (std ? var.sqrt() : var).to(x.dtype());
        save(deviation.to(x.dtype()), out);
        return out.reshape(Shapes.reduced(shape, mask, keepdim));
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor deviation = saved(0), out = saved(1);
        Tensor gk = g.reshape(keptShape);
        if (std) gk = gk.div(out.mul(2.0)).maskedFill(out.eq(0.0), 0.0);
        return new Tensor[] {gk.mul(2.0 / (count - correction)).mul(deviation)};
    }

    @Override
    public String name() {
        return std ? "StdBackward0" : "VarBackward0";
    }
}
