package io.github.interp4j.nativeconfig;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs a child JVM inside a real cgroup with a 1-CPU quota set on a PARENT cgroup only (the JDK's
 * availableProcessors() misses that case) and checks the report. Needs permission to create cgroups
 * (root on cgroup v1 or v2); skipped with the reason elsewhere. Removes what it creates.
 */
class RealCgroupTest {

    /** Where a cpu controller can be written, or null with {@code why} filled in. */
    private static Path cpuHierarchy(StringBuilder why, boolean[] v2) {
        Path v1 = Paths.get("/sys/fs/cgroup/cpu");
        if (Files.isRegularFile(v1.resolve("cpu.cfs_quota_us"))) {
            if (Files.isWritable(v1)) {
                return v1;
            }
            why.append("cgroup v1 cpu hierarchy is not writable (not root?)");
            return null;
        }
        Path unified = Paths.get("/sys/fs/cgroup");
        try {
            if (Files.isRegularFile(unified.resolve("cgroup.controllers"))
                    && Files.readString(unified.resolve("cgroup.controllers")).contains("cpu")) {
                v2[0] = true;
                if (Files.isWritable(unified)) {
                    return unified;
                }
                why.append("cgroup v2 root is not writable (not root?)");
                return null;
            }
        } catch (IOException e) {
            why.append("cannot read cgroup.controllers: ").append(e);
            return null;
        }
        why.append("no cgroup cpu controller found at /sys/fs/cgroup");
        return null;
    }

    @Test
    void childJvmInsideAOneCpuQuotaOnItsParentGetsBudgetOneAndOneBlasThread() throws Exception {
        StringBuilder why = new StringBuilder();
        boolean[] v2 = new boolean[1];
        Path hierarchy = cpuHierarchy(why, v2);
        assumeTrue(hierarchy != null, why.toString());
        Path parent = hierarchy.resolve("interp4j-test-" + ProcessHandle.current().pid());
        Path child = parent.resolve("leaf");
        List<Path> created = new ArrayList<>();
        try {
            try {
                Files.createDirectory(parent);
                created.add(parent);
                if (v2[0]) {
                    write(hierarchy.resolve("cgroup.subtree_control"), "+cpu");
                    write(parent.resolve("cpu.max"), "100000 100000");
                    Files.createDirectory(child);
                    created.add(child);
                } else {
                    write(parent.resolve("cpu.cfs_period_us"), "100000");
                    write(parent.resolve("cpu.cfs_quota_us"), "100000");
                    Files.createDirectory(child);
                    created.add(child);
                }
            } catch (IOException e) {
                assumeTrue(false, "not permitted to create a cgroup with a CPU quota: " + e);
            }
            List<String> cmd = new ArrayList<>(List.of("sh", "-c",
                    "echo $$ > \"$0/cgroup.procs\" && exec \"$@\"", child.toString()));
            cmd.addAll(ChildJvm.javaCommand(List.of(), "report"));
            ChildJvm c = ChildJvm.run(cmd, Map.of());
            assertEquals(0, c.exitCode, c.toString());
            assertEquals(1, c.intField("cpuBudget"), c.json());
            assertEquals(1, c.intField("blasThreads"), c.json());
            assertEquals(100000, c.intField("quotaUs"));
            assertTrue(c.field("quotaCgroup").endsWith(parent.getFileName().toString()), c.json());
            ChildJvm base = ChildJvm.run(List.of("-Dinterp4j.blas.manage=false"),
                    Map.of("OPENBLAS_NUM_THREADS", "1"), "report");
            assertTrue(c.intField("threadsAddedByBlasLoad") <= base.intField("threadsAddedByBlasLoad"), c.json());
        } finally {
            for (int i = created.size() - 1; i >= 0; i--) {
                removeCgroup(created.get(i));
            }
        }
    }

    private static void write(Path file, String value) throws IOException {
        Files.write(file, value.getBytes(StandardCharsets.US_ASCII));
    }

    private static void removeCgroup(Path dir) throws InterruptedException {
        // The child has exited; the kernel may need a moment to drop it from the group.
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                Files.deleteIfExists(dir);
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("could not remove test cgroup " + dir);
    }
}
