package io.github.interp4j.nativeconfig.internal.runtime;

import io.github.interp4j.nativeconfig.BlasInfo;
import io.github.interp4j.nativeconfig.BlasLease;
import io.github.interp4j.nativeconfig.ComputeLease;
import io.github.interp4j.nativeconfig.CpuBudget;
import io.github.interp4j.nativeconfig.MemoryLimit;
import io.github.interp4j.nativeconfig.NativeConfigOptions;
import io.github.interp4j.nativeconfig.NativeReport;
import io.github.interp4j.nativeconfig.TaskShare;
import io.github.interp4j.nativeconfig.PidLimit;
import io.github.interp4j.nativeconfig.ThreadPolicy;
import io.github.interp4j.nativeconfig.internal.cgroup.CgroupSnapshot;
import io.github.interp4j.nativeconfig.internal.cgroup.ProcessCensus;
import io.github.interp4j.nativeconfig.internal.cgroup.SystemReader;
import io.github.interp4j.nativeconfig.internal.jni.JavaCppBoundary;
import io.github.interp4j.nativeconfig.internal.jni.NativeBoundary;
import io.github.interp4j.nativeconfig.internal.policy.BudgetDecision;
import io.github.interp4j.nativeconfig.internal.policy.CacheDirectory;
import io.github.interp4j.nativeconfig.internal.policy.ComputeGate;
import io.github.interp4j.nativeconfig.internal.policy.Decision;
import io.github.interp4j.nativeconfig.internal.policy.LeaseDepth;
import io.github.interp4j.nativeconfig.internal.policy.Settings;
import io.github.interp4j.nativeconfig.internal.policy.ThreadPlan;
import io.github.interp4j.nativeconfig.internal.policy.ThreadPlanning;
import io.github.interp4j.nativeconfig.internal.spark.SparkTaskProbe;
import io.github.interp4j.nativeconfig.internal.spark.TaskProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One native configuration: reads the system below a root, decides with {@link ThreadPlanning}, acts
 * through a {@link NativeBoundary}, and owns the resulting plan and the leases handed out against it.
 * {@code NativeConfig}'s static methods delegate to the process-wide instance ({@link #forThisProcess()});
 * tests build instances over a fixture root, with their own properties and environment and a fake
 * boundary, in-process. Each method's contract is the one documented on {@code NativeConfig}.
 *
 * <p>Thread-safety: all methods are safe to call from any thread. Decisions are made under one lock;
 * leases are handed out by a {@link ComputeGate} without it; the BLAS thread count is set under a
 * second, small lock (it changes per call, outside the decision lock).
 */
public final class NativeRuntime {
    /** Logged under {@code NativeConfig}'s name, as users configure it. */
    private static final Logger LOG = LoggerFactory.getLogger("io.github.interp4j.nativeconfig.NativeConfig");
    private static final String PROPERTY_PREFIX = "interp4j.";

    private final Path root;
    private final NativeBoundary boundary;
    private final Supplier<Map<String, String>> properties;
    private final Map<String, String> environment;
    private final BlasLoading blasLoading;
    private final TaskProbe taskProbe;
    private final BlasThreadCount blasThreadCount = new BlasThreadCount();
    private final LeaseDepth depth = new LeaseDepth();
    private final Object lock = new Object();

    // Guarded by lock.
    private NativeConfigOptions options = NativeConfigOptions.defaults();
    private ThreadPolicy apiPolicy;
    private final Set<String> logged = new HashSet<>();

    private volatile State state;
    private volatile NativeReport blasReport;
    /** The last task share decided, reused while the plan and the task's CPUs are the same. */
    private volatile SharedTask lastShare;

    /** A task share and what it was decided from. */
    private record SharedTask(ThreadPlan plan, int taskCpus, TaskShare share) {}

