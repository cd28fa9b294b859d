package io.github.interp4j.interpolate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Akima1DInterpolatorTest {
    /** Agreement with scipy values printed with repr. */
    private static final double SCIPY = 1e-13;

    private static final double[] X = {0., 1., 2.5, 3., 4.5, 6.};
    private static final double[] Y = {1., -0.5, 2., 0.3, 0.3, -1.};
    private static final double[] Q = {-0.5, 0.3, 1.7, 2.9, 4.0, 5.5, 6.5};

    private static void assertAgrees(double[] expected, double[] q, Interpolant1D f) {
        for (int i = 0; i < q.length; i++) {
            if (Double.isNaN(expected[i])) {
                assertTrue(Double.isNaN(f.value(q[i])), "NaN expected at " + q[i]);
            } else {
                assertEquals(expected[i], f.value(q[i]), SCIPY * (1 + Math.abs(expected[i])), "at " + q[i]);
            }
        }
    }

    @Test
    void agreesWithScipy() {
        double nan = Double.NaN;
        // Akima1DInterpolator(X, Y)(Q): NaN outside by default
        Akima1DInterpolator a = new Akima1DInterpolator(X, Y);
        assertAgrees(new double[] {nan, 0.2405192307692307, 0.7043352856956919, 0.49615787372383546,
            0.3982911985018728, -0.45081018518518523, nan}, Q, a);
        assertEquals(OutOfRange.nan(), a.outOfRange());
        assertEquals(Akima1DInterpolator.Method.AKIMA, a.method());
        // Akima1DInterpolator(X, Y, extrapolate=True)(Q)
        assertAgrees(new double[] {3.0745192307692313, 0.2405192307692307, 0.7043352856956919, 0.49615787372383546,
            0.3982911985018728, -0.45081018518518523, -1.7793981481481482}, Q,
                a.withOutOfRange(OutOfRange.extrapolate()));
        // Akima1DInterpolator(X, Y, method='makima')(Q)
        assertAgrees(new double[] {nan, 0.3282198187414501, 0.7031775197135749, 0.5110216065564726,
            0.36727265040375434, -0.48017669045191985, nan}, Q,
                new Akima1DInterpolator(X, Y, Akima1DInterpolator.Method.MAKIMA));
    }

    @Test
    void flatRegionsAndSmallN() {
        double[] xf = {0, 1, 2, 3, 4, 5, 6, 7};
        double[] yf = {0, 0, 0, 1, 1, 1, 0, 0};
        double[] qf = {0.5, 2.5, 3.5, 5.5, 6.5};
        // Akima1DInterpolator(xf, yf)(qf) and with method='makima'
        assertAgrees(new double[] {0.0, 0.5, 1.0, 0.5625, -0.125}, qf, new Akima1DInterpolator(xf, yf));
        assertAgrees(new double[] {0.0, 0.5, 1.0, 0.5625, -0.109375}, qf,
                new Akima1DInterpolator(xf, yf, Akima1DInterpolator.Method.MAKIMA));
        // Akima1DInterpolator([0, 1, 3], [1, 2, 0])([0.5, 2.0])
        assertAgrees(new double[] {1.75, 1.5}, new double[] {0.5, 2.0},
                new Akima1DInterpolator(new double[] {0, 1, 3}, new double[] {1, 2, 0}));
        // Two points: the straight line; constant data: the constant (all weights zero).
        assertEquals(1.5, new Akima1DInterpolator(new double[] {0, 2}, new double[] {1, 2}).value(1.0), SCIPY);
        Akima1DInterpolator flat = new Akima1DInterpolator(new double[] {0, 1, 2, 3}, new double[] {4, 4, 4, 4});
        assertEquals(4.0, flat.value(1.3));
        assertEquals(0.0, flat.derivative(1).value(2.2));
        assertThrows(NullPointerException.class,
                () -> new Akima1DInterpolator(new double[] {0, 1}, new double[] {0, 1}, null));
    }
}
