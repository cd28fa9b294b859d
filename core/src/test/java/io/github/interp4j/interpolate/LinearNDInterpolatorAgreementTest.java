package io.github.interp4j.interpolate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.interp4j.interpolate.internal.parallel.ParallelEvaluation;
import io.github.interp4j.interpolate.internal.scattered.PointRescaling;
import io.github.interp4j.interpolate.scipy.ScipyFixture;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link LinearNDInterpolator} against {@code scipy.interpolate.LinearNDInterpolator} (scipy 1.17), on
 * scipy's own triangulation of each fixture (family {@code linear_nd}, generator
 * {@code fixturegen/linear_nd.py}; see {@link DelaunayAgreementTest} for the conversion). Random and
 * clustered 2-D and 3-D sets, queries inside and outside the hull, data points and edge midpoints, fill
 * value, rescale, several value columns.
 *
 * <p>Agreement rule: every value within {@link #REL_TOL} {@code * scale}, {@code scale = max|values|};
 * outside the hull (scipy's fill value) the fill value exactly, except for queries within
 * {@link DelaunayAgreementTest#STRICT} of the hull, where the two tolerant tests may decide differently
 * (none of the fixtures' random queries is that close).
 */
class LinearNDInterpolatorAgreementTest {
    static final double REL_TOL = 1e-12;

    static Stream<ScipyFixture> fixtures() {
        return ScipyFixture.family("linear_nd");
    }

    /** The interpolant of a fixture on scipy's triangulation (rescaled as interp4j rescales). */
    static LinearNDInterpolator onScipyMesh(ScipyFixture f) {
        Delaunay tri = DelaunayAgreementTest.delaunayOf(f);
        boolean rescale = f.get("rescale").trim().equals("true");
        PointRescaling r = rescale ? PointRescaling.of(f.doubles("points"), f.integer("d")) : null;
        return new LinearNDInterpolator(tri, f.doubles("values"), f.integer("m"), f.number("fill_value"), r);
    }

    static void check(ScipyFixture f, double[] ours, String what) {
        double[] exp = f.doubles("expected");
        double[] margin = f.doubles("hull_margin");
        int m = f.integer("m");
        double tol = REL_TOL * f.number("scale");
        assertEquals(exp.length, ours.length);
        for (int i = 0; i < exp.length; i++) {
            int j = i / m;
            String msg = f.name() + " " + what + " query " + j + " column " + i % m;
            if (Math.abs(margin[j]) <= DelaunayAgreementTest.STRICT && Double.isNaN(exp[i]) != Double.isNaN(ours[i])) {
                continue; // within rounding of the hull
            }
            if (Double.isNaN(exp[i])) {
                assertTrue(Double.isNaN(ours[i]), msg + ": expected NaN, was " + ours[i]);
            } else {
                assertEquals(exp[i], ours[i], tol, msg);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void agreesWithScipy(ScipyFixture f) {
        LinearNDInterpolator ip = onScipyMesh(f);
        int d = f.integer("d");
        int m = f.integer("m");
        double[] q = f.doubles("queries");
        double[] flat = ip.valuesColumns(q);
        check(f, flat, "flat");
        double[][] rows = new double[q.length / d][];
        for (int j = 0; j < rows.length; j++) {
            rows[j] = Arrays.copyOfRange(q, j * d, j * d + d);
            assertArrayEquals(Arrays.copyOfRange(flat, j * m, j * m + m), ip.valueColumns(rows[j]), "single == batch");
        }
        double[][] byRows = ip.valuesColumns(rows);
        for (int j = 0; j < rows.length; j++) {
            assertArrayEquals(Arrays.copyOfRange(flat, j * m, j * m + m), byRows[j]);
        }
        if (m == 1) {
            assertArrayEquals(flat, ip.values(q));
            assertArrayEquals(flat, ip.values(rows));
            assertEquals(flat[0], ip.value(rows[0]));
        } else {
            assertThrows(IllegalStateException.class, () -> ip.value(rows[0]));
        }
    }

    /** The public constructors (DelaunayBuilder): same agreement. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void publicConstructorAgreesWithScipy(ScipyFixture f) {
        int d = f.integer("d");
        int m = f.integer("m");
        double[][] pts = f.matrix("points", f.integer("n"), d);
        double[][] vals = f.matrix("values", f.integer("n"), m);
        boolean rescale = f.get("rescale").trim().equals("true");
        LinearNDInterpolator ip = new LinearNDInterpolator(pts, vals, f.number("fill_value"), rescale);
        check(f, ip.valuesColumns(f.doubles("queries")), "public");
        double[][] g = Griddata.griddataColumns(pts, vals, f.matrix("queries", f.integer("q"), d),
                Griddata.Method.LINEAR, f.number("fill_value"), rescale);
        check(f, Arrays.stream(g).flatMapToDouble(Arrays::stream).toArray(), "griddata");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void reproducesLinearFunctions(ScipyFixture f) {
        Delaunay tri = DelaunayAgreementTest.delaunayOf(f);
        int d = tri.dimension();
        double[][] p = tri.points();
        double[] v = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            v[i] = 0.5 + 2 * p[i][0] - 3 * p[i][1] + (d == 3 ? 0.25 * p[i][2] : 0.0);
        }
        LinearNDInterpolator ip = new LinearNDInterpolator(tri, v, -1.0);
        Random rnd = new Random(7);
        double scale = Arrays.stream(v).map(Math::abs).max().getAsDouble();
        int inside = 0;
        for (int j = 0; j < 500; j++) {
            double[] x = p[rnd.nextInt(p.length)].clone();
            double[] y = p[rnd.nextInt(p.length)];
            double a = rnd.nextDouble();
            for (int k = 0; k < d; k++) {
                x[k] = a * x[k] + (1 - a) * y[k] + 1e-3 * rnd.nextGaussian();
            }
            double got = ip.value(x);
            if (tri.findSimplex(x) < 0) {
                assertEquals(-1.0, got);
                continue;
            }
            inside++;
            double want = 0.5 + 2 * x[0] - 3 * x[1] + (d == 3 ? 0.25 * x[2] : 0.0);
            assertEquals(want, got, 1e-12 * scale);
        }
        assertTrue(inside > 250);
    }

    @Test
    void largeBatchesRunInParallelBitIdentically() {
        ScipyFixture f = ScipyFixture.load("linear_nd/random_3d_m2_rescale.txt");
        LinearNDInterpolator ip = onScipyMesh(f);
        int n = 3 * ParallelEvaluation.MIN_CHUNK;
        Random rnd = new Random(11);
        double[] q = new double[n * 3];
        for (int i = 0; i < q.length; i++) {
            q[i] = rnd.nextDouble() * 1.2 - 0.1;
        }
        double[] batch = ip.valuesColumns(q);
        for (int j = 0; j < n; j += 97) {
            assertArrayEquals(Arrays.copyOfRange(batch, 2 * j, 2 * j + 2), ip.valueColumns(q[3 * j], q[3 * j + 1], q[3 * j + 2]));
        }
    }

    @Test
    void nanQueryGivesNaNAndFillOutside() {
        ScipyFixture f = ScipyFixture.load("linear_nd/random_2d_fill.txt");
        LinearNDInterpolator ip = onScipyMesh(f);
        assertTrue(Double.isNaN(ip.value(Double.NaN, 0.5)));
        assertEquals(-7.5, ip.value(5.0, 5.0));
        assertEquals(-7.5, ip.value(Double.POSITIVE_INFINITY, 0.5));
        assertEquals(-7.5, ip.fillValue());
    }

    @Test
    void serializationRoundTrip() throws Exception {
        for (String name : new String[] {"linear_nd/random_3d_m2_rescale.txt", "linear_nd/random_2d.txt"}) {
            ScipyFixture f = ScipyFixture.load(name);
            LinearNDInterpolator ip = onScipyMesh(f);
            LinearNDInterpolator back = (LinearNDInterpolator) DelaunayAgreementTest.roundTrip(ip);
            double[] q = f.doubles("queries");
            assertArrayEquals(ip.valuesColumns(q), back.valuesColumns(q));
            assertEquals(ip.rescaled(), back.rescaled());
        }
    }

    @Test
    void inputChecks() {
        Delaunay tri = DelaunayAgreementTest.delaunayOf(ScipyFixture.load("linear_nd/random_2d.txt"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LinearNDInterpolator(tri, new double[3], 0.0));
        assertTrue(e.getMessage().contains("values"), e.getMessage());
        double[] v = new double[tri.pointCount()];
        v[4] = Double.POSITIVE_INFINITY;
        e = assertThrows(IllegalArgumentException.class, () -> new LinearNDInterpolator(tri, v, 0.0));
        assertTrue(e.getMessage().contains("values[4][0]"), e.getMessage());
        assertThrows(NullPointerException.class, () -> new LinearNDInterpolator((Delaunay) null, v, 0.0));
        LinearNDInterpolator ip = new LinearNDInterpolator(tri, new double[tri.pointCount()], 0.0);
        assertThrows(IllegalArgumentException.class, () -> ip.value(0.5));
        assertThrows(IllegalArgumentException.class, () -> ip.values(new double[5]));
        e = assertThrows(IllegalArgumentException.class,
                () -> new LinearNDInterpolator(new double[][] {{0, 0, 0, 0}, {1, 0, 0, 0}}, new double[2]));
        assertTrue(e.getMessage().contains("dimension 2 or 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new LinearNDInterpolator(new double[][] {{0, 0}, {1, 0}, {0, 1}}, new double[2]));
        assertTrue(e.getMessage().contains("same length"), e.getMessage());
    }
}
