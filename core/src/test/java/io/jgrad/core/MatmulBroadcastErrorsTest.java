package io.jgrad.core;

import static io.jgrad.core.ErrorAssert.assertError;
import static io.jgrad.core.ErrorAssert.assertErrorOneOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Error messages for matmul, broadcasting and linear: the shapes seen and what would fit.
 * The rule they follow is on {@link ErrorAssert}.
 */
class MatmulBroadcastErrorsTest {
    @Test
    void matmulShapeMismatchNamesBothShapesAndMatrixSizes() {
        String msg = assertError(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).matmul(Tensor.zeros(2, 3)));
        assertTrue(msg.startsWith("matmul: shapes [2, 3] and [2, 3] cannot be multiplied (mat1 is 2x3, mat2 is 2x3)"),
                msg);
        assertTrue(msg.contains("last dim of the first must equal the second-to-last of the second"), msg);
    }

    @Test
    void batchedMatmulInnerSizeMismatch() {
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(2, 2, 3).matmul(Tensor.zeros(2, 4, 5)),
                "matmul: shapes [2, 2, 3] and [2, 4, 5] cannot be multiplied (mat1 is 2x3, mat2 is 4x5)");
    }

    @Test
    void batchedMatmulBatchSizeMismatch() {
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(2, 2, 3).matmul(Tensor.zeros(3, 3, 4)),
                "matmul: batch sizes 2 and 3", "[2, 2, 3]", "[3, 3, 4]", "not broadcastable");
    }

    @Test
    void matmulBatchDimsThatDoNotBroadcastNameThePassedShapes() {
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(2, 3, 4, 5).matmul(Tensor.zeros(4, 5, 6)),
                "matmul: batch dims [2, 3] and [4] of shapes [2, 3, 4, 5] and [4, 5, 6] are not broadcastable");
    }

    @Test
    void matmulOfHighRankInnerSizeMismatchNamesThePassedShapes() {
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(2, 3, 4, 5).matmul(Tensor.zeros(4, 6)),
                "matmul: shapes [2, 3, 4, 5] and [4, 6] cannot be multiplied (mat1 is 4x5, mat2 is 4x6)");
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(1, 2, 2, 3).matmul(Tensor.zeros(4)),
                "matmul: shapes [1, 2, 2, 3] and [4] cannot be multiplied (inner sizes 3 and 4 differ)");
    }

    @Test
    void matmulRejectsZeroDimOperands() {
        assertError(IllegalArgumentException.class, () -> Tensor.of(2.0).matmul(Tensor.zeros(3)),
                "matmul: both arguments need at least 1 dimension, but they are 0D and 1D", "[]", "[3]", "mul");
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(1, 2, 3, 4).matmul(Tensor.of(2.0)),
                "matmul: both arguments need at least 1 dimension, but they are 4D and 0D");
    }

    /** The message must show the shapes the caller passed, not the internally unsqueezed [1, 3] / [4, 1]. */
    @Test
    void matmulWithVectorOperandsReportsTheShapesPassed() {
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(3).matmul(Tensor.zeros(4)),
                "matmul", "[3]", "[4]");
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).matmul(Tensor.zeros(4)),
                "matmul", "[2, 3]", "[4]");
    }

    static Stream<Arguments> notBroadcastable() {
        Tensor a = Tensor.zeros(2, 3), b = Tensor.zeros(4);
        Tensor cond = Tensor.ones(DType.BOOL, 2, 3);
        return Stream.of(
                Arguments.of("add", (Executable) () -> a.add(b)),
                Arguments.of("add", (Executable) () -> a.add(b, 2.0)),
                Arguments.of("sub", (Executable) () -> a.sub(b)),
                Arguments.of("mul", (Executable) () -> a.mul(b)),
                Arguments.of("div", (Executable) () -> a.div(b)),
                Arguments.of("pow", (Executable) () -> a.pow(b)),
                Arguments.of("maximum", (Executable) () -> a.maximum(b)),
                Arguments.of("minimum", (Executable) () -> a.minimum(b)),
                Arguments.of("where", (Executable) () -> Tensor.where(cond, a, b)),
                Arguments.of("where", (Executable) () -> a.where(cond, b)),
                Arguments.of("maskedFill", (Executable) () -> a.maskedFill(Tensor.ones(DType.BOOL, 4), 1.0)),
                Arguments.of("eq", (Executable) () -> a.eq(b)),
                Arguments.of("gt", (Executable) () -> a.gt(b)),
                Arguments.of("logicalAnd", (Executable) () -> a.logicalAnd(b)),
                Arguments.of("addi", (Executable) () -> Tensor.zeros(2, 3).addi(b)),
                Arguments.of("muli", (Executable) () -> Tensor.zeros(2, 3).muli(b)),
                Arguments.of("copyFrom", (Executable) () -> Tensor.zeros(2, 3).copyFrom(b)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notBroadcastable")
    void notBroadcastableShapesNameTheOpAndBothShapes(String op, Executable call) {
        String msg = assertError(IllegalArgumentException.class, call);
        assertTrue(msg.startsWith(op + ": shapes [2, 3] and [4] are not broadcastable"), msg);
        assertTrue(msg.contains("sizes must match or be 1"), msg);
    }

    @Test
    void whereConditionNotBroadcastable() {
        assertError(IllegalArgumentException.class,
                () -> Tensor.where(Tensor.ones(DType.BOOL, 4), Tensor.zeros(2, 3), Tensor.zeros(2, 3)),
                "where: shapes [4] and [2, 3] are not broadcastable");
    }

    /** PyTorch: "value cannot be converted to type int64_t without overflow". */
    @Test
    void maskedFillOfIntegersWithANonFiniteValue() {
        assertError(IllegalArgumentException.class,
                () -> Tensor.zeros(DType.INT64, 3).maskedFill(Tensor.ones(DType.BOOL, 3), Double.NaN),
                "maskedFill: value NaN cannot be converted to type int64 without overflow");
    }

    @Test
    void linearChecksItsOperands() {
        assertError(IllegalArgumentException.class, () -> Fused.linear(Tensor.zeros(2, 3), Tensor.zeros(3), null),
                "linear: weight must be 2-D [out_features, in_features]", "[3]");
        assertError(IllegalArgumentException.class, () -> Fused.linear(Tensor.zeros(2, 3), Tensor.zeros(5, 4), null),
                "matmul: shapes [2, 3] and [5, 4] cannot be multiplied");
        assertError(IllegalArgumentException.class, () -> Fused.linear(Tensor.of(2.0), Tensor.zeros(5, 3), null),
                "linear: input needs at least 1 dimension [..., in_features] but has shape []");
        assertError(IllegalArgumentException.class, () -> Fused.linear(Tensor.zeros(1, 2, 2, 3), Tensor.zeros(5, 4), null),
                "matmul: shapes [1, 2, 2, 3] and [5, 4] cannot be multiplied (mat1 is 4x3, mat2 is 4x5)");
        assertErrorOneOf(List.of(NullPointerException.class), () -> Fused.linear(Tensor.zeros(2, 3), null, null),
                "linear:", "weight is null");
    }
}
