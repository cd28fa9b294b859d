package io.github.interp4j.interpolate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.interp4j.interpolate.RegularGridInterpolator.Method;
import io.github.interp4j.interpolate.RegularGridInterpolator.OutOfGridException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Contract tests of {@link RegularGridInterpolator} that need no scipy reference: validation and its
 * messages, reproduction of the data at the nodes, exactness on multilinear data, NaN and infinite
 * queries, out-of-range modes, bit-for-bit agreement of the batch (parallel), single-point and
 * outer-product evaluations, descending axes, serialisation.
 */
class RegularGridInterpolatorTest {
    /** Relative tolerance for results that are exact in exact arithmetic (rounding only). */
    static final double ROUNDING = 1e-12;
    /**
     * Relative tolerance for the quintic spline at its nodes in 4-D and 5-D on 6-7 uneven points per axis:
     * the not-a-knot quintic collocation inverse has an infinity norm up to ~140 per axis there, so the
     * coefficients reach 1e5-1e6 times the data and the value at a node is a sum of 6^d terms that cancel
     * down to the datum. scipy's exact solve ({@code solver=spsolve}) misses its nodes by 2e-11 (relative
     * 2e-12) on the same 4-D problem; interp4j by 1.7e-11 (4-D) and 2e-10 (5-D, relative 2e-11).
     */
    static final double QUINTIC_HIGH_DIM_NODES = 1e-10;

    // ---------------------------------------------------------------------------------------------
    // helpers
    // ---------------------------------------------------------------------------------------------

    static double[] uneven(SplittableRandom rnd, int n, double lo, double hi) {
        double[] x = new double[n];
        double s = 0;
        for (int i = 1; i < n; i++) {
            s += 0.3 + rnd.nextDouble();
            x[i] = s;
        }
        for (int i = 0; i < n; i++) {
            x[i] = lo + (hi - lo) * x[i] / s;
        }
        x[n - 1] = hi;
        return x;
    }

