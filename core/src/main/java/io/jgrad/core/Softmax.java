package io.jgrad.core;

/** softmax (or log-softmax with {@code log}) along one dim, max-shifted, with its fused backward. */
final class Softmax extends Op {
    private final int dim;
    private final boolean log;
    private int d;

    Softmax(int dim, boolean log) {
        this.dim = dim;
        this.log = log;
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor x = Ops.floating(in[0]);
        d = Check.dim(log ? "logSoftmax" : "softmax", dim, x.dim());
        Tensor out = new Tensor(io.jgrad.core.kernel.Softmax.forward(x.data(), x.shape(), d, log), x.shape());
        save(out);
        return out;
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor y = saved(0);
        return new Tensor[] {new Tensor(io.jgrad.core.kernel.Softmax.backward(g.to(y.dtype()).data(), y.data(), y.shape(), d, log),
                y.shape())};
    }

    @Override
    public String name() {
        return log ? "LogSoftmaxBackward" : "SoftmaxBackward";
    }
}
