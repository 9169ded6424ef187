package io.jgrad.nn.loss;

import io.jgrad.core.Tensor;
import io.jgrad.nn.F;

/**
 * Squared near zero, linear far out, with slope 1: {@code 0.5·d²/beta} for |d| < beta, else
 * {@code |d| - 0.5·beta} (HuberLoss divided by beta); beta = 0 is L1Loss. Input and target must have
 * the same shape.
 *
 * <pre>
 * jshell> new SmoothL1Loss().beta(0.5).apply(Tensor.of(1, 2), Tensor.of(1, 4))
 * $1 ==> tensor(0.8750)
 * </pre>
 */
public class SmoothL1Loss extends Loss<SmoothL1Loss> {
    private double beta = 1.0;

    public SmoothL1Loss beta(double beta) {
        this.beta = beta;
        return this;
    }

    @Override
    protected Tensor forward(Tensor input, Tensor target) {
        return F.smoothL1Loss(input, target, reduction, beta);
    }
}
