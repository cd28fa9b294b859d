package io.github.interp4j.nativeconfig;

import java.util.Objects;

/**
 * The number of CPUs the process may keep busy, with the numbers that decided it.
 *
 * <p>The detected budget is {@code max(1, min(affinity CPUs, rounded quota))}, where the quota is the
 * lowest CPU limit found on the process's cgroup or any of its ancestors (cgroup v1
 * {@code cpu.cfs_quota_us / cpu.cfs_period_us}, cgroup v2 {@code cpu.max}), rounded by
 * {@link Rounding}, and the affinity CPUs are the fewest of the cpuset's effective CPUs and
 * {@code Cpus_allowed_list}. Without a quota or cpuset the budget is the host's online CPUs.
 *
 * <p>Thread-safety: immutable.
 */
public final class CpuBudget {
    /** Marks a number that was not found ({@link #quotaUs()}, {@link #periodUs()}, CPU counts). */
    public static final long NONE = -1;

    private final int cpus;
    private final BudgetSource source;
    private final long quotaUs;
    private final long periodUs;
    private final String quotaCgroup;
    private final int affinityCpus;
    private final int hostCpus;
    private final Rounding rounding;
    private final int cgroupVersion;
    private final String reason;

    /**
     * Creates a budget from positional values.
     *
     * @param cpus          the budget, at least 1
     * @param source        what decided it
     * @param quotaUs       the limiting quota in µs per period, or {@link #NONE}
     * @param periodUs      its period in µs, or {@link #NONE}
     * @param quotaCgroup   the cgroup path whose limit was the lowest, or {@code null}
     * @param affinityCpus  CPUs allowed by cpuset / affinity, or -1 if unknown
     * @param hostCpus      the host's online CPUs, at least 1
     * @param rounding      the rounding applied to the quota
     * @param cgroupVersion 1 or 2 for the cpu controller found, 0 for none
     * @param reason        a one-line human explanation
     * @throws IllegalArgumentException if {@code cpus < 1} or {@code hostCpus < 1}
     * @throws NullPointerException     if {@code source}, {@code rounding} or {@code reason} is null
     * @deprecated use {@link #builder()}, which names each value
     */
    @Deprecated
    public CpuBudget(int cpus, BudgetSource source, long quotaUs, long periodUs, String quotaCgroup,
                     int affinityCpus, int hostCpus, Rounding rounding, int cgroupVersion, String reason) {
        this(builder().cpus(cpus).source(source).quota(quotaUs, periodUs, quotaCgroup).affinityCpus(affinityCpus)
                .hostCpus(hostCpus).rounding(rounding).cgroupVersion(cgroupVersion).reason(reason));
    }

    private CpuBudget(Builder b) {
        if (b.cpus < 1) {
            throw new IllegalArgumentException("cpus must be at least 1, was " + b.cpus);
        }
        if (b.hostCpus < 1) {
            throw new IllegalArgumentException("hostCpus must be at least 1, was " + b.hostCpus);
        }
        this.cpus = b.cpus;
        this.source = Objects.requireNonNull(b.source, "source");
        this.quotaUs = b.quotaUs;
        this.periodUs = b.periodUs;
        this.quotaCgroup = b.quotaCgroup;
        this.affinityCpus = b.affinityCpus;
        this.hostCpus = b.hostCpus;
        this.rounding = Objects.requireNonNull(b.rounding, "rounding");
        this.cgroupVersion = b.cgroupVersion;
        this.reason = Objects.requireNonNull(b.reason, "reason");
    }

    /**
     * @return a builder; cpus, source, host CPUs and reason must be set; the rest default to no quota
     *         ({@link #NONE}, no cgroup), affinity unknown (-1), {@link Rounding#FLOOR}, cgroup version 0
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this budget's values */
    public Builder toBuilder() {
        return builder().cpus(cpus).source(source).quota(quotaUs, periodUs, quotaCgroup).affinityCpus(affinityCpus)
                .hostCpus(hostCpus).rounding(rounding).cgroupVersion(cgroupVersion).reason(reason);
    }

    /**
     * Returns this budget replaced by an explicit override, keeping the detected numbers for the report.
     *
     * @param overrideCpus the overriding budget, at least 1
     * @param origin       where the override came from (e.g. "system property interp4j.threads")
     * @return a budget whose source is {@link BudgetSource#OVERRIDE}
     * @throws IllegalArgumentException if {@code overrideCpus < 1}
     */
    public CpuBudget overriddenBy(int overrideCpus, String origin) {
        return toBuilder().cpus(overrideCpus).source(BudgetSource.OVERRIDE)
                .reason(overrideCpus + " CPUs from " + origin + " (detected " + cpus + ": " + reason + ")").build();
    }

