package io.jgrad.core.kernel;

import static io.jgrad.core.kernel.KernelAgreement.CPU;
import static io.jgrad.core.kernel.KernelAgreement.FLOATS;
import static io.jgrad.core.kernel.KernelAgreement.ND;
import static io.jgrad.core.kernel.KernelAgreement.assertAgree;
import static io.jgrad.core.kernel.KernelAgreement.dev;
import static io.jgrad.core.kernel.KernelAgreement.random;
import static io.jgrad.core.kernel.KernelAgreement.values;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jgrad.core.kernel.Elementwise.Binary;
import io.jgrad.core.kernel.Elementwise.Unary;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Arrays above {@link Nd4jBits#BLEND_MIN}, where selects switch from libnd4j's select op to the
 * integer blend: every kernel built on a select, against CpuKernels, and the select itself bit for bit.
 */
class Nd4jKernelsLargeTest {
    private static final int N = 5 * (Nd4jBits.BLEND_MIN / 5 * 3 + 1);  // a multiple of 5 above the threshold

    @Test
    void selectKeepsEveryBitOnBothPaths() {
        for (int n : new int[] {7, N}) {
            for (Class<?> type : KernelAgreement.ALL) {
                Random r = random(n + type.hashCode());
                Object cond = values(r, boolean[].class, n), x = values(r, type, n, 0.5), y = values(r, type, n, 0.5);
                Object expected = CPU.where(cond, new int[] {n}, x, new int[] {n}, y, new int[] {n}, new int[] {n});
                INDArray got = Nd4jBits.select((INDArray) dev(cond), (INDArray) dev(x), (INDArray) dev(y));
                KernelAgreement.assertIdentical(expected, got, type.getSimpleName() + " n=" + n);
            }
        }
    }

    @Test
    void kernelsBuiltOnSelectsAgreeOnLargeArrays() {
        for (Class<?> type : FLOATS) {
            for (int c = 0; c < 5; c++) {
                Random r = random(c * 163);
                Object a = values(r, type, N, 0.2), b = values(r, type, N, 0.2);
                int[] shape = {N};
                String ctx = type.getSimpleName() + " case " + c;
                for (Unary op : new Unary[] {Unary.LOG1P, Unary.TANH, Unary.SIGMOID, Unary.EXP, Unary.RELU}) {
                    assertAgree(CPU.unary(op, a), ND.unary(op, dev(a)), ctx + " " + op);
                }
                for (Binary op : new Binary[] {Binary.MAX, Binary.MIN}) {
                    assertAgree(CPU.binary(op, a, shape, b, shape, shape), ND.binary(op, dev(a), shape, dev(b), shape, shape), ctx + " " + op);
                }
                int[] m = {N / 5, 5};
                assertAgree(CPU.extreme(a, m, new boolean[] {true, false}, true), ND.extreme(dev(a), m, new boolean[] {true, false}, true), ctx + " max");
                assertAgree(CPU.extreme(a, m, new boolean[] {false, true}, false), ND.extreme(dev(a), m, new boolean[] {false, true}, false), ctx + " min");
                assertAgree(CPU.argmax(a, new int[] {5, N / 5}, 1), ND.argmax(dev(a), new int[] {5, N / 5}, 1), ctx + " argmax");
                Object out = CPU.unary(Unary.RELU, b);
                assertAgree(CPU.reluBackward(a, out), ND.reluBackward(dev(a), dev(out)), ctx + " reluBackward");
                Object cond = values(r, boolean[].class, N);
                assertAgree(CPU.where(cond, shape, a, shape, b, shape, shape), ND.where(dev(cond), shape, dev(a), shape, dev(b), shape, shape), ctx + " where");
                assertAgree(CPU.convert(a, long[].class), ND.convert(dev(a), long[].class), ctx + " to int64");
            }
        }
        long[] base = new long[N], exp = new long[N];
        Random r = random(167);
        for (int i = 0; i < N; i++) {
            base[i] = r.nextInt(9) - 4;
            exp[i] = r.nextInt(70) - 3;
        }
        int[] shape = {N};
        assertAgree(CPU.binary(Binary.POW, base, shape, exp, shape, shape), ND.binary(Binary.POW, dev(base), shape, dev(exp), shape, shape), "int64 pow");
        assertEquals(N, ND.length(dev(base)));
    }
}
