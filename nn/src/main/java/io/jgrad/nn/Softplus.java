package io.jgrad.nn;

import io.jgrad.core.Tensor;

/**
 * log(1 + e^(beta·x))/beta, and x where beta·x > threshold, PyTorch's {@code nn.Softplus}
 * (defaults beta 1, threshold 20).
 *
 * <pre>
 * jshell> new Softplus()
 * $1 ==> Softplus(beta=1, threshold=20)
 * jshell> new Softplus().apply(Tensor.of(-1, 0, 30))
 * $2 ==> tensor([ 0.3133,  0.6931, 30.0000])
 * </pre>
 */
public class Softplus extends Module {
    private final double beta, threshold;

    public Softplus() {
        this(1, 20);
    }

    public Softplus(double beta, double threshold) {
        this.beta = beta;
        this.threshold = threshold;
    }

    @Override
    protected Tensor forward(Tensor x) {
        return F.softplus(x, beta, threshold);
    }

    @Override
    protected String extraRepr() {
        return "beta=" + Activations.num(beta) + ", threshold=" + Activations.num(threshold);
    }
}
