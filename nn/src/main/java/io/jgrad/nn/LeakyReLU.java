package io.jgrad.nn;

import io.jgrad.core.Tensor;

/** x where x > 0, else slope·x (PyTorch's default slope 0.01). */
public class LeakyReLU extends Module {
    private final double slope;

    public LeakyReLU() {
        this(0.01);
    }

    public LeakyReLU(double negativeSlope) {
        this.slope = negativeSlope;
    }

    @Override
    protected Tensor forward(Tensor x) {
        return F.leakyRelu(x, slope);
    }

    @Override
    protected String extraRepr() {
        return "negative_slope=" + slope;
    }
}
