package io.jgrad.core;

final class Log extends UnaryOp {
    Log() {
        super(Math::log, false);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g.div(saved(0))};
    }
}
