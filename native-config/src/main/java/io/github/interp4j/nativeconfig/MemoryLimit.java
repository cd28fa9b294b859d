package io.github.interp4j.nativeconfig;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * The lowest memory limit on the process's cgroup or any ancestor (cgroup v2 {@code memory.max},
 * v1 {@code memory.limit_in_bytes}). A native allocation beyond it gets the process OOM-killed rather
 * than an exception, so size checks should stay below it.
 *
 * <p>Thread-safety: immutable.
 */
public final class MemoryLimit {
    private static final MemoryLimit UNLIMITED = new MemoryLimit(-1, null);

    private final long bytes;
    private final String cgroup;

    private MemoryLimit(long bytes, String cgroup) {
        this.bytes = bytes;
        this.cgroup = cgroup;
    }

    /** @return the value meaning no limit was found */
    public static MemoryLimit unlimited() {
        return UNLIMITED;
    }

    /**
     * @param bytes  the limit in bytes, positive
     * @param cgroup the cgroup path that sets it
     * @return the limit
     * @throws IllegalArgumentException if {@code bytes <= 0}
     * @throws NullPointerException     if {@code cgroup} is null
     */
    public static MemoryLimit of(long bytes, String cgroup) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("memory limit must be positive, was " + bytes);
        }
        return new MemoryLimit(bytes, Objects.requireNonNull(cgroup, "cgroup"));
    }

    /** @return the limit in bytes, or empty when none was found */
    public OptionalLong bytes() {
        return bytes < 0 ? OptionalLong.empty() : OptionalLong.of(bytes);
    }

    /** @return the cgroup path that sets the limit, or null when there is none */
    public String cgroup() {
        return cgroup;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MemoryLimit && ((MemoryLimit) o).bytes == bytes
                && Objects.equals(((MemoryLimit) o).cgroup, cgroup);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(bytes) * 31 + Objects.hashCode(cgroup);
    }

    @Override
    public String toString() {
        return bytes < 0 ? "unlimited" : bytes + " bytes (" + cgroup + ")";
    }
}
