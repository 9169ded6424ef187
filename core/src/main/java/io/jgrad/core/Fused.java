package io.jgrad.core;

/**
 * Fused primitives the nn and optim layers build on (PyTorch's internal ATen ops): each does in one
 * kernel, with its own backward, what would otherwise be a chain of small tensor ops. They take
 * PyTorch's argument conventions and check their arguments; the nn and optim classes remain the
 * user-facing API. This class only holds one-line delegations to the op classes.
 */
public final class Fused {
    private Fused() {}

    /**
     * Cross entropy of logits against int64 class indices, log-softmax and NLL in one pass:
     * {@code F.cross_entropy(input, target, weight, ignore_index=ignoreIndex, reduction=reduction)}
     * without label smoothing. Input (C), (N, C) or (N, C, d1, ...); target (), (N) or (N, d1, ...);
     * {@code weight} one per class, or null. Targets equal to {@code ignoreIndex} add neither loss nor
     * gradient; {@code reduction} is "none", "mean" (divided by the summed weights of the other
     * targets, NaN when all are ignored) or "sum". Its graph node is {@code NllLossBackward}; neither
     * target nor weight gets a gradient.
     *
     * <pre>
     * jshell> var logits = Tensor.of(new double[][] {{2, 0, -1}, {0.5, 1, 0}});
     * jshell> var labels = Tensor.of(new long[] {0, -100});
     * jshell> Fused.crossEntropy(logits, labels, null, -100, "none")
     * $3 ==> tensor([0.1698, 0.0000])
     * </pre>
     */
    public static Tensor crossEntropy(Tensor input, Tensor target, Tensor weight, long ignoreIndex, String reduction) {
        return CrossEntropy.loss(input, target, weight, ignoreIndex, reduction);
    }
}
