package io.jgrad.nn;

import io.jgrad.core.Tensor;

/** Flattens dims startDim..endDim (PyTorch's defaults 1..-1: everything but the batch dim). */
public class Flatten extends Module {
    private final int start, end;

    public Flatten() {
        this(1, -1);
    }

    public Flatten(int startDim, int endDim) {
        this.start = startDim;
        this.end = endDim;
    }

    @Override
    protected Tensor forward(Tensor x) {
        return x.flatten(start, end);
    }

    @Override
    protected String extraRepr() {
        return "start_dim=" + start + ", end_dim=" + end;
    }
}
