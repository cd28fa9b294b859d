package io.github.interp4j.interpolate.internal.parallel;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The worker pool when threads cannot be created: the pool's thread factory makes threads whose
 * {@code start()} fails exactly as the JVM's does under a full cgroup {@code pids.max}.
 */
class ParallelEvaluationTest {
    private static final String JVM_MESSAGE = "unable to create native thread: possibly out of memory or process/"
            + "resource limits reached";

    /** A pool whose first {@code working} threads start and whose later ones fail to. */
    private static ThreadPoolExecutor pool(int working, String failure) {
        AtomicInteger made = new AtomicInteger();
        ThreadFactory factory = r -> {
            if (made.incrementAndGet() <= working) {
                Thread t = new Thread(r, "test-worker");
                t.setDaemon(true);
                return t;
            }
            return new Thread(r) {
                @Override
                public synchronized void start() {
                    throw new OutOfMemoryError(failure);
                }
            };
        };
        return new ThreadPoolExecutor(0, 16, 1, TimeUnit.SECONDS, new SynchronousQueue<>(), factory);
    }

    @Test
    void chunksWhoseWorkerCannotStartRunOnTheCallingThread() {
        for (int working = 0; working <= 3; working++) {
            ThreadPoolExecutor pool = pool(working, JVM_MESSAGE);
            int n = 100_003;
            AtomicIntegerArray seen = new AtomicIntegerArray(n);
            Set<Thread> threads = ConcurrentHashMap.newKeySet();
            ParallelEvaluation.runChunks(n, 4, (from, to) -> {
                threads.add(Thread.currentThread());
                for (int i = from; i < to; i++) {
                    seen.incrementAndGet(i);
                }
            }, pool);
            for (int i = 0; i < n; i++) {
                assertEquals(1, seen.get(i), "index " + i + " with " + working + " startable workers");
            }
            assertTrue(threads.contains(Thread.currentThread()));
            // An idle worker may take a later chunk, so at most (not exactly) one thread per startable worker.
            assertTrue(threads.size() <= 1 + working, threads.size() + " threads used with " + working + " startable");
            if (working == 0) {
                assertEquals(Set.of(Thread.currentThread()), threads, "no worker could start: all on the caller");
            }
            pool.shutdownNow();
        }
    }

    @Test
    void theLowestChunksExceptionWinsAlsoWhenRunInline() {
        ThreadPoolExecutor pool = pool(1, JVM_MESSAGE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParallelEvaluation.runChunks(400, 4, (from, to) -> {
                    if (from >= 100) {
                        throw new IllegalArgumentException("chunk from " + from);
                    }
                }, pool));
        assertEquals("chunk from 100", e.getMessage());
        pool.shutdownNow();
    }

    @Test
    void otherOutOfMemoryErrorsAreNotSwallowed() {
        ThreadPoolExecutor pool = pool(0, "Java heap space");
        OutOfMemoryError e = assertThrows(OutOfMemoryError.class,
                () -> ParallelEvaluation.runChunks(400, 2, (from, to) -> { }, pool));
        assertEquals("Java heap space", e.getMessage());
        pool.shutdownNow();
    }
}
