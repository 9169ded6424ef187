package io.jgrad.core.kernel;

/**
 * One-pass optimizer updates on raw storage. Each element goes through exactly the operations of
 * PyTorch 1.13's {@code _single_tensor_sgd} / {@code _single_tensor_adam} / {@code _single_tensor_adamw},
 * in their order: in float32 every intermediate PyTorch materialises as a float tensor is a float
 * here too, and every Python-float scalar is rounded to float where the op-by-op path rounds it (a
 * float tensor's {@code mul_(s)}, {@code add_(t, alpha=s)}, {@code addcmul_(..., value=s)} all use
 * {@code (float) s}). Java never contracts {@code a*b + c} into an FMA, so the result is bit-identical
 * to the chain of in-place tensor ops.
 *
 * <p>Each loop keeps at most two loop-invariant options as branches: the JIT unswitches those out and
 * vectorises the loop whatever combinations have run before, but with three or more it stops
 * vectorising some of them (several times slower) once several combinations have run, as they do with
 * two parameter groups. The other options choose between loops.
 *
 * <p>Elements are independent, so {@link Parallel#forRange} may split them across threads without
 * changing a bit.
 */
public final class OptimizerKernels {
    private OptimizerKernels() {}

    /**
     * SGD on one parameter. {@code buffer} is the momentum buffer, null when momentum is 0; on the
     * first step it is set to the (decayed, possibly negated) gradient, as PyTorch clones it.
     */
    public static void sgd(Object param, Object grad, Object buffer, double weightDecay, double momentum, double lr,
            double dampening, boolean nesterov, boolean maximize, boolean isFirstStep) {
        boolean decay = weightDecay != 0;
        if (param instanceof float[] p) {
            float[] g = (float[]) grad, b = (float[]) buffer;
            float wd = (float) weightDecay, mom = (float) momentum, keep = (float) (1 - dampening), alpha = (float) -lr;
            Parallel.forRange(p.length, (from, to) -> {
                if (b == null) sgd(p, g, maximize, decay, wd, alpha, from, to);
                else if (isFirstStep) sgdFirst(p, g, b, maximize, decay, nesterov, wd, mom, alpha, from, to);
                else if (nesterov) sgdNesterov(p, g, b, maximize, decay, wd, mom, keep, alpha, from, to);
                else sgdMomentum(p, g, b, maximize, decay, wd, mom, keep, alpha, from, to);
            });
        } else {
            double[] p = (double[]) param, g = (double[]) grad, b = (double[]) buffer;
            double keep = 1 - dampening, alpha = -lr;
            Parallel.forRange(p.length, (from, to) -> {
                if (b == null) sgd(p, g, maximize, decay, weightDecay, alpha, from, to);
                else if (isFirstStep) sgdFirst(p, g, b, maximize, decay, nesterov, weightDecay, momentum, alpha, from, to);
                else if (nesterov) sgdNesterov(p, g, b, maximize, decay, weightDecay, momentum, keep, alpha, from, to);
                else sgdMomentum(p, g, b, maximize, decay, weightDecay, momentum, keep, alpha, from, to);
            });
        }
    }

