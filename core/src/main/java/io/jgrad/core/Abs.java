package io.jgrad.core;

/** |x|; the gradient at 0 is 0 (sign(0) = 0), as in PyTorch. */
final class Abs extends UnaryOp {
    Abs() {
        super(Math::abs, false);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g.mul(saved(0).sign())};
    }
}
