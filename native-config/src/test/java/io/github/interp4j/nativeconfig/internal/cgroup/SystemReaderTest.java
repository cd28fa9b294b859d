package io.github.interp4j.nativeconfig.internal.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.interp4j.nativeconfig.internal.cgroup.CgroupSnapshot.CpuLevel;
import io.github.interp4j.nativeconfig.internal.cgroup.CgroupSnapshot.MemoryLevel;
import io.github.interp4j.nativeconfig.internal.cgroup.SystemReader.CgroupLine;
import io.github.interp4j.nativeconfig.internal.cgroup.SystemReader.MountInfoLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parsers of {@link SystemReader} and the exact snapshots it reads from selected fixtures. */
class SystemReaderTest {
    private static final String DOCKER = "/docker/4b8a2c6f1e0d93a7b5c4d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1";

    // ---------------------------------------------------------------- CPU lists

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0-3,8,10-11 | 7
            0           | 1
            7           | 1
            0-1         | 2
            0,1         | 2
            ' 0-63 '    | 64
            0-3,2-5     | 6
            0-3,3       | 4
            1-1         | 1
            ''          | -1
            '   '       | -1
            3-1         | -1
            0-          | -1
            -3          | -1
            0,,2        | -1
            '0-3,'      | -1
            a           | -1
            0-x         | -1
            0-3:2/4     | -1
            99999999999 | -1
            """)
    void countsCpuLists(String list, int expected) {
        assertEquals(expected, SystemReader.countCpuList(list));
    }

    @Test
    void countsCpuListWithTrailingNewline() {
        assertEquals(16, SystemReader.countCpuList("0-15\n"));
    }

    // ---------------------------------------------------------------- mountinfo

    @Test
    void parsesMountinfoWithoutOptionalFields() {
        MountInfoLine m = MountInfoLine.parse(
                "1202 1200 0:31 /docker/abc /sys/fs/cgroup/cpu,cpuacct ro,nosuid - cgroup cgroup rw,cpu,cpuacct")
                .orElseThrow();
        assertEquals("/docker/abc", m.root());
        assertEquals("/sys/fs/cgroup/cpu,cpuacct", m.mountPoint());
        assertEquals("cgroup", m.fsType());
        assertEquals(Set.of("rw", "cpu", "cpuacct"), m.superOptions());
    }

    @Test
    void parsesMountinfoWithSeveralOptionalFields() {
        MountInfoLine m = MountInfoLine.parse("36 31 0:32 / /sys/fs/cgroup/cpu rw,relatime shared:15 master:4 "
                + "propagate_from:2 unbindable - cgroup cgroup rw,cpu").orElseThrow();
        assertEquals("/", m.root());
        assertEquals("/sys/fs/cgroup/cpu", m.mountPoint());
        assertEquals("cgroup", m.fsType());
        assertTrue(m.superOptions().contains("cpu"));
    }

    @Test
    void parsesCgroup2Mount() {
        MountInfoLine m = MountInfoLine.parse("585 584 0:26 / /sys/fs/cgroup ro,nosuid,nodev,noexec,relatime "
                + "- cgroup2 cgroup rw,nsdelegate,memory_recursiveprot").orElseThrow();
        assertEquals("cgroup2", m.fsType());
        assertEquals("/sys/fs/cgroup", m.mountPoint());
    }

    @Test
    void unescapesMountPointAndRoot() {
        MountInfoLine m = MountInfoLine.parse("36 31 0:32 /my\\040group /sys/fs/cgroup/cpu\\040and\\040cpuacct "
                + "rw master:1 - cgroup cgroup rw,cpu,cpuacct").orElseThrow();
        assertEquals("/my group", m.root());
        assertEquals("/sys/fs/cgroup/cpu and cpuacct", m.mountPoint());
        assertEquals("a\tb\\c\nd", MountInfoLine.unescape("a\\011b\\134c\\012d"));
        assertEquals("no\\escape\\09", MountInfoLine.unescape("no\\escape\\09"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ''
            this is not a mountinfo line
            36 31 0:32 / /sys/fs/cgroup/cpu rw,relatime
            36 31 0:32 / /sys/fs/cgroup/cpu rw,relatime - cgroup
            36 31 0:32 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup
            36 31 - / /sys/fs/cgroup/cpu rw,relatime cgroup cgroup rw,cpu
            36 31 0:32 / /sys/fs/../../etc rw,relatime - cgroup cgroup rw,cpu
            36 31 0:32 / sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
            """)
    void rejectsMalformedMountinfo(String line) {
        assertEquals(Optional.empty(), MountInfoLine.parse(line == null ? "" : line));
    }

    // ---------------------------------------------------------------- /proc/self/cgroup

    @Test
    void parsesCgroupLines() {
        assertEquals(new CgroupLine(4, List.of("cpu", "cpuacct"), "/docker/abc"),
                CgroupLine.parse("4:cpu,cpuacct:/docker/abc").orElseThrow());
        assertEquals(new CgroupLine(0, List.of(), "/"), CgroupLine.parse("0::/").orElseThrow());
        assertEquals(new CgroupLine(1, List.of("name=systemd"), "/user.slice"),
                CgroupLine.parse("1:name=systemd:/user.slice\n").orElseThrow());
    }

    @Test
    void keepsColonsInCgroupPaths() {
        assertEquals(new CgroupLine(4, List.of("cpu", "cpuacct"), "/a.slice:cri-containerd:4f5e"),
                CgroupLine.parse("4:cpu,cpuacct:/a.slice:cri-containerd:4f5e").orElseThrow());
        assertEquals(new CgroupLine(0, List.of(), "/x:y::z"), CgroupLine.parse("0::/x:y::z").orElseThrow());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            nonsense
            4:cpu
            x:cpu:/
            -1:cpu:/
            4:cpu:
            99999999999:cpu:/
            """)
    void rejectsMalformedCgroupLines(String line) {
        assertEquals(Optional.empty(), CgroupLine.parse(line));
    }

    @Test
    void stripsTheMountRoot() {
        assertEquals(Optional.of(List.of()), SystemReader.relativeComponents("/kubepods/pod1/abc", "/kubepods/pod1/abc"));
        assertEquals(Optional.of(List.of("abc")), SystemReader.relativeComponents("/kubepods/pod1/abc", "/kubepods/pod1"));
        assertEquals(Optional.of(List.of("docker", "abc")), SystemReader.relativeComponents("/docker/abc", "/"));
        assertEquals(Optional.of(List.of()), SystemReader.relativeComponents("/", "/"));
        assertEquals(Optional.empty(), SystemReader.relativeComponents("/kubepods/pod10", "/kubepods/pod1"));
        assertEquals(Optional.empty(), SystemReader.relativeComponents("/other", "/docker/abc"));
        assertEquals(Optional.empty(), SystemReader.relativeComponents("/../..", "/"));
    }

    // ---------------------------------------------------------------- snapshots of fixtures

    private static CgroupSnapshot read(String fixture) {
        return new SystemReader(Fixtures.root(fixture)).read();
    }

    @Test
    void dockerV1ReadsTheMountPointItselfAndFallsBackToCpusetCpus() {
        CgroupSnapshot s = read("docker-v1");
        assertEquals(1, s.cpuVersion());
        assertEquals(DOCKER, s.cpuCgroup());
        assertEquals(List.of(new CpuLevel(DOCKER, 200000, 100000)), s.cpuLevels());
        assertEquals(8, s.cpusetCpus(), "cpuset.cpus, as cpuset.effective_cpus is missing");
        assertEquals(8, s.cpusAllowed());
        assertEquals(8, s.hostCpus());
        assertEquals(List.of(new MemoryLevel(DOCKER, 536870912)), s.memoryLevels());
    }

    @Test
    void hybridUsesTheV1CpuControllerAndWalksToTheRoot() {
        CgroupSnapshot s = read("hybrid");
        assertEquals(1, s.cpuVersion());
        assertEquals("/system.slice/app.service", s.cpuCgroup());
        assertEquals(List.of(new CpuLevel("/system.slice/app.service", 300000, 100000),
                new CpuLevel("/system.slice", -1, 100000), new CpuLevel("/", -1, 100000)), s.cpuLevels());
        assertEquals(16, s.cpusetCpus());
        assertEquals(List.of(new MemoryLevel("/system.slice/app.service", -1), new MemoryLevel("/system.slice", -1),
                new MemoryLevel("/", -1)), s.memoryLevels(), "9223372036854771712 is unlimited");
    }

    @Test
    void k8sPodV1HasOnlyTheContainerLevel() {
        CgroupSnapshot s = read("k8s-pod-v1");
        assertEquals(1, s.cpuLevels().size());
        assertEquals(s.cpuCgroup(), s.cpuLevels().get(0).cgroup());
        assertTrue(s.cpuCgroup().startsWith("/kubepods/burstable/pod5f1c2a3e"));
        assertEquals(32, s.cpusetCpus());
    }

    @Test
    void systemdSliceWalksUpForLimitsAndCpuset() {
        CgroupSnapshot s = read("systemd-slice-v2");
        assertEquals(2, s.cpuVersion());
        assertEquals(List.of(new CpuLevel("/system.slice/app.service", -1, 100000),
                new CpuLevel("/system.slice", 250000, 100000)), s.cpuLevels());
        assertEquals(8, s.cpusetCpus(), "the empty cpuset.cpus.effective of the service is skipped");
        assertEquals(List.of(new MemoryLevel("/system.slice/app.service", -1),
                new MemoryLevel("/system.slice", 2147483648L)), s.memoryLevels());
    }

    @Test
    void parentOnlyLimitIsALevelOfItsOwn() {
        CgroupSnapshot s = read("parent-only-v1");
        assertEquals(List.of(new CpuLevel("/batch/job42/task7", -1, 100000), new CpuLevel("/batch/job42", -1, 100000),
                new CpuLevel("/batch", 300000, 100000), new CpuLevel("/", -1, 100000)), s.cpuLevels());
        assertEquals(-1, s.cpusetCpus(), "no cpuset controller in /proc/self/cgroup");
        assertEquals(List.of(), s.memoryLevels());
    }

    @Test
    void v2WithoutCpusetControllerHasNoCpusetCount() {
        CgroupSnapshot s = read("nested-lowest-v2");
        assertEquals(List.of(new CpuLevel("/workload/child", 250000, 50000), new CpuLevel("/workload", 300000, 100000)),
                s.cpuLevels());
        assertEquals(-1, s.cpusetCpus());
        assertEquals(16, s.cpusAllowed());
    }

    @Test
    void singleFieldCpuMaxUsesTheDefaultPeriod() {
        assertEquals(List.of(new CpuLevel("/", 300000, 100000)), read("cpu-max-single-field").cpuLevels());
    }

    @Test
    void cpuMaxMaxIsAnUnlimitedLevel() {
        CgroupSnapshot s = read("cpu-max-max");
        assertEquals(List.of(new CpuLevel("/", -1, 100000)), s.cpuLevels());
        assertEquals(List.of(new MemoryLevel("/", -1)), s.memoryLevels());
    }

    @Test
    void colonPathIsKept() {
        CgroupSnapshot s = read("colon-path-v1");
        assertTrue(s.cpuCgroup().endsWith(".slice:cri-containerd:4f5e6a7b8c9d"), s.cpuCgroup());
        assertEquals(new CpuLevel(s.cpuCgroup(), 200000, 50000), s.cpuLevels().get(0));
    }

    @Test
    void escapedMountPointIsResolved() {
        assertEquals(List.of(new CpuLevel("/app", 500000, 100000), new CpuLevel("/", -1, 100000)),
                read("escaped-mountpoint-v1").cpuLevels());
    }

    @Test
    void emptyFilesAreSkipped() {
        CgroupSnapshot s = read("empty-files");
        assertEquals(2, s.cpuVersion());
        assertEquals(List.of(), s.cpuLevels());
        assertEquals(-1, s.cpusetCpus());
        assertEquals(List.of(), s.memoryLevels());
        assertEquals(6, s.cpusAllowed());
        assertEquals(6, s.hostCpus());
    }

    @Test
    void garbageFilesAndLinesAreSkipped() {
        CgroupSnapshot s = read("garbage-files");
        assertEquals(1, s.cpuVersion());
        assertEquals(DOCKER, s.cpuCgroup());
        assertEquals(List.of(), s.cpuLevels());
        assertEquals(-1, s.cpusetCpus());
        assertEquals(List.of(), s.memoryLevels());
        assertEquals(4, s.cpusAllowed());
    }

    @Test
    void noCgroupFileSystem() {
        CgroupSnapshot s = read("no-cgroup");
        assertEquals(new CgroupSnapshot(0, null, List.of(), -1, 4, 4, List.of()), s);
        assertNull(s.cpuCgroup());
    }

    @Test
    void missingRootGivesAnEmptySnapshot(@TempDir Path tmp) {
        assertEquals(CgroupSnapshot.empty(), new SystemReader(tmp.resolve("does-not-exist")).read());
    }

    @Test
    void v2MountWithoutTheCpuControllerGivesVersionZero(@TempDir Path root) throws IOException {
        write(root, "proc/self/mountinfo",
                "31 22 0:27 / /sys/fs/cgroup rw,relatime shared:9 - cgroup2 cgroup2 rw,nsdelegate\n");
        write(root, "proc/self/cgroup", "0::/app\n");
        write(root, "sys/fs/cgroup/cgroup.controllers", "memory pids\n");
        write(root, "sys/fs/cgroup/app/cpu.max", "100000 100000\n");
        write(root, "sys/fs/cgroup/app/memory.max", "1048576\n");
        CgroupSnapshot s = new SystemReader(root).read();
        assertEquals(0, s.cpuVersion());
        assertEquals(List.of(), s.cpuLevels());
        assertEquals(List.of(new MemoryLevel("/app", 1048576)), s.memoryLevels());
    }

    @Test
    void cgroupPathOutsideTheMountRootUsesTheMountPoint(@TempDir Path root) throws IOException {
        write(root, "proc/self/mountinfo", "40 31 0:35 /docker/abc /sys/fs/cgroup/cpu rw - cgroup cgroup rw,cpu\n");
        write(root, "proc/self/cgroup", "3:cpu:/somewhere/else\n");
        write(root, "sys/fs/cgroup/cpu/cpu.cfs_quota_us", "100000\n");
        write(root, "sys/fs/cgroup/cpu/cpu.cfs_period_us", "100000\n");
        assertEquals(List.of(new CpuLevel("/docker/abc", 100000, 100000)), new SystemReader(root).read().cpuLevels());
    }

    @Test
    void hugeNumbersSaturate(@TempDir Path root) throws IOException {
        write(root, "proc/self/mountinfo", "40 31 0:35 / /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory\n");
        write(root, "proc/self/cgroup", "3:memory:/\n");
        write(root, "sys/fs/cgroup/memory/memory.limit_in_bytes", "18446744073709551615\n");
        assertEquals(List.of(new MemoryLevel("/", -1)), new SystemReader(root).read().memoryLevels());
    }

    static void write(Path root, String rel, String content) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }
}
