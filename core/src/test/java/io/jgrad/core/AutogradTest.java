package io.jgrad.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Graph semantics: accumulation, retention, no-grad, detach, retainGrad, versions, depth. */
class AutogradTest {
    private static Tensor leaf(double... v) {
        return Tensor.of(DType.FLOAT64, v).requiresGrad(true);
    }

    @Test
    void gradientsAccumulateAcrossBackwardCalls() {
        Tensor x = leaf(1, 2, 3);
        x.mul(2.0).sum().backward();
        x.mul(2.0).sum().backward();
        assertArrayEquals(new double[] {4, 4, 4}, x.grad().toDoubleArray());
        x.zeroGrad();
        assertNull(x.grad());
    }

    @Test
    void anExistingGradientIsAddedIntoInPlaceAsPyTorchDoes() {
        // torch: g = x.grad; (x*2).sum().backward(); x.grad is g -> True, and g holds the sum
        Tensor x = leaf(1, 2);
        Tensor assigned = Tensor.of(DType.FLOAT64, 10, 20);
        x.setGrad(assigned);
        x.mul(2.0).sum().backward();
        assertSame(assigned, x.grad());
        assertArrayEquals(new double[] {12, 22}, assigned.toDoubleArray());
        Tensor y = leaf(1, 2);
        y.mul(3.0).sum().backward();  // adopted from the op: summed out of place once, then reused
        y.mul(3.0).sum().backward();
        Tensor buffer = y.grad();
        y.mul(3.0).sum().backward();
        assertSame(buffer, y.grad());
        assertArrayEquals(new double[] {9, 9}, buffer.toDoubleArray());
    }

    @Test
    void aLeafUsedTwiceGetsBothContributions() {
        Tensor x = leaf(3);
        x.mul(x).add(x).sum().backward();  // d(x² + x)/dx = 2x + 1
        assertArrayEquals(new double[] {7}, x.grad().toDoubleArray());
    }

    @Test
    void gradientsDoNotShareStorage() {
        Tensor a = leaf(1, 2), b = leaf(3, 4);
        a.add(b).sum().backward();  // Add hands the same gradient to both inputs
        try (var g = Tensor.noGrad()) {
            a.grad().muli(10.0);
        }
        assertArrayEquals(new double[] {1, 1}, b.grad().toDoubleArray());
        Tensor seed = Tensor.of(DType.FLOAT64, 5, 6);
        Tensor c = leaf(0, 0);
        c.mul(1.0).backward(seed);
        try (var g = Tensor.noGrad()) {
            c.grad().zeroi();
        }
        assertArrayEquals(new double[] {5, 6}, seed.toDoubleArray(), "the caller's gradient tensor must not be aliased");
    }

    @Test
    void retainGraphAllowsASecondBackward() {
        Tensor x = leaf(0.5);
        Tensor y = x.exp().sum();
        y.backward(Tensor.of(DType.FLOAT64, 1).reshape(), true);
        y.backward();
        assertEquals(2 * Math.exp(0.5), x.grad().item(), 1e-12);
        IllegalStateException e = assertThrows(IllegalStateException.class, y::backward);
        assertTrue(e.getMessage().startsWith("Trying to backward through the graph a second time"), e.getMessage());
    }

    @Test
    void opsThatSaveNothingCanBackwardTwice() {
        Tensor a = leaf(1, 2), b = leaf(3, 4);
        Tensor s = a.add(b).sum();
        s.backward();
        s.backward();
        assertArrayEquals(new double[] {2, 2}, a.grad().toDoubleArray());
    }

    @Test
    void nonScalarOutputsNeedAGradient() {
        Tensor x = leaf(1, 2);
        Tensor y = x.mul(x);
        IllegalStateException e = assertThrows(IllegalStateException.class, y::backward);
        assertTrue(e.getMessage().contains("grad can be implicitly created only for scalar outputs"));
        y.backward(Tensor.of(DType.FLOAT64, 1, 10));
        assertArrayEquals(new double[] {2, 40}, x.grad().toDoubleArray());
    }

