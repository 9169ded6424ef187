package io.jgrad.core;

/** 1 / (1 + e^-x), written so neither branch overflows for large |x|. */
final class Sigmoid extends UnaryOp {
    Sigmoid() {
        super(Sigmoid::sigmoid, true);
    }

    static double sigmoid(double x) {
        if (x >= 0) return 1 / (1 + Math.exp(-x));
        double e = Math.exp(x);
        return e / (1 + e);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor y = saved(0);
        return new Tensor[] {g.mul(y).mul(y.neg().add(1.0))};
    }
}
