package io.jgrad.core.kernel;

import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.CblasTrans;
import static org.bytedeco.openblas.global.openblas.blas_get_num_threads;
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
 * is not copied again. Large copies split across the intra-op threads, and so does the product: OpenBLAS
 * runs single-threaded on blocks of C that the intra-op team claims (see {@link Parallel}).
 */
public final class Gemm {
    private Gemm() {}

    static {
        blas_set_num_threads(1);  // the intra-op team runs the blocks; OpenBLAS's own pool would spin against it
    }

    /**
     * Sets the threads of the process's one OpenBLAS, when it has another count: 1 before each product
     * here, the intra-op count before the ND4J device's ({@link Nd4jMatmul}). ND4J's backend sets it to
     * all cores as it starts, which left every later product here running two OpenBLAS threads under
     * each of the team's on two cores: the MLP and training steps ran at half speed after the first ND4J use.
     */
    static void blasThreads(int n) {
        if (blas_get_num_threads() != n) blas_set_num_threads(n);
    }

    /** Multiply-adds per block: about 20 µs of one core's work, worth a hand-off to another thread. */
    private static final long BLOCK_WORK = 1 << 20;
    /** At most this many blocks, so a shared operand is not packed by OpenBLAS over and over. */
    private static final int MAX_BLOCKS = 4;

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
        blasThreads(1);
        int lda = ta ? m : k, ldb = tb ? k : n;
        int transA = ta ? CblasTrans : CblasNoTrans, transB = tb ? CblasTrans : CblasNoTrans;
        Scratch s = SCRATCH.get();
        Slot sa = s.operand(a, aVersion, null), sb = s.operand(b, bVersion, sa);
        Pointer pc = s.output(c, m * n);
        // Blocks of C's rows (or columns, when it has fewer rows), their count a function of the shape
        // alone, so a product has the same bits on any number of threads.
        boolean byRows = m >= n;
        int extent = byRows ? m : n;
        int blocks = (int) Math.max(1, Math.min(Math.min(MAX_BLOCKS, extent / 16), (long) m * n * k / BLOCK_WORK));
        Parallel.forParts(blocks, (first, last) -> {
            for (int p = first; p < last; p++) {
                int from = edge(extent, blocks, p), to = edge(extent, blocks, p + 1);
                if (byRows) {
                    block(transA, transB, to - from, n, k, sa.at(aOff + (ta ? from : from * lda)), lda, sb.at(bOff), ldb,
                            false, OffHeap.at(pc, from * n), n);
                } else {
                    block(transA, transB, m, to - from, k, sa.at(aOff), lda, sb.at(bOff + (tb ? from * ldb : from)), ldb,
                            false, OffHeap.at(pc, from), n);
                }
            }
        });
        copy(pc, c, cOff, m * n, false);
        s.releaseLarge();
    }

    /** Block boundary p of {@code blocks} over {@code extent}, on a multiple of 16 (OpenBLAS's tile edge). */
    private static int edge(int extent, int blocks, int p) {
        return p == blocks ? extent : (int) ((long) extent * p / blocks) & ~15;
    }

    /**
     * {@code C = op(A)·op(B)}, or {@code C += op(A)·op(B)} when {@code accumulate}, on off-heap operands
     * in OpenBLAS on the calling thread alone: for kernels that split their work across threads themselves.
     */
    static void product(boolean ta, boolean tb, int m, int n, int k, Pointer a, int lda, Pointer b, int ldb,
                        boolean accumulate, Pointer c, int ldc) {
        block(ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans, m, n, k, a, lda, b, ldb, accumulate, c, ldc);
    }

    private static void block(int transA, int transB, int m, int n, int k, Pointer a, int lda, Pointer b, int ldb,
                              boolean accumulate, Pointer c, int ldc) {
        if (m == 0 || n == 0) return;
        if (a instanceof FloatPointer fa) {
            cblas_sgemm(CblasRowMajor, transA, transB, m, n, k, 1f, fa, lda, (FloatPointer) b, ldb, accumulate ? 1f : 0f,
                    (FloatPointer) c, ldc);
        } else {
            cblas_dgemm(CblasRowMajor, transA, transB, m, n, k, 1.0, (DoublePointer) a, lda, (DoublePointer) b, ldb,
                    accumulate ? 1.0 : 0.0, (DoublePointer) c, ldc);
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /**
     * Copies {@code len} elements from heap {@code array[off ..]} to {@code buf[0 ..]} ({@code toBuffer})
     * or back, split across threads when large.
     */
    private static void copy(Pointer buf, Object array, int off, int len, boolean toBuffer) {
        Parallel.forRange(len, (from, to) -> {
            if (toBuffer) OffHeap.put(buf, from, array, off + from, to - from);
            else OffHeap.get(buf, from, array, off + from, to - from);
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

        /** The buffer from element {@code offset} on. */
        Pointer at(int offset) {
            return OffHeap.at(buf, offset);
        }
    }

    /**
     * A thread's buffers: six operand slots, reused in least-recently-used order, and one output
     * buffer. Six hold every operand of a two-layer network's step (input, two weights, hidden
     * activation, two upstream gradients), so the input copied for the forward product is still
     * resident for the weight gradient. Each grows to the largest array it has held, so off-heap
     * memory stays flat; a buffer over {@link #LARGE} elements (a whole test set in one product) is
     * freed after the call instead of being kept for good.
     */
    private static final class Scratch {
        private static final long LARGE = 1 << 22;
        private final Slot[] slots = {new Slot(), new Slot(), new Slot(), new Slot(), new Slot(), new Slot()};
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
            victim.buf = OffHeap.fit(victim.buf, array, len);
            victim.source.clear();  // a copy that fails halfway must not be mistaken for a good one
            copy(victim.buf, array, 0, len, true);
            victim.source = new WeakReference<>(array);
            victim.version = version;
            victim.lastUse = ++clock;
            return victim;
        }

        void releaseLarge() {
            for (Slot s : slots) {
                if (s.buf != null && s.buf.capacity() > LARGE) {
                    s.buf.close();
                    s.buf = null;
                    s.source.clear();
                }
            }
            if (out != null && out.capacity() > LARGE) {
                out.close();
                out = null;
            }
        }

        Pointer output(Object array, int len) {
            out = OffHeap.fit(out, array, len);
            return out;
        }
    }
}
