package io.jgrad.nn;

import io.jgrad.core.Tensor;
import java.util.Arrays;

/**
 * Layer normalisation over the input's last dims, PyTorch's {@code nn.LayerNorm}: each sample's
 * trailing {@code normalizedShape} block is normalised by its own mean and biased variance, then
 * scaled by {@code weight} (ones) and shifted by {@code bias} (zeros), both of shape normalizedShape,
 * when {@code elementwiseAffine}. The same in training and eval.
 *
 * <pre>
 * jshell> new LayerNorm(new int[] {4})
 * $1 ==> LayerNorm((4,), eps=1e-05, elementwise_affine=True)
 * </pre>
 */
public class LayerNorm extends Module {
    public final Tensor weight, bias;
    private final int[] normalizedShape;
    private final double eps;

    public LayerNorm(int... normalizedShape) {
        this(normalizedShape, 1e-5, true);
    }

    public LayerNorm(int[] normalizedShape, double eps, boolean elementwiseAffine) {
        if (normalizedShape == null || normalizedShape.length == 0 || Arrays.stream(normalizedShape).anyMatch(d -> d <= 0)) {
            throw new IllegalArgumentException("LayerNorm: normalized_shape must be one or more positive sizes (the "
                    + "input's last dims); got " + Arrays.toString(normalizedShape));
        }
        if (!(eps >= 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("LayerNorm: eps must be a finite non-negative number; got " + eps);
        }
        this.normalizedShape = normalizedShape.clone();
        this.eps = eps;
        weight = elementwiseAffine ? param("weight", Tensor.ones(normalizedShape)) : null;
        bias = elementwiseAffine ? param("bias", Tensor.zeros(normalizedShape)) : null;
    }

    @Override
    protected Tensor forward(Tensor input) {
        return F.layerNorm(input, normalizedShape, weight, bias, eps);
    }

    @Override
    protected String extraRepr() {
        return ConvNd.tuple(normalizedShape) + ", eps=" + pyFloat(eps) + ", elementwise_affine="
                + (weight != null ? "True" : "False");
    }
}
