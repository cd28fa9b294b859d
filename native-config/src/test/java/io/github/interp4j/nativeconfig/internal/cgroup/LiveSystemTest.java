package io.github.interp4j.nativeconfig.internal.cgroup;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.interp4j.nativeconfig.CpuBudget;
import io.github.interp4j.nativeconfig.Rounding;
import io.github.interp4j.nativeconfig.internal.policy.BudgetDecision;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the machine the tests run on. */
class LiveSystemTest {
    private static final Logger LOG = LoggerFactory.getLogger(LiveSystemTest.class);

    @Test
    void readsTheLiveSystem() {
        assumeTrue(System.getProperty("os.name", "").toLowerCase().contains("linux"), "needs Linux");
        CgroupSnapshot s = new SystemReader(Path.of("/")).read();
        CpuBudget budget = BudgetDecision.decide(s, Rounding.FLOOR);
        LOG.info("Live snapshot {} gives {} and memory {}", s, budget, BudgetDecision.memory(s));
        assertTrue(s.hostCpus() >= 1, s.toString());
        assertTrue(budget.cpus() >= 1 && budget.cpus() <= s.hostCpus(), budget.toString());
    }
}
