package io.github.interp4j.nativeconfig;

import java.io.Serializable;

/**
 * How many threads one library call may use, as a function of the CPU budget.
 *
 * <ul>
 *   <li>{@link #auto()}: the whole budget (the default);</li>
 *   <li>{@link #fixed(int)}: exactly {@code n}, whatever the budget (an explicit choice; a value above
 *       the budget is honoured and logged at WARN when applied);</li>
 *   <li>{@link #sequential()}: one thread, for applications that already parallelise (one request per
 *       thread);</li>
 *   <li>{@link #perWorker(int)}: for callers that run {@code k} parallel workers themselves:
 *       {@code max(1, budget / k)}.</li>
 * </ul>
 * The count applies to Java worker threads of batch evaluation and to OpenBLAS threads alike.
 *
 * <p>Thread-safety: immutable.
 */
public final class ThreadPolicy implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The kinds of policy. */
    public enum Kind {
        /** The whole CPU budget. */
        AUTO,
        /** A fixed count. */
        FIXED,
        /** One thread. */
        SEQUENTIAL,
        /** The budget divided among the caller's own workers. */
        PER_WORKER
    }

    private static final ThreadPolicy AUTO = new ThreadPolicy(Kind.AUTO, 0);
    private static final ThreadPolicy SEQUENTIAL = new ThreadPolicy(Kind.SEQUENTIAL, 1);

    /** @serial the kind of policy */
    private final Kind kind;
    /** @serial the count of FIXED or the workers of PER_WORKER */
    private final int n;

    private ThreadPolicy(Kind kind, int n) {
        this.kind = kind;
        this.n = n;
    }

    /** @return the policy that uses the whole CPU budget */
    public static ThreadPolicy auto() {
        return AUTO;
    }

    /** @return the policy that uses one thread per call */
    public static ThreadPolicy sequential() {
        return SEQUENTIAL;
    }

    /**
     * @param threads the thread count, at least 1
     * @return a policy that always uses {@code threads} threads
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public static ThreadPolicy fixed(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("fixed thread count must be at least 1, was " + threads);
        }
        return new ThreadPolicy(Kind.FIXED, threads);
    }

    /**
     * @param workers how many parallel workers the caller itself runs, at least 1
     * @return a policy giving each call {@code max(1, budget / workers)} threads
     * @throws IllegalArgumentException if {@code workers < 1}
     */
    public static ThreadPolicy perWorker(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("worker count must be at least 1, was " + workers);
        }
        return new ThreadPolicy(Kind.PER_WORKER, workers);
    }

    /** @return the kind of this policy */
    public Kind kind() {
        return kind;
    }

    /**
     * The thread count this policy gives under a budget. O(1).
     *
     * @param budget the CPU budget, at least 1
     * @return the threads one call may use, at least 1
     * @throws IllegalArgumentException if {@code budget < 1}
     */
    public int threadsFor(int budget) {
        if (budget < 1) {
            throw new IllegalArgumentException("budget must be at least 1, was " + budget);
        }
        switch (kind) {
            case AUTO:
                return budget;
            case FIXED:
                return n;
            case SEQUENTIAL:
                return 1;
            case PER_WORKER:
                return Math.max(1, budget / n);
            default:
                throw new AssertionError(kind);
        }
    }

    /**
     * Re-creates the policy through its validating factories.
     *
     * @return the canonical instance
     */
    private Object readResolve() {
        switch (kind) {
            case AUTO:
                return AUTO;
            case SEQUENTIAL:
                return SEQUENTIAL;
            case FIXED:
                return fixed(n);
            case PER_WORKER:
                return perWorker(n);
            default:
                throw new IllegalStateException("unknown kind " + kind);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ThreadPolicy && ((ThreadPolicy) o).kind == kind && ((ThreadPolicy) o).n == n;
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + n;
    }

    @Override
    public String toString() {
        switch (kind) {
            case FIXED:
                return "fixed(" + n + ")";
            case PER_WORKER:
                return "perWorker(" + n + ")";
            default:
                return kind.name().toLowerCase(java.util.Locale.ROOT) + "()";
        }
    }
}