    /**
     * Everything decided, what was done about it, and the gate that enforces it.
     *
     * @param decision       the decision in force
     * @param gate           hands out leases against the decision's threads per call
     * @param warnings       for the report
     * @param environmentSet variables actually set in the C environment
     */
    private record State(Decision decision, ComputeGate gate, List<String> warnings,
                         Map<String, String> environmentSet) {
        State {
            warnings = List.copyOf(warnings);
            environmentSet = Collections.unmodifiableMap(new LinkedHashMap<>(environmentSet));
        }

        ThreadPlan plan() {
            return decision.plan();
        }
    }

    /**
     * A runtime over the system below {@code systemRoot}. Nothing is read or done until the first call.
     *
     * @param systemRoot  the directory standing for {@code /} ({@code /proc}, {@code /sys/fs/cgroup})
     * @param boundary    the native calls
     * @param properties  system properties, read afresh at each decision (only {@code interp4j.*} keys
     *                    decide; the JavaCPP and bytedeco keys are named in messages and the report)
     * @param environment the process environment as the JVM saw it at start
     * @throws NullPointerException if an argument is null
     */
    public NativeRuntime(Path systemRoot, NativeBoundary boundary, Supplier<Map<String, String>> properties,
                         Map<String, String> environment) {
        this(systemRoot, boundary, properties, environment, new SparkTaskProbe());
    }

    /**
     * A runtime that asks {@code taskProbe} whether the calling thread runs a Spark task; inside one,
     * BLAS calls and parallel sections use the task's share ({@link ThreadPlanning#taskShare}).
     *
     * @param systemRoot  the directory standing for {@code /}
     * @param boundary    the native calls
     * @param properties  system properties, read afresh at each decision
     * @param environment the process environment as the JVM saw it at start
     * @param taskProbe   finds the calling thread's task
     * @throws NullPointerException if an argument is null
     */
    public NativeRuntime(Path systemRoot, NativeBoundary boundary, Supplier<Map<String, String>> properties,
                         Map<String, String> environment, TaskProbe taskProbe) {
        this.taskProbe = Objects.requireNonNull(taskProbe, "taskProbe");
        this.root = Objects.requireNonNull(systemRoot, "systemRoot");
        this.boundary = Objects.requireNonNull(boundary, "boundary");
        this.properties = Objects.requireNonNull(properties, "properties");
        this.environment = Map.copyOf(environment);
        this.blasLoading = new BlasLoading(boundary, new ProcessCensus(systemRoot), properties);
    }

    /** @return the runtime of this process: {@code /}, JavaCPP, this JVM's system properties and environment */
    public static NativeRuntime forThisProcess() {
        return new NativeRuntime(Paths.get("/"), new JavaCppBoundary(CacheDirectory::ensure),
                NativeRuntime::systemProperties, System.getenv());
    }

    /**
     * @param newOptions the options (replace earlier ones entirely)
     * @return the decision (without BLAS details unless BLAS is already loaded)
     * @throws NullPointerException if {@code newOptions} is null
     */
    public NativeReport configure(NativeConfigOptions newOptions) {
        Objects.requireNonNull(newOptions, "options");
        synchronized (lock) {
            options = newOptions;
            if (newOptions.threadPolicy() != null) {
                apiPolicy = newOptions.threadPolicy();
            }
            replan(true);
            return currentReport();
        }
    }

    /** @return the decision, made now if not yet (never loads BLAS) */
    public NativeReport decision() {
        ensurePlanned();
        return currentReport();
    }

    /**
     * @return the full report; loads and configures BLAS if not yet
     * @throws IllegalStateException if BLAS cannot be loaded
     */
    public NativeReport report() {
        ensureBlas();
        return currentReport();
    }

