package io.github.interp4j.nativeconfig.internal.cgroup;

import java.util.List;
import java.util.Objects;

/**
 * The raw numbers and cgroup paths read from {@code /proc} and {@code /sys}, before any decision is
 * made. {@link SystemReader} produces it; the policy layer turns it into a CPU budget and a memory limit.
 *
 * <p>Cgroup paths are written as in {@code /proc/self/cgroup} (for example {@code /docker/abc} or,
 * inside a cgroup namespace, {@code /}), never as file-system paths. Level lists run from the
 * process's own cgroup (first) up to the top of the hierarchy visible in the mount (last); a level is
 * present only for a directory whose limit file could be read and parsed.
 *
 * <p>Thread-safety: immutable; the lists are unmodifiable copies.
 *
 * @param cpuVersion   the cgroup version of the cpu controller: 0 when none was found, 1 or 2
 * @param cpuCgroup    the process's cgroup path for the cpu controller, or {@code null} when
 *                     {@code cpuVersion == 0}
 * @param cpuLevels    the CPU limits found from the process's cgroup upwards; empty when
 *                     {@code cpuVersion == 0}
 * @param cpusetCpus   the number of CPUs in the effective cpuset, or -1 if unknown
 * @param cpusAllowed  the number of CPUs in {@code Cpus_allowed_list} of {@code /proc/self/status},
 *                     or -1 if unknown
 * @param hostCpus     the host's online CPUs ({@code /sys/devices/system/cpu/online}), or -1 if unknown
 * @param memoryLevels the memory limits found from the process's memory cgroup upwards
 * @param pidsLevels   the task limits ({@code pids.max}, {@code pids.current}) found from the process's
 *                     pids cgroup upwards
 */
