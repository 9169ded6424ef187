package io.jgrad.nn;

import static io.jgrad.core.ErrorAssert.assertError;

import io.jgrad.core.Tensor;
import org.junit.jupiter.api.Test;

/** Pooling misuse, refused with the values seen and the fix. */
class PoolInputTest {
    private static final int[] ONE = {1};

    @Test
    void paddingAboveHalfTheKernelIsRefused() {
        // torch: pad should be at most half of kernel size, but got pad=2 and kernel_size=3
        assertError(IllegalArgumentException.class, () -> new MaxPool2d(3, 1, 2).apply(Tensor.zeros(1, 1, 5, 5)),
                "max_pool2d: pad should be at most half of kernel size, but got padding=[2, 2] and kernel_size=[3, 3]");
        assertError(IllegalArgumentException.class, () -> new AvgPool2d(2, 1, 2).apply(Tensor.zeros(1, 1, 5, 5)),
                "avg_pool2d: pad should be at most half of kernel size");
    }

    @Test
    void aWindowWhollyInThePaddingIsRefusedOnBothDevices() {
        // torch 1.13: F.max_pool2d(x [1, 1, 2, 3], (2, 3), (3, 1), (1, 1), (3, 2), return_indices=True) gives -inf and
        // index 7 of a 6-element plane, and backward writes there ("double free or corruption"); jgrad threw a raw
        // ArrayIndexOutOfBoundsException (CPU) or a failed native gather (ND4J)
        int[] k = {2, 3}, s = {3, 1}, p = {1, 1}, d = {3, 2};
        for (io.jgrad.core.Device device : io.jgrad.core.Device.values()) {
            Tensor x = Tensor.zeros(1, 1, 2, 3).to(device).requiresGrad(true);
            assertError(IllegalArgumentException.class, () -> F.maxPool2d(x, k, s, p, d), "max_pool2d: given input with "
                    + "spatial size (2, 3), kernel_size=(2, 3), stride=(3, 1), padding=(1, 1) and dilation=(3, 2), the "
                    + "windows of output row 0 fall wholly in the padding", "use less padding or dilation");
            assertError(IllegalArgumentException.class, () -> io.jgrad.core.Fused.maxPool2dWithIndices(x,
                    new int[] {1, 2}, new int[] {1, 1}, new int[] {0, 1}, new int[] {1, 4}), "output column 0 fall wholly");
        }
    }

    @Test
    void wrongRanksAreRefused() {
        assertError(IllegalArgumentException.class, () -> new MaxPool2d(2).apply(Tensor.zeros(4, 4)),
                "max_pool2d: expected 3-D (unbatched [C, H, W]) or 4-D (batched [N, C, H, W]) input, but got input of "
                + "size [4, 4]");
        assertError(IllegalArgumentException.class, () -> new AdaptiveAvgPool2d(2).apply(Tensor.zeros(1, 1, 1, 4, 4)),
                "adaptive_avg_pool2d: expected 3-D", "[1, 1, 1, 4, 4]");
        assertError(IllegalArgumentException.class, () -> new AdaptiveAvgPool2d(2).apply(Tensor.zeros(1, 0, 4)),
                "adaptive_avg_pool2d: expected input with non-zero spatial size, but got input of size [1, 0, 4]");
    }

    @Test
    void windowsLargerThanTheInputAreRefused() {
        assertError(IllegalArgumentException.class, () -> new MaxPool2d(3).apply(Tensor.zeros(1, 1, 2, 2)),
                "calculated shape of the array of sliding blocks as (0, 0), but its components must be at least one");
    }

    @Test
    void optionsAreChecked() {
        assertError(IllegalArgumentException.class, () -> new MaxPool2d(0), "MaxPool2d: kernel_size must be positive; got [0]");
        assertError(IllegalArgumentException.class, () -> new AvgPool2d(2, 0, 0), "AvgPool2d: stride must be positive");
        assertError(IllegalArgumentException.class, () -> new AvgPool2d(new int[] {2}, ONE, new int[] {-1}, true),
                "AvgPool2d: padding must be non-negative; got [-1]");
        assertError(IllegalArgumentException.class, () -> new AdaptiveAvgPool2d(1, 2, 3),
                "AdaptiveAvgPool2d: output_size must be one int or two (height, width); got [1, 2, 3]");
        assertError(IllegalArgumentException.class, () -> F.maxPool2d(Tensor.zeros(1, 1, 4, 4), new int[] {2}, null,
                new int[] {0, 0, 0}, ONE), "max_pool2d: padding must be one int or two");
        assertError(NullPointerException.class, () -> F.avgPool2d(null, ONE, ONE, ONE, true), "avg_pool2d: input is null");
        assertError(NullPointerException.class, () -> F.adaptiveAvgPool2d(null, ONE), "adaptive_avg_pool2d: input is null");
    }
}
