package io.github.interp4j.nativeconfig.internal.policy;

import io.github.interp4j.nativeconfig.CpuBudget;
import io.github.interp4j.nativeconfig.MemoryLimit;
import io.github.interp4j.nativeconfig.NativeConfigOptions;
import io.github.interp4j.nativeconfig.PidLimit;
import io.github.interp4j.nativeconfig.Rounding;
import io.github.interp4j.nativeconfig.TaskShare;
import io.github.interp4j.nativeconfig.ThreadPolicy;
import io.github.interp4j.nativeconfig.internal.cgroup.CgroupSnapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Pure functions from a system snapshot and settings to a {@link Decision}: no I/O, no native calls.
 * Properties and environment come in as maps so every precedence rule is testable. {@link #decide} is
 * the one pipeline (rounding, budget, memory, plan) behind both configuring this process and deciding
 * from a captured tree.
 *
 * <p>Precedence (highest first). Budget: API, {@code interp4j.threads}, detection (environment
 * variables never shrink it). BLAS threads: API {@code blasThreads}, an API thread policy,
 * {@code interp4j.blas.threads}, {@code OPENBLAS_NUM_THREADS}, {@code GOTO_NUM_THREADS},
 * {@code OMP_NUM_THREADS}, the policy (default auto) over the budget. Explicit counts (API, property)
 * above the budget are honoured with a note, environment counts above it are capped at it with a note,
 * malformed values are ignored with a note naming them, and the task headroom under {@code pids.max}
 * limits every source ({@link #maxBlasThreads}, {@link #maxWorkerThreads}, margin {@link #PID_MARGIN}).
 * Inside a Spark task, each call's threads are the task's share ({@link #taskShare}).
 *
 * <p>Thread-safety: stateless. Cost: linear in the snapshot's levels and the number of settings.
 */
public final class ThreadPlanning {
    /** System property: the CPU budget. */
    public static final String PROP_THREADS = "interp4j.threads";
    /** System property: the OpenBLAS thread count. */
    public static final String PROP_BLAS_THREADS = "interp4j.blas.threads";
    /** System property: {@code false} leaves OpenBLAS and the environment alone. */
    public static final String PROP_BLAS_MANAGE = "interp4j.blas.manage";
    /** System property: {@code false} sets only {@code OPENBLAS_NUM_THREADS}. */
    public static final String PROP_SET_OMP_MKL = "interp4j.blas.setOmpMkl";
    /** System property: {@code floor} or {@code ceil}. */
    public static final String PROP_ROUNDING = "interp4j.rounding";

    /** The variables OpenBLAS reads for its thread count, in its own order. */
    public static final List<String> OPENBLAS_VARIABLES =
            List.of("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS");

    /** Every thread-count variable checked for malformed values and values above the budget. */
    public static final List<String> ENVIRONMENT_VARIABLES =
            List.of("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS");

    /**
     * Task slots kept free under the lowest {@code pids.max} when sizing OpenBLAS and the worker pool: 8,
     * for the threads the JVM may still start on its own (JIT compiler and GC threads it adds on demand,
     * the attach listener, the process reaper) and a few of the application's.
     */
    public static final int PID_MARGIN = 8;

    /**
     * The OpenBLAS copies the bytedeco presets load ({@code libopenblas_nolapack} and {@code libopenblas}),
     * each with a thread pool of its own: a load or growth costs this many threads per added BLAS thread.
     */
    public static final int OPENBLAS_COPIES = 2;

    private ThreadPlanning() {}

    /**
     * Decides everything from a snapshot: the rounding in force, the detected budget and memory limit
     * ({@link BudgetDecision}), then the plan ({@link #plan}).
     *
     * @param snapshot what was read from the system
     * @param settings options, API policy, properties and environment
     * @return the decision; its notes list ignored settings (rounding first, then the plan's)
     * @throws NullPointerException if an argument is null
     */
    public static Decision decide(CgroupSnapshot snapshot, Settings settings) {
        List<String> notes = new ArrayList<>();
        Rounding rounding = rounding(settings.options(), settings.properties(), notes);
        return finish(BudgetDecision.decide(snapshot, rounding), BudgetDecision.memory(snapshot),
                BudgetDecision.pids(snapshot.pidsLevels()), 0, settings, notes);
    }

    /**
     * Decides again with new settings but the detection of {@code previous} (the system is not read
     * again, so the detected budget keeps the rounding it was made with, and the task limit is the one
     * read then).
     *
     * @param previous an earlier decision
     * @param settings options, API policy, properties and environment
     * @return the decision
     * @throws NullPointerException if an argument is null
     */
    public static Decision decide(Decision previous, Settings settings) {
        return decide(previous, settings, previous.pids(), 0);
    }

    /**
     * Decides again with new settings, the detection of {@code previous}, a task limit read just now and
     * the thread count of an OpenBLAS that is already loaded (so that the plan never grows its pools
     * beyond the headroom; see {@link #maxBlasThreads}).
     *
     * @param previous    an earlier decision
     * @param settings    options, API policy, properties and environment
     * @param pids        the task limit read now
     * @param blasRunning OpenBLAS's current thread count, or 0 when it is not loaded
     * @return the decision
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code blasRunning < 0}
     */
    public static Decision decide(Decision previous, Settings settings, PidLimit pids, int blasRunning) {
        List<String> notes = new ArrayList<>();
        rounding(settings.options(), settings.properties(), notes);
        return finish(previous.detected(), previous.memory(), pids, blasRunning, settings, notes);
    }

    private static Decision finish(CpuBudget detected, MemoryLimit memory, PidLimit pids, int blasRunning,
                                   Settings settings, List<String> notes) {
        ThreadPlan plan = plan(detected, settings.options(), settings.apiPolicy(), settings.properties(),
                settings.environment(), pids, blasRunning);
        notes.addAll(plan.notes());
        return new Decision(detected, memory, plan, notes, pids);
    }

    /**
     * The rounding in force: API, then {@code interp4j.rounding}, then floor.
     *
     * @param api        explicit options
     * @param properties system properties
     * @param notes      receives a note for a malformed property
     * @return the rounding
     * @throws NullPointerException if an argument is null
     */
    public static Rounding rounding(NativeConfigOptions api, Map<String, String> properties, List<String> notes) {
        if (api.rounding() != null) {
            return api.rounding();
        }
        String v = properties.get(PROP_ROUNDING);
        if (v == null || v.isBlank()) {
            return Rounding.FLOOR;
        }
        switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "floor":
                return Rounding.FLOOR;
            case "ceil":
                return Rounding.CEIL;
            default:
                notes.add("ignored " + PROP_ROUNDING + "=" + v + " (expected floor or ceil)");
                return Rounding.FLOOR;
        }
    }

    /**
     * Decides the plan for a process that has not loaded OpenBLAS and has no task limit (see
     * {@link #plan(CpuBudget, NativeConfigOptions, ThreadPolicy, Map, Map, PidLimit, int)}).
     *
     * @param detected   the budget detected from the system
     * @param api        explicit options (highest precedence)
     * @param policy     the thread policy set through the API, or null for the default auto()
     * @param properties system properties (only {@code interp4j.*} keys are read)
     * @param env        the process environment as the JVM saw it at start
     * @return the plan
     * @throws NullPointerException if {@code detected}, {@code api} or a map is null
     */
    public static ThreadPlan plan(CpuBudget detected, NativeConfigOptions api, ThreadPolicy policy,
                                  Map<String, String> properties, Map<String, String> env) {
        return plan(detected, api, policy, properties, env, PidLimit.unlimited(), 0);
    }

    /**
     * Decides the plan.
     *
     * <p>BLAS threads, highest precedence first: the API ({@code blasThreads}, then a thread policy set
     * through the API), {@code interp4j.blas.threads}, then {@code OPENBLAS_NUM_THREADS},
     * {@code GOTO_NUM_THREADS}, {@code OMP_NUM_THREADS} (the first well-formed one, OpenBLAS's order),
     * then the policy over the budget. An explicit choice (API or property) above the budget is honoured
     * with a note; an environment value above the budget is capped at the budget with a note naming the
     * variable (a stale variable baked into an image must not oversubscribe the container). Malformed
     * values (for thread counts: 0, negative, not a whole number; OpenBLAS silently treats them as unset)
     * are ignored with a note naming the setting and its value. Every source is finally limited by the
     * task headroom ({@link #maxBlasThreads}), with a note when that lowers the count; so is the
     * number of threads one call may use ({@link #maxWorkerThreads}).
     *
     * <p>The environment to set: {@code OPENBLAS_NUM_THREADS} (unless it already says the count), and
     * with {@code setOmpMkl} {@code OMP_NUM_THREADS} and {@code MKL_NUM_THREADS} where unset or above the
     * budget; {@code GOTO_NUM_THREADS} is overwritten where above the budget.
     *
     * @param detected    the budget detected from the system
     * @param api         explicit options (highest precedence)
     * @param policy      the thread policy set through the API, or null for the default auto()
     * @param properties  system properties (only {@code interp4j.*} keys are read)
     * @param env         the process environment as the JVM saw it at start
     * @param pids        the task limit with the least headroom, read now
     * @param blasRunning OpenBLAS's thread count now (each copy's pool, counting the caller), or 0 when it
     *                    is not loaded
     * @return the plan; its notes are warnings for the log
     * @throws NullPointerException if an argument is null
     */
    public static ThreadPlan plan(CpuBudget detected, NativeConfigOptions api, ThreadPolicy policy,
                                  Map<String, String> properties, Map<String, String> env, PidLimit pids,
                                  int blasRunning) {
        Objects.requireNonNull(pids, "pids");
        List<String> notes = new ArrayList<>();
        CpuBudget budget = detected;
        if (api.cpuBudget() != null) {
            budget = detected.overriddenBy(api.cpuBudget(), "the API");
        } else {
            Integer p = positiveInt(properties, PROP_THREADS, notes);
            if (p != null) {
                budget = detected.overriddenBy(p, "system property " + PROP_THREADS);
            }
        }
        int cpus = budget.cpus();
        ThreadPolicy effectivePolicy = policy != null ? policy
                : api.threadPolicy() != null ? api.threadPolicy() : ThreadPolicy.auto();
        boolean policyFromApi = policy != null || api.threadPolicy() != null;

        int blas;
        String origin;
        Integer propBlas = positiveInt(properties, PROP_BLAS_THREADS, notes);
        Map<String, Integer> envCounts = new LinkedHashMap<>();
        for (String name : ENVIRONMENT_VARIABLES) {
            Integer v = positiveEnv(env, name, notes);
            if (v != null) {
                envCounts.put(name, v);
            }
        }
        String envName = null;
        for (String name : OPENBLAS_VARIABLES) {
            if (envCounts.containsKey(name)) {
                envName = name;
                break;
            }
        }
        if (api.blasThreads() != null) {
            blas = api.blasThreads();
            origin = "the API";
            aboveBudget(notes, "NativeConfigOptions.blasThreads(" + blas + ")", blas, cpus);
        } else if (policyFromApi) {
            blas = effectivePolicy.threadsFor(cpus);
            origin = "thread policy " + effectivePolicy + " over a budget of " + cpus;
        } else if (propBlas != null) {
            blas = propBlas;
            origin = "system property " + PROP_BLAS_THREADS;
            aboveBudget(notes, PROP_BLAS_THREADS + "=" + blas, blas, cpus);
        } else if (envName != null) {
            blas = Math.min(envCounts.get(envName), cpus);
            origin = "environment " + envName + (envCounts.get(envName) > cpus ? ", capped at the budget" : "");
        } else {
            blas = effectivePolicy.threadsFor(cpus);
            origin = "thread policy " + effectivePolicy + " over a budget of " + cpus;
        }
        int perCall = effectivePolicy.threadsFor(cpus);
        if (policyFromApi && perCall > cpus) {
            notes.add("thread policy " + effectivePolicy + " asks for " + perCall + " threads per call on a CPU budget of "
                    + cpus + ": honoured as asked, but the threads will share " + cpus + " CPUs and run slower");
        }
        int blasCap = maxBlasThreads(pids.headroom(), blasRunning, OPENBLAS_COPIES);
        if (blas > blasCap) {
            notes.add("only " + pids.headroom() + " more tasks fit under pids.max " + pids.max().getAsLong() + " of cgroup "
                    + pids.cgroup() + " (" + pids.current().getAsLong() + " in use): BLAS threads lowered from " + blas
                    + " to " + blasCap + " (OpenBLAS cannot survive a failed thread creation; " + PID_MARGIN
                    + " tasks kept free for the JVM)");
            origin = origin + ", lowered to fit pids.max";
            blas = blasCap;
        }
        int workerCap = maxWorkerThreads(pids.headroom());

        boolean manage = api.manageBlas() != null ? api.manageBlas()
                : booleanProperty(properties, PROP_BLAS_MANAGE, true, notes);
        boolean setOmpMkl = api.setOpenMpAndMklVariables() != null ? api.setOpenMpAndMklVariables()
                : booleanProperty(properties, PROP_SET_OMP_MKL, true, notes);

        Map<String, String> toSet = new LinkedHashMap<>();
        if (manage) {
            String count = Integer.toString(blas);
            if (!count.equals(trimmed(env.get("OPENBLAS_NUM_THREADS")))) {
                toSet.put("OPENBLAS_NUM_THREADS", count);
            }
            if (envCounts.getOrDefault("GOTO_NUM_THREADS", 0) > cpus) {
                toSet.put("GOTO_NUM_THREADS", count);
            }
            if (setOmpMkl) {
                for (String name : List.of("OMP_NUM_THREADS", "MKL_NUM_THREADS")) {
                    if (trimmed(env.get(name)) == null || envCounts.getOrDefault(name, 0) > cpus) {
                        toSet.put(name, count);
                    }
                }
            }
        }
        for (Map.Entry<String, Integer> e : envCounts.entrySet()) {
            // unmanaged: the environment and OpenBLAS are left alone, so nothing is capped to report
            if (manage && e.getValue() > cpus) {
                String name = e.getKey();
                notes.add("environment " + name + "=" + env.get(name).trim() + " exceeds the CPU budget of " + cpus
                        + (name.equals(envName) && origin.startsWith("environment") ? ": BLAS threads capped at " + cpus
                        : ": not used for OpenBLAS (" + origin + ")")
                        + (toSet.containsKey(name) ? "; " + name + " set to " + toSet.get(name) : ""));
            }
        }
        return new ThreadPlan(budget, effectivePolicy, blas, origin, manage, toSet, notes, workerCap);
    }

    /**
     * The most OpenBLAS threads that fit in the task headroom, keeping {@link #PID_MARGIN} tasks free for
     * the JVM. Loading OpenBLAS with {@code t} threads starts {@code copies * (t - 1)} pool threads (each
     * copy a pool of its own) plus JavaCPP's deallocator thread; growing a loaded pool from {@code r} to
     * {@code t} threads ({@code openblas_set_num_threads}) starts {@code copies * (t - r)}. OpenBLAS
     * cannot survive a failed thread creation, so it is never asked for more than this.
     *
     * @param headroom    free task slots ({@link PidLimit#headroom()}; {@link Long#MAX_VALUE} for none)
     * @param blasRunning the current thread count of a loaded OpenBLAS, or 0 when not loaded
     * @param copies      the OpenBLAS copies, each with its own pool, at least 1
     * @return the count, at least 1 and at least {@code blasRunning} (no growth needs no headroom)
     * @throws IllegalArgumentException if {@code copies < 1} or {@code blasRunning < 0}
     */
    public static int maxBlasThreads(long headroom, int blasRunning, int copies) {
        if (copies < 1 || blasRunning < 0) {
            throw new IllegalArgumentException("copies must be >= 1 and blasRunning >= 0, were " + copies + ", "
                    + blasRunning);
        }
        if (headroom == Long.MAX_VALUE) {
            return Integer.MAX_VALUE;
        }
        int running = Math.max(1, blasRunning);
        long free = headroom - PID_MARGIN - (blasRunning == 0 ? 1 : 0);
        long more = Math.max(0, free) / copies;
        return (int) Math.min(Integer.MAX_VALUE, running + more);
    }

    /**
     * The most threads one Java parallel section may use (the caller plus new workers), keeping
     * {@link #PID_MARGIN} tasks free for the JVM.
     *
     * @param headroom free task slots ({@link Long#MAX_VALUE} for none)
     * @return {@code 1 + max(0, headroom - PID_MARGIN)}, capped at {@link Integer#MAX_VALUE}
     */
    public static int maxWorkerThreads(long headroom) {
        if (headroom == Long.MAX_VALUE) {
            return Integer.MAX_VALUE;
        }
        return (int) Math.min(Integer.MAX_VALUE, 1 + Math.max(0, headroom - PID_MARGIN));
    }

    private static void aboveBudget(List<String> notes, String setting, int threads, int cpus) {
        if (threads > cpus) {
            notes.add(setting + " exceeds the CPU budget of " + cpus + ": honoured as asked, but " + threads
                    + " BLAS threads will share " + cpus + " CPUs and run slower");
        }
    }

    /**
     * The share of one Spark task (the calling thread runs a task that Spark gave {@code taskCpus} CPUs):
     * {@code OMP_NUM_THREADS} from the process environment when set (Spark sets it on executor processes
     * to {@code spark.task.cpus}, SPARK-41188, unless the application chose a value; never in
     * {@code local} mode), else {@code taskCpus}; then at most the threads one call may use (the policy
     * over the budget, which all concurrent tasks of the executor share) and at most the OpenBLAS thread
     * count decided for the process; at least 1.
     *
     * @param plan     the process's plan
     * @param taskCpus {@code TaskContext.cpus()}, at least 1
     * @param env      the process environment as the JVM saw it at start
     * @return the task's share, with its source and reason
     * @throws IllegalArgumentException if {@code taskCpus < 1}
     * @throws NullPointerException     if {@code plan} or {@code env} is null
     */
    public static TaskShare taskShare(ThreadPlan plan, int taskCpus, Map<String, String> env) {
        if (taskCpus < 1) {
            throw new IllegalArgumentException("taskCpus must be at least 1, was " + taskCpus);
        }
        String ompText = trimmed(env.get("OMP_NUM_THREADS"));
        Integer ompCount = ompText == null ? null : wholeNumber(ompText);
        // a malformed value is noted by the process plan already; here it only does not count
        Integer omp = ompCount != null && ompCount >= 1 ? ompCount : null;
        int wanted = omp != null ? omp : taskCpus;
        TaskShare.Source source = omp != null ? TaskShare.Source.SPARK_EXECUTOR_OMP_NUM_THREADS
                : TaskShare.Source.TASK_CPUS;
        int perCall = plan.threadsPerCall();
        int cap = Math.min(perCall, plan.blasThreads());
        int threads = Math.max(1, Math.min(wanted, cap));
        StringBuilder reason = new StringBuilder("Spark task with TaskContext.cpus() = ").append(taskCpus);
        if (omp != null) {
            reason.append("; OMP_NUM_THREADS = ").append(omp)
                    .append(" in the executor environment (set by Spark to spark.task.cpus, or by the application)");
        }
        if (threads < wanted) {
            reason.append("; capped at ").append(threads).append(" by ")
                    .append(perCall <= plan.blasThreads() ? "the threads per call over a budget of "
                            + plan.budget().cpus() : "the BLAS threads decided (" + plan.blasThreadsOrigin() + ")");
        }
        reason.append("; concurrent tasks share the budget of ").append(plan.budget().cpus());
        return new TaskShare(taskCpus, threads, source, reason.toString());
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** A whole number >= 1 (above int range saturates), else null with a note for anything else that is set. */
    private static Integer positiveEnv(Map<String, String> env, String name, List<String> notes) {
        String t = trimmed(env.get(name));
        if (t == null) {
            return null;
        }
        Integer n = wholeNumber(t);
        if (n != null && n >= 1) {
            return n;
        }
        notes.add("ignored environment " + name + "=" + env.get(name) + " (expected a whole number >= 1; OpenBLAS "
                + "treats 0, negative and non-numeric values as unset)");
        return null;
    }

    /** Parses an optionally signed decimal integer, saturating beyond the int range; null if not one. */
    private static Integer wholeNumber(String t) {
        if (!t.matches("[+-]?[0-9]+")) {
            return null;
        }
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException tooLarge) {
            return t.startsWith("-") ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        }
    }

    private static Integer positiveInt(Map<String, String> props, String key, List<String> notes) {
        String v = trimmed(props.get(key));
        if (v == null) {
            return null;
        }
        Integer n = wholeNumber(v);
        if (n != null && n >= 1) {
            return n;
        }
        notes.add("ignored " + key + "=" + props.get(key) + " (expected a whole number >= 1)");
        return null;
    }

    private static boolean booleanProperty(Map<String, String> props, String key, boolean dflt, List<String> notes) {
        String v = trimmed(props.get(key));
        if (v == null) {
            return dflt;
        }
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        notes.add("ignored " + key + "=" + v + " (expected true or false)");
        return dflt;
    }
}
