package io.github.interp4j.nativeconfig.internal.policy;

import io.github.interp4j.nativeconfig.ComputeLease;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hands out threads from a fixed number of permits so that concurrent callers together never run
 * more compute threads than the budget: a caller that finds every permit free takes as many as it
 * wants (at most all); otherwise it takes one, waiting for it if none is free.
 *
 * <p>Thread-safety: safe for concurrent use; fair, so a waiting caller is not starved.
 */
public final class ComputeGate {
    private final int permits;
    private final Semaphore free;

    /**
     * @param permits the budget, at least 1
     * @throws IllegalArgumentException if {@code permits < 1}
     */
    public ComputeGate(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, was " + permits);
        }
        this.permits = permits;
        this.free = new Semaphore(permits, true);
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
     * Blocks (uninterruptibly) until at least one permit is free.
     *
     * @param wanted the threads the call could use, at least 1
     * @return the lease; close it to give the threads back
     * @throws IllegalArgumentException if {@code wanted < 1}
     */
    public ComputeLease acquire(int wanted) {
        if (wanted < 1) {
            throw new IllegalArgumentException("wanted must be at least 1, was " + wanted);
        }
        int want = Math.min(wanted, permits);
        if (want > 1 && free.tryAcquire(permits)) {
            // Alone: keep what we use and give back the rest.
            free.release(permits - want);
            return new Lease(want);
        }
        free.acquireUninterruptibly(1);
        return new Lease(1);
    }

    /**
     * Waits until every permit is free and takes them all, e.g. to change a process-wide setting while
     * no call is in flight.
     *
     * @return a lease of all permits
     */
    public ComputeLease acquireAll() {
        free.acquireUninterruptibly(permits);
        return new Lease(permits);
    }

    private final class Lease implements ComputeLease {
        private final int threads;
        private final AtomicBoolean open = new AtomicBoolean(true);

        Lease(int threads) {
            this.threads = threads;
        }

        @Override
        public int threads() {
            return threads;
        }

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                free.release(threads);
            }
        }
    }
}
