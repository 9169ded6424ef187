package io.jgrad.nn.loss;

import io.jgrad.core.Tensor;

/** Mean absolute error {@code |x - y|}; input and target must have the same shape. */
public class L1Loss extends Loss<L1Loss> {

    @Override
    protected Tensor forward(Tensor input, Tensor target) {
        return Losses.l1Loss(input, target, reduction);
    }
}
