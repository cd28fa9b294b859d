package io.github.interp4j.nativeconfig.internal.policy;

import io.github.interp4j.nativeconfig.ComputeLease;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComputeGateTest {

    @Test
    void aloneGetsWhatItWantsUpToThePermits() {
        ComputeGate gate = new ComputeGate(4);
        try (ComputeLease l = gate.acquire(8)) {
            assertEquals(4, l.threads());
            assertEquals(0, gate.available());
        }
        try (ComputeLease l = gate.acquire(3)) {
            assertEquals(3, l.threads());
            assertEquals(1, gate.available());
            try (ComputeLease other = gate.acquire(4)) {
                assertEquals(1, other.threads(), "a second caller in flight gets one thread");
                assertEquals(0, gate.available());
            }
        }
        assertEquals(4, gate.available());
    }

    @Test
    void closeIsIdempotent() {
        ComputeGate gate = new ComputeGate(2);
        ComputeLease l = gate.acquire(2);
        l.close();
        l.close();
        assertEquals(2, gate.available());
    }

    @Test
    void concurrentCallersNeverExceedThePermits() throws Exception {
        int permits = 3;
        int callers = 8;
        ComputeGate gate = new ComputeGate(permits);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        AtomicInteger sawMany = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < 2000; i++) {
                        try (ComputeLease l = gate.acquire(permits)) {
                            int now = inFlight.addAndGet(l.threads());
                            maxInFlight.accumulateAndGet(now, Math::max);
                            if (l.threads() > 1) {
                                sawMany.incrementAndGet();
                            }
                            Thread.onSpinWait();
                            inFlight.addAndGet(-l.threads());
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
        assertTrue(maxInFlight.get() <= permits, "threads in flight " + maxInFlight.get() + " > " + permits);
        assertTrue(maxInFlight.get() >= 1);
        assertEquals(permits, gate.available());
    }

    @Test
    void aNestingAwareGateGrantsOneThreadInsideALeaseWithoutAPermit() throws Exception {
        LeaseDepth depth = new LeaseDepth();
        ComputeGate gate = new ComputeGate(3, depth);
        try (ComputeGate.Lease outer = gate.acquire(8)) {
            assertEquals(3, outer.threads());
            assertTrue(depth.inside());
            try (ComputeGate.Lease inner = gate.acquireBudget(5)) {
                assertEquals(1, inner.threads());
                assertEquals(0, gate.available(), "a nested lease takes no permit");
            }
            Thread t = new Thread(depth.share(() -> {
                try (ComputeGate.Lease l = gate.acquire(2)) {
                    assertEquals(1, l.threads());
                }
            }));
            t.start();
            t.join(30_000);
            assertTrue(!t.isAlive(), "work sharing the lease waited for the budget");
        }
        assertTrue(!depth.inside());
        assertEquals(3, gate.available());
    }

    @Test
    void aBudgetLeaseReportsTheBlasCountWhenAloneElseOne() {
        ComputeGate gate = new ComputeGate(2);
        try (ComputeGate.Lease alone = gate.acquireBudget(16)) {
            assertEquals(16, alone.threads());
            assertEquals(0, gate.available());
        }
        try (ComputeGate.Lease first = gate.acquire(1)) {
            assertEquals(1, first.threads());
            try (ComputeGate.Lease second = gate.acquireBudget(16)) {
                assertEquals(1, second.threads());
            }
        }
        try (ComputeGate.Lease all = gate.acquireAll()) {
            assertEquals(2, all.threads());
            assertEquals(0, gate.available());
        }
        assertEquals(2, gate.available());
    }
}
