package io.jgrad.nn.loss;

import io.jgrad.core.Tensor;
import io.jgrad.nn.F;

/**
 * Binary cross entropy on probabilities, {@code -w·[t·log x + (1 - t)·log(1 - x)]} with each log
 * clamped at -100. Input and target share a shape; prefer {@link BCEWithLogitsLoss} on logits.
 *
 * <p>Warns (once per call site, SLF4J logger {@code io.jgrad.nn}) exactly when the input's grad_fn is
 * {@code SigmoidBackward0}, i.e. a sigmoid computed with gradients on: BCEWithLogitsLoss on the logits is
 * the stable equivalent. Without a grad_fn (under {@code Tensor.noGrad()}, a plain tensor) it cannot tell:
 * values in [0, 1] are this loss's correct input, whatever produced them, so there is no value check.
 * Values outside [0, 1] (or NaN) are an error, not a warning.
 *
 * <pre>
 * jshell> new BCELoss().apply(Tensor.of(0.9, 0.2), Tensor.of(1, 0))
 * $1 ==> tensor(0.1643)
 * </pre>
 */
public class BCELoss extends Loss<BCELoss> {
    private Tensor weight;

    /** A rescaling weight broadcast to the input's shape (per element, per class [C], per sample [N, 1]). */
    public BCELoss weight(Tensor weight) {
        this.weight = weight;
        return this;
    }

    @Override
    protected Tensor forward(Tensor input, Tensor target) {
        return F.binaryCrossEntropy(input, target, weight, reduction);
    }
}
