package io.jgrad.optim;

import io.jgrad.core.Tensor;

/** Gradient clipping, PyTorch's {@code torch.nn.utils.clip_grad_norm_} and {@code clip_grad_value_}. */
public final class Clip {
    private Clip() {}

    /**
     * Scales all gradients together so their total {@code normType}-norm is at most {@code maxNorm};
     * returns the total norm before clipping. {@code Double.POSITIVE_INFINITY} gives the max-norm. As in
     * PyTorch, a NaN or infinite gradient makes the total norm NaN or infinite and the gradients are still
     * scaled by the resulting coefficient (so they become NaN or zero); {@code errorIfNonfinite} refuses instead.
     */
    public static double clipGradNorm(Iterable<Tensor> params, double maxNorm, double normType, boolean errorIfNonfinite) {
        if (params == null) throw new IllegalArgumentException("clipGradNorm: params is null; pass model.parameters()");
        if (!(normType > 0)) throw new IllegalArgumentException("clipGradNorm: normType must be positive; got " + normType);
        if (!(maxNorm >= 0)) {
            throw new IllegalArgumentException("clipGradNorm: maxNorm must be >= 0; got " + maxNorm
                    + " (a negative maxNorm would flip the sign of every gradient)");
        }
        double total = 0;
        boolean any = false;
        for (Tensor p : params) {
            if (p.grad() == null) continue;
            any = true;
            Tensor g = p.grad().toDouble();
            total = Double.isInfinite(normType) ? Math.max(total, g.abs().amax().item())
                    : total + g.abs().pow(normType).sum().item();
        }
        if (!any) return 0;
        if (!Double.isInfinite(normType)) total = Math.pow(total, 1 / normType);
        if (errorIfNonfinite && !Double.isFinite(total)) {
            throw new IllegalStateException("The total norm of order " + normType + " for gradients from `parameters` is "
                    + "non-finite, so it cannot be clipped. To disable this error and scale the gradients by the "
                    + "non-finite norm anyway, set `errorIfNonfinite=false`");
        }
        double coef = maxNorm / (total + 1e-6);
        // Written so a NaN coefficient scales too: PyTorch clamps it to at most 1 and multiplies, and NaN survives.
        if (!(coef >= 1)) {
            try (var g = Tensor.noGrad()) {
                for (Tensor p : params) if (p.grad() != null) p.grad().muli(coef);
            }
        }
        return total;
    }

    public static double clipGradNorm(Iterable<Tensor> params, double maxNorm, double normType) {
        return clipGradNorm(params, maxNorm, normType, false);
    }

    public static double clipGradNorm(Iterable<Tensor> params, double maxNorm) {
        return clipGradNorm(params, maxNorm, 2.0);
    }

    /** Clamps every gradient element into [-clipValue, clipValue]. */
    public static void clipGradValue(Iterable<Tensor> params, double clipValue) {
        if (!(clipValue >= 0)) throw new IllegalArgumentException("clipGradValue: clipValue must be >= 0; got " + clipValue);
        try (var g = Tensor.noGrad()) {
            for (Tensor p : params) if (p.grad() != null) p.grad().copyFrom(p.grad().clamp(-clipValue, clipValue));
        }
    }
}
