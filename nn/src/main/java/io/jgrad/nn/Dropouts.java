package io.jgrad.nn;

import io.jgrad.core.Generator;
import io.jgrad.core.Tensor;
import java.util.Arrays;

/** The dropouts behind {@link F#dropout} and {@link F#dropout2d}; masks are drawn on the CPU and moved, so every device drops the same elements. */
final class Dropouts {
    private Dropouts() {}

    static void checkP(String who, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(who + ": dropout probability has to be between 0 and 1, but got " + p);
        }
    }

    /** One keep-or-drop draw per element, the kept ones scaled by 1/(1 - p). */
    static Tensor dropout(Tensor x, double p, boolean training, Generator g) {
        checkP("dropout", p);
        if (!training || p == 0) return x;
        if (p == 1) return x.mul(0.0);
        return x.mul(keep(g, x.shape(), p, x));
    }

    private static Tensor keep(Generator g, int[] shape, double p, Tensor x) {
        return Tensor.rand(g, shape).to(x.device()).ge(p).to(x.dtype()).div(1 - p);
    }

    /** One keep-or-drop draw per (sample, channel), broadcast over H and W. */
    static Tensor dropout2d(Tensor x, double p, boolean training, Generator g) {
        checkP("dropout2d", p);
        if (x.dim() != 3 && x.dim() != 4) {
            throw new IllegalArgumentException("dropout2d: expected a 4-D (N, C, H, W) or 3-D (C, H, W) input but got "
                    + "shape " + Arrays.toString(x.shape()) + "; use dropout for element-wise dropout");
        }
        if (!training || p == 0) return x;
        if (p == 1) return x.mul(0.0);
        int[] maskShape = x.shape().clone();
        Arrays.fill(maskShape, maskShape.length - 2, maskShape.length, 1);
        return x.mul(keep(g, maskShape, p, x));
    }
}
