package io.github.interp4j.interpolate.scipy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.interp4j.interpolate.CloughTocher2DInterpolator;
import io.github.interp4j.interpolate.Delaunay;
import io.github.interp4j.interpolate.Griddata;
import io.github.interp4j.interpolate.internal.delaunay.Mesh;
import io.github.interp4j.interpolate.internal.geometry.GeometricPredicates;
import io.github.interp4j.interpolate.internal.scattered.CloughTocherGradients;
import io.github.interp4j.interpolate.internal.scattered.CloughTocherKernel;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Clough-Tocher kernels ({@link CloughTocherGradients}, {@link CloughTocherKernel}) against scipy
 * 1.17.1's {@code CloughTocher2DInterpolator}, on scipy's own triangulations (the fixtures in
 * {@code scipy-fixtures/clough_tocher}, written by {@code fixturegen/clough_tocher.py}): random and
 * clustered sets, rescale, several value columns, default and other tol / maxiter.
 *
 * <p>Checked per fixture: the vertex-neighbour lists equal scipy's {@code vertex_neighbor_vertices}
 * element for element (same order); the replayed Gauss-Seidel sweep converges (or not) as scipy's did and
 * gives scipy's gradients (to 1e-13 relative; in practice bit for bit); the interpolant at the queries,
 * located here by exact orientation tests and evaluated from barycentric coordinates computed here, is
 * within {@code TOL * scale} of scipy's ({@code scale = max(max|values|, max|expected|)}), and answers
 * the fill value exactly where scipy does.
 *
 * <p>The public {@link CloughTocher2DInterpolator} (and {@code griddata(..., CUBIC)}) on the fixtures'
 * original points: it triangulates with this library's {@link Delaunay}, whose triangles equal Qhull's
 * for these sets in general position but whose vertex-neighbour order may differ, so gradients may differ
 * in the last bits; the values must still be within {@code TOL * scale} of scipy's and the fill value
 * exactly where scipy's is.
 */
class CloughTocher2DAgreementTest {
    /** issue 8: Clough-Tocher agreement relative to max|values|. */
    static final double TOL = 1e-10;
    /** the gradients: the same operations in the same order, so agreement to a few rounding errors. */
    static final double GRAD_TOL = 1e-13;

    static Stream<ScipyFixture> fixtures() {
        return ScipyFixture.family("clough_tocher");
    }

