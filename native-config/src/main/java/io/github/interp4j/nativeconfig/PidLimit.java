package io.github.interp4j.nativeconfig;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * The tightest limit on new threads: over the process's {@code pids} cgroup and each ancestor (cgroup v1
 * and v2 both name the files {@code pids.max} and {@code pids.current}), the level with the fewest free
 * task slots, {@code headroom = pids.max - pids.current}. Every thread of every process in the group
 * counts as one task. When the headroom is used up, {@code pthread_create} fails: the JVM reports
 * {@code OutOfMemoryError: unable to create native thread}, and OpenBLAS, which cannot survive a failed
 * thread creation, aborts at load or crashes at exit. Common in Kubernetes (the kubelet's
 * {@code podPidsLimit}) and in {@code docker run --pids-limit}.
 *
 * <p>Thread-safety: immutable. The numbers are those read when the decision was made; the runtime reads
 * them again before every thread-pool growth.
 */
public final class PidLimit {
    private static final PidLimit UNLIMITED = new PidLimit(-1, -1, null);

    private final long max;
    private final long current;
    private final String cgroup;

    private PidLimit(long max, long current, String cgroup) {
        this.max = max;
        this.current = current;
        this.cgroup = cgroup;
    }

    /** @return the value meaning no {@code pids.max} was found (or every level says {@code max}) */
    public static PidLimit unlimited() {
        return UNLIMITED;
    }

    /**
     * @param max     {@code pids.max} of the limiting level, at least 1
     * @param current {@code pids.current} of that level, at least 0 (it may exceed {@code max} after the
     *                limit was lowered)
     * @param cgroup  the cgroup path (as in {@code /proc/self/cgroup}) of that level
     * @return the limit
     * @throws IllegalArgumentException if {@code max < 1} or {@code current < 0}
     * @throws NullPointerException     if {@code cgroup} is null
     */
    public static PidLimit of(long max, long current, String cgroup) {
        if (max < 1) {
            throw new IllegalArgumentException("pids.max must be at least 1, was " + max);
        }
        if (current < 0) {
            throw new IllegalArgumentException("pids.current must be at least 0, was " + current);
        }
        return new PidLimit(max, current, Objects.requireNonNull(cgroup, "cgroup"));
    }

    /** @return whether a finite {@code pids.max} applies */
    public boolean limited() {
        return max > 0;
    }

    /** @return {@code pids.max} of the limiting level, or empty when unlimited */
    public OptionalLong max() {
        return max < 0 ? OptionalLong.empty() : OptionalLong.of(max);
    }

    /** @return {@code pids.current} of the limiting level, or empty when unlimited */
    public OptionalLong current() {
        return max < 0 ? OptionalLong.empty() : OptionalLong.of(current);
    }

    /**
     * @return how many more tasks (threads) the limiting level admits, {@code max(0, max - current)}, or
     *         {@link Long#MAX_VALUE} when unlimited
     */
    public long headroom() {
        return max < 0 ? Long.MAX_VALUE : Math.max(0, max - current);
    }

    /** @return the cgroup path of the limiting level, or null when unlimited */
    public String cgroup() {
        return cgroup;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PidLimit)) {
            return false;
        }
        PidLimit p = (PidLimit) o;
        return p.max == max && p.current == current && Objects.equals(p.cgroup, cgroup);
    }

    @Override
    public int hashCode() {
        return Objects.hash(max, current, cgroup);
    }

    @Override
    public String toString() {
        return max < 0 ? "unlimited" : current + " of " + max + " tasks in use, " + headroom() + " free (" + cgroup + ")";
    }
}
