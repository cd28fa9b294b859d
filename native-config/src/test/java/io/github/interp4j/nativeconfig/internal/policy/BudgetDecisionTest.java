package io.github.interp4j.nativeconfig.internal.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.interp4j.nativeconfig.BudgetSource;
import io.github.interp4j.nativeconfig.CpuBudget;
import io.github.interp4j.nativeconfig.MemoryLimit;
import io.github.interp4j.nativeconfig.Rounding;
import io.github.interp4j.nativeconfig.internal.cgroup.CgroupSnapshot;
import io.github.interp4j.nativeconfig.internal.cgroup.CgroupSnapshot.CpuLevel;
import io.github.interp4j.nativeconfig.internal.cgroup.CgroupSnapshot.MemoryLevel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link BudgetDecision} on hand-made snapshots. */
class BudgetDecisionTest {

    private static CgroupSnapshot v1(List<CpuLevel> levels, int cpuset, int allowed, int host) {
        return new CgroupSnapshot(1, "/docker/abc", levels, cpuset, allowed, host, List.of());
    }

    private static CgroupSnapshot v2(List<CpuLevel> levels, int cpuset, int allowed, int host) {
        return new CgroupSnapshot(2, "/", levels, cpuset, allowed, host, List.of());
    }

    @ParameterizedTest(name = "{0}/{1} -> floor {2}, ceil {3}")
    @CsvSource(textBlock = """
            150000, 100000, 1, 2
            200000, 100000, 2, 2
            250000, 100000, 2, 3
             50000, 100000, 1, 1
                 1, 100000, 1, 1
            100001, 100000, 1, 2
            350000,  50000, 7, 7
            """)
    void roundsThroughDecide(long quota, long period, int floor, int ceil) {
        CgroupSnapshot s = v2(List.of(new CpuLevel("/", quota, period)), 64, 64, 64);
        CpuBudget f = BudgetDecision.decide(s, Rounding.FLOOR);
        CpuBudget c = BudgetDecision.decide(s, Rounding.CEIL);
        assertEquals(floor, f.cpus());
        assertEquals(ceil, c.cpus());
        assertEquals(BudgetSource.CGROUP_V2_CPU_MAX, f.source());
        assertEquals(BudgetSource.CGROUP_V2_CPU_MAX, c.source());
        assertEquals(Rounding.FLOOR, f.rounding());
        assertEquals(Rounding.CEIL, c.rounding());
    }

    @Test
    void reasonOfAV1Quota() {
        CpuBudget b = BudgetDecision.decide(v1(List.of(new CpuLevel("/docker/abc", 150000, 100000)), 2, 2, 8),
                Rounding.FLOOR);
        assertEquals(CpuBudget.builder().cpus(1).source(BudgetSource.CGROUP_V1_QUOTA).quota(150000, 100000, "/docker/abc")
                .affinityCpus(2).hostCpus(8).rounding(Rounding.FLOOR).cgroupVersion(1)
                .reason("cgroup v1 quota 150000/100000 us = 1.5 CPUs on /docker/abc, rounded down "
                + "(floor) to 1; 2 CPUs allowed, 8 CPUs online").build(), b);
    }

    @Test
    void reasonBelowOnePeriod() {
        CpuBudget b = BudgetDecision.decide(v1(List.of(new CpuLevel("/docker/abc", 50000, 100000)), -1, -1, 4),
                Rounding.FLOOR);
        assertEquals("cgroup v1 quota 50000/100000 us = 0.5 CPUs on /docker/abc, rounded down (floor) to 1 "
                + "(at least 1); allowed CPUs unknown, 4 CPUs online", b.reason());
    }

    @Test
    void lowestQuotaIsComparedAsAFraction() {
        // 250000/50000 = 5 CPUs has the smaller quota number but the larger fraction.
        CpuBudget b = BudgetDecision.decide(v2(List.of(new CpuLevel("/a/b", 250000, 50000),
                new CpuLevel("/a", 300000, 100000), new CpuLevel("/", -1, 100000)), 16, 16, 16), Rounding.FLOOR);
        assertEquals(3, b.cpus());
        assertEquals(300000, b.quotaUs());
        assertEquals(100000, b.periodUs());
        assertEquals("/a", b.quotaCgroup());
    }

    @Test
    void equalFractionsReportTheLevelNearestTheProcess() {
        CpuBudget b = BudgetDecision.decide(v2(List.of(new CpuLevel("/a/b", 100000, 50000),
                new CpuLevel("/a", 200000, 100000)), -1, -1, 8), Rounding.FLOOR);
        assertEquals("/a/b", b.quotaCgroup());
        assertEquals(2, b.cpus());
    }

    @Test
    void cpusetSmallerThanQuotaDecides() {
        CpuBudget b = BudgetDecision.decide(v2(List.of(new CpuLevel("/", 400000, 100000)), 2, 3, 8), Rounding.FLOOR);
        assertEquals(2, b.cpus());
        assertEquals(BudgetSource.CPUSET, b.source());
        assertEquals(2, b.affinityCpus(), "the fewest of cpuset and Cpus_allowed_list");
        assertEquals(400000, b.quotaUs(), "the quota is still reported");
        assertEquals("2 CPUs allowed by cpuset/affinity, fewer than cgroup v2 quota 400000/100000 us = 4 CPUs on /, "
                + "rounded down (floor) to 4; 8 CPUs online", b.reason());
    }

