package io.github.interp4j.nativeconfig.internal.cgroup;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.interp4j.nativeconfig.BudgetSource;
import io.github.interp4j.nativeconfig.CpuBudget;
import io.github.interp4j.nativeconfig.MemoryLimit;
import io.github.interp4j.nativeconfig.PidLimit;
import io.github.interp4j.nativeconfig.Rounding;
import io.github.interp4j.nativeconfig.internal.policy.BudgetDecision;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * End to end over the fixture trees: read each mini root with {@link SystemReader}, decide with
 * {@link BudgetDecision}, and compare with the exact expected budget and memory limit.
 */
class CgroupFixturesTest {
    private static final String DOCKER = "/docker/4b8a2c6f1e0d93a7b5c4d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1";
    private static final String K8S = "/kubepods/burstable/pod5f1c2a3e-8d4b-4a8e-9b1a-2f6c7d8e9f01/"
            + "3c1e6f0d9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d";
    private static final String COLON = "/system.slice/containerd.service/"
            + "kubepods-besteffort-pod7d3c9a10_2b4f_4c1e_8a6d_0f9e8d7c6b5a.slice:cri-containerd:4f5e6a7b8c9d";

    /**
     * Columns: fixture | cpu cgroup version | budget with FLOOR | budget with CEIL | source | quotaUs |
     * periodUs | quota cgroup | affinity CPUs | host CPUs | memory bytes (-1 = unlimited) | memory cgroup.
     * {@code DOCKER}, {@code K8S} and {@code COLON} stand for the long cgroup paths above.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            docker-v1             | 1 | 2 | 2 | CGROUP_V1_QUOTA   | 200000 | 100000 | DOCKER            |  8 |  8 |  536870912 | DOCKER
            docker-v2             | 2 | 1 | 2 | CGROUP_V2_CPU_MAX | 150000 | 100000 | /                 |  8 |  8 | 1073741824 | /
            hybrid                | 1 | 3 | 3 | CGROUP_V1_QUOTA   | 300000 | 100000 | /system.slice/app.service | 16 | 16 | -1 | -
            k8s-pod-v1            | 1 | 2 | 3 | CGROUP_V1_QUOTA   | 250000 | 100000 | K8S               | 32 | 32 |  268435456 | K8S
            k8s-v2-cgroupns       | 2 | 2 | 2 | CGROUP_V2_CPU_MAX | 200000 | 100000 | /                 | 16 | 16 |  536870912 | /
            systemd-slice-v2      | 2 | 2 | 3 | CGROUP_V2_CPU_MAX | 250000 | 100000 | /system.slice     |  8 |  8 | 2147483648 | /system.slice
            parent-only-v1        | 1 | 3 | 3 | CGROUP_V1_QUOTA   | 300000 | 100000 | /batch            |  8 |  8 |         -1 | -
            nested-lowest-v2      | 2 | 3 | 3 | CGROUP_V2_CPU_MAX | 300000 | 100000 | /workload         | 16 | 16 | 1073741824 | /workload/child
            quota-below-period-v1 | 1 | 1 | 1 | CGROUP_V1_QUOTA   |  50000 | 100000 | DOCKER            |  4 |  4 |         -1 | -
            cpu-max-max           | 2 | 4 | 4 | HOST              |     -1 |     -1 | -                 |  4 |  4 |         -1 | -
            cpu-max-single-field  | 2 | 3 | 3 | CGROUP_V2_CPU_MAX | 300000 | 100000 | /                 |  8 |  8 |         -1 | -
            empty-files           | 2 | 6 | 6 | HOST              |     -1 |     -1 | -                 |  6 |  6 |         -1 | -
            garbage-files         | 1 | 4 | 4 | HOST              |     -1 |     -1 | -                 |  4 |  4 |         -1 | -
            colon-path-v1         | 1 | 4 | 4 | CGROUP_V1_QUOTA   | 200000 |  50000 | COLON             |  8 |  8 |  805306368 | COLON
            cpuset-smaller-v2     | 2 | 2 | 2 | CPUSET            | 400000 | 100000 | /                 |  2 |  8 |         -1 | -
            cpuset-no-quota-v1    | 1 | 2 | 2 | CPUSET            |     -1 |     -1 | -                 |  2 |  8 |         -1 | -
            escaped-mountpoint-v1 | 1 | 5 | 5 | CGROUP_V1_QUOTA   | 500000 | 100000 | /app              |  8 |  8 |         -1 | -
            no-cgroup             | 0 | 4 | 4 | HOST              |     -1 |     -1 | -                 |  4 |  4 |         -1 | -
            pids-k8s-v1           | 1 | 4 | 4 | HOST              |     -1 |     -1 | -                 |  4 |  4 |         -1 | -
            pids-v2               | 2 | 8 | 8 | HOST              |     -1 |     -1 | -                 |  8 |  8 |         -1 | -
            pids-v2-no-controller | 2 | 1 | 1 | HOST              |     -1 |     -1 | -                 | -1 |  1 |         -1 | -
            """)
    void fixtureBudget(String fixture, int version, int floorCpus, int ceilCpus, BudgetSource source,
                       long quotaUs, long periodUs, String quotaCgroup, int affinity, int host,
                       long memoryBytes, String memoryCgroup) {
        CgroupSnapshot s = new SystemReader(Fixtures.root(fixture)).read();
        CpuBudget floor = BudgetDecision.decide(s, Rounding.FLOOR);
        CpuBudget ceil = BudgetDecision.decide(s, Rounding.CEIL);
        MemoryLimit memory = BudgetDecision.memory(s);
        MemoryLimit expectedMemory = memoryBytes < 0 ? MemoryLimit.unlimited()
                : MemoryLimit.of(memoryBytes, path(memoryCgroup));
        String context = fixture + ": " + s + " -> " + floor;
        assertAll(context,
                () -> assertEquals(version, s.cpuVersion(), "cpu cgroup version"),
                () -> assertEquals(floorCpus, floor.cpus(), "FLOOR cpus"),
                () -> assertEquals(ceilCpus, ceil.cpus(), "CEIL cpus"),
                () -> assertEquals(source, floor.source(), "FLOOR source"),
                () -> assertEquals(source, ceil.source(), "CEIL source"),
                () -> assertEquals(quotaUs, floor.quotaUs(), "quotaUs"),
                () -> assertEquals(periodUs, floor.periodUs(), "periodUs"),
                () -> assertEquals(path(quotaCgroup), floor.quotaCgroup(), "quota cgroup"),
                () -> assertEquals(affinity, floor.affinityCpus(), "affinity CPUs"),
                () -> assertEquals(host, floor.hostCpus(), "host CPUs"),
                () -> assertEquals(version, floor.cgroupVersion(), "budget cgroup version"),
                () -> assertEquals(Rounding.CEIL, ceil.rounding(), "rounding"),
                () -> assertEquals(expectedMemory, memory, "memory limit"));
    }

    @Test
    void everyFixtureIsInTheTable() throws NoSuchMethodException {
        CsvSource table = getClass().getDeclaredMethod("fixtureBudget", String.class, int.class, int.class,
                int.class, BudgetSource.class, long.class, long.class, String.class, int.class, int.class,
                long.class, String.class).getAnnotation(CsvSource.class);
        Set<String> inTable = new HashSet<>();
        for (String row : table.textBlock().split("\n")) {
            if (!row.isBlank()) {
                inTable.add(row.split("\\|")[0].trim());
            }
        }
        assertEquals(Set.copyOf(Fixtures.names()), inTable);
    }

    /**
     * Columns: fixture | pids.max of the level with the least headroom (-1 = unlimited) | its pids.current |
     * its cgroup | the number of pids levels read. Fixtures without pids files (or without the controller)
     * are unlimited.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            pids-k8s-v1           |  100 |  90 | /kubepods/pod1 | 3
            pids-v2               |  200 | 180 | /app.slice     | 2
            pids-v2-no-controller |   -1 |  -1 | -              | 0
            docker-v1             |   -1 |  -1 | -              | 0
            docker-v2             |   -1 |  -1 | -              | 0
            hybrid                |   -1 |  -1 | -              | 0
            no-cgroup             |   -1 |  -1 | -              | 0
            """)
    void fixturePidLimit(String fixture, long max, long current, String cgroup, int levels) {
        CgroupSnapshot s = new SystemReader(Fixtures.root(fixture)).read();
        PidLimit expected = max < 0 ? PidLimit.unlimited() : PidLimit.of(max, current, cgroup);
        assertAll(fixture + ": " + s,
                () -> assertEquals(expected, BudgetDecision.pids(s.pidsLevels()), "pid limit"),
                () -> assertEquals(levels, s.pidsLevels().size(), "pids levels"),
                () -> assertEquals(s.pidsLevels(), new SystemReader(Fixtures.root(fixture)).readPids(),
                        "readPids() reads what read() does"));
    }

    @Test
    void pidsLevelsAreReadFromTheProcessUpAndSkipUnknowns() {
        CgroupSnapshot s = new SystemReader(Fixtures.root("pids-v2")).read();
        // task/pids.max "lots" is malformed; the root's pids.max has no pids.current: both skipped
        assertEquals(java.util.List.of(new CgroupSnapshot.PidsLevel("/app.slice/job", 64, 10),
                new CgroupSnapshot.PidsLevel("/app.slice", 200, 180)), s.pidsLevels());
        CgroupSnapshot k8s = new SystemReader(Fixtures.root("pids-k8s-v1")).read();
        assertEquals(new CgroupSnapshot.PidsLevel("/kubepods/pod1/ctr", -1, 30), k8s.pidsLevels().get(0));
        assertEquals(20, BudgetDecision.pids(s.pidsLevels()).headroom());
        assertEquals(Long.MAX_VALUE, PidLimit.unlimited().headroom());
    }

    @Test
    void reasonNamesTheNumbers() {
        CpuBudget b = BudgetDecision.decide(new SystemReader(Fixtures.root("docker-v2")).read(), Rounding.FLOOR);
        assertEquals("cgroup v2 quota 150000/100000 us = 1.5 CPUs on /, rounded down (floor) to 1; "
                + "8 CPUs allowed, 8 CPUs online", b.reason());
    }

    private static String path(String abbreviation) {
        if (abbreviation == null) {
            return null;
        }
        switch (abbreviation) {
            case "DOCKER":
                return DOCKER;
            case "K8S":
                return K8S;
            case "COLON":
                return COLON;
            default:
                return abbreviation;
        }
    }
}
