package io.github.interp4j.nativeconfig.internal.spark;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.OptionalInt;

/**
 * Finds a Spark task on the calling thread by reflection: {@code org.apache.spark.TaskContext.get()}
 * (null outside a task) and {@code cpus()} (Spark 3.3 and later). The class is looked up once, through
 * the thread's context class loader (which sees Spark in executors and drivers) and then this class's
 * own loader; when Spark is absent or lacks {@code cpus()} the probe answers "no task" from then on
 * without looking again. A failing call is logged at DEBUG and answered "no task": the probe never
 * throws.
 *
 * <p>Thread-safety: safe for concurrent use (the lookup is idempotent; a race looks up twice). Cost: one
 * class lookup per probe; then two reflective calls per {@link #taskCpus()} (a thread-local read in
 * Spark), or one volatile read when Spark is absent.
 */
public final class SparkTaskProbe implements TaskProbe {
    private static final Logger LOG = LoggerFactory.getLogger(SparkTaskProbe.class);
    /** The Spark class whose static {@code get()} returns the calling thread's task, or null. */
    public static final String TASK_CONTEXT = "org.apache.spark.TaskContext";

    /** {@code get} and {@code cpus}, or empty when Spark is absent. */
    private record Methods(Method get, Method cpus) {}

    private static final Methods ABSENT = new Methods(null, null);

    private volatile Methods methods;

    @Override
    public OptionalInt taskCpus() {
        Methods m = methods;
        if (m == null) {
            m = lookUp();
            methods = m;
        }
        if (m == ABSENT) {
            return OptionalInt.empty();
        }
        try {
            Object context = m.get().invoke(null);
            if (context == null) {
                return OptionalInt.empty();
            }
            Object cpus = m.cpus().invoke(context);
            int n = cpus instanceof Integer ? (Integer) cpus : 0;
            return n >= 1 ? OptionalInt.of(n) : OptionalInt.empty();
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            LOG.debug("{}.get().cpus() failed; treating the thread as outside a Spark task", TASK_CONTEXT, e);
            return OptionalInt.empty();
        }
    }

    private static Methods lookUp() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        for (ClassLoader loader : new ClassLoader[] {context, SparkTaskProbe.class.getClassLoader()}) {
            if (loader == null) {
                continue;
            }
            try {
                Class<?> c = Class.forName(TASK_CONTEXT, false, loader);
                Methods m = new Methods(c.getMethod("get"), c.getMethod("cpus"));
                LOG.debug("Spark found through {}: BLAS calls inside tasks use the task's CPUs", loader);
                return m;
            } catch (ClassNotFoundException | LinkageError e) {
                // not through this loader
            } catch (NoSuchMethodException e) {
                LOG.debug("{} has no get() or cpus() (Spark before 3.3): tasks not recognised", TASK_CONTEXT);
                return ABSENT;
            }
        }
        return ABSENT;
    }
}
