package io.github.interp4j.nativeconfig.internal.spark;

import java.util.OptionalInt;

/**
 * Tells whether the calling thread runs a framework task and how many CPUs the task was given.
 * Production uses {@link SparkTaskProbe}; tests inject a fixed answer.
 *
 * <p>Thread-safety: implementations must be safe to call from any thread.
 */
@FunctionalInterface
public interface TaskProbe {
    /** A probe that never finds a task. */
    TaskProbe NONE = OptionalInt::empty;

    /**
     * @return the calling thread's task CPUs (at least 1), or empty when it runs no task
     */
    OptionalInt taskCpus();
}
