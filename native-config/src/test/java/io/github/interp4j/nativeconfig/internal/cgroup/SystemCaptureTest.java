package io.github.interp4j.nativeconfig.internal.cgroup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.interp4j.nativeconfig.Rounding;
import io.github.interp4j.nativeconfig.cgroup.SystemCapture;
import io.github.interp4j.nativeconfig.internal.policy.BudgetDecision;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Capturing a root and reading the capture gives the same snapshot as reading the root. */
class SystemCaptureTest {

    static List<String> fixtures() {
        return Fixtures.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void captureOfAFixtureReadsTheSame(String fixture, @TempDir Path tmp) throws IOException {
        Path live = Fixtures.root(fixture);
        Path dest = tmp.resolve("capture");
        List<Path> written = SystemCapture.capture(live, dest);

        assertEquals(new SystemReader(live).read(), new SystemReader(dest).read());
        List<String> captured = Fixtures.files(dest);
        assertEquals(written.size(), captured.size());
        assertTrue(Fixtures.files(live).containsAll(captured), "only fixture files are captured: " + captured);
        for (String rel : captured) {
            assertArrayEquals(Files.readAllBytes(live.resolve(rel)), Files.readAllBytes(dest.resolve(rel)), rel);
        }
    }

    @Test
    void capturesExactlyTheFilesRead(@TempDir Path tmp) throws IOException {
        Path dest = tmp.resolve("capture");
        List<Path> written = SystemCapture.capture(Fixtures.root("docker-v1"), dest);
        Set<String> rel = written.stream().map(p -> dest.toAbsolutePath().relativize(p).toString())
                .collect(Collectors.toSet());
        assertEquals(Set.of("proc/self/mountinfo", "proc/self/cgroup", "proc/self/status",
                "sys/devices/system/cpu/online",
                "sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us", "sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us",
                "sys/fs/cgroup/cpuset/cpuset.cpus", "sys/fs/cgroup/memory/memory.limit_in_bytes"), rel);
    }

    @Test
    void doesNotCaptureTheUnusedV2Hierarchy(@TempDir Path tmp) throws IOException {
        Path dest = tmp.resolve("capture");
        SystemCapture.capture(Fixtures.root("hybrid"), dest);
        assertFalse(Files.exists(dest.resolve("sys/fs/cgroup/unified")));
        assertTrue(Files.exists(dest.resolve("sys/fs/cgroup/cpu,cpuacct/system.slice/app.service/cpu.cfs_quota_us")));
    }

    @Test
    void roundTripOfABuiltTree(@TempDir Path tmp) throws IOException {
        Path live = tmp.resolve("live");
        SystemReaderTest.write(live, "proc/self/mountinfo", ""
                + "22 28 0:21 / /sys rw,nosuid,nodev,noexec,relatime shared:7 - sysfs sysfs rw\n"
                + "31 22 0:27 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:9 - cgroup2 cgroup2 rw\n");
        SystemReaderTest.write(live, "proc/self/cgroup", "0::/user.slice/job:1\n");
        SystemReaderTest.write(live, "proc/self/status", "Name:\tjava\nCpus_allowed_list:\t0-11\n");
        SystemReaderTest.write(live, "sys/devices/system/cpu/online", "0-11\n");
        SystemReaderTest.write(live, "sys/fs/cgroup/cgroup.controllers", "cpuset cpu memory\n");
        SystemReaderTest.write(live, "sys/fs/cgroup/cpuset.cpus.effective", "0-11\n");
        SystemReaderTest.write(live, "sys/fs/cgroup/user.slice/cpu.max", "max 100000\n");
        SystemReaderTest.write(live, "sys/fs/cgroup/user.slice/job:1/cpu.max", "350000 100000\n");
        SystemReaderTest.write(live, "sys/fs/cgroup/user.slice/job:1/memory.max", "4294967296\n");
        SystemReaderTest.write(live, "sys/fs/cgroup/user.slice/job:1/cpu.stat", "usage_usec 12345\n");
        Path dest = tmp.resolve("capture");

        SystemCapture.capture(live, dest);

        CgroupSnapshot original = new SystemReader(live).read();
        assertEquals(original, new SystemReader(dest).read());
        assertEquals(3, BudgetDecision.decide(original, Rounding.FLOOR).cpus());
        assertFalse(Files.exists(dest.resolve("sys/fs/cgroup/user.slice/job:1/cpu.stat")), "not read, not captured");
    }

    @Test
    void refusesANonEmptyDestination(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("README"), "x");
        assertThrows(DirectoryNotEmptyException.class, () -> SystemCapture.capture(Fixtures.root("docker-v2"), tmp));
    }

    @Test
    void captureOfTheLiveSystemReadsTheSame(@TempDir Path tmp) throws IOException {
        assumeTrue(Files.isReadable(Path.of("/proc/self/mountinfo")), "needs Linux /proc");
        Path dest = tmp.resolve("live");
        SystemCapture.capture(Path.of("/"), dest);
        // /proc/self of the test JVM is the same process for both reads.
        assertEquals(new SystemReader(Path.of("/")).read(), new SystemReader(dest).read());
    }
}
