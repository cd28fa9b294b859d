package io.github.interp4j.interpolate;

import io.github.interp4j.interpolate.internal.rbf.RbfModel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.interp4j.interpolate.RBFInterpolator.Kernel;
import io.github.interp4j.interpolate.internal.rbf.FastLog;
import io.github.interp4j.interpolate.internal.search.KdTree;
import io.github.interp4j.interpolate.internal.rbf.RbfEvaluation;
import io.github.interp4j.interpolate.internal.rbf.RbfMonomials;
import io.github.interp4j.interpolate.internal.validation.QueryBatch;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Contract tests of {@link RBFInterpolator}: validation, errors, interpolation properties, parallel determinism. */
class RBFInterpolatorTest {
    /** Residual allowed at the data points, relative to max|values| (the systems here are well conditioned). */
    static final double INTERPOLATION_TOL = 1e-10;
    /** Agreement of a multi-column fit with per-column fits (same system, different right-hand-side blocking). */
    static final double COLUMN_TOL = 1e-12;

    private static double[][] randomPoints(Random rnd, int n, int d) {
        double[][] p = new double[n][d];
        for (double[] row : p) {
            for (int k = 0; k < d; k++) {
                row[k] = rnd.nextDouble();
            }
        }
        return p;
    }

    private static double f(double[] x) {
        double v = Math.sin(3 * x[0]);
        for (int k = 1; k < x.length; k++) {
            v *= Math.cos(2 * x[k]);
        }
        return v;
    }

