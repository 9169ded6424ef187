package io.jgrad.nn;

import io.jgrad.core.Op;
import io.jgrad.core.Tensor;

/**
 * {@code x.clampMin(min)} whose gradient passes everywhere: PyTorch's GaussianNLLLoss clones the
 * variance and clamps the clone in place under no_grad, so autograd sees only the clone. Named as
 * that clone's node.
 */
final class ClampedClone extends Op {
    private final double min;

    ClampedClone(double min) {
        this.min = min;
    }

    @Override
    protected Tensor forward(Tensor... in) {
        return in[0].clampMin(min);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g};
    }

    @Override
    public String name() {
        return "CloneBackward0";
    }
}
