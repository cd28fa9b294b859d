package io.github.interp4j.nativeconfig.internal.policy;

import java.util.Objects;

/**
 * How many leases the current thread holds (its own, or shared with it by {@link #share(Runnable)}):
 * a call made inside a lease must not wait for the budget its caller already holds, so a
 * {@link ComputeGate} that tracks depth grants it one thread at once.
 *
 * <p>Thread-safety: each thread sees its own count; one instance serves all threads of a runtime.
 */
public final class LeaseDepth {
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

    /** @return true if the current thread holds (or shares) a lease */
    public boolean inside() {
        return depth.get()[0] > 0;
    }

    /** @return the current thread's counter (a lease keeps it, so closing on another thread counts right) */
    int[] counter() {
        return depth.get();
    }

    /**
     * Wraps work that a lease holder hands to another thread, so that leases taken by that work count as
     * nested in the holder's.
     *
     * @param work the work
     * @return the wrapped work; it counts as inside a lease while it runs
     * @throws NullPointerException if {@code work} is null
     */
    public Runnable share(Runnable work) {
        Objects.requireNonNull(work, "work");
        return () -> {
            int[] d = depth.get();
            d[0]++;
            try {
                work.run();
            } finally {
                d[0]--;
            }
        };
    }
}
