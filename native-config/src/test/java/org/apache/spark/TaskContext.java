package org.apache.spark;

/**
 * A stand-in for Spark's {@code TaskContext} with the two members native-config calls by reflection
 * ({@code static get()}, null outside a task, and {@code cpus()}), so that the probe is tested without
 * Spark; the real class is exercised by the examples/spark module's tests.
 */
public abstract class TaskContext {
    private static final ThreadLocal<TaskContext> CURRENT = new ThreadLocal<>();

    /** @return the calling thread's task, or null */
    public static TaskContext get() {
        return CURRENT.get();
    }

    /**
     * Test helper: makes the calling thread run a task with {@code cpus} CPUs, or no task for 0.
     *
     * @param cpus the task's CPUs, or 0 to leave the task
     */
    public static void enter(int cpus) {
        if (cpus == 0) {
            CURRENT.remove();
            return;
        }
        CURRENT.set(new TaskContext() {
            @Override
            public int cpus() {
                return cpus;
            }
        });
    }

    /** @return the CPUs Spark assigned to the task */
    public abstract int cpus();
}
