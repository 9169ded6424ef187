package io.jgrad.core.kernel;

import static io.jgrad.core.kernel.KernelAgreement.ALL;
import static io.jgrad.core.kernel.KernelAgreement.CASES;
import static io.jgrad.core.kernel.KernelAgreement.CPU;
import static io.jgrad.core.kernel.KernelAgreement.FLOATS;
import static io.jgrad.core.kernel.KernelAgreement.ND;
import static io.jgrad.core.kernel.KernelAgreement.assertAgree;
import static io.jgrad.core.kernel.KernelAgreement.dev;
import static io.jgrad.core.kernel.KernelAgreement.exactInDouble;
import static io.jgrad.core.kernel.KernelAgreement.random;
import static io.jgrad.core.kernel.KernelAgreement.s;
import static io.jgrad.core.kernel.KernelAgreement.shape;
import static io.jgrad.core.kernel.KernelAgreement.shapeRank1;
import static io.jgrad.core.kernel.KernelAgreement.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Nd4jKernels' reductions, softmax and cross entropy against CpuKernels (rules in {@link KernelAgreement}). */
class Nd4jKernelsReduceTest {

    private static boolean[] dims(Random r, int rank) {
        boolean[] d = new boolean[rank];
        for (int i = 0; i < rank; i++) d[i] = r.nextBoolean();
        return d;
    }

    private static String ctx(Class<?> type, int c, int[] shape, Object more) {
        return type.getSimpleName() + " case " + c + " " + s(shape) + " " + more;
    }

    @Test
    void sumKeepsDimsAndSumsInt64AndBoolToInt64() {
        for (Class<?> type : ALL) {
            for (int c = 0; c < CASES; c++) {
                Random r = random(c * 79);
                int[] shape = shape(r, 4, true);
                boolean[] dims = dims(r, shape.length);
                // Ordinary values, or edges (NaN, ±inf, huge) that make the result NaN or inf.
                Object a = exactInDouble(values(r, type, Shapes.numel(shape), c % 4 == 0 ? 0.2 : 0));
                if (c % 7 == 3 && !(a instanceof boolean[])) for (int i = 0; i < Buffers.length(a); i++) Buffers.set(a, i, -0.0);
                Object da = dev(a);
                assertAgree(CPU.sum(a, shape, dims), ND.sum(da, shape, dims), ctx(type, c, shape, Arrays.toString(dims)));
                assertAgree(a, da, "input untouched");
            }
        }
    }

    /** Exact and wrapping like Java's long; the CPU kernel reads int64 through double, exact only within 2^53. */
    @Test
    void int64SumsAreExact() {
        long[] a = {Long.MAX_VALUE, 3, (1L << 60) + 1, -7, Long.MIN_VALUE + 5, (1L << 53) + 1};
        long total = 0;
        for (long v : a) total += v;
        assertAgree(new long[] {total}, ND.sum(dev(a), new int[] {6}, new boolean[] {true}), "int64 sum");
        assertAgree(new long[] {Long.MAX_VALUE + 3, (1L << 60) + 1 - 7, Long.MIN_VALUE + 5 + (1L << 53) + 1},
                ND.sum(dev(a), new int[] {3, 2}, new boolean[] {false, true}), "int64 row sums");
    }

    @Test
    void extremeLetsNanWinAndPutsNegativeZeroBelowZero() {
        for (boolean max : new boolean[] {true, false}) {
            for (Class<?> type : ALL) {
                for (int c = 0; c < CASES; c++) {
                    Random r = random(c * 83 + (max ? 1 : 0));
                    int[] shape = shape(r, 4, true);
                    boolean[] dims = dims(r, shape.length);
                    Object a = values(r, type, Shapes.numel(shape), 0.3);
                    if (c % 5 == 0) {  // zeros of both signs only, to decide the sign of a zero result
                        for (int i = 0; i < Buffers.length(a) && !(a instanceof boolean[]); i++) Buffers.set(a, i, r.nextBoolean() ? -0.0 : 0.0);
                    }
                    assertAgree(CPU.extreme(a, shape, dims, max), ND.extreme(dev(a), shape, dims, max),
                            (max ? "max " : "min ") + ctx(type, c, shape, Arrays.toString(dims)));
                }
            }
        }
    }

