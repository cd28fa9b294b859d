package io.github.interp4j.nativeconfig;

/**
 * What decided the CPU budget.
 *
 * <p>Thread-safety: enum constants are immutable.
 */
public enum BudgetSource {
    /** A cgroup v1 CFS quota ({@code cpu.cfs_quota_us} / {@code cpu.cfs_period_us}). */
    CGROUP_V1_QUOTA,
    /** A cgroup v2 {@code cpu.max} limit. */
    CGROUP_V2_CPU_MAX,
    /** The cpuset / scheduler affinity (fewer CPUs allowed than the quota, or no quota at all). */
    CPUSET,
    /** An explicit override: the API or the {@code interp4j.threads} system property. */
    OVERRIDE,
    /** No limit found: the host's online CPUs. */
    HOST
}
