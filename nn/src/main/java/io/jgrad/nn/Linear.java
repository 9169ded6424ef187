package io.jgrad.nn;

import io.jgrad.core.Generator;
import io.jgrad.core.Tensor;

/**
 * {@code y = x·Wᵀ + b}, PyTorch's {@code nn.Linear}: weight [out, in], bias [out], both initialised
 * uniform in ±1/sqrt(in_features) as PyTorch does (from the global generator unless one is given).
 */
public class Linear extends Module {
    public final Tensor weight;
    public final Tensor bias;
    private final int in, out;

    public Linear(int inFeatures, int outFeatures) {
        this(inFeatures, outFeatures, true, Generator.global());
    }

    public Linear(int inFeatures, int outFeatures, boolean bias) {
        this(inFeatures, outFeatures, bias, Generator.global());
    }

    public Linear(int inFeatures, int outFeatures, boolean bias, Generator g) {
        if (inFeatures <= 0 || outFeatures < 0) {
            throw new IllegalArgumentException("Linear: in_features must be positive and out_features non-negative; got "
                    + inFeatures + " and " + outFeatures);
        }
        in = inFeatures;
        out = outFeatures;
        double bound = 1 / Math.sqrt(inFeatures);
        weight = param("weight", Init.uniform(Tensor.zeros(outFeatures, inFeatures), -bound, bound, g));
        this.bias = bias ? param("bias", Init.uniform(Tensor.zeros(outFeatures), -bound, bound, g)) : null;
    }

    @Override
    protected Tensor forward(Tensor x) {
        return F.linear(x, weight, bias);
    }

    @Override
    protected String extraRepr() {
        return "in_features=" + in + ", out_features=" + out + ", bias=" + (bias != null);
    }
}