    /** @return the budget: how many threads may compute at once, at least 1 */
    public int cpus() {
        return cpus;
    }

    /** @return what decided the budget */
    public BudgetSource source() {
        return source;
    }

    /** @return the limiting CFS quota in µs per period, or {@link #NONE} */
    public long quotaUs() {
        return quotaUs;
    }

    /** @return the period of the limiting quota in µs, or {@link #NONE} */
    public long periodUs() {
        return periodUs;
    }

    /** @return the cgroup path (as in {@code /proc/self/cgroup}) whose quota was the lowest, or null */
    public String quotaCgroup() {
        return quotaCgroup;
    }

    /** @return CPUs allowed by the cpuset and affinity mask, or -1 if unknown */
    public int affinityCpus() {
        return affinityCpus;
    }

    /** @return the host's online CPUs */
    public int hostCpus() {
        return hostCpus;
    }

    /** @return the rounding applied to a fractional quota */
    public Rounding rounding() {
        return rounding;
    }

    /** @return 1 or 2 for the cgroup version of the cpu controller, 0 if none was found */
    public int cgroupVersion() {
        return cgroupVersion;
    }

    /** @return a one-line explanation of the decision */
    public String reason() {
        return reason;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CpuBudget)) {
            return false;
        }
        CpuBudget b = (CpuBudget) o;
        return cpus == b.cpus && source == b.source && quotaUs == b.quotaUs && periodUs == b.periodUs
                && Objects.equals(quotaCgroup, b.quotaCgroup) && affinityCpus == b.affinityCpus
                && hostCpus == b.hostCpus && rounding == b.rounding && cgroupVersion == b.cgroupVersion
                && reason.equals(b.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cpus, source, quotaUs, periodUs, quotaCgroup, affinityCpus, hostCpus, rounding,
                cgroupVersion);
    }

    @Override
    public String toString() {
        return "CpuBudget{" + cpus + " from " + source + ": " + reason + "}";
    }

    /**
     * Builds a {@link CpuBudget}, one named value at a time.
     *
     * <p>Thread-safety: not thread-safe; use one builder per thread.
     */
    public static final class Builder {
        private int cpus;
        private BudgetSource source;
        private long quotaUs = NONE;
        private long periodUs = NONE;
        private String quotaCgroup;
        private int affinityCpus = -1;
        private int hostCpus;
        private Rounding rounding = Rounding.FLOOR;
        private int cgroupVersion;
        private String reason;

        private Builder() {}

        /**
         * @param v the budget, at least 1
         * @return this builder
         */
        public Builder cpus(int v) {
            cpus = v;
            return this;
        }

        /**
         * @param v what decided the budget
         * @return this builder
         */
        public Builder source(BudgetSource v) {
            source = v;
            return this;
        }

        /**
         * @param quota  the limiting quota in µs per period, or {@link #NONE}
         * @param period its period in µs, or {@link #NONE}
         * @param cgroup the cgroup path whose limit was the lowest, or {@code null}
         * @return this builder
         */
        public Builder quota(long quota, long period, String cgroup) {
            quotaUs = quota;
            periodUs = period;
            quotaCgroup = cgroup;
            return this;
        }

        /**
         * @param v CPUs allowed by cpuset / affinity, or -1 if unknown
         * @return this builder
         */
        public Builder affinityCpus(int v) {
            affinityCpus = v;
            return this;
        }

        /**
         * @param v the host's online CPUs, at least 1
         * @return this builder
         */
        public Builder hostCpus(int v) {
            hostCpus = v;
            return this;
        }

        /**
         * @param v the rounding applied to the quota
         * @return this builder
         */
        public Builder rounding(Rounding v) {
            rounding = v;
            return this;
        }

        /**
         * @param v 1 or 2 for the cpu controller found, 0 for none
         * @return this builder
         */
        public Builder cgroupVersion(int v) {
            cgroupVersion = v;
            return this;
        }

        /**
         * @param v a one-line human explanation
         * @return this builder
         */
        public Builder reason(String v) {
            reason = v;
            return this;
        }

        /**
         * @return the budget
         * @throws IllegalArgumentException if cpus or host CPUs are below 1
         * @throws NullPointerException     if source, rounding or reason is missing
         */
        public CpuBudget build() {
            return new CpuBudget(this);
        }
    }
}
