package io.github.interp4j.nativeconfig.internal.agent;

import io.github.interp4j.nativeconfig.BudgetSource;
import io.github.interp4j.nativeconfig.internal.cgroup.CgroupSnapshot;
import io.github.interp4j.nativeconfig.internal.cgroup.CgroupSnapshot.CpuLevel;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agent's pure decision over a 2-CPU cgroup v2 quota on an 8-CPU host. */
class AgentDecisionTest {
    private static final CgroupSnapshot TWO_OF_EIGHT = new CgroupSnapshot(2, "/pod",
            List.of(new CpuLevel("/pod", 200_000, 100_000)), -1, 8, 8, List.of());
    private static final String FJP = AgentDecision.COMMON_PARALLELISM;

    private static AgentDecision decide(String options, Map<String, String> props, Map<String, String> env,
                                        int availableProcessors) {
        return AgentDecision.decide(TWO_OF_EIGHT, AgentOptions.parse(options), props, env, availableProcessors,
                false);
    }

    private static Map<String, String> map(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void unsetVariablesGetTheBudget() {
        AgentDecision d = decide("", Map.of(), Map.of(), 2);
        assertEquals(2, d.budget().cpus());
        assertEquals(BudgetSource.CGROUP_V2_CPU_MAX, d.budget().source());
        assertEquals(map("OPENBLAS_NUM_THREADS", "2", "OMP_NUM_THREADS", "2", "MKL_NUM_THREADS", "2"), d.toSet());
        assertEquals(Map.of(), d.kept());
        assertEquals(List.of(), d.warnings());
        assertNull(d.commonParallelism());
    }

    @Test
    void aStaleCountAboveTheBudgetIsOverwrittenWithAWarningNamingIt() {
        AgentDecision d = decide("", Map.of(), map("OPENBLAS_NUM_THREADS", "64", "MKL_NUM_THREADS", "100000"), 2);
        assertEquals(map("OPENBLAS_NUM_THREADS", "2", "OMP_NUM_THREADS", "2", "MKL_NUM_THREADS", "2"), d.toSet());
        assertEquals(2, d.decision().plan().blasThreads());
        assertEquals(List.of("OPENBLAS_NUM_THREADS=64 is above the budget of 2 CPUs: overwritten with 2",
                "MKL_NUM_THREADS=100000 is above the budget of 2 CPUs: overwritten with 2"), d.warnings());
    }

    @Test
    void malformedCountsAreOverwrittenAndBlankOnesCountAsUnset() {
        AgentDecision d = decide("", Map.of(),
                map("OPENBLAS_NUM_THREADS", "0", "GOTO_NUM_THREADS", "abc", "OMP_NUM_THREADS", "-1",
                        "MKL_NUM_THREADS", " "), 2);
        assertEquals("2", d.toSet().get("OPENBLAS_NUM_THREADS"));
        assertEquals("2", d.toSet().get("GOTO_NUM_THREADS"));
        assertEquals("2", d.toSet().get("OMP_NUM_THREADS"));
        assertEquals("2", d.toSet().get("MKL_NUM_THREADS"));
        assertEquals(List.of("OPENBLAS_NUM_THREADS='0' is not a thread count >= 1: overwritten with 2",
                "GOTO_NUM_THREADS='abc' is not a thread count >= 1: overwritten with 2",
                "OMP_NUM_THREADS='-1' is not a thread count >= 1: overwritten with 2"), d.warnings());
    }

    @Test
    void aCountWithinTheBudgetIsKeptAndDecidesLikeInTheLibrary() {
        AgentDecision d = decide("", Map.of(), map("OMP_NUM_THREADS", "1"), 2);
        // OpenBLAS itself would read OMP_NUM_THREADS=1: the library's precedence gives 1 BLAS thread.
        assertEquals(map("OPENBLAS_NUM_THREADS", "1", "MKL_NUM_THREADS", "1"), d.toSet());
        assertEquals(map("OMP_NUM_THREADS", "1"), d.kept());
        assertEquals(List.of(), d.warnings());
    }

    @Test
    void manageFalseSetsNothing() {
        AgentDecision d = decide("manage=false", Map.of(), map("OPENBLAS_NUM_THREADS", "64"), 2);
        assertEquals(Map.of(), d.toSet());
        assertEquals(List.of(), d.warnings());
    }

    @Test
    void optionsOverrideTheBudgetAndAnExplicitCountAboveItIsHonouredWithAWarning() {
        AgentDecision d = decide("budget=1,blasThreads=4", Map.of(), Map.of(), 1);
        assertEquals(1, d.budget().cpus());
        assertEquals(BudgetSource.OVERRIDE, d.budget().source());
        assertEquals("4", d.toSet().get("OPENBLAS_NUM_THREADS"));
        assertEquals(1, d.warnings().size());
        assertTrue(d.warnings().get(0).contains("exceeds the CPU budget of 1: honoured as asked"), d.warnings().toString());

        assertEquals(map("OPENBLAS_NUM_THREADS", "1", "OMP_NUM_THREADS", "1", "MKL_NUM_THREADS", "1"),
                decide("policy=perWorker:2", Map.of(), Map.of(), 2).toSet());
    }

    @Test
    void malformedOptionsAndPropertiesAreWarnings() {
        AgentDecision d = decide("budget=x", Map.of("interp4j.rounding", "banana"), Map.of(), 2);
        assertEquals(2, d.budget().cpus());
        assertEquals(List.of("ignored option 'budget=x' (expected a whole number >= 1)",
                "ignored interp4j.rounding=banana (expected floor or ceil)"), d.warnings());
    }

    @Test
    void theCommonPoolGetsWhatTheJdkPicksForTheBudgetOnlyWhenItsDefaultIsLargerAndNobodySetIt() {
        assertEquals(1, decide("", Map.of(), Map.of(), 8).commonParallelism(), "budget 2: 2 - 1");
        assertEquals(1, decide("budget=1", Map.of(), Map.of(), 8).commonParallelism(), "never 0");
        assertEquals(2, decide("budget=3", Map.of(), Map.of(), 8).commonParallelism());
        assertNull(decide("", Map.of(), Map.of(), 2).commonParallelism(), "agrees with the budget");
        assertNull(decide("budget=1", Map.of(), Map.of(), 2).commonParallelism(), "the JDK's default is 1 already");
        assertNull(decide("", Map.of(), Map.of(), 1).commonParallelism(), "never raised");
        assertNull(decide("fjp=false", Map.of(), Map.of(), 8).commonParallelism());
        assertNull(decide("", Map.of(FJP, "6"), Map.of(), 8).commonParallelism(), "set by the user");
        AgentDecision loaded = AgentDecision.decide(TWO_OF_EIGHT, AgentOptions.parse(""), Map.of(), Map.of(), 8,
                true);
        assertEquals(1, loaded.commonParallelism());
        assertTrue(loaded.warnings().get(0).startsWith("ForkJoinPool was loaded before the agent ran"),
                loaded.warnings().toString());
    }
}
