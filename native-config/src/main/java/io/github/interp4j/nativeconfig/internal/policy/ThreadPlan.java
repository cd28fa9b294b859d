package io.github.interp4j.nativeconfig.internal.policy;

import io.github.interp4j.nativeconfig.CpuBudget;
import io.github.interp4j.nativeconfig.ThreadPolicy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the library decided about threads: the budget, the BLAS thread count and where it came from,
 * whether OpenBLAS is managed at all, and the environment variables to set before OpenBLAS loads. Made
 * only by {@link ThreadPlanning#plan}.
 *
 * <p>Thread-safety: immutable.
 *
 * @param budget            the CPU budget in force (detected or overridden)
 * @param policy            the thread policy in force
 * @param blasThreads       OpenBLAS threads for a call that has the budget to itself
 * @param blasThreadsOrigin where {@code blasThreads} came from, for the report
 * @param manageBlas        false when the application manages OpenBLAS itself
 * @param environment       variables to set in the process environment before OpenBLAS loads (empty when
 *                          unmanaged)
 * @param notes             warnings about ignored, capped or risky settings, for the log
 * @param workerCap         the most threads one call may use given the task headroom
 *                          ({@link ThreadPlanning#maxWorkerThreads}), {@link Integer#MAX_VALUE} without a limit
 */
public record ThreadPlan(CpuBudget budget, ThreadPolicy policy, int blasThreads, String blasThreadsOrigin,
                         boolean manageBlas, Map<String, String> environment, List<String> notes, int workerCap) {

    /**
     * Copies the collections (unmodifiable, environment in insertion order).
     *
     * @param budget            as in the record header
     * @param policy            as in the record header
     * @param blasThreads       as in the record header
     * @param blasThreadsOrigin as in the record header
     * @param manageBlas        as in the record header
     * @param environment       as in the record header
     * @param notes             as in the record header
     * @param workerCap         as in the record header
     * @throws NullPointerException     if a required component is null
     * @throws IllegalArgumentException if {@code workerCap < 1}
     */
    public ThreadPlan {
        if (workerCap < 1) {
            throw new IllegalArgumentException("workerCap must be at least 1, was " + workerCap);
        }
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(blasThreadsOrigin, "blasThreadsOrigin");
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        notes = List.copyOf(notes);
    }

    /**
     * A plan without a task limit.
     *
     * @param budget            as in the record header
     * @param policy            as in the record header
     * @param blasThreads       as in the record header
     * @param blasThreadsOrigin as in the record header
     * @param manageBlas        as in the record header
     * @param environment       as in the record header
     * @param notes             as in the record header
     * @throws NullPointerException if a required component is null
     */
    public ThreadPlan(CpuBudget budget, ThreadPolicy policy, int blasThreads, String blasThreadsOrigin,
                      boolean manageBlas, Map<String, String> environment, List<String> notes) {
        this(budget, policy, blasThreads, blasThreadsOrigin, manageBlas, environment, notes, Integer.MAX_VALUE);
    }

    /** @return threads one library call may use: the policy applied to the budget, within {@code workerCap} */
    public int threadsPerCall() {
        return Math.min(policy.threadsFor(budget.cpus()), workerCap);
    }

    @Override
    public String toString() {
        return "ThreadPlan{budget=" + budget.cpus() + " (" + budget.source() + "), policy=" + policy
                + ", threadsPerCall=" + threadsPerCall() + ", blasThreads=" + blasThreads + " (" + blasThreadsOrigin
                + "), manageBlas=" + manageBlas + ", env=" + environment + "}";
    }
}
