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

    @Override
    boolean decoupled() {
        return true;
    }
}
