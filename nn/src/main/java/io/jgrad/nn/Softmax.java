package io.jgrad.nn;

import io.jgrad.core.Tensor;

/** Softmax along a required dim: PyTorch's implicit-dim guess is deprecated for good reason. */
public class Softmax extends Module {
    private final int dim;

    public Softmax(int dim) {
        this.dim = dim;
    }

    @Override
    protected Tensor forward(Tensor x) {
        return x.softmax(dim);
    }

    @Override
    protected String extraRepr() {
        return "dim=" + dim;
    }
}
