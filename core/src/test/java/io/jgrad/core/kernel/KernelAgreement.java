package io.jgrad.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;

/**
 * What the ND4J kernel tests share: the two devices, seeded inputs (with NaN, ±inf, ±0.0, huge,
 * tiny and denormal values mixed in), random and fixed broadcasting shapes, and the agreement rule:
 * same type and length; float64 within 1e-10 relative, float32 within 1e-5; NaN where the CPU has
 * NaN, the same infinities, zeros of the same sign; int64 and bool exact.
 */
final class KernelAgreement {
    private KernelAgreement() {}

    static final Kernels CPU = CpuKernels.INSTANCE;
    static final Kernels ND = Nd4jKernels.INSTANCE;
    static final int CASES = 50;
    static final Class<?>[] FLOATS = {float[].class, double[].class};
    static final Class<?>[] NUMERIC = {float[].class, double[].class, long[].class};
    static final Class<?>[] ALL = {float[].class, double[].class, long[].class, boolean[].class};

    /** Broadcasting triples {a, b, out} every test of a broadcasting kernel runs before its random ones. */
    static final int[][][] FIXED_BROADCASTS = {
        {{3, 1}, {4}, {3, 4}},
        {{2, 1, 3}, {2, 4, 1}, {2, 4, 3}},
        {{}, {3}, {3}},
        {{3}, {}, {3}},
        {{}, {}, {}},
        {{0, 3}, {1, 3}, {0, 3}},
        {{2, 0}, {2, 1}, {2, 0}},
        {{1}, {0}, {0}},
        {{4, 1, 1}, {1, 5}, {4, 1, 5}},
    };

    static Random random(long seed) {
        return new Random(0x5EEDL * 1_000_003 + seed);
    }

