package io.github.interp4j.nativeconfig.cgroup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** QuotaCgroup over an ordinary directory laid out like a cgroup file system (the real one is RealCgroupTest). */
class QuotaCgroupTest {

    @Test
    void v2GroupWithTheQuotaOnItsParentOnlyIsCreatedAndRemoved(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("cgroup.controllers"), "cpuset cpu memory\n");
        QuotaCgroup g = QuotaCgroup.create(root, "job", 1.5, true);
        assertEquals("+cpu", Files.readString(root.resolve("cgroup.subtree_control")));
        assertEquals("150000 100000", Files.readString(root.resolve("job/cpu.max")));
        assertEquals(root.resolve("job/leaf"), g.leaf());
        assertTrue(Files.isDirectory(g.leaf()));
        List<String> cmd = g.wrap(List.of("java", "-version"));
        assertEquals(List.of("sh", "-c"), cmd.subList(0, 2));
        assertEquals(List.of(g.leaf().toString(), "java", "-version"), cmd.subList(3, 6));
        Files.delete(root.resolve("job/cpu.max")); // on a cgroup file system control files go with the directory
        g.close();
        assertFalse(Files.exists(root.resolve("job")));
        g.close();
    }

    @Test
    void v1GroupGetsPeriodAndQuota(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("cpu"));
        Files.writeString(root.resolve("cpu/cpu.cfs_quota_us"), "-1\n");
        QuotaCgroup g = QuotaCgroup.create(root, "job", 0.5, false);
        assertEquals("100000", Files.readString(root.resolve("cpu/job/cpu.cfs_period_us")));
        assertEquals("50000", Files.readString(root.resolve("cpu/job/cpu.cfs_quota_us")));
        assertEquals(root.resolve("cpu/job"), g.leaf());
        Files.delete(root.resolve("cpu/job/cpu.cfs_period_us"));
        Files.delete(root.resolve("cpu/job/cpu.cfs_quota_us"));
        g.close();
        assertFalse(Files.exists(root.resolve("cpu/job")));
    }

    @Test
    void noCpuControllerIsSaidAndNothingIsLeft(@TempDir Path root) throws IOException {
        IOException e = assertThrows(IOException.class, () -> QuotaCgroup.create(root, "job", 1, false));
        assertTrue(e.getMessage().contains("no cgroup cpu controller"), e.getMessage());
        try (var entries = Files.list(root)) {
            assertEquals(0, entries.count());
        }
    }

    @Test
    void badArgumentsAreRejected(@TempDir Path root) {
        assertThrows(IllegalArgumentException.class, () -> QuotaCgroup.create(root, "job", 0, false));
        assertThrows(IllegalArgumentException.class, () -> QuotaCgroup.create(root, "job", Double.NaN, false));
        assertThrows(IllegalArgumentException.class, () -> QuotaCgroup.create(root, "a/b", 1, false));
        assertThrows(IllegalArgumentException.class, () -> QuotaCgroup.create(root, "", 1, false));
        assertThrows(NullPointerException.class, () -> QuotaCgroup.create(root, null, 1, false));
    }
}
