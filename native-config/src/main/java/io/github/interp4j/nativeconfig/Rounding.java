package io.github.interp4j.nativeconfig;

/**
 * How a fractional CPU quota (quota / period) becomes a whole number of threads.
 *
 * <p>The default is {@link #FLOOR}: BLAS threads are compute-bound, so rounding a 1.5-CPU quota
 * up to 2 runs two busy threads on 1.5 CPUs of time and gets both of them throttled by the CFS
 * bandwidth controller. {@link #CEIL} matches what the JDK does for {@code availableProcessors()}
 * and suits mostly idle or I/O-bound workers. Either way the result is at least 1.
 *
 * <p>Thread-safety: enum constants are immutable.
 */
public enum Rounding {
    /** Round the quota down: 1.5 CPUs gives 1 thread, 0.5 gives 1 (the minimum). */
    FLOOR,
    /** Round the quota up: 1.5 CPUs gives 2 threads, 0.5 gives 1. */
    CEIL;

    /**
     * Rounds {@code quotaUs / periodUs} to whole CPUs, at least 1.
     *
     * @param quotaUs  the CFS quota in microseconds per period, positive
     * @param periodUs the CFS period in microseconds, positive
     * @return the rounded number of CPUs, at least 1
     * @throws IllegalArgumentException if either argument is not positive
     */
    public int cpus(long quotaUs, long periodUs) {
        if (quotaUs <= 0) {
            throw new IllegalArgumentException("quotaUs must be positive, was " + quotaUs);
        }
        if (periodUs <= 0) {
            throw new IllegalArgumentException("periodUs must be positive, was " + periodUs);
        }
        long whole = quotaUs / periodUs;
        if (this == CEIL && quotaUs % periodUs != 0) {
            whole++;
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, whole));
    }
}
