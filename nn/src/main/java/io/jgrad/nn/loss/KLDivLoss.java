package io.jgrad.nn.loss;

import io.jgrad.core.Tensor;
import io.jgrad.nn.F;

/**
 * Kullback-Leibler divergence of the target from the input distribution, input as log-probabilities:
 * pointwise {@code t·(log t - x)}, or {@code exp(t)·(t - x)} with {@code logTarget}. Use
 * {@code Reduction.BATCHMEAN} for the true KL; MEAN also divides by the number of classes.
 *
 * <p>Warns (once per call site, SLF4J logger {@code io.jgrad.nn}), by value and with or without a grad_fn,
 * when any input value is positive (not a log-probability), when a target value is negative without
 * {@code logTarget} (not a probability; the loss is NaN, as in PyTorch), and whenever the reduction is MEAN.
 *
 * <pre>
 * jshell> new KLDivLoss().reduction(Reduction.BATCHMEAN).apply(Tensor.of(0.5, 0.5).log().unsqueeze(0), Tensor.of(0.9, 0.1).unsqueeze(0))
 * $1 ==> tensor(0.3681)
 * </pre>
 */
public class KLDivLoss extends Loss<KLDivLoss> {
    private boolean logTarget;

    /** Whether the target is given as log-probabilities. */
    public KLDivLoss logTarget(boolean logTarget) {
        this.logTarget = logTarget;
        return this;
    }

    @Override
    protected Tensor forward(Tensor input, Tensor target) {
        return F.klDiv(input, target, reduction, logTarget);
    }
}
