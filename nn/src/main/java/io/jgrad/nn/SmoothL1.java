package io.jgrad.nn;

import io.jgrad.core.Op;
import io.jgrad.core.Tensor;

/**
 * Element-wise smooth L1 of {@code d = x - t}: {@code 0.5·d²/beta} where {@code |d| < beta}, else
 * {@code |d| - 0.5·beta}. One node as in PyTorch, because beta = 0 needs PyTorch's kernel rule for the
 * gradient ({@code d <= -beta ? -1 : d >= beta ? 1 : d/beta}, so -1 at d = 0), which neither |d| nor
 * a where over the quadratic branch (0/0 there) reproduces.
 */
final class SmoothL1 extends Op {
    private final double beta;

    SmoothL1(double beta) {
        this.beta = beta;
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor d = in[0].sub(in[1]), z = d.abs();
        save(d);
        return Tensor.where(z.lt(beta), z.mul(0.5).mul(z).div(beta), z.sub(0.5 * beta));
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor d = saved(0);
        // PyTorch's target gradient runs the same kernel with input and target swapped, on -d: at d = 0 with
        // beta = 0 both gradients are -1, not opposite
        return new Tensor[] {needsInputGrad(0) ? g.mul(slope(d)) : null, needsInputGrad(1) ? g.mul(slope(d.neg())) : null};
    }

    private Tensor slope(Tensor d) {
        return Tensor.where(d.le(-beta), Tensor.onesLike(d).neg(), Tensor.where(d.ge(beta), Tensor.onesLike(d), d.div(beta)));
    }

    @Override
    public String name() {
        return "SmoothL1LossBackward0";
    }
}
