package io.jgrad.core.kernel;

import static io.jgrad.core.kernel.KernelAgreement.ALL;
import static io.jgrad.core.kernel.KernelAgreement.CASES;
import static io.jgrad.core.kernel.KernelAgreement.CPU;
import static io.jgrad.core.kernel.KernelAgreement.FLOATS;
import static io.jgrad.core.kernel.KernelAgreement.ND;
import static io.jgrad.core.kernel.KernelAgreement.NUMERIC;
import static io.jgrad.core.kernel.KernelAgreement.assertAgree;
import static io.jgrad.core.kernel.KernelAgreement.assertIdentical;
import static io.jgrad.core.kernel.KernelAgreement.broadcast;
import static io.jgrad.core.kernel.KernelAgreement.copy;
import static io.jgrad.core.kernel.KernelAgreement.dev;
import static io.jgrad.core.kernel.KernelAgreement.exactInDouble;
import static io.jgrad.core.kernel.KernelAgreement.random;
import static io.jgrad.core.kernel.KernelAgreement.s;
import static io.jgrad.core.kernel.KernelAgreement.values;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jgrad.core.kernel.Elementwise.Binary;
import io.jgrad.core.kernel.Elementwise.Compare;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Nd4jKernels' broadcasting element-wise kernels against CpuKernels (rules in {@link KernelAgreement}). */
class Nd4jKernelsElementwiseTest {

