package io.jgrad.optim;

/**
 * Scales the rate linearly from {@code startFactor} to {@code endFactor} over {@code totalIters}
 * epochs, then holds it: the usual warm-up.
 */
public class LinearLR extends LRScheduler {
    public LinearLR(Optimizer optimizer, double startFactor, double endFactor, int totalIters) {
        super(optimizer, "startFactor=" + startFactor + ", endFactor=" + endFactor + ", totalIters=" + totalIters,
                require(startFactor > 0 && startFactor <= 1 && endFactor >= 0 && endFactor <= 1 && totalIters > 0,
                "LinearLR: expected 0 < startFactor <= 1, 0 <= endFactor <= 1 and totalIters > 0; got " + startFactor
                        + ", " + endFactor + ", " + totalIters,
                (base, epoch) -> base * (startFactor + (endFactor - startFactor) * Math.min(epoch, totalIters) / totalIters)));
    }
}
