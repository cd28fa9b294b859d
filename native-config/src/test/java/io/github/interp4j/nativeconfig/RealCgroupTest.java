package io.github.interp4j.nativeconfig;

import io.github.interp4j.nativeconfig.cgroup.QuotaCgroup;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs a child JVM inside a real cgroup with a 1-CPU quota set on a PARENT cgroup only (the JDK's
 * availableProcessors() misses that case) and checks the report. Needs permission to create cgroups
 * (root on cgroup v1 or v2); skipped with the reason elsewhere. Removes what it creates.
 */
class RealCgroupTest {

    @Test
    void childJvmInsideAOneCpuQuotaOnItsParentGetsBudgetOneAndOneBlasThread() throws Exception {
        String name = "interp4j-test-" + ProcessHandle.current().pid();
        QuotaCgroup group;
        try {
            group = QuotaCgroup.create(name, 1.0, true);
        } catch (IOException e) {
            assumeTrue(false, "not permitted to create a cgroup with a CPU quota here: " + e.getMessage());
            return;
        }
        try (QuotaCgroup g = group) {
            ChildJvm c = ChildJvm.run(g.wrap(ChildJvm.javaCommand(List.of(), "report")), Map.of());
            assertEquals(0, c.exitCode, c.toString());
            assertEquals(1, c.intField("cpuBudget"), c.json());
            assertEquals(1, c.intField("blasThreads"), c.json());
            assertEquals(100000, c.intField("quotaUs"));
            assertTrue(c.field("quotaCgroup").endsWith(name), c.json());
            ChildJvm base = ChildJvm.run(List.of("-Dinterp4j.blas.manage=false"),
                    Map.of("OPENBLAS_NUM_THREADS", "1"), "report");
            assertTrue(c.intField("threadsAddedByBlasLoad") <= base.intField("threadsAddedByBlasLoad"), c.json());
        }
        assertFalse(Files.exists(Paths.get("/sys/fs/cgroup/cpu", name)), "test cgroup left behind");
        assertFalse(Files.exists(Paths.get("/sys/fs/cgroup", name)), "test cgroup left behind");
    }
}
