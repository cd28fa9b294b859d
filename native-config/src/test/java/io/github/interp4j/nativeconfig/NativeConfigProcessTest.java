package io.github.interp4j.nativeconfig;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Loads OpenBLAS in child JVMs (it can load only once per process, and the environment must be set
 * before that) and checks what native-config did before and after the load. Everything that needs only
 * another root, other properties or another environment runs in-process in
 * {@code internal.runtime.NativeRuntimeTest}.
 */
class NativeConfigProcessTest {

    private static int baselineThreadsAddedWithOneThread() throws Exception {
        ChildJvm base = ChildJvm.run(List.of("-Dinterp4j.blas.manage=false"), Map.of("OPENBLAS_NUM_THREADS", "1"),
                "report");
        assertEquals(0, base.exitCode, base.toString());
        assertEquals("false", base.field("blasManaged"));
        assertEquals(1, base.intField("blasThreads"));
        return base.intField("threadsAddedByBlasLoad");
    }

    @Test
    void environmentIsSetBeforeLoadAndTheLoadAddsNoMoreThreadsThanWithOneThread() throws Exception {
        int baseline = baselineThreadsAddedWithOneThread();
        ChildJvm one = ChildJvm.run(List.of("-Dinterp4j.threads=1"), Map.of(), "env-before-load");
        assertEquals(0, one.exitCode, one.toString());
        assertTrue(one.stdout.contains("ENV OPENBLAS_NUM_THREADS=1 loaded=false decided=1"), one.toString());
        assertEquals(1, one.intField("cpuBudget"));
        assertEquals("OVERRIDE", one.field("source"));
        assertEquals(1, one.intField("blasThreads"));
        assertTrue(one.intField("threadsAddedByBlasLoad") <= baseline,
                "load added " + one.intField("threadsAddedByBlasLoad") + " threads, baseline " + baseline);

        // With a budget of 2 the load adds worker threads: the count set before load is what sizes the pool.
        ChildJvm two = ChildJvm.run(List.of("-Dinterp4j.threads=2"), Map.of(), "report");
        assertEquals(0, two.exitCode, two.toString());
        assertEquals(2, two.intField("blasThreads"));
        assertTrue(two.intField("threadsAddedByBlasLoad") > one.intField("threadsAddedByBlasLoad"), two.toString());
    }

    /** Issue 11: a stale OPENBLAS_NUM_THREADS=100000 made OpenBLAS start 64 threads on a 2-CPU budget. */
    @Test
    void aStaleHugeEnvironmentCountIsCappedBeforeTheLoadAndSaidAtWarn() throws Exception {
        int baseline = baselineThreadsAddedWithOneThread();
        ChildJvm c = ChildJvm.run(List.of("-Dinterp4j.threads=1"), Map.of("OPENBLAS_NUM_THREADS", "100000"), "report");
        assertEquals(0, c.exitCode, c.toString());
        assertEquals(1, c.intField("blasThreads"));
        assertEquals("1", c.json().replaceAll(".*\"OPENBLAS_NUM_THREADS\":\"([0-9]+)\".*", "$1"));
        assertTrue(c.intField("threadsAddedByBlasLoad") <= baseline, c.toString());
        assertTrue(c.stderr.contains("WARN") && c.stderr.contains("OPENBLAS_NUM_THREADS=100000 exceeds the CPU budget"),
                c.stderr);
        String info = c.stderr.lines().filter(l -> l.contains("INFO")).findFirst().orElse("");
        int infoLines = (int) c.stderr.lines().dropWhile(l -> !l.contains("INFO"))
                .takeWhile(l -> l.contains("INFO") || l.startsWith("interp4j:")).count();
        assertTrue(!info.isEmpty() && infoLines <= 3, "INFO summary of " + infoLines + " lines:\n" + c.stderr);
    }

