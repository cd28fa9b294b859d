package io.github.interp4j.interpolate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PchipInterpolatorTest {
    /** Agreement with scipy values printed with repr. */
    private static final double SCIPY = 1e-13;
    /** Allowed dip of a monotone interpolant below its previous value (rounding only). */
    private static final double MONOTONE_SLACK = 1e-13;

    @Test
    void agreesWithScipy() {
        double[] x = {0., 1., 2.5, 3., 4.5, 6.};
        double[] y = {1., -0.5, 2., 0.3, 0.3, -1.};
        double[] q = {-0.5, 0.3, 1.7, 2.9, 4.0, 5.5, 6.5};
        // PchipInterpolator(x, y)(q)
        double[] expected = {2.6125, 0.26930000000000004, 0.625185185185185, 0.4768000000000008, 0.3,
            -0.374074074074074, -1.625925925925926};
        PchipInterpolator p = new PchipInterpolator(x, y);
        for (int i = 0; i < q.length; i++) {
            assertEquals(expected[i], p.value(q[i]), SCIPY * (1 + Math.abs(expected[i])));
        }
        // PchipInterpolator(xf, yf)([0.5, 2.5, 3.5, 5.5, 6.5]): flat regions stay flat
        double[] xf = {0, 1, 2, 3, 4, 5, 6, 7};
        double[] yf = {0, 0, 0, 1, 1, 1, 0, 0};
        double[] qf = {0.5, 2.5, 3.5, 5.5, 6.5};
        double[] ef = {0.0, 0.5, 1.0, 0.5, 0.0};
        PchipInterpolator pf = new PchipInterpolator(xf, yf);
        for (int i = 0; i < qf.length; i++) {
            assertEquals(ef[i], pf.value(qf[i]), SCIPY);
        }
    }

    @Test
    void monotoneDataGiveMonotoneInterpolant() {
        Random r = new Random(5);
        for (int trial = 0; trial < 20; trial++) {
            int n = 3 + r.nextInt(40);
            double[] x = CubicTestSupport.randomAbscissae(r, n);
            double[] y = new double[n];
            double acc = 0;
            for (int i = 0; i < n; i++) {
                acc += r.nextInt(4) == 0 ? 0.0 : Math.pow(10, 4 * r.nextDouble() - 2); // flat steps and jumps
                y[i] = acc;
            }
            PchipInterpolator p = new PchipInterpolator(x, y);
            double prev = Double.NEGATIVE_INFINITY;
            for (double t : CubicTestSupport.grid(x[0], x[n - 1], 0.0, 5001)) {
                double v = p.value(t);
                assertTrue(v >= prev - MONOTONE_SLACK * (1 + Math.abs(prev)), "trial " + trial + " at " + t);
                assertTrue(v >= y[0] - MONOTONE_SLACK && v <= y[n - 1] + MONOTONE_SLACK * y[n - 1], "no overshoot");
                prev = v;
            }
        }
    }

    @Test
    void slopeRules() {
        // Sign change of the secants: zero slope at the interior point.
        PchipInterpolator p = new PchipInterpolator(new double[] {0, 1, 2}, new double[] {0, 1, 0});
        assertEquals(0.0, p.derivative(1).value(1.0));
        // Two points: the straight line.
        PchipInterpolator line = new PchipInterpolator(new double[] {1, 3}, new double[] {2, 6});
        assertEquals(5.0, line.value(2.5), SCIPY);
        assertEquals(2.0, line.derivative(1).value(1.7), SCIPY);
        // Harmonic mean of the secants 1 and 3 with equal spacing: (w1 + w2) / (w1 / 1 + w2 / 3), w1 = w2.
        PchipInterpolator hm = new PchipInterpolator(new double[] {0, 1, 2, 3}, new double[] {0, 1, 4, 5});
        assertEquals(1.5, hm.derivative(1).value(1.0), SCIPY);
        // End slope: ((2 h0 + h1) d0 - h0 d1) / (h0 + h1) = (3 * 1 - 3) / 2 = 0 for secants 1, 3.
        assertEquals(0.0, hm.derivative(1).value(0.0), SCIPY);
    }
}
