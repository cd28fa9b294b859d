package io.github.interp4j.nativeconfig;

import io.github.interp4j.nativeconfig.cgroup.PidsCgroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Child JVMs doing BLAS work (dgemm through {@link NativeConfig#blas()}, checked against a Java product)
 * inside a real cgroup with a task limit, {@code pids.max} from the JVM's own idle thread count up to
 * idle + 40 in steps of 4, once with the automatic budget and once with 16 BLAS threads requested
 * ({@code -Dinterp4j.blas.threads=16}). At every limit: no JVM crash (no {@code hs_err} file, no fatal
 * signal); when the JVM gets as far as {@code main}, the work completes with exit code 0 and the report
 * says what OpenBLAS runs; otherwise the JVM failed cleanly with a Java error of its own. Needs
 * permission to create cgroups (root on cgroup v1 or v2); skipped with the reason elsewhere. Removes what
 * it creates. About 22 child JVMs (20-40 s on 2 busy CPUs).
 */
class RealPidsCgroupTest {
    private static final int SPAN = 40;
    private static final int STEP = 4;

    @Test
    void noCrashAndTheWorkCompletesAtEveryTaskLimitFromIdleToIdlePlus40(@TempDir Path tmp) throws Exception {
        String name = "interp4j-pids-test-" + ProcessHandle.current().pid();
        PidsCgroup group;
        try {
            group = PidsCgroup.create(name, 100_000);
        } catch (IOException e) {
            assumeTrue(false, "not permitted to create a cgroup with a task limit here: " + e.getMessage());
            return;
        }
        List<String> log = new ArrayList<>();
        try (PidsCgroup g = group) {
            ChildJvm idleRun = ChildJvm.run(g.wrap(ChildJvm.javaCommand(List.of(), "idle")), Map.of());
            assertEquals(0, idleRun.exitCode, idleRun.toString());
            int idle = idleRun.intField("threads");
            for (String requested : List.of("auto", "16")) {
                for (int max = idle; max <= idle + SPAN; max += STEP) {
                    g.setMax(max);
                    Path errorFile = tmp.resolve("hs_err_" + requested + "_" + max + "_%p.log");
                    List<String> jvmArgs = new ArrayList<>(List.of("-XX:ErrorFile=" + errorFile));
                    if (!requested.equals("auto")) {
                        jvmArgs.add("-Dinterp4j.blas.threads=" + requested);
                    }
                    long t0 = System.nanoTime();
                    ChildJvm c = ChildJvm.run(g.wrap(ChildJvm.javaCommand(jvmArgs, "blas-work")), Map.of());
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    String where = "pids.max " + max + " (idle " + idle + "), BLAS threads " + requested + ": ";
                    assertEquals(List.of(), hsErrFiles(tmp), where + "the JVM crashed\n" + c);
                    assertFalse(c.stderr.contains("SIGSEGV") || c.stderr.contains("SIGABRT")
                            || c.stderr.contains("A fatal error has been detected"), where + c);
                    if (c.stdout.contains("START")) {
                        assertEquals(0, c.exitCode, where + "the JVM ran main but the work failed\n" + c);
                        assertTrue(c.stdout.contains("WORK done"), where + c);
                        int blas = c.intField("blasThreads");
                        assertEquals(c.intField("blasThreadsDecided"), blas, where + "report and OpenBLAS disagree");
                        assertEquals(Integer.toString(blas), envCount(c.json()), where + c.json());
                        log.add(where + "exit 0, " + blas + " BLAS threads, headroom " + c.field("pidsHeadroom")
                                + ", " + ms + " ms");
                    } else {
                        assertTrue(c.stderr.contains("java.lang.") && c.exitCode != 0,
                                where + "the JVM did not start and said nothing clear\n" + c);
                        log.add(where + "the JVM itself could not start (exit " + c.exitCode + "), " + ms + " ms");
                    }
                }
            }
        } finally {
            System.out.println(String.join("\n", log));
        }
        assertFalse(Files.exists(Paths.get("/sys/fs/cgroup/pids", name)), "test cgroup left behind");
        assertFalse(Files.exists(Paths.get("/sys/fs/cgroup", name)), "test cgroup left behind");
    }

    private static List<Path> hsErrFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("hs_err")).toList();
        }
    }

    /** OPENBLAS_NUM_THREADS in the report's environmentSet object. */
    private static String envCount(String json) {
        int i = json.indexOf("\"OPENBLAS_NUM_THREADS\":\"");
        if (i < 0) {
            return "missing";
        }
        int from = i + "\"OPENBLAS_NUM_THREADS\":\"".length();
        return json.substring(from, json.indexOf('"', from));
    }
}
