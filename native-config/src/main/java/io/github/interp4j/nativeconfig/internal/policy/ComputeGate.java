package io.github.interp4j.nativeconfig.internal.policy;

import io.github.interp4j.nativeconfig.BlasLease;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hands out threads from a fixed number of permits so that concurrent callers together never run
 * more compute threads than the budget: a caller that finds every permit free takes as many as it
 * wants (at most all); otherwise it takes one, waiting for it if none is free.
 *
 * <p>A gate made with a {@link LeaseDepth} also knows nesting: a caller that already holds a lease (or
 * shares one) gets a one-thread lease at once, without taking a permit, since its holder's permits
 * already count those threads.
 *
 * <p>Thread-safety: safe for concurrent use; fair, so a waiting caller is not starved. Cost: O(1) per
 * lease, plus the wait.
 */
public final class ComputeGate {
    private final int permits;
    private final Semaphore free;
    private final LeaseDepth depth;

    /**
     * A gate that does not track nesting.
     *
     * @param permits the budget, at least 1
     * @throws IllegalArgumentException if {@code permits < 1}
     */
    public ComputeGate(int permits) {
        this(permits, null);
    }

    /**
     * A gate that grants a caller already inside a lease one thread without waiting.
     *
     * @param permits the budget, at least 1
     * @param depth   the nesting of the runtime this gate serves (shared by successive gates), or null
     * @throws IllegalArgumentException if {@code permits < 1}
     */
    public ComputeGate(int permits, LeaseDepth depth) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, was " + permits);
        }
        this.permits = permits;
        this.free = new Semaphore(permits, true);
        this.depth = depth;
    }

    /** @return the total number of permits */
    public int permits() {
        return permits;
    }

    /** @return the permits not held by any lease right now (a snapshot, for tests and reports) */
    public int available() {
        return free.availablePermits();
    }

    /**
     * Takes threads for one call: {@code min(wanted, permits)} when the budget is entirely free, else 1.
     * Blocks (uninterruptibly) until at least one permit is free; inside a lease (nesting-aware gate)
     * returns one thread at once.
     *
     * @param wanted the threads the call could use, at least 1
     * @return the lease; close it to give the threads back
     * @throws IllegalArgumentException if {@code wanted < 1}
     */
    public Lease acquire(int wanted) {
        if (wanted < 1) {
            throw new IllegalArgumentException("wanted must be at least 1, was " + wanted);
        }
        if (nested()) {
            return new Lease(0, 1, depth);
        }
        int held = take(Math.min(wanted, permits));
        return new Lease(held, held, depth);
    }

    /**
     * Takes the budget for one BLAS call: all permits when they are all free, and then the lease reports
     * {@code aloneThreads} (the BLAS thread count decided, which may differ from the budget); otherwise
     * one permit and one thread. Inside a lease (nesting-aware gate): one thread at once.
     *
     * @param aloneThreads the threads to report when the call has the budget to itself, at least 1
     * @return the lease; close it to give the permits back
     */
    public Lease acquireBudget(int aloneThreads) {
        if (nested()) {
            return new Lease(0, 1, depth);
        }
        int held = take(permits);
        return new Lease(held, held == permits ? aloneThreads : 1, depth);
    }

    /**
     * Takes threads for one call of a task that has a share of the budget (a Spark task): waits for one
     * permit, then takes more that are free right now, up to {@code min(share, permits)}, without waiting
     * for them. Concurrent shares together never exceed the permits. Inside a lease (nesting-aware gate):
     * one thread at once.
     *
     * @param share the task's threads, at least 1
     * @return the lease; its threads are the permits it holds
     * @throws IllegalArgumentException if {@code share < 1}
     */
    public Lease acquireShare(int share) {
        if (share < 1) {
            throw new IllegalArgumentException("share must be at least 1, was " + share);
        }
        if (nested()) {
            return new Lease(0, 1, depth);
        }
        int want = Math.min(share, permits);
        free.acquireUninterruptibly(1);
        int held = 1;
        while (held < want && free.tryAcquire()) {
            held++;
        }
        return new Lease(held, held, depth);
    }

    /**
     * Waits until every permit is free and takes them all, e.g. to change a process-wide setting while
     * no call is in flight. Not nesting-aware: never call it while holding a lease of this gate.
     *
     * @return a lease of all permits
     */
    public Lease acquireAll() {
        free.acquireUninterruptibly(permits);
        return new Lease(permits, permits, null);
    }

    private boolean nested() {
        return depth != null && depth.inside();
    }

    /** Takes {@code want} permits if all are free and {@code want > 1}, else waits for one. */
    private int take(int want) {
        if (want > 1 && free.tryAcquire(permits)) {
            // Alone: keep what we use and give back the rest.
            free.release(permits - want);
            return want;
        }
        free.acquireUninterruptibly(1);
        return 1;
    }

    /**
     * Permits held for one call (none for a nested lease) and the threads the holder may run. It is a
     * {@link BlasLease} so that one lease type serves Java sections and BLAS calls.
     *
     * <p>Thread-safety: belongs to the thread that acquired it; {@link #close()} is idempotent.
     */
    public final class Lease implements BlasLease {
        private final int held;
        private final int threads;
        private final int[] nesting;
        private final AtomicBoolean open = new AtomicBoolean(true);

        private Lease(int held, int threads, LeaseDepth depth) {
            this.held = held;
            this.threads = threads;
            this.nesting = depth == null ? null : depth.counter();
            if (nesting != null) {
                nesting[0]++;
            }
        }

        @Override
        public int threads() {
            return threads;
        }

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                if (nesting != null) {
                    nesting[0]--;
                }
                if (held > 0) {
                    free.release(held);
                }
            }
        }
    }
}
