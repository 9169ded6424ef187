package io.jgrad.core;

import static io.jgrad.core.ErrorAssert.assertError;
import static io.jgrad.core.ErrorAssert.assertErrorOneOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The project rule: "Bad input gets a clear error, never silence and never a JVM crash. Say which
 * argument, the shapes or values seen, what was expected and the likely fix." One test per error
 * kind, each asserting the exact exception type (so an ArrayIndexOutOfBoundsException never passes
 * for an IndexOutOfBoundsException) and the key facts of the message.
 */
class ErrorMessagesTest {

    // --- helpers ---

    private static Tensor leaf(double... v) {
        return Tensor.of(DType.FLOAT32, v).requiresGrad(true);
    }

    private static Tensor longs(long... v) {
        return Tensor.of(v);
    }

    /** A custom op computing x², as a user would write one. */
    static final class Square extends Op {
        @Override
        protected Tensor forward(Tensor... x) {
            save(x[0]);
            return x[0].mul(x[0]);
        }

        @Override
        protected Tensor[] backward(Tensor g) {
            return new Tensor[] {g.mul(saved(0)).mul(2.0)};
        }
    }

    // --- matmul ---

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
    void matmulRejectsRank4Operands() {
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(1, 2, 3, 4).matmul(Tensor.zeros(4, 5)),
                "matmul: both arguments need 1 to 3 dimensions", "[1, 2, 3, 4]", "[4, 5]");
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(4, 5).matmul(Tensor.zeros(1, 2, 5, 4)),
                "matmul: both arguments need 1 to 3 dimensions", "[4, 5]", "[1, 2, 5, 4]");
    }

    @Test
    void matmulRejectsZeroDimOperands() {
        assertError(IllegalArgumentException.class, () -> Tensor.of(2.0).matmul(Tensor.zeros(3)),
                "matmul: both arguments need 1 to 3 dimensions", "[]", "[3]");
    }

    /** The message must show the shapes the caller passed, not the internally unsqueezed [1, 3] / [4, 1]. */
    @Test
    void matmulWithVectorOperandsReportsTheShapesPassed() {
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(3).matmul(Tensor.zeros(4)),
                "matmul", "[3]", "[4]");
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).matmul(Tensor.zeros(4)),
                "matmul", "[2, 3]", "[4]");
    }

    // --- broadcasting ---

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

    // --- gather / indexSelect / scatterAdd ---

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

    // --- dimensions ---

    static Stream<Arguments> dimOutOfRange() {
        Tensor x = Tensor.zeros(2, 3);
        return Stream.of(
                Arguments.of((Executable) () -> x.sum(3), "sum: dimension out of range (expected to be in range of [-2, 1], but got 3)"),
                Arguments.of((Executable) () -> x.sum(-3), "sum: dimension out of range (expected to be in range of [-2, 1], but got -3)"),
                Arguments.of((Executable) () -> x.mean(2), "mean: dimension out of range (expected to be in range of [-2, 1], but got 2)"),
                Arguments.of((Executable) () -> x.amax(2), "amax: dimension out of range (expected to be in range of [-2, 1], but got 2)"),
                Arguments.of((Executable) () -> x.amin(2), "amin: dimension out of range (expected to be in range of [-2, 1], but got 2)"),
                Arguments.of((Executable) () -> x.logsumexp(2), "logsumexp: dimension out of range (expected to be in range of [-2, 1], but got 2)"),
                Arguments.of((Executable) () -> x.softmax(2), "softmax: dimension out of range (expected to be in range of [-2, 1], but got 2)"),
                Arguments.of((Executable) () -> x.logSoftmax(-3), "logSoftmax: dimension out of range (expected to be in range of [-2, 1], but got -3)"),
                Arguments.of((Executable) () -> x.argmax(2), "argmax: dimension out of range (expected to be in range of [-2, 1], but got 2)"),
                Arguments.of((Executable) () -> x.transpose(0, 2), "transpose: dimension out of range (expected to be in range of [-2, 1], but got 2)"),
                Arguments.of((Executable) () -> x.unsqueeze(3), "unsqueeze: dimension out of range (expected to be in range of [-3, 2], but got 3)"),
                Arguments.of((Executable) () -> x.squeeze(2), "squeeze: dimension out of range (expected to be in range of [-2, 1], but got 2)"),
                Arguments.of((Executable) () -> x.size(2), "size: dimension out of range (expected to be in range of [-2, 1], but got 2)"),
                Arguments.of((Executable) () -> x.flatten(0, 5), "flatten: dimension out of range (expected to be in range of [-2, 1], but got 5)"),
                Arguments.of((Executable) () -> x.permute(0, 2), "permute: dimension out of range (expected to be in range of [-2, 1], but got 2)"),
                Arguments.of((Executable) () -> x.narrow(2, 0, 1), "narrow: dimension out of range (expected to be in range of [-2, 1], but got 2)"),
                Arguments.of((Executable) () -> x.select(2, 0), "select: dimension out of range (expected to be in range of [-2, 1], but got 2)"),
                Arguments.of((Executable) () -> x.slice(-3, 0, 1), "slice: dimension out of range (expected to be in range of [-2, 1], but got -3)"),
                Arguments.of((Executable) () -> Tensor.cat(2, x, x), "cat: dimension out of range (expected to be in range of [-2, 1], but got 2)"),
                Arguments.of((Executable) () -> Tensor.stack(3, x, x), "stack: dimension out of range (expected to be in range of [-3, 2], but got 3)"),
                Arguments.of((Executable) () -> Tensor.of(1.0).sum(1), "sum: dimension out of range (expected to be in range of [-1, 0], but got 1)"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("dimOutOfRange")
    void dimensionOutOfRangeNamesTheOpTheValidRangeAndTheDim(Executable call, String expected) {
        assertError(IndexOutOfBoundsException.class, call, expected);
    }

    @Test
    void duplicateDimsInReductions() {
        Tensor x = Tensor.zeros(2, 3);
        assertError(IllegalArgumentException.class, () -> x.sum(0, -2), "sum: dim 0 appears multiple times in the list of dims");
        assertError(IllegalArgumentException.class, () -> x.mean(1, 1), "mean: dim 1 appears multiple times");
        assertError(IllegalArgumentException.class, () -> x.amax(1, -1), "amax: dim 1 appears multiple times");
    }

    @Test
    void permuteWithWrongNumberOfDims() {
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).permute(0, 1, 2),
                "permute: number of dims don't match; the tensor has 2 dims but 3 were given ([0, 1, 2])");
    }

    @Test
    void permuteWithRepeatedDim() {
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).permute(1, -1),
                "permute: dim 1 appears more than once in [1, -1]");
    }

    @Test
    void flattenStartAfterEnd() {
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(2, 3, 4).flatten(2, 1),
                "flatten: start_dim 2 cannot come after end_dim 1");
    }

    // --- shape ops ---

    @Test
    void reshapeToIncompatibleShape() {
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).reshape(4, 2),
                "reshape: shape '[4, 2]' is invalid for input of size 6 (shape [2, 3])");
    }

    @Test
    void reshapeWithInferredDimThatDoesNotDivide() {
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).reshape(-1, 4),
                "reshape: shape '[-1, 4]' is invalid for input of size 6");
    }

    @Test
    void reshapeWithTwoInferredDims() {
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).reshape(-1, -1),
                "reshape: only one dimension can be inferred (-1); got [-1, -1]");
    }

    @Test
    void reshapeWithNegativeSize() {
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).reshape(-2, -3),
                "reshape: invalid shape dimension -2 in [-2, -3]");
    }

    @Test
    void viewToIncompatibleShape() {
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).view(4),
                "shape '[4]' is invalid for input of size 6 (shape [2, 3])");
    }

    @Test
    void expandToIncompatibleSize() {
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).expand(4, 3),
                "expand: the expanded size [4, 3] must match the existing size [2, 3] at each non-singleton dimension");
    }

    @Test
    void expandToFewerDims() {
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).expand(3),
                "expand: the expanded size [3] must match the existing size [2, 3]");
    }

    @Test
    void expandWithMinusOneInNewLeadingDim() {
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(3).expand(-1, 3),
                "expand: the expanded size [-1, 3] must match the existing size [3]");
    }

    /** A size-1 dim expanded to -2 currently reaches array allocation and throws NegativeArraySizeException. */
    @Test
    void expandSingletonDimToNegativeSize() {
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(1).expand(-2), "expand", "-2");
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(2, 1).expand(2, -3), "expand", "-3");
    }

    @Test
    void narrowOutOfRange() {
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(5).narrow(0, 3, 4),
                "narrow: start (3) + length (4) exceeds dimension size (5) of dim 0");
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(5).narrow(0, -10, 1),
                "narrow: start (-10) + length (1) exceeds dimension size (5) of dim 0");
    }

    @Test
    void narrowNegativeLength() {
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(5).narrow(0, 2, -1),
                "narrow", "length (-1)");
    }

    @Test
    void selectIndexOutOfRange() {
        assertError(IndexOutOfBoundsException.class, () -> Tensor.zeros(2, 3).select(1, 3),
                "select: index 3 is out of bounds for dim 1 with size 3");
        assertError(IndexOutOfBoundsException.class, () -> Tensor.zeros(2, 3).select(-1, -4),
                "select: index -4 is out of bounds for dim 1 with size 3");
    }

    @Test
    void sliceWithNonPositiveStep() {
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(5).slice(0, 0, 5, 0),
                "slice: step must be positive; got 0");
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(5).slice(0, 5, 0, -1),
                "slice: step must be positive; got -1");
    }

    static Stream<Arguments> zeroDimIndexing() {
        Tensor s = Tensor.of(1.0);
        return Stream.of(
                Arguments.of("narrow", (Executable) () -> s.narrow(0, 0, 1)),
                Arguments.of("select", (Executable) () -> s.select(0, 0)),
                Arguments.of("slice", (Executable) () -> s.slice(0, 0, 1)),
                Arguments.of("size", (Executable) () -> s.size(0)));
    }

    /**
     * PyTorch: "select() cannot be applied to a 0-dim tensor" / "dimension specified as 0 but tensor
     * has no dimensions". Here they currently die with ArrayIndexOutOfBoundsException: Index 0 out of
     * bounds for length 0.
     */
    @ParameterizedTest(name = "{0} on a 0-D tensor")
    @MethodSource("zeroDimIndexing")
    void indexingAZeroDimTensorSaysItHasNoDims(String op, Executable call) {
        String msg = assertErrorOneOf(List.of(IllegalArgumentException.class, IndexOutOfBoundsException.class), call,
                op + ":");
        assertTrue(Stream.of("0-dim", "0-D", "no dimensions").anyMatch(msg::contains),
                () -> "message should say the tensor is 0-dimensional: " + msg);
    }

    @Test
    void catWithMismatchedShapes() {
        assertError(IllegalArgumentException.class, () -> Tensor.cat(0, Tensor.zeros(2, 3), Tensor.zeros(2, 4)),
                "cat: sizes of tensors must match except in dimension 0; tensor 0 has shape [2, 3] but tensor 1 has "
                        + "shape [2, 4]");
    }

    @Test
    void catWithDifferentRanks() {
        assertError(IllegalArgumentException.class, () -> Tensor.cat(List.of(Tensor.zeros(2, 3), Tensor.zeros(3)), 0),
                "cat:", "tensor 0 has shape [2, 3] but tensor 1 has shape [3]");
    }

    @Test
    void catOfZeroDimTensors() {
        assertError(IllegalArgumentException.class, () -> Tensor.cat(0, Tensor.of(1.0), Tensor.of(2.0)),
                "cat: zero-dimensional tensor (at position 0) cannot be concatenated", "stack", "unsqueeze(0)");
        assertError(IllegalArgumentException.class, () -> Tensor.cat(0, Tensor.zeros(2), Tensor.of(2.0)),
                "cat:", "tensor 1 has shape []");
    }

    @Test
    void catOfNoTensors() {
        assertError(IllegalArgumentException.class, () -> Tensor.cat(List.of(), 0),
                "cat: expected a non-empty list of tensors");
    }

    @Test
    void stackWithUnequalShapes() {
        assertError(IllegalArgumentException.class,
                () -> Tensor.stack(0, Tensor.zeros(2, 3), Tensor.zeros(2, 3), Tensor.zeros(3, 2)),
                "stack: expects each tensor to be equal size, but got [2, 3] at entry 0 and [3, 2] at entry 2");
    }

    @Test
    void stackOfNoTensors() {
        assertError(IllegalArgumentException.class, () -> Tensor.stack(List.of(), 0),
                "stack: expected a non-empty list of tensors");
    }

    @Test
    void transposeShorthandOn3D() {
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(2, 3, 4).t(),
                "t: expects a tensor with <= 2 dimensions, but got 3", "transpose(d0, d1)");
    }

    // --- conversions and reductions ---

    @Test
    void itemOnMultiElementTensor() {
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).item(),
                "item: a Tensor with 6 elements cannot be converted to a scalar");
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(0).item(),
                "item: a Tensor with 0 elements cannot be converted to a scalar");
    }

    @Test
    void meanOfInt64() {
        assertError(IllegalArgumentException.class, () -> longs(1, 2, 3).mean(),
                "mean:", "floating point", "int64", "toFloat()");
        assertError(IllegalArgumentException.class, () -> Tensor.ones(DType.BOOL, 3).mean(0),
                "mean:", "bool", "toFloat()");
    }

    @Test
    void amaxAndAminOverAnEmptyDim() {
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(3, 0).amax(1),
                "amax: expected reduction dim 1 to have non-zero size; got shape [3, 0]");
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(0).amin(),
                "amin: expected reduction dim 0 to have non-zero size; got shape [0]");
    }

    @Test
    void argmaxOfEmpty() {
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(0).argmax(),
                "argmax: expected reduction dim to be specified for an empty input (shape [0])");
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(3, 0).argmax(1),
                "argmax: expected reduction dim 1 to have non-zero size (shape [3, 0])");
    }

    @Test
    void oneHotClassAtOrAboveNumClasses() {
        assertError(IllegalArgumentException.class, () -> longs(0, 3, 1).oneHot(3),
                "oneHot: class value 3 is out of range for numClasses = 3", "0-based");
    }

    @Test
    void oneHotNegativeClass() {
        assertError(IllegalArgumentException.class, () -> longs(0, -1).oneHot(3),
                "oneHot: class values must be non-negative; got -1");
    }

    @Test
    void oneHotOfFloatTensor() {
        assertError(IllegalArgumentException.class, () -> Tensor.of(0.0, 1.0).oneHot(2),
                "oneHot: tensor must be an int64 tensor", "float32", "toLong()");
    }

    /** PyTorch: "Can not infer total number of classes from empty tensor." Here: a silent [0, 0] tensor. */
    @Test
    void oneHotCannotInferNumClassesFromAnEmptyTensor() {
        assertError(IllegalArgumentException.class, () -> Tensor.of(new long[0]).oneHot(-1),
                "oneHot", "empty");
    }

    /** 2 x 2147483647 overflows int: currently NegativeArraySizeException: -2. */
    @Test
    void oneHotWithTooManyClasses() {
        assertError(IllegalArgumentException.class, () -> longs(1, 2).oneHot(Integer.MAX_VALUE),
                "oneHot", "2147483647");
    }

    /** The inferred class count overflows int: the message currently reports "numClasses = 705032705". */
    @Test
    void oneHotClassValueBeyondIntRange() {
        String msg = assertError(IllegalArgumentException.class, () -> longs(5_000_000_000L).oneHot(-1),
                "oneHot", "5000000000");
        assertFalse(msg.contains("705032705"), () -> "message reports an overflowed class count: " + msg);
    }

    @Test
    void arangeWithZeroStep() {
        assertError(IllegalArgumentException.class, () -> Tensor.arange(0, 5, 0), "arange: step must be nonzero");
        assertError(IllegalArgumentException.class, () -> Tensor.arange(0.0, 1.0, 0.0), "arange: step must be nonzero");
    }

    @Test
    void arangeWithStepOfTheWrongSign() {
        assertError(IllegalArgumentException.class, () -> Tensor.arange(0, 5, -1),
                "arange: upper bound and larger bound inconsistent with step sign", "start 0.0, end 5.0, step -1.0");
        assertError(IllegalArgumentException.class, () -> Tensor.arange(5.0, 0.0, 0.5),
                "arange: upper bound and larger bound inconsistent with step sign", "step 0.5");
    }

    @Test
    void arangeWithNonFiniteBound() {
        assertError(IllegalArgumentException.class, () -> Tensor.arange(0, Double.NaN, 1),
                "arange: start and end must be finite; got 0.0 and NaN");
    }

    /** 3e9 elements: the count is cast to int (saturating) and the JVM throws OutOfMemoryError. */
    @Test
    void arangeWithTooManyElements() {
        assertError(IllegalArgumentException.class, () -> Tensor.arange(0, 3_000_000_000L), "arange", "3000000000");
    }

    @Test
    void negativeSizesInFactories() {
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(2, -1), "sizes must be non-negative", "[2, -1]");
        assertError(IllegalArgumentException.class, () -> Tensor.ones(DType.INT64, -3), "sizes must be non-negative", "[-3]");
        assertError(IllegalArgumentException.class, () -> Tensor.rand(-1), "rand: sizes must be non-negative", "[-1]");
        assertError(IllegalArgumentException.class, () -> Tensor.randint(0, 5, 2, -2),
                "randint: sizes must be non-negative", "[2, -2]");
        assertError(IllegalArgumentException.class, () -> Tensor.eye(-1), "eye: sizes must be non-negative", "[-1, -1]");
    }

    @Test
    void tooManyElements() {
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(65536, 65536),
                "shape [65536, 65536] has 4294967296 elements", "at most 2147483639");
    }

    @Test
    void otherFactoryArguments() {
        assertError(IllegalArgumentException.class, () -> Tensor.linspace(0, 1, -1),
                "linspace: number of steps must be non-negative; got -1");
        assertError(IllegalArgumentException.class, () -> Tensor.randint(5, 5, 3),
                "randint: expected low < high but got low = 5, high = 5");
        assertError(IllegalArgumentException.class, () -> Tensor.of(new double[][] {{1, 2}, {3}}),
                "of: expected a rectangular array; row 0 has 2 elements but row 1 has 1");
        assertError(IllegalArgumentException.class, () -> Tensor.of(new long[][] {{1}, {2, 3}}),
                "of: expected a rectangular array; row 0 has 1 elements but row 1 has 2");
    }

    @Test
    void fromArrayWithWrongLength() {
        assertError(IllegalArgumentException.class, () -> Tensor.fromArray(new float[5], 2, 3),
                "fromArray: 5 values cannot fill shape [2, 3] (6 elements)");
    }

    @Test
    void fromArrayWithUnsupportedType() {
        assertError(IllegalArgumentException.class, () -> Tensor.fromArray(new int[6], 2, 3),
                "fromArray: data must be a float[], double[], long[] or boolean[]; got int[]");
        assertError(IllegalArgumentException.class, () -> Tensor.fromArray(null, 2, 3),
                "fromArray: data must be", "got null");
        assertError(IllegalArgumentException.class, () -> Tensor.fromArray(new float[0][0], 0),
                "fromArray: data must be", "got float[][]");
    }

    @Test
    void fromArrayWithNegativeShape() {
        assertError(IllegalArgumentException.class, () -> Tensor.fromArray(new float[2], -1, -2),
                "fromArray: sizes must be non-negative; got shape [-1, -2]");
    }

    @Test
    void fromNd4jArrayOfUnsupportedTypeOrNull() {
        assertError(IllegalArgumentException.class, () -> Tensor.from(Nd4j.zeros(DataType.HALF, 2)),
                "from: unsupported ND4J data type HALF", "FLOAT, DOUBLE, LONG or BOOL");
        assertError(IllegalArgumentException.class, () -> Tensor.from(null), "from: array is null");
    }

    /** PyTorch: "Integers to negative integer powers are not allowed." (for a scalar exponent; a tensor one computes) */
    @Test
    void integerToNegativeIntegerPower() {
        assertError(IllegalArgumentException.class, () -> longs(2).pow(-1), "pow", "negative");
    }

    // --- null arguments ---

    static Stream<Arguments> nullArguments() {
        Tensor x = Tensor.zeros(3);
        return Stream.of(
                Arguments.of("add", (Executable) () -> x.add((Tensor) null)),
                Arguments.of("mul", (Executable) () -> x.mul((Tensor) null)),
                Arguments.of("matmul", (Executable) () -> x.matmul(null)),
                Arguments.of("cat", (Executable) () -> Tensor.cat(0, x, null)),
                Arguments.of("gather", (Executable) () -> x.gather(0, null)),
                Arguments.of("where", (Executable) () -> Tensor.where(null, x, x)),
                Arguments.of("to", (Executable) () -> x.to(null)),
                Arguments.of("backward", (Executable) () -> leaf(1, 2).mul(2.0).backward(null)));
    }

    /**
     * A null argument should say which op and which argument, like every other error here; Java's
     * default NPE text ("Cannot invoke Tensor.dtype() because <parameter2> is null") names neither.
     */
    @ParameterizedTest(name = "{0}(null)")
    @MethodSource("nullArguments")
    void nullArgumentNamesTheOp(String op, Executable call) {
        assertErrorOneOf(List.of(NullPointerException.class, IllegalArgumentException.class), call, op + ":", "null");
    }

    // --- autograd ---

    @Test
    void backwardOnNonScalar() {
        assertError(IllegalStateException.class, () -> leaf(1, 2, 3).mul(2.0).backward(),
                "grad can be implicitly created only for scalar outputs", "shape [3]", "sum()", "backward(gradient)");
    }

    @Test
    void backwardOnTensorThatDoesNotRequireGrad() {
        assertError(IllegalStateException.class, () -> Tensor.of(1, 2, 3).mul(2.0).sum().backward(),
                "element 0 of tensors does not require grad and does not have a grad_fn", "requiresGrad(true)");
    }

    @Test
    void backwardOnGraphBuiltUnderNoGrad() {
        Tensor x = leaf(1, 2, 3);
        Tensor y;
        try (var g = Tensor.noGrad()) {
            y = x.mul(2.0).sum();
        }
        assertError(IllegalStateException.class, y::backward, "does not require grad", "Tensor.noGrad()");
    }

    @Test
    void backwardWithGradientOfTheWrongShape() {
        assertError(IllegalArgumentException.class, () -> leaf(1, 2, 3).mul(2.0).backward(Tensor.ones(4)),
                "backward: gradient has shape [4] but the output has shape [3]; they must match");
    }

    @Test
    void backwardTwiceThroughSavedTensors() {
        Tensor x = leaf(1, 2, 3);
        Tensor y = x.mul(x).sum();
        y.backward();
        assertError(IllegalStateException.class, y::backward,
                "Trying to backward through the graph a second time", "backward(gradient, true)", "MulBackward0");
    }

    @Test
    void backwardTwiceIsFineWhenNoOpSavedAnything() {
        Tensor a = leaf(1, 2), b = leaf(3, 4);
        Tensor y = a.add(b).sum();
        y.backward();
        y.backward();
        assertArrayEquals(new double[] {2, 2}, a.grad().toDoubleArray());
        assertArrayEquals(new double[] {2, 2}, b.grad().toDoubleArray());
    }

    @Test
    void retainGraphAllowsASecondBackward() {
        Tensor x = leaf(1, 2, 3);
        Tensor y = x.mul(x).sum();
        y.backward(Tensor.onesLike(y), true);
        y.backward();
        assertArrayEquals(new double[] {4, 8, 12}, x.grad().toDoubleArray());
    }

    @Test
    void inPlaceChangeOfASavedLeafAfterForward() {
        Tensor a = leaf(1, 2, 3), b = leaf(4, 5, 6);
        Tensor y = a.mul(b).sum();
        try (var g = Tensor.noGrad()) {
            a.muli(2.0);
        }
        assertError(IllegalStateException.class, y::backward,
                "one of the variables needed for gradient computation has been modified by an inplace operation",
                "[float32 [3]]", "MulBackward0", "is at version 1; expected version 0", "clone()");
    }

    @Test
    void inPlaceChangeOfASavedInputThatDoesNotRequireGrad() {
        Tensor w = leaf(1, 2), x = Tensor.of(3, 4);
        Tensor y = w.mul(x).sum();
        x.addi(1.0);
        x.addi(1.0);
        assertError(IllegalStateException.class, y::backward,
                "modified by an inplace operation", "MulBackward0", "is at version 2; expected version 0");
    }

    @Test
    void inPlaceChangeOfASavedOutputThroughAView() {
        Tensor x = leaf(1, 2, 3, 4);
        Tensor y = x.exp();
        Tensor loss = y.sum();
        try (var g = Tensor.noGrad()) {
            y.reshape(2, 2).muli(2.0);
        }
        assertError(IllegalStateException.class, loss::backward, "modified by an inplace operation", "ExpBackward0",
                "version 1; expected version 0");
    }

    @Test
    void inPlaceOnALeafThatRequiresGrad() {
        Tensor w = leaf(1, 2, 3);
        String[] ops = {"addi", "muli", "fill", "zeroi", "copyFrom"};
        Executable[] calls = {() -> w.addi(1.0), () -> w.muli(Tensor.ones(3)), () -> w.fill(0), w::zeroi,
                              () -> w.copyFrom(Tensor.ones(3))};
        for (int i = 0; i < ops.length; i++) {
            assertError(IllegalStateException.class, calls[i],
                    ops[i] + ": a leaf Variable that requires grad is being used in an in-place operation",
                    "Tensor.noGrad()");
        }
        assertArrayEquals(new double[] {1, 2, 3}, w.toDoubleArray(), "a refused in-place op must not change data");
    }

    @Test
    void inPlaceOnANonLeafInTheGraph() {
        Tensor h = leaf(1, 2, 3).mul(2.0);
        assertError(IllegalStateException.class, () -> h.addi(1.0),
                "addi: in-place operations are not recorded by autograd", "grad_fn=MulBackward0", "out-of-place");
    }

    @Test
    void requiresGradOnNonFloatingTensor() {
        assertError(IllegalArgumentException.class, () -> longs(1, 2).requiresGrad(true),
                "requiresGrad: only Tensors of floating point dtype can require gradients; this one is int64",
                "toFloat()");
        assertError(IllegalArgumentException.class, () -> Tensor.ones(DType.BOOL, 2).requiresGrad(true),
                "this one is bool");
    }

    @Test
    void requiresGradOnNonLeaf() {
        Tensor h = leaf(1, 2).mul(2.0);
        assertError(IllegalArgumentException.class, () -> h.requiresGrad(true),
                "requiresGrad: you can only change requires_grad flags of leaf variables", "detach()");
    }

    @Test
    void inPlaceResultTypeCannotBeCast() {
        assertError(IllegalArgumentException.class, () -> longs(1, 2).addi(Tensor.of(0.5, 0.5)),
                "addi: result type float32 can't be cast to the desired output type int64", "out-of-place add",
                "toFloat()");
        assertError(IllegalArgumentException.class, () -> longs(1, 2).divi(longs(2, 2)),
                "divi: result type float32 can't be cast to the desired output type int64");
        assertError(IllegalArgumentException.class, () -> Tensor.ones(DType.BOOL, 2).addi(longs(1, 1)),
                "addi: result type int64 can't be cast to the desired output type bool");
    }

    @Test
    void inPlaceWithLargerBroadcastShape() {
        assertError(IllegalArgumentException.class, () -> Tensor.ones(3).addi(Tensor.ones(2, 3)),
                "addi: output with shape [3] doesn't match the broadcast shape [2, 3]");
        assertError(IllegalArgumentException.class, () -> Tensor.ones(3).copyFrom(Tensor.ones(2, 3)),
                "copyFrom: source of shape [2, 3] cannot be broadcast to the destination's shape [3]");
    }

    @Test
    void setGradWithWrongShapeOrDtype() {
        Tensor w = leaf(1, 2, 3);
        assertError(IllegalArgumentException.class, () -> w.setGrad(Tensor.ones(4)),
                "setGrad: assigned grad has float32 [4] but the tensor is float32 [3]");
        assertError(IllegalArgumentException.class, () -> w.setGrad(Tensor.ones(DType.FLOAT64, 3)),
                "setGrad: assigned grad has float64 [3] but the tensor is float32 [3]");
    }

    @Test
    void whereWithNonBoolCondition() {
        assertError(IllegalArgumentException.class, () -> Tensor.where(Tensor.ones(3), Tensor.zeros(3), Tensor.ones(3)),
                "where: condition must be a bool tensor but got float32", "x.gt(0)", "toBool()");
    }

    @Test
    void maskedFillWithNonBoolMask() {
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(3).maskedFill(longs(1, 0, 1), 1.0),
                "maskedFill: mask must be a bool tensor but got int64", "toBool()");
    }

    @Test
    void reusingAnOpInstance() {
        Tensor x = leaf(1, 2);
        Square op = new Square();
        op.apply(x);
        assertError(IllegalStateException.class, () -> op.apply(x),
                "SquareBackward: an Op instance is applied once; create a new one per call");
    }

    // --- custom ops (public API: Op is subclassed by users) ---

    /** PyTorch: "function MulishBackward returned an incorrect number of gradients (expected 2, got 1)". */
    @Test
    void customOpBackwardReturningTooFewGradients() {
        class Mulish extends Op {
            @Override
            protected Tensor forward(Tensor... x) {
                return x[0].mul(x[1]);
            }

            @Override
            protected Tensor[] backward(Tensor g) {
                return new Tensor[] {g};
            }
        }
        Tensor a = leaf(1, 2), b = leaf(3, 4);
        Tensor y = new Mulish().apply(a, b).sum();
        assertErrorOneOf(List.of(IllegalStateException.class, IllegalArgumentException.class), y::backward,
                "MulishBackward", "expected 2", "got 1");
    }

    @Test
    void customOpBackwardReturningNull() {
        class NoGrads extends Op {
            @Override
            protected Tensor forward(Tensor... x) {
                return x[0].mul(2.0);
            }

            @Override
            protected Tensor[] backward(Tensor g) {
                return null;
            }
        }
        Tensor y = new NoGrads().apply(leaf(1, 2)).sum();
        assertErrorOneOf(List.of(IllegalStateException.class, IllegalArgumentException.class), y::backward,
                "NoGradsBackward", "null");
    }

    /**
     * PyTorch: "Function BadShapeBackward returned an invalid gradient at index 0 - got [5] but expected
     * shape compatible with [3]". Here the [5] gradient is accepted and x.grad() becomes a tensor of
     * shape [3] holding 5 elements.
     */
    @Test
    void customOpBackwardReturningAGradientOfTheWrongShape() {
        class BadShape extends Op {
            @Override
            protected Tensor forward(Tensor... x) {
                return x[0].sum();
            }

            @Override
            protected Tensor[] backward(Tensor g) {
                return new Tensor[] {Tensor.ones(5)};
            }
        }
        Tensor x = leaf(1, 2, 3);
        Tensor y = new BadShape().apply(x);
        assertErrorOneOf(List.of(IllegalStateException.class, IllegalArgumentException.class), y::backward,
                "BadShapeBackward", "[5]", "[3]");
    }

    @Test
    void customOpForwardReturningNull() {
        class NullForward extends Op {
            @Override
            protected Tensor forward(Tensor... x) {
                return null;
            }

            @Override
            protected Tensor[] backward(Tensor g) {
                return new Tensor[] {g};
            }
        }
        assertErrorOneOf(List.of(IllegalStateException.class, NullPointerException.class),
                () -> new NullForward().apply(leaf(1, 2)), "NullForwardBackward", "null");
        assertErrorOneOf(List.of(IllegalStateException.class, NullPointerException.class),
                () -> new NullForward().apply(Tensor.of(1, 2)), "NullForwardBackward", "null");
    }

    @Test
    void customOpReadingASavedTensorItNeverSaved() {
        class ForgotSave extends Op {
            @Override
            protected Tensor forward(Tensor... x) {
                return x[0].mul(x[0]);
            }

            @Override
            protected Tensor[] backward(Tensor g) {
                return new Tensor[] {g.mul(saved(0)).mul(2.0)};
            }
        }
        Tensor y = new ForgotSave().apply(leaf(1, 2)).sum();
        assertErrorOneOf(List.of(IllegalStateException.class, IndexOutOfBoundsException.class), y::backward,
                "ForgotSaveBackward", "save");
    }

    @Test
    void gradCheckWithFloat32Input() {
        assertError(IllegalArgumentException.class, () -> GradCheck.check(in -> in[0].mul(2.0), leaf(1, 2)),
                "gradcheck: input 0 is float32", "toDouble()");
    }

    /** PyTorch: "gradcheck expects at least one input tensor to require gradient". Here it returns true, checking nothing. */
    @Test
    void gradCheckWithNoInputRequiringGrad() {
        assertError(IllegalArgumentException.class,
                () -> GradCheck.check(in -> in[0].mul(2.0), Tensor.of(DType.FLOAT64, 1, 2)),
                "gradcheck", "requiresGrad");
    }

    @Test
    void helperRejectsMissingFragmentsAndWrongExceptionTypes() {
        // Sanity check for the helper: a message that lacks a fragment must fail the assertion.
        AssertionError e = assertThrows(AssertionError.class, () -> assertError(IllegalArgumentException.class,
                () -> Tensor.zeros(2, 3).reshape(5), "this text is not in the message"));
        assertTrue(e.getMessage().contains("reshape:"), e.getMessage());
        AssertionError wrongType = assertThrows(AssertionError.class, () -> assertError(IndexOutOfBoundsException.class,
                () -> {
                    throw new ArrayIndexOutOfBoundsException("Index 0 out of bounds for length 0");
                }));
        assertTrue(wrongType.getMessage().contains("ArrayIndexOutOfBoundsException"), wrongType.getMessage());
        AssertionError silent = assertThrows(AssertionError.class,
                () -> assertError(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).reshape(3, 2)));
        assertTrue(silent.getMessage().contains("nothing was thrown"), silent.getMessage());
    }

    @Test
    void linearChecksItsOperands() {
        assertError(IllegalArgumentException.class, () -> Tensor.linear(Tensor.zeros(2, 3), Tensor.zeros(3), null),
                "linear: weight must be 2-D [out_features, in_features]", "[3]");
        assertError(IllegalArgumentException.class, () -> Tensor.linear(Tensor.zeros(2, 3), Tensor.zeros(5, 4), null),
                "matmul: shapes [2, 3] and [5, 4] cannot be multiplied");
        assertError(IllegalArgumentException.class, () -> Tensor.linear(Tensor.zeros(1, 2, 2, 3), Tensor.zeros(5, 3), null),
                "linear: input needs 1 to 3 dimensions");
        assertErrorOneOf(List.of(NullPointerException.class), () -> Tensor.linear(Tensor.zeros(2, 3), null, null),
                "linear:", "weight is null");
    }
}
