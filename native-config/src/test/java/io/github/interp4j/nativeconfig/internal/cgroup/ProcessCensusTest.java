package io.github.interp4j.nativeconfig.internal.cgroup;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ProcessCensusTest {

    @Test
    void aTreeWithoutProcAnswersUnknown() {
        ProcessCensus census = new ProcessCensus(Fixtures.root("docker-v2"));
        assertNull(census.threadIds());
        assertEquals(-1, census.threadsStartedHereSince(Set.of()));
        assertFalse(census.blasMapped());
    }

    @Test
    void countsThreadsStartedByTheCurrentThread() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "needs Linux /proc");
        ProcessCensus census = new ProcessCensus(Path.of("/"));
        Set<String> before = census.threadIds();
        assertTrue(before.size() >= 1, before.toString());
        // A Java thread gets its own name, so it is not counted as started by native code here.
        Thread t = new Thread(() -> { }, "interp4j-census-test");
        t.start();
        t.join();
        assertTrue(census.threadsStartedHereSince(before) >= 0);
        assertEquals(-1, census.threadsStartedHereSince(null));
    }
}
