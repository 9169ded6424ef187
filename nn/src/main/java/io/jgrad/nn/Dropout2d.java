package io.jgrad.nn;

import io.jgrad.core.Generator;
import io.jgrad.core.Tensor;

/**
 * Zeroes whole channels of (N, C, H, W) or (C, H, W) input with probability p in training and
 * scales the kept ones by 1/(1-p), PyTorch's {@code nn.Dropout2d}; identity in eval. The channels
 * are drawn from jgrad's {@link Generator}, so which ones drop differs from PyTorch's.
 */
public class Dropout2d extends Module {
    private final double p;
    private final Generator generator;

    public Dropout2d(double p) {
        this(p, Generator.global());
    }

    public Dropout2d(double p, Generator generator) {
        Dropouts.checkP("Dropout2d", p);
        this.p = p;
        this.generator = generator;
    }

    @Override
    protected Tensor forward(Tensor x) {
        return F.dropout2d(x, p, isTraining(), generator);
    }

    @Override
    protected String extraRepr() {
        return "p=" + p;
    }
}
