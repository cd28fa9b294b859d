package io.github.interp4j.interpolate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link Griddata}: dispatch and scipy's 1-D path. The N-D methods' agreement with scipy is tested with
 * their interpolants ({@link NearestNDInterpolatorAgreementTest}, {@link LinearNDInterpolatorAgreementTest},
 * {@code scipy.CloughTocher2DAgreementTest}, which call {@code griddata} too; natural neighbour:
 * {@link NaturalNeighborInterpolatorTest}).
 */
class GriddataTest {
    @Test
    void oneDimensionalFollowsScipy() {
        double[][] x = {{3}, {0}, {1}};
        double[] y = {9, 0, 1};
        double[][] xi = {{0.5}, {2}, {-1}, {4}};
        // linear with fill outside; nearest extrapolates (scipy: interp1d(kind='nearest', fill_value='extrapolate'))
        double[] lin = Griddata.griddata(x, y, xi, Griddata.Method.LINEAR, -5.0, false);
        assertArrayEquals(new double[] {0.5, 5.0, -5.0, -5.0}, lin);
        double[] near = Griddata.griddata(x, y, xi, Griddata.Method.NEAREST);
        assertArrayEquals(new double[] {0.0, 1.0, 0.0, 9.0}, near);
        assertThrows(IllegalArgumentException.class, () -> Griddata.griddata(x, y, xi, Griddata.Method.NATURAL));
    }

    @Test
    void cubicAndNaturalUseTheirInterpolants() {
        double[][] p = {{0, 0}, {1, 0}, {0, 1}, {1, 1}, {0.4, 0.6}};
        double[] v = {1, 2, 3, 4, 0};
        double[][] xi = {{0.5, 0.5}, {0.2, 0.1}, {2, 2}};
        assertArrayEquals(new CloughTocher2DInterpolator(p, v, -1.0, 1e-6, 400, false).values(xi),
                Griddata.griddata(p, v, xi, Griddata.Method.CUBIC, -1.0, false));
        assertArrayEquals(new NaturalNeighborInterpolator(p, v, -1.0, true).values(xi),
                Griddata.griddata(p, v, xi, Griddata.Method.NATURAL, -1.0, true));
        assertEquals(-1.0, Griddata.griddata(p, v, xi, Griddata.Method.CUBIC, -1.0, false)[2]);
        double[][] p3 = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Griddata.griddata(p3, new double[4], new double[][] {{0, 0, 0}}, Griddata.Method.NATURAL));
        assertTrue(e.getMessage().contains("dimension 3"), e.getMessage());
    }

    @Test
    void oneDimensionalCubicIsInterp1dCubic() {
        // scipy: griddata on 1-D points with method='cubic' is interp1d(kind='cubic', fill_value=fill_value)
        double[][] x = {{0}, {1}, {2}, {3}, {4.5}};
        double[] y = {0, 1, 8, 27, 91.125};
        double[][] xi = {{0.5}, {2.5}, {5}};
        double[] c = Griddata.griddata(x, y, xi, Griddata.Method.CUBIC, -2.0, false);
        assertEquals(0.125, c[0], 1e-12); // a cubic is reproduced by the not-a-knot spline
        assertEquals(15.625, c[1], 1e-12);
        assertEquals(-2.0, c[2]);
    }

    @Test
    void nearestInTwoDimensions() {
        double[][] p = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};
        double[] v = {1, 2, 3, 4};
        assertArrayEquals(new double[] {1, 4, 2}, Griddata.griddata(p, v, new double[][] {{0.1, 0.2}, {5, 5}, {0.9, -3}},
                Griddata.Method.NEAREST));
        assertEquals(2, Griddata.griddataColumns(p, new double[][] {{1, 1}, {2, 2}, {3, 3}, {4, 4}},
                new double[][] {{0.1, 0.2}}, Griddata.Method.NEAREST, Double.NaN, true)[0].length);
        assertThrows(NullPointerException.class, () -> Griddata.griddata(p, v, null, Griddata.Method.NEAREST));
        assertThrows(NullPointerException.class, () -> Griddata.griddata(p, v, new double[][] {{0, 0}}, null));
    }
}