    /**
     * Adam ({@code decoupled} false: weight decay added to the gradient) or AdamW ({@code decoupled}
     * true: the parameter scaled by {@code 1 - lr·weightDecay} first) on one parameter. {@code step}
     * counts this update; {@code maxExpAvgSq} is AMSGrad's running maximum, null without AMSGrad.
     */
    public static void adam(Object param, Object grad, Object expAvg, Object expAvgSq, Object maxExpAvgSq, long step,
            double lr, double beta1, double beta2, double weightDecay, double eps, boolean decoupled, boolean maximize) {
        // Python doubles, as _single_tensor_adam computes them once per parameter.
        double stepSize = lr / (1 - Math.pow(beta1, step));
        double bias2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
        boolean l2 = !decoupled && weightDecay != 0;
        // AdamW scales p first but reads it nowhere else, so the scaling folds into the last assignment
        // with the same rounding; Adam scales by exactly 1 there, which changes no bit and saves a branch.
        double shrink = decoupled ? 1 - lr * weightDecay : 1;
        if (param instanceof float[] p) {
            float[] g = (float[]) grad, m = (float[]) expAvg, v = (float[]) expAvgSq, vmax = (float[]) maxExpAvgSq;
            float[] c = {(float) beta1, (float) (1 - beta1), (float) beta2, (float) (1 - beta2), (float) bias2Sqrt,
                (float) eps, (float) -stepSize, (float) shrink, (float) weightDecay};
            Parallel.forRange(p.length, (from, to) -> {
                if (vmax == null) adam(p, g, m, v, maximize, l2, c, from, to);
                else adamAmsgrad(p, g, m, v, vmax, maximize, l2, c, from, to);
            });
        } else {
            double[] p = (double[]) param, g = (double[]) grad, m = (double[]) expAvg, v = (double[]) expAvgSq;
            double[] vmax = (double[]) maxExpAvgSq;
            double[] c = {beta1, 1 - beta1, beta2, 1 - beta2, bias2Sqrt, eps, -stepSize, shrink, weightDecay};
            Parallel.forRange(p.length, (from, to) -> {
                if (vmax == null) adam(p, g, m, v, maximize, l2, c, from, to);
                else adamAmsgrad(p, g, m, v, vmax, maximize, l2, c, from, to);
            });
        }
    }

    private static void sgd(float[] p, float[] g, boolean maximize, boolean decay, float wd, float alpha, int from, int to) {
        for (int i = from; i < to; i++) {
            float d = maximize ? -g[i] : g[i];
            if (decay) d = d + p[i] * wd;
            p[i] = p[i] + alpha * d;
        }
    }

    /** The first step with momentum: the buffer starts as the gradient. Cold, so three branches are fine. */
    private static void sgdFirst(float[] p, float[] g, float[] b, boolean maximize, boolean decay, boolean nesterov,
            float wd, float mom, float alpha, int from, int to) {
        for (int i = from; i < to; i++) {
            float d = maximize ? -g[i] : g[i];
            if (decay) d = d + p[i] * wd;
            b[i] = d;
            p[i] = p[i] + alpha * (nesterov ? d + d * mom : d);
        }
    }

    private static void sgdMomentum(float[] p, float[] g, float[] b, boolean maximize, boolean decay, float wd, float mom,
            float keep, float alpha, int from, int to) {
        for (int i = from; i < to; i++) {
            float d = maximize ? -g[i] : g[i];
            if (decay) d = d + p[i] * wd;
            float m = b[i] * mom + keep * d;
            b[i] = m;
            p[i] = p[i] + alpha * m;
        }
    }

    private static void sgdNesterov(float[] p, float[] g, float[] b, boolean maximize, boolean decay, float wd, float mom,
            float keep, float alpha, int from, int to) {
        for (int i = from; i < to; i++) {
            float d = maximize ? -g[i] : g[i];
            if (decay) d = d + p[i] * wd;
            float m = b[i] * mom + keep * d;
            b[i] = m;
            p[i] = p[i] + alpha * (d + m * mom);
        }
    }

    /** {@code c}: beta1, 1 - beta1, beta2, 1 - beta2, sqrt(bias correction 2), eps, -step size, shrink, weight decay. */
    private static void adam(float[] p, float[] g, float[] m, float[] v, boolean maximize, boolean l2, float[] c,
            int from, int to) {
        float b1 = c[0], c1 = c[1], b2 = c[2], c2 = c[3], bc2 = c[4], eps = c[5], alpha = c[6], shrink = c[7], wd = c[8];
        for (int i = from; i < to; i++) {
            float gi = maximize ? -g[i] : g[i];
            if (l2) gi = gi + p[i] * wd;
            float mi = m[i] * b1 + c1 * gi;
            float vi = v[i] * b2 + c2 * gi * gi;
            m[i] = mi;
            v[i] = vi;
            p[i] = p[i] * shrink + alpha * mi / ((float) Math.sqrt(vi) / bc2 + eps);
        }
    }

