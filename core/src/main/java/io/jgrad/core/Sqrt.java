package io.jgrad.core;

final class Sqrt extends UnaryOp {
    Sqrt() {
        super(Math::sqrt, true);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g.div(saved(0).mul(2.0))};
    }
}
