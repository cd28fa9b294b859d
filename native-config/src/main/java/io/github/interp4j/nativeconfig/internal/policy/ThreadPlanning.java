package io.github.interp4j.nativeconfig.internal.policy;

import io.github.interp4j.nativeconfig.CpuBudget;
import io.github.interp4j.nativeconfig.MemoryLimit;
import io.github.interp4j.nativeconfig.NativeConfigOptions;
import io.github.interp4j.nativeconfig.Rounding;
import io.github.interp4j.nativeconfig.TaskShare;
import io.github.interp4j.nativeconfig.ThreadPolicy;
import io.github.interp4j.nativeconfig.internal.cgroup.CgroupSnapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Pure functions from a system snapshot and settings to a {@link Decision}: no I/O, no native calls.
 * Properties and environment come in as maps so every precedence rule is testable. {@link #decide} is
 * the one pipeline (rounding, budget, memory, plan) behind both configuring this process and deciding
 * from a captured tree.
 *
 * <p>Precedence (highest first). Budget: API, {@code interp4j.threads}, detection (environment
 * variables never shrink it). BLAS threads: API {@code blasThreads}, an API thread policy,
 * {@code interp4j.blas.threads}, {@code OPENBLAS_NUM_THREADS}, {@code GOTO_NUM_THREADS},
 * {@code OMP_NUM_THREADS}, the policy (default auto) over the budget. Inside a Spark task, each call's
 * threads are the task's share ({@link #taskShare}).
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
        return finish(BudgetDecision.decide(snapshot, rounding), BudgetDecision.memory(snapshot), settings, notes);
    }

    /**
     * Decides again with new settings but the detection of {@code previous} (the system is not read
     * again, so the detected budget keeps the rounding it was made with).
     *
     * @param previous an earlier decision
     * @param settings options, API policy, properties and environment
     * @return the decision
     * @throws NullPointerException if an argument is null
     */
    public static Decision decide(Decision previous, Settings settings) {
        List<String> notes = new ArrayList<>();
        rounding(settings.options(), settings.properties(), notes);
        return finish(previous.detected(), previous.memory(), settings, notes);
    }

    private static Decision finish(CpuBudget detected, MemoryLimit memory, Settings settings, List<String> notes) {
        ThreadPlan plan = plan(detected, settings.options(), settings.apiPolicy(), settings.properties(),
                settings.environment());
        notes.addAll(plan.notes());
        return new Decision(detected, memory, plan, notes);
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
     * Decides the plan.
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
        ThreadPolicy effectivePolicy = policy != null ? policy
                : api.threadPolicy() != null ? api.threadPolicy() : ThreadPolicy.auto();
        boolean policyFromApi = policy != null || api.threadPolicy() != null;

        int blas;
        String origin;
        Integer propBlas = positiveInt(properties, PROP_BLAS_THREADS, notes);
        String envName = null;
        Integer envBlas = null;
        for (String name : OPENBLAS_VARIABLES) {
            Integer v = positiveEnv(env.get(name));
            if (v != null) {
                envName = name;
                envBlas = v;
                break;
            }
        }
        if (api.blasThreads() != null) {
            blas = api.blasThreads();
            origin = "the API";
        } else if (policyFromApi) {
            blas = effectivePolicy.threadsFor(budget.cpus());
            origin = "thread policy " + effectivePolicy + " over a budget of " + budget.cpus();
        } else if (propBlas != null) {
            blas = propBlas;
            origin = "system property " + PROP_BLAS_THREADS;
        } else if (envBlas != null) {
            blas = envBlas;
            origin = "environment " + envName;
        } else {
            blas = effectivePolicy.threadsFor(budget.cpus());
            origin = "thread policy " + effectivePolicy + " over a budget of " + budget.cpus();
        }

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
            if (setOmpMkl) {
                for (String name : List.of("OMP_NUM_THREADS", "MKL_NUM_THREADS")) {
                    if (trimmed(env.get(name)) == null) {
                        toSet.put(name, count);
                    }
                }
            }
        }
        return new ThreadPlan(budget, effectivePolicy, blas, origin, manage, toSet, notes);
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
        Integer omp = positiveEnv(env.get("OMP_NUM_THREADS"));
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

    private static Integer positiveEnv(String v) {
        String t = trimmed(v);
        if (t == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(t);
            return n >= 1 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer positiveInt(Map<String, String> props, String key, List<String> notes) {
        String v = trimmed(props.get(key));
        if (v == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
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
