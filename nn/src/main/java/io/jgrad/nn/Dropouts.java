package io.jgrad.nn;

import io.jgrad.core.Generator;
import io.jgrad.core.Tensor;
import java.util.Arrays;

/** The channel-wise dropout behind {@link F#dropout2d}. */
final class Dropouts {
    private Dropouts() {}

    static void checkP(String who, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(who + ": dropout probability has to be between 0 and 1, but got " + p);
        }
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
        Tensor keep = Tensor.rand(g, maskShape).to(x.device()).ge(p).to(x.dtype());
        return x.mul(keep.div(1 - p));
    }
}
