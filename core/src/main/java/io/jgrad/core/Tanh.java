package io.jgrad.core;

final class Tanh extends UnaryOp {
    Tanh() {
        super(Math::tanh, true);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor y = saved(0);
        return new Tensor[] {g.mul(y.mul(y).neg().add(1.0))};
    }
}
