package io.jgrad.nn.loss;

import io.jgrad.core.Tensor;
import io.jgrad.nn.F;

/**
 * logSoftmax and NLL in one: logits (C), (N, C) or (N, C, d1, ...) against class indices (int64) or
 * class probabilities (the input's shape). With label smoothing ε the target mixes with the uniform
 * distribution: {@code (1 - ε)·nll + ε/C·Σ_c -w_c·log p_c}.
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
