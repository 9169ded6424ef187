package io.jgrad.nn;

import static io.jgrad.core.ErrorAssert.assertError;

import io.jgrad.core.Fused;
import io.jgrad.core.Generator;
import io.jgrad.core.Tensor;
import org.junit.jupiter.api.Test;

/** Convolution and im2col misuse, refused with the shapes seen and the fix. */
class ConvInputTest {
    private static final int[] ONE = {1}, ZERO = {0};

    @Test
    void channelMismatchNamesGroupsWeightAndInput() {
        // torch: Given groups=1, weight of size [32, 1, 3, 3], expected input[2, 3, 8, 8] to have 1 channels, but got 3
        assertError(IllegalArgumentException.class, () -> new Conv2d(1, 32, 3).apply(Tensor.zeros(2, 3, 8, 8)),
                "conv2d: given groups=1, weight of size [32, 1, 3, 3], expected input[2, 3, 8, 8] to have 1 channels",
                "but got 3 channels");
    }

    @Test
    void wrongRanksAreRefused() {
        assertError(IllegalArgumentException.class, () -> new Conv2d(1, 2, 3).apply(Tensor.zeros(8, 8)),
                "conv2d: expected 3-D (unbatched [C, H, W]) or 4-D (batched [N, C, H, W]) input, but got input of size [8, 8]");
        assertError(IllegalArgumentException.class, () -> F.conv2d(Tensor.zeros(1, 1, 4, 4), Tensor.zeros(1, 1, 3), null),
                "conv2d: expected a 4-D weight", "got shape [1, 1, 3]");
        assertError(IllegalArgumentException.class, () -> new Conv1d(2, 2, 3).apply(Tensor.zeros(1, 2, 4, 4)),
                "conv1d: expected 2-D (unbatched [C, L]) or 3-D (batched [N, C, L]) input", "[1, 2, 4, 4]");
    }

    @Test
    void kernelLargerThanInputIsRefused() {
        assertError(IllegalArgumentException.class, () -> new Conv2d(1, 1, 5).apply(Tensor.zeros(1, 1, 3, 3)),
                "spatial size (3, 3), kernel_size=(5, 5)", "calculated shape of the array of sliding blocks as (0, 0)",
                "must be at least one");
    }

    @Test
    void constructorOptionsAreChecked() {
        assertError(IllegalArgumentException.class, () -> new Conv2d(3, 4, new int[] {3}, ONE, ZERO, ONE, 2, true,
                Generator.global()), "Conv2d: in_channels must be divisible by groups; got in_channels=3, groups=2");
        assertError(IllegalArgumentException.class, () -> new Conv2d(4, 3, new int[] {3}, ONE, ZERO, ONE, 2, true,
                Generator.global()), "Conv2d: out_channels must be divisible by groups; got out_channels=3, groups=2");
        assertError(IllegalArgumentException.class, () -> new Conv2d(0, 4, 3), "Conv2d: in_channels and out_channels must "
                + "be positive; got 0 and 4");
        assertError(IllegalArgumentException.class, () -> new Conv2d(1, 1, 3, 0, 0), "stride=(0, 0)");
        assertError(IllegalArgumentException.class, () -> new Conv2d(1, 1, 3, 1, -1), "Conv2d: padding must be "
                + "non-negative; got (-1, -1)");
        assertError(IllegalArgumentException.class, () -> new Conv2d(1, 1, new int[] {1, 2, 3}, ONE, ZERO, ONE, 1, true,
                Generator.global()), "Conv2d: kernel_size must be one int or 2; got [1, 2, 3]");
    }

    @Test
    void functionalArgumentsAreChecked() {
        Tensor x = Tensor.zeros(1, 4, 4, 4), w = Tensor.zeros(2, 2, 1, 1);
        assertError(IllegalArgumentException.class, () -> F.conv2d(x, w, null, ONE, ZERO, ONE, 0),
                "conv2d: groups must be a positive integer; got 0");
        assertError(IllegalArgumentException.class, () -> F.conv2d(x, Tensor.zeros(3, 2, 1, 1), null, ONE, ZERO, ONE, 2),
                "conv2d: out_channels must be divisible by groups");
        assertError(IllegalArgumentException.class, () -> F.conv2d(x, w, Tensor.zeros(3), ONE, ZERO, ONE, 2),
                "conv2d: bias must have shape [2] (one per output channel) but has shape [3]");
        assertError(IllegalArgumentException.class, () -> F.conv2d(x, w.toDouble(), null, ONE, ZERO, ONE, 2),
                "conv2d: input is float32 but weight is float64", "convert one with to(dtype)");
        assertError(IllegalArgumentException.class, () -> F.conv2d(x, w, null, new int[] {1, 1, 1}, ZERO, ONE, 2),
                "conv2d: stride must be one int or two (height, width); got [1, 1, 1]");
        assertError(IllegalArgumentException.class, () -> F.conv2d(x, w, null, ONE, new int[] {-1}, ONE, 2),
                "conv2d: padding must be non-negative; got [-1]");
        assertError(NullPointerException.class, () -> F.conv2d(null, w, null), "conv2d: input is null");
        assertError(NullPointerException.class, () -> F.conv1d(Tensor.zeros(1, 2, 3), null, null), "conv1d: weight is null");
    }

    @Test
    void im2colChecksItsArguments() {
        Tensor x = Tensor.zeros(1, 1, 4, 4);
        int[] k = {2, 2}, d = {1, 1}, p = {0, 0}, s = {1, 1};
        assertError(IllegalArgumentException.class, () -> Fused.im2col(Tensor.zeros(4, 4), k, d, p, s, 0,
                Fused.BlockLayout.COLUMNS), "im2col: expected a 4-D input [N, C, H, W] but got shape [4, 4]", "unsqueeze(0)");
        assertError(IllegalArgumentException.class, () -> Fused.im2col(x, new int[] {2}, d, p, s, 0,
                Fused.BlockLayout.COLUMNS), "im2col: kernel_size must have 2 elements (height, width); got [2]");
        assertError(IllegalArgumentException.class, () -> Fused.im2col(x, k, d, p, new int[] {0, 1}, 0,
                Fused.BlockLayout.COLUMNS), "im2col: stride must be positive; got (0, 1)");
        assertError(IllegalArgumentException.class, () -> Fused.im2col(x, k, d, new int[] {-1, 0}, s, 0,
                Fused.BlockLayout.COLUMNS), "im2col: padding must be non-negative; got (-1, 0)");
        assertError(NullPointerException.class, () -> Fused.im2col(x, k, d, p, s, 0, null), "layout");
    }
}
