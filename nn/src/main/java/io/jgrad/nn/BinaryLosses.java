package io.jgrad.nn;

import static io.jgrad.nn.LossChecks.floatTarget;
import static io.jgrad.nn.LossChecks.floating;
import static io.jgrad.nn.LossChecks.requireBroadcastable;
import static io.jgrad.nn.LossChecks.sameShape;

import io.jgrad.core.Tensor;

/**
 * The math behind {@link F#binaryCrossEntropy}, {@link F#binaryCrossEntropyWithLogits} and
 * {@link F#multilabelSoftMarginLoss}.
 */
final class BinaryLosses {
    private BinaryLosses() {}

    /** Binary cross entropy on probabilities; {@code weight} (nullable) broadcasts to the input's shape. */
    static Tensor binaryCrossEntropy(Tensor input, Tensor target, Tensor weight, Reduction reduction) {
        String op = "binaryCrossEntropy";
        floating(op, "input", input);
        floatTarget(op, input, target);
        sameShape(op, input, target);
        double min = input.numel() == 0 ? 0 : input.amin().item(), max = input.numel() == 0 ? 0 : input.amax().item();
        if (!(min >= 0 && max <= 1)) {  // NaN fails too, as in PyTorch
            throw new IllegalArgumentException(op + ": all elements of input should be between 0 and 1; got values in ["
                    + min + ", " + max + "]. If the input is logits, use "
                    + "binaryCrossEntropyWithLogits (BCEWithLogitsLoss), which is also numerically stable");
        }
        if (input.gradFn() != null && input.gradFn().name().equals("SigmoidBackward0")) {
            Warnings.once("BCELoss got the output of a sigmoid; BCEWithLogitsLoss on the logits is the numerically "
                    + "stable equivalent (no -100 clamp, exact gradients for confident predictions)");
        }
        Tensor loss = new BinaryCrossEntropy().apply(input, target.to(input.dtype()));
        return LossNode.named("BinaryCrossEntropyBackward0", reduction.apply(op, weighted(op, loss, weight)));
    }

    /** Binary cross entropy on logits; {@code posWeight} (nullable) broadcasts along the class dim from the right. */
    static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, Tensor weight, Tensor posWeight,
                                                      Reduction reduction) {
        String op = "binaryCrossEntropyWithLogits";
        floating(op, "input", input);
        floatTarget(op, input, target);
        sameShape(op, input, target);
        if (posWeight != null) {
            floating(op, "posWeight", posWeight);
            requireBroadcastable(op, "posWeight", posWeight, input, "e.g. [C] for input [N, C], [C, 1, 1] for [N, C, H, W]");
        }
        Tensor pw = posWeight == null ? null : posWeight.to(input.dtype());
        Tensor loss = new BinaryCrossEntropyWithLogits(pw).apply(input, target.to(input.dtype()));
        return LossNode.named("BinaryCrossEntropyWithLogitsBackward0", reduction.apply(op, weighted(op, loss, weight)));
    }

    /**
     * BCE with logits per class, weighted, averaged over the last (class) dim, then reduced over the
     * samples: PyTorch's {@code -(t·logsigmoid(x) + (1 - t)·logsigmoid(-x))}, here through the fused
     * stable node (the same values and gradients, σ(x) - t and -x).
     */
    static Tensor multilabelSoftMarginLoss(Tensor input, Tensor target, Tensor weight, Reduction reduction) {
        String op = "multilabelSoftMarginLoss";
        floating(op, "input", input);
        floatTarget(op, input, target);
        if (input.dim() == 0) {
            throw new IllegalArgumentException(op + ": input must have a class dimension, (C) or (N, C), but got a "
                    + "0-d tensor; for one binary label use binaryCrossEntropyWithLogits");
        }
        sameShape(op, input, target);
        Tensor loss = weighted(op, new BinaryCrossEntropyWithLogits(null).apply(input, target.to(input.dtype())), weight);
        int classDim = input.dim() - 1;
        return reduction.apply(op, loss.sum(classDim).div(input.size(classDim)));
    }

    private static Tensor weighted(String op, Tensor loss, Tensor weight) {
        if (weight == null) return loss;
        floating(op, "weight", weight);
        requireBroadcastable(op, "weight", weight, loss, "a weight per element, per class [C], or per sample [N, 1]");
        return loss.mul(weight.to(loss.dtype()));
    }
}
