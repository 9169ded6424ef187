package io.jgrad.optim;

/** lr = etaMin + (base - etaMin)·(1 + cos(π·epoch / tMax)) / 2 (continuing as a cosine past tMax, as PyTorch does). */
public class CosineAnnealingLR extends LRScheduler {
    public CosineAnnealingLR(Optimizer optimizer, int tMax) {
        this(optimizer, tMax, 0);
    }

    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin) {
        super(optimizer, "tMax=" + tMax + ", etaMin=" + etaMin, require(tMax > 0, "CosineAnnealingLR: tMax must be positive; got " + tMax,
                (base, epoch) -> etaMin + (base - etaMin) * (1 + Math.cos(Math.PI * epoch / tMax)) / 2));
    }
}