    static int[] ints(ScipyFixture f, String key) {
        double[] d = f.doubles(key);
        int[] out = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = (int) d[i];
        }
        return out;
    }

    /** scipy's mesh, each triangle counter-clockwise (Mesh's convention; Qhull's 2-D output already is). */
    static Mesh mesh(ScipyFixture f) {
        double[] p = f.doubles("tri_points");
        int[] tri = ints(f, "simplices");
        int[] nb = ints(f, "neighbors");
        assertEquals(3 * f.integer("nsimplex"), tri.length);
        for (int t = 0; t < tri.length / 3; t++) {
            assertTrue(GeometricPredicates.orient2d(p, tri[3 * t], tri[3 * t + 1], tri[3 * t + 2]) > 0,
                    f.name() + ": triangle " + t + " not counter-clockwise");
        }
        return new Mesh(2, p, tri, nb, new int[0], new int[0]);
    }

    /** scipy's rescale: (x - mean) / ptp per axis, the mean summed in index order. */
    static double[] rescaleQueries(double[] points, double[] queries) {
        int n = points.length / 2;
        double[] off = new double[2];
        double[] scale = new double[2];
        for (int k = 0; k < 2; k++) {
            double sum = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double v = points[2 * i + k];
                sum += v;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            off[k] = sum / n;
            scale[k] = hi - lo > 0 ? hi - lo : 1.0;
        }
        double[] out = new double[queries.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (queries[i] - off[i % 2]) / scale[i % 2];
        }
        return out;
    }

    /** the triangle containing (x, y) by exact orientation tests (first found), or -1. */
    static int locate(Mesh m, double x, double y) {
        double[] p = m.points();
        int[] tri = m.simplices();
        for (int t = 0; t < m.simplexCount(); t++) {
            int a = tri[3 * t];
            int b = tri[3 * t + 1];
            int c = tri[3 * t + 2];
            if (GeometricPredicates.orient2d(p[2 * a], p[2 * a + 1], p[2 * b], p[2 * b + 1], x, y) >= 0
                    && GeometricPredicates.orient2d(p[2 * b], p[2 * b + 1], p[2 * c], p[2 * c + 1], x, y) >= 0
                    && GeometricPredicates.orient2d(p[2 * c], p[2 * c + 1], p[2 * a], p[2 * a + 1], x, y) >= 0) {
                return t;
            }
        }
        return -1;
    }

    /** barycentric coordinates of (x, y) in triangle t, relative to its last vertex as scipy's transform. */
    static double[] barycentric(Mesh m, int t, double x, double y) {
        double[] p = m.points();
        int[] tri = m.simplices();
        int a = tri[3 * t];
        int b = tri[3 * t + 1];
        int c = tri[3 * t + 2];
        double t00 = p[2 * a] - p[2 * c];
        double t01 = p[2 * b] - p[2 * c];
        double t10 = p[2 * a + 1] - p[2 * c + 1];
        double t11 = p[2 * b + 1] - p[2 * c + 1];
        double det = t00 * t11 - t01 * t10;
        double dx = x - p[2 * c];
        double dy = y - p[2 * c + 1];
        double b0 = (t11 * dx - t01 * dy) / det;
        double b1 = (-t10 * dx + t00 * dy) / det;
        return new double[] {b0, b1, 1.0 - b0 - b1};
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void neighbourOrderIsScipys(ScipyFixture f) {
        int[][] csr = CloughTocherGradients.vertexNeighbors(mesh(f));
        assertArrayEquals(ints(f, "vnv_indptr"), csr[0], f.name() + ": indptr");
        assertArrayEquals(ints(f, "vnv_indices"), csr[1], f.name() + ": indices");
    }

    static double[] gradients(ScipyFixture f, Mesh mesh, int[] converged) {
        int n = f.integer("n");
        int m = f.integer("m");
        int[][] csr = CloughTocherGradients.vertexNeighbors(mesh);
        double[] values = f.doubles("values");
        double[] grad = new double[n * m * 2];
        for (int c = 0; c < m; c++) {
            converged[c] = CloughTocherGradients.estimate(mesh.points(), csr[0], csr[1], values, m, c,
                    f.integer("maxiter"), f.number("tol"), grad);
        }
        return grad;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void gradientsReplayScipysSweep(ScipyFixture f) {
        Mesh mesh = mesh(f);
        int[] iters = new int[f.integer("m")];
        double[] grad = gradients(f, mesh, iters);
        boolean scipyConverged = Boolean.parseBoolean(f.get("converged").trim());
        for (int it : iters) {
            assertEquals(scipyConverged, it != 0, f.name() + ": converged");
        }
        double[] expected = f.doubles("grad");
        double big = 1.0;
        for (double g : expected) {
            big = Math.max(big, Math.abs(g));
        }
        double worst = 0;
        int identical = 0;
        for (int i = 0; i < grad.length; i++) {
            worst = Math.max(worst, Math.abs(grad[i] - expected[i]) / big);
            if (Double.doubleToLongBits(grad[i]) == Double.doubleToLongBits(expected[i])) {
                identical++;
            }
        }
        System.out.printf("CloughTocher %s gradients: %d of %d bit-identical, max relative error %.3g%n",
                f.name(), identical, grad.length, worst);
        assertTrue(worst <= GRAD_TOL, f.name() + ": gradient error " + worst);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void valuesAgreeWithScipy(ScipyFixture f) {
        Mesh mesh = mesh(f);
        int m = f.integer("m");
        CloughTocherKernel kernel = CloughTocherKernel.fit(mesh, f.doubles("values"), m, f.integer("maxiter"),
                f.number("tol"));
        assertEquals(Boolean.parseBoolean(f.get("converged").trim()), kernel.converged(), f.name() + ": converged");
        double[] queries = f.doubles("queries");
        if (Boolean.parseBoolean(f.get("rescale").trim())) {
            queries = rescaleQueries(f.doubles("points"), queries);
            // the rule reproduces scipy's rescaled points bit for bit
            assertArrayEquals(f.doubles("tri_points"), rescaleQueries(f.doubles("points"), f.doubles("points")),
                    f.name() + ": rescaled points");
        }
        int q = f.integer("q");
        int[] scipySimplex = ints(f, "simplex");
        double[] expected = f.doubles("expected");
        double fill = f.number("fill_value");
        double scale = f.number("scale");
        double[] out = new double[m];
        double worst = 0;
        for (int i = 0; i < q; i++) {
            double x = queries[2 * i];
            double y = queries[2 * i + 1];
            int t = locate(mesh, x, y);
            assertEquals(scipySimplex[i] < 0, t < 0, f.name() + ": query " + i + " inside/outside");
            if (t < 0) {
                for (int c = 0; c < m; c++) {
                    assertEquals(fill, expected[i * m + c], 0.0, f.name() + ": fill at query " + i);
                }
                continue;
            }
            double[] b = barycentric(mesh, t, x, y);
            kernel.evaluate(mesh.points(), t, b[0], b[1], b[2], out, 0);
            for (int c = 0; c < m; c++) {
                double err = Math.abs(out[c] - expected[i * m + c]) / scale;
                assertTrue(err <= TOL, f.name() + ": query " + i + " column " + c + ": " + out[c] + " vs scipy "
                        + expected[i * m + c] + " (relative error " + err + ")");
                worst = Math.max(worst, err);
            }
        }
        System.out.printf("CloughTocher %s: max relative error %.3g%n", f.name(), worst);
    }

    static double[][] rows(double[] flat, int width) {
        double[][] out = new double[flat.length / width][];
        for (int i = 0; i < out.length; i++) {
            out[i] = java.util.Arrays.copyOfRange(flat, i * width, i * width + width);
        }
        return out;
    }

    /** The worst relative error of {@code ours} (row-major, m columns) against the fixture's expected values. */
    static double compare(ScipyFixture f, double[] ours, String what) {
        double[] expected = f.doubles("expected");
        double scale = f.number("scale");
        double fill = f.number("fill_value");
        int m = f.integer("m");
        assertEquals(expected.length, ours.length, f.name() + " " + what);
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            String msg = f.name() + " " + what + ": query " + i / m + " column " + i % m;
            if (f.doubles("simplex")[i / m] < 0) {
                assertEquals(Double.doubleToLongBits(fill), Double.doubleToLongBits(ours[i]), msg + " (fill)");
                continue;
            }
            double err = Math.abs(ours[i] - expected[i]) / scale;
            assertTrue(err <= TOL, msg + ": " + ours[i] + " vs scipy " + expected[i] + " (relative error " + err + ")");
            worst = Math.max(worst, err);
        }
        return worst;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void publicApiAgreesWithScipy(ScipyFixture f) {
        int m = f.integer("m");
        double[][] points = rows(f.doubles("points"), 2);
        double[][] values = rows(f.doubles("values"), m);
        boolean rescale = Boolean.parseBoolean(f.get("rescale").trim());
        CloughTocher2DInterpolator ip = new CloughTocher2DInterpolator(points, values, f.number("fill_value"),
                f.number("tol"), f.integer("maxiter"), rescale);
        assertEquals(Boolean.parseBoolean(f.get("converged").trim()), ip.converged(), f.name() + ": converged");
        double[] queries = f.doubles("queries");
        double worst = compare(f, ip.valuesColumns(queries), "public API");
        System.out.printf("CloughTocher2DInterpolator %s (own triangulation): max relative error %.3g%n", f.name(),
                worst);
        if (!rescale) {
            CloughTocher2DInterpolator pre = new CloughTocher2DInterpolator(new Delaunay(points), values,
                    f.number("fill_value"), f.number("tol"), f.integer("maxiter"));
            assertArrayEquals(ip.valuesColumns(queries), pre.valuesColumns(queries), f.name() + ": prebuilt");
        }
        if (f.number("tol") == CloughTocher2DInterpolator.DEFAULT_TOL
                && f.integer("maxiter") == CloughTocher2DInterpolator.DEFAULT_MAXITER) {
            double[][] g = Griddata.griddataColumns(points, values, rows(queries, 2), Griddata.Method.CUBIC,
                    f.number("fill_value"), rescale);
            double[] flat = new double[g.length * m];
            for (int j = 0; j < g.length; j++) {
                System.arraycopy(g[j], 0, flat, j * m, m);
            }
            assertArrayEquals(ip.valuesColumns(queries), flat, f.name() + ": griddata CUBIC");
        }
    }
}