    @Test
    void argmaxTakesTheFirstTieAndTheFirstNan() {
        for (Class<?> type : ALL) {
            for (int c = 0; c < CASES; c++) {
                Random r = random(c * 89);
                int[] shape = shapeRank1(r, 4, false);
                int dim = r.nextInt(shape.length);
                Object a = exactInDouble(values(r, type, Shapes.numel(shape), 0.3));
                if (c % 3 == 0 && !(a instanceof boolean[])) {  // few distinct values: many ties
                    for (int i = 0; i < Buffers.length(a); i++) Buffers.set(a, i, r.nextInt(3) - 1);
                }
                assertAgree(CPU.argmax(a, shape, dim), ND.argmax(dev(a), shape, dim), ctx(type, c, shape, "dim " + dim));
            }
        }
    }

    @Test
    void softmaxAndLogSoftmaxAlongAnyDim() {
        for (boolean log : new boolean[] {false, true}) {
            for (Class<?> type : FLOATS) {
                for (int c = 0; c < CASES; c++) {
                    Random r = random(c * 97 + (log ? 1 : 0));
                    int[] shape = shapeRank1(r, 4, true);
                    int dim = r.nextInt(shape.length);
                    // Logits up to ±1000 make probabilities underflow; edges make rows NaN.
                    Object x = values(r, type, Shapes.numel(shape), c % 3 == 0 ? 0.15 : 0);
                    if (c % 4 == 1) for (int i = 0; i < Buffers.length(x); i++) Buffers.set(x, i, Buffers.get(x, i) * 10);
                    Object dx = dev(x);
                    assertAgree(CPU.softmax(x, shape, dim, log), ND.softmax(dx, shape, dim, log), (log ? "log " : "") + ctx(type, c, shape, "dim " + dim));
                    assertAgree(x, dx, "input untouched");
                }
            }
        }
    }

    @Test
    void softmaxOfAScalarAndOfRowsWithInfinities() {
        double[] rows = {1, 2, 3, 1000, 0, -1000, Double.NaN, 1, 2, Double.POSITIVE_INFINITY, 1, 2,
            Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, 1, 2};
        for (Class<?> type : FLOATS) {
            Object x = CPU.convert(rows, type);
            for (boolean log : new boolean[] {false, true}) {
                assertAgree(CPU.softmax(x, new int[] {6, 3}, 1, log), ND.softmax(dev(x), new int[] {6, 3}, 1, log), type.getSimpleName() + " rows log=" + log);
                Object one = CPU.convert(new double[] {2.5}, type);
                assertAgree(CPU.softmax(one, new int[] {}, 0, log), ND.softmax(dev(one), new int[] {}, 0, log), "0-d log=" + log);
            }
        }
    }

    @Test
    void softmaxBackwardFromOutputAndGradient() {
        for (boolean log : new boolean[] {false, true}) {
            for (Class<?> type : FLOATS) {
                for (int c = 0; c < CASES; c++) {
                    Random r = random(c * 101 + (log ? 1 : 0));
                    int[] shape = shapeRank1(r, 4, true);
                    int dim = r.nextInt(shape.length);
                    Object y = CPU.softmax(values(r, type, Shapes.numel(shape), c % 5 == 0 ? 0.1 : 0), shape, dim, log);
                    Object g = values(r, type, Shapes.numel(shape), c % 5 == 0 ? 0.1 : 0);
                    assertAgree(CPU.softmaxBackward(g, y, shape, dim, log), ND.softmaxBackward(dev(g), dev(y), shape, dim, log),
                            (log ? "log " : "") + ctx(type, c, shape, "dim " + dim));
                }
            }
        }
    }

    /** Per-lane targets in [0, C), about a quarter of them the ignore index (-100, or a class). */
    private static long[] targets(Random r, int lanes, int classes, long ignore) {
        long[] t = new long[lanes];
        for (int i = 0; i < lanes; i++) t[i] = classes == 0 || r.nextInt(4) == 0 ? ignore : r.nextInt(classes);
        return t;
    }

    private static double[] weights(Random r, int classes, int c) {
        if (c % 3 == 0) return null;
        double[] w = new double[classes];
        for (int i = 0; i < classes; i++) w[i] = c % 7 == 1 ? 0 : r.nextDouble() * 2;
        return w;
    }

