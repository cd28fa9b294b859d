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

/** PidsCgroup over an ordinary directory laid out like a cgroup file system (the real one is RealPidsCgroupTest). */
class PidsCgroupTest {

    @Test
    void v1GroupGetsItsLimitAndIsRemoved(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("pids"));
        Files.writeString(root.resolve("pids/cgroup.procs"), "1\n");
        PidsCgroup g = PidsCgroup.create(root, "job", 40);
        assertEquals(root.resolve("pids/job"), g.directory());
        assertEquals("40", Files.readString(root.resolve("pids/job/pids.max")));
        g.setMax(44);
        assertEquals("44", Files.readString(root.resolve("pids/job/pids.max")));
        Files.writeString(root.resolve("pids/job/pids.current"), "17\n");
        assertEquals(17, g.current());
        List<String> cmd = g.wrap(List.of("java", "-version"));
        assertEquals(List.of("sh", "-c"), cmd.subList(0, 2));
        assertEquals(List.of(g.directory().toString(), "java", "-version"), cmd.subList(3, 6));
        Files.delete(root.resolve("pids/job/pids.max")); // on a cgroup file system control files go with the directory
        Files.delete(root.resolve("pids/job/pids.current"));
        g.close();
        assertFalse(Files.exists(root.resolve("pids/job")));
        g.close();
    }

    @Test
    void v2GroupEnablesTheController(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("cgroup.controllers"), "cpu memory pids\n");
        PidsCgroup g = PidsCgroup.create(root, "job", 7);
        assertEquals("+pids", Files.readString(root.resolve("cgroup.subtree_control")));
        assertEquals("7", Files.readString(root.resolve("job/pids.max")));
        Files.delete(root.resolve("job/pids.max"));
        g.close();
        assertFalse(Files.exists(root.resolve("job")));
    }

    @Test
    void noPidsControllerIsSaidAndNothingIsLeft(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("cgroup.controllers"), "cpu memory\n");
        IOException e = assertThrows(IOException.class, () -> PidsCgroup.create(root, "job", 10));
        assertTrue(e.getMessage().contains("no cgroup pids controller"), e.getMessage());
        assertFalse(Files.exists(root.resolve("job")));
    }

    @Test
    void badArgumentsAreRejected(@TempDir Path root) throws IOException {
        assertThrows(IllegalArgumentException.class, () -> PidsCgroup.create(root, "job", 0));
        assertThrows(IllegalArgumentException.class, () -> PidsCgroup.create(root, "a/b", 10));
        assertThrows(IllegalArgumentException.class, () -> PidsCgroup.create(root, "", 10));
        assertThrows(NullPointerException.class, () -> PidsCgroup.create(root, null, 10));
        Files.createDirectories(root.resolve("pids"));
        Files.writeString(root.resolve("pids/cgroup.procs"), "");
        PidsCgroup g = PidsCgroup.create(root, "job", 3);
        assertThrows(IllegalArgumentException.class, () -> g.setMax(0));
        Files.delete(root.resolve("pids/job/pids.max"));
        g.close();
    }
}
