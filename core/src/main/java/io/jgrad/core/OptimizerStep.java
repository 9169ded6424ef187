package io.jgrad.core;

import java.util.Arrays;

/**
 * The checks around the fused optimizer kernels. Arguments come first, since the kernels index raw
 * arrays of the parameter's type and length; after the kernel every tensor written gets a version
 * bump, as the in-place ops give, so autograd still refuses a parameter changed after a forward pass
 * saved it.
 */
final class OptimizerStep {
    private OptimizerStep() {}

    static void sgd(Tensor param, Tensor grad, Tensor momentumBuffer, double weightDecay, double momentum, double lr,
            double dampening, boolean nesterov, boolean maximize, boolean isFirstStep) {
        String op = "sgdStep";
        floating(op, param);
        like(op, param, "grad", grad);
        if (momentum != 0) {
            Check.argument(momentumBuffer != null, "%s: momentum %s needs a momentumBuffer; pass Tensor.zerosLike(param) "
                    + "with isFirstStep true on the parameter's first step", op, momentum);
            like(op, param, "momentumBuffer", momentumBuffer);
        } else {
            Check.argument(momentumBuffer == null, "%s: momentum is 0, so there is no momentum buffer to update; pass null "
                    + "for momentumBuffer", op);
        }
        InPlace.check(param, op);
        if (momentumBuffer != null) InPlace.check(momentumBuffer, op);
        param.kernels().sgd(param.data(), grad.data(), momentumBuffer == null ? null : momentumBuffer.data(),
                weightDecay, momentum, lr, dampening, nesterov, maximize, isFirstStep);
        param.bumpVersion();
        if (momentumBuffer != null) momentumBuffer.bumpVersion();
    }

    static void adam(String op, Tensor param, Tensor grad, Tensor expAvg, Tensor expAvgSq, Tensor maxExpAvgSq, long step,
            double lr, double beta1, double beta2, double weightDecay, double eps, boolean maximize, boolean decoupled) {
        floating(op, param);
        like(op, param, "grad", grad);
        like(op, param, "expAvg", expAvg);
        like(op, param, "expAvgSq", expAvgSq);
        if (maxExpAvgSq != null) like(op, param, "maxExpAvgSq", maxExpAvgSq);
        Check.argument(step >= 1, "%s: step must be at least 1 (the number of updates, this one included), got %d",
                op, step);
        Tensor[] written = maxExpAvgSq == null ? new Tensor[] {param, expAvg, expAvgSq}
                : new Tensor[] {param, expAvg, expAvgSq, maxExpAvgSq};
        for (Tensor t : written) InPlace.check(t, op);
        param.kernels().adam(param.data(), grad.data(), expAvg.data(), expAvgSq.data(),
                maxExpAvgSq == null ? null : maxExpAvgSq.data(), step, lr, beta1, beta2, weightDecay, eps, decoupled,
                maximize);
        for (Tensor t : written) t.bumpVersion();
    }

    private static void floating(String op, Tensor param) {
        Check.notNull(param, op, "param");
        Check.argument(param.dtype().isFloatingPoint(), "%s: param must be float32 or float64, got %s; only "
                + "floating-point parameters can be optimized (convert with toFloat())", op, param.dtype());
    }

    /** Grads and state tensors are element-for-element companions of the parameter. */
    private static void like(String op, Tensor param, String name, Tensor t) {
        Check.notNull(t, op, name);
        Check.argument(t.dtype() == param.dtype() && Arrays.equals(t.shape(), param.shape()), "%s: %s has shape %s and "
                + "dtype %s but param has shape %s and dtype %s; %s must match its parameter (state tensors start as "
                + "Tensor.zerosLike(param))", op, name, Check.shape(t.shape()), t.dtype(), Check.shape(param.shape()),
                param.dtype(), name);
        Check.argument(t.device() == param.device(), "%s: Expected all tensors to be on the same device, but %s is on %s "
                + "and param on %s; move the model before creating its optimizer (Module.to(device))", op, name,
                t.device(), param.device());
    }
}
