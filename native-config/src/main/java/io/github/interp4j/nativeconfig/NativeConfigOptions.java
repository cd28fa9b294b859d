package io.github.interp4j.nativeconfig;

import java.util.Objects;

/**
 * Explicit settings for {@link NativeConfig#configure(NativeConfigOptions)}: the highest-precedence
 * overrides (above system properties, environment variables and detection).
 *
 * <table>
 *   <caption>Precedence, highest first</caption>
 *   <tr><th>Setting</th><th>Sources</th></tr>
 *   <tr><td>CPU budget (Java workers and BLAS threads together)</td>
 *       <td>{@link Builder#cpuBudget(int)}; system property {@code interp4j.threads}; the detected budget.
 *       Environment variables never shrink it.</td></tr>
 *   <tr><td>BLAS threads</td>
 *       <td>{@link Builder#blasThreads(int)} or a thread policy set through the API; system property
 *       {@code interp4j.blas.threads} (both honoured above the budget, with a WARN);
 *       {@code OPENBLAS_NUM_THREADS}, {@code GOTO_NUM_THREADS}, {@code OMP_NUM_THREADS} (OpenBLAS's own
 *       order; capped at the budget with a WARN naming the variable); the thread policy applied to the
 *       budget. Whatever the source, never more than fit in the task headroom under {@code pids.max}
 *       (see {@link NativeConfig#pidLimit()}). Malformed values (for thread counts 0, negative or not a
 *       whole number) are ignored with a WARN naming them.</td></tr>
 *   <tr><td>Manage OpenBLAS at all</td>
 *       <td>{@link Builder#manageBlas(boolean)}; system property {@code interp4j.blas.manage}; true.</td></tr>
 *   <tr><td>Also set {@code OMP_NUM_THREADS} / {@code MKL_NUM_THREADS} where unset</td>
 *       <td>{@link Builder#setOpenMpAndMklVariables(boolean)}; system property
 *       {@code interp4j.blas.setOmpMkl}; true.</td></tr>
 *   <tr><td>Rounding of a fractional quota</td>
 *       <td>{@link Builder#rounding(Rounding)}; system property {@code interp4j.rounding}
 *       ({@code floor} or {@code ceil}); {@link Rounding#FLOOR}.</td></tr>
 * </table>
 *
 * <p>Thread-safety: immutable; the builder is not thread-safe.
 */
public final class NativeConfigOptions {
    private static final NativeConfigOptions DEFAULTS = builder().build();

    private final Integer cpuBudget;
    private final Integer blasThreads;
    private final Boolean manageBlas;
    private final Boolean setOpenMpAndMkl;
    private final Rounding rounding;
    private final ThreadPolicy policy;

    private NativeConfigOptions(Builder b) {
        this.cpuBudget = b.cpuBudget;
        this.blasThreads = b.blasThreads;
        this.manageBlas = b.manageBlas;
        this.setOpenMpAndMkl = b.setOpenMpAndMkl;
        this.rounding = b.rounding;
        this.policy = b.policy;
    }

    /** @return options with nothing set explicitly (properties, environment and detection decide) */
    public static NativeConfigOptions defaults() {
        return DEFAULTS;
    }

    /** @return a new builder with nothing set */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the explicit CPU budget, or null */
    public Integer cpuBudget() {
        return cpuBudget;
    }

    /** @return the explicit BLAS thread count, or null */
    public Integer blasThreads() {
        return blasThreads;
    }

    /** @return the explicit manage flag, or null */
    public Boolean manageBlas() {
        return manageBlas;
    }

    /** @return the explicit flag for OMP/MKL variables, or null */
    public Boolean setOpenMpAndMklVariables() {
        return setOpenMpAndMkl;
    }

    /** @return the explicit rounding, or null */
    public Rounding rounding() {
        return rounding;
    }

    /** @return the explicit initial thread policy, or null (then {@link ThreadPolicy#auto()}) */
    public ThreadPolicy threadPolicy() {
        return policy;
    }

    @Override
    public String toString() {
        return "NativeConfigOptions{cpuBudget=" + cpuBudget + ", blasThreads=" + blasThreads + ", manageBlas="
                + manageBlas + ", setOpenMpAndMkl=" + setOpenMpAndMkl + ", rounding=" + rounding + ", policy="
                + policy + "}";
    }

    /** Builds {@link NativeConfigOptions}. Not thread-safe. */
    public static final class Builder {
        private Integer cpuBudget;
        private Integer blasThreads;
        private Boolean manageBlas;
        private Boolean setOpenMpAndMkl;
        private Rounding rounding;
        private ThreadPolicy policy;

        private Builder() {}

        /**
         * @param cpus the CPU budget, at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code cpus < 1}
         */
        public Builder cpuBudget(int cpus) {
            this.cpuBudget = positive(cpus, "cpuBudget");
            return this;
        }

        /**
         * @param threads the OpenBLAS thread count, at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code threads < 1}
         */
        public Builder blasThreads(int threads) {
            this.blasThreads = positive(threads, "blasThreads");
            return this;
        }

        /**
         * @param manage false to leave the environment and OpenBLAS's thread count untouched
         * @return this builder
         */
        public Builder manageBlas(boolean manage) {
            this.manageBlas = manage;
            return this;
        }

        /**
         * @param set false to set only {@code OPENBLAS_NUM_THREADS}
         * @return this builder
         */
        public Builder setOpenMpAndMklVariables(boolean set) {
            this.setOpenMpAndMkl = set;
            return this;
        }

        /**
         * @param rounding how a fractional quota is rounded
         * @return this builder
         * @throws NullPointerException if {@code rounding} is null
         */
        public Builder rounding(Rounding rounding) {
            this.rounding = Objects.requireNonNull(rounding, "rounding");
            return this;
        }

        /**
         * @param policy the initial thread policy
         * @return this builder
         * @throws NullPointerException if {@code policy} is null
         */
        public Builder threadPolicy(ThreadPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** @return the options */
        public NativeConfigOptions build() {
            return new NativeConfigOptions(this);
        }

        private static int positive(int v, String name) {
            if (v < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, was " + v);
            }
            return v;
        }
    }
}
