package io.jgrad.optim;

/** lr = base · gamma^epoch. */
public class ExponentialLR extends LRScheduler {
    public ExponentialLR(Optimizer optimizer, double gamma) {
        super(optimizer, "gamma=" + gamma, require(gamma > 0, "ExponentialLR: gamma must be positive; got " + gamma,
                (base, epoch) -> base * Math.pow(gamma, epoch)));
    }
}
