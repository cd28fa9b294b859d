package io.github.interp4j.examples.spark;

import io.github.interp4j.nativeconfig.cgroup.QuotaCgroup;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spark jobs in child JVMs ({@link TaskThreadsMain}), where the process environment and the cgroup can be
 * chosen: inside a 1-CPU quota every task's BLAS calls run on 1 thread; with the {@code OMP_NUM_THREADS}
 * that Spark sets on executor processes (injected: {@code local} mode never sets it) the tasks report it
 * as the source of their share.
 */
class SparkTaskThreadsTest {
    private static final long TIMEOUT_SECONDS = 180;

    @Test
    void insideAOneCpuQuotaEveryTaskRunsBlasOnOneThread() throws Exception {
        QuotaCgroup group;
        try {
            group = QuotaCgroup.create("interp4j-spark-" + ProcessHandle.current().pid(), 1.0, false);
        } catch (IOException | RuntimeException e) {
            Assumptions.abort("cannot create a cgroup with a CPU quota here (needs root or a delegated subtree): "
                    + e.getMessage());
            return;
        }
        List<String> out;
        try (group) {
            out = run(group.wrap(command()), Map.of());
        }
        String process = line(out, "PROCESS");
        assertTrue(process.startsWith("PROCESS budget=1 "), process);
        assertTrue(process.contains("blasThreads=1 "), process);
        List<String> tasks = lines(out, "TASK");
        assertEquals(4, tasks.size(), out.toString());
        for (String t : tasks) {
            assertEquals("TASK taskCpus=1 share=1 source=TASK_CPUS lease=1 openblas=1", t);
        }
    }

    @Test
    void sparkExecutorOmpNumThreadsIsReportedAsTheSource() throws Exception {
        List<String> out = run(command(), Map.of("OMP_NUM_THREADS", "1"));
        String process = line(out, "PROCESS");
        assertTrue(process.contains("blasThreads=1 origin=environment_OMP_NUM_THREADS"), process);
        List<String> tasks = lines(out, "TASK");
        assertEquals(4, tasks.size(), out.toString());
        for (String t : tasks) {
            assertEquals("TASK taskCpus=1 share=1 source=SPARK_EXECUTOR_OMP_NUM_THREADS lease=1 openblas=1", t);
        }
    }

    private static List<String> command() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        String options = System.getProperty("spark.jvm.options", "");
        cmd.addAll(Arrays.stream(options.trim().split("\\s+")).filter(s -> !s.isEmpty()).collect(Collectors.toList()));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(TaskThreadsMain.class.getName());
        return cmd;
    }

    private static List<String> run(List<String> command, Map<String, String> env)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.endsWith("_NUM_THREADS"));
        pb.environment().putAll(env);
        Path out = Files.createTempFile("spark-child", ".out");
        Path err = Files.createTempFile("spark-child", ".err");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("child JVM did not finish in " + TIMEOUT_SECONDS + " s");
            }
            List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), "child failed: " + lines + "\n" + Files.readString(err));
            return lines;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String line(List<String> out, String prefix) {
        List<String> found = lines(out, prefix);
        assertEquals(1, found.size(), out.toString());
        return found.get(0);
    }

    private static List<String> lines(List<String> out, String prefix) {
        return out.stream().filter(s -> s.startsWith(prefix + " ")).collect(Collectors.toList());
    }
}
