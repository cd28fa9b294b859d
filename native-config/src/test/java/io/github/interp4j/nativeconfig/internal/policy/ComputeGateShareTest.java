package io.github.interp4j.nativeconfig.internal.policy;

import io.github.interp4j.nativeconfig.ComputeLease;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ComputeGate#acquireShare}: the leases of tasks with a share of the budget. */
class ComputeGateShareTest {

    @Test
    void aShareTakesWhatIsFreeUpToItself() {
        ComputeGate gate = new ComputeGate(4);
        try (ComputeLease a = gate.acquireShare(2)) {
            assertEquals(2, a.threads(), "a task with 2 CPUs gets 2 even though 4 are free");
            try (ComputeLease b = gate.acquireShare(2)) {
                assertEquals(2, b.threads(), "a second task gets its whole share while it is free");
                assertEquals(0, gate.available());
            }
            try (ComputeLease c = gate.acquireShare(8)) {
                assertEquals(2, c.threads(), "never more than what is free");
            }
        }
        try (ComputeLease d = gate.acquireShare(9)) {
            assertEquals(4, d.threads(), "never more than the permits");
        }
        assertEquals(4, gate.available());
        assertThrows(IllegalArgumentException.class, () -> gate.acquireShare(0));
    }

    @Test
    void insideALeaseAShareIsOneThreadWithoutAPermit() {
        LeaseDepth depth = new LeaseDepth();
        ComputeGate gate = new ComputeGate(2, depth);
        try (ComputeLease outer = gate.acquireShare(2)) {
            assertEquals(0, gate.available());
            try (ComputeLease inner = gate.acquireShare(2)) {
                assertEquals(1, inner.threads());
            }
        }
        assertEquals(2, gate.available());
    }

    @Test
    void concurrentTasksTogetherStayWithinThePermits() throws Exception {
        int permits = 3;
        ComputeGate gate = new ComputeGate(permits);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> tasks = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            int share = 1 + t % 2;
            Thread th = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < 2000; i++) {
                        try (ComputeLease l = gate.acquireShare(share)) {
                            if (l.threads() > share) {
                                throw new AssertionError("lease of " + l.threads() + " above share " + share);
                            }
                            int now = inFlight.addAndGet(l.threads());
                            max.accumulateAndGet(now, Math::max);
                            Thread.onSpinWait();
                            inFlight.addAndGet(-l.threads());
                        }
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            tasks.add(th);
            th.start();
        }
        start.countDown();
        for (Thread th : tasks) {
            th.join();
        }
        assertTrue(errors.isEmpty(), errors.toString());
        assertTrue(max.get() <= permits, "threads in flight peaked at " + max.get());
        assertEquals(permits, gate.available());
    }
}
