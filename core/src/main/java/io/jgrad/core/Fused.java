package io.jgrad.core;

/**
 * Fused primitives the nn and optim layers build on, PyTorch's internal ATen ops: each does in one
 * pass over memory what the public API would do with a chain of ops, with the same per-element
 * arithmetic in the same order, so results are bit-identical. Updates are in place; like every
 * in-place op they refuse to run where autograd would record, and bump the version of each tensor
 * they write.
 */
public final class Fused {
    private Fused() {}

    /**
     * One SGD update of {@code param}, PyTorch's {@code _fused_sgd_}: {@code momentumBuffer} is null when
     * {@code momentum} is 0, else a tensor like {@code param} that {@code isFirstStep} initialises.
     */
    public static void sgdStep(Tensor param, Tensor grad, Tensor momentumBuffer, double weightDecay, double momentum,
            double lr, double dampening, boolean nesterov, boolean maximize, boolean isFirstStep) {
        OptimizerStep.sgd(param, grad, momentumBuffer, weightDecay, momentum, lr, dampening, nesterov, maximize, isFirstStep);
    }

    /**
     * One Adam update of {@code param} and its moments, PyTorch's {@code _fused_adam_}: weight decay is
     * added to the gradient; {@code step} counts this update; {@code maxExpAvgSq} is AMSGrad's running
     * maximum, null without AMSGrad.
     */
    public static void adamStep(Tensor param, Tensor grad, Tensor expAvg, Tensor expAvgSq, Tensor maxExpAvgSq, long step,
            double lr, double beta1, double beta2, double weightDecay, double eps, boolean maximize) {
        OptimizerStep.adam("adamStep", param, grad, expAvg, expAvgSq, maxExpAvgSq, step, lr, beta1, beta2, weightDecay, eps,
                maximize, false);
    }

    /** As {@link #adamStep} with AdamW's decoupled weight decay, PyTorch's {@code _fused_adamw_}. */
    public static void adamwStep(Tensor param, Tensor grad, Tensor expAvg, Tensor expAvgSq, Tensor maxExpAvgSq, long step,
            double lr, double beta1, double beta2, double weightDecay, double eps, boolean maximize) {
        OptimizerStep.adam("adamwStep", param, grad, expAvg, expAvgSq, maxExpAvgSq, step, lr, beta1, beta2, weightDecay,
                eps, maximize, true);
    }
}
