package io.jgrad.nn.loss;

import io.jgrad.core.Tensor;
import io.jgrad.nn.F;

/**
 * logSoftmax and NLL in one: logits (C), (N, C) or (N, C, d1, ...) against class indices (int64) or
 * class probabilities (the input's shape). With label smoothing ε the target mixes with the uniform
 * distribution: {@code (1 - ε)·nll + ε/C·Σ_c -w_c·log p_c}.
 *
 * <p>Warns (once per call site, SLF4J logger {@code io.jgrad.nn}) when the input is already normalised,
 * since this loss applies logSoftmax itself. With a grad_fn it warns exactly when that grad_fn is
 * {@code SoftmaxBackward0} or {@code LogSoftmaxBackward0}, and reads no values, so a training step pays
 * nothing. Without a grad_fn (under {@code Tensor.noGrad()}, in evaluation, or a plain tensor) it reads the
 * values instead, and warns when all are finite, there are at least 2 classes, and either every value is
 * {@code >= 0} and each slice along the class dim sums to 1, or every value is {@code <= 0} and each
 * slice's exp sums to 1 (within 1e-3). Softmax output that went through another op (a {@code clamp}, a
 * {@code mul}) is not recognised while it has a grad_fn.
 *
 * <pre>
 * jshell> new CrossEntropyLoss().labelSmoothing(0.1).apply(Tensor.of(new double[][] {{2, 0, -1}}), Tensor.of(new long[] {0}))
 * $1 ==> tensor(0.3365)
 * </pre>
 */
public class CrossEntropyLoss extends Loss<CrossEntropyLoss> {
    private Tensor weight;
    private int ignoreIndex = F.DEFAULT_IGNORE_INDEX;
    private double labelSmoothing;

    /** One weight per class, shape [C]. */
    public CrossEntropyLoss weight(Tensor weight) {
        this.weight = weight;
        return this;
    }

    /**
     * A target value that contributes neither loss nor gradient (index targets; default -100).
     * Probability targets accept only negative values, as in PyTorch.
     */
    public CrossEntropyLoss ignoreIndex(int ignoreIndex) {
        this.ignoreIndex = ignoreIndex;
        return this;
    }

    /** ε in [0, 1]: how much of the target to spread uniformly over the classes. */
    public CrossEntropyLoss labelSmoothing(double labelSmoothing) {
        this.labelSmoothing = labelSmoothing;
        return this;
    }

    @Override
    protected Tensor forward(Tensor input, Tensor target) {
        return F.crossEntropy(input, target, weight, ignoreIndex, labelSmoothing, reduction);
    }
}
