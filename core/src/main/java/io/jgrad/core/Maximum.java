package io.jgrad.core;

import io.jgrad.core.kernel.Elementwise;

/** Element-wise max (min with {@code max = false}); ties split the gradient in half, as in PyTorch. */
final class Maximum extends BinaryOp {
    private final boolean max;

    Maximum(boolean max) {
        super(max ? Elementwise.Binary.MAX : Elementwise.Binary.MIN, max ? "maximum" : "minimum");
        this.max = max;
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor a = saved(0), b = saved(1);
        Tensor shared = Tensor.where(a.eq(b), g.div(2.0), g);
        Tensor aWins = max ? a.gt(b) : a.lt(b), bWins = max ? a.lt(b) : a.gt(b);
        return new Tensor[] {
            needsInputGrad(0) ? shared.maskedFill(bWins, 0.0) : null,
            needsInputGrad(1) ? shared.maskedFill(aWins, 0.0) : null
        };
    }

    @Override
    public String name() {
        return max ? "MaximumBackward0" : "MinimumBackward0";
    }
}