    @Test
    void noGradRecordsNothingAndRestores() {
        Tensor x = leaf(1);
        try (var g = Tensor.noGrad()) {
            Tensor y = x.mul(2.0);
            assertFalse(y.requiresGrad());
            assertNull(y.gradFn());
            assertFalse(Tensor.isGradEnabled());
            try (var e = Tensor.enableGrad()) {
                assertTrue(x.mul(2.0).requiresGrad());
            }
            assertFalse(Tensor.isGradEnabled());
        }
        assertTrue(Tensor.isGradEnabled());
        assertTrue(x.mul(2.0).requiresGrad());
    }

    @Test
    void noGradIsPerThread() throws Exception {
        try (var g = Tensor.noGrad()) {
            boolean other = CompletableFuture.supplyAsync(Tensor::isGradEnabled).get();
            assertTrue(other);
        }
    }

    @Test
    void detachSharesStorageButCutsTheGraph() {
        Tensor x = leaf(1, 2);
        Tensor d = x.mul(3.0).detach();
        assertFalse(d.requiresGrad());
        assertTrue(d.isLeaf());
        Tensor y = x.detach();
        y.fill(7);  // shares x's storage, as in PyTorch
        assertArrayEquals(new double[] {7, 7}, x.toDoubleArray());
    }

    @Test
    void retainGradKeepsANonLeafGradient() {
        Tensor x = leaf(1, 2);
        Tensor h = x.mul(2.0);
        Tensor k = x.mul(3.0);
        h.retainGrad();
        h.mul(h).sum().add(k.sum()).backward();
        assertTrue(h.retainsGrad());
        assertArrayEquals(new double[] {4, 8}, h.grad().toDoubleArray());  // d(h²)/dh = 2h
        assertNull(k.grad());
        assertArrayEquals(new double[] {11, 19}, x.grad().toDoubleArray());  // 8x + 3
    }

    @Test
    void inPlaceChangeOfASavedTensorIsCaught() {
        Tensor a = leaf(1, 2);
        Tensor b = Tensor.of(DType.FLOAT64, 3, 4);
        Tensor y = a.mul(b).sum();
        b.muli(2.0);  // b needs no grad, so this is allowed, but MulBackward0 saved it
        IllegalStateException e = assertThrows(IllegalStateException.class, y::backward);
        assertTrue(e.getMessage().contains("modified by an inplace operation"), e.getMessage());
        assertTrue(e.getMessage().contains("MulBackward0") && e.getMessage().contains("is at version 1; expected version 0"),
                e.getMessage());
    }

    @Test
    void viewsShareTheVersionCounter() {
        Tensor a = leaf(1, 2, 3, 4);
        Tensor y = a.log().sum();  // LogBackward0 saves its input
        try (var g = Tensor.noGrad()) {
            a.reshape(2, 2).addi(1.0);
        }
        assertThrows(IllegalStateException.class, y::backward);
    }

    @Test
    void optimizerStyleUpdateUnderNoGrad() {
        Tensor w = leaf(1, -1);
        for (int step = 0; step < 3; step++) {
            w.mul(w).sum().backward();
            try (var g = Tensor.noGrad()) {
                w.addi(w.grad(), -0.25);
            }
            w.zeroGrad();
        }
        assertArrayEquals(new double[] {0.125, -0.125}, w.toDoubleArray(), 1e-15);
    }

    @Test
    void aHundredThousandOpChainDoesNotOverflowTheStack() {
        Tensor x = leaf(1);
        Tensor y = x;
        for (int i = 0; i < 100_000; i++) y = y.mul(1.0);
        y.sum().backward();
        assertEquals(1.0, x.grad().item());
    }

