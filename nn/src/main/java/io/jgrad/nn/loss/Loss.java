package io.jgrad.nn.loss;

import io.jgrad.core.Tensor;
import io.jgrad.nn.Module;
import io.jgrad.nn.Reduction;

/**
 * A loss criterion: called with {@code apply(input, target)}, model output first, as in PyTorch.
 * Options are set fluently, e.g. {@code new CrossEntropyLoss().labelSmoothing(0.1).reduction(Reduction.SUM)}.
 */
public abstract class Loss<L extends Loss<L>> extends Module {
    protected Reduction reduction = Reduction.MEAN;

    public Tensor apply(Tensor input, Tensor target) {
        return forward(input, target);
    }

    protected abstract Tensor forward(Tensor input, Tensor target);

    @Override
    protected final Tensor forward(Tensor input) {
        throw new IllegalArgumentException(getClass().getSimpleName() + " takes (input, target): call apply(input, target)");
    }

    @SuppressWarnings("unchecked")
    public L reduction(Reduction reduction) {
        if (reduction == null) throw new NullPointerException(getClass().getSimpleName() + ": reduction is null");
        this.reduction = reduction;
        return (L) this;
    }

    @Override
    protected String extraRepr() {
        return "reduction=" + reduction.name().toLowerCase();
    }
}
