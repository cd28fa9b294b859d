package io.github.interp4j.nativeconfig.internal.runtime;

import io.github.interp4j.nativeconfig.BlasLease;
import io.github.interp4j.nativeconfig.BudgetSource;
import io.github.interp4j.nativeconfig.ComputeLease;
import io.github.interp4j.nativeconfig.NativeConfigOptions;
import io.github.interp4j.nativeconfig.NativeReport;
import io.github.interp4j.nativeconfig.ThreadPolicy;
import io.github.interp4j.nativeconfig.internal.policy.CacheDirectory;
import org.junit.jupiter.api.Test;

import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runtimes built in-process over fixture trees, with their own properties and environment and a fake
 * native boundary: everything that does not need a fresh JVM (compare NativeConfigProcessTest).
 */
class NativeRuntimeTest {
    /** cgroup v2, cpu.max 150000/100000 on 8 online CPUs: floor gives a budget of 1. */
    private static final String FIXTURE = "docker-v2";

    private final FakeBoundary boundary = new FakeBoundary();
    private final Map<String, String> properties = new HashMap<>();

    private static Path fixture(String name) {
        try {
            return Path.of(NativeRuntimeTest.class.getClassLoader().getResource("cgroup-fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private NativeRuntime runtime(Map<String, String> environment) {
        return new NativeRuntime(fixture(FIXTURE), boundary, () -> Map.copyOf(properties), environment);
    }

    @Test
    void decidesFromItsRootPropertiesAndEnvironmentAndSetsTheEnvironmentBeforeLoad() {
        properties.put("interp4j.threads", "3");
        NativeRuntime rt = runtime(Map.of("OMP_NUM_THREADS", "2"));
        NativeReport d = rt.decision();
        assertEquals(3, d.budget().cpus());
        assertEquals(BudgetSource.OVERRIDE, d.budget().source());
        assertEquals(2, d.blasThreads());
        assertEquals("environment OMP_NUM_THREADS", d.blasThreadsOrigin());
        assertEquals(Map.of("OPENBLAS_NUM_THREADS", "2", "MKL_NUM_THREADS", "2"), boundary.environment);
        assertEquals(boundary.environment, rt.childProcessEnvironment());
        assertEquals(boundary.environment, d.environmentSet());
        assertNull(d.blas(), "decision() never loads BLAS");
        assertFalse(boundary.blasLoaded());
    }

    @Test
    void decideFromUsesTheSamePipelineAndChangesNothing() {
        NativeRuntime rt = runtime(Map.of());
        NativeReport other = rt.decideFrom(fixture(FIXTURE));
        assertTrue(boundary.environment.isEmpty(), "decideFrom sets nothing");
        NativeReport own = rt.decision();
        assertEquals(own.budget(), other.budget());
        assertEquals(own.memoryLimit().bytes(), other.memoryLimit().bytes());
        assertEquals(own.blasThreads(), other.blasThreads());
        assertEquals(own.environmentSet(), other.environmentSet(), "decideFrom reports what would be set");
        assertEquals(-1, other.jvmAvailableProcessors());
        assertNull(other.blas());
    }

    @Test
    void reportLoadsOnceAndSetsTheCountAsBackstop() {
        properties.put("interp4j.threads", "2");
        NativeRuntime rt = runtime(Map.of());
        NativeReport r = rt.report();
        assertNotNull(r.blas());
        assertEquals("OpenBLAS", r.blas().backend());
        assertEquals("0.3.99", r.blas().version());
        assertEquals("pthreads", r.blas().threadingModel());
        assertEquals(2, r.blas().threads());
        assertEquals(List.of(2), boundary.threadCalls);
        assertEquals(-1, r.blas().threadsAddedByLoad(), "a fixture root has no /proc/self/task");
        rt.report();
        assertEquals(List.of(2), boundary.threadCalls, "loaded and set once");
    }

    /** Moved from NativeConfigProcessTest: no child JVM is needed to check the origin and the count applied after load. */
    @Test
    void explicitBlasThreadsAboveTheCpusAreAppliedAfterLoad() {
        properties.put("interp4j.blas.threads", "16");
        NativeReport r = runtime(Map.of()).report();
        assertEquals(16, r.blas().threads());
        assertEquals("system property interp4j.blas.threads", r.blasThreadsOrigin());
    }

    @Test
    void unmanagedSetsNothing() {
        properties.put("interp4j.blas.manage", "false");
        NativeReport r = runtime(Map.of()).report();
        assertEquals(Map.of(), r.environmentSet());
        assertTrue(boundary.environment.isEmpty());
        assertTrue(boundary.threadCalls.isEmpty());
        assertEquals(8, r.blas().threads(), "the library's own default stays");
    }

    @Test
    void policyChangeAfterLoadIsAppliedAndReadBack() {
        NativeRuntime rt = runtime(Map.of());
        rt.report();
        rt.setThreadPolicy(ThreadPolicy.fixed(3));
        NativeReport r = rt.report();
        assertEquals("fixed(3)", r.policy().toString());
        assertEquals(3, r.blas().threads());
        assertEquals(3, boundary.threadCalls.get(boundary.threadCalls.size() - 1));
    }

    @Test
    void configureReplacesEarlierOptions() {
        NativeRuntime rt = runtime(Map.of());
        assertEquals(1, rt.configure(NativeConfigOptions.builder().cpuBudget(1).build()).budget().cpus());
        assertEquals(5, rt.configure(NativeConfigOptions.builder().cpuBudget(5).build()).threadsPerCall());
        assertEquals(5, rt.cpuBudget().cpus());
    }

    @Test
    void loadedBeforeUsGetsTheCountAndAWarningButNoEnvironment() {
        boundary.loadedByOthers = true;
        properties.put("interp4j.threads", "1");
        NativeReport r = runtime(Map.of()).report();
        assertTrue(boundary.environment.isEmpty(), "too late for the environment");
        assertTrue(r.blas().loadedBeforeConfiguration());
        assertEquals(1, r.blas().threads());
        assertTrue(r.warnings().toString().contains("already sized"), r.warnings().toString());
    }

    /** Moved from NativeConfigProcessTest (a child JVM with -Dorg.bytedeco.javacpp.platform=linux-riscv64). */
    @Test
    void platformWithoutNativesIsNamed() {
        boundary.platform = "linux-riscv64";
        boundary.natives = false;
        boundary.environmentFailure = "the JNI helper " + FakeBoundary.ENVIRONMENT_HELPER + " could not load: "
                + "java.lang.UnsatisfiedLinkError: no jniProcessEnvironment in java.library.path";
        NativeRuntime rt = runtime(Map.of());
        // Our own JNI helper has no natives for that platform either: said as a warning, then the backstop.
        String warnings = rt.decision().warnings().toString();
        assertTrue(warnings.contains("falling back to openblas_set_num_threads"), warnings);
        IllegalStateException e = assertThrows(IllegalStateException.class, rt::report);
        assertTrue(e.getMessage().contains("linux-riscv64"), e.getMessage());
        assertTrue(e.getMessage().contains("no OpenBLAS natives"), e.getMessage());
        assertTrue(e.getMessage().contains(BuildInfo.OPENBLAS_ARTIFACT + ":linux-riscv64"), e.getMessage());
    }

    /** Moved from NativeConfigProcessTest (a child JVM with unwritable user.home and java.io.tmpdir). */
    @Test
    void noWritableCacheNamesThePropertyToSet() {
        Map<String, String> unwritable = Map.of("user.home", "/proc/interp4j-no-such-home",
                "java.io.tmpdir", "/proc/interp4j-no-such-tmp");
        boundary.prepare = () -> CacheDirectory.choose(unwritable, CacheDirectory::writable);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> runtime(Map.of()).report());
        assertTrue(e.getMessage().contains("org.bytedeco.javacpp.cachedir"), e.getMessage());
        assertFalse(boundary.blasLoaded());
    }

    @Test
    void leasesStayWithinTheBudgetAndNestWithoutWaiting() throws Exception {
        properties.put("interp4j.threads", "2");
        NativeRuntime rt = runtime(Map.of());
        try (BlasLease alone = rt.blas()) {
            assertEquals(2, alone.threads());
        }
        try (ComputeLease outer = rt.acquire(Integer.MAX_VALUE)) {
            assertEquals(2, outer.threads());
            try (BlasLease inner = rt.blas()) {
                assertEquals(1, inner.threads());
                assertEquals(1, boundary.threadCalls.get(boundary.threadCalls.size() - 1));
            }
            Thread t = new Thread(rt.inLease(() -> {
                try (ComputeLease l = rt.acquire(8)) {
                    assertEquals(1, l.threads());
                }
            }));
            t.start();
            t.join(30_000);
            assertFalse(t.isAlive(), "a worker sharing the lease waited for the budget");
        }
        assertThrows(IllegalArgumentException.class, () -> rt.acquire(0));
    }

    // ---------------------------------------------------------------- issue 11: settings that cannot hurt

    @Test
    void afterLoadTheEnvironmentAndTheReportSayWhatOpenBlasRuns() {
        properties.put("interp4j.threads", "3");
        NativeRuntime rt = runtime(Map.of());
        assertEquals("3", rt.report().environmentSet().get("OPENBLAS_NUM_THREADS"));
        NativeReport r = rt.configure(NativeConfigOptions.builder().blasThreads(1).build());
        assertEquals(1, r.blas().threads());
        assertEquals("1", r.environmentSet().get("OPENBLAS_NUM_THREADS"));
        assertEquals("1", rt.childProcessEnvironment().get("OPENBLAS_NUM_THREADS"));
        assertEquals("1", boundary.environment.get("OPENBLAS_NUM_THREADS"));
        assertEquals(r.environmentSet(), rt.report().environmentSet());
        // back to the policy: the environment follows again
        r = rt.configure(NativeConfigOptions.defaults());
        assertEquals(3, r.blas().threads());
        assertEquals("3", rt.childProcessEnvironment().get("OPENBLAS_NUM_THREADS"));
    }

    @Test
    void aStaleEnvironmentCountIsCappedAndNamed() {
        NativeRuntime rt = runtime(Map.of("OPENBLAS_NUM_THREADS", "100000"));
        NativeReport r = rt.report();
        assertEquals(1, r.budget().cpus());
        assertEquals(1, r.blas().threads());
        assertEquals("1", boundary.environment.get("OPENBLAS_NUM_THREADS"), "set before load, so the pool is 1");
        assertTrue(r.warnings().get(0).contains("OPENBLAS_NUM_THREADS=100000 exceeds the CPU budget of 1"),
                r.warnings().toString());
    }

    @Test
    void malformedSettingsAreWarningsNamingThem() {
        properties.put("interp4j.rounding", "banana");
        NativeReport r = runtime(Map.of("OPENBLAS_NUM_THREADS", "0", "OMP_NUM_THREADS", "abc")).decision();
        String w = r.warnings().toString();
        assertTrue(w.contains("interp4j.rounding=banana"), w);
        assertTrue(w.contains("OPENBLAS_NUM_THREADS=0"), w);
        assertTrue(w.contains("OMP_NUM_THREADS=abc"), w);
    }

    @Test
    void theInfoSummaryIsAtMostThreeLines() {
        NativeReport r = runtime(Map.of("OPENBLAS_NUM_THREADS", "-1", "GOTO_NUM_THREADS", "64")).report();
        String summary = r.toSummary();
        assertTrue(summary.split("\n").length <= 3, summary);
        assertTrue(summary.contains("CPU budget 1 (CGROUP_V2_CPU_MAX)"), summary);
        assertTrue(summary.contains("BLAS threads 1"), summary);
        assertTrue(summary.contains(r.warnings().size() + " warnings, first: " + r.warnings().get(0)), summary);
        assertTrue(r.toText().split("\n").length > 3, "the full report stays complete");
    }

    @Test
    void decideFromAMissingOrUnreadableRootIsAnError(@TempDir Path tmp) throws IOException {
        NativeRuntime rt = runtime(Map.of());
        Path missing = tmp.resolve("nonexistent");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rt.decideFrom(missing));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("does not exist"),
                e.getMessage());
        Path file = Files.writeString(tmp.resolve("file"), "x");
        e = assertThrows(IllegalArgumentException.class, () -> rt.decideFrom(file));
        assertTrue(e.getMessage().contains("not a directory"), e.getMessage());
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        e = assertThrows(IllegalArgumentException.class, () -> rt.decideFrom(empty));
        assertTrue(e.getMessage().contains("holds none of proc/self/mountinfo"), e.getMessage());
    }

