package io.jgrad.core.kernel;

import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.CblasTrans;
import static org.bytedeco.openblas.global.openblas.blas_set_num_threads;
import static org.bytedeco.openblas.global.openblas.cblas_dgemm;
import static org.bytedeco.openblas.global.openblas.cblas_sgemm;

import java.lang.ref.WeakReference;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * Matrix multiply {@code C = op(A) · op(B)} on row-major float or double arrays, {@code op} being an
 * optional transpose, so backward passes never materialise a transposed operand.
 *
 * <p>OpenBLAS (called directly: {@code Nd4j.gemm}'s custom-op dispatch cost ~2/3 of an MLP step) reads
 * off-heap memory, and heap arrays cannot be handed to it without a copy (JavaCPP's {@code float[]}
 * overloads copy too). So operands are copied into a few reused off-heap buffers per thread, and a
 * buffer remembers what it holds: an operand that comes back unchanged (the same array at the same
 * version, like a layer's input, multiplied in the forward pass and again for the weight gradient)
 * is not copied again. Large copies split across the intra-op threads.
 */
public final class Gemm {
    private Gemm() {}

    static {
        Parallel.numThreads();  // OpenBLAS takes its thread count from the intra-op setting before the first product
    }

    /**
     * Writes {@code op(A)·op(B)} to {@code c[cOff ..]}: op(A) is m×k (A stored k×m when {@code ta}),
     * op(B) is k×n (B stored n×k when {@code tb}), read from {@code a[aOff ..]} and {@code b[bOff ..]}.
     * Arrays are all float[] or all double[]. {@code aVersion}/{@code bVersion} change whenever the
     * array's contents do (the tensor's version counter); equal array and version mean equal contents.
     */
    public static void gemm(boolean ta, boolean tb, int m, int n, int k, Object a, int aOff, int aVersion,
                            Object b, int bOff, int bVersion, Object c, int cOff) {
        if ((long) m * n * k == 0) {  // empty operands: BLAS would reject the leading dimensions
            Buffers.fillRange(c, cOff, cOff + m * n, 0);
            return;
        }
        int lda = ta ? m : k, ldb = tb ? k : n;
        int transA = ta ? CblasTrans : CblasNoTrans, transB = tb ? CblasTrans : CblasNoTrans;
        Scratch s = SCRATCH.get();
        Slot sa = s.operand(a, aVersion, null), sb = s.operand(b, bVersion, sa);
        Pointer pc = s.output(c, m * n);
        if (a instanceof float[]) {
            cblas_sgemm(CblasRowMajor, transA, transB, m, n, k, 1f, sa.at(aOff), lda, sb.at(bOff), ldb, 0f,
                    (FloatPointer) pc, n);
        } else {
            cblas_dgemm(CblasRowMajor, transA, transB, m, n, k, 1.0, sa.at(aOff), lda, sb.at(bOff), ldb, 0.0,
                    (DoublePointer) pc, n);
        }
        copy(pc, c, cOff, m * n, false);
    }

    /** OpenBLAS's thread count; {@link Parallel#setNumThreads} keeps it equal to the intra-op pool's. */
    static void setThreads(int n) {
        blas_set_num_threads(n);
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /**
     * Copies {@code len} elements from heap {@code array[off ..]} to {@code buf[0 ..]} ({@code toBuffer})
     * or back, split across threads when large.
     */
    private static void copy(Pointer buf, Object array, int off, int len, boolean toBuffer) {
        Parallel.forRange(len, (from, to) -> {
            if (array instanceof float[] f) {
                FloatPointer p = new FloatPointer(buf).position(from);
                if (toBuffer) p.put(f, off + from, to - from);
                else p.get(f, off + from, to - from);
            } else {
                DoublePointer p = new DoublePointer(buf).position(from);
                if (toBuffer) p.put((double[]) array, off + from, to - from);
                else p.get((double[]) array, off + from, to - from);
            }
        });
    }

    /**
     * An off-heap operand buffer and the heap array (at a version) whose copy it holds; weakly, so a
     * finished batch is not kept alive by the cache.
     */
    private static final class Slot {
        Pointer buf;
        WeakReference<Object> source = new WeakReference<>(null);
        int version;
        long lastUse;

        /** The buffer positioned at element {@code offset}, typed for the cblas call. */
        <P extends Pointer> P at(int offset) {
            @SuppressWarnings("unchecked")
            P p = (P) (buf instanceof FloatPointer f ? new FloatPointer(f).position(offset)
                    : new DoublePointer((DoublePointer) buf).position(offset));
            return p;
        }
    }

    /**
     * A thread's buffers: four operand slots (a layer's input, its weight, the upstream gradient and
     * the activation feeding the next layer stay resident across one training step), reused in
     * least-recently-used order, and one output buffer. Each grows to the largest array it has held,
     * so off-heap memory stays flat.
     */
    private static final class Scratch {
        private final Slot[] slots = {new Slot(), new Slot(), new Slot(), new Slot()};
        private Pointer out;
        private long clock;

        /** A slot holding {@code array} at {@code version}, copying it in unless one already does; never {@code keep}. */
        Slot operand(Object array, int version, Slot keep) {
            Slot victim = null;
            for (Slot s : slots) {
                if (s.source.get() == array && s.version == version) {
                    s.lastUse = ++clock;
                    return s;
                }
                if (s != keep && (victim == null || s.lastUse < victim.lastUse)) victim = s;
            }
            int len = Buffers.length(array);
            victim.buf = fit(victim.buf, array, len);
            victim.source.clear();  // a copy that fails halfway must not be mistaken for a good one
            copy(victim.buf, array, 0, len, true);
            victim.source = new WeakReference<>(array);
            victim.version = version;
            victim.lastUse = ++clock;
            return victim;
        }

        Pointer output(Object array, int len) {
            out = fit(out, array, len);
            return out;
        }

        /** {@code buf} if it has room for {@code len} elements of {@code array}'s type, else a new buffer. */
        private static Pointer fit(Pointer buf, Object array, int len) {
            boolean isFloat = array instanceof float[];
            if (buf != null && buf.capacity() >= len && (buf instanceof FloatPointer) == isFloat) return buf;
            if (buf != null) buf.close();
            return isFloat ? new FloatPointer(Math.max(len, 1)) : new DoublePointer(Math.max(len, 1));
        }
    }
}
