package io.jgrad.nn.loss;

import io.jgrad.core.Tensor;
import io.jgrad.nn.F;

/**
 * Poisson negative log likelihood of counts: {@code exp(x) - t·x} for a log rate x (the default), or
 * {@code x - t·log(x + eps)} with {@code logInput(false)}; {@code full(true)} adds Stirling's
 * approximation of {@code log(t!)} where t > 1.
 *
 * <pre>
 * jshell> new PoissonNLLLoss().apply(Tensor.of(0, 1), Tensor.of(1, 2))
 * $1 ==> tensor(0.8591)
 * </pre>
 */
public class PoissonNLLLoss extends Loss<PoissonNLLLoss> {
    private boolean logInput = true, full;
    private double eps = 1e-8;

    /** Whether the input is the log of the rate (true, the default) or the rate itself. */
    public PoissonNLLLoss logInput(boolean logInput) {
        this.logInput = logInput;
        return this;
    }

    public PoissonNLLLoss full(boolean full) {
        this.full = full;
        return this;
    }

    /** Added to the rate before its log when {@code logInput} is false. */
    public PoissonNLLLoss eps(double eps) {
        this.eps = eps;
        return this;
    }

    @Override
    protected Tensor forward(Tensor input, Tensor target) {
        return F.poissonNllLoss(input, target, logInput, full, eps, reduction);
    }
}
