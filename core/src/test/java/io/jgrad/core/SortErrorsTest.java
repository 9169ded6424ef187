package io.jgrad.core;

import static io.jgrad.core.ErrorAssert.assertError;

import org.junit.jupiter.api.Test;

/** Error messages of cumsum, sort and topk. The rule they follow is on {@link ErrorAssert}. */
class SortErrorsTest {
    @Test
    void dimsOutOfRange() {
        assertError(IndexOutOfBoundsException.class, () -> Tensor.zeros(2, 3).cumsum(2),
                "cumsum: dimension out of range (expected to be in range of [-2, 1], but got 2)");
        assertError(IndexOutOfBoundsException.class, () -> Tensor.zeros(3).sort(1),
                "sort: dimension out of range (expected to be in range of [-1, 0], but got 1)");
        assertError(IndexOutOfBoundsException.class, () -> Tensor.of(2.0).topk(1, -2),
                "topk: dimension out of range (expected to be in range of [-1, 0], but got -2)");
    }

    @Test
    void topkRefusesKOutOfRange() {
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).topk(4),
                "topk: k = 4 is out of range: dim 1 has size 3 (shape [2, 3])", "0 <= k <= 3");
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(3).topk(-1),
                "topk: k = -1 is out of range", "0 <= k");
        assertError(IllegalArgumentException.class, () -> Tensor.of(2.0).topk(2),
                "topk: k = 2 is out of range: dim 0 has size 1 (shape [])");
    }

    @Test
    void topkRefusesBool() {  // PyTorch: "topk_cpu" not implemented for 'Bool'
        assertError(IllegalArgumentException.class, () -> Tensor.of(true, false).topk(1),
                "topk: bool input is not supported", "toLong()");
    }
}
