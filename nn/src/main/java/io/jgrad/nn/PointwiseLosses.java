package io.jgrad.nn;

import static io.jgrad.nn.LossChecks.floatTarget;
import static io.jgrad.nn.LossChecks.floating;
import static io.jgrad.nn.LossChecks.sameShape;

import io.jgrad.core.Tensor;

/**
 * The math behind {@link F#klDiv}, {@link F#mseLoss}, {@link F#l1Loss}, {@link F#huberLoss} and
 * {@link F#smoothL1Loss}: element-wise, then reduced.
 */
final class PointwiseLosses {
    private PointwiseLosses() {}

    /**
     * KL divergence with input log-probabilities: pointwise {@code t·(log t - x)} (0 where t = 0), or
     * {@code exp(t)·(t - x)} when {@code logTarget}. BATCHMEAN gives the true KL; MEAN divides by every element.
     */
    static Tensor klDiv(Tensor input, Tensor target, Reduction reduction, boolean logTarget) {
        String op = "klDiv";
        floating(op, "input", input);
        floatTarget(op, input, target);
        if (input.numel() > 0 && input.amax().item() > 0) {
            Warnings.once("KLDivLoss got positive input values, which cannot be log-probabilities; pass logSoftmax "
                    + "output as the input");
        }
        Tensor t = target.to(input.dtype());
        Tensor pointwise;
        if (logTarget) {
            pointwise = t.exp().mul(t.sub(input));
        } else {
            if (t.numel() > 0 && t.amin().item() < 0) {
                Warnings.once("KLDivLoss got negative target values, which cannot be probabilities; the loss is NaN "
                        + "(t·log t of a negative t), as in PyTorch. Pass probabilities as the target, or "
                        + "log-probabilities with logTarget(true)");
            }
            // PyTorch's xlogy: 0·log 0 counts as 0, while a negative t gives log t = NaN and so a NaN loss.
            Tensor zero = t.eq(0.0);
            Tensor tLogT = Tensor.where(zero, Tensor.zerosLike(t), t.mul(Tensor.where(zero, Tensor.onesLike(t), t).log()));
            pointwise = tLogT.sub(t.mul(input));
        }
        return switch (reduction) {
            case BATCHMEAN -> pointwise.sum().div(input.dim() == 0 ? 1 : input.size(0));
            case MEAN -> {
                Warnings.once("KLDivLoss reduction MEAN divides the total loss by both the batch size and the support "
                        + "size; BATCHMEAN divides only by the batch size and matches the math definition of KL");
                yield pointwise.mean();
            }
            default -> reduction.apply(op, pointwise);
        };
    }

    static Tensor mseLoss(Tensor input, Tensor target, Reduction reduction) {
        sameShape("mseLoss", input, target);
        Tensor d = input.sub(target);
        return LossNode.named("MseLossBackward0", reduction.apply("mseLoss", d.mul(d)));
    }

    static Tensor l1Loss(Tensor input, Tensor target, Reduction reduction) {
        sameShape("l1Loss", input, target);
        return reduction.apply("l1Loss", input.sub(target).abs());
    }

    /** 0.5·d² where |d| <= delta, else delta·(|d| - 0.5·delta). */
    static Tensor huberLoss(Tensor input, Tensor target, Reduction reduction, double delta) {
        if (!(delta > 0)) throw new IllegalArgumentException("huberLoss: delta must be positive; got " + delta);
        sameShape("huberLoss", input, target);
        Tensor d = input.sub(target), a = d.abs();
        Tensor loss = Tensor.where(a.le(delta), d.mul(d).mul(0.5), a.sub(0.5 * delta).mul(delta));
        return LossNode.named("HuberLossBackward0", reduction.apply("huberLoss", loss));
    }

    /** 0.5·d²/beta where |d| < beta, else |d| - 0.5·beta; beta = 0 is L1 with PyTorch's gradient -1 at d = 0. */
    static Tensor smoothL1Loss(Tensor input, Tensor target, Reduction reduction, double beta) {
        if (!(beta >= 0)) {
            throw new IllegalArgumentException("smoothL1Loss does not support negative values for beta; got " + beta
                    + " (beta = 0 is the L1 loss)");
        }
        sameShape("smoothL1Loss", input, target);
        Tensor loss = new SmoothL1(beta).apply(input, target);
        return LossNode.named("SmoothL1LossBackward0", reduction.apply("smoothL1Loss", loss));
    }
}
