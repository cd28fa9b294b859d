package io.github.interp4j.nativeconfig.internal.policy;

import io.github.interp4j.nativeconfig.BudgetSource;
import io.github.interp4j.nativeconfig.CpuBudget;
import io.github.interp4j.nativeconfig.NativeConfigOptions;
import io.github.interp4j.nativeconfig.Rounding;
import io.github.interp4j.nativeconfig.ThreadPolicy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThreadPlanningTest {
    private static final CpuBudget DETECTED = CpuBudget.builder().cpus(4).source(BudgetSource.CGROUP_V2_CPU_MAX)
            .quota(400000, 100000, "/pod").affinityCpus(8).hostCpus(8).rounding(Rounding.FLOOR).cgroupVersion(2)
            .reason("cgroup v2 cpu.max 400000 100000").build();
    private static final NativeConfigOptions NONE = NativeConfigOptions.defaults();

    private static ThreadPlan plan(NativeConfigOptions api, ThreadPolicy policy, Map<String, String> props,
                                   Map<String, String> env) {
        return ThreadPlanning.plan(DETECTED, api, policy, props, env);
    }

    @Test
    void detectedBudgetAndPolicyDecideWhenNothingIsSet() {
        ThreadPlan p = plan(NONE, null, Map.of(), Map.of());
        assertEquals(4, p.budget().cpus());
        assertEquals(BudgetSource.CGROUP_V2_CPU_MAX, p.budget().source());
        assertEquals(4, p.threadsPerCall());
        assertEquals(4, p.blasThreads());
        assertEquals(Map.of("OPENBLAS_NUM_THREADS", "4", "OMP_NUM_THREADS", "4", "MKL_NUM_THREADS", "4"),
                p.environment());
    }

    @Test
    void budgetPrecedenceApiThenPropertyThenDetected() {
        Map<String, String> props = Map.of(ThreadPlanning.PROP_THREADS, "3");
        ThreadPlan api = plan(NativeConfigOptions.builder().cpuBudget(2).build(), null, props, Map.of());
        assertEquals(2, api.budget().cpus());
        assertEquals(BudgetSource.OVERRIDE, api.budget().source());
        assertTrue(api.budget().reason().contains("the API"), api.budget().reason());
        ThreadPlan prop = plan(NONE, null, props, Map.of());
        assertEquals(3, prop.budget().cpus());
        assertTrue(prop.budget().reason().contains("interp4j.threads"), prop.budget().reason());
        // the detected numbers stay in the overridden budget for the report
        assertEquals(400000, prop.budget().quotaUs());
    }

    @Test
    void environmentNeverShrinksTheJavaBudget() {
        ThreadPlan p = plan(NONE, null, Map.of(), Map.of("OMP_NUM_THREADS", "1"));
        assertEquals(4, p.budget().cpus());
        assertEquals(4, p.threadsPerCall());
        assertEquals(1, p.blasThreads());
        assertEquals("environment OMP_NUM_THREADS", p.blasThreadsOrigin());
        // OMP_NUM_THREADS is the user's: not overwritten; OPENBLAS_NUM_THREADS made to agree with it
        assertEquals(Map.of("OPENBLAS_NUM_THREADS", "1", "MKL_NUM_THREADS", "1"), p.environment());
    }

    @Test
    void blasPrecedenceFollowsOpenBlasOwnVariableOrder() {
        Map<String, String> env = Map.of("OPENBLAS_NUM_THREADS", "3", "GOTO_NUM_THREADS", "2", "OMP_NUM_THREADS", "1");
        assertEquals(3, plan(NONE, null, Map.of(), env).blasThreads());
        assertEquals(2, plan(NONE, null, Map.of(), Map.of("GOTO_NUM_THREADS", "2", "OMP_NUM_THREADS", "1"))
                .blasThreads());
        // malformed and non-positive values are ignored, as OpenBLAS does
        assertEquals(1, plan(NONE, null, Map.of(), Map.of("OPENBLAS_NUM_THREADS", "x", "GOTO_NUM_THREADS", "0",
                "OMP_NUM_THREADS", "1")).blasThreads());
    }

    @Test
    void blasPrecedenceApiThenPropertyThenEnvironmentThenBudget() {
        Map<String, String> env = Map.of("OPENBLAS_NUM_THREADS", "3");
        Map<String, String> props = Map.of(ThreadPlanning.PROP_BLAS_THREADS, "16");
        ThreadPlan api = plan(NativeConfigOptions.builder().blasThreads(5).build(), null, props, env);
        assertEquals(5, api.blasThreads());
        assertEquals("the API", api.blasThreadsOrigin());
        ThreadPlan prop = plan(NONE, null, props, env);
        assertEquals(16, prop.blasThreads());
        assertEquals(Map.of("OPENBLAS_NUM_THREADS", "16", "OMP_NUM_THREADS", "16", "MKL_NUM_THREADS", "16"),
                prop.environment());
        assertEquals(3, plan(NONE, null, Map.of(), env).blasThreads());
    }

    @Test
    void anApiPolicyBeatsPropertyAndEnvironmentForBlas() {
        ThreadPlan p = plan(NONE, ThreadPolicy.sequential(), Map.of(ThreadPlanning.PROP_BLAS_THREADS, "8"),
                Map.of("OPENBLAS_NUM_THREADS", "3"));
        assertEquals(1, p.blasThreads());
        assertEquals(1, p.threadsPerCall());
        ThreadPlan explicitBlas = plan(NativeConfigOptions.builder().blasThreads(2).build(), ThreadPolicy.sequential(),
                Map.of(), Map.of());
        assertEquals(2, explicitBlas.blasThreads());
    }

    @Test
    void policiesOverTheBudget() {
        assertEquals(4, plan(NONE, ThreadPolicy.auto(), Map.of(), Map.of()).threadsPerCall());
        assertEquals(6, plan(NONE, ThreadPolicy.fixed(6), Map.of(), Map.of()).threadsPerCall());
        assertEquals(1, plan(NONE, ThreadPolicy.sequential(), Map.of(), Map.of()).threadsPerCall());
        assertEquals(2, plan(NONE, ThreadPolicy.perWorker(2), Map.of(), Map.of()).threadsPerCall());
        assertEquals(1, plan(NONE, ThreadPolicy.perWorker(3), Map.of(), Map.of()).threadsPerCall());
        assertEquals(1, plan(NONE, ThreadPolicy.perWorker(100), Map.of(), Map.of()).threadsPerCall());
    }

    @Test
    void unmanagedLeavesTheEnvironmentAlone() {
        ThreadPlan prop = plan(NONE, null, Map.of(ThreadPlanning.PROP_BLAS_MANAGE, "false"), Map.of());
        assertFalse(prop.manageBlas());
        assertTrue(prop.environment().isEmpty());
        ThreadPlan api = plan(NativeConfigOptions.builder().manageBlas(false).build(), null,
                Map.of(ThreadPlanning.PROP_BLAS_MANAGE, "true"), Map.of());
        assertFalse(api.manageBlas());
    }

    @Test
    void ompAndMklCanBeLeftUnset() {
        ThreadPlan p = plan(NONE, null, Map.of(ThreadPlanning.PROP_SET_OMP_MKL, "false"), Map.of());
        assertEquals(Map.of("OPENBLAS_NUM_THREADS", "4"), p.environment());
    }

    @Test
    void malformedPropertiesAreIgnoredWithANote() {
        ThreadPlan p = plan(NONE, null, Map.of(ThreadPlanning.PROP_THREADS, "zero", ThreadPlanning.PROP_BLAS_THREADS,
                "-2", ThreadPlanning.PROP_BLAS_MANAGE, "maybe"), Map.of());
        assertEquals(4, p.budget().cpus());
        assertEquals(4, p.blasThreads());
        assertTrue(p.manageBlas());
        assertEquals(3, p.notes().size(), p.notes().toString());
    }

    @Test
    void roundingPrecedence() {
        List<String> notes = new ArrayList<>();
        assertEquals(Rounding.FLOOR, ThreadPlanning.rounding(NONE, Map.of(), notes));
        assertEquals(Rounding.CEIL, ThreadPlanning.rounding(NONE, Map.of(ThreadPlanning.PROP_ROUNDING, "ceil"), notes));
        assertEquals(Rounding.FLOOR, ThreadPlanning.rounding(NativeConfigOptions.builder().rounding(Rounding.FLOOR)
                .build(), Map.of(ThreadPlanning.PROP_ROUNDING, "ceil"), notes));
        assertTrue(notes.isEmpty());
        assertEquals(Rounding.FLOOR, ThreadPlanning.rounding(NONE, Map.of(ThreadPlanning.PROP_ROUNDING, "up"), notes));
        assertEquals(1, notes.size());
    }

    @Test
    void roundingOfFractionalQuotas() {
        assertEquals(1, Rounding.FLOOR.cpus(150000, 100000));
        assertEquals(2, Rounding.CEIL.cpus(150000, 100000));
        assertEquals(1, Rounding.FLOOR.cpus(50000, 100000));
        assertEquals(1, Rounding.CEIL.cpus(50000, 100000));
        assertEquals(2, Rounding.FLOOR.cpus(200000, 100000));
        assertEquals(2, Rounding.CEIL.cpus(200000, 100000));
    }
}
