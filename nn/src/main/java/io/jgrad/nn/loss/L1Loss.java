package io.jgrad.nn.loss;

import io.jgrad.core.Tensor;
import io.jgrad.nn.F;

/**
 * Mean absolute error {@code |x - y|}; input and target must have the same shape.
 *
 * <pre>
 * jshell> new L1Loss().apply(Tensor.of(1, 2), Tensor.of(1, 4))
 * $1 ==> tensor(1.)
 * </pre>
 */
public class L1Loss extends Loss<L1Loss> {
    @Override
    protected Tensor forward(Tensor input, Tensor target) {
        return F.l1Loss(input, target, reduction);
    }
}
