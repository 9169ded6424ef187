package io.jgrad.core;

final class Neg extends UnaryOp {
    Neg() {
        super(x -> -x, x -> -x, false);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g.neg()};
    }
}
