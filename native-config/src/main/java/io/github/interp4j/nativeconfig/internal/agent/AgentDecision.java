package io.github.interp4j.nativeconfig.internal.agent;

import io.github.interp4j.nativeconfig.CpuBudget;
import io.github.interp4j.nativeconfig.internal.cgroup.CgroupSnapshot;
import io.github.interp4j.nativeconfig.internal.policy.Decision;
import io.github.interp4j.nativeconfig.internal.policy.Settings;
import io.github.interp4j.nativeconfig.internal.policy.ThreadPlan;
import io.github.interp4j.nativeconfig.internal.policy.ThreadPlanning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the agent does, decided by a pure function over what it read: the library's own pipeline
 * ({@link ThreadPlanning#decide}) plus the agent's two rules on top of it.
 *
 * <ol>
 *   <li><b>Environment.</b> The variables to set are the plan's ({@code OPENBLAS_NUM_THREADS} unless it
 *       already holds the BLAS count, {@code OMP_NUM_THREADS} and {@code MKL_NUM_THREADS} where unset),
 *       plus every one of {@link #THREAD_VARIABLES} that holds a malformed count (not a whole number
 *       &gt;= 1; OpenBLAS reads 0 as unset) or a count above the budget: those are overwritten with the
 *       BLAS count and each gets a warning naming it. Such values are removed from the environment the
 *       plan sees (a second {@code decide} over the first one's detection), so a stale
 *       {@code OPENBLAS_NUM_THREADS=64} cannot become the BLAS count. A count within the budget is kept.
 *       With {@code manage=false} nothing is set.</li>
 *   <li><b>Common ForkJoinPool.</b> With {@code fjp=true} (the default), when
 *       {@code java.util.concurrent.ForkJoinPool.common.parallelism} is unset and the JDK's own default,
 *       {@code max(1, availableProcessors() - 1)}, exceeds {@code max(1, budget - 1)} (the JVM missed a
 *       quota, e.g. one set only on a parent cgroup, which JDK 17 does not read), it is set to
 *       {@code max(1, budget - 1)}: the value the JDK itself picks on a machine with {@code budget} CPUs.
 *       Never 0, which would disable the pool's threads (a task submitted without a join would never run).
 *       Never raised: an {@code availableProcessors()} below the budget comes from
 *       {@code -XX:ActiveProcessorCount} or a cpuset, both deliberate. The property is read once, when the
 *       common pool is created, so it has no effect if something created the pool before the agent ran (a
 *       warning says so when {@code ForkJoinPool} was already loaded).</li>
 * </ol>
 * An explicit BLAS count above the budget (option {@code blasThreads}, {@code policy=fixed:N},
 * {@code -Dinterp4j.blas.threads}) is honoured, with a warning.
 *
 * <p>Thread-safety: immutable. Cost: two {@code decide} calls, linear in the snapshot and the settings.
 *
 * @param decision          the library's decision (after removing malformed and over-budget variables)
 * @param toSet             variables to set in the C environment, in order
 * @param kept              thread variables left as they were (within the budget)
 * @param commonParallelism the value to give the common pool's parallelism property, or null to leave it
 * @param availableProcessors {@code Runtime.availableProcessors()} as given
 * @param warnings          every warning: ignored options, ignored properties, overwritten variables
 */
public record AgentDecision(Decision decision, Map<String, String> toSet, Map<String, String> kept,
                            Integer commonParallelism, int availableProcessors, List<String> warnings) {

    /** Every variable OpenBLAS, OpenMP runtimes or MKL take a thread count from. */
    public static final List<String> THREAD_VARIABLES =
            List.of("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS");
    /** The JDK's system property for the common pool's parallelism. */
    public static final String COMMON_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    /**
     * Copies the collections (unmodifiable, maps in insertion order).
     *
     * @param decision            as in the record header
     * @param toSet               as in the record header
     * @param kept                as in the record header
     * @param commonParallelism   as in the record header
     * @param availableProcessors as in the record header
     * @param warnings            as in the record header
     * @throws NullPointerException if {@code decision} or a collection is null
     */
    public AgentDecision {
        Objects.requireNonNull(decision, "decision");
        toSet = Collections.unmodifiableMap(new LinkedHashMap<>(toSet));
        kept = Collections.unmodifiableMap(new LinkedHashMap<>(kept));
        warnings = List.copyOf(warnings);
    }

    /**
     * Decides.
     *
     * @param snapshot            what was read from the system
     * @param options             the agent's options
     * @param properties          system properties ({@code interp4j.*} and the common-pool property are read)
     * @param environment         the C environment's thread variables (others are ignored)
     * @param availableProcessors {@code Runtime.availableProcessors()}
     * @param forkJoinPoolLoaded  whether {@code java.util.concurrent.ForkJoinPool} was loaded before the agent
     * @return the decision
     * @throws NullPointerException if an argument is null
     */
    public static AgentDecision decide(CgroupSnapshot snapshot, AgentOptions options, Map<String, String> properties,
                                       Map<String, String> environment, int availableProcessors,
                                       boolean forkJoinPoolLoaded) {
        Objects.requireNonNull(snapshot, "snapshot");
        List<String> warnings = new ArrayList<>(options.warnings());
        Map<String, String> env = new HashMap<>();
        for (String name : THREAD_VARIABLES) {
            String v = environment.get(name);
            if (v != null) {
                env.put(name, v);
            }
        }
        Decision d = ThreadPlanning.decide(snapshot,
                new Settings(options.toNativeConfigOptions(), null, properties, env));
        int budget = d.plan().budget().cpus();

        Map<String, String> overwrite = new LinkedHashMap<>();
        Map<String, String> kept = new LinkedHashMap<>();
        if (d.plan().manageBlas()) {
            Map<String, String> visible = new HashMap<>(env);
            for (String name : THREAD_VARIABLES) {
                String v = env.get(name);
                if (v == null || v.isBlank()) {
                    continue;
                }
                Integer n = count(v);
                if (n == null) {
                    overwrite.put(name, name + "='" + v + "' is not a thread count >= 1");
                } else if (n > budget) {
                    overwrite.put(name, name + "=" + v.trim() + " is above the budget of " + cpus(budget));
                } else {
                    kept.put(name, v.trim());
                    continue;
                }
                visible.remove(name);
            }
            if (!overwrite.isEmpty()) {
                d = ThreadPlanning.decide(d, new Settings(options.toNativeConfigOptions(), null, properties, visible));
            }
        }
        warnings.addAll(d.notes());
        ThreadPlan plan = d.plan();
        String count = Integer.toString(plan.blasThreads());
        Map<String, String> toSet = new LinkedHashMap<>(plan.environment());
        for (Map.Entry<String, String> e : overwrite.entrySet()) {
            toSet.put(e.getKey(), count);
            warnings.add(e.getValue() + ": overwritten with " + count);
        }
        kept.keySet().removeAll(toSet.keySet());
        // an explicit count above the budget (option or property) is honoured with the planning's own note

        Integer parallelism = null;
        int fitting = Math.max(1, budget - 1);
        if (options.forkJoinPool() && properties.get(COMMON_PARALLELISM) == null
                && Math.max(1, availableProcessors - 1) > fitting) {
            parallelism = fitting;
            if (forkJoinPoolLoaded) {
                warnings.add("ForkJoinPool was loaded before the agent ran: if the common pool exists already, "
                        + COMMON_PARALLELISM + "=" + parallelism + " has no effect");
            }
        }
        return new AgentDecision(d, toSet, kept, parallelism, availableProcessors, warnings);
    }

    /** @return the budget in force */
    public CpuBudget budget() {
        return decision.plan().budget();
    }

    /** A count as OpenBLAS would use it: a whole number >= 1, else null. */
    private static Integer count(String v) {
        try {
            int n = Integer.parseInt(v.trim());
            return n >= 1 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String cpus(int n) {
        return n == 1 ? "1 CPU" : n + " CPUs";
    }
}