    /** A value from the edges of the type's range: NaN, ±inf, ±0, ±1, huge, tiny, denormal. */
    static double edge(Random r, boolean f32) {
        double huge = f32 ? 3e38 : 1e300, tiny = f32 ? 1e-30 : 1e-300, denormal = f32 ? 1e-42 : 1e-310;
        double[] e = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0, 1, -1, huge, -huge,
            tiny, -tiny, denormal, -denormal, 1e-8, -1e-8};
        return e[r.nextInt(e.length)];
    }

    /** Mostly ordinary values over 0.01..100 in magnitude, {@code edgeRate} of them edge values. */
    static double value(Random r, boolean f32, double edgeRate) {
        if (r.nextDouble() < edgeRate) return edge(r, f32);
        return (r.nextDouble() * 2 - 1) * Math.pow(10, r.nextInt(5) - 2);
    }

    static long longValue(Random r) {
        return switch (r.nextInt(8)) {
            case 0 -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE, 0, 1, -1, Long.MIN_VALUE + 1}[r.nextInt(6)];
            case 1 -> r.nextLong();
            default -> r.nextInt(201) - 100;
        };
    }

    /** {@code n} values of {@code type}, {@code edgeRate} of the float ones edge values. */
    static Object values(Random r, Class<?> type, int n, double edgeRate) {
        if (type == float[].class) {
            float[] a = new float[n];
            for (int i = 0; i < n; i++) a[i] = (float) value(r, true, edgeRate);
            return a;
        }
        if (type == double[].class) {
            double[] a = new double[n];
            for (int i = 0; i < n; i++) a[i] = value(r, false, edgeRate);
            return a;
        }
        if (type == long[].class) {
            long[] a = new long[n];
            for (int i = 0; i < n; i++) a[i] = edgeRate > 0 ? longValue(r) : r.nextInt(201) - 100;
            return a;
        }
        boolean[] a = new boolean[n];
        for (int i = 0; i < n; i++) a[i] = r.nextBoolean();
        return a;
    }

    /**
     * {@code a} with its int64 values shifted into ±2^48, where the CPU kernels that read int64
     * through double (compare, argmax, sum, scatter-add) are exact, sums of a few dozen included;
     * other arrays unchanged.
     */
    static Object exactInDouble(Object a) {
        if (a instanceof long[] l) for (int i = 0; i < l.length; i++) if (l[i] > 1L << 48 || l[i] < -(1L << 48)) l[i] >>= 16;
        return a;
    }

    static Object values(Random r, Class<?> type, int n) {
        return values(r, type, n, 0.15);
    }

    /** A shape of rank 0..maxRank, sizes 1..4, with an occasional size-0 dimension when {@code zeros}. */
    static int[] shape(Random r, int maxRank, boolean zeros) {
        int[] s = new int[r.nextInt(maxRank + 1)];
        for (int d = 0; d < s.length; d++) s[d] = zeros && r.nextInt(12) == 0 ? 0 : 1 + r.nextInt(4);
        return s;
    }

    /** Like {@link #shape} but rank at least 1. */
    static int[] shapeRank1(Random r, int maxRank, boolean zeros) {
        int[] s;
        do s = shape(r, maxRank, zeros); while (s.length == 0);
        return s;
    }

    /**
     * Case {@code c}'s {a, b, out}: the fixed triples first, then random ones of rank up to 4, out
     * being a and b's broadcast shape, or (every fourth case) any shape both broadcast to, which the
     * CPU kernels accept too.
     */
    static int[][] broadcast(Random r, int c) {
        if (c < FIXED_BROADCASTS.length) return FIXED_BROADCASTS[c];
        int[] out = shape(r, 4, true);
        int[] a = operandOf(r, out), b = operandOf(r, out);
        return new int[][] {a, b, c % 4 == 0 ? out : Shapes.broadcast(a, b)};
    }

    /** A shape broadcasting to {@code out}: some leading dims dropped, some sizes replaced by 1. */
    static int[] operandOf(Random r, int[] out) {
        int drop = r.nextInt(out.length + 1);
        int[] s = Arrays.copyOfRange(out, drop, out.length);
        for (int d = 0; d < s.length; d++) if (r.nextInt(3) == 0) s[d] = 1;
        return s;
    }

    static Object dev(Object heap) {
        return ND.fromHost(heap);
    }

    static Object copy(Object heap) {
        return Buffers.copy(heap);
    }

    /** The ND4J device array {@code nd} agrees with the CPU's heap result {@code cpu}. */
    static void assertAgree(Object cpu, Object nd, String ctx) {
        assertClose(cpu, ND.host(nd), ctx);
    }

    /** Bit for bit (NaN payloads aside): for kernels that run the CPU's IEEE operations in its order. */
    static void assertIdentical(Object cpu, Object nd, String ctx) {
        Object actual = ND.host(nd);
        assertClose(cpu, actual, ctx);
        for (int i = 0; i < Buffers.length(cpu); i++) {
            double e = Buffers.get(cpu, i), a = Buffers.get(actual, i);
            if (!(Double.isNaN(e) && Double.isNaN(a)) && Double.doubleToRawLongBits(e) != Double.doubleToRawLongBits(a)) {
                fail(ctx + ": element " + i + " expected exactly " + e + " got " + a);
            }
        }
    }

    static void assertClose(Object expected, Object actual, String ctx) {
        assertEquals(expected.getClass(), actual.getClass(), ctx + ": array type");
        int n = Buffers.length(expected);
        assertEquals(n, Buffers.length(actual), ctx + ": length");
        if (expected instanceof long[] e) {
            long[] a = (long[]) actual;
            for (int i = 0; i < n; i++) if (e[i] != a[i]) fail(ctx + ": element " + i + " expected " + e[i] + " got " + a[i]);
            return;
        }
        if (expected instanceof boolean[] e) {
            boolean[] a = (boolean[]) actual;
            for (int i = 0; i < n; i++) if (e[i] != a[i]) fail(ctx + ": element " + i + " expected " + e[i] + " got " + a[i]);
            return;
        }
        double tol = expected instanceof float[] ? 1e-5 : 1e-10;
        for (int i = 0; i < n; i++) {
            double e = Buffers.get(expected, i), a = Buffers.get(actual, i);
            if (!close(e, a, tol)) fail(ctx + ": element " + i + " expected " + e + " got " + a);
        }
    }

    static boolean close(double e, double a, double tol) {
        if (Double.isNaN(e) || Double.isNaN(a)) return Double.isNaN(e) && Double.isNaN(a);
        if (e == 0 && a == 0) return Double.doubleToRawLongBits(e) == Double.doubleToRawLongBits(a);
        if (Double.isInfinite(e) || Double.isInfinite(a)) return e == a;
        return Math.abs(e - a) <= tol * Math.max(Math.abs(e), Math.abs(a));
    }

    static String s(int[] shape) {
        return Arrays.toString(shape);
    }
}
