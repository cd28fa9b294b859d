package io.github.interp4j.nativeconfig;

import org.bytedeco.openblas.global.openblas;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** k application threads in BLAS at once: the total of BLAS threads stays within the budget. */
class NativeConfigConcurrencyTest {
    private static final int N = 120;

    @Test
    void concurrentBlasCallersStayWithinTheBudget() throws Exception {
        int budget = NativeConfig.threadsPerCall();
        int callers = 4;
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        AtomicInteger mismatches = new AtomicInteger();
        List<Throwable> errors = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            final long seed = c;
            Thread t = new Thread(() -> {
                double[] a = new double[N * N];
                double[] b = new double[N * N];
                double[] out = new double[N * N];
                java.util.Random r = new java.util.Random(seed);
                for (int i = 0; i < a.length; i++) {
                    a[i] = r.nextDouble();
                    b[i] = r.nextDouble();
                }
                try {
                    start.await();
                    for (int i = 0; i < 40; i++) {
                        try (BlasLease lease = NativeConfig.blas()) {
                            int now = inFlight.addAndGet(lease.threads());
                            max.accumulateAndGet(now, Math::max);
                            if (lease.threads() > 1 && NativeConfig.report().blas().threads() != lease.threads()) {
                                mismatches.incrementAndGet();
                            }
                            openblas.cblas_dgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans,
                                    N, N, N, 1.0, a, N, b, N, 0.0, out, N);
                            inFlight.addAndGet(-lease.threads());
                        }
                    }
                } catch (Throwable e) {
                    synchronized (errors) {
                        errors.add(e);
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertTrue(errors.isEmpty(), errors.toString());
        assertTrue(max.get() <= budget, "BLAS threads in flight " + max.get() + " > budget " + budget);
        assertEquals(0, mismatches.get(), "OpenBLAS thread count differed from the lease");
    }

    @Test
    void blasInsideAJavaLeaseRunsSingleThreadedWithoutWaiting() {
        try (ComputeLease outer = NativeConfig.acquire(Integer.MAX_VALUE)) {
            assertTrue(outer.threads() >= 1);
            try (BlasLease inner = NativeConfig.blas()) {
                assertEquals(1, inner.threads());
                assertEquals(1, NativeConfig.report().blas().threads());
            }
            Runnable shared = NativeConfig.inLease(() -> {
                try (ComputeLease l = NativeConfig.acquire(8)) {
                    assertEquals(1, l.threads());
                }
            });
            Thread t = new Thread(shared);
            t.start();
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            assertTrue(!t.isAlive(), "a worker sharing the lease waited for the budget");
        }
    }
}
