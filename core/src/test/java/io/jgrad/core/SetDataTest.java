package io.jgrad.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SetDataTest {
    @Test
    void replacesValuesAndDtypeKeepingTheObject() {
        Tensor t = Tensor.of(1, 2).requiresGrad(true);
        assertSame(t, t.setData(Tensor.of(DType.FLOAT64, 3, 4)));
        assertEquals(DType.FLOAT64, t.dtype());
        assertArrayEquals(new double[] {3, 4}, t.toDoubleArray());
        t.mul(2).sum().backward();
        assertEquals(DType.FLOAT64, t.grad().dtype());
    }

    @Test
    void refusesWhatPyTorchWouldNotKeepConsistent() {
        Tensor t = Tensor.of(1, 2).requiresGrad(true);
        assertEquals("setData: src has shape [3] but this tensor has [2]",
                assertThrows(IllegalArgumentException.class, () -> t.setData(Tensor.of(1, 2, 3))).getMessage());
        assertEquals("setData: this tensor requires grad, so its data must be floating point; got int64",
                assertThrows(IllegalArgumentException.class, () -> t.setData(Tensor.of(new long[] {1, 2})))
                        .getMessage());
        Tensor y = t.mul(2);
        assertThrows(IllegalArgumentException.class, () -> y.setData(Tensor.of(1, 2)));
        assertThrows(NullPointerException.class, () -> t.setData(null));
    }
}
