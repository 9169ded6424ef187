package io.jgrad.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Arithmetic on bool and integer tensors follows PyTorch 1.13: + and * (and maximum, minimum) of bools
 * are logical or / and, - is refused; integer neg, abs, relu and clamp keep int64.
 */
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

    @Test
    void maximumMinimumSignAndScaledAddOfBoolsStayBool() {
        // torch 1.13: maximum/minimum(bool, bool) -> bool; sign(bool) -> bool; add(b, c, alpha=3) -> bool (or), alpha=0 -> b
        assertBools(new boolean[] {true, true, true}, MASK.maximum(OTHER));
        assertBools(new boolean[] {true, false, false}, MASK.minimum(OTHER));
        assertBools(new boolean[] {true, false, true}, MASK.sign());
        assertBools(new boolean[] {true, true, true}, MASK.add(OTHER, 3));
        assertBools(new boolean[] {true, false, true}, MASK.add(OTHER, 0));
        assertEquals(DType.INT64, MASK.maximum(Tensor.of(new long[] {0, 1, 0})).dtype());  // mixed: int64, as torch
    }

    @Test
    void powerOfTwoBoolTensorsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MASK.pow(OTHER));
        assertEquals("pow: not implemented for two bool tensors (PyTorch: \"pow\" not implemented for 'Bool'); convert the "
                + "base with toLong() or toFloat() first", e.getMessage());
    }

    @Test
    void integerNegAbsReluAndWholeClampStayInt64ButBoolAbsAndReluAreRefused() {
        // torch 1.13: -l, l.abs(), relu(l), l.clamp(-1, 1) are int64; l.clamp(0.5, 1.5) float32; abs/relu of bool raise
        Tensor l = Tensor.of(new long[] {-2, 3});
        assertArrayEquals(new long[] {2, -3}, l.neg().toLongArray());
        assertArrayEquals(new long[] {2, 3}, l.abs().toLongArray());
        assertArrayEquals(new long[] {0, 3}, l.relu().toLongArray());
        assertArrayEquals(new long[] {-1, 1}, l.clamp(-1, 1).toLongArray());
        assertEquals(DType.FLOAT32, l.clamp(0.5, 1.5).dtype());
        assertThrows(IllegalArgumentException.class, MASK::abs);
        assertThrows(IllegalArgumentException.class, MASK::relu);
    }

    @Test
    void integerPowersOfATensorExponentWrapOrTruncateAsPyTorch() {
        // torch 1.13: tensor([2,1,-1,-1,0]).pow(tensor([-1,-3,-2,-3,-1])) -> [0, 1, 1, -1, 0]; (-1)**inf = 1
        Tensor base = Tensor.of(new long[] {2, 1, -1, -1, 0}), exponent = Tensor.of(new long[] {-1, -3, -2, -3, -1});
        assertArrayEquals(new long[] {0, 1, 1, -1, 0}, base.pow(exponent).toLongArray());
        assertArrayEquals(new double[] {1, 1}, Tensor.of(DType.FLOAT64, -1, 1).pow(Double.POSITIVE_INFINITY).toDoubleArray());
    }

    @Test
    void softmaxOfIntegersIsRefusedUnlessEmpty() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.of(new long[] {1, 2}).softmax(0));
        assertEquals("softmax: not implemented for int64 tensors (PyTorch: \"softmax_lastdim_kernel_impl\" not implemented "
                + "for 'Long'); convert with toFloat() first", e.getMessage());
        assertEquals(DType.INT64, Tensor.zeros(DType.INT64, 0).logSoftmax(0).dtype());  // torch: no kernel runs
    }

    private static void assertBools(boolean[] expected, Tensor actual) {
        assertEquals(DType.BOOL, actual.dtype());
        double[] d = new double[expected.length];
        for (int i = 0; i < d.length; i++) d[i] = expected[i] ? 1 : 0;
        assertArrayEquals(d, actual.toDoubleArray());
    }
}
