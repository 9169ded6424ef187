package io.jgrad.core;

import io.jgrad.core.kernel.Shapes;

/** log Σ exp(x) over dims, shifted by the max so it cannot overflow; its gradient is softmax(x). */
final class LogSumExp extends Op {
    private final int[] dims;
    private final boolean keepdim;
    private int[] keptShape;

    LogSumExp(int[] dims, boolean keepdim) {
        this.dims = dims;
        this.keepdim = keepdim;
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor x = Ops.floating(in[0]);
        boolean[] mask = Ops.dimMask("logsumexp", dims, x.dim());
        keptShape = Shapes.reduced(x.shape(), mask, true);
        Tensor m;
        if (Ops.count(mask, x.shape()) == 0) {
            m = Creation.zerosOn(x, x.dtype(), keptShape);  // an empty sum is 0, so its log is -inf, as in PyTorch
        } else {
            m = x.amax(dims, true);
            m = m.maskedFill(m.abs().eq(Double.POSITIVE_INFINITY), 0.0);  // all -inf: no shift, the log gives -inf
        }
        Tensor out = x.sub(m).exp().sum(dims, true).log().add(m);
        save(x, out);
        return out.reshape(Shapes.reduced(x.shape(), mask, keepdim));
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor x = saved(0), out = saved(1);
        return new Tensor[] {g.reshape(keptShape).mul(x.sub(out).exp())};
    }

    @Override
    public String name() {
        return "LogsumexpBackward0";
    }
}
