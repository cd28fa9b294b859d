package io.github.interp4j.nativeconfig.internal.policy;

import io.github.interp4j.nativeconfig.CpuBudget;
import io.github.interp4j.nativeconfig.ThreadPolicy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the library decided about threads: the budget, the per-call thread count, the BLAS thread
 * count and where each came from, and the environment variables to set before OpenBLAS loads.
 *
 * <p>Thread-safety: immutable.
 */
public final class ThreadPlan {
    private final CpuBudget budget;
    private final ThreadPolicy policy;
    private final int threadsPerCall;
    private final int blasThreads;
    private final String blasThreadsOrigin;
    private final boolean manageBlas;
    private final Map<String, String> environment;
    private final List<String> notes;

    ThreadPlan(CpuBudget budget, ThreadPolicy policy, int blasThreads, String blasThreadsOrigin, boolean manageBlas,
               Map<String, String> environment, List<String> notes) {
        this.budget = budget;
        this.policy = policy;
        this.threadsPerCall = policy.threadsFor(budget.cpus());
        this.blasThreads = blasThreads;
        this.blasThreadsOrigin = blasThreadsOrigin;
        this.manageBlas = manageBlas;
        this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        this.notes = List.copyOf(notes);
    }

    /** @return the CPU budget in force (detected or overridden) */
    public CpuBudget budget() {
        return budget;
    }

    /** @return the thread policy in force */
    public ThreadPolicy policy() {
        return policy;
    }

    /** @return threads one library call may use: the policy applied to the budget */
    public int threadsPerCall() {
        return threadsPerCall;
    }

    /** @return OpenBLAS threads for a call that has the budget to itself */
    public int blasThreads() {
        return blasThreads;
    }

    /** @return where {@link #blasThreads()} came from, for the report */
    public String blasThreadsOrigin() {
        return blasThreadsOrigin;
    }

    /** @return false when the application manages OpenBLAS itself */
    public boolean manageBlas() {
        return manageBlas;
    }

    /** @return variables to set in the process environment before OpenBLAS loads (empty when unmanaged) */
    public Map<String, String> environment() {
        return environment;
    }

    /** @return warnings about ignored settings (malformed properties), for the log */
    public List<String> notes() {
        return notes;
    }

    @Override
    public String toString() {
        return "ThreadPlan{budget=" + budget.cpus() + " (" + budget.source() + "), policy=" + policy
                + ", threadsPerCall=" + threadsPerCall + ", blasThreads=" + blasThreads + " (" + blasThreadsOrigin
                + "), manageBlas=" + manageBlas + ", env=" + environment + "}";
    }
}
