package io.jgrad.nn;

import io.jgrad.core.Fused;
import io.jgrad.core.Tensor;
import java.util.Arrays;

/**
 * The math of {@link F#batchNorm} (checked here with PyTorch's messages, computed by core's
 * {@link Fused#batchNorm}) and {@link F#layerNorm}: {@code (x - mean) / sqrt(var + eps)} with the
 * biased variance, then the optional affine {@code · weight + bias}; layer norm is composed from
 * mean, var and element-wise ops, so both devices run it and autograd differentiates it.
 */
final class Normalization {
    private Normalization() {}

    static Tensor batchNorm(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
                            boolean training, double momentum, double eps) {
        if (input == null) throw new IllegalArgumentException("batch_norm: input is null");
        if (input.dim() < 2) {
            throw new IllegalArgumentException("batch_norm: expected input of shape [N, C, *] (at least 2-D), but got "
                    + "input of size " + Arrays.toString(input.shape()) + "; add the batch dim with unsqueeze(0)");
        }
        int c = input.size(1);
        checkChannels("running_mean", runningMean, c, input);
        checkChannels("running_var", runningVar, c, input);
        checkChannels("weight", weight, c, input);
        checkChannels("bias", bias, c, input);
        if ((runningMean == null) != (runningVar == null)) {
            throw new IllegalArgumentException("batch_norm: running_mean and running_var must both be given or both be "
                    + "null; got running_mean " + (runningMean == null ? "null" : "given") + " and running_var "
                    + (runningVar == null ? "null" : "given"));
        }
        if (!training && runningMean == null) {
            throw new IllegalArgumentException("batch_norm: running_mean and running_var are required when training "
                    + "is false; pass them, or training=true to normalise with the batch's statistics");
        }
        if (training && input.numel() / Math.max(c, 1) == 1) {
            throw new IllegalArgumentException("Expected more than 1 value per channel when training, got input size "
                    + Arrays.toString(input.shape()) + "; use a batch of more than one sample, or eval() mode");
        }
        return Fused.batchNorm(input, runningMean, runningVar, weight, bias, training, momentum, eps);
    }

    private static void checkChannels(String name, Tensor t, int c, Tensor input) {
        if (t != null && (t.dim() != 1 || t.size(0) != c)) {
            throw new IllegalArgumentException("batch_norm: " + name + " should hold one value per channel, [" + c
                    + "] for input of size " + Arrays.toString(input.shape()) + ", but has shape "
                    + Arrays.toString(t.shape()) + "; build the layer with num_features=" + c + " or check the input's dim 1");
        }
    }

    static Tensor layerNorm(Tensor input, int[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        if (input == null) throw new IllegalArgumentException("layer_norm: input is null");
        int k = normalizedShape == null ? 0 : normalizedShape.length;
        int[] shape = input.shape();
        boolean fits = k > 0 && k <= shape.length
                && Arrays.equals(normalizedShape, Arrays.copyOfRange(shape, shape.length - k, shape.length));
        if (!fits) {
            throw new IllegalArgumentException("layer_norm: Given normalized_shape=" + Arrays.toString(normalizedShape)
                    + ", expected input with shape [*, " + (normalizedShape == null ? "" : Arrays.toString(normalizedShape)
                    .replaceAll("[\\[\\]]", "")) + "], but got input of size " + Arrays.toString(shape)
                    + "; normalized_shape must be the input's last dims");
        }
        checkAffineShape("weight", weight, normalizedShape);
        checkAffineShape("bias", bias, normalizedShape);
        int[] dims = new int[k];
        for (int i = 0; i < k; i++) dims[i] = shape.length - k + i;
        Tensor mean = input.mean(dims, true);
        Tensor var = input.var(dims, 0, true);
        return affine(input.sub(mean).div(var.add(eps).sqrt()), weight, bias);
    }

    private static void checkAffineShape(String name, Tensor t, int[] normalizedShape) {
        if (t != null && !Arrays.equals(t.shape(), normalizedShape)) {
            throw new IllegalArgumentException("layer_norm: " + name + " should have shape normalized_shape="
                    + Arrays.toString(normalizedShape) + ", but has shape " + Arrays.toString(t.shape()));
        }
    }

    private static Tensor affine(Tensor normed, Tensor weight, Tensor bias) {
        Tensor y = weight == null ? normed : normed.mul(weight);
        return bias == null ? y : y.add(bias);
    }
}
