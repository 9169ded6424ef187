package io.jgrad.nn;

import io.jgrad.core.Tensor;

/**
 * Clamps into [minVal, maxVal], PyTorch's {@code nn.Hardtanh} (default [-1, 1]); the gradient passes
 * strictly inside the range only (0 at the bounds and at NaN), as in PyTorch.
 *
 * <pre>
 * jshell> new Hardtanh().apply(Tensor.of(-3, 0.5, 1))
 * $1 ==> tensor([-1.0000,  0.5000,  1.0000])
 * </pre>
 */
public class Hardtanh extends Module {
    private final double min, max;

    public Hardtanh() {
        this(-1.0, 1.0);
    }

    public Hardtanh(double minVal, double maxVal) {
        Activations.checkRange("Hardtanh", minVal, maxVal);
        this.min = minVal;
        this.max = maxVal;
    }

    @Override
    protected Tensor forward(Tensor x) {
        return F.hardtanh(x, min, max);
    }

    @Override
    protected String extraRepr() {
        return "min_val=" + min + ", max_val=" + max;
    }
}
