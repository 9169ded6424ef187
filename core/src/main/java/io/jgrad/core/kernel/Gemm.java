package io.jgrad.core.kernel;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Matrix multiply {@code C = op(A) · op(B)} on row-major float or double arrays, {@code op} being an
 * optional transpose, so backward passes never materialise a transposed operand.
 *
 * <p>Small products run as a Java loop (an ND4J call costs 13–35 µs before any arithmetic); large
 * ones copy into reused off-heap arrays and call {@code Nd4j.gemm}, which reaches 100–200 GFLOP/s
 * here. The copies cost about 5% of the multiply at the sizes where ND4J is chosen.
 */
public final class Gemm {
    /** Multiply-adds (m·n·k) from which ND4J beats the Java loop on this machine (measured by Benchmark). */
    static final long ND4J_THRESHOLD = 1L << 16;
    private static final int CACHED_ARRAYS = 24;

    private Gemm() {}

    /**
     * Writes {@code op(A)·op(B)} to {@code c[cOff ..]}: op(A) is m×k (A stored k×m when {@code ta}),
     * op(B) is k×n (B stored n×k when {@code tb}). Arrays are all float[] or all double[].
     */
    public static void gemm(boolean ta, boolean tb, int m, int n, int k,
                            Object a, int aOff, Object b, int bOff, Object c, int cOff) {
        if ((long) m * n * k >= ND4J_THRESHOLD) {
            nd4j(ta, tb, m, n, k, a, aOff, b, bOff, c, cOff);
        } else if (a instanceof float[] fa) {
            javaFloat(ta, tb, m, n, k, fa, aOff, (float[]) b, bOff, (float[]) c, cOff);
        } else {
            javaDouble(ta, tb, m, n, k, (double[]) a, aOff, (double[]) b, bOff, (double[]) c, cOff);
        }
    }

    private static void javaFloat(boolean ta, boolean tb, int m, int n, int k,
                                  float[] a, int aOff, float[] b, int bOff, float[] c, int cOff) {
        if (ta) { a = (float[]) transpose(a, aOff, k, m); aOff = 0; }
        if (tb) { b = (float[]) transpose(b, bOff, n, k); bOff = 0; }
        java.util.Arrays.fill(c, cOff, cOff + m * n, 0f);
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * n;
            for (int p = 0; p < k; p++) {
                float av = a[aOff + i * k + p];
                int bp = bOff + p * n;
                for (int j = 0; j < n; j++) c[ci + j] += av * b[bp + j];
            }
        }
    }

    private static void javaDouble(boolean ta, boolean tb, int m, int n, int k,
                                   double[] a, int aOff, double[] b, int bOff, double[] c, int cOff) {
        if (ta) { a = (double[]) transpose(a, aOff, k, m); aOff = 0; }
        if (tb) { b = (double[]) transpose(b, bOff, n, k); bOff = 0; }
        java.util.Arrays.fill(c, cOff, cOff + m * n, 0.0);
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * n;
            for (int p = 0; p < k; p++) {
                double av = a[aOff + i * k + p];
                int bp = bOff + p * n;
                for (int j = 0; j < n; j++) c[ci + j] += av * b[bp + j];
            }
        }
    }

    /** The rows×cols matrix at {@code off}, transposed into a new contiguous cols×rows array. */
    private static Object transpose(Object x, int off, int rows, int cols) {
        return Strided.gather(x, off, new int[] {1, cols}, new int[] {cols, rows});
    }

    private static void nd4j(boolean ta, boolean tb, int m, int n, int k,
                             Object a, int aOff, Object b, int bOff, Object c, int cOff) {
        DataType type = a instanceof float[] ? DataType.FLOAT : DataType.DOUBLE;
        Scratch s = SCRATCH.get();
        INDArray na = s.get(type, 0, ta ? k : m, ta ? m : k);
        INDArray nb = s.get(type, 1, tb ? n : k, tb ? k : n);
        INDArray nc = s.get(type, 2, m, n);
        put(na, a, aOff, m * k);
        put(nb, b, bOff, k * n);
        Nd4j.gemm(na, nb, nc, ta, tb, 1.0, 0.0);
        if (c instanceof float[] fc) {
            ((FloatPointer) nc.data().pointer()).get(fc, cOff, m * n);
        } else {
            ((DoublePointer) nc.data().pointer()).get((double[]) c, cOff, m * n);
        }
    }

    private static void put(INDArray dst, Object src, int off, int len) {
        if (src instanceof float[] f) {
            ((FloatPointer) dst.data().pointer()).put(f, off, len);
        } else {
            ((DoublePointer) dst.data().pointer()).put((double[]) src, off, len);
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /**
     * Off-heap operands reused across calls: training repeats the same shapes every step, so the
     * cache hits almost always, and its bound keeps off-heap memory flat.
     */
    private static final class Scratch extends LinkedHashMap<String, INDArray> {
        Scratch() {
            super(16, 0.75f, true);
        }

        INDArray get(DataType type, int slot, int rows, int cols) {
            String key = type + ":" + slot + ":" + rows + "x" + cols;
            INDArray arr = super.get(key);
            if (arr == null) {
                arr = Nd4j.create(type, rows, cols);
                put(key, arr);
            }
            return arr;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, INDArray> eldest) {
            if (size() <= CACHED_ARRAYS) return false;
            eldest.getValue().close();
            return true;
        }
    }
}
