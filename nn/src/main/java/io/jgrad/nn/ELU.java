package io.jgrad.nn;

import io.jgrad.core.Tensor;

/**
 * x for x > 0, else alpha·(e^x - 1), PyTorch's {@code nn.ELU} (default alpha 1); the gradient at 0
 * is alpha, as in PyTorch.
 *
 * <pre>
 * jshell> new ELU(0.5).apply(Tensor.of(-1, 0, 2))
 * $1 ==> tensor([-0.3161,  0.0000,  2.0000])
 * </pre>
 */
public class ELU extends Module {
    private final double alpha;

    public ELU() {
        this(1.0);
    }

    public ELU(double alpha) {
        this.alpha = alpha;
    }

    @Override
    protected Tensor forward(Tensor x) {
        return F.elu(x, alpha);
    }

    @Override
    protected String extraRepr() {
        return "alpha=" + alpha;
    }
}
