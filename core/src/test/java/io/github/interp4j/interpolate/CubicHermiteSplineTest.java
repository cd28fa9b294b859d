package io.github.interp4j.interpolate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

@SuppressWarnings("deprecation") // also exercises the deprecated ofColumns views
class CubicHermiteSplineTest {
    /** Agreement with scipy values printed with repr. */
    private static final double SCIPY = 1e-13;

    @Test
    void agreesWithScipyAndMatchesDerivatives() {
        double[] x = {0., 1., 2.5, 3., 4.5, 6.};
        double[] y = {1., -0.5, 2., 0.3, 0.3, -1.};
        double[] d = {0., 1., -1., 2., 0.5, 0.};
        double[] q = {-0.5, 0.3, 1.7, 2.9, 4.0, 5.5, 6.5};
        // CubicHermiteSpline(x, y, d)(q)
        double[] expected = {-0.875, 0.613, 0.9985185185185185, 0.3328000000000009, 0.411111111111111,
            -0.6074074074074073, -0.3592592592592583};
        CubicHermiteSpline h = new CubicHermiteSpline(x, y, d);
        for (int i = 0; i < q.length; i++) {
            assertEquals(expected[i], h.value(q[i]), SCIPY * (1 + Math.abs(expected[i])));
        }
        PPoly dh = h.derivative(1);
        for (int i = 0; i < x.length; i++) {
            assertEquals(d[i], dh.value(x[i]), 1e-12, "slope at " + x[i]);
        }
    }

    @Test
    void derivativeDataAreValidated() {
        double[] x = {0, 1, 2};
        double[] y = {0, 1, 0};
        assertEquals("y and dydx must have the same length: y.length = 3, dydx.length = 2",
                assertThrows(IllegalArgumentException.class,
                        () -> new CubicHermiteSpline(x, y, new double[] {0, 0})).getMessage());
        assertEquals("dydx[1] = NaN is not finite", assertThrows(IllegalArgumentException.class,
                () -> new CubicHermiteSpline(x, y, new double[] {0, Double.NaN, 0})).getMessage());
        assertEquals("dydx must not be null", assertThrows(NullPointerException.class,
                () -> new CubicHermiteSpline(x, y, null)).getMessage());
        assertEquals("dydx[2][0] = Infinity is not finite", assertThrows(IllegalArgumentException.class,
                () -> CubicHermiteSpline.ofColumns(x, new double[][] {{0}, {1}, {0}},
                        new double[][] {{0}, {0}, {Double.POSITIVE_INFINITY}})).getMessage());
    }
}