    private static void adamAmsgrad(float[] p, float[] g, float[] m, float[] v, float[] vmax, boolean maximize,
            boolean l2, float[] c, int from, int to) {
        float b1 = c[0], c1 = c[1], b2 = c[2], c2 = c[3], bc2 = c[4], eps = c[5], alpha = c[6], shrink = c[7], wd = c[8];
        for (int i = from; i < to; i++) {
            float gi = maximize ? -g[i] : g[i];
            if (l2) gi = gi + p[i] * wd;
            float mi = m[i] * b1 + c1 * gi;
            float vi = v[i] * b2 + c2 * gi * gi;
            m[i] = mi;
            v[i] = vi;
            float most = Math.max(vmax[i], vi);
            vmax[i] = most;
            p[i] = p[i] * shrink + alpha * mi / ((float) Math.sqrt(most) / bc2 + eps);
        }
    }

    private static void sgd(double[] p, double[] g, boolean maximize, boolean decay, double wd, double alpha, int from,
            int to) {
        for (int i = from; i < to; i++) {
            double d = maximize ? -g[i] : g[i];
            if (decay) d = d + p[i] * wd;
            p[i] = p[i] + alpha * d;
        }
    }

    private static void sgdFirst(double[] p, double[] g, double[] b, boolean maximize, boolean decay, boolean nesterov,
            double wd, double mom, double alpha, int from, int to) {
        for (int i = from; i < to; i++) {
            double d = maximize ? -g[i] : g[i];
            if (decay) d = d + p[i] * wd;
            b[i] = d;
            p[i] = p[i] + alpha * (nesterov ? d + d * mom : d);
        }
    }

    private static void sgdMomentum(double[] p, double[] g, double[] b, boolean maximize, boolean decay, double wd,
            double mom, double keep, double alpha, int from, int to) {
        for (int i = from; i < to; i++) {
            double d = maximize ? -g[i] : g[i];
            if (decay) d = d + p[i] * wd;
            double m = b[i] * mom + keep * d;
            b[i] = m;
            p[i] = p[i] + alpha * m;
        }
    }

    private static void sgdNesterov(double[] p, double[] g, double[] b, boolean maximize, boolean decay, double wd,
            double mom, double keep, double alpha, int from, int to) {
        for (int i = from; i < to; i++) {
            double d = maximize ? -g[i] : g[i];
            if (decay) d = d + p[i] * wd;
            double m = b[i] * mom + keep * d;
            b[i] = m;
            p[i] = p[i] + alpha * (d + m * mom);
        }
    }

    private static void adam(double[] p, double[] g, double[] m, double[] v, boolean maximize, boolean l2, double[] c,
            int from, int to) {
        double b1 = c[0], c1 = c[1], b2 = c[2], c2 = c[3], bc2 = c[4], eps = c[5], alpha = c[6], shrink = c[7], wd = c[8];
        for (int i = from; i < to; i++) {
            double gi = maximize ? -g[i] : g[i];
            if (l2) gi = gi + p[i] * wd;
            double mi = m[i] * b1 + c1 * gi;
            double vi = v[i] * b2 + c2 * gi * gi;
            m[i] = mi;
            v[i] = vi;
            p[i] = p[i] * shrink + alpha * mi / (Math.sqrt(vi) / bc2 + eps);
        }
    }

    private static void adamAmsgrad(double[] p, double[] g, double[] m, double[] v, double[] vmax, boolean maximize,
            boolean l2, double[] c, int from, int to) {
        double b1 = c[0], c1 = c[1], b2 = c[2], c2 = c[3], bc2 = c[4], eps = c[5], alpha = c[6], shrink = c[7], wd = c[8];
        for (int i = from; i < to; i++) {
            double gi = maximize ? -g[i] : g[i];
            if (l2) gi = gi + p[i] * wd;
            double mi = m[i] * b1 + c1 * gi;
            double vi = v[i] * b2 + c2 * gi * gi;
            m[i] = mi;
            v[i] = vi;
            double most = Math.max(vmax[i], vi);
            vmax[i] = most;
            p[i] = p[i] * shrink + alpha * mi / (Math.sqrt(most) / bc2 + eps);
        }
    }
}
