package io.jgrad.nn;

import io.jgrad.core.Generator;
import io.jgrad.core.Tensor;

/**
 * Parameter initialisers, PyTorch's {@code nn.init}: each fills the tensor in place (outside the
 * graph) and returns it. Without a generator they draw from the global one ({@link Tensor#manualSeed}).
 */
public final class Init {
    private Init() {}

    public static Tensor uniform(Tensor t, double low, double high) {
        return uniform(t, low, high, Generator.global());
    }

    public static Tensor uniform(Tensor t, double low, double high, Generator g) {
        if (!(low <= high) || Double.isInfinite(low) || Double.isInfinite(high)) {
            throw new IllegalArgumentException("uniform expects a [low, high) range with finite low <= high, but found low="
                    + low + ", high=" + high + (low > high ? "; swap the two bounds" : ""));
        }
        return fill(t, Tensor.rand(g, t.shape()).toDouble().mul(high - low).add(low));
    }

    public static Tensor normal(Tensor t, double mean, double std) {
        return normal(t, mean, std, Generator.global());
    }

    public static Tensor normal(Tensor t, double mean, double std, Generator g) {
        if (!(std >= 0)) throw new IllegalArgumentException("normal expects std >= 0.0, but found std " + std);
        return fill(t, Tensor.randn(g, t.shape()).toDouble().mul(std).add(mean));
    }

    public static Tensor zeros(Tensor t) {
        return fill(t, Tensor.zeros(t.shape()));
    }

    public static Tensor ones(Tensor t) {
        return fill(t, Tensor.ones(t.shape()));
    }

    public static Tensor kaimingUniform(Tensor t) {
        return kaimingUniform(t, 0, Generator.global());
    }

    public static Tensor kaimingNormal(Tensor t) {
        return kaimingNormal(t, 0, Generator.global());
    }

    public static Tensor xavierUniform(Tensor t) {
        return xavierUniform(t, 1, Generator.global());
    }

    public static Tensor xavierNormal(Tensor t) {
        return xavierNormal(t, 1, Generator.global());
    }

    /** He uniform for ReLU-family layers: bound = gain·sqrt(3 / fan_in), gain = sqrt(2 / (1 + a²)). */
    public static Tensor kaimingUniform(Tensor t, double a, Generator g) {
        double bound = Math.sqrt(2 / (1 + a * a)) * Math.sqrt(3.0 / fans(t)[0]);
        return uniform(t, -bound, bound, g);
    }

    /** He normal: std = gain / sqrt(fan_in). */
    public static Tensor kaimingNormal(Tensor t, double a, Generator g) {
        return normal(t, 0, Math.sqrt(2 / (1 + a * a)) / Math.sqrt(fans(t)[0]), g);
    }

    /** Glorot uniform: bound = gain·sqrt(6 / (fan_in + fan_out)). */
    public static Tensor xavierUniform(Tensor t, double gain, Generator g) {
        int[] f = fans(t);
        double bound = gain * Math.sqrt(6.0 / (f[0] + f[1]));
        return uniform(t, -bound, bound, g);
    }

    /** Glorot normal: std = gain·sqrt(2 / (fan_in + fan_out)). */
    public static Tensor xavierNormal(Tensor t, double gain, Generator g) {
        int[] f = fans(t);
        return normal(t, 0, gain * Math.sqrt(2.0 / (f[0] + f[1])), g);
    }

    /** {fan_in, fan_out} of a weight [out, in, k...] as PyTorch computes them. */
    static int[] fans(Tensor t) {
        if (t.dim() < 2) {
            throw new IllegalArgumentException("Fan in and fan out can not be computed for tensor with fewer than 2 "
                    + "dimensions; got shape " + java.util.Arrays.toString(t.shape()));
        }
        int receptive = t.numel() / (t.size(0) * t.size(1));
        return new int[] {t.size(1) * receptive, t.size(0) * receptive};
    }

    private static Tensor fill(Tensor t, Tensor values) {
        try (var g = Tensor.noGrad()) {
            return t.copyFrom(values);
        }
    }
}
