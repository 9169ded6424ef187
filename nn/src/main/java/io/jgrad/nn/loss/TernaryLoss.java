package io.jgrad.nn.loss;

import io.jgrad.core.Tensor;

/**
 * A loss of three tensors, called as PyTorch calls it: {@code apply(input1, input2, target)} for
 * {@link MarginRankingLoss} and {@link CosineEmbeddingLoss}, {@code apply(input, target, var)} for
 * {@link GaussianNLLLoss}.
 */
public abstract class TernaryLoss<L extends TernaryLoss<L>> extends Loss<L> {
    private final String arguments;

    /** {@code arguments}: the three names, as "(input1, input2, target)", for the message of a two-argument call. */
    protected TernaryLoss(String arguments) {
        this.arguments = arguments;
    }

    public Tensor apply(Tensor a, Tensor b, Tensor c) {
        return forward(a, b, c);
    }

    protected abstract Tensor forward(Tensor a, Tensor b, Tensor c);

    @Override
    protected final Tensor forward(Tensor input, Tensor target) {
        throw new IllegalArgumentException(getClass().getSimpleName() + " takes " + arguments + ": call apply"
                + arguments);
    }
}
