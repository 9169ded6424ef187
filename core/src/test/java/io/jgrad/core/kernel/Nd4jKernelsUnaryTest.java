package io.jgrad.core.kernel;

import static io.jgrad.core.kernel.KernelAgreement.CASES;
import static io.jgrad.core.kernel.KernelAgreement.CPU;
import static io.jgrad.core.kernel.KernelAgreement.FLOATS;
import static io.jgrad.core.kernel.KernelAgreement.ND;
import static io.jgrad.core.kernel.KernelAgreement.NUMERIC;
import static io.jgrad.core.kernel.KernelAgreement.assertAgree;
import static io.jgrad.core.kernel.KernelAgreement.dev;
import static io.jgrad.core.kernel.KernelAgreement.random;
import static io.jgrad.core.kernel.KernelAgreement.values;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jgrad.core.kernel.Elementwise.Unary;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Nd4jKernels' one-array kernels (unary, clamp, powScalar, reluBackward) against CpuKernels. */
class Nd4jKernelsUnaryTest {
    /** Inputs where libnd4j's own ops were measured wrong: tiny, denormal, large and saturating values. */
    private static final double[] HARD = {1e-10, -1e-10, 1e-17, -1e-17, 1e-300, -1e-300, 4.9e-324, -0.0, 0.0, 1e-5, -1e-5,
        0.5, -0.5, 20, -20, 30, -30, 89, 100, -100, -700, -740, -745, 710, -1, -1 + 1e-12, 1e308, Double.MAX_VALUE, 0.05, -0.0499999, 0.0500001, 0.1, 40, 41, -36.8,
        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 2.2e-16, 1.1e-16, -103.5, -87.5, 88.7,
        0x1p-28, -0x1p-1015, 0.84375, -0.84375, 1.25, -1.2499999, 2.857142857142857, -2.86, 5.999, -6, 6.5};  // erf's branches

    /** Shape-free inputs: any length; the values are what matter. */
    private static Object input(Random r, Class<?> type, int c) {
        if (c == 0) return CPU.convert(HARD, type);
        if (c == 1) return CPU.zeros(type, 0);
        if (type == long[].class) return values(r, type, 1 + r.nextInt(40));
        Object v = values(r, type, 1 + r.nextInt(60), 0.2);
        if (c % 3 == 0) {  // spread magnitudes over the whole range too
            for (int i = 0; i < Buffers.length(v); i++) {
                Buffers.set(v, i, (r.nextBoolean() ? 1 : -1) * Math.exp(r.nextDouble() * (type == float[].class ? 180 : 1400) - (type == float[].class ? 100 : 720)));
            }
        }
        return v;
    }

    @Test
    void unaryMatchesOnFloatsAndOnInt64ForIntegerOps() {
        for (Unary op : Unary.values()) {
            for (Class<?> type : NUMERIC) {
                if (type == long[].class && op.integer == null) continue;
                for (int c = 0; c < CASES; c++) {
                    Random r = random(c * 59 + op.ordinal());
                    Object a = input(r, type, c), da = dev(a);
                    assertAgree(CPU.unary(op, a), ND.unary(op, da), op + " " + type.getSimpleName() + " case " + c);
                    assertAgree(a, da, "input untouched");
                }
            }
        }
    }

    @Test
    void unaryWithoutAnIntegerFormRejectsInt64() {
        Object l = dev(new long[] {1, 2});
        for (Unary op : Unary.values()) {
            if (op.integer == null) assertThrows(IllegalArgumentException.class, () -> ND.unary(op, l), op.toString());
        }
        assertThrows(IllegalArgumentException.class, () -> ND.unary(Unary.NEG, dev(new boolean[] {true})));
    }

    private static final double[] BOUNDS = {Double.NEGATIVE_INFINITY, -1.5, -0.0, 0.0, 0.3, 0.1, 2, Double.POSITIVE_INFINITY,
        -3e38, 1e300};

