package io.jgrad.core.kernel;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * Intra-op parallelism: large kernels split their index range across one shared pool, PyTorch's
 * {@code at::parallel_for}. Work under {@link #GRAIN} elements stays on the calling thread, where a
 * hand-off would cost more than it saves.
 *
 * <p>Results never depend on the thread count. Element-wise kernels write disjoint ranges. Reductions
 * either give each output to one thread, summed in the single-thread order, or use {@link #forChunks},
 * whose chunk boundaries depend only on the length, and combine the partials in chunk order; so one
 * seed gives the same bits on 1 thread or 8. (OpenBLAS's products are its own: they repeat at a fixed
 * thread count but may round differently across counts.)
 *
 * <p>The thread count also sets OpenBLAS's, so GEMM and the element-wise kernels, which never run at
 * the same time, each use the same cores without oversubscribing them. The default is the number of
 * processors, or {@code OMP_NUM_THREADS} when set (as PyTorch reads it).
 */
public final class Parallel {
    /** Elements per task: below this a range runs on the caller; reductions cut their input at multiples of it. */
    public static final int GRAIN = 1 << 15;

    private static volatile int threads;
    private static volatile ForkJoinPool pool;

    private Parallel() {}

    /** A kernel body over the half-open index range [from, to). */
    @FunctionalInterface
    public interface Range {
        void run(int from, int to);
    }

    /** A reduction body over chunk {@code chunk}, which covers [from, to). */
    @FunctionalInterface
    public interface Chunk {
        void run(int chunk, int from, int to);
    }

    /** The number of threads large kernels (and OpenBLAS) use. */
    public static int numThreads() {
        if (threads == 0) setNumThreads(defaultThreads());
        return threads;
    }

    /** Sets the threads for large kernels and for OpenBLAS, like {@code torch.set_num_threads}. */
    public static synchronized void setNumThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("setNumThreads: the number of threads must be positive, got " + n);
        }
        if (n == threads) return;
        ForkJoinPool old = pool;
        pool = n == 1 ? null : new ForkJoinPool(n - 1, Parallel::worker, null, false);
        threads = n;
        if (old != null) old.shutdown();
        Gemm.setThreads(n);
    }

    /**
     * Runs {@code body} over [0, n): on the caller when {@code n < GRAIN} or with one thread, else in
     * up to {@link #numThreads()} contiguous ranges, the caller taking the first.
     */
    public static void forRange(int n, Range body) {
        forRange(n, 1, body);
    }

    /**
     * {@link #forRange(int, Range)} over [0, n) items that cost about {@code itemCost} elements each
     * (rows of a matrix, say), so a range splits only when it holds {@link #GRAIN} elements per thread.
     */
    public static void forRange(int n, int itemCost, Range body) {
        long elements = (long) n * Math.max(1, itemCost);
        split(n, (int) Math.min(Math.min(numThreads(), n), elements / GRAIN), body);
    }

    /** The number of chunks {@link #forChunks} cuts a length into: a function of {@code n} alone. */
    public static int chunks(int n) {
        return Math.max(1, (n + GRAIN - 1) / GRAIN);
    }

    /**
     * Runs {@code body} once per chunk of [0, n), chunk {@code c} covering [c·GRAIN, min(n, (c+1)·GRAIN)).
     * The chunks, not the threads, decide how a reduction is split, so the result is the same for any
     * thread count; the caller combines the per-chunk partials in chunk order.
     */
    public static void forChunks(int n, Chunk body) {
        int count = chunks(n);
        split(count, Math.min(numThreads(), count), (first, last) -> {
            for (int c = first; c < last; c++) body.run(c, c * GRAIN, Math.min(n, (c + 1) * GRAIN));
        });
    }

    /** [0, items) in {@code parts} contiguous ranges, the caller taking the first. */
    private static void split(int items, int parts, Range body) {
        if (parts <= 1) {
            if (items > 0) body.run(0, items);
            return;
        }
        ForkJoinPool p = pool;
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[parts - 1];
        for (int i = 1; i < parts; i++) {
            int from = bound(items, parts, i), to = bound(items, parts, i + 1);
            tasks[i - 1] = p.submit(task(() -> body.run(from, to)));
        }
        body.run(0, bound(items, parts, 1));
        for (ForkJoinTask<?> task : tasks) task.join();
    }

    private static int bound(int n, int parts, int i) {
        return (int) ((long) n * i / parts);
    }

    private static ForkJoinTask<?> task(Runnable r) {
        return new RecursiveAction() {
            @Override
            protected void compute() {
                r.run();
            }
        };
    }

    private static java.util.concurrent.ForkJoinWorkerThread worker(ForkJoinPool p) {
        var t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
        t.setName("jgrad-intraop-" + t.getPoolIndex());
        t.setDaemon(true);
        return t;
    }

    private static int defaultThreads() {
        String omp = System.getenv("OMP_NUM_THREADS");
        if (omp != null) {
            try {
                int n = Integer.parseInt(omp.trim());
                if (n > 0) return n;
            } catch (NumberFormatException ignored) {
                // An unparsable OMP_NUM_THREADS is ignored, as OpenMP runtimes ignore it.
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }
}
