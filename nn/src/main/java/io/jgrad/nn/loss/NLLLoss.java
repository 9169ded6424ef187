package io.jgrad.nn.loss;

import io.jgrad.core.Tensor;
import io.jgrad.nn.F;

/**
 * Negative log likelihood: input log-probabilities (C), (N, C) or (N, C, d1, ...); target int64 class
 * indices (), (N) or (N, d1, ...). {@code loss_n = -w[t_n]·x[n, t_n]}; MEAN divides by the summed
 * weights of the targets that are not ignored.
 *
 * <p>Warns (once per call site, SLF4J logger {@code io.jgrad.nn}) when any input value is positive, with or
 * without a grad_fn: a log-probability is never above 0, so the input is probably logits or probabilities.
 *
 * <pre>
 * jshell> new NLLLoss().apply(Tensor.of(0.7, 0.2, 0.1).log(), Tensor.of(new long[] {0}).squeeze())
 * $1 ==> tensor(0.3567)
 * </pre>
 */
public class NLLLoss extends Loss<NLLLoss> {
    private Tensor weight;
    private int ignoreIndex = F.DEFAULT_IGNORE_INDEX;

    /** One weight per class, shape [C]. */
    public NLLLoss weight(Tensor weight) {
        this.weight = weight;
        return this;
    }

    /** A target value that contributes neither loss nor gradient (default -100). */
    public NLLLoss ignoreIndex(int ignoreIndex) {
        this.ignoreIndex = ignoreIndex;
        return this;
    }

    @Override
    protected Tensor forward(Tensor input, Tensor target) {
        return F.nllLoss(input, target, weight, ignoreIndex, reduction);
    }
}
