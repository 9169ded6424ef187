package io.jgrad.core;

import io.jgrad.core.kernel.Elementwise.Unary;

/** max(x, 0) with a fused backward; the gradient at 0 is 0, as in PyTorch. */
final class Relu extends UnaryOp {
    Relu() {
        super(Unary.RELU, true);
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Check.argument(in[0].dtype() != DType.BOOL, "relu: Boolean inputs not supported for relu; convert with toLong() or "
                + "toFloat() first");
        return super.forward(in);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor y = saved(0);
        return new Tensor[] {new Tensor(y.kernels().reluBackward(g.to(y.dtype()).data(), y.data()), y.shape())};
    }
}
