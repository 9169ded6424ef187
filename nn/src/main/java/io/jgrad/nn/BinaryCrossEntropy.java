package io.jgrad.nn;

import io.jgrad.core.Op;
import io.jgrad.core.Tensor;

/**
 * Element-wise binary cross entropy on probabilities, fused: each log term is clamped at -100 so 0
 * and 1 give a finite loss, and the gradient is PyTorch's {@code (x - t) / max(x(1 - x), 1e-12)}
 * rather than the clamp's derivative (which would be 0 exactly where the model is most wrong).
 */
final class BinaryCrossEntropy extends Op {
    /** PyTorch's EPSILON in Loss.cpp is a float, so 1e-12 rounded to float precision, exactly. */
    private static final double EPSILON = 1e-12f;

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor x = in[0], t = in[1];
        Tensor logX = x.log().clampMin(-100), log1mX = x.neg().add(1).log().clampMin(-100);
        save(x, t, logX, log1mX);
        return t.mul(logX).add(t.neg().add(1).mul(log1mX)).neg();
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor x = saved(0), t = saved(1);
        Tensor gx = needsInputGrad(0) ? g.mul(x.sub(t)).div(x.mul(x.neg().add(1)).clampMin(EPSILON)) : null;
        Tensor gt = needsInputGrad(1) ? g.mul(saved(3).sub(saved(2))) : null;
        return new Tensor[] {gx, gt};
    }

    @Override
    public String name() {
        return "BinaryCrossEntropyBackward0";
    }
}