    @Test
    void affinityEqualToTheQuotaLeavesTheQuotaAsSource() {
        CpuBudget b = BudgetDecision.decide(v1(List.of(new CpuLevel("/docker/abc", 400000, 100000)), 4, 4, 8),
                Rounding.FLOOR);
        assertEquals(4, b.cpus());
        assertEquals(BudgetSource.CGROUP_V1_QUOTA, b.source());
    }

    @Test
    void cpusetWithoutQuotaDecidesWhenBelowHost() {
        CpuBudget b = BudgetDecision.decide(v1(List.of(new CpuLevel("/docker/abc", -1, 100000)), 2, -1, 8),
                Rounding.FLOOR);
        assertEquals(2, b.cpus());
        assertEquals(BudgetSource.CPUSET, b.source());
        assertEquals(CpuBudget.NONE, b.quotaUs());
        assertEquals(CpuBudget.NONE, b.periodUs());
        assertNull(b.quotaCgroup());
    }

    @Test
    void noQuotaAndFullAffinityIsHost() {
        CpuBudget b = BudgetDecision.decide(v2(List.of(), 8, 8, 8), Rounding.FLOOR);
        assertEquals(8, b.cpus());
        assertEquals(BudgetSource.HOST, b.source());
        assertEquals("8 CPUs online; no CPU quota in cgroup v2 /; 8 CPUs allowed", b.reason());
    }

    @Test
    void quotaLargerThanTheHostIsCappedByTheHost() {
        CpuBudget b = BudgetDecision.decide(v2(List.of(new CpuLevel("/", 1600000, 100000)), -1, -1, 8),
                Rounding.FLOOR);
        assertEquals(8, b.cpus());
        assertEquals(BudgetSource.HOST, b.source());
        assertEquals(1600000, b.quotaUs());
    }

    @Test
    void affinityListingOfflineCpusIsCappedByTheHost() {
        CpuBudget b = BudgetDecision.decide(v2(List.of(), -1, 64, 8), Rounding.FLOOR);
        assertEquals(8, b.cpus());
        assertEquals(BudgetSource.HOST, b.source());
        assertEquals(64, b.affinityCpus());
    }

    @Test
    void hostFallsBackToCpusAllowedThenOne() {
        CpuBudget allowed = BudgetDecision.decide(new CgroupSnapshot(0, null, List.of(), -1, 6, -1, List.of()),
                Rounding.FLOOR);
        assertEquals(6, allowed.hostCpus());
        assertEquals(6, allowed.cpus());
        assertEquals(BudgetSource.HOST, allowed.source());

        CpuBudget nothing = BudgetDecision.decide(CgroupSnapshot.empty(), Rounding.CEIL);
        assertEquals(CpuBudget.builder().cpus(1).source(BudgetSource.HOST).quota(-1, -1, null).affinityCpus(-1)
                .hostCpus(1).rounding(Rounding.CEIL).cgroupVersion(0)
                .reason("1 CPU on the host (online count and Cpus_allowed_list unknown); no cgroup cpu controller; "
                        + "allowed CPUs unknown").build(), nothing);
    }

    @Test
    void memoryIsTheLowestFiniteLimit() {
        CgroupSnapshot s = new CgroupSnapshot(2, "/a/b", List.of(), -1, -1, 4, List.of(
                new MemoryLevel("/a/b", -1), new MemoryLevel("/a", 1L << 30), new MemoryLevel("/", 1L << 31)));
        assertEquals(MemoryLimit.of(1L << 30, "/a"), BudgetDecision.memory(s));
    }

    @Test
    void memoryTieReportsTheLevelNearestTheProcess() {
        CgroupSnapshot s = new CgroupSnapshot(1, "/a", List.of(), -1, -1, 4, List.of(
                new MemoryLevel("/a", 4096), new MemoryLevel("/", 4096)));
        assertEquals(MemoryLimit.of(4096, "/a"), BudgetDecision.memory(s));
    }

    @Test
    void memoryWithoutFiniteLimitIsUnlimited() {
        assertEquals(MemoryLimit.unlimited(), BudgetDecision.memory(CgroupSnapshot.empty()));
        assertEquals(MemoryLimit.unlimited(), BudgetDecision.memory(new CgroupSnapshot(2, "/", List.of(), -1, -1, 4,
                List.of(new MemoryLevel("/", -1)))));
    }

    @Test
    void snapshotRejectsInconsistentValues() {
        assertThrows(IllegalArgumentException.class,
                () -> new CgroupSnapshot(0, null, List.of(new CpuLevel("/", 1, 1)), -1, -1, -1, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new CgroupSnapshot(3, "/", List.of(), -1, -1, -1, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new CgroupSnapshot(1, "/", List.of(), 0, -1, -1, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new CpuLevel("/", 100000, -1));
        assertThrows(IllegalArgumentException.class, () -> new CpuLevel("/", 0, 100000));
        assertThrows(IllegalArgumentException.class, () -> new MemoryLevel("/", 0));
    }
}
