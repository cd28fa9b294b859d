package io.github.interp4j.interpolate.internal.parallel;

import io.github.interp4j.nativeconfig.ComputeLease;
import io.github.interp4j.nativeconfig.NativeConfig;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one parallel evaluator of the library: splits an index range into contiguous chunks and runs
 * them on the library's own bounded pool, with as many threads as native-config grants out of the
 * CPU budget (never the common ForkJoinPool). Small ranges run on the caller's thread. Each index is
 * computed by the same code whatever the split, so results are bit-for-bit those of a sequential run.
 *
 * <p>If chunks throw, the exception of the lowest chunk is rethrown (so the error names the first
 * offending query, as a sequential run would).
 *
 * <p>When a worker thread cannot be created (the JVM's {@code OutOfMemoryError: unable to create native
 * thread}, typically a cgroup {@code pids.max} reached), the chunks not yet handed out run on the calling
 * thread instead, with the same results; a WARN says so once per process. Only that error, and only at
 * the point where a worker is started, is caught.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
public final class ParallelEvaluation {
    /** Ranges shorter than this per extra thread run sequentially: below it the hand-off costs more than it saves. */
    public static final int MIN_CHUNK = 1 << 15;

    private static final Logger LOG = LoggerFactory.getLogger(ParallelEvaluation.class);
    private static final int MAX_POOL_THREADS = 256;
    private static final AtomicBoolean SPAWN_FAILURE_LOGGED = new AtomicBoolean();
    private static final ThreadPoolExecutor POOL = createPool();

    /** A body that handles the indices {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeBody {
        /**
         * @param from first index, inclusive
         * @param to   last index, exclusive
         */
        void run(int from, int to);
    }

    private ParallelEvaluation() {}

    private static ThreadPoolExecutor createPool() {
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "interp4j-worker-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        // Threads beyond the lease are never requested; the bound and caller-runs are a safety net.
        return new ThreadPoolExecutor(0, MAX_POOL_THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                factory, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    /**
     * Runs {@code body} over {@code [0, n)}, in parallel when {@code n} is large enough.
     *
     * @param n    the number of indices, at least 0
     * @param body the work per contiguous chunk
     * @throws IllegalArgumentException if {@code n < 0}
     * @throws RuntimeException         the first chunk's exception, if any chunk throws
     */
    public static void forRange(int n, RangeBody body) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be at least 0, was " + n);
        }
        int useful = n / MIN_CHUNK;
        if (useful < 2) {
            body.run(0, n);
            return;
        }
        try (ComputeLease lease = NativeConfig.acquire(useful)) {
            int threads = Math.min(lease.threads(), useful);
            if (threads < 2) {
                body.run(0, n);
                return;
            }
            runChunks(n, threads, body, POOL);
        }
    }

    /**
     * Runs the chunks: chunk 0 on the calling thread, the others on {@code pool}; a chunk whose worker
     * cannot be started runs on the calling thread, and so do all after it.
     *
     * @param n       the number of indices
     * @param threads the number of chunks, at least 2
     * @param body    the work per chunk
     * @param pool    where the other chunks run
     */
    static void runChunks(int n, int threads, RangeBody body, ExecutorService pool) {
        Future<?>[] futures = new Future<?>[threads];
        int chunk = n / threads;
        int rem = n % threads;
        int[] bounds = new int[threads + 1];
        for (int t = 0; t < threads; t++) {
            bounds[t + 1] = bounds[t] + chunk + (t < rem ? 1 : 0);
        }
        int handedOut = threads;
        for (int t = 1; t < threads; t++) {
            final int from = bounds[t];
            final int to = bounds[t + 1];
            try {
                futures[t] = pool.submit(NativeConfig.inLease(() -> body.run(from, to)));
            } catch (OutOfMemoryError e) {
                if (!isThreadCreationFailure(e)) {
                    throw e;
                }
                if (SPAWN_FAILURE_LOGGED.compareAndSet(false, true)) {
                    LOG.warn("interp4j: a worker thread could not be created ({}): running the rest of the work on "
                            + "the calling thread (the process is probably at its task limit, pids.max)", e.getMessage());
                }
                handedOut = t;
                break;
            }
        }
        // The calling thread's chunks first (chunk 0, and those no worker took), then the workers'.
        RuntimeException[] failures = new RuntimeException[threads];
        for (int t = 0; t < threads; t++) {
            if (t == 0 || t >= handedOut) {
                try {
                    body.run(bounds[t], bounds[t + 1]);
                } catch (RuntimeException e) {
                    failures[t] = e;
                }
            }
        }
        for (int t = 1; t < handedOut; t++) {
            try {
                awaitUninterruptibly(futures[t]);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException) {
                    failures[t] = (RuntimeException) c;
                } else if (c instanceof Error) {
                    throw (Error) c;
                } else {
                    failures[t] = new IllegalStateException(c);
                }
            }
        }
        for (RuntimeException f : failures) {
            if (f != null) {
                throw f;
            }
        }
    }

    /** The JVM's error for a failed {@code pthread_create}: "unable to create native thread: ...". */
    static boolean isThreadCreationFailure(OutOfMemoryError e) {
        String m = e.getMessage();
        return m != null && m.contains("unable to create native thread");
    }

    private static void awaitUninterruptibly(Future<?> f) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    f.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
