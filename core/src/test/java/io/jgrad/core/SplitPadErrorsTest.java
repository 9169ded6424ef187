package io.jgrad.core;

import static io.jgrad.core.ErrorAssert.assertError;
import static io.jgrad.core.ErrorAssert.assertErrorOneOf;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Error messages of split, chunk and pad. The rule they follow is on {@link ErrorAssert}. */
class SplitPadErrorsTest {
    @Test
    void splitSizeMustFitTheDim() {
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(2, 5).split(0, 1),
                "split: split size can only be 0 if dimension size is 0, but dim 1 of shape [2, 5] has size 5");
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(2, 5).split(-1, 1),
                "split: split size must be non-negative but got -1");
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(2, 5).split(new int[] {1, 2}, 1),
                "split: split sizes [1, 2] must sum exactly to 5 (the size of dim 1 of shape [2, 5]) but sum to 3");
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(5).split(new int[] {6, -1}, 0),
                "split: split sizes must be non-negative but got [6, -1]");
        assertErrorOneOf(List.of(NullPointerException.class), () -> Tensor.zeros(5).split(null, 0), "split:", "sizes is null");
    }

    @Test
    void splitAndChunkNeedADim() {
        assertError(IllegalArgumentException.class, () -> Tensor.of(1.0).split(1, 0),
                "split: expects at least a 1-dimensional tensor (shape [])");
        assertError(IllegalArgumentException.class, () -> Tensor.of(1.0).chunk(1, 0),
                "chunk: expects at least a 1-dimensional tensor (shape [])");
        assertError(IndexOutOfBoundsException.class, () -> Tensor.zeros(2, 3).chunk(2, 2),
                "chunk: dimension out of range (expected to be in range of [-2, 1], but got 2)");
    }

    @Test
    void chunkCountMustBePositive() {
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(4).chunk(0, 0),
                "chunk: expects chunks to be greater than 0 but got 0");
    }

    @Test
    void padChecksItsPairs() {
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).pad(new int[] {1}, 0),
                "pad: padding length must be divisible by 2 (before, after pairs) but is 1: [1]");
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).pad(new int[] {1, 1, 1, 1, 1, 1}, 0),
                "pad: padding length 6 is too large", "pads 3 dims but the input has shape [2, 3]");
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).pad(new int[] {-3, -1}, 0),
                "pad: padding (-3, -1) of dim 1 (size 3) gives a negative size -1");
        assertErrorOneOf(List.of(NullPointerException.class), () -> Tensor.zeros(2).pad(null, 0), "pad:", "pad is null");
    }

    @Test
    void padCropsTheInputOnly() {  // PyTorch narrows the input first: "start (0) + length (-1) exceeds dimension size (0)"
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(2, 0).pad(new int[] {1, -1}, 0),
                "pad: padding (1, -1) of dim 1 crops 1 elements but the dim holds 0 (shape [2, 0])", "crop at most");
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(2).pad(new int[] {3, -3}, 0),
                "pad: padding (3, -3) of dim 0 crops 3 elements but the dim holds 2 (shape [2])");
    }

    @Test
    void padRefusesAValueInt64CannotHold() {  // as PyTorch: "value cannot be converted to type int64_t without overflow"
        for (double v : new double[] {Double.POSITIVE_INFINITY, Double.NaN, 1e19}) {
            assertError(IllegalArgumentException.class, () -> Tensor.of(new long[] {1, 2}).pad(new int[] {1, 0}, v),
                    "pad: value " + v + " cannot be converted to type int64 without overflow", "toFloat()");
        }
    }
}
