package io.jgrad.optim;

/** Decays by {@code gamma} every {@code stepSize} epochs: lr = base · gamma^⌊epoch / stepSize⌋. */
public class StepLR extends LRScheduler {
    public StepLR(Optimizer optimizer, int stepSize, double gamma) {
        super(optimizer, "stepSize=" + stepSize + ", gamma=" + gamma, require(stepSize > 0, "StepLR: stepSize must be positive; got " + stepSize,
                (base, epoch) -> base * Math.pow(gamma, epoch / stepSize)));
    }
}
