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
 * Error messages for dims out of range and the shape ops: reshape, view, expand, narrow, select, slice, cat, stack.
 * The rule they follow is on {@link ErrorAssert}.
 */
class ShapeErrorsTest {
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
}
