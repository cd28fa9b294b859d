package io.github.interp4j.nativeconfig;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What native-config decided and why: the CPU budget and its source, the memory and task limits, the thread
 * policy, the BLAS thread count and its origin, the environment it set, and what the BLAS library
 * reports about itself (absent when BLAS was not loaded, e.g. for a captured tree).
 *
 * <p>Thread-safety: immutable.
 */
public final class NativeReport {
    private final CpuBudget budget;
    private final MemoryLimit memoryLimit;
    private final int jvmAvailableProcessors;
    private final ThreadPolicy policy;
    private final int threadsPerCall;
    private final int blasThreads;
    private final String blasThreadsOrigin;
    private final boolean blasManaged;
    private final Map<String, String> environmentSet;
    private final BlasInfo blas;
    private final List<String> warnings;
    private final TaskShare taskShare;
    private final PidLimit pidLimit;

    /**
     * Creates a report from positional values.
     *
     * @param budget                 the budget in force
     * @param memoryLimit            the memory limit found
     * @param jvmAvailableProcessors {@code Runtime.availableProcessors()}, or -1 when not from this JVM
     * @param policy                 the thread policy
     * @param threadsPerCall         threads one call may use
     * @param blasThreads            the OpenBLAS thread count decided
     * @param blasThreadsOrigin      where that count came from
     * @param blasManaged            false when the application manages OpenBLAS itself
     * @param environmentSet         variables set in the process environment
     * @param blas                   the BLAS library's own report, or null when not loaded
     * @param warnings               things the user should know (ignored settings, late configuration)
     * @throws NullPointerException if a non-nullable argument is null
     * @deprecated use {@link #builder()}, which names each value
     */
    @Deprecated
    public NativeReport(CpuBudget budget, MemoryLimit memoryLimit, int jvmAvailableProcessors, ThreadPolicy policy,
                        int threadsPerCall, int blasThreads, String blasThreadsOrigin, boolean blasManaged,
                        Map<String, String> environmentSet, BlasInfo blas, List<String> warnings) {
        this(builder().budget(budget).memoryLimit(memoryLimit).jvmAvailableProcessors(jvmAvailableProcessors)
                .policy(policy).threadsPerCall(threadsPerCall).blasThreads(blasThreads)
                .blasThreadsOrigin(blasThreadsOrigin).blasManaged(blasManaged).environmentSet(environmentSet)
                .blas(blas).warnings(warnings));
    }

    private NativeReport(Builder b) {
        this.budget = Objects.requireNonNull(b.budget, "budget");
        this.memoryLimit = Objects.requireNonNull(b.memoryLimit, "memoryLimit");
        this.jvmAvailableProcessors = b.jvmAvailableProcessors;
        this.policy = Objects.requireNonNull(b.policy, "policy");
        this.threadsPerCall = b.threadsPerCall;
        this.blasThreads = b.blasThreads;
        this.blasThreadsOrigin = Objects.requireNonNull(b.blasThreadsOrigin, "blasThreadsOrigin");
        this.blasManaged = b.blasManaged;
        this.environmentSet = Collections.unmodifiableMap(new LinkedHashMap<>(b.environmentSet));
        this.blas = b.blas;
        this.warnings = List.copyOf(b.warnings);
        this.taskShare = b.taskShare;
        this.pidLimit = Objects.requireNonNull(b.pidLimit, "pidLimit");
    }

    /**
     * @return a builder; budget, memory limit, policy and BLAS thread origin must be set, the rest
     *         default to: no JVM processor count (-1), 1 thread per call, 1 BLAS thread, managed, nothing
     *         set in the environment, no BLAS details, no warnings, no task limit
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the CPU budget in force */
    public CpuBudget budget() {
        return budget;
    }

    /** @return the memory limit found (possibly unlimited) */
    public MemoryLimit memoryLimit() {
        return memoryLimit;
    }

    /** @return the task limit ({@code pids.max}) with the least headroom when decided, or unlimited */
    public PidLimit pidLimit() {
        return pidLimit;
    }

    /** @return {@code Runtime.availableProcessors()}, or -1 when the report is not about this JVM */
    public int jvmAvailableProcessors() {
        return jvmAvailableProcessors;
    }

    /** @return the thread policy */
    public ThreadPolicy policy() {
        return policy;
    }

