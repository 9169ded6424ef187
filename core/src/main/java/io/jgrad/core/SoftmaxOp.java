package io.jgrad.core;


/** softmax (or log-softmax with {@code log}) along one dim, max-shifted, with its fused backward. */
final class SoftmaxOp extends Op {
    private final int dim;
    private final boolean log;
    private int d;

    SoftmaxOp(int dim, boolean log) {
        this.dim = dim;
        this.log = log;
    }

    @Override
    protected Tensor forward(Tensor... in) {
        String op = log ? "logSoftmax" : "softmax";
        d = Check.dim(op, dim, in[0].dim());
        if (in[0].numel() == 0 && !in[0].dtype().isFloatingPoint()) return in[0].clone();  // as PyTorch: no kernel runs
        Check.argument(in[0].dtype().isFloatingPoint(), "%s: not implemented for %s tensors (PyTorch: \"%s\" not "
                + "implemented for '%s'); convert with toFloat() first", op, in[0].dtype(),
                log ? "log_softmax_lastdim_kernel_impl" : "softmax_lastdim_kernel_impl",
                in[0].dtype() == DType.BOOL ? "Bool" : "Long");
        Tensor x = in[0];
        Tensor out = new Tensor(x.kernels().softmax(x.data(), x.shape(), d, log), x.shape());
        save(out);
        return out;
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor y = saved(0);
        return new Tensor[] {new Tensor(y.kernels().softmaxBackward(g.to(y.dtype()).data(), y.data(), y.shape(), d, log),
                y.shape())};
    }

    @Override
    public String name() {
        return log ? "LogSoftmaxBackward0" : "SoftmaxBackward0";
    }
}
