package io.jgrad.nn;

import io.jgrad.core.Op;
import io.jgrad.core.Tensor;

/**
 * Element-wise binary cross entropy on logits, fused and stable for any logit:
 * {@code (1 - t)·x + lw·softplus(-x)} with {@code lw = 1 + (posWeight - 1)·t} and
 * {@code softplus(-x) = max(-x, 0) + log1p(exp(-|x|))}, which never overflows; its gradient
 * {@code (1 - t) - lw·σ(-x)} (= σ(x) - t without posWeight) stays finite at logits of ±1000.
 */
final class BinaryCrossEntropyWithLogits extends Op {
    private final Tensor posWeight;
    /** 1 + (posWeight - 1)·t, the weight of the softplus term; null without posWeight. */
    private Tensor lw;

    BinaryCrossEntropyWithLogits(Tensor posWeight) {
        this.posWeight = posWeight;
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor x = in[0], t = in[1];
        Tensor softplusNegX = x.neg().clampMin(0).add(x.abs().neg().exp().log1p());
        lw = posWeight == null ? null : t.mul(posWeight.sub(1.0)).add(1.0);
        save(x, t, softplusNegX);
        Tensor term = lw == null ? softplusNegX : lw.mul(softplusNegX);
        return t.neg().add(1).mul(x).add(term);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor x = saved(0), t = saved(1), softplusNegX = saved(2);
        Tensor gx = null, gt = null;
        if (needsInputGrad(0)) {
            Tensor sigNegX = x.neg().sigmoid();
            gx = g.mul(t.neg().add(1).sub(lw == null ? sigNegX : lw.mul(sigNegX)));
        }
        if (needsInputGrad(1)) {
            Tensor d = posWeight == null ? x.neg() : x.neg().add(posWeight.sub(1.0).mul(softplusNegX));
            gt = g.mul(d);
        }
        return new Tensor[] {gx, gt};
    }

    @Override
    public String name() {
        return "BinaryCrossEntropyWithLogitsBackward0";
    }
}
