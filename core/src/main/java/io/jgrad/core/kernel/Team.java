package io.jgrad.core.kernel;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The intra-op worker threads, kept hot between kernels as OpenMP keeps its team: a worker that
 * finishes a job spins for {@link #SPIN_NANOS} before parking, because waking a parked thread costs
 * tens of microseconds on a virtual machine, as much as a whole element-wise kernel at training
 * sizes. Spinning is safe here because no other pool competes for the cores: OpenBLAS runs on one
 * thread and {@link Gemm} splits products across this team instead.
 *
 * <p>One job runs at a time. A caller that finds the team busy (another thread's kernel, or a kernel
 * nested inside a job) runs its job alone, which is correct, only slower.
 */
final class Team {
    /** How long an idle worker keeps polling for the next job: about the gap between two kernels of a step. */
    private static final long SPIN_NANOS = 200_000;

    private final Worker[] workers;
    private final ReentrantLock busy = new ReentrantLock();

    Team(int workers) {
        this.workers = new Worker[workers];
        for (int i = 0; i < workers; i++) {
            this.workers[i] = new Worker("jgrad-intraop-" + (i + 1));
            this.workers[i].start();
        }
    }

    /** Runs {@code job} on the caller and every worker; each call of {@code job.run()} claims its own share. */
    void run(Runnable job) {
        if (!busy.tryLock()) {
            job.run();
            return;
        }
        try {
            for (Worker w : workers) w.post(job);
            job.run();
        } finally {
            busy.unlock();
        }
    }

    void shutdown() {
        for (Worker w : workers) w.interrupt();
    }

    private static final class Worker extends Thread {
        private final AtomicReference<Runnable> job = new AtomicReference<>();

        /**
         * In the top-level thread group, not the caller's: a team first started from inside a JShell
         * snippet would otherwise belong to the snippet's group, and JShell's local engine waits for
         * every thread of that group to end before it returns; workers never end.
         */
        Worker(String name) {
            super(rootGroup(), name);
            setDaemon(true);
            setContextClassLoader(Team.class.getClassLoader());
        }

        private static ThreadGroup rootGroup() {
            ThreadGroup g = Thread.currentThread().getThreadGroup();
            while (g.getParent() != null) g = g.getParent();
            return g;
        }

        void post(Runnable j) {
            job.set(j);
            LockSupport.unpark(this);
        }

        @Override
        public void run() {
            long idleSince = System.nanoTime();
            while (!isInterrupted()) {
                Runnable j = job.get() == null ? null : job.getAndSet(null);
                if (j != null) {
                    j.run();  // a job records its own failures for the caller; it never throws here
                    idleSince = System.nanoTime();
                } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                    idleSince = System.nanoTime();
                }
            }
        }
    }
}