    @Test
    void crossEntropyForwardLossesSumsAndSoftmax() {
        for (Class<?> type : FLOATS) {
            for (int c = 0; c < CASES * 2; c++) {
                Random r = random(c * 103);
                int[] shape = shapeRank1(r, 4, true);
                int dim = shape.length == 1 ? 0 : r.nextInt(2);
                Lanes l = new Lanes(shape, dim);
                long ignore = c % 2 == 0 ? -100 : Math.max(0, l.c - 1);
                long[] target = targets(r, l.outer * l.inner, l.c, ignore);
                double[] weight = weights(r, l.c, c);
                Object x = values(r, type, Shapes.numel(shape), c % 4 == 0 ? 0.1 : 0);
                if (c % 5 == 2) for (int i = 0; i < Buffers.length(x); i++) Buffers.set(x, i, Buffers.get(x, i) * 10);
                boolean perLane = c % 2 == 1, keep = c % 3 != 2;
                String ctx = ctx(type, c, shape, "dim " + dim + " ignore " + ignore + " weights " + (weight != null));
                CrossEntropyKernel.Forward e = CPU.crossEntropy(x, shape, dim, target, weight, ignore, perLane, keep);
                CrossEntropyKernel.Forward a = ND.crossEntropy(dev(x), shape, dim, target, weight, ignore, perLane, keep);
                assertTrue(KernelAgreement.close(e.lossSum(), a.lossSum(), type == float[].class ? 1e-5 : 1e-10),
                        ctx + ": loss sum " + e.lossSum() + " vs " + a.lossSum());
                assertTrue(KernelAgreement.close(e.totalWeight(), a.totalWeight(), 1e-10), ctx + ": total weight");
                if (perLane) assertAgree(e.losses(), a.losses(), ctx + ": losses");
                else assertNull(a.losses(), ctx);
                if (keep) assertAgree(e.softmax(), a.softmax(), ctx + ": softmax");
                else assertNull(a.softmax(), ctx);
            }
        }
    }

    @Test
    void crossEntropyBackwardWeightsIgnoresAndDivides() {
        for (Class<?> type : FLOATS) {
            for (int c = 0; c < CASES * 2; c++) {
                Random r = random(c * 107);
                int[] shape = shapeRank1(r, 4, true);
                int dim = shape.length == 1 ? 0 : r.nextInt(2);
                Lanes l = new Lanes(shape, dim);
                int lanes = l.outer * l.inner;
                long ignore = -100;
                long[] target = targets(r, lanes, l.c, ignore);
                double[] weight = weights(r, l.c, c);
                Object sm = CPU.softmax(values(r, type, Shapes.numel(shape), c % 4 == 0 ? 0.1 : 0), shape, dim, false);
                double[] upstream = c % 2 == 0 ? new double[] {KernelAgreement.value(r, false, 0)} : (double[]) values(r, double[].class, lanes, 0);
                double divisor = c % 5 == 0 ? 0 : c % 3 == 0 ? 1 : 1 + r.nextDouble() * 10;
                assertAgree(CPU.crossEntropyBackward(sm, shape, dim, target, weight, ignore, upstream, divisor),
                        ND.crossEntropyBackward(dev(sm), shape, dim, target, weight, ignore, upstream, divisor),
                        ctx(type, c, shape, "dim " + dim + " divisor " + divisor));
            }
        }
    }

    @Test
    void reductionsOfNothing() {
        for (Class<?> type : ALL) {
            int[] shape = {2, 0, 3};
            boolean[] dims = {false, true, false};
            Object a = CPU.zeros(type, 0);
            assertAgree(CPU.sum(a, shape, dims), ND.sum(dev(a), shape, dims), "sum over an empty dim " + type.getSimpleName());
            assertAgree(CPU.extreme(a, shape, dims, true), ND.extreme(dev(a), shape, dims, true), "max over an empty dim");
            assertAgree(CPU.extreme(a, shape, dims, false), ND.extreme(dev(a), shape, dims, false), "min over an empty dim");
            assertEquals(0, ND.length(ND.sum(dev(a), shape, new boolean[] {true, false, false})));
        }
    }
}
