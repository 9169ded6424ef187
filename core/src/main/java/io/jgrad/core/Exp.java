package io.jgrad.core;

final class Exp extends UnaryOp {
    Exp() {
        super(Math::exp, true);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g.mul(saved(0))};
    }
}
