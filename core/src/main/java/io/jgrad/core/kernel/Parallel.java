package io.jgrad.core.kernel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Intra-op parallelism: large kernels split their index range across one shared team of threads
 * ({@link Team}), PyTorch's {@code at::parallel_for}. Work under {@link #GRAIN} elements stays on the
 * calling thread, where a hand-off would cost more than it saves.
 *
 * <p>Results never depend on the thread count. Element-wise kernels write disjoint ranges. Reductions
 * either give each output to one thread, summed in the single-thread order, or use {@link #forChunks},
 * whose chunk boundaries depend only on the length, and combine the partials in chunk order; so one
 * seed gives the same bits on 1 thread or 8. Matrix products split by shape too ({@link Gemm}).
 *
 * <p>This team is the only pool: OpenBLAS runs single-threaded and {@link Gemm} hands it one block of
 * the product per part, so element-wise kernels and products share the same hot threads instead of two
 * pools spinning against each other on the same cores. The default is the number of processors, or
 * {@code OMP_NUM_THREADS} when set (as PyTorch reads it).
 */
public final class Parallel {
    /** Elements per task: below this a range runs on the caller; reductions cut their input at multiples of it. */
    public static final int GRAIN = 1 << 15;

    private static volatile int threads;
    private static volatile Team team;

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

    /** The number of threads large kernels and matrix products use. */
    public static int numThreads() {
        if (threads == 0) setNumThreads(defaultThreads());
        return threads;
    }

    /** Sets the threads for large kernels and matrix products, like {@code torch.set_num_threads}. */
    public static synchronized void setNumThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("setNumThreads: the number of threads must be positive, got " + n);
        }
        if (n == threads) return;
        Team old = team;
        team = n == 1 ? null : new Team(n - 1);
        threads = n;
        if (old != null) old.shutdown();
    }

    /**
     * Runs {@code body} over [0, n): on the caller when {@code n < 2·GRAIN} or with one thread, else in
     * contiguous ranges of at least {@link #GRAIN} elements shared by the caller and the team.
     */
    public static void forRange(int n, Range body) {
        forRange(n, 1, body);
    }

    /**
     * {@link #forRange(int, Range)} over [0, n) items that cost about {@code itemCost} elements each
     * (rows of a matrix, say), so a range splits only when it holds {@link #GRAIN} elements per part.
     */
    public static void forRange(int n, int itemCost, Range body) {
        int t = numThreads();
        long parts = Math.min(Math.min(n, (long) n * Math.max(1, itemCost) / GRAIN), (long) PARTS_PER_THREAD * t);
        split(n, t == 1 ? 1 : (int) parts, body);
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
        split(count, numThreads() == 1 ? 1 : count, (first, last) -> {
            for (int c = first; c < last; c++) body.run(c, c * GRAIN, Math.min(n, (c + 1) * GRAIN));
        });
    }

    /**
     * Runs {@code body(p, p + 1)} for each part p in [0, parts), the parts claimed one at a time by the
     * caller and the team (with one thread, in order on the caller). For work whose split the caller
     * has already fixed, such as the blocks of a matrix product.
     */
    public static void forParts(int parts, Range body) {
        split(parts, numThreads() == 1 ? 1 : parts, body);
    }

    /** Parts per thread: a few more parts than threads let the caller take over a preempted worker's share. */
    private static final int PARTS_PER_THREAD = 4;

    /**
     * [0, items) in {@code parts} contiguous ranges that the caller and the team claim one at
     * a time. The caller never waits for a part nobody has started: on a busy machine, where a worker
     * may not be scheduled for milliseconds, it simply runs every part itself. It waits only for parts
     * a worker is running.
     */
    private static void split(int items, int parts, Range body) {
        if (parts <= 1) {
            if (items > 0) body.run(0, items);
            return;
        }
        Claims claims = new Claims(items, parts, body);
        Team t = team;
        if (t == null) claims.run();
        else t.run(claims);
        claims.awaitAll();
    }

    /** The shared state of one split: the next unclaimed part, the parts finished, the first failure. */
    private static final class Claims implements Runnable {
        private final int items, parts;
        private final Range body;
        private final AtomicInteger next = new AtomicInteger(), finished = new AtomicInteger();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        Claims(int items, int parts, Range body) {
            this.items = items;
            this.parts = parts;
            this.body = body;
        }

        @Override
        public void run() {
            for (int i; (i = next.getAndIncrement()) < parts; ) {
                try {
                    body.run(bound(items, parts, i), bound(items, parts, i + 1));
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    finished.incrementAndGet();
                }
            }
        }

        /** Spins briefly, then yields: the parts still out are running on another core. */
        void awaitAll() {
            for (int spins = 0; finished.get() < parts; spins++) {
                if (spins < 1 << 10) Thread.onSpinWait();
                else Thread.yield();
            }
            Throwable e = failure.get();
            if (e instanceof RuntimeException r) throw r;
            if (e instanceof Error err) throw err;
            if (e != null) throw new IllegalStateException(e);  // a sneaky checked exception from a kernel body
        }
    }

    private static int bound(int n, int parts, int i) {
        return (int) ((long) n * i / parts);
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
