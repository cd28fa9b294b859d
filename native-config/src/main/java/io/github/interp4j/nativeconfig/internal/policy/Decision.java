package io.github.interp4j.nativeconfig.internal.policy;

import io.github.interp4j.nativeconfig.CpuBudget;
import io.github.interp4j.nativeconfig.MemoryLimit;
import io.github.interp4j.nativeconfig.PidLimit;

import java.util.List;
import java.util.Objects;

/**
 * Everything decided from one system snapshot and one set of {@link Settings}: the budget as detected
 * (before overrides), the memory limit, the thread plan, and the notes about ignored settings (rounding
 * first, then the plan's). Made only by {@link ThreadPlanning#decide}.
 *
 * <p>Thread-safety: immutable.
 *
 * @param detected the budget read from the system, before any override
 * @param memory   the lowest cgroup memory limit, or unlimited
 * @param plan     the thread plan
 * @param notes    every note about ignored settings, in the order found
 * @param pids     the task limit with the least headroom, as read for this decision
 */
public record Decision(CpuBudget detected, MemoryLimit memory, ThreadPlan plan, List<String> notes, PidLimit pids) {

    /**
     * Copies the notes.
     *
     * @param detected as in the record header
     * @param memory   as in the record header
     * @param plan     as in the record header
     * @param notes    as in the record header
     * @param pids     as in the record header
     * @throws NullPointerException if a required component is null
     */
    public Decision {
        Objects.requireNonNull(pids, "pids");
        Objects.requireNonNull(detected, "detected");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(plan, "plan");
        notes = List.copyOf(notes);
    }

    /**
     * A decision without a task limit.
     *
     * @param detected as in the record header
     * @param memory   as in the record header
     * @param plan     as in the record header
     * @param notes    as in the record header
     * @throws NullPointerException if a required component is null
     */
    public Decision(CpuBudget detected, MemoryLimit memory, ThreadPlan plan, List<String> notes) {
        this(detected, memory, plan, notes, PidLimit.unlimited());
    }
}
