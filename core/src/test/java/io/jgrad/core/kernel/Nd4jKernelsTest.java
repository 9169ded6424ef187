package io.jgrad.core.kernel;

import static io.jgrad.core.kernel.KernelAgreement.ALL;
import static io.jgrad.core.kernel.KernelAgreement.CASES;
import static io.jgrad.core.kernel.KernelAgreement.CPU;
import static io.jgrad.core.kernel.KernelAgreement.ND;
import static io.jgrad.core.kernel.KernelAgreement.assertAgree;
import static io.jgrad.core.kernel.KernelAgreement.assertClose;
import static io.jgrad.core.kernel.KernelAgreement.dev;
import static io.jgrad.core.kernel.KernelAgreement.random;
import static io.jgrad.core.kernel.KernelAgreement.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Nd4jKernels' storage methods against CpuKernels on the same seeded inputs. The other kernels are
 * in the Nd4jKernels*Test classes beside this one; {@link KernelAgreement} holds the rules.
 */
class Nd4jKernelsTest {
    /** Doubles that test every cast: NaN, ±inf, ±0, fractions, the int64 edges and beyond. */
    private static final double[] CAST_EDGES = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0,
        -0.0, 0.5, -0.5, 2.7, -2.7, 1e19, -1e19, 0x1p63, -0x1p63, 0x1p62, 9.007199254740993e15, 1e-320, 3e38, 4e38};

    @Test
    void zerosHaveTheTypeAndLength() {
        for (Class<?> type : ALL) {
            for (int n : new int[] {0, 1, 7}) {
                Object z = ND.zeros(type, n);
                assertEquals(type, ND.type(z));
                assertEquals(n, ND.length(z));
                assertAgree(CPU.zeros(type, n), z, type.getSimpleName() + " n=" + n);
            }
        }
    }

    @Test
    void fromHostAndHostRoundTripExactly() {
        for (int c = 0; c < CASES; c++) {
            Random r = random(c);
            for (Class<?> type : ALL) {
                Object heap = values(r, type, r.nextInt(3) == 0 ? r.nextInt(2) : r.nextInt(40), 0.3);
                Object d = ND.fromHost(heap);
                assertInstanceOf(INDArray.class, d);
                assertEquals(type, ND.type(d));
                assertEquals(Buffers.length(heap), ND.length(d));
                Object back = ND.host(d);
                assertClose(heap, back, "case " + c + " " + type.getSimpleName());
                if (heap instanceof float[] f) assertBits(f, (float[]) back);
                if (heap instanceof double[] f) assertBits(f, (double[]) back);
            }
        }
    }

    private static void assertBits(float[] e, float[] a) {
        for (int i = 0; i < e.length; i++) assertEquals(Float.floatToRawIntBits(e[i]), Float.floatToRawIntBits(a[i]));
    }

    private static void assertBits(double[] e, double[] a) {
        for (int i = 0; i < e.length; i++) assertEquals(Double.doubleToRawLongBits(e[i]), Double.doubleToRawLongBits(a[i]));
    }

    @Test
    void hostReadsAnyShapeAndTheLengthIgnoresIt() {
        INDArray m = Nd4j.createFromArray(new float[] {1, 2, 3, 4, 5, 6}).reshape(2, 3);
        assertClose(new float[] {1, 2, 3, 4, 5, 6}, ND.host(m), "2x3");
        assertEquals(6, ND.length(m));
        assertEquals(4.0, ND.get(m, 3));
        INDArray scalar = Nd4j.createFromArray(new double[] {2.5}).reshape(new long[0]);
        assertClose(new double[] {2.5}, ND.host(scalar), "0-d");
        INDArray bools = Nd4j.createFromArray(true, false, true).reshape(1, 3);
        assertClose(new boolean[] {true, false, true}, ND.host(bools), "bool 1x3");
    }

    @Test
    void getReadsEveryElementAsTheCpuDoes() {
        for (int c = 0; c < CASES; c++) {
            Random r = random(c);
            for (Class<?> type : ALL) {
                Object heap = values(r, type, 1 + r.nextInt(20), 0.3);
                Object d = dev(heap);
                for (int i = 0; i < Buffers.length(heap); i++) {
                    double e = CPU.get(heap, i), a = ND.get(d, i);
                    assertEquals(Double.doubleToLongBits(e), Double.doubleToLongBits(a), "case " + c + " " + type.getSimpleName() + " [" + i + "]");
                }
            }
        }
    }

    @Test
    void setWritesWithJavasCasts() {
        for (int c = 0; c < CASES; c++) {
            Random r = random(c);
            for (Class<?> type : ALL) {
                Object heap = values(r, type, 1 + r.nextInt(10), 0.2);
                Object d = dev(heap);
                for (int k = 0; k < 4; k++) {
                    int i = r.nextInt(Buffers.length(heap));
                    double v = r.nextBoolean() ? CAST_EDGES[r.nextInt(CAST_EDGES.length)] : KernelAgreement.value(r, false, 0.2);
                    CPU.set(heap, i, v);
                    ND.set(d, i, v);
                }
                assertAgree(heap, d, "case " + c + " " + type.getSimpleName());
            }
        }
    }

    @Test
    void convertCastsAsJavaDoesBetweenEveryPairOfTypes() {
        for (int c = 0; c < CASES; c++) {
            Random r = random(c);
            for (Class<?> from : ALL) {
                Object heap = values(r, from, c % 10 == 0 ? 0 : r.nextInt(30), 0.3);
                if (heap instanceof double[] dv && dv.length > 0) dv[r.nextInt(dv.length)] = CAST_EDGES[c % CAST_EDGES.length];
                if (heap instanceof float[] fv && fv.length > 0) fv[r.nextInt(fv.length)] = (float) CAST_EDGES[c % CAST_EDGES.length];
                Object d = dev(heap);
                for (Class<?> to : ALL) {
                    Object converted = ND.convert(d, to);
                    assertEquals(to, ND.type(converted));
                    assertAgree(CPU.convert(heap, to), converted, "case " + c + " " + from.getSimpleName() + " -> " + to.getSimpleName());
                }
                assertAgree(heap, d, "source untouched");
            }
        }
    }

    @Test
    void castEdgesToInt64SaturateAndZeroNan() {
        Object d = dev(CAST_EDGES.clone());
        assertAgree(CPU.convert(CAST_EDGES, long[].class), ND.convert(d, long[].class), "double -> int64");
        float[] f = (float[]) CPU.convert(CAST_EDGES, float[].class);
        assertAgree(CPU.convert(f, long[].class), ND.convert(dev(f), long[].class), "float -> int64");
    }

    @Test
    void copyIsIndependent() {
        for (int c = 0; c < CASES; c++) {
            Random r = random(c);
            for (Class<?> type : ALL) {
                Object heap = values(r, type, r.nextInt(20), 0.3);
                Object d = dev(heap);
                Object copy = ND.copy(d);
                assertAgree(CPU.copy(heap), copy, "case " + c + " " + type.getSimpleName());
                ND.fill(d, 1);
                assertAgree(heap, copy, "copy after the source was filled");
            }
        }
    }

    @Test
    void fillConvertsTheValueAsJavaDoes() {
        for (int c = 0; c < CASES; c++) {
            Random r = random(c);
            for (Class<?> type : ALL) {
                Object heap = values(r, type, r.nextInt(12), 0);
                Object d = dev(heap);
                double v = c < CAST_EDGES.length ? CAST_EDGES[c] : KernelAgreement.value(r, false, 0.3);
                CPU.fill(heap, v);
                ND.fill(d, v);
                assertAgree(heap, d, "case " + c + " " + type.getSimpleName() + " fill " + v);
            }
        }
    }

    @Test
    void typeNamesTheHeapArrayClass() {
        assertEquals(float[].class, ND.type(Nd4j.create(DataType.FLOAT, 2)));
        assertEquals(double[].class, ND.type(Nd4j.create(DataType.DOUBLE, 2)));
        assertEquals(long[].class, ND.type(Nd4j.create(DataType.LONG, 2)));
        assertEquals(boolean[].class, ND.type(Nd4j.create(DataType.BOOL, 2)));
        assertThrows(IllegalArgumentException.class, () -> ND.type(Nd4j.create(DataType.INT, 2)));
        assertThrows(IllegalArgumentException.class, () -> ND.type(new float[2]));
    }

    /** An array's own shape is not relied on: a [2,3] array viewed as [3,2] or [6] gives the same results. */
    @Test
    void kernelsViewArraysOfAnyShapeWithTheShapeTheyArePassed() {
        double[] x = {1, -2, 3, Double.NaN, -0.0, 6};
        Object flat = dev(x), matrix = ((INDArray) dev(x)).reshape(2, 3), column = ((INDArray) dev(x)).reshape(6, 1);
        int[] s32 = {3, 2}, s6 = {6}, s1 = {1};
        Object one = dev(new double[] {10});
        for (Object a : new Object[] {matrix, column}) {
            assertAgree(ND.host(ND.binary(Elementwise.Binary.ADD, flat, s32, one, s1, s32)),
                    ND.binary(Elementwise.Binary.ADD, a, s32, one, s1, s32), "binary");
            assertAgree(ND.host(ND.sum(flat, s32, new boolean[] {false, true})), ND.sum(a, s32, new boolean[] {false, true}), "sum");
            assertAgree(ND.host(ND.extreme(flat, s32, new boolean[] {true, false}, true)),
                    ND.extreme(a, s32, new boolean[] {true, false}, true), "max");
            assertAgree(ND.host(ND.softmax(flat, s32, 1, true)), ND.softmax(a, s32, 1, true), "log-softmax");
            assertAgree(ND.host(ND.select(flat, s6, 0, new long[] {5, 0})), ND.select(a, s6, 0, new long[] {5, 0}), "select");
            assertAgree(ND.host(ND.strided(flat, 1, new int[] {2}, new int[] {3})), ND.strided(a, 1, new int[] {2}, new int[] {3}), "strided");
            assertAgree(ND.host(ND.unary(Elementwise.Unary.TANH, flat)), ND.unary(Elementwise.Unary.TANH, a), "tanh");
        }
        Object inPlace = ((INDArray) dev(x)).reshape(2, 3);
        ND.binaryInPlace(Elementwise.Binary.MUL, inPlace, s6, dev(new double[] {2}), s1);
        assertAgree(new double[] {2, -4, 6, Double.NaN, -0.0, 12}, inPlace, "in place through a view");
    }

    @Test
    void emptyArraysAreShapeZeroVectors() {
        for (Class<?> type : ALL) {
            Object e = ND.fromHost(CPU.zeros(type, 0));
            assertTrue(((INDArray) e).isEmpty());
            assertEquals(1, ((INDArray) e).rank());
            assertEquals(0, ND.length(ND.copy(e)));
        }
    }
}
