package io.github.interp4j.nativeconfig.internal.policy;

import io.github.interp4j.nativeconfig.BudgetSource;
import io.github.interp4j.nativeconfig.CpuBudget;
import io.github.interp4j.nativeconfig.MemoryLimit;
import io.github.interp4j.nativeconfig.PidLimit;
import io.github.interp4j.nativeconfig.Rounding;
import io.github.interp4j.nativeconfig.internal.cgroup.CgroupSnapshot;
import io.github.interp4j.nativeconfig.internal.cgroup.CgroupSnapshot.CpuLevel;
import io.github.interp4j.nativeconfig.internal.cgroup.CgroupSnapshot.MemoryLevel;
import io.github.interp4j.nativeconfig.internal.cgroup.CgroupSnapshot.PidsLevel;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * Turns a {@link CgroupSnapshot} into a {@link CpuBudget}, a {@link MemoryLimit} and a {@link PidLimit}. Pure functions: no
 * I/O, no logging, the same snapshot always gives the same result.
 *
 * <p>The CPU budget is {@code max(1, min(affinity CPUs, rounded lowest quota, host CPUs))}:
 * <ul>
 *   <li>the lowest quota is the smallest {@code quotaUs / periodUs} over the snapshot's CPU levels
 *       (compared as exact fractions; on a tie the level nearest the process wins), rounded by
 *       {@link Rounding};</li>
 *   <li>the affinity CPUs are the fewest of the known cpuset count and {@code Cpus_allowed_list}
 *       count (-1 when neither is known);</li>
 *   <li>the host CPUs are the online CPUs, else the {@code Cpus_allowed_list} count, else 1. They cap the
 *       budget too, so a quota larger than the machine (or an affinity mask listing offline CPUs) does
 *       not produce more threads than CPUs.</li>
 * </ul>
 * The source is the quota's cgroup version when the rounded quota is the budget; {@link BudgetSource#CPUSET}
 * when the affinity CPUs are fewer than the rounded quota, or there is no quota and they are fewer than
 * the host CPUs; {@link BudgetSource#HOST} otherwise.
 *
 * <p>Thread-safety: stateless.
 */
public final class BudgetDecision {
    private BudgetDecision() {}

    /**
     * Decides the CPU budget.
     *
     * @param s        the snapshot read from the system
     * @param rounding how to round a fractional quota
     * @return the budget, at least 1 CPU, with a one-line {@link CpuBudget#reason()}
     * @throws NullPointerException if an argument is null
     */
    public static CpuBudget decide(CgroupSnapshot s, Rounding rounding) {
        Objects.requireNonNull(s, "s");
        Objects.requireNonNull(rounding, "rounding");

        CpuLevel lowest = lowestQuota(s);
        int affinity = affinity(s);
        int host = host(s);
        String affinityText = affinity < 0 ? "allowed CPUs unknown" : plural(affinity) + " allowed";
        String hostText = hostText(s, host);

        if (lowest == null) {
            String noQuota = s.cpuVersion() == 0 ? "no cgroup cpu controller" : "no CPU quota in cgroup v"
                    + s.cpuVersion() + " " + s.cpuCgroup();
            if (affinity > 0 && affinity < host) {
                return budget(affinity, BudgetSource.CPUSET, null, affinity, host, rounding, s,
                        plural(affinity) + " allowed by cpuset/affinity, fewer than " + hostText + "; " + noQuota);
            }
            return budget(host, BudgetSource.HOST, null, affinity, host, rounding, s,
                    hostText + "; " + noQuota + "; " + affinityText);
        }

        int rounded = rounding.cpus(lowest.quotaUs(), lowest.periodUs());
        String quotaText = quotaText(s.cpuVersion(), lowest, rounding, rounded);
        int cpus = Math.min(rounded, host);
        if (affinity > 0) {
            cpus = Math.min(cpus, affinity);
        }
        if (cpus == rounded) {
            BudgetSource source = s.cpuVersion() == 1 ? BudgetSource.CGROUP_V1_QUOTA : BudgetSource.CGROUP_V2_CPU_MAX;
            return budget(cpus, source, lowest, affinity, host, rounding, s,
                    quotaText + "; " + affinityText + ", " + hostText);
        }
        if (cpus == affinity) {
            return budget(cpus, BudgetSource.CPUSET, lowest, affinity, host, rounding, s,
                    plural(affinity) + " allowed by cpuset/affinity, fewer than " + quotaText + "; " + hostText);
        }
        return budget(cpus, BudgetSource.HOST, lowest, affinity, host, rounding, s,
                hostText + ", fewer than " + quotaText + "; " + affinityText);
    }

    /**
     * Finds the memory limit: the lowest finite limit over the snapshot's memory levels (on a tie the
     * level nearest the process).
     *
     * @param s the snapshot read from the system
     * @return the limit and the cgroup setting it, or {@link MemoryLimit#unlimited()} when no level has one
     * @throws NullPointerException if {@code s} is null
     */
    public static MemoryLimit memory(CgroupSnapshot s) {
        Objects.requireNonNull(s, "s");
        MemoryLevel lowest = null;
        for (MemoryLevel level : s.memoryLevels()) {
            if (level.limited() && (lowest == null || level.bytes() < lowest.bytes())) {
                lowest = level;
            }
        }
        return lowest == null ? MemoryLimit.unlimited() : MemoryLimit.of(lowest.bytes(), lowest.cgroup());
    }

    /**
     * Finds the task limit: over the limited levels, the one with the least headroom
     * ({@code pids.max - pids.current}; on a tie the level nearest the process). A parent's limit counts
     * every task below it, so the walk to the top matters as much as for CPU quotas.
     *
     * @param levels the pids levels, nearest the process first
     * @return the limit, or {@link PidLimit#unlimited()} when no level has one
     * @throws NullPointerException if {@code levels} is null
     */
    public static PidLimit pids(List<PidsLevel> levels) {
        PidsLevel lowest = null;
        for (PidsLevel level : levels) {
            if (level.limited() && level.current() >= 0 && (lowest == null || level.headroom() < lowest.headroom())) {
                lowest = level;
            }
        }
        return lowest == null ? PidLimit.unlimited() : PidLimit.of(lowest.max(), lowest.current(), lowest.cgroup());
    }

    /** The limited level with the smallest quota/period, the first one on a tie; null if none. */
    private static CpuLevel lowestQuota(CgroupSnapshot s) {
        CpuLevel lowest = null;
        for (CpuLevel level : s.cpuLevels()) {
            if (level.limited() && (lowest == null || smaller(level, lowest))) {
                lowest = level;
            }
        }
        return lowest;
    }

    /** a.quota / a.period < b.quota / b.period, exactly (cross-multiplied without overflow). */
    private static boolean smaller(CpuLevel a, CpuLevel b) {
        BigInteger left = BigInteger.valueOf(a.quotaUs()).multiply(BigInteger.valueOf(b.periodUs()));
        BigInteger right = BigInteger.valueOf(b.quotaUs()).multiply(BigInteger.valueOf(a.periodUs()));
        return left.compareTo(right) < 0;
    }

    private static int affinity(CgroupSnapshot s) {
        if (s.cpusetCpus() > 0 && s.cpusAllowed() > 0) {
            return Math.min(s.cpusetCpus(), s.cpusAllowed());
        }
        return Math.max(s.cpusetCpus(), s.cpusAllowed());
    }

    private static int host(CgroupSnapshot s) {
        if (s.hostCpus() > 0) {
            return s.hostCpus();
        }
        return s.cpusAllowed() > 0 ? s.cpusAllowed() : 1;
    }

    private static String hostText(CgroupSnapshot s, int host) {
        if (s.hostCpus() > 0) {
            return plural(host) + " online";
        }
        if (s.cpusAllowed() > 0) {
            return plural(host) + " on the host (online count unknown, assumed Cpus_allowed_list)";
        }
        return "1 CPU on the host (online count and Cpus_allowed_list unknown)";
    }

    private static String quotaText(int version, CpuLevel level, Rounding rounding, int rounded) {
        String cpus = new BigDecimal(level.quotaUs()).divide(new BigDecimal(level.periodUs()), 3, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
        boolean belowOne = level.quotaUs() < level.periodUs();
        return "cgroup v" + version + " quota " + level.quotaUs() + "/" + level.periodUs() + " us = " + cpus
                + " CPUs on " + level.cgroup() + ", rounded "
                + (rounding == Rounding.FLOOR ? "down (floor)" : "up (ceil)") + " to " + rounded
                + (belowOne && rounding == Rounding.FLOOR ? " (at least 1)" : "");
    }

    private static String plural(int cpus) {
        return cpus == 1 ? "1 CPU" : cpus + " CPUs";
    }

    private static CpuBudget budget(int cpus, BudgetSource source, CpuLevel quota, int affinity, int host,
                                    Rounding rounding, CgroupSnapshot s, String reason) {
        CpuBudget.Builder b = CpuBudget.builder().cpus(Math.max(1, cpus)).source(source).affinityCpus(affinity)
                .hostCpus(host).rounding(rounding).cgroupVersion(s.cpuVersion()).reason(reason);
        if (quota != null) {
            b.quota(quota.quotaUs(), quota.periodUs(), quota.cgroup());
        }
        return b.build();
    }
}