    // ---------------------------------------------------------------- issue 11: task limits

    /** A cgroup v1 tree with a pids limit on /job whose pids.current the test changes. */
    private static Path pidsTree(Path root, long max, long current) throws IOException {
        write(root, "proc/self/mountinfo", "39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids\n");
        write(root, "proc/self/cgroup", "8:pids:/job\n");
        write(root, "sys/devices/system/cpu/online", "0-7\n");
        setPids(root, max, current);
        return root;
    }

    private static void setPids(Path root, long max, long current) throws IOException {
        write(root, "sys/fs/cgroup/pids/job/pids.max", max + "\n");
        write(root, "sys/fs/cgroup/pids/job/pids.current", current + "\n");
    }

    private static void write(Path root, String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void theHeadroomIsReadAgainRightBeforeTheLoad(@TempDir Path tmp) throws IOException {
        Path root = pidsTree(tmp, 100, 60);              // headroom 40: 16 BLAS threads fit
        properties.put("interp4j.blas.threads", "16");
        NativeRuntime rt = new NativeRuntime(root, boundary, () -> Map.copyOf(properties), Map.of());
        assertEquals(16, rt.decision().blasThreads());
        assertEquals("16", boundary.environment.get("OPENBLAS_NUM_THREADS"));
        setPids(root, 100, 90);                          // headroom 10 by the time BLAS loads: 1 thread
        NativeReport r = rt.report();
        assertEquals("1", boundary.environment.get("OPENBLAS_NUM_THREADS"), "re-sized before the load");
        assertEquals(1, r.blasThreads());
        assertEquals(1, r.blas().threads());
        assertEquals(Map.of("OPENBLAS_NUM_THREADS", "1", "OMP_NUM_THREADS", "1", "MKL_NUM_THREADS", "1"),
                r.environmentSet());
        assertEquals(10, r.pidLimit().headroom());
        assertEquals("/job", r.pidLimit().cgroup());
        assertTrue(r.warnings().toString().contains("pids.max 100 of cgroup /job"), r.warnings().toString());
    }

    @Test
    void everyGrowthOfTheLoadedPoolsIsCheckedAgainstTheHeadroom(@TempDir Path tmp) throws IOException {
        Path root = pidsTree(tmp, 100, 91);              // headroom 9: load with 1 thread
        NativeRuntime rt = new NativeRuntime(root, boundary, () -> Map.copyOf(properties), Map.of());
        assertEquals(1, rt.report().blas().threads());
        setPids(root, 100, 60);                          // headroom 40: growing from 1 to 16 starts 30 threads
        rt.setThreadPolicy(ThreadPolicy.fixed(16));
        assertEquals(16, rt.report().blas().threads());
        setPids(root, 100, 95);                          // headroom 5: no growth beyond the pools' 16
        rt.setThreadPolicy(ThreadPolicy.fixed(32));
        NativeReport r = rt.report();
        assertEquals(16, r.blas().threads());
        assertEquals(16, r.blasThreads());
        assertEquals("16", rt.childProcessEnvironment().get("OPENBLAS_NUM_THREADS"));
        assertEquals(1, r.threadsPerCall(), "1 + max(0, 5 - 8) workers");
        assertTrue(boundary.threadCalls.stream().allMatch(n -> n <= 16), boundary.threadCalls.toString());
        setPids(root, 100, 95);
        rt.setThreadPolicy(ThreadPolicy.sequential());   // shrinking needs no headroom
        assertEquals(1, rt.report().blas().threads());
        rt.setThreadPolicy(ThreadPolicy.fixed(16));      // nor does growing back within the pools
        assertEquals(16, rt.report().blas().threads());
    }

    @Test
    void withHardlyAFreeTaskJavaCppIsAskedNotToStartItsDeallocatorThread(@TempDir Path tmp) throws IOException {
        Path root = pidsTree(tmp, 40, 40);
        NativeReport r = new NativeRuntime(root, boundary, () -> Map.copyOf(properties), Map.of()).report();
        assertTrue(boundary.pointerGcDisabled);
        assertEquals(1, r.blas().threads());
        assertEquals(0, r.pidLimit().headroom());
        FakeBoundary other = new FakeBoundary();
        new NativeRuntime(pidsTree(tmp, 40, 32), other, Map::of, Map.of()).report();
        assertTrue(other.pointerGcDisabled, "8 free tasks: the JVM may take them before the deallocator starts");
        FakeBoundary roomy = new FakeBoundary();
        new NativeRuntime(pidsTree(tmp, 40, 31), roomy, Map::of, Map.of()).report();
        assertFalse(roomy.pointerGcDisabled, "9 free tasks leave one for the deallocator");
    }

    @Test
    void whenOpenBlasCapsTheCountTheEnvironmentSaysWhatItRuns() {
        boundary.maxThreads = 64;                        // OpenBLAS's MAX_THREADS
        properties.put("interp4j.blas.threads", "100");
        NativeRuntime rt = runtime(Map.of());
        NativeReport r = rt.report();
        assertEquals(100, r.blasThreads(), "decided");
        assertEquals(64, r.blas().threads(), "runs");
        assertEquals("64", r.environmentSet().get("OPENBLAS_NUM_THREADS"));
        assertEquals("64", rt.childProcessEnvironment().get("OPENBLAS_NUM_THREADS"));
        assertTrue(r.warnings().toString().contains("OpenBLAS reports 64 threads"), r.warnings().toString());
        rt.setThreadPolicy(ThreadPolicy.fixed(2));
        assertEquals("2", rt.childProcessEnvironment().get("OPENBLAS_NUM_THREADS"));
    }
}