public record CgroupSnapshot(int cpuVersion, String cpuCgroup, List<CpuLevel> cpuLevels, int cpusetCpus,
                             int cpusAllowed, int hostCpus, List<MemoryLevel> memoryLevels,
                             List<PidsLevel> pidsLevels) {

    /** Marks a quota or memory limit that is not set ({@code max}, {@code -1}, or v1 "unlimited"). */
    public static final long UNLIMITED = -1;

    /**
     * Validates and copies the components.
     *
     * @param cpuVersion   0 (no cpu controller), 1 or 2
     * @param cpuCgroup    the process's cpu cgroup path, or {@code null}
     * @param cpuLevels    the CPU limits, nearest the process first
     * @param cpusetCpus   the effective cpuset's CPU count, or -1
     * @param cpusAllowed  the {@code Cpus_allowed_list} CPU count, or -1
     * @param hostCpus     the online CPU count, or -1
     * @param memoryLevels the memory limits, nearest the process first
     * @param pidsLevels   the task limits, nearest the process first
     * @throws IllegalArgumentException if {@code cpuVersion} is not 0, 1 or 2, if levels are given
     *                                  with {@code cpuVersion == 0}, or if a CPU count is neither -1
     *                                  nor positive
     * @throws NullPointerException     if a list or one of its elements is null
     */
    public CgroupSnapshot {
        if (cpuVersion < 0 || cpuVersion > 2) {
            throw new IllegalArgumentException("cpuVersion must be 0, 1 or 2, was " + cpuVersion);
        }
        cpuLevels = List.copyOf(cpuLevels);
        memoryLevels = List.copyOf(memoryLevels);
        pidsLevels = List.copyOf(pidsLevels);
        if (cpuVersion == 0 && !cpuLevels.isEmpty()) {
            throw new IllegalArgumentException("CPU levels without a cpu controller: " + cpuLevels);
        }
        checkCount("cpusetCpus", cpusetCpus);
        checkCount("cpusAllowed", cpusAllowed);
        checkCount("hostCpus", hostCpus);
    }

    /**
     * A snapshot without task limits (as before the pids controller was read).
     *
     * @param cpuVersion   0, 1 or 2
     * @param cpuCgroup    the process's cpu cgroup path, or {@code null}
     * @param cpuLevels    the CPU limits, nearest the process first
     * @param cpusetCpus   the effective cpuset's CPU count, or -1
     * @param cpusAllowed  the {@code Cpus_allowed_list} CPU count, or -1
     * @param hostCpus     the online CPU count, or -1
     * @param memoryLevels the memory limits, nearest the process first
     * @throws IllegalArgumentException as the canonical constructor
     * @throws NullPointerException     as the canonical constructor
     */
    public CgroupSnapshot(int cpuVersion, String cpuCgroup, List<CpuLevel> cpuLevels, int cpusetCpus,
                          int cpusAllowed, int hostCpus, List<MemoryLevel> memoryLevels) {
        this(cpuVersion, cpuCgroup, cpuLevels, cpusetCpus, cpusAllowed, hostCpus, memoryLevels, List.of());
    }

    /**
     * Returns the snapshot of a system where nothing could be read: no cgroup, all counts unknown.
     *
     * @return an empty snapshot
     */
    public static CgroupSnapshot empty() {
        return new CgroupSnapshot(0, null, List.of(), -1, -1, -1, List.of());
    }

    private static void checkCount(String name, int value) {
        if (value != -1 && value < 1) {
            throw new IllegalArgumentException(name + " must be -1 (unknown) or positive, was " + value);
        }
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("CgroupSnapshot{cpu ");
        if (cpuVersion == 0) {
            b.append("none");
        } else {
            b.append('v').append(cpuVersion).append(' ').append(cpuCgroup).append(" levels ").append(cpuLevels);
        }
        b.append(", cpuset ").append(count(cpusetCpus))
                .append(", Cpus_allowed_list ").append(count(cpusAllowed))
                .append(", online ").append(count(hostCpus))
                .append(", memory levels ").append(memoryLevels)
                .append(", pids levels ").append(pidsLevels)
                .append('}');
        return b.toString();
    }

    private static String count(int n) {
        return n < 0 ? "unknown" : Integer.toString(n);
    }

    /**
     * The CPU bandwidth limit of one cgroup directory.
     *
     * <p>Thread-safety: immutable.
     *
     * @param cgroup   the cgroup path, as in {@code /proc/self/cgroup}
     * @param quotaUs  the quota in µs per period, or {@link #UNLIMITED} for none ({@code max} / -1)
     * @param periodUs the period in µs, or -1 when the quota is unlimited and no period could be read
     */
    public record CpuLevel(String cgroup, long quotaUs, long periodUs) {
        /**
         * Validates the components.
         *
         * @param cgroup   the cgroup path
         * @param quotaUs  the quota in µs, or -1
         * @param periodUs the period in µs, or -1
         * @throws NullPointerException     if {@code cgroup} is null
         * @throws IllegalArgumentException if the quota is neither -1 nor positive, the period neither
         *                                  -1 nor positive, or a positive quota has no period
         */
        public CpuLevel {
            Objects.requireNonNull(cgroup, "cgroup");
            if (quotaUs != UNLIMITED && quotaUs < 1) {
                throw new IllegalArgumentException("quotaUs must be -1 or positive, was " + quotaUs);
            }
            if (periodUs != -1 && periodUs < 1) {
                throw new IllegalArgumentException("periodUs must be -1 or positive, was " + periodUs);
            }
            if (quotaUs > 0 && periodUs < 1) {
                throw new IllegalArgumentException("a quota needs a period: " + cgroup + " " + quotaUs);
            }
        }

        /** @return whether this level limits the CPU bandwidth (a positive quota) */
        public boolean limited() {
            return quotaUs > 0;
        }

        @Override
        public String toString() {
            return cgroup + " " + (quotaUs < 0 ? "max" : Long.toString(quotaUs)) + "/" + periodUs;
        }
    }

    /**
     * The memory limit of one cgroup directory.
     *
     * <p>Thread-safety: immutable.
     *
     * @param cgroup the cgroup path, as in {@code /proc/self/cgroup}
     * @param bytes  the limit in bytes, or {@link #UNLIMITED} for none
     */
    public record MemoryLevel(String cgroup, long bytes) {
        /**
         * Validates the components.
         *
         * @param cgroup the cgroup path
         * @param bytes  the limit in bytes, or -1
         * @throws NullPointerException     if {@code cgroup} is null
         * @throws IllegalArgumentException if {@code bytes} is neither -1 nor positive
         */
        public MemoryLevel {
            Objects.requireNonNull(cgroup, "cgroup");
            if (bytes != UNLIMITED && bytes < 1) {
                throw new IllegalArgumentException("bytes must be -1 or positive, was " + bytes);
            }
        }

        /** @return whether this level sets a finite limit */
        public boolean limited() {
            return bytes > 0;
        }

        @Override
        public String toString() {
            return cgroup + " " + (bytes < 0 ? "max" : Long.toString(bytes));
        }
    }

    /**
     * The task limit of one cgroup directory ({@code pids.max}, {@code pids.current}; the same file names
     * in cgroup v1 and v2).
     *
     * <p>Thread-safety: immutable.
     *
     * @param cgroup  the cgroup path, as in {@code /proc/self/cgroup}
     * @param max     {@code pids.max}, or {@link #UNLIMITED} for {@code max}
     * @param current {@code pids.current}, or -1 when it could not be read
     */
    public record PidsLevel(String cgroup, long max, long current) {
        /**
         * Validates the components.
         *
         * @param cgroup  the cgroup path
         * @param max     the limit, or -1
         * @param current the tasks in the group, or -1
         * @throws NullPointerException     if {@code cgroup} is null
         * @throws IllegalArgumentException if {@code max} is neither -1 nor positive, or {@code current}
         *                                  below -1
         */
        public PidsLevel {
            Objects.requireNonNull(cgroup, "cgroup");
            if (max != UNLIMITED && max < 1) {
                throw new IllegalArgumentException("max must be -1 or positive, was " + max);
            }
            if (current < -1) {
                throw new IllegalArgumentException("current must be -1 or at least 0, was " + current);
            }
        }

        /** @return whether this level sets a finite limit */
        public boolean limited() {
            return max > 0;
        }

        /**
         * @return free task slots, {@code max(0, max - current)}; with an unknown current count the
         *         limit itself (the best that can be said); {@link Long#MAX_VALUE} when unlimited
         */
        public long headroom() {
            if (max < 0) {
                return Long.MAX_VALUE;
            }
            return current < 0 ? max : Math.max(0, max - current);
        }

        @Override
        public String toString() {
            return cgroup + " " + (current < 0 ? "?" : Long.toString(current)) + "/" + (max < 0 ? "max" : Long.toString(max));
        }
    }
}
