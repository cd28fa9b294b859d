package io.github.interp4j.nativeconfig.internal.policy;

import io.github.interp4j.nativeconfig.BudgetSource;
import io.github.interp4j.nativeconfig.CpuBudget;
import io.github.interp4j.nativeconfig.NativeConfigOptions;
import io.github.interp4j.nativeconfig.Rounding;
import io.github.interp4j.nativeconfig.TaskShare;
import io.github.interp4j.nativeconfig.ThreadPolicy;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ThreadPlanning#taskShare}: a Spark task's threads from its CPUs, the executor environment and the plan. */
class TaskSharePlanningTest {
    private static final CpuBudget FOUR = CpuBudget.builder().cpus(4).source(BudgetSource.CGROUP_V2_CPU_MAX)
            .quota(400000, 100000, "/pod").affinityCpus(8).hostCpus(8).rounding(Rounding.FLOOR).cgroupVersion(2)
            .reason("cgroup v2 cpu.max 400000 100000").build();

    private static ThreadPlan plan(Map<String, String> env) {
        return ThreadPlanning.plan(FOUR, NativeConfigOptions.defaults(), null, Map.of(), env);
    }

    @Test
    void localModeTaskGetsItsCpus() {
        ThreadPlan p = plan(Map.of());
        assertEquals(4, p.blasThreads(), "alone, a call outside a task may use the whole budget");
        TaskShare s = ThreadPlanning.taskShare(p, 1, Map.of());
        assertEquals(1, s.taskCpus());
        assertEquals(1, s.threads());
        assertEquals(TaskShare.Source.TASK_CPUS, s.source());
        assertTrue(s.reason().contains("TaskContext.cpus() = 1"), s.reason());
        assertEquals(3, ThreadPlanning.taskShare(p, 3, Map.of()).threads());
    }

    @Test
    void sparkExecutorOmpNumThreadsIsTheSource() {
        Map<String, String> executor = Map.of("OMP_NUM_THREADS", "2");
        ThreadPlan p = plan(executor);
        assertEquals(2, p.blasThreads());
        assertEquals("environment OMP_NUM_THREADS", p.blasThreadsOrigin());
        TaskShare s = ThreadPlanning.taskShare(p, 2, executor);
        assertEquals(2, s.threads());
        assertEquals(TaskShare.Source.SPARK_EXECUTOR_OMP_NUM_THREADS, s.source());
        assertTrue(s.reason().contains("OMP_NUM_THREADS = 2"), s.reason());
    }

    @Test
    void theShareNeverExceedsThePoolOrTheBudget() {
        // the application set spark.executorEnv.OMP_NUM_THREADS=1 while tasks have 2 CPUs: the pool is 1
        Map<String, String> one = Map.of("OMP_NUM_THREADS", "1");
        TaskShare s = ThreadPlanning.taskShare(plan(one), 2, one);
        assertEquals(1, s.threads());
        // a task given more CPUs than the container has
        TaskShare big = ThreadPlanning.taskShare(plan(Map.of()), 8, Map.of());
        assertEquals(4, big.threads());
        assertTrue(big.reason().contains("capped at 4"), big.reason());
        // an explicit sequential policy wins over the task's CPUs
        ThreadPlan seq = ThreadPlanning.plan(FOUR, NativeConfigOptions.defaults(), ThreadPolicy.sequential(),
                Map.of(), Map.of());
        assertEquals(1, ThreadPlanning.taskShare(seq, 4, Map.of()).threads());
    }

    @Test
    void malformedOmpNumThreadsFallsBackToTheTaskCpus() {
        Map<String, String> bad = Map.of("OMP_NUM_THREADS", "many");
        TaskShare s = ThreadPlanning.taskShare(plan(bad), 2, bad);
        assertEquals(2, s.threads());
        assertEquals(TaskShare.Source.TASK_CPUS, s.source());
    }

    @Test
    void rejectsANonPositiveTaskCpuCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ThreadPlanning.taskShare(plan(Map.of()), 0, Map.of()));
        assertTrue(e.getMessage().contains("0"), e.getMessage());
    }
}
