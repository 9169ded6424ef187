package io.jgrad.nn.loss;

import io.jgrad.core.Tensor;
import io.jgrad.nn.F;

/**
 * Sigmoid and binary cross entropy in one stable step: {@code (1 - t)·x + (1 + (p - 1)·t)·softplus(-x)},
 * finite with exact gradients for any logit. {@code posWeight} (one per class, broadcast from the
 * right) weighs positive examples, e.g. negatives/positives for an imbalanced label.
 *
 * <pre>
 * jshell> new BCEWithLogitsLoss().apply(Tensor.of(1000, -1000), Tensor.of(1, 0))
 * $1 ==> tensor(0.)
 * </pre>
 */
public class BCEWithLogitsLoss extends Loss<BCEWithLogitsLoss> {
    private Tensor weight, posWeight;

    public BCEWithLogitsLoss weight(Tensor weight) {
        this.weight = weight;
        return this;
    }

    public BCEWithLogitsLoss posWeight(Tensor posWeight) {
        this.posWeight = posWeight;
        return this;
    }

    @Override
    protected Tensor forward(Tensor input, Tensor target) {
        return F.binaryCrossEntropyWithLogits(input, target, weight, posWeight, reduction);
    }
}
