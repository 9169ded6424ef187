package io.jgrad.core;

import static io.jgrad.core.ErrorAssert.assertError;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Error messages for factories, conversions and reductions.
 * The rule they follow is on {@link ErrorAssert}.
 */
class CreationErrorsTest {
    private static Tensor longs(long... v) {
        return Tensor.of(v);
    }

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
}