    /**
     * Decides from another tree with this runtime's settings; changes nothing, never loads BLAS.
     *
     * @param tree the directory standing for {@code /}
     * @return the decision, without BLAS details and without a JVM processor count
     * @throws NullPointerException     if {@code tree} is null
     * @throws IllegalArgumentException naming the path if it is not a readable directory, or holds none of
     *                                  the files a capture writes ({@code proc/self/mountinfo},
     *                                  {@code proc/self/cgroup}, {@code proc/self/status},
     *                                  {@code sys/devices/system/cpu/online})
     */
    public NativeReport decideFrom(Path tree) {
        Objects.requireNonNull(tree, "root");
        checkCapturedTree(tree);
        Settings settings;
        synchronized (lock) {
            settings = settings();
        }
        Decision d = ThreadPlanning.decide(new SystemReader(tree).read(), settings);
        return report(d, d.notes(), d.plan().environment(), false);
    }

    private static void checkCapturedTree(Path tree) {
        if (!Files.exists(tree)) {
            throw new IllegalArgumentException("root " + tree.toAbsolutePath() + " does not exist");
        }
        if (!Files.isDirectory(tree)) {
            throw new IllegalArgumentException("root " + tree.toAbsolutePath() + " is not a directory");
        }
        if (!Files.isReadable(tree) || !Files.isExecutable(tree)) {
            throw new IllegalArgumentException("root " + tree.toAbsolutePath() + " is not readable");
        }
        for (String file : List.of("proc/self/mountinfo", "proc/self/cgroup", "proc/self/status",
                "sys/devices/system/cpu/online")) {
            if (Files.isReadable(tree.resolve(file))) {
                return;
            }
        }
        throw new IllegalArgumentException("root " + tree.toAbsolutePath() + " holds none of proc/self/mountinfo, "
                + "proc/self/cgroup, proc/self/status, sys/devices/system/cpu/online (make one with diagnose --capture)");
    }

    /** @return the CPU budget in force */
    public CpuBudget cpuBudget() {
        return ensurePlanned().plan().budget();
    }

    /** @return the lowest cgroup memory limit, or unlimited */
    public MemoryLimit memoryLimit() {
        return ensurePlanned().decision().memory();
    }

    /** @return the task limit with the least headroom, as read at the last decision */
    public PidLimit pidLimit() {
        return ensurePlanned().decision().pids();
    }

    /** @return the thread policy in force */
    public ThreadPolicy threadPolicy() {
        return ensurePlanned().plan().policy();
    }

    /** @return threads one library call may use */
    public int threadsPerCall() {
        return ensurePlanned().plan().threadsPerCall();
    }

    /**
     * @param policy the policy (an explicit API choice, also for BLAS threads)
     * @throws NullPointerException if {@code policy} is null
     */
    public void setThreadPolicy(ThreadPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        synchronized (lock) {
            apiPolicy = policy;
            replan(false);
        }
    }

    /**
     * @param wanted the threads the section could use, at least 1
     * @return the lease (one thread at once inside a lease this thread holds or shares)
     * @throws IllegalArgumentException if {@code wanted < 1}
     */
    public ComputeLease acquire(int wanted) {
        if (wanted < 1) {
            throw new IllegalArgumentException("wanted must be at least 1, was " + wanted);
        }
        State s = ensurePlanned();
        TaskShare task = taskShare(s.plan());
        return task == null ? s.gate().acquire(wanted) : s.gate().acquireShare(Math.min(wanted, task.threads()));
    }

    /**
     * @return the calling thread's Spark task share, or empty outside a task (never loads BLAS)
     */
    public Optional<TaskShare> taskShare() {
        return Optional.ofNullable(taskShare(ensurePlanned().plan()));
    }

    /** The calling thread's task share under {@code plan}, or null outside a task. */
    private TaskShare taskShare(ThreadPlan plan) {
        OptionalInt cpus = taskProbe.taskCpus();
        if (cpus.isEmpty()) {
            return null;
        }
        SharedTask last = lastShare;
        if (last != null && last.plan() == plan && last.taskCpus() == cpus.getAsInt()) {
            return last.share();
        }
        TaskShare share = ThreadPlanning.taskShare(plan, cpus.getAsInt(), environment);
        lastShare = new SharedTask(plan, cpus.getAsInt(), share);
        return share;
    }

