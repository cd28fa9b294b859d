package io.github.interp4j.nativeconfig;

import java.util.Objects;

/**
 * The share of the CPU budget that one task of a cluster framework may use, decided for the calling
 * thread when it runs a Spark task ({@code org.apache.spark.TaskContext.get()} is non-null; found by
 * reflection, so Spark is not a dependency). A task's share is the CPUs Spark gave it,
 * {@code TaskContext.cpus()} ({@code spark.task.cpus}), or, on an executor process where Spark set
 * {@code OMP_NUM_THREADS} (SPARK-41188: to {@code spark.task.cpus}, unless the application set
 * {@code spark.executorEnv.OMP_NUM_THREADS}), that variable; capped by the threads one call may use
 * (the policy over the container budget) and by the OpenBLAS thread count decided for the process.
 * Concurrent tasks draw their threads from the one budget of the executor process, so together they
 * stay within it: a task's call takes up to {@link #threads()} of the threads that are free and waits
 * only for one.
 *
 * <p>Thread-safety: immutable.
 *
 * @param taskCpus the CPUs Spark assigned to the task ({@code TaskContext.cpus()}), at least 1
 * @param threads  threads one BLAS call or Java parallel section of the task may use, at least 1
 * @param source   what decided the task's thread count
 * @param reason   the decision in words, for the report
 */
public record TaskShare(int taskCpus, int threads, Source source, String reason) {

    /** What decided a task's thread count. */
    public enum Source {
        /** {@code TaskContext.cpus()} ({@code spark.task.cpus}); e.g. in {@code local} mode. */
        TASK_CPUS,
        /**
         * {@code OMP_NUM_THREADS} in the executor process's environment, which Spark sets on executors
         * (not in {@code local} mode) to {@code spark.task.cpus} unless the application chose a value.
         */
        SPARK_EXECUTOR_OMP_NUM_THREADS
    }

    /**
     * Checks the values.
     *
     * @param taskCpus as in the record header
     * @param threads  as in the record header
     * @param source   as in the record header
     * @param reason   as in the record header
     * @throws IllegalArgumentException if {@code taskCpus} or {@code threads} is below 1
     * @throws NullPointerException     if {@code source} or {@code reason} is null
     */
    public TaskShare {
        if (taskCpus < 1) {
            throw new IllegalArgumentException("taskCpus must be at least 1, was " + taskCpus);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
    }
}