    private static double[] values(double[][] p) {
        double[] v = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            v[i] = f(p[i]);
        }
        return v;
    }

    private static String message(Class<? extends Throwable> type, Runnable r) {
        return assertThrows(type, r::run).getMessage();
    }

    // ---------------------------------------------------------------- validation

    @Test
    void rejectsNullsAndShapes() {
        double[][] p = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};
        double[] v = {1, 2, 3, 4};
        assertEquals("points must not be null", message(NullPointerException.class, () -> new RBFInterpolator(null, v)));
        assertEquals("values must not be null", message(NullPointerException.class, () -> new RBFInterpolator(p, null)));
        assertEquals("points must have at least 1 row",
                message(IllegalArgumentException.class, () -> new RBFInterpolator(new double[0][], new double[0])));
        assertEquals("points[2] must not be null", message(NullPointerException.class,
                () -> new RBFInterpolator(new double[][] {{0, 0}, {1, 0}, null, {1, 1}}, v)));
        assertEquals("points must be rectangular: points[1].length = 3, expected 2", message(
                IllegalArgumentException.class, () -> new RBFInterpolator(new double[][] {{0, 0}, {1, 0, 2}, {0, 1}, {1, 1}}, v)));
        assertEquals("points[0] must have at least 1 coordinate", message(IllegalArgumentException.class,
                () -> new RBFInterpolator(new double[][] {{}, {}}, new double[2])));
        assertEquals("points and values must have the same number of rows: points.length = 4, values.length = 3",
                message(IllegalArgumentException.class, () -> new RBFInterpolator(p, new double[] {1, 2, 3})));
        assertEquals("values must be rectangular: values[1].length = 1, expected 2", message(IllegalArgumentException.class,
                () -> RBFInterpolator.builder(p, new double[][] {{1, 2}, {3}, {5, 6}, {7, 8}}).build()));
        assertEquals("values must have at least 1 column, values[0].length = 0", message(IllegalArgumentException.class,
                () -> RBFInterpolator.builder(p, new double[4][0]).build()));
    }

    @Test
    void rejectsNonFiniteData() {
        double[][] p = {{0, 0}, {1, 0}, {0, Double.NaN}, {1, 1}};
        double[] v = {1, 2, 3, 4};
        assertEquals("points[2][1] = NaN is not finite",
                message(IllegalArgumentException.class, () -> new RBFInterpolator(p, v)));
        double[][] q = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};
        assertEquals("values[3] = Infinity is not finite", message(IllegalArgumentException.class,
                () -> new RBFInterpolator(q, new double[] {1, 2, 3, Double.POSITIVE_INFINITY})));
        assertEquals("values[1][0] = -Infinity is not finite", message(IllegalArgumentException.class,
                () -> RBFInterpolator.builder(q, new double[][] {{1}, {Double.NEGATIVE_INFINITY}, {3}, {4}}).build()));
    }

    @Test
    void rejectsBadOptions() {
        double[][] p = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};
        double[] v = {1, 2, 3, 4};
        assertEquals("epsilon must be finite and positive, was 0.0",
                message(IllegalArgumentException.class, () -> RBFInterpolator.builder(p, v).epsilon(0)));
        assertEquals("epsilon must be finite and positive, was -1.0",
                message(IllegalArgumentException.class, () -> RBFInterpolator.builder(p, v).epsilon(-1)));
        assertEquals("epsilon must be finite and positive, was NaN",
                message(IllegalArgumentException.class, () -> RBFInterpolator.builder(p, v).epsilon(Double.NaN)));
        assertEquals("smoothing must be finite and at least 0, was -0.5",
                message(IllegalArgumentException.class, () -> RBFInterpolator.builder(p, v).smoothing(-0.5)));
        assertEquals("smoothing[2] = -1.0 must be at least 0", message(IllegalArgumentException.class,
                () -> RBFInterpolator.builder(p, v).smoothing(new double[] {0, 0, -1, 0}).build()));
        assertEquals("smoothing[1] = NaN is not finite", message(IllegalArgumentException.class,
                () -> RBFInterpolator.builder(p, v).smoothing(new double[] {0, Double.NaN, 0, 0}).build()));
        assertEquals("smoothing must have one element per point: smoothing.length = 3, points.length = 4",
                message(IllegalArgumentException.class,
                        () -> RBFInterpolator.builder(p, v).smoothing(new double[] {0, 0, 0}).build()));
        assertEquals("degree must be at least -1, was -2",
                message(IllegalArgumentException.class, () -> RBFInterpolator.builder(p, v).degree(-2)));
        assertEquals("neighbors must be at least 1, was 0",
                message(IllegalArgumentException.class, () -> RBFInterpolator.builder(p, v).neighbors(0)));
        assertEquals("memoryBudgetBytes must be at least 1, was 0",
                message(IllegalArgumentException.class, () -> RBFInterpolator.builder(p, v).memoryBudgetBytes(0)));
        String eps = message(IllegalArgumentException.class,
                () -> RBFInterpolator.builder(p, v).kernel(Kernel.GAUSSIAN).build());
        assertTrue(eps.startsWith("epsilon must be specified if the kernel is not one of"), eps);
        assertTrue(eps.contains("gaussian"), eps);
        // scale-invariant kernels default to epsilon 1
        for (Kernel k : new Kernel[] {Kernel.LINEAR, Kernel.THIN_PLATE_SPLINE, Kernel.CUBIC}) {
            assertEquals(1.0, RBFInterpolator.builder(p, v).kernel(k).build().epsilon());
        }
    }

    @Test
    void defaultsAreScipys() {
        double[][] p = randomPoints(new Random(1), 20, 2);
        RBFInterpolator r = new RBFInterpolator(p, values(p));
        assertEquals(Kernel.THIN_PLATE_SPLINE, r.kernel());
        assertEquals(1, r.degree());
        assertEquals(1.0, r.epsilon());
        assertEquals(0, r.neighbors());
        assertArrayEquals(new double[20], r.smoothing());
        assertEquals(0, Kernel.LINEAR.minDegree());
        assertEquals(1, Kernel.THIN_PLATE_SPLINE.minDegree());
        assertEquals(1, Kernel.CUBIC.minDegree());
        assertEquals(2, Kernel.QUINTIC.minDegree());
        assertEquals(0, Kernel.MULTIQUADRIC.minDegree());
        assertEquals(-1, Kernel.GAUSSIAN.minDegree());
        assertEquals(0, RBFInterpolator.builder(p, values(p)).kernel(Kernel.GAUSSIAN).epsilon(1).build().degree());
        assertEquals(2, RBFInterpolator.builder(p, values(p)).kernel(Kernel.QUINTIC).build().degree());
    }

    @Test
    void kernelFormulasAreScipys() {
        double r = 0.7;
        assertEquals(-r, Kernel.LINEAR.apply(r), 1e-15);
        assertEquals(r * r * Math.log(r), Kernel.THIN_PLATE_SPLINE.apply(r), 1e-15);
        assertEquals(0.0, Kernel.THIN_PLATE_SPLINE.apply(0.0), 0.0);
        assertEquals(r * r * r, Kernel.CUBIC.apply(r), 1e-15);
        assertEquals(-Math.pow(r, 5), Kernel.QUINTIC.apply(r), 1e-15);
        assertEquals(-Math.sqrt(1 + r * r), Kernel.MULTIQUADRIC.apply(r), 1e-15);
        assertEquals(1 / Math.sqrt(1 + r * r), Kernel.INVERSE_MULTIQUADRIC.apply(r), 1e-15);
        assertEquals(1 / (1 + r * r), Kernel.INVERSE_QUADRATIC.apply(r), 1e-15);
        assertEquals(Math.exp(-r * r), Kernel.GAUSSIAN.apply(r), 1e-15);
        assertEquals("thin_plate_spline", Kernel.THIN_PLATE_SPLINE.scipyName());
    }

    @Test
    void monomialPowersInScipyOrder() {
        // scipy: _monomial_powers(2, 2) = [[0,0],[1,0],[0,1],[2,0],[1,1],[0,2]]
        assertArrayEquals(new int[] {0, 0, 1, 0, 0, 1, 2, 0, 1, 1, 0, 2}, RbfMonomials.powers(2, 2));
        // _monomial_powers(3, 1) = [[0,0,0],[1,0,0],[0,1,0],[0,0,1]]
        assertArrayEquals(new int[] {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1}, RbfMonomials.powers(3, 1));
        assertEquals(0, RbfMonomials.powers(3, -1).length);
        assertEquals(15, RbfMonomials.count(4, 2));
        assertEquals(35, RbfMonomials.count(3, 4));
    }

    // ---------------------------------------------------------------- errors

    @Test
    void duplicatePointsWithZeroSmoothingAreNamed() {
        double[][] p = {{0, 0}, {1, 0}, {0.5, 0.25}, {0, 1}, {1, 1}, {0.5, 0.25}};
        double[] v = {1, 2, 3, 4, 5, 6};
        String msg = message(IllegalArgumentException.class, () -> new RBFInterpolator(p, v));
        assertTrue(msg.startsWith("duplicate points with zero smoothing: points[2] and points[5] are both [0.5, 0.25]"),
                msg);
        // -0.0 and 0.0 are the same point
        double[][] z = {{0.0, 1}, {1, 0}, {0, 0}, {-0.0, 1}};
        String msg2 = message(IllegalArgumentException.class, () -> new RBFInterpolator(z, new double[] {1, 2, 3, 4}));
        assertTrue(msg2.contains("points[0] and points[3]"), msg2);
        // with smoothing on one of them the system is regular
        double[] s = {0, 0, 0, 0, 0, 0.1};
        RBFInterpolator ok = RBFInterpolator.builder(p, v).smoothing(s).build();
        assertTrue(Double.isFinite(ok.value(0.5, 0.25)));
        // and with neighbors = 1 the local systems never hold both
        assertEquals(1, RBFInterpolator.builder(p, v).kernel(Kernel.GAUSSIAN).epsilon(1).neighbors(1).build()
                .neighbors());
    }

    @Test
    void tooFewPointsForThePolynomialNamesTheCounts() {
        double[][] p = {{0, 0}, {1, 0}};
        String msg = message(IllegalArgumentException.class, () -> new RBFInterpolator(p, new double[] {1, 2}));
        assertEquals("At least 3 data points are required when degree is 1 and the number of dimensions is 2; "
                + "got 2 data points", msg);
        double[][] q = randomPoints(new Random(2), 30, 3);
        String msg2 = message(IllegalArgumentException.class,
                () -> RBFInterpolator.builder(q, values(q)).kernel(Kernel.QUINTIC).neighbors(8).build());
        assertEquals("At least 10 data points are required when degree is 2 and the number of dimensions is 3; "
                + "got neighbors = 8", msg2);
    }

    @Test
    void collinearPointsGiveScipysSingularMatrixError() {
        double[][] p = new double[10][];
        double[] v = new double[10];
        for (int i = 0; i < 10; i++) {
            p[i] = new double[] {i, 0.3 * i + 0.1};
            v[i] = i;
        }
        String msg = message(IllegalArgumentException.class, () -> new RBFInterpolator(p, v));
        assertEquals("Singular matrix. The matrix of monomials evaluated at the data point coordinates does not "
                + "have full column rank (2/3).", msg);
    }

    @Test
    void hugeSystemFailsFastWithoutAllocating() {
        int n = 300_000;
        double[][] p = new double[n][];
        double[] v = new double[n];
        Random rnd = new Random(3);
        for (int i = 0; i < n; i++) {
            p[i] = new double[] {rnd.nextDouble(), rnd.nextDouble()};
        }
        AtomicReference<String> msg = new AtomicReference<>();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> msg.set(
                message(IllegalArgumentException.class, () -> new RBFInterpolator(p, v))));
        assertTrue(msg.get().startsWith("RBFInterpolator with 300000 points and 3 monomials needs a 300003 x 300003 "
                + "system: about "), msg.get());
        assertTrue(msg.get().contains("bytes available"), msg.get());
        assertTrue(msg.get().contains("neighbors(k)"), msg.get());
        // the local interpolant needs no global system
        RBFInterpolator local = RBFInterpolator.builder(p, v).neighbors(20).build();
        assertEquals(20, local.neighbors());
    }

    // ---------------------------------------------------------------- properties

    @ParameterizedTest
    @EnumSource(Kernel.class)
    void zeroSmoothingReproducesTheData(Kernel kernel) {
        Random rnd = new Random(kernel.ordinal());
        double[][] p = randomPoints(rnd, 80, 2);
        double[] v = values(p);
        RBFInterpolator.Builder b = RBFInterpolator.builder(p, v).kernel(kernel);
        if (!kernel.scaleInvariant()) {
            b.epsilon(3.0);
        }
        RBFInterpolator r = b.build();
        double[] at = r.values(p);
        double max = 0;
        for (double x : v) {
            max = Math.max(max, Math.abs(x));
        }
        for (int i = 0; i < p.length; i++) {
            assertEquals(v[i], at[i], INTERPOLATION_TOL * max, kernel + " at point " + i);
        }
        assertTrue(r.solvedByCholesky(), kernel + " with its default degree uses the Cholesky path");
    }

    @Test
    void smoothingDoesNotInterpolate() {
        double[][] p = randomPoints(new Random(4), 50, 2);
        double[] v = values(p);
        RBFInterpolator r = RBFInterpolator.builder(p, v).smoothing(1.0).build();
        double maxRes = 0;
        for (int i = 0; i < p.length; i++) {
            maxRes = Math.max(maxRes, Math.abs(r.value(p[i]) - v[i]));
        }
        assertTrue(maxRes > 1e-3, "smoothing must leave residuals, got " + maxRes);
    }

    @Test
    void linearDataIsReproducedByThinPlateWithDegreeOne() {
        Random rnd = new Random(5);
        double[][] p = randomPoints(rnd, 100, 2);
        double[] v = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            v[i] = 2.0 + 3.0 * p[i][0] - p[i][1];
        }
        RBFInterpolator r = new RBFInterpolator(p, v);
        for (int t = 0; t < 200; t++) {
            double x = rnd.nextDouble() * 3 - 1;
            double y = rnd.nextDouble() * 3 - 1;
            assertEquals(2.0 + 3.0 * x - y, r.value(x, y), 1e-11, "at " + x + ", " + y);
        }
        for (int c = 0; c < 1; c++) {
            double maxA = 0;
            for (double a : r.kernelCoefficients(c)) {
                maxA = Math.max(maxA, Math.abs(a));
            }
            // zero up to rounding times the condition number (scipy's are about 1e-11 on such data)
            assertTrue(maxA < 1e-9, "kernel coefficients of linear data vanish, max " + maxA);
        }
        // quadratic data with degree 2 (cubic kernel)
        double[] w = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            w[i] = 1 + p[i][0] * p[i][1] - 2 * p[i][1] * p[i][1];
        }
        RBFInterpolator q = RBFInterpolator.builder(p, w).kernel(Kernel.CUBIC).degree(2).build();
        assertEquals(1 + 0.3 * 0.6 - 2 * 0.36, q.value(0.3, 0.6), 1e-11);
    }

    @Test
    void batchIsBitForBitThePointResultHoweverSplit() {
        Random rnd = new Random(6);
        double[][] p = randomPoints(rnd, 400, 2);
        RBFInterpolator r = new RBFInterpolator(p, values(p));
        int q = 6000; // q * (n + r) work units: several parallel chunks
        double[][] x = randomPoints(rnd, q, 2);
        x[17][0] = Double.NaN;
        double[] batch = r.values(x);
        double[] sub = new double[q];
        for (int from = 0; from < q; from += 777) {
            int to = Math.min(q, from + 777);
            double[] part = r.values(Arrays.copyOfRange(x, from, to));
            System.arraycopy(part, 0, sub, from, to - from);
        }
        for (int i = 0; i < q; i++) {
            double single = r.value(x[i]);
            assertEquals(Double.doubleToLongBits(single), Double.doubleToLongBits(batch[i]), "query " + i);
            assertEquals(Double.doubleToLongBits(single), Double.doubleToLongBits(sub[i]), "query " + i);
        }
        assertTrue(Double.isNaN(batch[17]));
        double[][] cols = r.valuesColumns(x);
        for (int i = 0; i < q; i++) {
            assertEquals(Double.doubleToLongBits(batch[i]), Double.doubleToLongBits(cols[i][0]), "query " + i);
        }
    }

    @Test
    void multiColumnEqualsPerColumn() {
        Random rnd = new Random(7);
        double[][] p = randomPoints(rnd, 150, 3);
        for (int m : new int[] {2, 3, 6}) {
            double[][] v = new double[p.length][m];
            for (int i = 0; i < p.length; i++) {
                for (int c = 0; c < m; c++) {
                    v[i][c] = Math.sin(p[i][0] * (c + 1)) + p[i][1] * c - p[i][2];
                }
            }
            RBFInterpolator all = RBFInterpolator.builder(p, v).kernel(Kernel.CUBIC).smoothing(1e-3).build();
            double[][] x = randomPoints(rnd, 3000, 3);
            double[][] got = all.valuesColumns(x);
            for (int c = 0; c < m; c++) {
                double[] col = new double[p.length];
                for (int i = 0; i < p.length; i++) {
                    col[i] = v[i][c];
                }
                RBFInterpolator one = RBFInterpolator.builder(p, col).kernel(Kernel.CUBIC).smoothing(1e-3).build();
                double[] expect = one.values(x);
                for (int i = 0; i < x.length; i++) {
                    assertEquals(expect[i], got[i][c], COLUMN_TOL * Math.max(1, Math.abs(expect[i])),
                            "m = " + m + ", column " + c + ", query " + i);
                }
                double[] point = all.valueColumns(x[5]);
                assertEquals(expect[5], point[c], COLUMN_TOL * Math.max(1, Math.abs(expect[5])));
            }
            assertThrows(IllegalStateException.class, () -> all.value(x[0]));
        }
    }

    @Test
    void gemmAndFusedColumnStrategiesAgree() throws Exception {
        Random rnd = new Random(8);
        double[][] p = randomPoints(rnd, 300, 2);
        double[][] v = new double[p.length][5];
        for (int i = 0; i < p.length; i++) {
            for (int c = 0; c < 5; c++) {
                v[i][c] = Math.cos(p[i][0] * (c + 2)) * p[i][1];
            }
        }
        RBFInterpolator r = RBFInterpolator.builder(p, v).memoryBudgetBytes(100_000).build();
        double[][] x = randomPoints(rnd, 4000, 2);
        java.lang.reflect.Field fm = RBFInterpolator.class.getDeclaredField("model");
        fm.setAccessible(true);
        io.github.interp4j.interpolate.internal.rbf.RbfModel model =
                (io.github.interp4j.interpolate.internal.rbf.RbfModel) fm.get(r);
        QueryBatch q = QueryBatch.ofRows(x, 2);
        double[] fused = RbfEvaluation.columns(model, q, 100_000, RbfEvaluation.ColumnStrategy.FUSED);
        double[] gemm = RbfEvaluation.columns(model, q, 100_000, RbfEvaluation.ColumnStrategy.GEMM);
        for (int i = 0; i < x.length; i++) {
            for (int c = 0; c < 5; c++) {
                assertEquals(fused[i * 5 + c], gemm[i * 5 + c], 1e-12 * Math.max(1, Math.abs(fused[i * 5 + c])));
            }
        }
    }

    @Test
    void nonFiniteQueriesGiveNaN() {
        double[][] p = randomPoints(new Random(9), 30, 2);
        RBFInterpolator r = new RBFInterpolator(p, values(p));
        assertTrue(Double.isNaN(r.value(Double.NaN, 0.5)));
        assertTrue(Double.isNaN(r.value(0.5, Double.POSITIVE_INFINITY)));
        RBFInterpolator local = RBFInterpolator.builder(p, values(p)).neighbors(10).build();
        assertTrue(Double.isNaN(local.value(Double.NaN, 0.5)));
        assertThrows(IllegalArgumentException.class, () -> r.value(0.5));
        assertThrows(IllegalArgumentException.class, () -> r.values(new double[][] {{0.5, 0.5}, {0.5}}));
        assertThrows(NullPointerException.class, () -> r.values(new double[][] {{0.5, 0.5}, null}));
    }

    @Test
    void neighborsCoveringAllPointsEqualTheGlobalFit() {
        Random rnd = new Random(10);
        double[][] p = randomPoints(rnd, 60, 2);
        double[] v = values(p);
        RBFInterpolator global = new RBFInterpolator(p, v);
        RBFInterpolator local = RBFInterpolator.builder(p, v).neighbors(1000).build();
        assertEquals(60, local.neighbors());
        double[][] x = randomPoints(rnd, 50, 2);
        double[] a = global.values(x);
        double[] b = local.values(x);
        for (int i = 0; i < x.length; i++) {
            assertEquals(a[i], b[i], 1e-12);
            assertEquals(Double.doubleToLongBits(b[i]), Double.doubleToLongBits(local.value(x[i])));
        }
        assertThrows(IllegalStateException.class, () -> local.kernelCoefficients(0));
    }

    @Test
    void localBatchDoesNotDependOnChunking() {
        Random rnd = new Random(11);
        double[][] p = randomPoints(rnd, 500, 2);
        double[] v = values(p);
        RBFInterpolator big = RBFInterpolator.builder(p, v).neighbors(12).build();
        RBFInterpolator small = RBFInterpolator.builder(p, v).neighbors(12).memoryBudgetBytes(2000).build();
        double[][] x = randomPoints(rnd, 3000, 2);
        double[] a = big.values(x);
        double[] b = small.values(x);
        for (int i = 0; i < x.length; i++) {
            assertEquals(Double.doubleToLongBits(a[i]), Double.doubleToLongBits(b[i]), "query " + i);
        }
    }

    // ---------------------------------------------------------------- internals

    @Test
    void kdTreeMatchesBruteForceIncludingTies() {
        Random rnd = new Random(12);
        // a grid has many equal distances: ties are broken by the lower index
        int g = 12;
        double[] grid = new double[g * g * 2];
        for (int i = 0; i < g * g; i++) {
            grid[2 * i] = i % g;
            grid[2 * i + 1] = i / g;
        }
        double[] rand = new double[700 * 3];
        for (int i = 0; i < rand.length; i++) {
            rand[i] = rnd.nextDouble();
        }
        for (Object[] c : new Object[][] {{grid, g * g, 2}, {rand, 700, 3}}) {
            double[] pts = (double[]) c[0];
            int n = (Integer) c[1];
            int d = (Integer) c[2];
            KdTree tree = new KdTree(pts, n, d);
            for (int k : new int[] {1, 4, 9, 30}) {
                KdTree.Heap heap = new KdTree.Heap(k);
                int[] got = new int[k];
                for (int t = 0; t < 200; t++) {
                    double[] q = new double[d];
                    for (int j = 0; j < d; j++) {
                        q[j] = d == 2 ? Math.floor(rnd.nextDouble() * g * 2) / 2 : rnd.nextDouble();
                    }
                    tree.nearest(q, heap, got);
                    assertArrayEquals(bruteForce(pts, n, d, q, k), got, "k = " + k + ", q = " + Arrays.toString(q));
                }
            }
        }
    }

    private static int[] bruteForce(double[] pts, int n, int d, double[] q, int k) {
        Integer[] idx = new Integer[n];
        double[] dist = new double[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
            double s = 0;
            for (int j = 0; j < d; j++) {
                double t = q[j] - pts[i * d + j];
                s += t * t;
            }
            dist[i] = s;
        }
        Arrays.sort(idx, (a, b) -> dist[a] != dist[b] ? Double.compare(dist[a], dist[b]) : Integer.compare(a, b));
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = idx[i];
        }
        Arrays.sort(out);
        return out;
    }

    @Test
    void fastLogIsWithinTwoUlps() {
        Random rnd = new Random(13);
        for (int t = 0; t < 2_000_000; t++) {
            double x;
            switch (t % 3) {
                case 0:
                    x = Math.exp((rnd.nextDouble() - 0.5) * 1400);
                    break;
                case 1:
                    x = 1 + (rnd.nextDouble() - 0.5) * 1e-2;
                    break;
                default:
                    x = rnd.nextDouble() * 4;
                    break;
            }
            if (!(x >= Double.MIN_NORMAL) || Double.isInfinite(x)) {
                continue;
            }
            double exact = Math.log(x);
            double err = Math.abs(FastLog.log(x) - exact);
            assertTrue(err <= 2 * Math.ulp(exact), "log(" + x + "): " + FastLog.log(x) + " vs " + exact);
        }
        assertEquals(0.0, FastLog.log(1.0), 0.0);
        // finite at 0 and subnormals, so that r^2 log r^2 is 0 there
        assertTrue(Double.isFinite(FastLog.log(0.0)));
        assertTrue(Double.isFinite(FastLog.log(Double.MIN_VALUE)));
        assertEquals(0.0, 0.0 * FastLog.log(0.0), 0.0);
    }

    @Test
    void degreeBelowMinimumIsSolvedByLu() {
        double[][] p = randomPoints(new Random(14), 40, 2);
        RBFInterpolator r = RBFInterpolator.builder(p, values(p)).degree(0).build();
        assertFalse(r.solvedByCholesky());
        double[] at = r.values(p);
        for (int i = 0; i < p.length; i++) {
            assertEquals(f(p[i]), at[i], 1e-10);
        }
    }
}
