package io.jgrad.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The fused in-place updates optimizers use: same values as the out-of-place forms, versions bumped. */
class InPlaceTest {
    private final Tensor a = Tensor.of(DType.FLOAT64, 1, 2, 3), b = Tensor.of(DType.FLOAT64, 4, 5, 6);
    private final Tensor c = Tensor.of(DType.FLOAT64, 0.5, 0.25, 2);

    @Test
    void addiWithAlpha() {
        double[] expected = a.add(b.mul(-0.5)).toDoubleArray();
        int before = a.version();
        assertArrayEquals(expected, a.addi(b, -0.5).toDoubleArray(), 0.0);
        assertEquals(before + 1, a.version());
        Tensor f = Tensor.of(1, 2);
        f.addi(Tensor.of(DType.FLOAT64, 0.5, 0.5), 2);  // float64 other into float32 self, as PyTorch allows
        assertArrayEquals(new float[] {2, 3}, f.toFloatArray());
        Tensor m = Tensor.zeros(DType.FLOAT64, 2, 3);
        m.addi(Tensor.of(DType.FLOAT64, 1, 2, 3), 2);  // broadcast path
        assertArrayEquals(new double[] {2, 4, 6, 2, 4, 6}, m.toDoubleArray(), 0.0);
    }

    @Test
    void addcmuliAndAddcdivi() {
        assertArrayEquals(a.add(b.mul(c).mul(0.1)).toDoubleArray(), a.clone().addcmuli(b, c, 0.1).toDoubleArray(), 1e-15);
        assertArrayEquals(a.add(b.div(c).mul(-2)).toDoubleArray(), a.clone().addcdivi(b, c, -2).toDoubleArray(), 1e-15);
    }

    @Test
    void refusedWhereAutogradWouldBreak() {
        Tensor leaf = Tensor.of(DType.FLOAT64, 1, 2, 3).requiresGrad(true);
        assertThrows(IllegalStateException.class, () -> leaf.addcmuli(b, c, 1));
        assertThrows(IllegalStateException.class, () -> leaf.addi(b, 0.1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> a.addcdivi(b, Tensor.ones(DType.FLOAT64, 2), 1));
        assertTrue(e.getMessage().contains("addcdivi: tensor1 [3] and tensor2 [2] must have this tensor's shape [3]"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(new long[] {1}).addcmuli(b, c, 1));
        try (var g = Tensor.noGrad()) {
            leaf.addcdivi(b, c, 1);
        }
        assertEquals(1 + 4 / 0.5, leaf.toDoubleArray()[0]);
    }

    @Test
    void indexMaskAndConditionAreVersionChecked() {
        Tensor row = Tensor.of(DType.FLOAT64, 1, 2, 3).reshape(1, 3), flat = Tensor.of(DType.FLOAT64, 1, 2, 3);
        assertStale("GatherBackward0", row, (x, i) -> x.gather(1, i), Tensor.of(new long[] {0, 1}).reshape(1, 2));
        assertStale("ScatterAddBackward0", row, (x, i) -> x.scatterAdd(1, i, x), Tensor.of(new long[] {0, 1, 2}).reshape(1, 3));
        assertStale("IndexSelectBackward0", row, (x, i) -> x.indexSelect(1, i), Tensor.of(new long[] {2, 0}));
        Tensor mask = flat.gt(1.5);
        assertStale("MaskedFillBackward0", flat, (x, m) -> x.maskedFill(m, 0.0), mask);
        assertStale("WhereBackward0", flat, (x, m) -> Tensor.where(m, x, Tensor.zeros(DType.FLOAT64, 3)), flat.gt(1.5));
    }

    /** A residual changed in place after the forward pass must fail backward, as PyTorch's version counter does. */
    private static void assertStale(String op, Tensor data, java.util.function.BiFunction<Tensor, Tensor, Tensor> f,
            Tensor residual) {
        Tensor x = data.clone().requiresGrad(true);
        Tensor out = f.apply(x, residual).sum();
        residual.copyFrom(residual.logicalNot().to(residual.dtype()));
        IllegalStateException e = assertThrows(IllegalStateException.class, out::backward, op);
        assertTrue(e.getMessage().contains("modified by an inplace operation") && e.getMessage().contains(op), e.getMessage());
    }
}
