package io.github.interp4j.nativeconfig.internal.policy;

import io.github.interp4j.nativeconfig.BudgetSource;
import io.github.interp4j.nativeconfig.CpuBudget;
import io.github.interp4j.nativeconfig.NativeConfigOptions;
import io.github.interp4j.nativeconfig.Rounding;
import io.github.interp4j.nativeconfig.ThreadPolicy;
import io.github.interp4j.nativeconfig.PidLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    // ---------------------------------------------------------------- settings that cannot hurt (budget 4)

    /** Columns: variable | value | BLAS threads | origin starts with | a note names "variable=value". */
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            OPENBLAS_NUM_THREADS | 100000      | 4 | environment OPENBLAS_NUM_THREADS, capped at the budget | true
            OPENBLAS_NUM_THREADS | 99999999999 | 4 | environment OPENBLAS_NUM_THREADS, capped at the budget | true
            GOTO_NUM_THREADS     | 64          | 4 | environment GOTO_NUM_THREADS, capped at the budget     | true
            OMP_NUM_THREADS      | 5           | 4 | environment OMP_NUM_THREADS, capped at the budget      | true
            OPENBLAS_NUM_THREADS | 4           | 4 | environment OPENBLAS_NUM_THREADS                       | false
            OPENBLAS_NUM_THREADS | 3           | 3 | environment OPENBLAS_NUM_THREADS                       | false
            OPENBLAS_NUM_THREADS | 0           | 4 | thread policy auto()                                   | true
            OPENBLAS_NUM_THREADS | -1          | 4 | thread policy auto()                                   | true
            OPENBLAS_NUM_THREADS | abc         | 4 | thread policy auto()                                   | true
            OMP_NUM_THREADS      | 2.5         | 4 | thread policy auto()                                   | true
            MKL_NUM_THREADS      | 0           | 4 | thread policy auto()                                   | true
            MKL_NUM_THREADS      | 64          | 4 | thread policy auto()                                   | true
            """)
    void environmentCountsAboveTheBudgetAreCappedAndMalformedOnesNamed(String name, String value, int blas,
                                                                       String origin, boolean noted) {
        ThreadPlan p = plan(NONE, null, Map.of(), Map.of(name, value));
        assertEquals(blas, p.blasThreads());
        assertTrue(p.blasThreadsOrigin().startsWith(origin), p.blasThreadsOrigin());
        assertEquals(noted, p.notes().stream().anyMatch(n -> n.contains(name + "=" + value)), p.notes().toString());
        assertEquals(Integer.toString(blas), p.environment().getOrDefault("OPENBLAS_NUM_THREADS", value));
    }

    @Test
    void environmentAboveTheBudgetIsOverwrittenSoThatChildrenAndOtherRuntimesAgree() {
        ThreadPlan p = plan(NONE, null, Map.of(), Map.of("OMP_NUM_THREADS", "64", "MKL_NUM_THREADS", "2",
                "GOTO_NUM_THREADS", "32"));
        assertEquals(4, p.blasThreads());
        assertEquals(Map.of("OPENBLAS_NUM_THREADS", "4", "OMP_NUM_THREADS", "4", "GOTO_NUM_THREADS", "4"),
                p.environment(), "MKL_NUM_THREADS=2 is within the budget and the user's");
        assertEquals(2, p.notes().size(), p.notes().toString());
    }

    @Test
    void explicitCountsAboveTheBudgetAreHonouredWithANote() {
        ThreadPlan api = plan(NativeConfigOptions.builder().blasThreads(16).build(), null, Map.of(), Map.of());
        assertEquals(16, api.blasThreads());
        assertTrue(api.notes().get(0).contains("blasThreads(16) exceeds the CPU budget of 4"), api.notes().toString());
        ThreadPlan prop = plan(NONE, null, Map.of(ThreadPlanning.PROP_BLAS_THREADS, "16"), Map.of());
        assertEquals(16, prop.blasThreads());
        assertTrue(prop.notes().get(0).contains("interp4j.blas.threads=16 exceeds the CPU budget of 4"),
                prop.notes().toString());
        ThreadPlan fixed = plan(NONE, ThreadPolicy.fixed(8), Map.of(), Map.of());
        assertEquals(8, fixed.threadsPerCall());
        assertEquals(8, fixed.blasThreads());
        assertTrue(fixed.notes().get(0).contains("fixed(8) asks for 8 threads per call on a CPU budget of 4"),
                fixed.notes().toString());
        assertTrue(plan(NONE, ThreadPolicy.fixed(4), Map.of(), Map.of()).notes().isEmpty());
        assertTrue(plan(NativeConfigOptions.builder().blasThreads(4).build(), null, Map.of(), Map.of()).notes()
                .isEmpty());
    }

    // ---------------------------------------------------------------- task limits (pids.max)

    /** Columns: headroom | OpenBLAS running (0 = not loaded) | the most BLAS threads. Margin 8, two copies. */
    @ParameterizedTest(name = "headroom {0}, running {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
             0 | 0 |  1
             9 | 0 |  1
            10 | 0 |  1
            11 | 0 |  2
            12 | 0 |  2
            39 | 0 | 16
            40 | 0 | 16
             0 | 4 |  4
             8 | 4 |  4
            10 | 4 |  5
            40 | 1 | 17
            """)
    void blasThreadsFitTheTaskHeadroom(long headroom, int running, int expected) {
        assertEquals(expected, ThreadPlanning.maxBlasThreads(headroom, running, ThreadPlanning.OPENBLAS_COPIES));
        // what a load or growth to that count starts, plus the margin, fits
        long started = 2L * (expected - Math.max(1, running)) + (running == 0 ? 1 : 0);
        assertTrue(expected == Math.max(1, running) || started + ThreadPlanning.PID_MARGIN <= headroom,
                started + " threads started with headroom " + headroom);
    }

    @Test
    void theTaskHeadroomLimitsEverySourceAndTheWorkers() {
        PidLimit tight = PidLimit.of(40, 27, "/pod");   // headroom 13: 1 + (13 - 8 - 1) / 2 = 3 BLAS threads
        ThreadPlan api = ThreadPlanning.plan(DETECTED, NativeConfigOptions.builder().blasThreads(16).build(), null,
                Map.of(), Map.of(), tight, 0);
        assertEquals(3, api.blasThreads());
        assertTrue(api.blasThreadsOrigin().endsWith("lowered to fit pids.max"), api.blasThreadsOrigin());
        assertTrue(api.notes().stream().anyMatch(n -> n.contains("pids.max 40 of cgroup /pod")), api.notes().toString());
        assertEquals(Map.of("OPENBLAS_NUM_THREADS", "3", "OMP_NUM_THREADS", "3", "MKL_NUM_THREADS", "3"),
                api.environment());
        assertEquals(4, api.threadsPerCall(), "1 + 13 - 8 = 6 workers fit; the budget is 4");
        ThreadPlan none = ThreadPlanning.plan(DETECTED, NONE, null, Map.of(), Map.of(), PidLimit.of(30, 28, "/"), 0);
        assertEquals(1, none.blasThreads());
        assertEquals(1, none.threadsPerCall());
        ThreadPlan free = ThreadPlanning.plan(DETECTED, NONE, null, Map.of(), Map.of(), PidLimit.unlimited(), 0);
        assertEquals(4, free.blasThreads());
        assertTrue(free.notes().isEmpty());
    }
}
