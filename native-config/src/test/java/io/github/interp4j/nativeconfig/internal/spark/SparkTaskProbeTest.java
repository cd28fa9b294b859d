package io.github.interp4j.nativeconfig.internal.spark;

import org.apache.spark.TaskContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The reflective probe against a stand-in {@code org.apache.spark.TaskContext} on the test class path. */
class SparkTaskProbeTest {

    @AfterEach
    void leave() {
        TaskContext.enter(0);
    }

    @Test
    void findsNoTaskOutsideATaskAndTheTaskCpusInsideOne() {
        SparkTaskProbe probe = new SparkTaskProbe();
        assertEquals(OptionalInt.empty(), probe.taskCpus(), "TaskContext.get() is null: no task");
        TaskContext.enter(3);
        assertEquals(OptionalInt.of(3), probe.taskCpus());
        TaskContext.enter(0);
        assertEquals(OptionalInt.empty(), probe.taskCpus());
    }

    @Test
    void theTaskIsPerThread() throws Exception {
        SparkTaskProbe probe = new SparkTaskProbe();
        TaskContext.enter(2);
        AtomicReference<OptionalInt> other = new AtomicReference<>();
        Thread t = new Thread(() -> other.set(probe.taskCpus()));
        t.start();
        t.join();
        assertEquals(OptionalInt.empty(), other.get(), "another thread runs no task");
        assertEquals(OptionalInt.of(2), probe.taskCpus());
    }

    @Test
    void aNonPositiveCpuCountIsNoTask() {
        TaskContext.enter(-1);
        assertEquals(OptionalInt.empty(), new SparkTaskProbe().taskCpus());
    }

    @Test
    void noneNeverFindsATask() {
        TaskContext.enter(2);
        assertEquals(OptionalInt.empty(), TaskProbe.NONE.taskCpus());
    }
}
