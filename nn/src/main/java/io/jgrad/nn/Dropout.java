package io.jgrad.nn;

import io.jgrad.core.Generator;
import io.jgrad.core.Tensor;

/** Zeroes each element with probability p in training and scales the rest by 1/(1-p); identity in eval. */
public class Dropout extends Module {
    private final double p;
    private final Generator generator;

    public Dropout(double p) {
        this(p, Generator.global());
    }

    public Dropout(double p, Generator generator) {
        Dropouts.checkP("Dropout", p);
        this.p = p;
        this.generator = generator;
    }

    @Override
    protected Tensor forward(Tensor x) {
        return F.dropout(x, p, isTraining(), generator);
    }

    @Override
    protected String extraRepr() {
        return "p=" + p;
    }
}
