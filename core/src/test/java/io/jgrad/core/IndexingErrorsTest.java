package io.jgrad.core;

import static io.jgrad.core.ErrorAssert.assertError;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Error messages for gather, indexSelect and scatterAdd: out-of-range and wrongly typed indices.
 * The rule they follow is on {@link ErrorAssert}.
 */
class IndexingErrorsTest {
    private static Tensor longs(long... v) {
        return Tensor.of(v);
    }

    @Test
    void gatherIndexOutOfBounds() {
        Tensor index = Tensor.of(new long[][] {{7}, {0}});
        String msg = assertError(IndexOutOfBoundsException.class, () -> Tensor.zeros(2, 5).gather(1, index));
        assertTrue(msg.startsWith("gather: index 7 is out of bounds for dim 1 with size 5"), msg);
    }

    @Test
    void gatherNegativeIndex() {
        assertError(IndexOutOfBoundsException.class,
                () -> Tensor.zeros(2, 5).gather(1, Tensor.of(new long[][] {{0}, {-1}})),
                "gather: index -1 is out of bounds for dim 1 with size 5", "position 1");
    }

    @Test
    void gatherWithFloatIndexNamesInt64AndSuggestsToLong() {
        assertError(IllegalArgumentException.class,
                () -> Tensor.zeros(2, 5).gather(1, Tensor.of(new double[][] {{1}, {0}})),
                "gather: index must be an int64 tensor", "float32", "toLong()");
    }

    @Test
    void gatherRankMismatchSuggestsUnsqueeze() {
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(2, 5).gather(1, longs(1, 2)),
                "gather: index tensor must have the same number of dimensions as input (2)", "[2]",
                "index.unsqueeze(1)");
    }

    @Test
    void gatherIndexLargerThanInputOutsideDim() {
        assertError(IllegalArgumentException.class,
                () -> Tensor.zeros(2, 5).gather(1, Tensor.zeros(DType.INT64, 3, 1)),
                "gather: size of index [3, 1] does not match input [2, 5] at dimension 0");
    }

    @Test
    void gatherDimOutOfRange() {
        assertError(IndexOutOfBoundsException.class,
                () -> Tensor.zeros(2, 5).gather(2, Tensor.zeros(DType.INT64, 2, 1)),
                "gather: dimension out of range (expected to be in range of [-2, 1], but got 2)");
    }

    @Test
    void indexSelectIndexOutOfRange() {
        assertError(IndexOutOfBoundsException.class, () -> Tensor.zeros(4, 5).indexSelect(0, longs(1, 4)),
                "indexSelect: index 4 is out of bounds for dim 0 with size 4", "position 1");
    }

    @Test
    void indexSelectNegativeIndex() {
        assertError(IndexOutOfBoundsException.class, () -> Tensor.zeros(4, 5).indexSelect(1, longs(-1)),
                "indexSelect: index -1 is out of bounds for dim 1 with size 5");
    }

    @Test
    void indexSelectTwoDimensionalIndexSuggestsFlatten() {
        assertError(IllegalArgumentException.class,
                () -> Tensor.zeros(4, 5).indexSelect(0, Tensor.zeros(DType.INT64, 2, 2)),
                "indexSelect: index must be 0-D or 1-D but has shape [2, 2]", "flatten()");
    }

    @Test
    void indexSelectFloatIndex() {
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(4, 5).indexSelect(0, Tensor.of(0.0, 1.0)),
                "indexSelect: index must be an int64 tensor", "float32", "toLong()");
    }

    @Test
    void scatterAddIndexOutOfBounds() {
        assertError(IndexOutOfBoundsException.class,
                () -> Tensor.zeros(2, 5).scatterAdd(1, Tensor.of(new long[][] {{5}, {0}}), Tensor.ones(2, 1)),
                "scatterAdd: index 5 is out of bounds for dim 1 with size 5");
    }

    @Test
    void scatterAddIndexLargerThanSrc() {
        assertError(IllegalArgumentException.class,
                () -> Tensor.zeros(2, 5).scatterAdd(1, Tensor.zeros(DType.INT64, 2, 3), Tensor.ones(2, 2)),
                "scatterAdd: index [2, 3] must not be larger than src [2, 2]");
    }

    @Test
    void scatterAddFloatIndex() {
        assertError(IllegalArgumentException.class,
                () -> Tensor.zeros(2, 5).scatterAdd(1, Tensor.zeros(2, 1), Tensor.ones(2, 1)),
                "scatterAdd: index must be an int64 tensor", "float32", "toLong()");
    }

    /** PyTorch: "scatter(): Expected self.dtype to be equal to src.dtype". Silently truncating 0.5 to 0 is wrong. */
    @Test
    void scatterAddFloatSrcIntoInt64SelfIsRejected() {
        assertError(IllegalArgumentException.class,
                () -> Tensor.zeros(DType.INT64, 3).scatterAdd(0, longs(0, 1, 2), Tensor.of(0.5, 0.5, 0.5)),
                "scatterAdd", "int64", "float32");
    }
}
