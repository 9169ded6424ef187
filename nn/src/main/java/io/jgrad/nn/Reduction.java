package io.jgrad.nn;

import io.jgrad.core.Tensor;
import java.util.Locale;

/** How a loss combines its per-element values, as PyTorch's {@code reduction=} argument. */
public enum Reduction {
    /** Per-element losses, in the shape of the target (or input). */
    NONE,
    /** Their mean (for NLL/cross entropy with weights: divided by the summed target weights). */
    MEAN,
    SUM,
    /** Sum divided by the batch size: KLDivLoss only, where it gives the true KL divergence. */
    BATCHMEAN;

    /**
     * The reduction PyTorch names {@code name}: "none", "mean", "sum" or "batchmean", lower case as PyTorch
     * requires, so a {@code reduction=} string carries over as is.
     */
    public static Reduction of(String name) {
        for (Reduction r : values()) {
            if (r.name().toLowerCase(Locale.ROOT).equals(name)) return r;
        }
        throw new IllegalArgumentException((name == null ? "null" : "'" + name + "'") + " is not a valid value for "
                + "reduction; use \"none\", \"mean\" or \"sum\" (\"batchmean\" for KLDivLoss)");
    }

    /** NONE, MEAN (over every element) or SUM of {@code loss}. */
    Tensor apply(String op, Tensor loss) {
        return switch (this) {
            case NONE -> loss;
            case MEAN -> loss.mean();
            case SUM -> loss.sum();
            case BATCHMEAN -> throw onlyForKl(op);
        };
    }

    /** PyTorch's {@code reduction=} string: "none", "mean" or "sum". */
    String torchName(String op) {
        if (this == BATCHMEAN) throw onlyForKl(op);
        return name().toLowerCase(Locale.ROOT);
    }

    private static IllegalArgumentException onlyForKl(String op) {
        return new IllegalArgumentException(op + ": reduction BATCHMEAN is only for KLDivLoss; use MEAN, SUM or NONE");
    }
}
