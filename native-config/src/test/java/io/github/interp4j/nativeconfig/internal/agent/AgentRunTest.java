package io.github.interp4j.nativeconfig.internal.agent;

import io.github.interp4j.nativeconfig.internal.cgroup.SystemReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent's run in this JVM with {@code manage=false} and {@code fjp=false}, so that it changes neither the
 * environment nor a system property here (the child-JVM tests are in {@code AgentProcessTest}).
 */
class AgentRunTest {

    @Test
    void unreadableCgroupsAreAWarningAndTheBudgetFallsBackToTheHost(@TempDir Path emptyRoot) {
        String line = AgentRun.run("manage=false,fjp=false", null, emptyRoot);
        assertTrue(line.startsWith("interp4j-agent: budget "), line);
        assertTrue(line.contains("(host CPUs, no quota); manage=false, environment left alone;"), line);
        assertTrue(line.endsWith("; WARN no readable cgroup cpu controller: the budget is the host's CPUs"), line);
    }

    @Test
    void quietPrintsNothingWithoutAWarningAndTheLineWithOne(@TempDir Path emptyRoot) {
        String line = AgentRun.run("manage=false,fjp=false,quiet", null, emptyRoot);
        assertTrue(line.contains("WARN no readable cgroup cpu controller"), line);
        Assumptions.assumeTrue(new SystemReader(Path.of("/")).read().cpuVersion() != 0,
                "this system shows no cgroup cpu controller, so the agent warns here too");
        assertNull(AgentRun.run("manage=false,fjp=false,quiet", null, Path.of("/")));
    }
}
