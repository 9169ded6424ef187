package io.jgrad.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.core.kernel.Parallel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Intra-op threads: every kernel that splits work gives the same bits on 1 and 2 threads, and the
 * thread setting is validated. Sizes are above Parallel.GRAIN (32,768 elements) so the split happens.
 */
class ParallelTest {
    private int before;

    @BeforeEach
    void remember() {
        before = Tensor.getNumThreads();
    }

    @AfterEach
    void restore() {
        Tensor.setNumThreads(before);
    }

    /** The flattened outputs of {@code program} on 1 thread and on 2, which must be bit-identical. */
    private static void sameOnOneAndTwoThreads(Supplier<List<Tensor>> program) {
        Tensor.setNumThreads(1);
        List<Tensor> one = program.get();
        Tensor.setNumThreads(2);
        List<Tensor> two = program.get();
        assertEquals(one.size(), two.size());
        for (int i = 0; i < one.size(); i++) {
            assertArrayEquals(one.get(i).shape(), two.get(i).shape(), "output " + i);
            assertArrayEquals(one.get(i).toDoubleArray(), two.get(i).toDoubleArray(), 0.0, "output " + i);
        }
    }

    @Test
    void elementwiseReductionsAndCopiesAgree() {
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            sameOnOneAndTwoThreads(() -> {
                Generator g = new Generator(7);
                Tensor x = Tensor.randn(g, 300, 257).to(dtype), y = Tensor.randn(g, 257).to(dtype);
                Tensor big = Tensor.randn(g, 3, 70_001).to(dtype);
                return List.of(x.add(y), x.mul(x), x.sub(1.5), x.relu(), x.tanh(), x.exp(), x.gt(y).toFloat(),
                        x.sum(0), x.sum(1), x.sum(), x.mean(), big.sum(), big.sum(1), big.sum(0), x.t(),
                        x.unsqueeze(0).expand(2, 300, 257).sum(0));
            });
        }
    }

    @Test
    void forwardAndBackwardAgree() {
        sameOnOneAndTwoThreads(() -> {
            Generator g = new Generator(3);
            Tensor w = Tensor.randn(g, 512, 300).requiresGrad(true), b = Tensor.randn(g, 300).requiresGrad(true);
            Tensor x = Tensor.randn(g, 512, 300);
            Tensor y = Tensor.randint(g, 0, 300, 512);
            Tensor loss = x.mul(w).add(b).relu().tanh().logSoftmax(1).gather(1, y.unsqueeze(1)).mean().neg();
            loss.backward();
            return List.of(loss, w.grad(), b.grad());
        });
    }

    /** Matrix products split into blocks by shape, so a whole training step has the same bits too. */
    @Test
    void aTrainingStepAgrees() {
        sameOnOneAndTwoThreads(ParallelTest::trainingSteps);
    }

    private static List<Tensor> trainingSteps() {
        Generator g = new Generator(3);
        Tensor w1 = Tensor.randn(g, 784, 256).mul(0.05).requiresGrad(true);
        Tensor b1 = Tensor.zeros(256).requiresGrad(true);
        Tensor w2 = Tensor.randn(g, 256, 10).mul(0.05).requiresGrad(true);
        Tensor x = Tensor.randn(g, 512, 784);
        Tensor y = Tensor.randint(g, 0, 10, 512);
        List<Tensor> out = new ArrayList<>();
        for (int step = 0; step < 3; step++) {
            Tensor logits = x.matmul(w1).add(b1).relu().matmul(w2);
            Tensor loss = logits.logSoftmax(1).gather(1, y.unsqueeze(1)).mean().neg();
            loss.backward();
            try (var ng = Tensor.noGrad()) {
                for (Tensor p : List.of(w1, b1, w2)) {
                    p.addi(p.grad(), -0.1);
                    p.zeroGrad();
                }
            }
            out.add(loss);
        }
        out.addAll(List.of(w1, b1, w2));
        return out;
    }

    @Test
    void theSettingIsValidatedAndReadBack() {
        Tensor.setNumThreads(1);
        assertEquals(1, Tensor.getNumThreads());
        Tensor.setNumThreads(3);
        assertEquals(3, Tensor.getNumThreads());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.setNumThreads(0));
        assertTrue(e.getMessage().contains("must be positive, got 0"), e.getMessage());
        assertEquals(3, Tensor.getNumThreads());
    }

    /**
     * Workers join the top-level thread group, not their creator's: JShell's local engine (and any
     * code that joins a thread group's threads) would otherwise wait forever for workers that never end.
     */
    @Test
    void workersDoNotJoinTheCreatorsThreadGroup() throws Exception {
        ThreadGroup group = new ThreadGroup("creator");
        Thread creator = new Thread(group, () -> Tensor.setNumThreads(before + 1));
        creator.start();
        creator.join();
        Thread[] threads = new Thread[group.activeCount() + 8];
        int n = group.enumerate(threads);
        for (int i = 0; i < n; i++) {
            assertTrue(!threads[i].getName().startsWith("jgrad-intraop"), threads[i] + " joined the creator's group");
        }
        assertEquals(before + 1, Tensor.getNumThreads());
    }

    @Test
    void aFailureInAnyPartReachesTheCaller() {
        Tensor.setNumThreads(2);
        int n = 16 * Parallel.GRAIN;
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parallel.forRange(n, (from, to) -> {
            if (to == n) throw new IllegalStateException("last part failed");
        }));
        assertEquals("last part failed", e.getMessage());
        int[] covered = new int[n];
        Parallel.forRange(n, (from, to) -> {
            for (int i = from; i < to; i++) covered[i]++;
        });
        for (int i = 0; i < n; i++) assertEquals(1, covered[i], "element " + i);
    }

    @Test
    void aProductSeesAnOperandChangedInPlace() {
        // The GEMM keeps copies of recent operands; a version bump must invalidate them.
        Tensor a = Tensor.randn(64, 300), b = Tensor.randn(300, 40);
        Tensor first = a.matmul(b);
        try (var g = Tensor.noGrad()) {
            b.muli(2.0);
        }
        assertArrayEquals(first.mul(2.0).toFloatArray(), a.matmul(b).toFloatArray(), 1e-4f);
        Tensor batched = Tensor.randn(5, 64, 300);  // one resident copy, read at five offsets
        Tensor product = batched.matmul(Tensor.randn(5, 300, 40));
        for (int i = 0; i < 5; i++) {
            Tensor expected = batched.select(0, i).matmul(Tensor.ones(300, 40));
            Tensor got = batched.matmul(Tensor.ones(300, 40)).select(0, i);
            assertArrayEquals(expected.toFloatArray(), got.toFloatArray(), 1e-4f, "batch " + i);
        }
        assertArrayEquals(new int[] {5, 64, 40}, product.shape());
    }
}
