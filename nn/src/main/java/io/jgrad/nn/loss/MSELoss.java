package io.jgrad.nn.loss;

import io.jgrad.core.Tensor;

/** Mean squared error {@code (x - y)²}; input and target must have the same shape. */
public class MSELoss extends Loss<MSELoss> {

    @Override
    protected Tensor forward(Tensor input, Tensor target) {
        return Losses.mseLoss(input, target, reduction);
    }
}
