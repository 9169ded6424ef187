package io.jgrad.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The positions {@code Fused.maxPool2dWithIndices} reports, against what PyTorch 1.13 printed for
 * {@code F.max_pool2d(x, kernel, stride, padding, dilation, return_indices=True)} on the same inputs.
 */
class MaxPoolIndicesTest {
    private static final double NAN = Double.NaN, INF = Double.POSITIVE_INFINITY;

    private static ValuesIndices pool(double[] x, int h, int w, int[] kernel, int[] stride, int[] padding, int[] dilation) {
        return Fused.maxPool2dWithIndices(Tensor.of(x).reshape(1, 1, h, w), kernel, stride, padding, dilation);
    }

    @Test
    void theLastNaNWins() {
        // x = [[[[1, nan, 2, nan], [0, 0, 0, 0]]]]; F.max_pool2d(x, (2, 4), return_indices=True) -> nan, index 3
        ValuesIndices r = pool(new double[] {1, NAN, 2, NAN, 0, 0, 0, 0}, 2, 4, new int[] {2, 4}, new int[] {2, 4},
                new int[] {0, 0}, new int[] {1, 1});
        assertArrayEquals(new long[] {3}, r.indices().toLongArray());
        assertEquals(DType.INT64, r.indices().dtype());
        assertEquals(Double.NaN, r.values().item());
    }

    @Test
    void paddingIsNeverChosenAndMinusInfinityKeepsTheFirstInsidePosition() {
        // x = [[[[-inf, -inf, 3], [-inf, -inf, 1]]]]; F.max_pool2d(x, 2, stride=1, padding=1, return_indices=True)
        ValuesIndices r = pool(new double[] {-INF, -INF, 3, -INF, -INF, 1}, 2, 3, new int[] {2, 2}, new int[] {1, 1},
                new int[] {1, 1}, new int[] {1, 1});
        assertArrayEquals(new long[] {0, 0, 2, 2, 0, 0, 2, 2, 3, 3, 5, 5}, r.indices().toLongArray());
        // an all -inf image, kernel 2, stride 1, padding 1, dilation 2: [[4, 3, 4], [1, 0, 1]]
        r = pool(new double[] {-INF, -INF, -INF, -INF, -INF, -INF}, 2, 3, new int[] {2, 2}, new int[] {1, 1},
                new int[] {1, 1}, new int[] {2, 2});
        assertArrayEquals(new long[] {4, 3, 4, 1, 0, 1}, r.indices().toLongArray());
    }

    @Test
    void tiesGoToTheFirstPositionInBothDtypes() {
        // x = [[[[2, 1, 2], [2, 2, 1]]]]; F.max_pool2d(x, (2, 3), return_indices=True) -> 2., index 0 (float and double)
        for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            ValuesIndices r = Fused.maxPool2dWithIndices(Tensor.of(new double[] {2, 1, 2, 2, 2, 1}).to(t).reshape(1, 1, 2, 3),
                    new int[] {2, 3}, new int[] {2, 3}, new int[] {0, 0}, new int[] {1, 1});
            assertArrayEquals(new long[] {0}, r.indices().toLongArray());
            assertEquals(2.0, r.values().item());
        }
    }
}
