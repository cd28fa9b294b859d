package io.github.interp4j.nativeconfig;

import io.github.interp4j.nativeconfig.internal.runtime.NativeRuntime;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

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
 * above the budget says otherwise). Inside a Spark task a call takes at most the task's share
 * ({@link #taskShare()}), so the executor's concurrent tasks together stay within its budget.
 *
 * <h2>Structure</h2>
 * The static methods delegate to one process-wide runtime object
 * ({@code internal.runtime.NativeRuntime}) built over {@code /}, JavaCPP, this JVM's system properties
 * and environment; it reads ({@code internal.cgroup}), decides ({@code internal.policy}) and acts
 * ({@code internal.jni}).
 *
 * <p>Thread-safety: all methods are safe to call from any thread. Cost: the first call reads a few
 * dozen small files under {@code /proc} and {@code /sys/fs/cgroup}; later calls are O(1) apart from
 * waiting for the budget in {@link #acquire(int)} and {@link #blas()}, and loading OpenBLAS once.
 */
public final class NativeConfig {
    private static final NativeRuntime PROCESS = NativeRuntime.forThisProcess();

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
        return PROCESS.configure(newOptions);
    }

    /**
     * Detects and decides with the current settings, without loading OpenBLAS. Idempotent.
     *
     * @return the decision (BLAS details present only if BLAS is already loaded)
     */
    public static NativeReport decision() {
        return PROCESS.decision();
    }

    /**
     * The full report: loads and configures OpenBLAS if that has not happened yet.
     *
     * @return the report with the BLAS library's own details
     * @throws IllegalStateException if OpenBLAS cannot be loaded (the message names the platform, or the
     *                               cache-directory property to set)
     */
    public static NativeReport report() {
        return PROCESS.report();
    }

    /**
     * Decides from a captured tree instead of the live system (for {@code diagnose --root}): DIR holds
     * {@code proc/self/mountinfo}, {@code proc/self/cgroup}, {@code proc/self/status} and the
     * {@code sys/fs/cgroup/...} files. Uses this JVM's system properties and environment for overrides,
     * changes nothing, and never loads BLAS.
     *
     * @param root the captured tree
     * @return the decision, without BLAS details and without a JVM processor count
     * @throws NullPointerException     if {@code root} is null
     * @throws IllegalArgumentException naming the path if it does not exist, is not a readable directory,
     *                                  or holds none of {@code proc/self/mountinfo}, {@code proc/self/cgroup},
     *                                  {@code proc/self/status} and {@code sys/devices/system/cpu/online}
     */
    public static NativeReport decideFrom(Path root) {
        return PROCESS.decideFrom(root);
    }

    /** @return the CPU budget in force (detected, or overridden) */
    public static CpuBudget cpuBudget() {
        return PROCESS.cpuBudget();
    }

    /** @return the lowest cgroup memory limit over the process's hierarchy, or unlimited */
    public static MemoryLimit memoryLimit() {
        return PROCESS.memoryLimit();
    }

    /**
     * The task limit ({@code pids.max} of the process's pids cgroup or an ancestor) with the least
     * headroom, as read at the last decision. It bounds every thread pool native-config sizes: OpenBLAS is
     * never asked for more threads than fit in the headroom less a margin of 8
     * tasks kept for the JVM (the JIT compiler and GC threads it adds on demand, its attach listener and
     * process reaper, a few of the application's) (a load with {@code t} threads starts {@code 2 (t - 1)} pool threads, one pool per OpenBLAS copy
     * the bytedeco presets load, plus JavaCPP's deallocator thread), and one call's Java workers get at most
     * {@code 1 + headroom - margin} threads. The headroom is read again right before OpenBLAS loads and
     * before every growth of its pools. With at most the margin free before anything native loads,
     * JavaCPP is told not to start its deallocator thread ({@code org.bytedeco.javacpp.nopointergc=true},
     * unless set; a WARN says so), since a failure to start it would leave JavaCPP unusable.
     *
     * @return the limit, or {@link PidLimit#unlimited()}
     */
    public static PidLimit pidLimit() {
        return PROCESS.pidLimit();
    }

    /** @return the thread policy in force */
    public static ThreadPolicy threadPolicy() {
        return PROCESS.threadPolicy();
    }

    /** @return threads one library call may use under the current policy and budget */
    public static int threadsPerCall() {
        return PROCESS.threadsPerCall();
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
        PROCESS.setThreadPolicy(policy);
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
        return PROCESS.acquire(wanted);
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
        return PROCESS.inLease(work);
    }

    /**
     * The entry point for BLAS/LAPACK: loads and configures OpenBLAS on first use, takes threads from
     * the budget (all of the policy's when no other call is in flight, else one; inside a Spark task, up to
     * the task's share of the threads free, {@link #taskShare()}), and sets OpenBLAS's
     * process-wide thread count accordingly (when managed). Call bytedeco's
     * {@code org.bytedeco.openblas.global.openblas} functions only while the lease is open.
     *
     * @return the lease; close it after the BLAS/LAPACK calls (try-with-resources)
     * @throws IllegalStateException if OpenBLAS cannot be loaded
     */
    public static BlasLease blas() {
        return PROCESS.blas();
    }

    /**
     * The calling thread's share when it runs a Spark task ({@code org.apache.spark.TaskContext.get()} is
     * non-null, found by reflection; Spark is not a dependency): {@code TaskContext.cpus()}, or the
     * {@code OMP_NUM_THREADS} Spark set on the executor process, capped by the threads per call. Inside a
     * task, {@link #blas()} and {@link #acquire(int)} take at most this many threads, from the budget that
     * all of the executor's concurrent tasks share. Never loads BLAS.
     *
     * @return the share, or empty outside a Spark task
     */
    public static Optional<TaskShare> taskShare() {
        return PROCESS.taskShare();
    }

    /**
     * The variables native-config set in this process's C environment. {@link System#getenv()} and
     * {@link ProcessBuilder} never see a {@code setenv}, so pass these to child processes explicitly.
     *
     * @return name to value (empty when nothing was set)
     */
    public static Map<String, String> childProcessEnvironment() {
        return PROCESS.childProcessEnvironment();
    }
}