    @Test
    void unmanagedLeavesOpenBlasAtItsOwnDefault() throws Exception {
        ChildJvm c = ChildJvm.run(List.of("-Dinterp4j.blas.manage=false", "-Dinterp4j.threads=1"), Map.of(), "report");
        assertEquals(0, c.exitCode, c.toString());
        assertEquals("{}", c.json().replaceAll(".*\"environmentSet\":(\\{[^}]*}).*", "$1"));
        // OpenBLAS's own default is the CPUs it sees, not our budget of 1.
        assertEquals(Runtime.getRuntime().availableProcessors() > 1 ? "true" : "false",
                Boolean.toString(c.intField("blasThreads") > 1));
    }

    @Test
    void openBlasLoadedBeforeUsStillGetsTheCountAndAWarning() throws Exception {
        ChildJvm c = ChildJvm.run(List.of("-Dinterp4j.threads=1"), Map.of(), "loaded-first");
        assertEquals(0, c.exitCode, c.toString());
        assertEquals("true", c.field("blasLoadedBeforeConfiguration"));
        assertEquals(1, c.intField("blasThreads"));
        assertTrue(c.json().contains("already sized"), c.json());
        assertTrue(c.stderr.contains("WARN"), c.stderr);
    }

    @Test
    void policyChangeAfterLoadIsReadBackFromOpenBlas() throws Exception {
        ChildJvm c = ChildJvm.run(List.of(), Map.of(), "policy-after-load");
        assertEquals(0, c.exitCode, c.toString());
        assertEquals("fixed(3)", c.field("policy"));
        assertEquals(3, c.intField("blasThreads"));
        // the environment (what childProcessEnvironment() passes on) says what OpenBLAS runs
        assertTrue(c.json().contains("\"environmentSet\":{\"OPENBLAS_NUM_THREADS\":\"3\""), c.json());
        // fixed(3) above the budget is honoured with a WARN
        assertEquals(c.intField("cpuBudget") < 3,
                c.stderr.contains("thread policy fixed(3) asks for 3 threads per call on a CPU budget of"), c.stderr);
    }

    @Test
    void unwritableHomeStillLoads() throws Exception {
        ChildJvm c = ChildJvm.run(List.of("-Duser.home=/proc/interp4j-no-such-home"), Map.of(), "report");
        assertEquals(0, c.exitCode, c.toString());
        assertEquals("OpenBLAS", c.field("blasBackend"));
    }

    @Test
    void explicitBlasThreadsAboveTheCpusAreAppliedAfterLoad() throws Exception {
        ChildJvm c = ChildJvm.run(List.of("-Dinterp4j.blas.threads=16"), Map.of(), "report");
        assertEquals(0, c.exitCode, c.toString());
        assertEquals(16, c.intField("blasThreads"));
        assertEquals("system property interp4j.blas.threads", c.field("blasThreadsOrigin"));
    }

    @Test
    void noWritableCacheNamesThePropertyToSet() throws Exception {
        ChildJvm c = ChildJvm.run(List.of("-Duser.home=/proc/interp4j-no-such-home",
                "-Djava.io.tmpdir=/proc/interp4j-no-such-tmp"), Map.of(), "report");
        assertNotEquals(0, c.exitCode, c.toString());
        assertTrue(c.stderr.contains("org.bytedeco.javacpp.cachedir"), c.stderr);
    }

    @Test
    void platformWithoutNativesIsNamed() throws Exception {
        ChildJvm c = ChildJvm.run(List.of("-Dorg.bytedeco.javacpp.platform=linux-riscv64"), Map.of(), "report");
        assertNotEquals(0, c.exitCode, c.toString());
        assertTrue(c.stderr.contains("linux-riscv64"), c.stderr);
        assertTrue(c.stderr.contains("no OpenBLAS natives"), c.stderr);
        // Our own JNI helper has no natives for that platform either: said at WARN, then the backstop.
        assertTrue(c.stderr.contains("WARN") && c.stderr.contains("falling back to openblas_set_num_threads"),
                c.stderr);
    }
}
