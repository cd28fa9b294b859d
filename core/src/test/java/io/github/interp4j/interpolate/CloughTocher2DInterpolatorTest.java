package io.github.interp4j.interpolate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * {@link CloughTocher2DInterpolator} through its public API: the N-D contract (batch = point bit for bit,
 * in parallel and in the bucket order of large batches; flat = rows; columns), fill value, rescale,
 * reproduction of linear functions, serialisation, input checks. Agreement with scipy:
 * {@code scipy.CloughTocher2DAgreementTest}.
 */
class CloughTocher2DInterpolatorTest {
    static double[][] randomPoints(int n, long seed) {
        Random r = new Random(seed);
        double[][] p = new double[n][];
        for (int i = 0; i < n; i++) {
            p[i] = new double[] {r.nextDouble(), r.nextDouble()};
        }
        return p;
    }

    static double f(double x, double y) {
        return Math.sin(3 * x) * Math.cos(2 * y) + x * y;
    }

    static double[] values(double[][] p) {
        double[] v = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            v[i] = f(p[i][0], p[i][1]);
        }
        return v;
    }

    /** queries over a box a little larger than the unit square, so some are outside the hull. */
    static double[][] queries(int q, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[q][];
        for (int j = 0; j < q; j++) {
            x[j] = new double[] {-0.1 + 1.2 * r.nextDouble(), -0.1 + 1.2 * r.nextDouble()};
        }
        return x;
    }

    static double[] flat(double[][] rows) {
        double[] out = new double[rows.length * 2];
        for (int j = 0; j < rows.length; j++) {
            out[2 * j] = rows[j][0];
            out[2 * j + 1] = rows[j][1];
        }
        return out;
    }

    static void assertBits(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(actual[i]),
                    what + " at " + i + ": " + expected[i] + " vs " + actual[i]);
        }
    }

    @Test
    void reproducesLinearFunctionsAndInterpolatesData() {
        double[][] p = randomPoints(200, 1);
        double[] v = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            v[i] = 2 - 3 * p[i][0] + 0.5 * p[i][1];
        }
        // scipy's default tol = 1e-6 stops the sweep with gradients a few 1e-7 from the plane's; a tight
        // tol lets it converge to them
        CloughTocher2DInterpolator ip = new CloughTocher2DInterpolator(p, v, Double.NaN, 1e-13, 2000, false);
        assertTrue(ip.converged());
        double[] g = ip.gradient(7, 0);
        assertEquals(-3, g[0], 1e-9);
        assertEquals(0.5, g[1], 1e-9);
        double[][] x = queries(500, 2);
        double[] out = ip.values(x);
        for (int j = 0; j < x.length; j++) {
            if (!Double.isNaN(out[j])) {
                // the cubic with the plane's gradients is the plane
                assertEquals(2 - 3 * x[j][0] + 0.5 * x[j][1], out[j], 1e-10, "query " + j);
            }
        }
        double[] w = values(p);
        CloughTocher2DInterpolator ip2 = new CloughTocher2DInterpolator(p, w);
        for (int i = 0; i < p.length; i++) {
            assertEquals(w[i], ip2.value(p[i]), 1e-14 * 2, "data point " + i);
        }
    }

    @Test
    void fillValueOutsideTheHullAndNaNQueries() {
        double[][] p = randomPoints(100, 3);
        CloughTocher2DInterpolator ip = new CloughTocher2DInterpolator(p, values(p), -7.5, 1e-6, 400, false);
        assertEquals(-7.5, ip.value(2, 2));
        assertEquals(-7.5, ip.value(Double.POSITIVE_INFINITY, 0.5));
        assertTrue(Double.isNaN(ip.value(Double.NaN, 0.5)));
        assertTrue(Double.isNaN(new CloughTocher2DInterpolator(p, values(p)).value(2, 2)));
        assertEquals(-7.5, ip.fillValue());
        assertEquals(1e-6, ip.tol());
        assertEquals(400, ip.maxiter());
    }

    @Test
    void batchEqualsPointAndFlatEqualsRows() {
        double[][] p = randomPoints(500, 4);
        CloughTocher2DInterpolator ip = new CloughTocher2DInterpolator(p, values(p), 0.0, 1e-6, 400, true);
        double[][] x = queries(6000, 5); // above the bucket-ordered threshold
        double[] batch = ip.values(x);
        double[] single = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            single[j] = ip.value(x[j]);
        }
        assertBits(single, batch, "batch vs point");
        assertBits(batch, ip.values(flat(x)), "flat vs rows");
        double[][] small = java.util.Arrays.copyOf(x, 100);
        assertBits(java.util.Arrays.copyOf(single, 100), ip.values(small), "small batch");
    }

    @Test
    void columnsEqualSingleColumnInterpolants() {
        double[][] p = randomPoints(150, 6);
        double[][] v = new double[p.length][3];
        for (int i = 0; i < p.length; i++) {
            v[i][0] = f(p[i][0], p[i][1]);
            v[i][1] = p[i][0] * p[i][0] - p[i][1];
            v[i][2] = Math.exp(p[i][1]);
        }
        CloughTocher2DInterpolator ip = new CloughTocher2DInterpolator(p, v, Double.NaN, 1e-6, 400, false);
        assertEquals(3, ip.columns());
        assertThrows(IllegalStateException.class, () -> ip.value(0.5, 0.5));
        double[][] x = queries(300, 7);
        double[][] cols = ip.valuesColumns(x);
        double[] flatCols = ip.valuesColumns(flat(x));
        for (int c = 0; c < 3; c++) {
            double[] vc = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                vc[i] = v[i][c];
            }
            double[] one = new CloughTocher2DInterpolator(p, vc).values(x);
            for (int j = 0; j < x.length; j++) {
                assertEquals(Double.doubleToLongBits(one[j]), Double.doubleToLongBits(cols[j][c]), "column " + c);
                assertEquals(Double.doubleToLongBits(one[j]), Double.doubleToLongBits(flatCols[3 * j + c]));
            }
            assertArrayEquals(new double[] {cols[0][c]}, new double[] {ip.valueColumns(x[0])[c]});
        }
    }

    @Test
    void rescaleIsTheSameMapOnPointsAndQueries() {
        double[][] p = randomPoints(120, 8);
        double[][] scaled = new double[p.length][];
        for (int i = 0; i < p.length; i++) {
            scaled[i] = new double[] {1000 * p[i][0], 0.001 * p[i][1]};
        }
        double[] v = values(p);
        CloughTocher2DInterpolator ip = new CloughTocher2DInterpolator(scaled, v, Double.NaN, 1e-6, 400, true);
        assertTrue(ip.rescaled());
        CloughTocher2DInterpolator plain = new CloughTocher2DInterpolator(p, v);
        double[][] x = queries(200, 9);
        for (double[] q : x) {
            double a = ip.value(1000 * q[0], 0.001 * q[1]);
            double b = plain.value(q);
            assertEquals(Double.isNaN(a), Double.isNaN(b));
            if (!Double.isNaN(a)) {
                // the same data up to an affine map of each axis: the same triangles and, the interpolant
                // being affine-invariant only up to its gradient estimation, close values
                assertEquals(b, a, 0.05);
            }
        }
    }

    @Test
    void prebuiltTriangulationEqualsPointsForm() {
        double[][] p = randomPoints(200, 10);
        double[] v = values(p);
        CloughTocher2DInterpolator a = new CloughTocher2DInterpolator(p, v, 1.5, 1e-6, 400, false);
        CloughTocher2DInterpolator b = new CloughTocher2DInterpolator(new Delaunay(p), v, 1.5);
        double[][] x = queries(300, 11);
        assertBits(a.values(x), b.values(x), "prebuilt");
        CloughTocher2DInterpolator c = new CloughTocher2DInterpolator(new Delaunay(p),
                column(v), 1.5, 1e-3, 5);
        assertEquals(5, c.maxiter());
    }

    static double[][] column(double[] v) {
        double[][] out = new double[v.length][];
        for (int i = 0; i < v.length; i++) {
            out[i] = new double[] {v[i]};
        }
        return out;
    }

    @Test
    void nonConvergenceIsReportedNotFatal() {
        double[][] p = randomPoints(200, 12);
        CloughTocher2DInterpolator ip = new CloughTocher2DInterpolator(p, values(p), Double.NaN, 1e-12, 1, false);
        assertFalse(ip.converged());
        assertTrue(Double.isFinite(ip.value(0.5, 0.5)));
    }

    @Test
    void serializationRoundTripIsBitIdentical() throws Exception {
        double[][] p = randomPoints(300, 13);
        double[][] v = new double[p.length][2];
        for (int i = 0; i < p.length; i++) {
            v[i][0] = f(p[i][0], p[i][1]);
            v[i][1] = p[i][1];
        }
        for (boolean rescale : new boolean[] {false, true}) {
            CloughTocher2DInterpolator ip = new CloughTocher2DInterpolator(p, v, -1.0, 1e-5, 50, rescale);
            CloughTocher2DInterpolator back = (CloughTocher2DInterpolator) DelaunayAgreementTest.roundTrip(ip);
            double[] x = flat(queries(400, 14));
            assertBits(ip.valuesColumns(x), back.valuesColumns(x), "round trip rescale=" + rescale);
            assertEquals(ip.rescaled(), back.rescaled());
            assertEquals(ip.tol(), back.tol());
            assertEquals(ip.maxiter(), back.maxiter());
            assertEquals(ip.fillValue(), back.fillValue());
        }
    }

    @Test
    void inputChecks() {
        double[][] p = randomPoints(20, 15);
        double[] v = values(p);
        double[] bad = v.clone();
        bad[7] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CloughTocher2DInterpolator(p, bad));
        assertTrue(e.getMessage().contains("values[7][0]") && e.getMessage().contains("NaN"), e.getMessage());
        double[][] pb = p.clone();
        pb[3] = new double[] {0.5, Double.POSITIVE_INFINITY};
        e = assertThrows(IllegalArgumentException.class, () -> new CloughTocher2DInterpolator(pb, v));
        assertTrue(e.getMessage().contains("points[3]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new CloughTocher2DInterpolator(p, v, Double.NaN, -1, 400, false));
        assertTrue(e.getMessage().contains("tol = -1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new CloughTocher2DInterpolator(p, v, Double.NaN, Double.NaN, 400, false));
        assertTrue(e.getMessage().contains("tol = NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new CloughTocher2DInterpolator(p, v, Double.NaN, 1e-6, 0, false));
        assertTrue(e.getMessage().contains("maxiter = 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new CloughTocher2DInterpolator(p, new double[5]));
        assertTrue(e.getMessage().contains("same length"), e.getMessage());
        assertThrows(NullPointerException.class, () -> new CloughTocher2DInterpolator(null, v));
        assertThrows(NullPointerException.class, () -> new CloughTocher2DInterpolator((Delaunay) null, v, 0.0));
        CloughTocher2DInterpolator ip = new CloughTocher2DInterpolator(p, v);
        assertThrows(IllegalArgumentException.class, () -> ip.value(0.5));
        assertThrows(IllegalArgumentException.class, () -> ip.values(new double[3]));
        assertThrows(IndexOutOfBoundsException.class, () -> ip.gradient(20, 0));
    }

    @Test
    void onlyTwoDimensions() {
        double[][] p3 = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 1, 1}};
        double[] v = {1, 2, 3, 4, 5};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CloughTocher2DInterpolator(p3, v));
        assertTrue(e.getMessage().contains("dimension 2") && e.getMessage().contains("dimension 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new CloughTocher2DInterpolator(new Delaunay(p3), v, 0));
        assertTrue(e.getMessage().contains("dimension 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new CloughTocher2DInterpolator(new double[][] {{0}, {1}, {2}}, new double[3]));
        assertTrue(e.getMessage().contains("dimension 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Griddata.griddata(p3, v, new double[][] {{0.1, 0.1, 0.1}}, Griddata.Method.CUBIC));
    }
}