    /** Operands for {@code op}: int64 powers get small bases and exponents from -3 to 70 so some wrap. */
    private static Object operand(Random r, Binary op, Class<?> type, int n, boolean exponent) {
        if (op != Binary.POW || type != long[].class) return values(r, type, n);
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = exponent ? r.nextInt(74) - 3 : r.nextInt(10) == 0 ? KernelAgreement.longValue(r) : r.nextInt(11) - 5;
        }
        return v;
    }

    private static boolean supported(Binary op, Class<?> type) {
        return !(op == Binary.DIV && type == long[].class);
    }

    @Test
    void binaryBroadcastsLikeTheCpu() {
        for (Binary op : Binary.values()) {
            for (Class<?> type : NUMERIC) {
                if (!supported(op, type)) continue;
                for (int c = 0; c < CASES; c++) {
                    Random r = random(c * 31 + op.ordinal());
                    int[][] sh = broadcast(r, c);
                    Object a = operand(r, op, type, Shapes.numel(sh[0]), false);
                    Object b = operand(r, op, type, Shapes.numel(sh[1]), true);
                    Object da = dev(a), db = dev(b);
                    String ctx = op + " " + type.getSimpleName() + " case " + c + " " + s(sh[0]) + " x " + s(sh[1]);
                    assertAgree(CPU.binary(op, a, sh[0], b, sh[1], sh[2]), ND.binary(op, da, sh[0], db, sh[1], sh[2]), ctx);
                    assertAgree(a, da, ctx + ": a untouched");
                    assertAgree(b, db, ctx + ": b untouched");
                }
            }
        }
    }

    @Test
    void binaryInPlaceWritesTheFirstOperand() {
        for (Binary op : Binary.values()) {
            for (Class<?> type : NUMERIC) {
                if (!supported(op, type)) continue;
                for (int c = 0; c < CASES; c++) {
                    Random r = random(c * 37 + op.ordinal());
                    int[] aShape = broadcast(r, c)[2];
                    int[] bShape = KernelAgreement.operandOf(r, aShape);
                    Object a = operand(r, op, type, Shapes.numel(aShape), false);
                    Object b = operand(r, op, type, Shapes.numel(bShape), true);
                    Object da = dev(a), db = dev(b);
                    CPU.binaryInPlace(op, a, aShape, b, bShape);
                    ND.binaryInPlace(op, da, aShape, db, bShape);
                    assertAgree(a, da, op + " " + type.getSimpleName() + " case " + c + " " + s(aShape) + " += " + s(bShape));
                }
            }
        }
    }

    @Test
    void maxAndMinPropagateNanAndOrderSignedZerosEitherWay() {
        double[] x = {Double.NaN, 1, -0.0, 0.0, 0.0, -0.0, Double.NaN, Double.NEGATIVE_INFINITY, 3};
        double[] y = {1, Double.NaN, 0.0, -0.0, 0.0, -0.0, Double.NaN, Double.NaN, 3};
        int[] shape = {x.length};
        for (Binary op : new Binary[] {Binary.MAX, Binary.MIN}) {
            for (Class<?> type : FLOATS) {
                Object a = CPU.convert(x, type), b = CPU.convert(y, type);
                assertAgree(CPU.binary(op, a, shape, b, shape, shape), ND.binary(op, dev(a), shape, dev(b), shape, shape),
                        op + " " + type.getSimpleName());
            }
        }
    }

    @Test
    void int64ArithmeticWrapsAndPowersAreExact() {
        long[] a = {Long.MAX_VALUE, Long.MIN_VALUE, 3, -3, 2, 7, 1, -1, -1, 0, 0, 5};
        long[] b = {2, -1, 39, 39, 64, 23, -5, -3, -4, -2, 0, 0};
        int[] shape = {a.length};
        for (Binary op : new Binary[] {Binary.ADD, Binary.SUB, Binary.MUL, Binary.POW, Binary.MAX, Binary.MIN}) {
            assertAgree(CPU.binary(op, a, shape, b, shape, shape), ND.binary(op, dev(a), shape, dev(b), shape, shape), op.toString());
        }
    }

    @Test
    void unsupportedOperandsAreRejectedBeforeAnyNativeCall() {
        int[] shape = {2};
        Object l = dev(new long[] {1, 0}), f = dev(new float[] {1, 2}), d = dev(new double[] {1, 2}), bo = dev(new boolean[] {true, false});
        assertThrows(IllegalArgumentException.class, () -> ND.binary(Binary.DIV, l, shape, l, shape, shape));
        assertThrows(IllegalArgumentException.class, () -> ND.binary(Binary.ADD, bo, shape, bo, shape, shape));
        assertThrows(IllegalArgumentException.class, () -> ND.binary(Binary.ADD, f, shape, d, shape, shape));
        assertThrows(IllegalArgumentException.class, () -> ND.binary(Binary.ADD, f, new int[] {3}, f, shape, new int[] {3}));
    }

    @Test
    void compareGivesBoolsWithIeeeNan() {
        for (Compare op : Compare.values()) {
            for (Class<?> type : ALL) {
                for (int c = 0; c < CASES; c++) {
                    Random r = random(c * 41 + op.ordinal());
                    int[][] sh = broadcast(r, c);
                    Object a = exactInDouble(values(r, type, Shapes.numel(sh[0]), 0.3));
                    Object b = exactInDouble(values(r, type, Shapes.numel(sh[1]), 0.3));
                    if (c % 3 == 0 && Shapes.numel(sh[0]) == Shapes.numel(sh[1])) b = copy(a);  // plenty of ties
                    assertAgree(CPU.compare(op, a, sh[0], b, sh[1], sh[2]), ND.compare(op, dev(a), sh[0], dev(b), sh[1], sh[2]),
                            op + " " + type.getSimpleName() + " case " + c + " " + s(sh[0]) + " x " + s(sh[1]));
                }
            }
        }
    }

    /** The CPU kernel compares int64 through double, so 2^63 - 1 equals 2^63 - 2 there; ND4J is exact. */
    @Test
    void int64ComparisonsAreExactBeyondTwoToThe53() {
        long[] a = {Long.MAX_VALUE, Long.MIN_VALUE, (1L << 53) + 1};
        long[] b = {Long.MAX_VALUE - 1, Long.MIN_VALUE + 1, 1L << 53};
        int[] shape = {3};
        assertAgree(new boolean[] {false, false, false}, ND.compare(Compare.EQ, dev(a), shape, dev(b), shape, shape), "EQ");
        assertAgree(new boolean[] {true, false, true}, ND.compare(Compare.GT, dev(a), shape, dev(b), shape, shape), "GT");
    }

    @Test
    void whereBroadcastsAllThree() {
        for (Class<?> type : ALL) {
            for (int c = 0; c < CASES; c++) {
                Random r = random(c * 43);
                int[][] sh = broadcast(r, c);
                int[] cShape = KernelAgreement.operandOf(r, sh[2]);
                Object cond = values(r, boolean[].class, Shapes.numel(cShape));
                Object a = values(r, type, Shapes.numel(sh[0]), 0.3), b = values(r, type, Shapes.numel(sh[1]), 0.3);
                assertAgree(CPU.where(cond, cShape, a, sh[0], b, sh[1], sh[2]),
                        ND.where(dev(cond), cShape, dev(a), sh[0], dev(b), sh[1], sh[2]),
                        type.getSimpleName() + " case " + c + " " + s(cShape) + " ? " + s(sh[0]) + " : " + s(sh[1]));
            }
        }
    }

    @Test
    void axpyRoundsTheProductFirst() {
        for (Class<?> type : FLOATS) {
            for (int c = 0; c < CASES; c++) {
                Random r = random(c * 47);
                int n = c % 10 == 0 ? 0 : 1 + r.nextInt(60);
                Object a = values(r, type, n, c % 2 == 0 ? 0 : 0.1), b = values(r, type, n, c % 2 == 0 ? 0 : 0.1);
                double alpha = c % 7 == 0 ? -1 : KernelAgreement.value(r, false, 0.05);
                Object da = dev(a), db = dev(b);
                CPU.axpy(a, b, alpha);
                ND.axpy(da, db, alpha);
                assertIdentical(a, da, type.getSimpleName() + " case " + c + " alpha " + alpha);
                assertAgree(b, db, "b untouched");
            }
        }
    }

    @Test
    void addcmulMultipliesOrDivides() {
        for (Class<?> type : FLOATS) {
            for (boolean divide : new boolean[] {false, true}) {
                for (int c = 0; c < CASES; c++) {
                    Random r = random(c * 53 + (divide ? 1 : 0));
                    int n = c % 10 == 0 ? 0 : 1 + r.nextInt(60);
                    double edges = c % 2 == 0 ? 0 : 0.1;
                    Object a = values(r, type, n, edges), b = values(r, type, n, edges), cc = values(r, type, n, edges);
                    double value = KernelAgreement.value(r, false, 0.05);
                    Object da = dev(a);
                    CPU.addcmul(a, b, cc, value, divide);
                    ND.addcmul(da, dev(b), dev(cc), value, divide);
                    assertIdentical(a, da, type.getSimpleName() + (divide ? " addcdiv" : " addcmul") + " case " + c + " value " + value);
                }
            }
        }
    }
}
