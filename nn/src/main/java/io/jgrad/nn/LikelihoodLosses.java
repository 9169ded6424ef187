package io.jgrad.nn;

import static io.jgrad.nn.LossChecks.floatTarget;
import static io.jgrad.nn.LossChecks.floating;
import static io.jgrad.nn.LossChecks.requireBroadcastable;
import static io.jgrad.nn.LossChecks.sameShape;

import io.jgrad.core.Tensor;
import java.util.Arrays;

/** The math behind {@link F#poissonNllLoss} and {@link F#gaussianNllLoss}: negative log likelihoods of a target. */
final class LikelihoodLosses {
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    private LikelihoodLosses() {}

    /**
     * {@code exp(x) - t·x} for a log rate x ({@code logInput}), else {@code x - t·log(x + eps)}; with
     * {@code full}, plus Stirling's {@code t·log t - t + 0.5·log(2πt)} where t > 1 (0 elsewhere).
     */
    static Tensor poissonNllLoss(Tensor input, Tensor target, boolean logInput, boolean full, double eps,
                                 Reduction reduction) {
        String op = "poissonNllLoss";
        floating(op, "input", input);
        floatTarget(op, input, target);
        sameShape(op, input, target);
        Tensor loss = logInput ? input.exp().sub(target.mul(input)) : input.sub(target.mul(input.add(eps).log()));
        if (full) {
            Tensor stirling = target.mul(target.log()).sub(target).add(target.mul(2 * Math.PI).log().mul(0.5));
            loss = loss.add(stirling.maskedFill(target.le(1.0), 0));
        }
        return reduction.apply(op, loss);
    }

    /**
     * {@code 0.5·(log v + (x - t)²/v)} with v = max(var, eps) (its gradient as if unclamped, as in PyTorch),
     * plus {@code 0.5·log 2π} with {@code full}. var has the input's shape, or it without the last dim, or
     * with the last dim 1 (one variance per sample).
     */
    static Tensor gaussianNllLoss(Tensor input, Tensor target, Tensor var, boolean full, double eps,
                                  Reduction reduction) {
        String op = "gaussianNllLoss";
        floating(op, "input", input);
        floatTarget(op, input, target);
        floating(op, "var", var);
        requireBroadcastable(op, "target", target, input, "the input's shape, or it with a dim of size 1");
        int[] is = input.shape(), vs = var.shape();
        if (!Arrays.equals(is, vs)) {
            int n = is.length;
            if (n > 0 && Arrays.equals(Arrays.copyOf(is, n - 1), vs)) {
                var = var.unsqueeze(-1);
            } else if (!(n > 0 && vs.length == n && Arrays.equals(Arrays.copyOf(is, n - 1), Arrays.copyOf(vs, n - 1))
                    && vs[n - 1] == 1)) {
                throw new IllegalArgumentException(op + ": var is of incorrect size: " + Arrays.toString(vs) + " for "
                        + "input " + Arrays.toString(is) + "; give one variance per element (the input's shape), or "
                        + "one per sample (the input's shape without its last dim, or with the last dim 1)");
            }
        }
        long negative = (long) var.lt(0.0).toDouble().sum().item();
        if (negative > 0) {
            throw new IllegalArgumentException(op + ": var has negative entry/entries (" + negative + " below 0); a "
                    + "variance is >= 0: pass e.g. exp(logVar) or softplus of the raw output");
        }
        Tensor v = new ClampedClone(eps).apply(var);
        Tensor loss = v.log().add(input.sub(target).pow(2).div(v)).mul(0.5);
        if (full) loss = loss.add(HALF_LOG_2PI);
        return reduction.apply(op, loss);
    }
}
