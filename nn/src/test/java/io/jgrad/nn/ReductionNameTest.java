package io.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ReductionNameTest {
    @Test
    void readsPyTorchsReductionStrings() {
        assertEquals(Reduction.NONE, Reduction.of("none"));
        assertEquals(Reduction.MEAN, Reduction.of("mean"));
        assertEquals(Reduction.SUM, Reduction.of("sum"));
        assertEquals(Reduction.BATCHMEAN, Reduction.of("batchmean"));
    }

    @Test
    void refusesOtherStringsAsPyTorchDoes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Reduction.of("Mean"));
        assertEquals("'Mean' is not a valid value for reduction; use \"none\", \"mean\" or \"sum\" (\"batchmean\" for "
                + "KLDivLoss)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Reduction.of(null));
        assertEquals("null is not a valid value for reduction; use \"none\", \"mean\" or \"sum\" (\"batchmean\" for "
                + "KLDivLoss)", e.getMessage());
    }
}
