package io.github.interp4j.interpolate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.interp4j.interpolate.internal.parallel.ParallelEvaluation;
import io.github.interp4j.interpolate.scipy.ScipyFixture;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link NearestNDInterpolator} (and {@link Griddata} with {@code NEAREST}) against
 * {@code scipy.interpolate.NearestNDInterpolator} (scipy 1.17): fixtures of family {@code nearest_nd}
 * (generator {@code fixturegen/nearest_nd.py}), random and clustered points in 2-D to 4-D, queries inside
 * and outside the data box and at data points, rescale, several value columns.
 *
 * <p>Agreement rule: every value within {@link #REL_TOL} {@code * max|values|} (the answer is a data value,
 * so in practice exactly), except at queries the generator flags as ties (the two nearest distances equal
 * to 1e-12 relative), where the nearest point is decided by rounding or tie-breaking.
 */
class NearestNDInterpolatorAgreementTest {
    static final double REL_TOL = 1e-12;

    static Stream<ScipyFixture> fixtures() {
        return ScipyFixture.family("nearest_nd");
    }

    private static void check(ScipyFixture f, double[] ours, String what) {
        double[] exp = f.doubles("expected");
        int[] tie = DelaunayAgreementTest.ints(f.get("tie"));
        int m = f.integer("m");
        double tol = REL_TOL * f.number("scale");
        int compared = 0;
        for (int i = 0; i < exp.length; i++) {
            if (tie[i / m] == 1) {
                continue;
            }
            assertEquals(exp[i], ours[i], tol, f.name() + " " + what + " query " + i / m + " column " + i % m);
            compared++;
        }
        assertTrue(compared > exp.length / 2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void agreesWithScipy(ScipyFixture f) {
        int n = f.integer("n");
        int d = f.integer("d");
        int m = f.integer("m");
        boolean rescale = f.get("rescale").trim().equals("true");
        double[][] pts = f.matrix("points", n, d);
        double[][] vals = f.matrix("values", n, m);
        double[][] q = f.matrix("queries", f.integer("q"), d);
        NearestNDInterpolator ip = new NearestNDInterpolator(pts, vals, rescale);
        double[] flat = ip.valuesColumns(f.doubles("queries"));
        check(f, flat, "flat");
        double[][] rows = ip.valuesColumns(q);
        for (int j = 0; j < q.length; j++) {
            assertArrayEquals(Arrays.copyOfRange(flat, j * m, j * m + m), rows[j]);
            assertArrayEquals(rows[j], ip.valueColumns(q[j]));
        }
        double[][] g = Griddata.griddataColumns(pts, vals, q, Griddata.Method.NEAREST, Double.NaN, rescale);
        check(f, Arrays.stream(g).flatMapToDouble(Arrays::stream).toArray(), "griddata");
        if (m == 1) {
            double[] v1 = Arrays.stream(vals).mapToDouble(r -> r[0]).toArray();
            NearestNDInterpolator one = new NearestNDInterpolator(pts, v1, rescale);
            assertArrayEquals(flat, one.values(q));
            assertEquals(flat[0], one.value(q[0]));
            check(f, Griddata.griddata(pts, v1, q, Griddata.Method.NEAREST, Double.NaN, rescale), "griddata 1");
        }
    }

    @Test
    void tiesGoToTheLowestIndex() {
        double[][] pts = {{1, 0}, {0, 0}, {0, 0}, {-1, 0}};
        NearestNDInterpolator ip = new NearestNDInterpolator(pts, new double[] {10, 20, 30, 40});
        assertEquals(20, ip.value(0.0, 0.0)); // duplicates 1 and 2
        assertEquals(10, ip.value(0.5, 0.0)); // equidistant from 0 and 1
        assertEquals(20, ip.value(-0.5, 0.0)); // equidistant from 1 (2) and 3
        assertTrue(Double.isNaN(ip.value(Double.NaN, 0.0)));
    }

    @Test
    void anyDimensionIncludingOne() {
        NearestNDInterpolator ip = new NearestNDInterpolator(new double[][] {{0}, {1}, {3}}, new double[] {5, 6, 7});
        assertEquals(6, ip.value(1.9));
        assertEquals(7, ip.value(100));
        assertEquals(1, ip.dimension());
    }

    @Test
    void largeBatchesRunInParallelBitIdentically() throws Exception {
        Random rnd = new Random(3);
        double[][] pts = new double[2000][3];
        double[][] vals = new double[2000][2];
        for (int i = 0; i < pts.length; i++) {
            for (int k = 0; k < 3; k++) {
                pts[i][k] = rnd.nextDouble() * (k + 1);
            }
            vals[i][0] = rnd.nextGaussian();
            vals[i][1] = rnd.nextGaussian();
        }
        NearestNDInterpolator ip = new NearestNDInterpolator(pts, vals, true);
        int n = 3 * ParallelEvaluation.MIN_CHUNK;
        double[] q = new double[3 * n];
        for (int i = 0; i < q.length; i++) {
            q[i] = rnd.nextDouble() * 3.5 - 0.2;
        }
        double[] batch = ip.valuesColumns(q);
        for (int j = 0; j < n; j += 101) {
            assertArrayEquals(Arrays.copyOfRange(batch, 2 * j, 2 * j + 2), ip.valueColumns(q[3 * j], q[3 * j + 1], q[3 * j + 2]));
        }
        NearestNDInterpolator back = (NearestNDInterpolator) DelaunayAgreementTest.roundTrip(ip);
        assertArrayEquals(Arrays.copyOf(batch, 3000), Arrays.copyOf(back.valuesColumns(q), 3000));
        assertTrue(back.rescaled());
    }

    @Test
    void inputChecks() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NearestNDInterpolator(new double[][] {{0, 0}, {1, Double.NaN}}, new double[2]));
        assertTrue(e.getMessage().contains("points[1][1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new NearestNDInterpolator(new double[][] {{0, 0}, {1, 1}}, new double[3]));
        assertTrue(e.getMessage().contains("same length"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new NearestNDInterpolator(new double[][] {{0, 0}, {1}}, new double[2]));
        assertTrue(e.getMessage().contains("points[1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new NearestNDInterpolator(new double[0][], new double[0]));
        NearestNDInterpolator ip = new NearestNDInterpolator(new double[][] {{0, 0}, {1, 1}}, new double[][] {{1, 2}, {3, 4}}, false);
        assertThrows(IllegalStateException.class, () -> ip.value(0, 0));
        assertThrows(IllegalArgumentException.class, () -> ip.valueColumns(0, 0, 0));
    }
}