    static double[] random(SplittableRandom rnd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextDouble() * 20 - 10;
        }
        return v;
    }

    static double[][] grid3(SplittableRandom rnd, int n0, int n1, int n2) {
        return new double[][] {uneven(rnd, n0, -1, 2), uneven(rnd, n1, 0, 3), uneven(rnd, n2, -2, -0.5)};
    }

    static int size(double[][] grid) {
        int s = 1;
        for (double[] g : grid) {
            s *= g.length;
        }
        return s;
    }

    /** Points uniformly in the grid's box widened by {@code margin} of each range on both sides. */
    static double[][] points(SplittableRandom rnd, double[][] grid, int m, double margin) {
        double[][] p = new double[m][grid.length];
        for (int j = 0; j < m; j++) {
            for (int a = 0; a < grid.length; a++) {
                double lo = Math.min(grid[a][0], grid[a][grid[a].length - 1]);
                double hi = Math.max(grid[a][0], grid[a][grid[a].length - 1]);
                double span = hi - lo;
                p[j][a] = lo - margin * span + (1 + 2 * margin) * span * rnd.nextDouble();
            }
        }
        return p;
    }

    static void assertBitsEqual(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            if (Double.doubleToLongBits(expected[i]) != Double.doubleToLongBits(actual[i])) {
                throw new AssertionError(what + "[" + i + "]: " + expected[i] + " != " + actual[i]);
            }
        }
    }

    /** Writes {@code o} to a byte stream and reads it back. */
    @SuppressWarnings("unchecked")
    static <T> T roundTrip(T o) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    static String message(Class<? extends Throwable> type, Runnable r) {
        return assertThrows(type, r::run).getMessage();
    }

    static void assertContains(String haystack, String... needles) {
        for (String n : needles) {
            assertTrue(haystack.contains(n), () -> "message '" + haystack + "' lacks '" + n + "'");
        }
    }

    // ---------------------------------------------------------------------------------------------
    // validation
    // ---------------------------------------------------------------------------------------------

    @Test
    void validatesNullsAndShapes() {
        double[][] g = {{0, 1, 2}, {0, 1, 2, 3}};
        double[] v = new double[12];
        assertContains(message(NullPointerException.class, () -> new RegularGridInterpolator(null, v)), "grid");
        assertContains(message(NullPointerException.class, () -> new RegularGridInterpolator(g, null)), "values");
        assertContains(message(NullPointerException.class,
                () -> new RegularGridInterpolator(g, v, null)), "method");
        assertContains(message(NullPointerException.class,
                () -> new RegularGridInterpolator(new double[][] {{0, 1}, null}, v)), "grid[1]");
        assertContains(message(IllegalArgumentException.class,
                () -> new RegularGridInterpolator(new double[0][], new double[1])), "at least 1 axis");
        assertContains(message(IllegalArgumentException.class,
                () -> new RegularGridInterpolator(g, new double[11])), "values.length = 11", "3 * 4 = 12");
        assertContains(message(IllegalArgumentException.class,
                () -> new RegularGridInterpolator(new double[][] {{0, 1}, {}}, new double[0])),
                "0 points in dimension 1");
        double[][] many = new double[31][];
        for (int a = 0; a < many.length; a++) {
            many[a] = new double[] {a};
        }
        assertContains(message(IllegalArgumentException.class, () -> new RegularGridInterpolator(many, new double[1])),
                "at most 30 dimensions, got 31");
        double[] corner = IntStream.range(0, 31).asDoubleStream().toArray();
        assertEquals(4.5, new RegularGridInterpolator(many, new double[] {4.5}, Method.NEAREST).value(corner));
    }

    @Test
    void validatesMinimumPointsPerMethod() {
        int[] expected = {1, 1, 2, 4, 6, 4};
        Method[] methods = Method.values();
        for (int i = 0; i < methods.length; i++) {
            assertEquals(expected[i], methods[i].minPoints(), methods[i].name());
        }
        double[][] g = {{0, 1, 2, 3, 4, 5}, {0, 1, 2}};
        double[] v = new double[18];
        for (Method m : new Method[] {Method.CUBIC, Method.QUINTIC, Method.PCHIP}) {
            String msg = message(IllegalArgumentException.class, () -> new RegularGridInterpolator(g, v, m));
            assertContains(msg, "3 points in dimension 1", "method " + m.scipyName(),
                    "at least " + m.minPoints() + " points");
        }
        new RegularGridInterpolator(g, v, Method.SLINEAR);
        assertContains(message(IllegalArgumentException.class,
                () -> new RegularGridInterpolator(new double[][] {{0, 1}, {4}}, new double[2], Method.SLINEAR)),
                "1 points in dimension 1");
        // linear and nearest accept a single-point axis, as scipy
        new RegularGridInterpolator(new double[][] {{0, 1}, {4}}, new double[2], Method.LINEAR);
        new RegularGridInterpolator(new double[][] {{0, 1}, {4}}, new double[2], Method.NEAREST);
    }

    @Test
    void validatesGridCoordinates() {
        double[] v = new double[6];
        assertContains(message(IllegalArgumentException.class,
                () -> new RegularGridInterpolator(new double[][] {{0, 1}, {0, Double.NaN, 2}}, v)),
                "grid[1][1] = NaN is not finite");
        assertContains(message(IllegalArgumentException.class,
                () -> new RegularGridInterpolator(new double[][] {{0, Double.POSITIVE_INFINITY}, {0, 1, 2}}, v)),
                "grid[0][1] = Infinity is not finite");
        assertContains(message(IllegalArgumentException.class,
                () -> new RegularGridInterpolator(new double[][] {{0, 1}, {0, 1, 1}}, v)),
                "dimension 1", "strictly ascending or descending", "grid[1][2] = 1.0 <= grid[1][1] = 1.0");
        assertContains(message(IllegalArgumentException.class,
                () -> new RegularGridInterpolator(new double[][] {{0, 1}, {3, 2, 2.5}}, v)),
                "grid[1][2] = 2.5 >= grid[1][1] = 2.0");
    }

    @Test
    void validatesSizeBeforeAllocating() {
        double[] big = new double[100_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = i;
        }
        String msg = message(IllegalArgumentException.class,
                () -> new RegularGridInterpolator(new double[][] {big, big, big}, new double[1]));
        assertContains(msg, "grid too large", "100000 * 100000 * 100000");
    }

    @Test
    void validatesValues() {
        double[][] g = {{0, 1, 2, 3}, {0, 1, 2, 3}};
        double[] v = new double[16];
        v[5] = Double.NaN;
        for (Method m : new Method[] {Method.SLINEAR, Method.CUBIC, Method.PCHIP}) {
            assertContains(message(IllegalArgumentException.class, () -> new RegularGridInterpolator(g, v, m)),
                    "values[5] = NaN is not finite");
        }
        // linear and nearest accept non-finite data (scipy): NaN spreads only to the cells touching it
        RegularGridInterpolator lin = new RegularGridInterpolator(g, v, Method.LINEAR);
        assertTrue(Double.isNaN(lin.value(1.5, 1.5)));
        assertEquals(0.0, lin.value(2.5, 2.5));
    }

    @Test
    void validatesQueriesAndModes() {
        double[][] g = {{0, 1, 2}, {0, 1}};
        RegularGridInterpolator r = new RegularGridInterpolator(g, new double[6]);
        assertContains(message(IllegalArgumentException.class, () -> r.value(1.0)), "1 coordinates", "dimension 2");
        assertContains(message(NullPointerException.class, () -> r.value((double[]) null)), "point");
        assertContains(message(IllegalArgumentException.class,
                () -> r.values(new double[][] {{0, 0}, {0, 0, 0}})), "points[1] has 3 coordinates");
        assertContains(message(NullPointerException.class, () -> r.values(new double[][] {{0, 0}, null})),
                "points[1]");
        assertContains(message(IllegalArgumentException.class, () -> r.valuesOnGrid(new double[] {0})),
                "axes has 1 arrays");
        assertContains(message(NullPointerException.class, () -> r.valuesOnGrid(new double[] {0}, null)),
                "axes[1]");
        assertContains(message(IllegalArgumentException.class, () -> r.withOutOfRange(OutOfRange.periodic())),
                "periodic");
        assertContains(message(IllegalArgumentException.class, () -> r.withOutOfRange(OutOfRange.fill(1, 2))),
                "one fill value");
        assertSame(r, r.withOutOfRange(OutOfRange.raise()));
        assertEquals(OutOfRange.raise(), r.outOfRange());
        RegularGridInterpolator f = r.withOutOfRange(OutOfRange.fill(3, 3));
        assertEquals(3.0, f.value(5, 0));
        assertThrows(IllegalArgumentException.class, () -> Method.ofScipyName("splinef2d"));
        assertEquals(Method.QUINTIC, Method.ofScipyName("quintic"));
    }

    // ---------------------------------------------------------------------------------------------
    // exactness
    // ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Method.class)
    void reproducesTheDataAtTheNodes(Method method) {
        SplittableRandom rnd = new SplittableRandom(7 + method.ordinal());
        double[][] g = grid3(rnd, 7, 8, 9);
        double[] v = random(rnd, size(g));
        RegularGridInterpolator r = new RegularGridInterpolator(g, v, method);
        double[] onNodes = r.valuesOnGrid(g);
        double scale = 10;
        for (int i = 0; i < v.length; i++) {
            if (method == Method.LINEAR || method == Method.NEAREST) {
                assertEquals(v[i], onNodes[i], 0.0, "node " + i);
            } else {
                assertEquals(v[i], onNodes[i], ROUNDING * scale, "node " + i);
            }
        }
    }

    @Test
    void splineSolveIsExactOnALargeGridSolvedInParallel() {
        // 50 * 40 * 41 = 82000 values: the per-axis solves run in parallel chunks
        SplittableRandom rnd = new SplittableRandom(99);
        double[][] g = grid3(rnd, 50, 40, 41);
        double[] v = random(rnd, size(g));
        for (Method m : new Method[] {Method.CUBIC, Method.QUINTIC}) {
            double[] onNodes = new RegularGridInterpolator(g, v, m).valuesOnGrid(g);
            for (int i = 0; i < v.length; i++) {
                assertEquals(v[i], onNodes[i], 1e-11 * 10, m + " node " + i);
            }
        }
    }

    /** f = prod_a (alpha_a + beta_a x_a) summed with a constant: multilinear. */
    static double multilinear(double[] x) {
        double p = 1;
        double s = 0.75;
        for (int a = 0; a < x.length; a++) {
            p *= (0.5 + a) + (1.25 - 0.5 * a) * x[a];
            s += (a + 1) * x[a];
        }
        return p + s;
    }

    @ParameterizedTest
    @EnumSource(value = Method.class, names = {"LINEAR", "SLINEAR", "CUBIC", "QUINTIC", "PCHIP"})
    void reproducesMultilinearDataEverywhere(Method method) {
        SplittableRandom rnd = new SplittableRandom(3);
        double[][] g = grid3(rnd, 7, 6, 8);
        double[] v = new double[size(g)];
        int idx = 0;
        for (double x0 : g[0]) {
            for (double x1 : g[1]) {
                for (double x2 : g[2]) {
                    v[idx++] = multilinear(new double[] {x0, x1, x2});
                }
            }
        }
        double scale = 0;
        for (double d : v) {
            scale = Math.max(scale, Math.abs(d));
        }
        RegularGridInterpolator r = new RegularGridInterpolator(g, v, method).withOutOfRange(OutOfRange.extrapolate());
        // inside and up to 20% outside (every method continues a multilinear function exactly)
        double[][] p = points(rnd, g, 3000, 0.2);
        double[] got = r.values(p);
        for (int j = 0; j < p.length; j++) {
            double want = multilinear(p[j]);
            assertEquals(want, got[j], ROUNDING * 10 * scale, method + " at point " + j);
        }
    }

    @Test
    void nearestRoundsHalfDownAndRepeatsEndValuesOutside() {
        double[][] g = {{0, 1, 3}};
        double[] v = {10, 20, 30};
        RegularGridInterpolator r = new RegularGridInterpolator(g, v, Method.NEAREST)
                .withOutOfRange(OutOfRange.extrapolate());
        assertEquals(10, r.value(0.5));
        assertEquals(20, r.value(0.5000001));
        assertEquals(20, r.value(2.0));
        assertEquals(30, r.value(2.0000001));
        assertEquals(10, r.value(-5));
        assertEquals(30, r.value(50));
        assertEquals(30, r.value(Double.POSITIVE_INFINITY));
        assertEquals(10, r.value(Double.NEGATIVE_INFINITY));
    }

    @Test
    void singlePointAxisIsConstantAlongIt() {
        double[][] g = {{0, 1, 2}, {5}};
        double[] v = {1, 2, 3};
        RegularGridInterpolator lin = new RegularGridInterpolator(g, v);
        assertEquals(1.5, lin.value(0.5, 5));
        assertThrows(OutOfGridException.class, () -> lin.value(0.5, 5.5));
        assertEquals(1.5, lin.withOutOfRange(OutOfRange.extrapolate()).value(0.5, 7));
        double[][] g3 = {{0, 1, 2}, {5}, {0, 1}};
        double[] v3 = {0, 1, 2, 3, 4, 5};
        assertEquals(1.5, new RegularGridInterpolator(g3, v3).value(0.5, 5, 0.5));
        assertEquals(0, new RegularGridInterpolator(g3, v3, Method.NEAREST).value(0.5, 5, 0.5));
    }

    // ---------------------------------------------------------------------------------------------
    // NaN, infinities, out-of-range modes
    // ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Method.class)
    void nanAndInfiniteQueries(Method method) {
        SplittableRandom rnd = new SplittableRandom(11);
        double[][] g = grid3(rnd, 6, 7, 6);
        double[] v = random(rnd, size(g));
        RegularGridInterpolator raise = new RegularGridInterpolator(g, v, method);
        double inf = Double.POSITIVE_INFINITY;
        double nan = Double.NaN;
        for (OutOfRange mode : new OutOfRange[] {OutOfRange.raise(), OutOfRange.nan(), OutOfRange.fill(-4),
                OutOfRange.extrapolate(), OutOfRange.clamp()}) {
            RegularGridInterpolator r = raise.withOutOfRange(mode);
            assertTrue(Double.isNaN(r.value(nan, 0.5, -1)), mode + ": NaN coordinate");
            assertTrue(Double.isNaN(r.value(0, 0.5, nan)), mode + ": NaN coordinate");
            // NaN wins over out of range, in every mode
            assertTrue(Double.isNaN(r.value(100, nan, -1)), mode + ": NaN and out of range");
        }
        OutOfGridException e = assertThrows(OutOfGridException.class, () -> raise.value(0, inf, -1));
        assertEquals(1, e.axis());
        assertEquals(-1, e.point());
        assertContains(e.getMessage(), "point[1] = Infinity", "dimension 1", "[0.0, 3.0]");
        assertTrue(Double.isNaN(raise.withOutOfRange(OutOfRange.nan()).value(0, inf, -1)));
        assertEquals(-4.0, raise.withOutOfRange(OutOfRange.fill(-4)).value(0, -inf, -1));
        RegularGridInterpolator clamp = raise.withOutOfRange(OutOfRange.clamp());
        assertEquals(raise.value(0, 3, -1), clamp.value(0, inf, -1));
        assertEquals(raise.value(-1, 0, -0.5), clamp.value(-inf, -7, 0));
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void outOfRangeModes(Method method) {
        SplittableRandom rnd = new SplittableRandom(5);
        double[][] g = grid3(rnd, 6, 6, 7);
        double[] v = random(rnd, size(g));
        RegularGridInterpolator r = new RegularGridInterpolator(g, v, method);
        double[][] p = points(rnd, g, 400, 0.1);
        // raise: the first offending point of a batch is named
        int first = -1;
        for (int j = 0; j < p.length && first < 0; j++) {
            for (int a = 0; a < 3; a++) {
                if (p[j][a] < g[a][0] || p[j][a] > g[a][g[a].length - 1]) {
                    first = j;
                    break;
                }
            }
        }
        assertTrue(first >= 0);
        OutOfGridException e = assertThrows(OutOfGridException.class, () -> r.values(p));
        assertEquals(first, e.point());
        assertContains(e.getMessage(), "points[" + first + "][" + e.axis() + "]");
        RegularGridInterpolator fill = r.withOutOfRange(OutOfRange.fill(123.5));
        RegularGridInterpolator ext = r.withOutOfRange(OutOfRange.extrapolate());
        RegularGridInterpolator clamp = r.withOutOfRange(OutOfRange.clamp());
        double[] fv = fill.values(p);
        double[] ev = ext.values(p);
        double[] cv = clamp.values(p);
        for (int j = 0; j < p.length; j++) {
            boolean outside = false;
            double[] c = new double[3];
            for (int a = 0; a < 3; a++) {
                double lo = g[a][0];
                double hi = g[a][g[a].length - 1];
                outside |= p[j][a] < lo || p[j][a] > hi;
                c[a] = Math.min(Math.max(p[j][a], lo), hi);
            }
            if (outside) {
                assertEquals(123.5, fv[j]);
                assertEquals(r.value(c), cv[j], 0.0);
                assertTrue(Double.isFinite(ev[j]));
            } else {
                assertEquals(ev[j], fv[j], 0.0);
                assertEquals(ev[j], cv[j], 0.0);
                assertEquals(ev[j], r.value(p[j]), 0.0);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // batch, outer product, descending axes
    // ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Method.class)
    void parallelBatchEqualsSequentialBitForBit(Method method) {
        SplittableRandom rnd = new SplittableRandom(17);
        double[][] g = grid3(rnd, 9, 8, 10);
        double[] v = random(rnd, size(g));
        RegularGridInterpolator r = new RegularGridInterpolator(g, v, method).withOutOfRange(OutOfRange.extrapolate());
        int m = 2 * 32768 + 4321;
        double[][] p = points(rnd, g, m, 0.05);
        p[17][1] = Double.NaN;
        double[] batch = r.values(p);
        double[] seq = new double[m];
        for (int j = 0; j < m; j++) {
            seq[j] = r.value(p[j]);
        }
        assertBitsEqual(seq, batch, method + " batch");
        assertTrue(Double.isNaN(batch[17]));
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void valuesOnGridEqualsValuesOnTheMesh(Method method) {
        SplittableRandom rnd = new SplittableRandom(23);
        double[][] g = grid3(rnd, 7, 6, 8);
        double[] v = random(rnd, size(g));
        RegularGridInterpolator base = new RegularGridInterpolator(g, v, method);
        double[][] axes = {
            {-1.2, -1, 0.3, 2, 1.7, 0.0, 2.2, Double.NaN},
            {0.1, 3, 2.9, -0.2, 1.5},
            {-2, -0.5, -1.1, -0.7, -2.3, -0.4},
        };
        double[][] mesh = new double[8 * 5 * 6][];
        int idx = 0;
        for (double a : axes[0]) {
            for (double b : axes[1]) {
                for (double c : axes[2]) {
                    mesh[idx++] = new double[] {a, b, c};
                }
            }
        }
        for (OutOfRange mode : new OutOfRange[] {OutOfRange.nan(), OutOfRange.fill(2.5), OutOfRange.extrapolate(),
                OutOfRange.clamp()}) {
            RegularGridInterpolator r = base.withOutOfRange(mode);
            assertBitsEqual(r.values(mesh), r.valuesOnGrid(axes), method + " " + mode);
        }
        // raise: the same first offending point (flat index) as on the explicit mesh
        OutOfGridException onMesh = assertThrows(OutOfGridException.class, () -> base.values(mesh));
        OutOfGridException onGrid = assertThrows(OutOfGridException.class, () -> base.valuesOnGrid(axes));
        assertEquals(onMesh.point(), onGrid.point());
        assertEquals(onMesh.axis(), onGrid.axis());
        // inside only, large enough to run in parallel: 50 * 40 * 40 = 80000 points
        double[][] big = {column(rnd, g[0], 50), column(rnd, g[1], 40), column(rnd, g[2], 40)};
        double[] onGridBig = base.valuesOnGrid(big);
        double[][] meshBig = new double[onGridBig.length][];
        idx = 0;
        for (double a : big[0]) {
            for (double b : big[1]) {
                for (double c : big[2]) {
                    meshBig[idx++] = new double[] {a, b, c};
                }
            }
        }
        assertBitsEqual(base.values(meshBig), onGridBig, method + " large mesh");
        assertEquals(0, base.valuesOnGrid(new double[0], big[1], big[2]).length);
    }

    static double[] column(SplittableRandom rnd, double[] g, int m) {
        double lo = g[0];
        double hi = g[g.length - 1];
        double[] x = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = lo + (hi - lo) * rnd.nextDouble();
        }
        return x;
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void descendingAxesGiveTheSameInterpolant(Method method) {
        SplittableRandom rnd = new SplittableRandom(31);
        double[][] g = grid3(rnd, 6, 7, 8);
        double[] v = random(rnd, size(g));
        int n0 = 6;
        int n1 = 7;
        int n2 = 8;
        // reverse axes 0 and 2
        double[][] gd = {reverse(g[0]), g[1], reverse(g[2])};
        double[] vd = new double[v.length];
        for (int i = 0; i < n0; i++) {
            for (int j = 0; j < n1; j++) {
                for (int k = 0; k < n2; k++) {
                    vd[((n0 - 1 - i) * n1 + j) * n2 + (n2 - 1 - k)] = v[(i * n1 + j) * n2 + k];
                }
            }
        }
        RegularGridInterpolator asc = new RegularGridInterpolator(g, v, method).withOutOfRange(OutOfRange.extrapolate());
        RegularGridInterpolator desc = new RegularGridInterpolator(gd, vd, method)
                .withOutOfRange(OutOfRange.extrapolate());
        double[][] p = points(rnd, g, 2000, 0.1);
        assertBitsEqual(asc.values(p), desc.values(p), method + " descending");
        assertArrayEquals(g[0], desc.grid()[0]);
        assertArrayEquals(v, desc.gridValues());
    }

    static double[] reverse(double[] x) {
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = x[x.length - 1 - i];
        }
        return r;
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void otherDimensions(Method method) {
        SplittableRandom rnd = new SplittableRandom(41);
        for (int d : new int[] {1, 2, 4, 5}) {
            double[][] g = new double[d][];
            for (int a = 0; a < d; a++) {
                g[a] = uneven(rnd, 6 + (a % 2), -a, 1 + a);
            }
            double[] v = random(rnd, size(g));
            RegularGridInterpolator r = new RegularGridInterpolator(g, v, method).withOutOfRange(OutOfRange.clamp());
            double[][] p = points(rnd, g, 500, 0.1);
            double[] batch = r.values(p);
            for (int j = 0; j < p.length; j++) {
                assertEquals(Double.doubleToLongBits(r.value(p[j])), Double.doubleToLongBits(batch[j]));
                assertTrue(Double.isFinite(batch[j]));
            }
            double[] nodes = r.valuesOnGrid(g);
            double tol = (method == Method.QUINTIC && d >= 4 ? QUINTIC_HIGH_DIM_NODES : ROUNDING) * 10;
            for (int i = 0; i < v.length; i++) {
                assertEquals(v[i], nodes[i], tol, method + " " + d + "-D node " + i);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // interpn, accessors, serialisation
    // ---------------------------------------------------------------------------------------------

    @Test
    void interpnMatchesTheInterpolatorAndChecksBoundsFirst() {
        SplittableRandom rnd = new SplittableRandom(43);
        double[][] g = grid3(rnd, 6, 6, 6);
        double[] v = random(rnd, size(g));
        double[][] inside = points(rnd, g, 100, 0);
        for (Method m : Method.values()) {
            assertBitsEqual(new RegularGridInterpolator(g, v, m).values(inside),
                    RegularGridInterpolator.interpn(g, v, inside, m), "interpn " + m);
        }
        double[][] bad = {{0, 1, -1}, {0, 1, 5}};
        OutOfGridException e = assertThrows(OutOfGridException.class,
                () -> RegularGridInterpolator.interpn(g, v, bad, Method.CUBIC));
        assertEquals(1, e.point());
        assertEquals(2, e.axis());
        double[] filled = RegularGridInterpolator.interpn(g, v, bad, Method.CUBIC, OutOfRange.fill(9));
        assertEquals(9.0, filled[1]);
    }

    @Test
    void accessorsAndToString() {
        double[][] g = {{3, 2, 1}, {0, 1}};
        double[] v = {1, 2, 3, 4, 5, 6};
        RegularGridInterpolator r = new RegularGridInterpolator(g, v, Method.NEAREST);
        assertEquals(2, r.ndim());
        assertArrayEquals(new int[] {3, 2}, r.shape());
        assertArrayEquals(new double[] {1, 2, 3}, r.grid()[0]);
        assertArrayEquals(new double[] {5, 6, 3, 4, 1, 2}, r.gridValues());
        assertEquals(Method.NEAREST, r.method());
        assertEquals("RegularGridInterpolator[method=nearest, shape=[3, 2], outOfRange=raise]", r.toString());
        // inputs are copied
        g[0][0] = 100;
        v[0] = 100;
        assertEquals(1.0, r.value(3, 0));
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void serialisationRoundTrip(Method method) throws IOException, ClassNotFoundException {
        SplittableRandom rnd = new SplittableRandom(47);
        double[][] g = grid3(rnd, 6, 6, 7);
        g[1] = reverse(g[1]);
        double[] v = random(rnd, size(g));
        RegularGridInterpolator r = new RegularGridInterpolator(g, v, method).withOutOfRange(OutOfRange.fill(-2));
        RegularGridInterpolator back = roundTrip(r);
        assertEquals(r.outOfRange(), back.outOfRange());
        double[][] p = points(rnd, g, 300, 0.1);
        assertBitsEqual(r.values(p), back.values(p), "deserialised " + method);
    }
}
