package io.jgrad.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Tensor.detectAnomaly(), PyTorch's torch.autograd.detect_anomaly(): NaN and inf gradients named at their source. */
class AnomalyTest {
    @Test
    void nanFromSqrtOfANegativeNamesTheOpShapesAndLine() {
        Tensor x = Tensor.of(DType.FLOAT64, -1, 4, 9).requiresGrad(true);
        IllegalStateException e;
        try (var a = Tensor.detectAnomaly()) {
            int line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
            Tensor loss = x.sqrt().sum();
            e = assertThrows(IllegalStateException.class, loss::backward);
            String m = e.getMessage();
            assertTrue(m.startsWith("Function 'SqrtBackward0' returned nan values in its 0th output"), m);
            assertTrue(m.contains("[[3]]"), m);
            assertTrue(m.contains("AnomalyTest.java:" + line + " "), m);
        }
    }

    @Test
    void nanFromZeroTimesInfinityIsCaughtAtTheNextOp() {
        Tensor x = Tensor.of(DType.FLOAT64, 0, 1).requiresGrad(true);
        Tensor y = Tensor.of(DType.FLOAT64, Double.POSITIVE_INFINITY, 1).requiresGrad(true);
        try (var a = Tensor.detectAnomaly()) {
            int line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
            Tensor loss = x.mul(y).log().sum();
            String m = assertThrows(IllegalStateException.class, loss::backward).getMessage();
            assertTrue(m.startsWith("Function 'LogBackward0' returned nan values in its 0th output"), m);
            assertTrue(m.contains("AnomalyTest.java:" + line + " "), m);
        }
    }

    @Test
    void infinityInAGradientIsCaughtWithItsOutputIndex() {
        Tensor x = Tensor.of(DType.FLOAT64, 0, 1).requiresGrad(true);
        Tensor y = Tensor.of(DType.FLOAT64, 2, Double.POSITIVE_INFINITY).requiresGrad(true);
        try (var a = Tensor.detectAnomaly()) {
            Tensor loss = y.mul(x).sum();
            String m = assertThrows(IllegalStateException.class, loss::backward).getMessage();
            assertTrue(m.startsWith("Function 'MulBackward0' returned inf values in its 1th output"), m);
            assertTrue(m.contains("[[2], [2]]"), m);
        }
    }

    @Test
    void cleanRunIsUnchangedAndOutsideTheScopeNothingIsChecked() {
        Tensor x = Tensor.of(DType.FLOAT64, 1, 4, 9).requiresGrad(true);
        try (var a = Tensor.detectAnomaly()) {
            x.sqrt().sum().backward();
        }
        assertArrayEquals(new double[] {0.5, 0.25, 1 / 6.0}, x.grad().toDoubleArray(), 1e-15);
        Tensor neg = Tensor.of(DType.FLOAT64, -1).requiresGrad(true);
        neg.sqrt().sum().backward();
        assertTrue(Double.isNaN(neg.grad().item()));
    }

    @Test
    void scopesNestAndRestore() {
        assertFalse(Tensor.isAnomalyEnabled());
        try (var outer = Tensor.detectAnomaly()) {
            try (var inner = Tensor.detectAnomaly()) {
                assertTrue(Tensor.isAnomalyEnabled());
            }
            assertTrue(Tensor.isAnomalyEnabled());
            try (var g = Tensor.noGrad()) {
                assertTrue(Tensor.isAnomalyEnabled());
                assertFalse(Tensor.isGradEnabled());
            }
            assertTrue(Tensor.isGradEnabled());
        }
        assertFalse(Tensor.isAnomalyEnabled());
    }

    @Test
    void backwardInTheScopeOfAGraphBuiltOutsideSaysWhereIsUnknown() {
        Tensor x = Tensor.of(DType.FLOAT64, -1).requiresGrad(true);
        Tensor loss = x.sqrt().sum();
        try (var a = Tensor.detectAnomaly()) {
            String m = assertThrows(IllegalStateException.class, loss::backward).getMessage();
            assertTrue(m.contains("not recorded"), m);
        }
    }
}
