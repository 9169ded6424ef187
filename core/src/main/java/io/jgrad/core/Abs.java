package io.jgrad.core;

import io.jgrad.core.kernel.Elementwise.Unary;

/** |x|; the gradient at 0 is 0 (sign(0) = 0), as in PyTorch. */
final class Abs extends UnaryOp {
    Abs() {
        super(Unary.ABS, false);
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Check.argument(in[0].dtype() != DType.BOOL, "abs: not implemented for bool tensors (PyTorch: \"abs_cpu\" not "
                + "implemented for 'Bool'); convert with toLong() or toFloat() first");
        return super.forward(in);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g.mul(saved(0).sign())};
    }
}
