package io.jgrad.core.kernel;

import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.CblasTrans;
import static org.bytedeco.openblas.global.openblas.cblas_dgemm;
import static org.bytedeco.openblas.global.openblas.cblas_sgemm;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;

/**
 * Matrix multiply {@code C = op(A) · op(B)} on row-major float or double arrays, {@code op} being an
 * optional transpose, so backward passes never materialise a transposed operand.
 *
 * <p>Small products run as a Java loop; large ones copy into reused off-heap buffers and call the
 * OpenBLAS that ND4J ships ({@code cblas_sgemm}/{@code cblas_dgemm}) directly. Measured here at
 * 32×784×256: {@code Nd4j.gemm} spent ~2/3 of a training step in its custom-op dispatch, direct
 * cblas took 175–260 µs including the copies (which cost ~5% of the multiply).
 */
public final class Gemm {
    /** Multiply-adds (m·n·k) from which OpenBLAS beats the Java loop on this machine. */
    static final long ND4J_THRESHOLD = 1L << 16;

    private Gemm() {}

    /**
     * Writes {@code op(A)·op(B)} to {@code c[cOff ..]}: op(A) is m×k (A stored k×m when {@code ta}),
     * op(B) is k×n (B stored n×k when {@code tb}). Arrays are all float[] or all double[].
     */
    public static void gemm(boolean ta, boolean tb, int m, int n, int k,
                            Object a, int aOff, Object b, int bOff, Object c, int cOff) {
        if ((long) m * n * k >= ND4J_THRESHOLD) {
            blas(ta, tb, m, n, k, a, aOff, b, bOff, c, cOff);
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

    private static void blas(boolean ta, boolean tb, int m, int n, int k,
                             Object a, int aOff, Object b, int bOff, Object c, int cOff) {
        int lda = ta ? m : k, ldb = tb ? k : n;
        int transA = ta ? CblasTrans : CblasNoTrans, transB = tb ? CblasTrans : CblasNoTrans;
        Scratch s = SCRATCH.get();
        if (a instanceof float[] fa) {
            FloatPointer pa = s.floats(0, m * k).put(fa, aOff, m * k);
            FloatPointer pb = s.floats(1, k * n).put((float[]) b, bOff, k * n);
            FloatPointer pc = s.floats(2, m * n);
            cblas_sgemm(CblasRowMajor, transA, transB, m, n, k, 1f, pa, lda, pb, ldb, 0f, pc, n);
            pc.get((float[]) c, cOff, m * n);
        } else {
            DoublePointer pa = s.doubles(0, m * k).put((double[]) a, aOff, m * k);
            DoublePointer pb = s.doubles(1, k * n).put((double[]) b, bOff, k * n);
            DoublePointer pc = s.doubles(2, m * n);
            cblas_dgemm(CblasRowMajor, transA, transB, m, n, k, 1.0, pa, lda, pb, ldb, 0.0, pc, n);
            pc.get((double[]) c, cOff, m * n);
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /**
     * Off-heap operand buffers, one per slot (A, B, C) and type, grown to the largest product seen and
     * then reused: no allocation per call, and off-heap memory stays flat.
     */
    private static final class Scratch {
        private final FloatPointer[] floats = new FloatPointer[3];
        private final DoublePointer[] doubles = new DoublePointer[3];

        FloatPointer floats(int slot, long n) {
            if (floats[slot] == null || floats[slot].capacity() < n) {
                if (floats[slot] != null) floats[slot].close();
                floats[slot] = new FloatPointer(n);
            }
            return floats[slot];
        }

        DoublePointer doubles(int slot, long n) {
            if (doubles[slot] == null || doubles[slot].capacity() < n) {
                if (doubles[slot] != null) doubles[slot].close();
                doubles[slot] = new DoublePointer(n);
            }
            return doubles[slot];
        }
    }
}
