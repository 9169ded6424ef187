package io.jgrad.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Tensor comparison at the project's tolerances: float64 to 1e-10 relative, float32 to 1e-5
 * (|actual - expected| <= atol + rtol * |expected|, atol = rtol for float32, 1e-12 for float64).
 */
public final class TensorAssert {
    private TensorAssert() {}

    public static void assertClose(Tensor expected, Tensor actual, String what) {
        assertClose(expected, actual, what, false);
    }

    /** {@code float32Path}: the value went through float32 on its way, so float64 results get float32's tolerance. */
    public static void assertClose(Tensor expected, Tensor actual, String what, boolean float32Path) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        assertEquals(expected.dtype(), actual.dtype(), what + ": dtype");
        assertEquals(expected.device(), actual.device(), what + ": device");
        boolean f32 = float32Path || expected.dtype() == DType.FLOAT32;
        assertClose(expected.toDoubleArray(), actual.toDoubleArray(), f32 ? 1e-5 : 1e-10, f32 ? 1e-5 : 1e-12, what);
    }

    public static void assertClose(double[] expected, double[] actual, double rtol, double atol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i], a = actual[i];
            if (Double.isNaN(e) || Double.isInfinite(e)) {
                assertEquals(e, a, what + " at " + i);
                continue;
            }
            if (!(Math.abs(a - e) <= atol + rtol * Math.abs(e))) {  // negated so a NaN result fails too
                throw new AssertionError(String.format("%s at flat index %d: expected %.17g but got %.17g (|diff| %.3g)",
                        what, i, e, a, Math.abs(a - e)));
            }
        }
    }
}
