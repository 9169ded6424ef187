package io.jgrad.core;

import static io.jgrad.core.TensorAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The fused primitives beyond what the PyTorch fixtures of the nn losses cover: large inputs that
 * split across threads, the graph node, and argument checking for direct callers.
 */
class FusedTest {
    private static final Generator G = new Generator(7);

    /** N = 20000 lanes of C = 10, a few ignored: several parallel chunks, forward and backward. */
    private static Tensor[] large(DType dtype) {
        Tensor x = Tensor.randn(G, 20000, 10).mul(3.0).to(dtype);
        Tensor y = Tensor.randint(G, 0, 10, 20000);
        Tensor skip = Tensor.rand(G, 20000).lt(0.05);
        return new Tensor[] {x, y.maskedFill(skip, -1.0), Tensor.rand(G, 10).add(0.5).to(dtype)};
    }

    /** Loss and logit gradient of one run, with {@code threads} intra-op threads. */
    private static Tensor[] run(int threads, Tensor[] data, String reduction) {
        int previous = Tensor.getNumThreads();
        Tensor.setNumThreads(threads);
        try {
            Tensor x = data[0].detach().requiresGrad(true);
            Tensor loss = Fused.crossEntropy(x, data[1], data[2], -1, reduction);
            loss.backward(Tensor.onesLike(loss).mul(0.75));
            return new Tensor[] {loss, x.grad()};
        } finally {
            Tensor.setNumThreads(previous);
        }
    }

    @Test
    void crossEntropyHasTheSameBitsOnOneAndTwoThreads() {
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Tensor[] data = large(dtype);
            for (String reduction : new String[] {"none", "mean", "sum"}) {
                Tensor[] one = run(1, data, reduction), two = run(2, data, reduction);
                String what = dtype + " " + reduction;
                assertArrayEquals(one[0].toDoubleArray(), two[0].toDoubleArray(), what + " loss");
                assertArrayEquals(one[1].toDoubleArray(), two[1].toDoubleArray(), what + " gradient");
            }
        }
    }

    @Test
    void largeCrossEntropyMatchesTheComposedOps() {
        Tensor[] data = large(DType.FLOAT64);
        Tensor x = data[0].detach().requiresGrad(true), y = data[1];
        Tensor ignored = y.eq(-1.0), safe = y.maskedFill(ignored, 0.0);
        Tensor w = data[2].indexSelect(0, safe).maskedFill(ignored, 0.0);
        Tensor picked = x.logSoftmax(1).gather(1, safe.unsqueeze(1)).squeeze(1);
        Tensor expected = picked.mul(w).neg().sum().div(w.sum());
        expected.backward();
        Tensor expectedGrad = x.grad();

        Tensor x2 = data[0].detach().requiresGrad(true);
        Tensor loss = Fused.crossEntropy(x2, y, data[2], -1, "mean");
        loss.backward();
        assertClose(expected.detach(), loss.detach(), "mean loss");
        assertClose(expectedGrad, x2.grad(), "gradient");
    }

    @Test
    void crossEntropyIsOneGraphNodeAndTheWeightGetsNoGradient() {
        Tensor x = Tensor.randn(G, 3, 4).requiresGrad(true);
        Tensor loss = Fused.crossEntropy(x, Tensor.of(new long[] {0, 3, 1}), Tensor.ones(4), -100, "mean");
        assertEquals("NllLossBackward0", loss.gradFn().name());
        loss.backward();
        assertArrayEquals(new int[] {3, 4}, x.grad().shape());

        Tensor learned = Tensor.ones(4).requiresGrad(true);
        Tensor y = Tensor.of(new long[] {0, 3, 1});
        String msg = message(() -> Fused.crossEntropy(x, y, learned, -100, "mean"));
        assertTrue(msg.contains("weight requires grad") && msg.contains("weight.detach()"), msg);
        try (var g = Tensor.noGrad()) {
            Fused.crossEntropy(x, y, learned, -100, "mean");  // nothing recorded, nothing to refuse
        }
        assertNull(learned.grad());
    }

    @Test
    void crossEntropyExplainsBadArguments() {
        Tensor x = Tensor.randn(G, 4, 5), y = Tensor.of(new long[] {0, 1, 2, 3});
        assertContains(message(() -> Fused.crossEntropy(x, y, null, -100, "avg")),
                "reduction must be \"none\", \"mean\" or \"sum\"", "got \"avg\"");
        assertContains(message(() -> Fused.crossEntropy(y.reshape(2, 2), Tensor.of(new long[] {0, 1}), null, -100,
                "mean")), "input must be floating point", "int64", "toFloat()");
        assertContains(message(() -> Fused.crossEntropy(Tensor.of(1.0), Tensor.of(new long[] {0}).squeeze(), null,
                -100, "mean")), "input must have a class dimension", "0-dim");
        assertContains(message(() -> Fused.crossEntropy(x, y.toFloat(), null, -100, "mean")),
                "target must be int64 class indices", "float32", "[4]", "target.toLong()");
        assertContains(message(() -> Fused.crossEntropy(x, y.unsqueeze(1), null, -100, "mean")),
                "target has shape [4, 1] but input [4, 5] expects [4]");
        assertContains(message(() -> Fused.crossEntropy(x, y, Tensor.ones(4), -100, "mean")),
                "weight tensor should be defined either for all 5 classes", "[4]");
        assertContains(message(() -> Fused.crossEntropy(x, y, Tensor.ones(5).toLong(), -100, "mean")),
                "weight must be floating point", "int64");
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> Fused.crossEntropy(x, Tensor.of(new long[] {0, 5, 1, 2}), null, -100, "mean"));
        assertContains(e.getMessage(), "target 5 at position 1", "5 classes", "ignoreIndex");
        Fused.crossEntropy(x, Tensor.of(new long[] {0, -7, 1, 2}), null, -7, "mean");  // an ignored label may be any value
    }

    private static String message(Executable call) {
        return assertThrows(IllegalArgumentException.class, call).getMessage();
    }

    private static void assertContains(String message, String... fragments) {
        for (String f : fragments) assertTrue(message.contains(f), () -> "missing \"" + f + "\" in: " + message);
    }
}
