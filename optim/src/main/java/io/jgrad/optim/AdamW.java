package io.jgrad.optim;

import io.jgrad.core.Tensor;

/**
 * Adam with decoupled weight decay, PyTorch's {@code torch.optim.AdamW}: {@code p *= 1 - lr·weightDecay}
 * before the Adam step, which then sees the plain gradient. Weight decay defaults to 0.01.
 */
public class AdamW extends Adam {
    public AdamW(Iterable<Tensor> params) {
        this(params, 1e-3);
    }

    public AdamW(Iterable<Tensor> params, double lr) {
        super(params, lr, 1e-2);
    }

    /*
     * The setters are overridden only to return AdamW, so a chain such as
     * new AdamW(ps, lr).betas(0.9, 0.99) can be assigned to an AdamW.
     */

    @Override
    public AdamW betas(double beta1, double beta2) {
        super.betas(beta1, beta2);
        return this;
    }

    @Override
    public AdamW eps(double eps) {
        super.eps(eps);
        return this;
    }

    @Override
    public AdamW weightDecay(double weightDecay) {
        super.weightDecay(weightDecay);
        return this;
    }

    @Override
    public AdamW amsgrad(boolean amsgrad) {
        super.amsgrad(amsgrad);
        return this;
    }

    @Override
    public AdamW maximize(boolean maximize) {
        super.maximize(maximize);
        return this;
    }

    @Override
    boolean decoupled() {
        return true;
    }
}
