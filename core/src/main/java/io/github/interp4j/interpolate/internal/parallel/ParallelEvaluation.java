package io.github.interp4j.interpolate.internal.parallel;

import io.github.interp4j.nativeconfig.ComputeLease;
import io.github.interp4j.nativeconfig.NativeConfig;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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
 * <p>Thread-safety: safe for concurrent use.
 */
public final class ParallelEvaluation {
    /** Ranges shorter than this per extra thread run sequentially: below it the hand-off costs more than it saves. */
    public static final int MIN_CHUNK = 1 << 15;

    private static final int MAX_POOL_THREADS = 256;
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
            runChunks(n, threads, body);
        }
    }

    private static void runChunks(int n, int threads, RangeBody body) {
        @SuppressWarnings("unchecked")
        Future<?>[] futures = new Future<?>[threads - 1];
        int chunk = n / threads;
        int rem = n % threads;
        int[] bounds = new int[threads + 1];
        for (int t = 0; t < threads; t++) {
            bounds[t + 1] = bounds[t] + chunk + (t < rem ? 1 : 0);
        }
        for (int t = 1; t < threads; t++) {
            final int from = bounds[t];
            final int to = bounds[t + 1];
            futures[t - 1] = POOL.submit(NativeConfig.inLease(() -> body.run(from, to)));
        }
        RuntimeException first = null;
        try {
            body.run(bounds[0], bounds[1]);
        } catch (RuntimeException e) {
            first = e;
        }
        for (Future<?> f : futures) {
            try {
                awaitUninterruptibly(f);
            } catch (ExecutionException e) {
                if (first == null) {
                    Throwable c = e.getCause();
                    if (c instanceof RuntimeException) {
                        first = (RuntimeException) c;
                    } else if (c instanceof Error) {
                        throw (Error) c;
                    } else {
                        first = new IllegalStateException(c);
                    }
                }
            }
        }
        if (first != null) {
            throw first;
        }
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
