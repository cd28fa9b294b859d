package io.github.interp4j.examples;

import io.github.interp4j.nativeconfig.NativeConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiagnoseTest {
    private static final List<String> REQUIRED_KEYS = List.of("cpuBudget", "source", "hostCpus",
            "jvmAvailableProcessors", "cgroupVersion", "quotaUs", "periodUs", "blasBackend", "blasVersion",
            "blasCoreName", "blasThreads", "threadsAddedByBlasLoad", "memoryLimitBytes", "pidsMax", "pidsHeadroom");

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void jsonHasEveryDocumentedKeyAndTheLiveBudget() {
        String[] r = run("diagnose", "--json");
        assertEquals("0", r[0], r[2]);
        String json = r[1].strip();
        assertTrue(json.startsWith("{") && json.endsWith("}"), json);
        for (String key : REQUIRED_KEYS) {
            assertTrue(json.contains("\"" + key + "\":"), "missing " + key + " in " + json);
        }
        assertTrue(json.contains("\"cpuBudget\":" + NativeConfig.cpuBudget().cpus() + ","), json);
        assertTrue(json.contains("\"blasBackend\":\"OpenBLAS\""), json);
    }

    @Test
    void captureThenRootReproducesTheLiveDecision(@TempDir Path dir) throws Exception {
        Path tree = dir.resolve("tree");
        String[] cap = run("diagnose", "--capture", tree.toString());
        assertEquals("0", cap[0], cap[2]);
        assertTrue(Files.isRegularFile(tree.resolve("proc/self/mountinfo")));
        assertTrue(Files.isRegularFile(tree.resolve("proc/self/cgroup")));
        assertTrue(Files.isRegularFile(tree.resolve("proc/self/status")));
        String[] r = run("diagnose", "--root", tree.toString(), "--json");
        assertEquals("0", r[0], r[2]);
        String json = r[1].strip();
        assertTrue(json.contains("\"cpuBudget\":" + NativeConfig.cpuBudget().cpus() + ","), json);
        assertTrue(json.contains("\"source\":\"" + NativeConfig.cpuBudget().source() + "\""), json);
        assertTrue(json.contains("\"blasBackend\":null"), "a captured tree has no BLAS part: " + json);
    }

    @Test
    void textReportForAPerson() {
        String[] r = run("diagnose");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("CPU budget"), r[1]);
        assertTrue(r[1].contains("BLAS backend"), r[1]);
    }

    @Test
    void inCpuQuotaRunsDiagnoseInsideTheQuota() {
        String[] r = run("diagnose", "--in-cpu-quota", "1", "--json");
        Assumptions.assumeFalse(r[0].equals("1") && r[2].contains("cannot run inside a CPU quota"),
                "no permission to create a cgroup here: " + r[2]);
        assertEquals("0", r[0], r[2]);
        String json = r[1].strip();
        assertTrue(json.contains("\"cpuBudget\":1,"), json);
        assertTrue(json.matches("(?s).*\"source\":\"CGROUP_V[12]_QUOTA\".*"), json);
        assertTrue(json.contains("\"blasThreads\":1,"), json);
    }

    @Test
    void aMissingRootIsAnErrorNamingThePath(@TempDir Path dir) {
        Path missing = dir.resolve("nonexistent");
        String[] r = run("diagnose", "--root", missing.toString());
        assertEquals("1", r[0], r[1]);
        assertTrue(r[2].contains(missing.toString()) && r[2].contains("does not exist"), r[2]);
        assertEquals("", r[1], "nothing on stdout");
    }

    @Test
    void badUsageIsAnErrorNotACrash() {
        assertEquals("2", run("diagnose", "--in-cpu-quota", "none")[0]);
        assertEquals("2", run("diagnose", "--in-cpu-quota")[0]);
        assertEquals("2", run("diagnose", "--quota-on-parent")[0]);
        assertEquals("2", run("diagnose", "--root")[0]);
        assertEquals("2", run("nonsense")[0]);
        assertEquals("2", run("diagnose", "--bogus")[0]);
    }
}