    @Test
    void clampKeepsNanAndOrdersSignedZeros() {
        for (Class<?> type : NUMERIC) {
            for (int c = 0; c < CASES * 2; c++) {
                Random r = random(c * 61);
                Object a = input(r, type, c);
                double lo = r.nextInt(3) == 0 ? KernelAgreement.value(r, false, 0) : BOUNDS[r.nextInt(BOUNDS.length)];
                double hi = r.nextInt(3) == 0 ? KernelAgreement.value(r, false, 0) : BOUNDS[r.nextInt(BOUNDS.length)];
                if (type == long[].class) {  // whole-number bounds on int64, as the contract says
                    lo = Double.isInfinite(lo) ? lo : Math.rint(lo * 20);
                    hi = Double.isInfinite(hi) ? hi : Math.rint(hi * 20);
                }
                Object da = dev(a);
                assertAgree(CPU.clamp(a, lo, hi), ND.clamp(da, lo, hi), type.getSimpleName() + " case " + c + " [" + lo + ", " + hi + "]");
                assertAgree(a, da, "input untouched");
            }
        }
    }

    @Test
    void clampAtZeroBoundsOfEitherSign() {
        double[] x = {-0.0, 0.0, -1, 1, Double.NaN};
        for (Class<?> type : FLOATS) {
            Object a = CPU.convert(x, type);
            for (double lo : new double[] {-0.0, 0.0, Double.NEGATIVE_INFINITY}) {
                for (double hi : new double[] {-0.0, 0.0, Double.POSITIVE_INFINITY}) {
                    assertAgree(CPU.clamp(a, lo, hi), ND.clamp(dev(a), lo, hi), type.getSimpleName() + " [" + lo + ", " + hi + "]");
                }
            }
        }
    }

    private static final double[] EXPONENTS = {0.5, -0.5, 0, 1, 2, 3, -1, -2, 1.7, -0.3, 0.1, 2.5, Double.NaN,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 10, -7};

    @Test
    void powScalarHasPyTorchsSpecialCases() {
        for (Class<?> type : FLOATS) {
            for (double e : EXPONENTS) {
                for (int c = 0; c < CASES / 5; c++) {
                    Random r = random(c * 67 + Double.hashCode(e));
                    Object a = input(r, type, c);
                    assertAgree(CPU.powScalar(a, e), ND.powScalar(dev(a), e), type.getSimpleName() + " ^ " + e + " case " + c);
                }
            }
        }
        double[] special = {1, -1, 0, -0.0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN, -2, 0.5};
        for (Class<?> type : FLOATS) {
            Object a = CPU.convert(special, type);
            for (double e : EXPONENTS) assertAgree(CPU.powScalar(a, e), ND.powScalar(dev(a), e), type.getSimpleName() + " special ^ " + e);
        }
    }

    @Test
    void int64PowScalarIsExactAndWraps() {
        long[] exps = {0, 1, 2, 3, 5, 10, 39, 40, 62, 63, 64, 100, -1, -2, -3};
        for (int c = 0; c < CASES; c++) {
            Random r = random(c * 71);
            long[] a = new long[1 + r.nextInt(30)];
            for (int i = 0; i < a.length; i++) a[i] = r.nextInt(5) == 0 ? KernelAgreement.longValue(r) : r.nextInt(13) - 6;
            long e = exps[c % exps.length];
            assertAgree(CPU.powScalar(a, e), ND.powScalar(dev(a), e), "int64 case " + c + " ^ " + e);
        }
    }

    @Test
    void reluBackwardSelectsRatherThanMultiplies() {
        for (Class<?> type : FLOATS) {
            for (int c = 0; c < CASES; c++) {
                Random r = random(c * 73);
                int n = c == 0 ? 0 : 1 + r.nextInt(50);
                Object grad = values(r, type, n, 0.3);
                Object out = CPU.unary(Unary.RELU, values(r, type, n, 0.3));
                for (int i = 0; i < n; i++) if (r.nextInt(4) == 0) Buffers.set(out, i, r.nextBoolean() ? -0.0 : 0.0);
                assertAgree(CPU.reluBackward(grad, out), ND.reluBackward(dev(grad), dev(out)), type.getSimpleName() + " case " + c);
            }
        }
    }
}
