package io.jgrad.core.kernel;

import static io.jgrad.core.kernel.KernelAgreement.ALL;
import static io.jgrad.core.kernel.KernelAgreement.CASES;
import static io.jgrad.core.kernel.KernelAgreement.CPU;
import static io.jgrad.core.kernel.KernelAgreement.ND;
import static io.jgrad.core.kernel.KernelAgreement.assertAgree;
import static io.jgrad.core.kernel.KernelAgreement.dev;
import static io.jgrad.core.kernel.KernelAgreement.random;
import static io.jgrad.core.kernel.KernelAgreement.s;
import static io.jgrad.core.kernel.KernelAgreement.shape;
import static io.jgrad.core.kernel.KernelAgreement.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Nd4jKernels' cumsum and argsort against CpuKernels (rules in {@link KernelAgreement}). */
class Nd4jKernelsOrderTest {

    /** Few distinct values (many ties, -0.0 against 0.0), or edge values (NaN, ±inf, int64 extremes). */
    private static Object input(Random r, Class<?> type, int n, int c) {
        Object a = values(r, type, n, c % 2 == 0 ? 0.3 : 0);
        if (c % 3 == 0 && !(a instanceof boolean[])) {
            for (int i = 0; i < n; i++) Buffers.set(a, i, new double[] {-1, -0.0, 0.0, 1}[r.nextInt(4)]);
        }
        return a;
    }

    @Test
    void cumsumForwardAndReversedAlongAnyDim() {
        for (boolean reverse : new boolean[] {false, true}) {
            for (Class<?> type : ALL) {
                for (int c = 0; c < CASES; c++) {
                    Random r = random(c * 109 + (reverse ? 1 : 0));
                    int[] shape = shape(r, 4, true);
                    int dim = shape.length == 0 ? 0 : r.nextInt(shape.length);
                    Object a = input(r, type, Shapes.numel(shape), c);
                    int[] s = shape.length == 0 ? new int[] {1} : shape;
                    Object da = dev(a);
                    assertAgree(CPU.cumsum(a, s, dim, reverse), ND.cumsum(da, s, dim, reverse),
                            type.getSimpleName() + " case " + c + " " + s(shape) + " dim " + dim + " reverse " + reverse);
                    assertAgree(a, da, "input untouched");
                }
            }
        }
    }

    @Test
    void int64CumsumWrapsExactly() {
        long[] a = {Long.MAX_VALUE, 1, (1L << 53) + 1, 1, Long.MIN_VALUE, -1};
        long[] expected = {Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + (1L << 53) + 1, Long.MIN_VALUE + (1L << 53) + 2,
            (1L << 53) + 2, (1L << 53) + 1};
        assertArrayEquals(expected, (long[]) CPU.cumsum(a, new int[] {6}, 0, false));
        assertAgree(expected, ND.cumsum(dev(a), new int[] {6}, 0, false), "int64 cumsum");
    }

    @Test
    void argsortIsStableWithNanLargestAlongAnyDim() {
        for (boolean descending : new boolean[] {false, true}) {
            for (Class<?> type : ALL) {
                for (int c = 0; c < CASES; c++) {
                    Random r = random(c * 113 + (descending ? 1 : 0));
                    int[] shape = shape(r, 4, true);
                    int dim = shape.length == 0 ? 0 : r.nextInt(shape.length);
                    Object a = input(r, type, Shapes.numel(shape), c);
                    int[] s = shape.length == 0 ? new int[] {1} : shape;
                    assertAgree(CPU.argsort(a, s, dim, descending), ND.argsort(dev(a), s, dim, descending),
                            type.getSimpleName() + " case " + c + " " + s(shape) + " dim " + dim + " descending " + descending);
                }
            }
        }
    }

    /** The permutation of a long lane, checked against the definition: ordered keys, ties by position. */
    @Test
    void argsortOfALongLaneOrdersKeysAndKeepsTiesInPlace() {
        Random r = random(127);
        double[] a = new double[5000];
        for (int i = 0; i < a.length; i++) a[i] = r.nextInt(10) == 0 ? Double.NaN : r.nextInt(50) - 25 + (r.nextBoolean() ? 0.0 : -0.0);
        for (boolean descending : new boolean[] {false, true}) {
            long[] perm = (long[]) CPU.argsort(a, new int[] {a.length}, 0, descending);
            for (int i = 1; i < perm.length; i++) {
                double x = a[(int) perm[i - 1]], y = a[(int) perm[i]];
                boolean tie = x == y || Double.isNaN(x) && Double.isNaN(y);
                boolean ordered = descending ? Double.isNaN(x) || x > y : Double.isNaN(y) || x < y;
                if (!(tie ? perm[i - 1] < perm[i] : ordered)) {
                    throw new AssertionError("position " + i + ": " + x + " (at " + perm[i - 1] + ") before " + y
                            + " (at " + perm[i] + "), descending " + descending);
                }
            }
            assertAgree(perm, ND.argsort(dev(a), new int[] {a.length}, 0, descending), "long lane");
        }
    }
}
