package io.github.interp4j.interpolate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link Griddata}: dispatch and scipy's 1-D path. The N-D methods' agreement with scipy is tested with
 * their interpolants ({@link NearestNDInterpolatorAgreementTest}, {@link LinearNDInterpolatorAgreementTest},
 * which call {@code griddata} too).
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
    void cubicAndNaturalAreNotAvailableYet() {
        double[][] p = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};
        double[] v = {1, 2, 3, 4};
        double[][] xi = {{0.5, 0.5}};
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> Griddata.griddata(p, v, xi, Griddata.Method.CUBIC));
        assertTrue(e.getMessage().contains("CloughTocher2DInterpolator"), e.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> Griddata.griddata(p, v, xi, Griddata.Method.NATURAL));
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
