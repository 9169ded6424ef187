package io.jgrad.nn.loss;

import io.jgrad.core.Tensor;
import io.jgrad.nn.F;

/**
 * Gaussian negative log likelihood of the target under a predicted mean and variance:
 * {@code 0.5·(log var + (x - t)²/var)}, var clamped at {@code eps}, plus {@code 0.5·log 2π} with
 * {@code full(true)}. Called with {@code apply(input, target, var)}; var has the input's shape, or one
 * fewer dim, or a last dim of 1.
 *
 * <pre>
 * jshell> new GaussianNLLLoss().apply(Tensor.of(1, 2), Tensor.of(2, 2), Tensor.of(1, 1))
 * $1 ==> tensor(0.2500)
 * </pre>
 */
public class GaussianNLLLoss extends TernaryLoss<GaussianNLLLoss> {
    private boolean full;
    private double eps = 1e-6;

    public GaussianNLLLoss() {
        super("(input, target, var)");
    }

    public GaussianNLLLoss full(boolean full) {
        this.full = full;
        return this;
    }

    public GaussianNLLLoss eps(double eps) {
        this.eps = eps;
        return this;
    }

    @Override
    protected Tensor forward(Tensor input, Tensor target, Tensor var) {
        return F.gaussianNllLoss(input, target, var, full, eps, reduction);
    }
}
