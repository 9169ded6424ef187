package io.jgrad.core;

import static io.jgrad.core.ErrorAssert.assertError;

import org.junit.jupiter.api.Test;

/** Fused.conv2d, maxPool2d and batchNorm refuse what their kernels cannot take, saying what they saw. */
class FusedWindowInputTest {
    private static final int[] ONE = {1, 1}, ZERO = {0, 0};

    @Test
    void convolutionChecksRanksChannelsDtypesBiasAndWindow() {
        Tensor x = Tensor.zeros(2, 4, 5, 5), w = Tensor.zeros(6, 2, 3, 3);
        assertError(IllegalArgumentException.class, () -> Fused.conv2d(Tensor.zeros(4, 5, 5), w, null, ONE, ZERO, ONE, 2),
                "conv2d: expects input [N, C, H, W] and weight [O, C/groups, kh, kw]; got [4, 5, 5] and [6, 2, 3, 3]");
        assertError(IllegalArgumentException.class, () -> Fused.conv2d(x, w, null, ONE, ZERO, ONE, 1),
                "conv2d: groups=1 does not fit input [2, 4, 5, 5] and weight [6, 2, 3, 3]");
        assertError(IllegalArgumentException.class, () -> Fused.conv2d(x, w, null, ONE, ZERO, ONE, 4),
                "groups=4 does not fit");
        assertError(IllegalArgumentException.class, () -> Fused.conv2d(x.toDouble(), w, null, ONE, ZERO, ONE, 2),
                "conv2d: input, weight and bias must share one floating dtype; got float64, float32 and no bias");
        assertError(IllegalArgumentException.class, () -> Fused.conv2d(x.toLong(), w.toLong(), null, ONE, ZERO, ONE, 2),
                "got int64, int64");
        assertError(IllegalArgumentException.class, () -> Fused.conv2d(x, w, Tensor.zeros(5), ONE, ZERO, ONE, 2),
                "conv2d: bias must be [6]; got [5]");
        assertError(IllegalArgumentException.class, () -> Fused.conv2d(x, w, null, new int[] {0, 1}, ZERO, ONE, 2),
                "conv2d: stride must be positive; got (0, 1)");
        assertError(IllegalArgumentException.class, () -> Fused.conv2d(x, w, null, ONE, new int[] {1}, ONE, 2),
                "conv2d: padding must have 2 elements (height, width); got [1]");
        assertError(IllegalArgumentException.class, () -> Fused.conv2d(Tensor.zeros(2, 4, 2, 5), w, null, ONE, ZERO, ONE, 2),
                "conv2d: given input with spatial size (2, 5), kernel_size=(3, 3)", "use a larger input, more padding");
        assertError(NullPointerException.class, () -> Fused.conv2d(x, null, null, ONE, ZERO, ONE, 2), "conv2d", "weight");
    }

    @Test
    void maxPoolingChecksRankDtypePaddingAndWindow() {
        assertError(IllegalArgumentException.class, () -> Fused.maxPool2d(Tensor.zeros(4, 5, 5), ONE, ONE, ZERO, ONE),
                "max_pool2d: expects input [N, C, H, W]; got [4, 5, 5]");
        assertError(IllegalArgumentException.class, () -> Fused.maxPool2d(Tensor.zeros(1, 1, 4, 4).toLong(), ONE, ONE, ZERO,
                ONE), "\"max_pool2d\" not implemented for int64", "toFloat()");
        assertError(IllegalArgumentException.class, () -> Fused.maxPool2d(Tensor.zeros(1, 1, 4, 4), new int[] {2, 2}, ONE,
                new int[] {2, 0}, ONE), "max_pool2d: pad should be at most half of kernel size, but got padding=(2, 0)");
        assertError(IllegalArgumentException.class, () -> Fused.maxPool2d(Tensor.zeros(1, 1, 1, 4), new int[] {2, 2}, ONE,
                ZERO, ONE), "max_pool2d: given input with spatial size (1, 4)");
    }

    @Test
    void batchNormChecksInputParametersStatisticsAndBatch() {
        Tensor x = Tensor.zeros(4, 3);
        assertError(IllegalArgumentException.class, () -> Fused.batchNorm(Tensor.zeros(3), null, null, null, null, true,
                0.1, 1e-5), "batch_norm: expects a floating input [N, C, *]; got float32 [3]");
        assertError(IllegalArgumentException.class, () -> Fused.batchNorm(x, null, null, Tensor.ones(2), null, true, 0.1,
                1e-5), "batch_norm: running_mean, running_var, weight and bias must be [3] float32", "got float32 [2]");
        assertError(IllegalArgumentException.class, () -> Fused.batchNorm(x, null, null, null, null, false, 0.1, 1e-5),
                "running_mean and running_var go together, and eval needs them");
        assertError(IllegalArgumentException.class, () -> Fused.batchNorm(Tensor.zeros(1, 3), null, null, null, null,
                true, 0.1, 1e-5), "Expected more than 1 value per channel when training, got input size [1, 3]");
        assertError(IllegalArgumentException.class, () -> Fused.batchNorm(x, Tensor.zeros(3), Tensor.ones(3)
                .requiresGrad(true), null, null, false, 0.1, 1e-5), "not differentiable with respect to argument 'running_var'");
    }
}
