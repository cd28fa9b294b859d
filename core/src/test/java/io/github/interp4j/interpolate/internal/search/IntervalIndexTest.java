package io.github.interp4j.interpolate.internal.search;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IntervalIndexTest {

    /** numpy searchsorted(x, q, 'right') - 1, clamped to [0, n - 2]: the reference by bisection. */
    private static int reference(double[] x, double q) {
        int lo = 0;
        int hi = x.length; // count of elements <= q
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] <= q) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return Math.max(0, Math.min(lo - 1, x.length - 2));
    }

    private static void check(double[] x, double[] queries) {
        IntervalIndex index = new IntervalIndex(x);
        int[] block = new int[IntervalIndex.BLOCK];
        int[] scratch = new int[IntervalIndex.BLOCK];
        for (int b = 0; b < queries.length; b += IntervalIndex.BLOCK) {
            int e = Math.min(queries.length, b + IntervalIndex.BLOCK);
            index.findBlock(queries, b, e, block, scratch);
            for (int k = b; k < e; k++) {
                double q = queries[k];
                int found = index.find(q);
                assertEquals(found, block[k - b], "findBlock differs from find at q = " + q);
                if (q == q) {
                    assertEquals(reference(x, q), found, "q = " + q + " on " + x.length + " breakpoints");
                } else {
                    assertEquals(true, found >= 0 && found <= x.length - 2, "NaN gave " + found);
                }
            }
        }
    }

    private static double[] queries(double[] x, SplittableRandom r, int m) {
        double a = x[0];
        double b = x[x.length - 1];
        double[] q = new double[m + x.length * 3 + 8];
        int k = 0;
        for (int i = 0; i < m; i++) {
            q[k++] = a + (b - a) * (1.2 * r.nextDouble() - 0.1);
        }
        for (double v : x) {
            q[k++] = v;
            q[k++] = Math.nextDown(v);
            q[k++] = Math.nextUp(v);
        }
        double[] special = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE,
            -Double.MAX_VALUE, 1e300, -1e300, 0.0};
        for (double v : special) {
            q[k++] = v;
        }
        return q;
    }

    @Test
    void evenRandomClusteredAndRepeatedBreakpoints() {
        SplittableRandom r = new SplittableRandom(7);
        double[] even = new double[1001];
        for (int i = 0; i < even.length; i++) {
            even[i] = i * 0.37;
        }
        double[] random = new double[5000];
        for (int i = 1; i < random.length; i++) {
            random[i] = random[i - 1] + 0.1 + 0.9 * r.nextDouble();
        }
        double[] clustered = new double[3000];
        for (int i = 0; i < clustered.length; i++) {
            clustered[i] = i < 2990 ? i * 1e-9 : 1e3 + i; // nearly everything in the first bucket
        }
        double[] repeated = {0, 1, 1, 1, 2, 3, 3, 4, 4, 4, 4, 10};
        double[] two = {-5, 5};
        double[] tiny = {1.0, Math.nextUp(1.0), Math.nextUp(Math.nextUp(1.0))};
        for (double[] x : new double[][] {even, random, clustered, repeated, two, tiny}) {
            check(x, queries(x, r, 20_000));
        }
    }

    @Test
    void needsTwoBreakpoints() {
        assertThrows(IllegalArgumentException.class, () -> new IntervalIndex(new double[] {1}));
        assertEquals(0, new IntervalIndex(new double[] {1, 1}).find(Arrays.stream(new double[] {1}).sum()));
    }
}