    /** @return threads one library call may use */
    public int threadsPerCall() {
        return threadsPerCall;
    }

    /** @return the OpenBLAS thread count decided for a call that has the budget to itself */
    public int blasThreads() {
        return blasThreads;
    }

    /** @return where {@link #blasThreads()} came from */
    public String blasThreadsOrigin() {
        return blasThreadsOrigin;
    }

    /** @return false when the application manages OpenBLAS ({@code interp4j.blas.manage=false}) */
    public boolean blasManaged() {
        return blasManaged;
    }

    /** @return variables set in the process environment (pass them to child processes explicitly) */
    public Map<String, String> environmentSet() {
        return environmentSet;
    }

    /** @return the BLAS library's report, or null when it was not loaded */
    public BlasInfo blas() {
        return blas;
    }

    /** @return warnings (ignored settings, a BLAS pool sized before configuration) */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * @return the share of the Spark task that made this report (its CPUs, its threads per call and their
     *         source), or empty when the report was made outside a task
     */
    public Optional<TaskShare> taskShare() {
        return Optional.ofNullable(taskShare);
    }

    /**
     * The report as one JSON object with the keys {@code cpuBudget, source, reason, hostCpus,
     * affinityCpus, jvmAvailableProcessors, cgroupVersion, quotaUs, periodUs, quotaCgroup, rounding,
     * memoryLimitBytes, pidsMax, pidsCurrent, pidsHeadroom, pidsCgroup, policy, threadsPerCall, blasManaged, blasThreadsDecided, blasThreadsOrigin,
     * environmentSet, blasBackend, blasVersion, blasCoreName, blasThreadingModel, blasConfig,
     * blasThreads, threadsAddedByBlasLoad, blasLoadedBeforeConfiguration, warnings, taskCpus,
     * taskThreads, taskThreadsSource, taskThreadsReason}; the BLAS keys are null when BLAS was not loaded,
     * the task keys are null outside a Spark task, and absent numbers are null.
     *
     * @return the JSON text
     */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpuBudget", budget.cpus());
        m.put("source", budget.source().name());
        m.put("reason", budget.reason());
        m.put("hostCpus", budget.hostCpus());
        m.put("affinityCpus", budget.affinityCpus() < 0 ? null : budget.affinityCpus());
        m.put("jvmAvailableProcessors", jvmAvailableProcessors < 0 ? null : jvmAvailableProcessors);
        m.put("cgroupVersion", budget.cgroupVersion());
        m.put("quotaUs", budget.quotaUs() < 0 ? null : budget.quotaUs());
        m.put("periodUs", budget.periodUs() < 0 ? null : budget.periodUs());
        m.put("quotaCgroup", budget.quotaCgroup());
        m.put("rounding", budget.rounding().name().toLowerCase(Locale.ROOT));
        m.put("memoryLimitBytes", memoryLimit.bytes().isPresent() ? memoryLimit.bytes().getAsLong() : null);
        m.put("pidsMax", pidLimit.max().isPresent() ? pidLimit.max().getAsLong() : null);
        m.put("pidsCurrent", pidLimit.current().isPresent() ? pidLimit.current().getAsLong() : null);
        m.put("pidsHeadroom", pidLimit.limited() ? pidLimit.headroom() : null);
        m.put("pidsCgroup", pidLimit.cgroup());
        m.put("policy", policy.toString());
        m.put("threadsPerCall", threadsPerCall);
        m.put("blasManaged", blasManaged);
        m.put("blasThreadsDecided", blasThreads);
        m.put("blasThreadsOrigin", blasThreadsOrigin);
        m.put("environmentSet", environmentSet);
        m.put("blasBackend", blas == null ? null : blas.backend());
        m.put("blasVersion", blas == null ? null : blas.version());
        m.put("blasCoreName", blas == null ? null : blas.coreName());
        m.put("blasThreadingModel", blas == null ? null : blas.threadingModel());
        m.put("blasConfig", blas == null ? null : blas.config());
        m.put("blasThreads", blas == null || blas.threads() < 0 ? null : blas.threads());
        m.put("threadsAddedByBlasLoad", blas == null || blas.threadsAddedByLoad() < 0 ? null : blas.threadsAddedByLoad());
        m.put("blasLoadedBeforeConfiguration", blas == null ? null : blas.loadedBeforeConfiguration());
        m.put("warnings", warnings);
        m.put("taskCpus", taskShare == null ? null : taskShare.taskCpus());
        m.put("taskThreads", taskShare == null ? null : taskShare.threads());
        m.put("taskThreadsSource", taskShare == null ? null : taskShare.source().name());
        m.put("taskThreadsReason", taskShare == null ? null : taskShare.reason());
        StringBuilder sb = new StringBuilder();
        json(sb, m);
        return sb.toString();
    }

    /** @return the report as a few lines for a person */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("CPU budget      : ").append(budget.cpus()).append(" (").append(budget.source()).append(")\n");
        sb.append("  why           : ").append(budget.reason()).append('\n');
        sb.append("  host CPUs     : ").append(budget.hostCpus());
        if (jvmAvailableProcessors >= 0) {
            sb.append(", JVM availableProcessors() = ").append(jvmAvailableProcessors);
            if (jvmAvailableProcessors != budget.cpus()) {
                sb.append(" (differs from the budget)");
            }
        }
        sb.append('\n');
        sb.append("  cgroup        : ").append(budget.cgroupVersion() == 0 ? "none found" : "v" + budget.cgroupVersion());
        if (budget.quotaUs() > 0) {
            sb.append(", quota ").append(budget.quotaUs()).append('/').append(budget.periodUs()).append(" us on ")
                    .append(budget.quotaCgroup());
        }
        sb.append(", rounding ").append(budget.rounding().name().toLowerCase(Locale.ROOT)).append('\n');
        sb.append("Memory limit    : ").append(memoryLimit).append('\n');
        sb.append("Task limit      : ").append(pidLimit.limited() ? "pids.max " + pidLimit : "unlimited").append('\n');
        sb.append("Thread policy   : ").append(policy).append(" -> ").append(threadsPerCall).append(" per call\n");
        sb.append("BLAS threads    : ").append(blasManaged ? blasThreads + " (" + blasThreadsOrigin + ")"
                : "not managed (interp4j.blas.manage=false)").append('\n');
        sb.append("Environment set : ").append(environmentSet.isEmpty() ? "nothing" : environmentSet).append('\n');
        if (blas != null) {
            sb.append("BLAS backend    : ").append(blas.backend()).append(' ').append(blas.version()).append(", core ")
                    .append(blas.coreName()).append(", ").append(blas.threadingModel()).append('\n');
            sb.append("  config        : ").append(blas.config()).append('\n');
            sb.append("  threads now   : ").append(blas.threads()).append(" (as OpenBLAS reports)\n");
            sb.append("  load added    : ").append(blas.threadsAddedByLoad() < 0 ? "unknown" : blas.threadsAddedByLoad())
                    .append(" threads to the process").append(blas.loadedBeforeConfiguration()
                            ? " (loaded before interp4j configured it)" : "").append('\n');
        }
        if (taskShare != null) {
            sb.append("Spark task      : ").append(taskShare.threads()).append(" threads per call (")
                    .append(taskShare.source()).append("): ").append(taskShare.reason()).append('\n');
        }
        for (String w : warnings) {
            sb.append("Warning         : ").append(w).append('\n');
        }
        return sb.toString();
    }

    /**
     * The report in at most three short lines, for the log at INFO: the budget and its source; the BLAS
     * threads and why (with the task headroom when a {@code pids.max} applies); the number of warnings
     * and the first one. {@link #toText()} is the full report.
     *
     * @return the summary, lines separated by {@code \n}, without a trailing newline
     */
    public String toSummary() {
        StringBuilder sb = new StringBuilder();
        sb.append("interp4j: CPU budget ").append(budget.cpus()).append(" (").append(budget.source()).append(')');
        if (jvmAvailableProcessors >= 0 && jvmAvailableProcessors != budget.cpus()) {
            sb.append(", JVM sees ").append(jvmAvailableProcessors);
        }
        sb.append("\ninterp4j: BLAS threads ");
        if (!blasManaged) {
            sb.append("not managed");
        } else {
            sb.append(blas != null && blas.threads() >= 0 ? blas.threads() : blasThreads).append(" (")
                    .append(blasThreadsOrigin).append(')');
        }
        if (pidLimit.limited()) {
            sb.append(", ").append(pidLimit.headroom()).append(" tasks free under pids.max");
        }
        if (!warnings.isEmpty()) {
            sb.append("\ninterp4j: ").append(warnings.size()).append(warnings.size() == 1 ? " warning: " : " warnings, first: ")
                    .append(warnings.get(0));
        }
        return sb.toString();
    }

    private static void json(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                json(sb, String.valueOf(e.getKey()));
                sb.append(':');
                json(sb, e.getValue());
            }
            sb.append('}');
        } else if (v instanceof List) {
            sb.append('[');
            boolean first = true;
            for (Object o : (List<?>) v) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                json(sb, o);
            }
            sb.append(']');
        } else {
            String s = v.toString();
            sb.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"':
                        sb.append("\\\"");
                        break;
                    case '\\':
                        sb.append("\\\\");
                        break;
                    case '\n':
                        sb.append("\\n");
                        break;
                    case '\r':
                        sb.append("\\r");
                        break;
                    case '\t':
                        sb.append("\\t");
                        break;
                    default:
                        if (c < 0x20) {
                            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                }
            }
            sb.append('"');
        }
    }

    @Override
    public String toString() {
        return toJson();
    }

    /**
     * Builds a {@link NativeReport}, one named value at a time.
     *
     * <p>Thread-safety: not thread-safe; use one builder per thread.
     */
    public static final class Builder {
        private CpuBudget budget;
        private MemoryLimit memoryLimit;
        private int jvmAvailableProcessors = -1;
        private ThreadPolicy policy;
        private int threadsPerCall = 1;
        private int blasThreads = 1;
        private String blasThreadsOrigin;
        private boolean blasManaged = true;
        private Map<String, String> environmentSet = Map.of();
        private BlasInfo blas;
        private List<String> warnings = List.of();
        private TaskShare taskShare;
        private PidLimit pidLimit = PidLimit.unlimited();

        private Builder() {}

        /**
         * @param v the share of the Spark task making the report, or null outside a task
         * @return this builder
         */
        public Builder taskShare(TaskShare v) {
            taskShare = v;
            return this;
        }

        /**
         * @param v the task limit with the least headroom
         * @return this builder
         */
        public Builder pidLimit(PidLimit v) {
            pidLimit = v;
            return this;
        }

        /**
         * @param v the budget in force
         * @return this builder
         */
        public Builder budget(CpuBudget v) {
            budget = v;
            return this;
        }

        /**
         * @param v the memory limit found
         * @return this builder
         */
        public Builder memoryLimit(MemoryLimit v) {
            memoryLimit = v;
            return this;
        }

        /**
         * @param v {@code Runtime.availableProcessors()}, or -1 when the report is not about this JVM
         * @return this builder
         */
        public Builder jvmAvailableProcessors(int v) {
            jvmAvailableProcessors = v;
            return this;
        }

        /**
         * @param v the thread policy
         * @return this builder
         */
        public Builder policy(ThreadPolicy v) {
            policy = v;
            return this;
        }

        /**
         * @param v threads one call may use
         * @return this builder
         */
        public Builder threadsPerCall(int v) {
            threadsPerCall = v;
            return this;
        }

        /**
         * @param v the OpenBLAS thread count decided
         * @return this builder
         */
        public Builder blasThreads(int v) {
            blasThreads = v;
            return this;
        }

        /**
         * @param v where the BLAS thread count came from
         * @return this builder
         */
        public Builder blasThreadsOrigin(String v) {
            blasThreadsOrigin = v;
            return this;
        }

        /**
         * @param v false when the application manages OpenBLAS itself
         * @return this builder
         */
        public Builder blasManaged(boolean v) {
            blasManaged = v;
            return this;
        }

        /**
         * @param v variables set in the process environment (copied)
         * @return this builder
         */
        public Builder environmentSet(Map<String, String> v) {
            environmentSet = v;
            return this;
        }

        /**
         * @param v the BLAS library's own report, or null when not loaded
         * @return this builder
         */
        public Builder blas(BlasInfo v) {
            blas = v;
            return this;
        }

        /**
         * @param v things the user should know (copied)
         * @return this builder
         */
        public Builder warnings(List<String> v) {
            warnings = v;
            return this;
        }

        /**
         * @return the report
         * @throws NullPointerException if the budget, memory limit, policy, BLAS thread origin, environment
         *                              or warnings are missing
         */
        public NativeReport build() {
            return new NativeReport(this);
        }
    }
}
