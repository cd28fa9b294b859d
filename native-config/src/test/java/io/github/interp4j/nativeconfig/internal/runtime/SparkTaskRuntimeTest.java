package io.github.interp4j.nativeconfig.internal.runtime;

import io.github.interp4j.nativeconfig.BlasLease;
import io.github.interp4j.nativeconfig.ComputeLease;
import io.github.interp4j.nativeconfig.NativeReport;
import io.github.interp4j.nativeconfig.TaskShare;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A runtime whose task probe says the calling thread runs a Spark task: local mode (no environment) and
 * an executor process, where Spark set {@code OMP_NUM_THREADS} (injected here: Spark does not set it in
 * local mode, so only an injected environment reaches this path in-process).
 */
class SparkTaskRuntimeTest {
    private final FakeBoundary boundary = new FakeBoundary();
    private final Map<String, String> properties = new HashMap<>(Map.of("interp4j.threads", "4"));
    private volatile OptionalInt task = OptionalInt.empty();

    private NativeRuntime runtime(Map<String, String> environment) {
        try {
            Path root = Path.of(getClass().getClassLoader().getResource("cgroup-fixtures/docker-v2").toURI());
            return new NativeRuntime(root, boundary, () -> Map.copyOf(properties), environment, () -> task);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void localModeTaskCallsUseTheTaskCpusAndCallsOutsideATaskTheWholeBudget() {
        NativeRuntime rt = runtime(Map.of());
        try (BlasLease outside = rt.blas()) {
            assertEquals(4, outside.threads(), "outside a task a lone call has the budget");
        }
        assertTrue(rt.taskShare().isEmpty());
        assertTrue(rt.report().taskShare().isEmpty());
        task = OptionalInt.of(1);
        try (BlasLease inside = rt.blas()) {
            assertEquals(1, inside.threads(), "a task with 1 CPU runs its BLAS calls on 1 thread");
            assertEquals(1, boundary.threadCalls.get(boundary.threadCalls.size() - 1), "OpenBLAS set to 1");
        }
        try (ComputeLease section = rt.acquire(4)) {
            assertEquals(1, section.threads(), "Java parallel sections of the task too");
        }
        NativeReport r = rt.report();
        TaskShare s = r.taskShare().orElseThrow();
        assertEquals(1, s.taskCpus());
        assertEquals(1, s.threads());
        assertEquals(TaskShare.Source.TASK_CPUS, s.source());
        assertTrue(r.toJson().contains("\"taskThreadsSource\":\"TASK_CPUS\""), r.toJson());
        assertTrue(r.toText().contains("Spark task"), r.toText());
        assertEquals(4, r.blasThreads(), "the process's pool is still sized to the budget");
    }

    @Test
    void executorEnvironmentOmpNumThreadsIsReportedAsTheSource() throws InterruptedException {
        NativeRuntime rt = runtime(Map.of("OMP_NUM_THREADS", "2"));
        task = OptionalInt.of(2);
        NativeReport r = rt.report();
        assertEquals(2, r.blasThreads());
        assertEquals("environment OMP_NUM_THREADS", r.blasThreadsOrigin());
        assertEquals("2", boundary.environment.get("OPENBLAS_NUM_THREADS"), "the pool is sized to the task");
        assertFalse(boundary.environment.containsKey("OMP_NUM_THREADS"), "Spark's value is left alone");
        TaskShare s = r.taskShare().orElseThrow();
        assertEquals(TaskShare.Source.SPARK_EXECUTOR_OMP_NUM_THREADS, s.source());
        assertEquals(2, s.threads());
        assertTrue(s.reason().contains("OMP_NUM_THREADS = 2"), s.reason());
        assertTrue(r.toJson().contains("\"taskThreadsSource\":\"SPARK_EXECUTOR_OMP_NUM_THREADS\""), r.toJson());
        // two tasks of 2 CPUs (two threads) fill the budget of 4; each call has its share
        try (BlasLease a = rt.blas()) {
            int[] other = new int[1];
            Thread second = new Thread(() -> {
                try (BlasLease b = rt.blas()) {
                    other[0] = b.threads();
                }
            });
            second.start();
            second.join();
            assertEquals(List.of(2, 2), List.of(a.threads(), other[0]));
        }
    }

    @Test
    void aShareChangesWithThePlan() {
        NativeRuntime rt = runtime(Map.of());
        task = OptionalInt.of(3);
        assertEquals(3, rt.taskShare().orElseThrow().threads());
        properties.put("interp4j.threads", "2");
        rt.configure(io.github.interp4j.nativeconfig.NativeConfigOptions.defaults());
        assertEquals(2, rt.taskShare().orElseThrow().threads(), "re-decided under the new budget");
    }
}
