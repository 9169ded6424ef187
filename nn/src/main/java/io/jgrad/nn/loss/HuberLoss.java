package io.jgrad.nn.loss;

import io.jgrad.core.Tensor;

/** {@code 0.5·d²} for |d| <= delta, else {@code delta·(|d| - 0.5·delta)}; same shapes required. */
public class HuberLoss extends Loss<HuberLoss> {
    private double delta = 1.0;

    public HuberLoss delta(double delta) {
        this.delta = delta;
        return this;
    }

    @Override
    protected Tensor forward(Tensor input, Tensor target) {
        return Losses.huberLoss(input, target, reduction, delta);
    }
}
