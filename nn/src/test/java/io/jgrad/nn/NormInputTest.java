package io.jgrad.nn;

import static io.jgrad.core.ErrorAssert.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jgrad.core.Tensor;
import org.junit.jupiter.api.Test;

/** Normalization misuse, refused with the values seen and the fix. */
class NormInputTest {
    @Test
    void oneValuePerChannelInTrainingIsRefused() {
        // torch: Expected more than 1 value per channel when training, got input size torch.Size([1, 3])
        assertError(IllegalArgumentException.class, () -> new BatchNorm1d(3).apply(Tensor.zeros(1, 3)),
                "Expected more than 1 value per channel when training, got input size [1, 3]", "eval()");
        assertError(IllegalArgumentException.class, () -> new BatchNorm2d(3).apply(Tensor.zeros(1, 3, 1, 1)),
                "got input size [1, 3, 1, 1]");
        BatchNorm1d eval = new BatchNorm1d(3);
        eval.eval();
        assertEquals(3, eval.apply(Tensor.zeros(1, 3)).numel());
    }

    @Test
    void runningStatisticsThatRequireGradAndMixedDtypesAreRefused() {
        // torch: The function 'native_batch_norm' is not differentiable with respect to argument 'running_mean'.
        // This input cannot have requires_grad True.
        Tensor x = Tensor.randn(4, 3);
        assertError(IllegalArgumentException.class, () -> F.batchNorm(x, Tensor.zeros(3).requiresGrad(true),
                Tensor.ones(3), null, null, false, 0.1, 1e-5), "not differentiable with respect to argument 'running_mean'",
                "detach()");
        assertError(IllegalArgumentException.class, () -> new BatchNorm1d(3).apply(x.toDouble()),
                "batch_norm: running_mean, running_var, weight and bias must be [3] float64", "got float32 [3]");
    }

    @Test
    void wrongRanksAndChannelCountsAreRefused() {
        assertError(IllegalArgumentException.class, () -> new BatchNorm2d(3).apply(Tensor.zeros(2, 3, 3)),
                "BatchNorm2d: expected 4-D [N, C, H, W] input, but got 3-D input of size [2, 3, 3]");
        assertError(IllegalArgumentException.class, () -> new BatchNorm1d(3).apply(Tensor.zeros(2, 3, 3, 3)),
                "BatchNorm1d: expected 2-D [N, C] or 3-D [N, C, L] input, but got 4-D input");
        assertError(IllegalArgumentException.class, () -> new BatchNorm2d(3).apply(Tensor.zeros(2, 4, 3, 3)),
                "batch_norm: running_mean should hold one value per channel, [4] for input of size [2, 4, 3, 3], but "
                + "has shape [3]; build the layer with num_features=4");
        assertError(IllegalArgumentException.class, () -> F.batchNorm(Tensor.zeros(3), null, null, null, null, true,
                0.1, 1e-5), "batch_norm: expected input of shape [N, C, *] (at least 2-D), but got input of size [3]");
        assertError(IllegalArgumentException.class, () -> F.batchNorm(Tensor.zeros(2, 3), null, null, null, null,
                false, 0.1, 1e-5), "running_mean and running_var are required when training is false");
        assertError(IllegalArgumentException.class, () -> F.batchNorm(Tensor.zeros(2, 3), Tensor.zeros(3), null, null,
                null, true, 0.1, 1e-5), "must both be given or both be null");
    }

    @Test
    void badOptionsAreRefused() {
        assertError(IllegalArgumentException.class, () -> new BatchNorm2d(0), "BatchNorm2d: num_features must be "
                + "positive (the input's channel count, dim 1); got 0");
        assertError(IllegalArgumentException.class, () -> new BatchNorm1d(2, -1, 0.1, true, true),
                "BatchNorm1d: eps must be a finite non-negative number; got -1.0");
        assertError(IllegalArgumentException.class, () -> new BatchNorm1d(2, 1e-5, Double.POSITIVE_INFINITY, true, true),
                "momentum must be finite, or NaN for a cumulative average");
        assertError(IllegalArgumentException.class, () -> new LayerNorm(4, 0), "LayerNorm: normalized_shape must be "
                + "one or more positive sizes (the input's last dims); got [4, 0]");
        assertError(IllegalArgumentException.class, () -> new LayerNorm(new int[] {2}, Double.NaN, true),
                "LayerNorm: eps must be a finite non-negative number; got NaN");
    }

    @Test
    void layerNormShapeMismatchIsRefused() {
        // torch: Given normalized_shape=[4], expected input with shape [*, 4], but got input of size[2, 3]
        assertError(IllegalArgumentException.class, () -> new LayerNorm(4).apply(Tensor.zeros(2, 3)),
                "layer_norm: Given normalized_shape=[4], expected input with shape [*, 4], but got input of size [2, 3]");
        assertError(IllegalArgumentException.class, () -> new LayerNorm(2, 3).apply(Tensor.zeros(3)),
                "expected input with shape [*, 2, 3], but got input of size [3]");
        assertError(IllegalArgumentException.class, () -> F.layerNorm(Tensor.zeros(2, 3), new int[] {3},
                Tensor.ones(2), null, 1e-5), "layer_norm: weight should have shape normalized_shape=[3], but has shape [2]");
    }
}
