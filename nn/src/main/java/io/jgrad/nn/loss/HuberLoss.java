package io.jgrad.nn.loss;

import io.jgrad.core.Tensor;
import io.jgrad.nn.F;

/**
 * Squared near zero, linear far out: {@code 0.5·d²} for |d| <= delta, else {@code delta·(|d| - 0.5·delta)};
 * input and target must have the same shape.
 *
 * <pre>
 * jshell> new HuberLoss().apply(Tensor.of(1, 2), Tensor.of(1, 4))
 * $1 ==> tensor(0.7500)
 * </pre>
 */
public class HuberLoss extends Loss<HuberLoss> {
    private double delta = 1.0;

    public HuberLoss delta(double delta) {
        this.delta = delta;
        return this;
    }

    @Override
    protected Tensor forward(Tensor input, Tensor target) {
        return F.huberLoss(input, target, reduction, delta);
    }
}
