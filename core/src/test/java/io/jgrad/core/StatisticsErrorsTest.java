package io.jgrad.core;

import static io.jgrad.core.ErrorAssert.assertError;

import org.junit.jupiter.api.Test;

/** Error messages of var, std, norm, max and min along a dim. The rule they follow is on {@link ErrorAssert}. */
class StatisticsErrorsTest {
    @Test
    void varAndStdRefuseIntegers() {
        assertError(IllegalArgumentException.class, () -> Tensor.of(new long[] {1, 2, 3}).var(),
                "var: only floating point inputs are supported but got int64", "toDouble()");
        assertError(IllegalArgumentException.class, () -> Tensor.of(new long[] {1, 2, 3}).std(0),
                "std: only floating point inputs are supported but got int64");
    }

    @Test
    void varChecksItsDims() {
        assertError(IndexOutOfBoundsException.class, () -> Tensor.zeros(2, 3).var(2),
                "var: dimension out of range (expected to be in range of [-2, 1], but got 2)");
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).std(new int[] {1, -1}, 1, false),
                "std: dim 1 appears multiple times");
    }

    @Test
    void normRefusesIntegersAndUnsupportedOrders() {
        assertError(IllegalArgumentException.class, () -> Tensor.of(new long[] {1, 2}).norm(),
                "norm: input dtype should be floating point but got int64", "toFloat()");
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(3).norm(0.5),
                "norm: p = 0.5 is not supported", "p >= 1, inf and -inf");
        assertError(IndexOutOfBoundsException.class, () -> Tensor.zeros(3).norm(2, 1, false),
                "norm: dimension out of range");
    }

    @Test
    void maxAndMinAlongAnEmptyDim() {
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(2, 0).max(1),
                "max: expected reduction dim 1 to have non-zero size (shape [2, 0])");
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(0, 2).min(0, true),
                "min: expected reduction dim 0 to have non-zero size (shape [0, 2])");
    }

    @Test
    void maxAndMinCheckTheirDim() {
        assertError(IndexOutOfBoundsException.class, () -> Tensor.zeros(2, 3).max(-3),
                "max: dimension out of range (expected to be in range of [-2, 1], but got -3)");
        assertError(IndexOutOfBoundsException.class, () -> Tensor.of(1.0).min(1),
                "min: dimension out of range (expected to be in range of [-1, 0], but got 1)");
    }
}