    /**
     * @param work the work a lease holder hands to another thread
     * @return the work, counted as inside the holder's lease
     * @throws NullPointerException if {@code work} is null
     */
    public Runnable inLease(Runnable work) {
        return depth.share(work);
    }

    /**
     * @return a lease for BLAS calls, with OpenBLAS's thread count set to its threads (when managed)
     * @throws IllegalStateException if BLAS cannot be loaded
     */
    public BlasLease blas() {
        ensureBlas();
        State s = state;
        TaskShare task = taskShare(s.plan());
        ComputeGate.Lease lease = task == null ? s.gate().acquireBudget(s.plan().blasThreads())
                : s.gate().acquireShare(task.threads());
        if (s.plan().manageBlas()) {
            try {
                blasThreadCount.ensure(lease.threads());
            } catch (RuntimeException | Error e) {
                lease.close();
                throw e;
            }
        }
        return lease;
    }

    /** @return the variables set in the C environment (pass them to child processes) */
    public Map<String, String> childProcessEnvironment() {
        return ensurePlanned().environmentSet();
    }

    private State ensurePlanned() {
        State s = state;
        if (s != null) {
            return s;
        }
        synchronized (lock) {
            if (state == null) {
                replan(true);
            }
            return state;
        }
    }

    private void ensureBlas() {
        if (blasReport != null) {
            return;
        }
        synchronized (lock) {
            if (blasReport != null) {
                return;
            }
            ensurePlanned();
            if (!boundary.blasLoaded()) {
                // The task headroom right before the load: OpenBLAS cannot survive a failed thread creation.
                replan(false);
            }
            BlasInfo loaded = blasLoading.load();
            State s = state;
            List<String> warnings = new ArrayList<>(s.warnings());
            if (s.plan().manageBlas()) {
                BlasInfo now = blasLoading.current();
                blasThreadCount.loaded(now == null ? -1 : now.threads());
                if (s.plan().blasThreads() > blasThreadCount.pool()) {
                    // Growing the pool it started with: decide again with the headroom read now.
                    replan(false);
                    s = state;
                    warnings = new ArrayList<>(s.warnings());
                }
                int reported = blasThreadCount.force(s.plan().blasThreads());
                if (reported >= 0 && reported != s.plan().blasThreads()) {
                    warn(warnings, "OpenBLAS reports " + reported + " threads after openblas_set_num_threads("
                            + s.plan().blasThreads() + ")");
                }
            }
            if (loaded.loadedBeforeConfiguration()) {
                warn(warnings, "OpenBLAS was loaded before interp4j configured it: its thread pool was already "
                        + "sized (set the count with openblas_set_num_threads; call NativeConfig.configure(...) "
                        + "before anything loads org.bytedeco.openblas to size it at load)");
            }
            Map<String, String> envSet = s.plan().manageBlas()
                    ? matchRunningCount(s.environmentSet(), s.plan().blasThreads(), blasThreadCount.reported())
                    : s.environmentSet();
            state = new State(s.decision(), s.gate(), warnings, envSet);
            blasReport = currentReport();
            LOG.info(blasReport.toSummary());
            LOG.debug("interp4j native configuration:\n{}", blasReport.toText());
        }
    }

