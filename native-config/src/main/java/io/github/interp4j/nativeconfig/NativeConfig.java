package io.github.interp4j.nativeconfig;

import io.github.interp4j.nativeconfig.internal.cgroup.CgroupSnapshot;
import io.github.interp4j.nativeconfig.internal.cgroup.SystemReader;
import io.github.interp4j.nativeconfig.internal.jni.NativeBoundary;
import io.github.interp4j.nativeconfig.internal.policy.BudgetDecision;
import io.github.interp4j.nativeconfig.internal.policy.ComputeGate;
import io.github.interp4j.nativeconfig.internal.policy.ThreadPlan;
import io.github.interp4j.nativeconfig.internal.policy.ThreadPlanning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The single entry point of native-config: it derives the CPU budget from cgroups, applies the thread
 * policy, sizes OpenBLAS before it loads, and hands out threads so that concurrent callers together
 * stay within the budget. Every BLAS/LAPACK call in interp4j goes through {@link #blas()}, so
 * "configured before first use" holds by construction.
 *
 * <h2>Lifecycle</h2>
 * <ol>
 *   <li>On first use (any method, or an explicit {@link #configure(NativeConfigOptions)} early in
 *       {@code main}), the budget is detected from {@code /proc} and {@code /sys/fs/cgroup} and, unless
 *       OpenBLAS is unmanaged, {@code OPENBLAS_NUM_THREADS} (and {@code OMP_NUM_THREADS},
 *       {@code MKL_NUM_THREADS} where unset) are set in the C process environment through a small JNI
 *       helper that does not load OpenBLAS.</li>
 *   <li>On the first {@link #blas()} (or {@link #report()}), OpenBLAS is loaded, its thread count is
 *       set again with {@code openblas_set_num_threads} as a backstop and read back, and the report is
 *       logged once at INFO.</li>
 * </ol>
 * OpenBLAS creates its thread pool when it loads and never shrinks it, so call
 * {@link #configure(NativeConfigOptions)} before anything else loads {@code org.bytedeco.openblas}.
 * If something did, the count is still applied and a WARN says the pool was already sized.
 *
 * <h2>Concurrent callers</h2>
 * OpenBLAS's thread count is process-wide. A call that finds the budget free runs with the policy's
 * full thread count; a call that arrives while others are in flight runs with one thread (waiting for
 * a free one if needed). Java-side parallel sections take their workers from the same budget through
 * {@link #acquire(int)}, and a BLAS call made inside a lease runs single-threaded, so Java workers plus
 * BLAS threads never exceed the budget (unless an explicit {@code blasThreads} or {@code fixed(n)}
 * above the budget says otherwise).
 *
 * <p>Thread-safety: all methods are safe to call from any thread.
 */
public final class NativeConfig {
    private static final Logger LOG = LoggerFactory.getLogger(NativeConfig.class);
    private static final Object LOCK = new Object();
    private static final Object COUNT_LOCK = new Object();
    private static final NativeBoundary BOUNDARY = new NativeBoundary();
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private static NativeConfigOptions options = NativeConfigOptions.defaults();
    private static ThreadPolicy apiPolicy;
    private static volatile State state;
    private static volatile NativeReport blasReport;
    private static int currentBlasThreads = -1;

    /** Everything decided, and the gate that enforces it. */
    private static final class State {
        final CpuBudget detected;
        final ThreadPlan plan;
        final MemoryLimit memory;
        final ComputeGate gate;
        final List<String> warnings;
        final Map<String, String> environmentSet;

        State(CpuBudget detected, ThreadPlan plan, MemoryLimit memory, List<String> warnings,
              Map<String, String> environmentSet) {
            this.detected = detected;
            this.plan = plan;
            this.memory = memory;
            this.gate = new ComputeGate(plan.threadsPerCall());
            this.warnings = List.copyOf(warnings);
            this.environmentSet = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environmentSet));
        }
    }

    private NativeConfig() {}

    /**
     * Configures with explicit options (highest precedence; see {@link NativeConfigOptions}). Call it
     * early, before anything loads OpenBLAS. Before OpenBLAS is loaded the options replace earlier ones
     * entirely; after it is loaded, the budget, policy and BLAS thread count still apply (through
     * {@code openblas_set_num_threads}) but the pool was created at load, which a WARN says.
     *
     * @param newOptions the options
     * @return the decision (without BLAS details unless BLAS is already loaded)
     * @throws NullPointerException if {@code newOptions} is null
     */
    public static NativeReport configure(NativeConfigOptions newOptions) {
        Objects.requireNonNull(newOptions, "options");
        synchronized (LOCK) {
            options = newOptions;
            if (newOptions.threadPolicy() != null) {
                apiPolicy = newOptions.threadPolicy();
            }
            replan(true);
            return currentReport();
        }
    }

    /**
     * Detects and decides with the current settings, without loading OpenBLAS. Idempotent.
     *
     * @return the decision (BLAS details present only if BLAS is already loaded)
     */
    public static NativeReport decision() {
        ensurePlanned();
        return currentReport();
    }

    /**
     * The full report: loads and configures OpenBLAS if that has not happened yet.
     *
     * @return the report with the BLAS library's own details
     * @throws IllegalStateException if OpenBLAS cannot be loaded (the message names the platform, or the
     *                               cache-directory property to set)
     */
    public static NativeReport report() {
        ensureBlas();
        return currentReport();
    }

    /**
     * Decides from a captured tree instead of the live system (for {@code diagnose --root}): DIR holds
     * {@code proc/self/mountinfo}, {@code proc/self/cgroup}, {@code proc/self/status} and the
     * {@code sys/fs/cgroup/...} files. Uses this JVM's system properties and environment for overrides,
     * changes nothing, and never loads BLAS.
     *
     * @param root the captured tree
     * @return the decision, without BLAS details and without a JVM processor count
     * @throws NullPointerException if {@code root} is null
     */
    public static NativeReport decideFrom(Path root) {
        Objects.requireNonNull(root, "root");
        NativeConfigOptions opts;
        ThreadPolicy pol;
        synchronized (LOCK) {
            opts = options;
            pol = apiPolicy;
        }
        List<String> notes = new ArrayList<>();
        Map<String, String> props = interp4jProperties();
        Rounding rounding = ThreadPlanning.rounding(opts, props, notes);
        CgroupSnapshot snap = new SystemReader(root).read();
        CpuBudget detected = BudgetDecision.decide(snap, rounding);
        ThreadPlan plan = ThreadPlanning.plan(detected, opts, pol, props, System.getenv());
        notes.addAll(plan.notes());
        return new NativeReport(plan.budget(), BudgetDecision.memory(snap), -1, plan.policy(), plan.threadsPerCall(),
                plan.blasThreads(), plan.blasThreadsOrigin(), plan.manageBlas(), plan.environment(), null, notes);
    }

    /** @return the CPU budget in force (detected, or overridden) */
    public static CpuBudget cpuBudget() {
        return ensurePlanned().plan.budget();
    }

    /** @return the lowest cgroup memory limit over the process's hierarchy, or unlimited */
    public static MemoryLimit memoryLimit() {
        return ensurePlanned().memory;
    }

    /** @return the thread policy in force */
    public static ThreadPolicy threadPolicy() {
        return ensurePlanned().plan.policy();
    }

    /** @return threads one library call may use under the current policy and budget */
    public static int threadsPerCall() {
        return ensurePlanned().plan.threadsPerCall();
    }

    /**
     * Sets the thread policy, at any time. It counts as an explicit API choice for BLAS threads too
     * (unless an explicit {@code blasThreads} was configured). After OpenBLAS is loaded the new count is
     * applied with {@code openblas_set_num_threads} once calls in flight have finished, and read back.
     *
     * @param policy the policy
     * @throws NullPointerException if {@code policy} is null
     */
    public static void setThreadPolicy(ThreadPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        synchronized (LOCK) {
            apiPolicy = policy;
            replan(false);
        }
    }

    /**
     * Takes threads for one Java-side parallel section out of the budget: {@code min(wanted,
     * threadsPerCall())} when no other call is in flight, else 1 (waiting until one is free). Inside a
     * lease already held by this thread (or shared with it by {@link #inLease(Runnable)}) it returns a
     * one-thread lease without waiting.
     *
     * @param wanted the threads the section could use, at least 1
     * @return the lease; close it when the section ends (try-with-resources)
     * @throws IllegalArgumentException if {@code wanted < 1}
     */
    public static ComputeLease acquire(int wanted) {
        if (wanted < 1) {
            throw new IllegalArgumentException("wanted must be at least 1, was " + wanted);
        }
        int[] depth = DEPTH.get();
        if (depth[0] > 0) {
            return nested(depth, 1);
        }
        ComputeLease inner = ensurePlanned().gate.acquire(wanted);
        depth[0]++;
        return new TrackedLease(inner, depth, inner.threads());
    }

    /**
     * Wraps work that a lease holder hands to another thread (a worker of its parallel section), so that
     * library calls made by that work count as part of the holder's lease: they run with one thread and
     * never wait for the budget (which the holder already has).
     *
     * @param work the work
     * @return the wrapped work
     * @throws NullPointerException if {@code work} is null
     */
    public static Runnable inLease(Runnable work) {
        Objects.requireNonNull(work, "work");
        return () -> {
            int[] depth = DEPTH.get();
            depth[0]++;
            try {
                work.run();
            } finally {
                depth[0]--;
            }
        };
    }

    /**
     * The entry point for BLAS/LAPACK: loads and configures OpenBLAS on first use, takes threads from
     * the budget (all of the policy's when no other call is in flight, else one), and sets OpenBLAS's
     * process-wide thread count accordingly (when managed). Call bytedeco's
     * {@code org.bytedeco.openblas.global.openblas} functions only while the lease is open.
     *
     * @return the lease; close it after the BLAS/LAPACK calls (try-with-resources)
     * @throws IllegalStateException if OpenBLAS cannot be loaded
     */
    public static BlasLease blas() {
        ensureBlas();
        State s = state;
        int[] depth = DEPTH.get();
        if (depth[0] > 0) {
            applyBlasThreads(s, 1);
            return nested(depth, 1);
        }
        ComputeLease inner = s.gate.acquire(s.gate.permits());
        depth[0]++;
        boolean alone = inner.threads() == s.gate.permits();
        int threads = alone ? s.plan.blasThreads() : 1;
        try {
            applyBlasThreads(s, threads);
        } catch (RuntimeException | Error e) {
            depth[0]--;
            inner.close();
            throw e;
        }
        return new TrackedLease(inner, depth, threads);
    }

    /**
     * The variables native-config set in this process's C environment. {@link System#getenv()} and
     * {@link ProcessBuilder} never see a {@code setenv}, so pass these to child processes explicitly.
     *
     * @return name to value (empty when nothing was set)
     */
    public static Map<String, String> childProcessEnvironment() {
        return ensurePlanned().environmentSet;
    }

    private static void applyBlasThreads(State s, int threads) {
        if (!s.plan.manageBlas()) {
            return;
        }
        synchronized (COUNT_LOCK) {
            if (currentBlasThreads != threads) {
                BOUNDARY.setBlasThreads(threads);
                currentBlasThreads = threads;
            }
        }
    }

    private static TrackedLease nested(int[] depth, int threads) {
        depth[0]++;
        return new TrackedLease(null, depth, threads);
    }

    private static State ensurePlanned() {
        State s = state;
        if (s != null) {
            return s;
        }
        synchronized (LOCK) {
            if (state == null) {
                replan(true);
            }
            return state;
        }
    }

    private static void ensureBlas() {
        if (blasReport != null) {
            return;
        }
        synchronized (LOCK) {
            if (blasReport != null) {
                return;
            }
            State s = ensurePlanned();
            BOUNDARY.loadBlas();
            List<String> warnings = new ArrayList<>(s.warnings);
            if (s.plan.manageBlas()) {
                int reported;
                synchronized (COUNT_LOCK) {
                    reported = BOUNDARY.setBlasThreads(s.plan.blasThreads());
                    currentBlasThreads = s.plan.blasThreads();
                }
                if (reported >= 0 && reported != s.plan.blasThreads()) {
                    String w = "OpenBLAS reports " + reported + " threads after openblas_set_num_threads("
                            + s.plan.blasThreads() + ")";
                    LOG.warn(w);
                    warnings.add(w);
                }
            }
            if (BOUNDARY.currentInfo().loadedBeforeConfiguration()) {
                String w = "OpenBLAS was loaded before interp4j configured it: its thread pool was already sized "
                        + "(set the count with openblas_set_num_threads; call NativeConfig.configure(...) before "
                        + "anything loads org.bytedeco.openblas to size it at load)";
                LOG.warn(w);
                warnings.add(w);
            }
            state = new State(s.detected, s.plan, s.memory, warnings, s.environmentSet);
            blasReport = currentReport();
            LOG.info("interp4j native configuration:\n{}", blasReport.toText());
        }
    }

    /** Decides again (under LOCK). {@code redetect}: read the system again. */
    private static void replan(boolean redetect) {
        List<String> warnings = new ArrayList<>();
        Map<String, String> props = interp4jProperties();
        Rounding rounding = ThreadPlanning.rounding(options, props, warnings);
        State old = state;
        CpuBudget detected;
        MemoryLimit memory;
        if (redetect || old == null) {
            CgroupSnapshot snap = new SystemReader(Paths.get("/")).read();
            detected = BudgetDecision.decide(snap, rounding);
            memory = BudgetDecision.memory(snap);
            LOG.debug("cgroup snapshot: {}", snap);
        } else {
            detected = old.detected;
            memory = old.memory;
        }
        ThreadPlan plan = ThreadPlanning.plan(detected, options, apiPolicy, props, System.getenv());
        warnings.addAll(plan.notes());
        for (String note : plan.notes()) {
            LOG.warn("interp4j: {}", note);
        }
        int jvm = Runtime.getRuntime().availableProcessors();
        if (jvm != plan.budget().cpus()) {
            LOG.debug("CPU budget {} differs from Runtime.availableProcessors() = {}", plan.budget().cpus(), jvm);
        }
        Map<String, String> envSet = new java.util.LinkedHashMap<>(old == null ? Map.of() : old.environmentSet);
        if (plan.manageBlas() && !plan.environment().isEmpty()) {
            if (BOUNDARY.blasLoaded() || NativeBoundary.blasAlreadyLoaded()) {
                LOG.debug("OpenBLAS already loaded: environment not changed");
            } else {
                String failure = BOUNDARY.setEnvironment(plan.environment());
                if (failure == null) {
                    envSet.putAll(plan.environment());
                } else {
                    String w = failure + "; falling back to openblas_set_num_threads after load (the pool OpenBLAS "
                            + "creates at load may then be larger than " + plan.blasThreads() + ")";
                    LOG.warn(w);
                    warnings.add(w);
                }
            }
        }
        LOG.debug("interp4j plan: {}", plan);
        State next = new State(detected, plan, memory, warnings, envSet);
        if (old != null && BOUNDARY.blasLoaded() && plan.manageBlas()) {
            // Wait for calls in flight under the old gate before changing the process-wide count.
            try (ComputeLease all = old.gate.acquireAll()) {
                state = next;
                int reported;
                synchronized (COUNT_LOCK) {
                    reported = BOUNDARY.setBlasThreads(plan.blasThreads());
                    currentBlasThreads = plan.blasThreads();
                }
                LOG.debug("OpenBLAS threads set to {}, reads back {}", plan.blasThreads(), reported);
            }
            blasReport = currentReportOf(next);
        } else {
            state = next;
        }
    }

    private static NativeReport currentReport() {
        return currentReportOf(state);
    }

    private static NativeReport currentReportOf(State s) {
        BlasInfo blas = BOUNDARY.blasLoaded() ? BOUNDARY.currentInfo() : null;
        return new NativeReport(s.plan.budget(), s.memory, Runtime.getRuntime().availableProcessors(),
                s.plan.policy(), s.plan.threadsPerCall(), s.plan.blasThreads(), s.plan.blasThreadsOrigin(),
                s.plan.manageBlas(), s.environmentSet, blas, s.warnings);
    }

    private static Map<String, String> interp4jProperties() {
        Map<String, String> m = new HashMap<>();
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("interp4j.")) {
                m.put(name, System.getProperty(name));
            }
        }
        return m;
    }

    /** A lease that tracks this thread's nesting depth and gives its permits back once. */
    private static final class TrackedLease implements BlasLease {
        private final ComputeLease inner;
        private final int[] depth;
        private final int threads;
        private boolean open = true;

        TrackedLease(ComputeLease inner, int[] depth, int threads) {
            this.inner = inner;
            this.depth = depth;
            this.threads = threads;
        }

        @Override
        public int threads() {
            return threads;
        }

        @Override
        public void close() {
            if (open) {
                open = false;
                depth[0]--;
                if (inner != null) {
                    inner.close();
                }
            }
        }
    }
}