    @Test
    void gradFnsAreNamedLikePyTorch() {
        Tensor x = leaf(1, 2).reshape(1, 2);
        assertEquals("ReshapeAliasBackward0", x.gradFn().name());
        assertEquals("MulBackward0", x.mul(2.0).gradFn().name());
        assertEquals("LogSoftmaxBackward0", x.logSoftmax(1).gradFn().name());
        assertEquals("MmBackward0", x.matmul(x.t()).gradFn().name());
        assertEquals("<SumBackward0>", x.sum().gradFn().toString());
        assertTrue(leaf(1).isLeaf());
        assertFalse(x.isLeaf());
    }

    @Test
    void broadcastGradientsAreSummedToTheInputShape() {
        Tensor w = Tensor.ones(DType.FLOAT64, 3, 2).requiresGrad(true);
        Tensor b = Tensor.zeros(DType.FLOAT64, 2).requiresGrad(true);
        Tensor x = Tensor.ones(DType.FLOAT64, 4, 3);
        x.matmul(w).add(b).sum().backward();
        assertArrayEquals(new int[] {2}, b.grad().shape());
        assertArrayEquals(new double[] {4, 4}, b.grad().toDoubleArray());
    }

    @Test
    void promotedGradientsComeBackInTheLeafDtype() {
        Tensor a = Tensor.of(1, 2).requiresGrad(true);  // float32
        Tensor b = Tensor.of(DType.FLOAT64, 3, 4);
        Tensor y = a.mul(b);
        assertEquals(DType.FLOAT64, y.dtype());
        y.sum().backward();
        assertEquals(DType.FLOAT32, a.grad().dtype());
        assertArrayEquals(new float[] {3, 4}, a.grad().toFloatArray());
    }

    @Test
    void resultsOfOpsWithoutGradInputsAreLeaves() {
        Tensor y = Tensor.of(1, 2).mul(2.0);
        assertFalse(y.requiresGrad());
        assertTrue(y.isLeaf());
        assertTrue(y.requiresGrad(true).requiresGrad());
    }

    @Test
    void customOpsPlugIntoTheGraph() {
        class Cube extends Op {
            @Override
            protected Tensor forward(Tensor... x) {
                save(x[0]);
                return x[0].pow(3);
            }

            @Override
            protected Tensor[] backward(Tensor g) {
                return new Tensor[] {g.mul(saved(0).pow(2)).mul(3.0)};
            }
        }
        Tensor x = leaf(2);
        Tensor y = new Cube().apply(x);
        assertEquals("CubeBackward", y.gradFn().name());
        y.sum().backward();
        assertEquals(12.0, x.grad().item());
        assertTrue(GradCheck.check(in -> new Cube().apply(in[0]), leaf(0.3, -1.2)));
    }

    @Test
    void forwardThatReturnsItsInputDoesNotRewireTheInput() {
        class Identity extends Op {
            @Override
            protected Tensor forward(Tensor... x) {
                return x[0];
            }

            @Override
            protected Tensor[] backward(Tensor g) {
                return new Tensor[] {g};
            }
        }
        Tensor x = leaf(1);
        Tensor y = new Identity().apply(x);
        assertNotSame(x, y);
        assertTrue(x.isLeaf());
        y.sum().backward();
        assertEquals(1.0, x.grad().item());
    }

    @Test
    void emptyTensorsFlowThroughMatmul() {
        Tensor x = Tensor.zeros(2, 0).requiresGrad(true);
        Tensor y = x.matmul(Tensor.ones(0, 3));
        assertArrayEquals(new double[6], y.toDoubleArray());
        y.sum().backward();
        assertArrayEquals(new int[] {2, 0}, x.grad().shape());
        assertEquals("tensor([], size=[2, 0])", x.grad().toString());
        assertEquals("tensor([], size=[0, 3])", Tensor.zeros(0, 2).matmul(Tensor.ones(2, 3)).toString());
    }

    @Test
    void toTypeOfTheSameDtypeIsTheTensorItself() {
        Tensor x = leaf(1);
        assertSame(x, x.to(DType.FLOAT64));
        assertEquals("ToCopyBackward0", x.toFloat().gradFn().name());
    }
}