    /**
     * Decides again (under lock). {@code redetect}: read the whole system again; otherwise keep the
     * detection and read only the task limit afresh (before every possible growth of a thread pool).
     */
    private void replan(boolean redetect) {
        State old = state;
        Decision d;
        int running = boundary.blasLoaded() ? blasThreadCount.pool() : 0;
        if (redetect || old == null) {
            CgroupSnapshot snap = new SystemReader(root).read();
            LOG.debug("cgroup snapshot: {}", snap);
            Decision first = ThreadPlanning.decide(snap, settings());
            d = running == 0 ? first : ThreadPlanning.decide(first, settings(), first.pids(), running);
        } else {
            PidLimit pids = BudgetDecision.pids(new SystemReader(root).readPids());
            d = ThreadPlanning.decide(old.decision(), settings(), pids, running);
        }
        ThreadPlan plan = d.plan();
        List<String> warnings = new ArrayList<>(d.notes());
        for (String note : d.notes()) {
            if (logged.add(note.replaceAll("[0-9]+", "#"))) {
                LOG.warn("interp4j: {}", note);
            }
        }
        int jvm = Runtime.getRuntime().availableProcessors();
        if (jvm != plan.budget().cpus()) {
            LOG.debug("CPU budget {} differs from Runtime.availableProcessors() = {}", plan.budget().cpus(), jvm);
        }
        if (!boundary.blasLoaded() && d.pids().headroom() <= ThreadPlanning.PID_MARGIN) {
            // Hardly a task slot left for JavaCPP's deallocator thread (the JVM may take the last ones at any
            // moment): if starting it failed, the loader would fail for good; without it, native memory is
            // freed only when closed explicitly.
            boundary.disablePointerGc();
            if (logged.add(NativeBoundary.NO_POINTER_GC)) {
                LOG.warn("interp4j: at most {} free tasks under pids.max ({}): set {}=true so that JavaCPP loads "
                        + "without starting its deallocator thread", ThreadPlanning.PID_MARGIN, d.pids(),
                        NativeBoundary.NO_POINTER_GC);
            }
        }
        Map<String, String> envSet = new LinkedHashMap<>(old == null ? Map.of() : old.environmentSet());
        if (plan.manageBlas() && blasLoading.loadedByOthersFirst()) {
            LOG.debug("OpenBLAS was loaded by others first: environment not changed");
        } else if (plan.manageBlas()) {
            // Set what the plan says (after our own load too: the variables are replaced in place), and put
            // back what an earlier plan set but this one leaves alone (where the JVM's start environment had
            // it), so that the environment always says what OpenBLAS runs.
            Map<String, String> wanted = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : envSet.entrySet()) {
                if (!plan.environment().containsKey(e.getKey()) && environment.containsKey(e.getKey())) {
                    wanted.put(e.getKey(), environment.get(e.getKey()));
                }
            }
            for (Map.Entry<String, String> e : plan.environment().entrySet()) {
                if (!e.getValue().equals(envSet.get(e.getKey()))) {
                    wanted.put(e.getKey(), e.getValue());
                }
            }
            if (!wanted.isEmpty()) {
                String failure = boundary.setEnvironment(wanted);
                if (failure == null) {
                    envSet.putAll(wanted);
                    envSet.keySet().removeIf(k -> !plan.environment().containsKey(k)
                            && Objects.equals(environment.get(k), envSet.get(k)));
                } else {
                    warn(warnings, failure + "; falling back to openblas_set_num_threads after load (the pool "
                            + "OpenBLAS creates at load may then be larger than " + plan.blasThreads() + ")");
                }
            }
        }
        LOG.debug("interp4j plan: {}", plan);
        // The same gate while the count per call is unchanged, so that leases in flight keep counting.
        ComputeGate gate = old != null && old.plan().threadsPerCall() == plan.threadsPerCall() ? old.gate()
                : new ComputeGate(plan.threadsPerCall(), depth);
        State next = new State(d, gate, warnings, envSet);
        if (old != null && blasReport != null && plan.manageBlas()) {
            // Wait for calls in flight under the old gate before changing the process-wide count. (Before
            // blasReport is set no BLAS call has been handed out, and ensureBlas sets the count itself.)
            ComputeLease all = old.gate().acquireAll();
            try {
                state = next;
                int reported = blasThreadCount.force(plan.blasThreads());
                LOG.debug("OpenBLAS threads set to {}, reads back {}", plan.blasThreads(), reported);
                state = new State(d, gate, warnings, matchRunningCount(envSet, plan.blasThreads(), reported));
            } finally {
                all.close();
            }
            blasReport = currentReport();
        } else {
            state = next;
        }
    }

    /**
     * When OpenBLAS runs another count than decided (it caps the count at its build's MAX_THREADS), the
     * variables native-config set to the decided count are set to the count it runs, so that the report
     * and {@link #childProcessEnvironment()} say what runs.
     *
     * @return the variables set after the change (the same map when nothing changed)
     */
    private Map<String, String> matchRunningCount(Map<String, String> envSet, int decided, int reported) {
        if (reported < 1 || reported == decided || blasLoading.loadedByOthersFirst()) {
            return envSet;
        }
        Map<String, String> wanted = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : envSet.entrySet()) {
            if (e.getValue().equals(Integer.toString(decided))) {
                wanted.put(e.getKey(), Integer.toString(reported));
            }
        }
        if (wanted.isEmpty() || boundary.setEnvironment(wanted) != null) {
            return envSet;
        }
        Map<String, String> updated = new LinkedHashMap<>(envSet);
        updated.putAll(wanted);
        return updated;
    }

    private Settings settings() {
        Map<String, String> interp4j = new HashMap<>();
        properties.get().forEach((k, v) -> {
            if (k.startsWith(PROPERTY_PREFIX)) {
                interp4j.put(k, v);
            }
        });
        return new Settings(options, apiPolicy, interp4j, environment);
    }

    private NativeReport currentReport() {
        State s = state;
        return report(s.decision(), s.warnings(), s.environmentSet(), true);
    }

    /** The one place a report is made: {@code live} adds this JVM's processor count and BLAS details. */
    private NativeReport report(Decision d, List<String> warnings, Map<String, String> environmentSet, boolean live) {
        ThreadPlan plan = d.plan();
        return NativeReport.builder()
                .budget(plan.budget())
                .memoryLimit(d.memory())
                .pidLimit(d.pids())
                .jvmAvailableProcessors(live ? Runtime.getRuntime().availableProcessors() : -1)
                .policy(plan.policy())
                .threadsPerCall(plan.threadsPerCall())
                .blasThreads(plan.blasThreads())
                .blasThreadsOrigin(plan.blasThreadsOrigin())
                .blasManaged(plan.manageBlas())
                .environmentSet(environmentSet)
                .blas(live ? blasLoading.current() : null)
                .taskShare(live ? taskShare(plan) : null)
                .warnings(warnings)
                .build();
    }

    private static void warn(List<String> warnings, String warning) {
        LOG.warn(warning);
        warnings.add(warning);
    }

    /** @return this JVM's system properties as a map (a snapshot) */
    static Map<String, String> systemProperties() {
        Map<String, String> m = new HashMap<>();
        for (String name : System.getProperties().stringPropertyNames()) {
            String v = System.getProperty(name);
            if (v != null) {
                m.put(name, v);
            }
        }
        return m;
    }

    /**
     * OpenBLAS's process-wide thread count as last set, so that unchanged counts are not set again, and
     * the size of its pools (the largest count it has run with: pools never shrink), so that a growth is
     * recognised and checked against the task headroom before it happens.
     */
    private final class BlasThreadCount {
        private int current = -1;
        private int pool;
        private int lastReported = -1;

        /** Records the count OpenBLAS reports right after loading (its pools' size), if known. */
        synchronized void loaded(int reported) {
            pool = Math.max(pool, Math.max(1, reported));
        }

        /** @return the pools' size: the largest count OpenBLAS has run with (at least 1 once loaded) */
        synchronized int pool() {
            return Math.max(1, pool);
        }

        /** Sets the count and reads it back. */
        synchronized int force(int threads) {
            int reported = boundary.setBlasThreads(threads);
            current = threads;
            pool = Math.max(pool, threads);
            lastReported = reported;
            return reported;
        }

        /** @return what OpenBLAS reported after the last {@link #force}, or -1 */
        synchronized int reported() {
            return lastReported;
        }

        /** Sets the count if it differs from the last one set (never above the pools' size: leases are smaller). */
        synchronized void ensure(int threads) {
            if (current != threads) {
                boundary.setBlasThreads(threads);
                current = threads;
                pool = Math.max(pool, threads);
            }
        }
    }
}
