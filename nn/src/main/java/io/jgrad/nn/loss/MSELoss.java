package io.jgrad.nn.loss;

import io.jgrad.core.Tensor;
import io.jgrad.nn.F;

/**
 * Mean squared error {@code (x - y)²}; input and target must have the same shape (a silent broadcast
 * of [N, 1] against [N] is the classic regression bug, so it is an error here).
 *
 * <pre>
 * jshell> new MSELoss().apply(Tensor.of(1, 2), Tensor.of(1, 4))
 * $1 ==> tensor(2.)
 * </pre>
 */
public class MSELoss extends Loss<MSELoss> {
    @Override
    protected Tensor forward(Tensor input, Tensor target) {
        return F.mseLoss(input, target, reduction);
    }
}
