package io.jgrad.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Every factory form takes a dtype, as {@code torch.tensor(..., dtype=)} does. */
class CreationDTypeTest {
    @Test
    void scalarOfAnyDType() {
        Tensor x = Tensor.of(0.1, DType.FLOAT64);
        assertEquals(DType.FLOAT64, x.dtype());
        assertEquals(0, x.dim());
        assertEquals(0.1, x.item());
        assertEquals(DType.INT64, Tensor.of(3.0, DType.INT64).dtype());
        assertEquals(DType.FLOAT32, Tensor.of(0.1).dtype());
    }

    @Test
    void doubleRowsOfAnyDType() {
        Tensor x = Tensor.of(new double[][] {{0.1, 0.2, 0.3}, {0.4, 0.5, 0.6}}, DType.FLOAT64);
        assertEquals(DType.FLOAT64, x.dtype());
        assertArrayEquals(new int[] {2, 3}, x.shape());
        assertArrayEquals(new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6}, x.toDoubleArray());
        assertEquals((double) 0.1f, Tensor.of(new double[][] {{0.1}}).toDoubleArray()[0]);
        assertEquals(DType.FLOAT32, Tensor.of(new double[][] {{0.1}}).dtype());
    }

    @Test
    void longRowsOfAnyDTypeKeepLargeValuesInInt64() {
        long big = (1L << 53) + 1;
        Tensor x = Tensor.of(new long[][] {{big, 2}});
        assertEquals(DType.INT64, x.dtype());
        assertEquals(big, x.toLongArray()[0]);
        Tensor f = Tensor.of(new long[][] {{1, 2}, {3, 4}}, DType.FLOAT64);
        assertEquals(DType.FLOAT64, f.dtype());
        assertArrayEquals(new double[] {1, 2, 3, 4}, f.toDoubleArray());
    }

    /** Expected values from PyTorch 1.13: (a == b, a > b) and the sum, for int64 past 2^53. */
    @Test
    void int64ComparesAndSumsExactlyPast2To53() {
        Tensor a = Tensor.of(new long[] {(1L << 53) + 1, (1L << 62) + 1}), b = Tensor.of(new long[] {1L << 53, 1L << 62});
        assertArrayEquals(new boolean[] {false, false}, a.eq(b).toBooleanArray());
        assertArrayEquals(new boolean[] {true, true}, a.gt(b).toBooleanArray());
        assertEquals(4620693217682128897L, Tensor.of(new long[] {1L << 53, 1, 1L << 62}).sum().toLongArray()[0]);
    }

    @Test
    void raggedRowsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.of(new double[][] {{1, 2}, {3}}, DType.FLOAT64));
        assertEquals("of: expected a rectangular array; row 0 has 2 elements but row 1 has 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.of(new long[][] {{1}, {2, 3}}, DType.FLOAT32));
        assertEquals("of: expected a rectangular array; row 0 has 1 elements but row 1 has 2", e.getMessage());
    }

    @Test
    void booleanVarargs() {
        Tensor b = Tensor.of(true, false, true);
        assertEquals(DType.BOOL, b.dtype());
        assertArrayEquals(new int[] {3}, b.shape());
    }
}
