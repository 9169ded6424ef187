package io.jgrad.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Arithmetic on bool tensors follows PyTorch 1.13: + and * are logical or / and, - is refused. */
class BoolArithmeticTest {
    private static final Tensor MASK = Tensor.of(new boolean[] {true, false, true});
    private static final Tensor OTHER = Tensor.of(new boolean[] {true, true, false});
    private static final String TWO_BOOLS = "Subtraction, the `-` operator, with two bool tensors is not supported. "
            + "Use the `^` or `logical_xor()` operator instead.";
    private static final String ONE_BOOL = "Subtraction, the `-` operator, with a bool tensor is not supported. "
            + "If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.";

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(expected, e.getMessage());
    }

    @Test
    void negationOfABoolTensorIsRefused() {
        assertMessage("Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, "
                + "use the `~` or `logical_not()` operator instead.", MASK::neg);
    }

    @Test
    void subtractionOfTwoBoolTensorsIsRefused() {
        assertMessage(TWO_BOOLS, () -> MASK.sub(OTHER));
    }

    @Test
    void subtractionWithOneBoolOperandIsRefused() {
        assertMessage(ONE_BOOL, () -> MASK.sub(1));
        assertMessage(ONE_BOOL, () -> Tensor.ones(3).sub(MASK));
    }

    @Test
    void inPlaceSubtractionOfBoolsIsRefused() {
        assertMessage(TWO_BOOLS, () -> MASK.clone().subi(OTHER));
    }

    @Test
    void addingTwoBoolTensorsIsLogicalOr() {
        Tensor r = MASK.add(OTHER);
        assertEquals(DType.BOOL, r.dtype());
        assertArrayEquals(new double[] {1, 1, 1}, r.toDoubleArray());
    }

    @Test
    void multiplyingTwoBoolTensorsIsLogicalAnd() {
        Tensor r = MASK.mul(OTHER);
        assertEquals(DType.BOOL, r.dtype());
        assertArrayEquals(new double[] {1, 0, 0}, r.toDoubleArray());
    }

    @Test
    void boolPlusAnIntegerScalarStaysInteger() {
        Tensor r = MASK.add(1);
        assertEquals(DType.INT64, r.dtype());
        assertArrayEquals(new long[] {2, 1, 2}, r.toLongArray());
    }
}
