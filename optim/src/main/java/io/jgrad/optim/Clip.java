package io.jgrad.optim;

import io.jgrad.core.Tensor;

/** Gradient clipping, PyTorch's {@code torch.nn.utils.clip_grad_norm_} and {@code clip_grad_value_}. */
public final class Clip {
    private Clip() {}

    /**
     * Scales all gradients together so their total {@code normType}-norm is at most {@code maxNorm};
     * returns the total norm before clipping. {@code Double.POSITIVE_INFINITY} gives the max-norm.
     */
    public static double clipGradNorm(Iterable<Tensor> params, double maxNorm, double normType) {
        if (!(normType > 0)) throw new IllegalArgumentException("clipGradNorm: normType must be positive; got " + normType);
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
        double coef = maxNorm / (total + 1e-6);
        if (coef < 1) {
            try (var g = Tensor.noGrad()) {
                for (Tensor p : params) if (p.grad() != null) p.grad().muli(coef);
            }
        }
        return total;
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
