package io.github.interp4j.interpolate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InvalidObjectException;
import java.util.Arrays;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Multi-column {@link PPoly} and piecewise cubics: one class for m = 1 and m &gt; 1, with every column
 * (values, derivatives, antiderivatives, integrals, roots) equal bit for bit to the single-column object
 * of that column; the single-column methods refuse m &gt; 1; serialisation keeps the columns.
 */
class MultiColumnPiecewiseTest {
    /** Large enough for the parallel evaluator to split the work. */
    private static final int PARALLEL_BATCH = 100_000;
    private static final double[] X = {-1.0, 0.25, 0.25, 1.5, 2.0, 3.75};
    private static final double[][] LIMITS = {
        {-0.5, 3.0}, {3.0, -0.5}, {-3.0, 5.0}, {0.25, 0.25}, {-2.0, -1.5}, {4.0, 9.0}, {-7.3, 12.1},
        {2.0, -40.0}, {Double.NaN, 1.0}, {Double.NEGATIVE_INFINITY, 0.0}
    };

    private static void assertBits(double expected, double actual, String what) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                what + ": expected " + expected + ", got " + actual);
    }

    private static void assertBits(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            assertBits(expected[i], actual[i], what + "[" + i + "]");
        }
    }

    private static double[][][] randomCoefficients(Random r, int order, int n, int m) {
        double[][][] c = new double[order][n][m];
        for (double[][] row : c) {
            for (double[] cell : row) {
                for (int j = 0; j < m; j++) {
                    cell[j] = r.nextGaussian();
                }
            }
        }
        return c;
    }

    private static double[][] columnOf(double[][][] c, int j) {
        double[][] out = new double[c.length][c[0].length];
        for (int k = 0; k < c.length; k++) {
            for (int i = 0; i < c[0].length; i++) {
                out[k][i] = c[k][i][j];
            }
        }
        return out;
    }

    private static double[] columnOf(double[][] rows, int j) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i][j];
        }
        return out;
    }

    /** A grid around the data, the data abscissae, NaN and the infinities. */
    private static double[] queries(double[] x, boolean insideOnly) {
        double lo = x[0];
        double hi = x[x.length - 1];
        double[] g = CubicTestSupport.grid(lo, hi, insideOnly ? 0.0 : 1.5, 211);
        double[] q = Arrays.copyOf(g, g.length + x.length + (insideOnly ? 1 : 3));
        System.arraycopy(x, 0, q, g.length, x.length);
        q[g.length + x.length] = Double.NaN;
        if (!insideOnly) {
            q[q.length - 2] = Double.NEGATIVE_INFINITY;
            q[q.length - 1] = Double.POSITIVE_INFINITY;
        }
        return q;
    }

    /** Every column of {@code f}, by every evaluation path, equals {@code single.apply(j)} bit for bit. */
    private static void assertColumnsMatch(Interpolant1D f, IntFunction<Interpolant1D> single, double[] q,
            String what) {
        int m = f.columns();
        double[] row = new double[m];
        double[] flat = new double[q.length * m];
        f.valuesColumns(q, flat);
        double[][] rows = f.valuesColumns(q);
        for (int j = 0; j < m; j++) {
            Interpolant1D s = single.apply(j);
            Interpolant1D cj = f.column(j);
            assertEquals(s.outOfRange(), cj.outOfRange(), what);
            for (int i = 0; i < q.length; i++) {
                double expected = s.value(q[i]);
                f.value(q[i], row);
                String at = what + ", column " + j + " at " + q[i];
                assertBits(expected, row[j], at + " (value(x, out))");
                assertBits(expected, flat[i * m + j], at + " (valuesColumns)");
                assertBits(expected, rows[i][j], at + " (valuesColumns rows)");
                assertBits(expected, cj.value(q[i]), at + " (column(j))");
            }
        }
    }

    // ----------------------------------------------------------------------------------------------- PPoly

    @ParameterizedTest(name = "order {0}")
    @ValueSource(ints = {1, 3, 4, 6})
    void ppolyColumnsEqualSingleColumnPolynomialsBitForBit(int order) {
        Random r = new Random(order);
        int m = 3;
        double[][][] c = randomCoefficients(r, order, X.length - 1, m);
        for (OutOfRange mode : new OutOfRange[] {OutOfRange.extrapolate(), OutOfRange.nan(), OutOfRange.clamp(),
                OutOfRange.fill(-1.5, 0.0), OutOfRange.periodic(), OutOfRange.raise()}) {
            PPoly p = PPoly.fromColumns(c, X, mode);
            PPoly[] singles = new PPoly[m];
            for (int j = 0; j < m; j++) {
                singles[j] = new PPoly(columnOf(c, j), X, mode);
            }
            String what = "order " + order + ", " + mode;
            assertEquals(m, p.columns());
            assertEquals(mode, p.outOfRange());
            boolean raise = mode.kind() == OutOfRange.Kind.RAISE;
            double[] q = queries(X, raise);
            assertColumnsMatch(p, j -> singles[j], q, what);
            for (int nu = 1; nu <= order + 1; nu++) {
                int d = nu;
                assertColumnsMatch(p.derivative(nu), j -> singles[j].derivative(d), q, what + ", derivative " + nu);
            }
            for (int nu = 1; nu <= 2; nu++) {
                int d = nu;
                PPoly anti = p.antiderivative(nu);
                assertEquals(m, anti.columns());
                assertColumnsMatch(anti, j -> singles[j].antiderivative(d), q, what + ", antiderivative " + nu);
            }
            for (double[] ab : LIMITS) {
                boolean outside = !(ab[0] >= X[0] && ab[0] <= X[X.length - 1] && ab[1] >= X[0]
                        && ab[1] <= X[X.length - 1]) && ab[0] == ab[0];
                if (raise && outside) {
                    assertThrows(OutOfRangeException.class, () -> p.integrateColumns(ab[0], ab[1]));
                    assertThrows(OutOfRangeException.class, () -> singles[0].integrate(ab[0], ab[1]));
                    continue;
                }
                double[] got = p.integrateColumns(ab[0], ab[1]);
                for (int j = 0; j < m; j++) {
                    assertBits(singles[j].integrate(ab[0], ab[1]), got[j],
                            what + ", integral of column " + j + " over " + Arrays.toString(ab));
                }
            }
            for (int j = 0; j < m; j++) {
                assertBits(singles[j].roots(), p.roots(j), what + ", roots of column " + j);
                assertBits(singles[j].solve(0.3), p.solve(j, 0.3), what + ", solve(0.3) of column " + j);
                assertBits(singles[j].solve(-0.2, false, true), p.solve(j, -0.2, false, true), what + ", solve");
                assertBits(singles[j].solve(0.7, true, false), p.column(j).solve(0.7, true, false), what);
                double[][] expected = columnOf(c, j);
                double[][] got = p.column(j).coefficients();
                for (int k = 0; k < order; k++) {
                    assertArrayEquals(expected[k], got[k], 0.0, what + ", coefficients of column " + j);
                }
            }
        }
    }

    @Test
    void ppolyBatchesEqualPointsInParallel() {
        Random r = new Random(7);
        double[][][] c = randomCoefficients(r, 4, X.length - 1, 3);
        double[] q = new double[PARALLEL_BATCH];
        for (int i = 0; i < q.length; i++) {
            q[i] = -3.0 + 9.0 * r.nextDouble();
        }
        q[17] = Double.NaN;
        for (OutOfRange mode : new OutOfRange[] {OutOfRange.extrapolate(), OutOfRange.periodic(),
                OutOfRange.fill(2.0, -1.0), OutOfRange.clamp()}) {
            for (PPoly p : new PPoly[] {PPoly.fromColumns(c, X, mode), PPoly.fromColumns(c, X, mode).column(1)}) {
                int m = p.columns();
                double[] flat = new double[q.length * m];
                p.valuesColumns(q, flat);
                double[] row = new double[m];
                for (int i = 0; i < q.length; i++) {
                    p.value(q[i], row);
                    for (int j = 0; j < m; j++) {
                        assertBits(row[j], flat[i * m + j], mode + ", m = " + m + " at " + q[i]);
                    }
                }
                if (m == 1) {
                    assertBits(p.values(q), flat, mode + ", values = valuesColumns for m = 1");
                }
            }
        }
    }

    @Test
    void singleColumnOfEqualsTheScipyShapedConstructor() {
        Random r = new Random(3);
        double[][][] c = randomCoefficients(r, 4, X.length - 1, 1);
        PPoly a = PPoly.fromColumns(c, X);
        PPoly b = new PPoly(columnOf(c, 0), X);
        assertEquals(1, a.columns());
        assertSame(a, a.column(0));
        assertEquals(b.toString(), a.toString());
        for (double t : queries(X, false)) {
            assertBits(b.value(t), a.value(t), "value at " + t);
        }
        assertBits(b.integrate(-2.0, 3.0), a.integrate(-2.0, 3.0), "integral");
        assertBits(b.roots(), a.roots(), "roots");
        double[][][] back = a.coefficientsColumns();
        for (int k = 0; k < c.length; k++) {
            for (int i = 0; i < c[0].length; i++) {
                assertArrayEquals(c[k][i], back[k][i], 0.0);
            }
        }
    }

    @Test
    void singleColumnMethodsRefuseSeveralColumns() {
        PPoly p = PPoly.fromColumns(randomCoefficients(new Random(1), 4, X.length - 1, 3), X);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> p.value(0.5));
        assertTrue(e.getMessage().contains("3 value columns"), e.getMessage());
        assertTrue(e.getMessage().contains("value(double)"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> p.value(Double.NaN));
        assertThrows(IllegalStateException.class, () -> p.value(-10.0));
        assertThrows(IllegalStateException.class, () -> p.withOutOfRange(OutOfRange.periodic()).value(0.5));
        assertThrows(IllegalStateException.class, () -> p.applyAsDouble(0.5));
        assertThrows(IllegalStateException.class, () -> p.values(new double[] {0.5}, new double[1]));
        assertThrows(IllegalStateException.class, () -> p.values(new double[] {0.5}));
        assertThrows(IllegalStateException.class, () -> p.integrate(0.0, 1.0));
        assertThrows(IllegalStateException.class, p::roots);
        assertThrows(IllegalStateException.class, () -> p.solve(0.5));
        assertThrows(IllegalStateException.class, () -> p.solve(0.5, true, true));
        assertThrows(IllegalStateException.class, p::coefficients);
        assertThrows(IndexOutOfBoundsException.class, () -> p.column(3));
        assertThrows(IndexOutOfBoundsException.class, () -> p.column(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> p.roots(3));
        assertThrows(IndexOutOfBoundsException.class, () -> p.solve(-1, 0.0));
        assertThrows(IllegalArgumentException.class, () -> p.value(0.5, new double[2]));
        assertThrows(IllegalArgumentException.class, () -> p.valuesColumns(new double[2], new double[5]));
        assertThrows(IllegalArgumentException.class, () -> p.solve(0, Double.NaN));
        assertThrows(NullPointerException.class, () -> p.value(0.5, null));
        assertThrows(NullPointerException.class, () -> p.valuesColumns(null, new double[3]));
        assertTrue(p.toString().contains("columns=3"), p.toString());
        assertEquals(3, p.derivative(1).columns());
        assertEquals(3, p.antiderivative(1).columns());
        assertEquals(3, p.withOutOfRange(OutOfRange.nan()).columns());
    }

    @Test
    void ofValidatesWithMessagesNamingTheOffendingIndex() {
        double[] x = {0, 1, 2};
        assertEquals("c[0][1].length = 1 must equal the number of columns c[0][0].length = 2",
                assertThrows(IllegalArgumentException.class,
                        () -> PPoly.fromColumns(new double[][][] {{{1, 2}, {3}}}, x)).getMessage());
        assertEquals("c[1][0][1] = NaN is not finite", assertThrows(IllegalArgumentException.class,
                () -> PPoly.fromColumns(new double[][][] {{{1, 2}, {3, 4}}, {{5, Double.NaN}, {6, 7}}}, x)).getMessage());
        assertEquals("c[0].length = 1 must equal the number of intervals x.length - 1 = 2",
                assertThrows(IllegalArgumentException.class,
                        () -> PPoly.fromColumns(new double[][][] {{{1, 2}}}, x)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> PPoly.fromColumns(new double[][][] {{{}, {}}}, x)).getMessage().contains("at least 1 column"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> PPoly.fromColumns(new double[0][][], x)).getMessage().contains("at least 1 row"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> PPoly.fromColumns(new double[][][] {{{1}, {2}}}, new double[] {0, 2, 1})).getMessage()
                .contains("x[2] = 1.0"));
        assertThrows(NullPointerException.class, () -> PPoly.fromColumns(null, x));
        assertThrows(NullPointerException.class, () -> PPoly.fromColumns(new double[][][] {{{1}, null}}, x));
        assertThrows(NullPointerException.class, () -> PPoly.fromColumns(new double[][][] {{{1}, {2}}, null}, x));
        assertThrows(NullPointerException.class, () -> PPoly.fromColumns(new double[][][] {{{1}, {2}}}, null));
        assertThrows(NullPointerException.class, () -> PPoly.fromColumns(new double[][][] {{{1}, {2}}}, x, null));
    }

    @Test
    void ppolySerialisationKeepsTheColumns() throws Exception {
        double[][][] c = randomCoefficients(new Random(11), 4, X.length - 1, 3);
        PPoly p = PPoly.fromColumns(c, X, OutOfRange.fill(-1.0, 2.0));
        PPoly back = (PPoly) CubicTestSupport.deserialize(CubicTestSupport.serialize(p));
        assertEquals(3, back.columns());
        assertEquals(p.outOfRange(), back.outOfRange());
        double[] q = queries(X, false);
        double[] a = new double[q.length * 3];
        double[] b = new double[q.length * 3];
        p.valuesColumns(q, a);
        back.valuesColumns(q, b);
        assertBits(a, b, "round trip");
        byte[] bad = CubicTestSupport.replaceDouble(CubicTestSupport.serialize(p), 1.5, 0.0);
        InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> CubicTestSupport.deserialize(bad));
        assertTrue(e.getMessage().contains("invalid PPoly data"), e.getMessage());
        // One column keeps the scipy-shaped form.
        PPoly one = p.column(2);
        PPoly oneBack = (PPoly) CubicTestSupport.deserialize(CubicTestSupport.serialize(one));
        assertEquals(1, oneBack.columns());
        assertBits(one.values(q), oneBack.values(q), "one column round trip");
    }

    // ------------------------------------------------------------------------------------ piecewise cubics

    /** A fitted family: the multi-column fit and the fit of one column. */
    static final class Family {
        final String name;
        final BiFunction<double[], double[][], PiecewiseCubicInterpolant> columns;
        final BiFunction<double[], double[], PiecewiseCubicInterpolant> single;

        Family(String name, BiFunction<double[], double[][], PiecewiseCubicInterpolant> columns,
                BiFunction<double[], double[], PiecewiseCubicInterpolant> single) {
            this.name = name;
            this.columns = columns;
            this.single = single;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Deterministic slopes for the Hermite spline: column j at x[i] is sin(3 i + j). */
    private static double hermiteSlope(int i, int j) {
        return Math.sin(3.0 * i + j);
    }

    private static double[][] hermiteSlopes(double[][] y) {
        double[][] d = new double[y.length][y[0].length];
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < y[0].length; j++) {
                d[i][j] = hermiteSlope(i, j);
            }
        }
        return d;
    }

    /** Every family, each multi-column fit next to its single-column fit. */
    static Stream<Family> families() {
        BoundaryCondition first = BoundaryCondition.firstDerivative(0.25);
        BoundaryCondition second = BoundaryCondition.secondDerivative(-2.0);
        return Stream.of(
                new Family("CubicSpline not-a-knot", CubicSpline::fromColumns, CubicSpline::new),
                new Family("CubicSpline natural", (x, y) -> CubicSpline.fromColumns(x, y, BoundaryCondition.natural()),
                        (x, y) -> new CubicSpline(x, y, BoundaryCondition.natural())),
                new Family("CubicSpline first/second", (x, y) -> CubicSpline.fromColumns(x, y, first, second),
                        (x, y) -> new CubicSpline(x, y, first, second)),
                new Family("CubicSpline periodic", (x, y) -> CubicSpline.fromColumns(x, y, BoundaryCondition.periodic()),
                        (x, y) -> new CubicSpline(x, y, BoundaryCondition.periodic())),
                new Family("PchipInterpolator", PchipInterpolator::fromColumns, PchipInterpolator::new),
                new Family("Akima1DInterpolator", Akima1DInterpolator::fromColumns, Akima1DInterpolator::new),
                new Family("Akima1DInterpolator makima",
                        (x, y) -> Akima1DInterpolator.fromColumns(x, y, Akima1DInterpolator.Method.MAKIMA),
                        (x, y) -> new Akima1DInterpolator(x, y, Akima1DInterpolator.Method.MAKIMA)),
                new Family("CubicHermiteSpline", (x, y) -> CubicHermiteSpline.fromColumns(x, y, hermiteSlopes(y)), null));
    }

    /** The single-column fit of column {@code j} of {@code y}. */
    private static PiecewiseCubicInterpolant singleFit(Family f, double[] x, double[][] y, int j) {
        double[] yj = columnOf(y, j);
        if (f.single != null) {
            return f.single.apply(x, yj);
        }
        double[] dj = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            dj[i] = hermiteSlope(i, j);
        }
        return new CubicHermiteSpline(x, yj, dj);
    }

    /** n rows of m columns; column 2 is flat; the last row repeats the first (periodic data). */
    private static double[][] data(Random r, int n, int m) {
        double[][] y = new double[n][m];
        for (int i = 0; i < n - 1; i++) {
            for (int j = 0; j < m; j++) {
                y[i][j] = j == 2 ? 5.0 : r.nextGaussian() * (j + 1);
            }
        }
        y[n - 1] = y[0].clone();
        return y;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void cubicColumnsEqualSingleFitsBitForBit(Family family) {
        Random r = new Random(21);
        int n = 40;
        int m = 3;
        double[] x = CubicTestSupport.randomAbscissae(r, n);
        double[][] y = data(r, n, m);
        PiecewiseCubicInterpolant f = family.columns.apply(x, y);
        PiecewiseCubicInterpolant[] singles = new PiecewiseCubicInterpolant[m];
        for (int j = 0; j < m; j++) {
            singles[j] = singleFit(family, x, y, j);
        }
        assertSame(singles[0].getClass(), f.getClass());
        assertEquals(m, f.columns());
        assertEquals(m, f.toPPoly().columns());
        assertEquals(singles[0].outOfRange(), f.outOfRange());
        assertTrue(f.toString().contains("columns=3"), f.toString());
        double[][][] c = f.coefficientsColumns();
        for (int j = 0; j < m; j++) {
            double[][] cj = singles[j].coefficients();
            for (int k = 0; k < 4; k++) {
                for (int i = 0; i < n - 1; i++) {
                    assertBits(cj[k][i], c[k][i][j], family + ", coefficient " + k + ", " + i + " of column " + j);
                }
            }
        }
        double[] q = queries(x, false);
        double lo = x[0];
        double hi = x[n - 1];
        double[][] limits = {{lo + 0.3, hi - 0.2}, {hi, lo}, {lo - 2.0, hi + 3.0}, {hi + 1.0, hi + 4.5},
            {lo - 30.0, lo + 7.0}};
        for (OutOfRange mode : new OutOfRange[] {f.outOfRange(), OutOfRange.extrapolate(), OutOfRange.clamp(),
                OutOfRange.periodic(), OutOfRange.fill(-1.0, 2.0), OutOfRange.nan()}) {
            PiecewiseCubicInterpolant fm = f.withOutOfRange(mode);
            assertSame(f.getClass(), fm.getClass());
            assertEquals(m, fm.columns());
            String what = family + ", " + mode;
            assertColumnsMatch(fm, j -> singles[j].withOutOfRange(mode), q, what);
            for (int nu = 1; nu <= 4; nu++) {
                int d = nu;
                assertColumnsMatch(fm.derivative(nu), j -> singles[j].withOutOfRange(mode).derivative(d), q,
                        what + ", derivative " + nu);
            }
            for (int nu = 1; nu <= 2; nu++) {
                int d = nu;
                assertColumnsMatch(fm.antiderivative(nu), j -> singles[j].withOutOfRange(mode).antiderivative(d),
                        q, what + ", antiderivative " + nu);
            }
            for (double[] ab : limits) {
                double[] got = fm.integrateColumns(ab[0], ab[1]);
                for (int j = 0; j < m; j++) {
                    assertBits(singles[j].withOutOfRange(mode).integrate(ab[0], ab[1]), got[j],
                            what + ", integral of column " + j + " over " + Arrays.toString(ab));
                }
            }
            for (int j = 0; j < m; j++) {
                PiecewiseCubicInterpolant s = singles[j].withOutOfRange(mode);
                assertBits(s.roots(), fm.roots(j), what + ", roots of column " + j);
                assertBits(s.solve(0.5), fm.solve(j, 0.5), what + ", solve(0.5) of column " + j);
                assertBits(s.solve(-0.25, false, false), fm.solve(j, -0.25, false, false), what + ", solve");
                assertBits(s.integrate(lo, hi), fm.column(j).integrate(lo, hi), what + ", column(j) integral");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void cubicSingleColumnMethodsRefuseSeveralColumns(Family family) {
        Random r = new Random(5);
        double[] x = CubicTestSupport.randomAbscissae(r, 8);
        PiecewiseCubicInterpolant f = family.columns.apply(x, data(r, 8, 3));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> f.value(x[2]));
        assertTrue(e.getMessage().contains("3 value columns"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> f.values(x, new double[x.length]));
        assertThrows(IllegalStateException.class, () -> f.integrate(x[0], x[3]));
        assertThrows(IllegalStateException.class, f::roots);
        assertThrows(IllegalStateException.class, () -> f.solve(0.0));
        assertThrows(IllegalStateException.class, () -> f.solve(0.0, true, true));
        assertThrows(IllegalStateException.class, f::coefficients);
        assertThrows(IndexOutOfBoundsException.class, () -> f.column(3));
        assertThrows(IndexOutOfBoundsException.class, () -> f.roots(-1));
        // One column is the usual single-column object.
        PiecewiseCubicInterpolant one = family.columns.apply(x, new double[][] {{1}, {2}, {0}, {3}, {1}, {-1}, {4}, {1}});
        assertEquals(1, one.columns());
        assertEquals(one.value(x[3] + 0.1), one.column(0).value(x[3] + 0.1), 0.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void cubicSerialisationKeepsTheColumns(Family family) throws Exception {
        Random r = new Random(9);
        int n = 12;
        double[] x = CubicTestSupport.randomAbscissae(r, n);
        double[][] y = data(r, n, 3);
        PiecewiseCubicInterpolant f = family.columns.apply(x, y).withOutOfRange(OutOfRange.clamp());
        PiecewiseCubicInterpolant back = (PiecewiseCubicInterpolant) CubicTestSupport.deserialize(
                CubicTestSupport.serialize(f));
        assertSame(f.getClass(), back.getClass());
        assertEquals(3, back.columns());
        assertEquals(OutOfRange.clamp(), back.outOfRange());
        double[] q = queries(x, false);
        double[] a = new double[q.length * 3];
        double[] b = new double[q.length * 3];
        f.valuesColumns(q, a);
        back.valuesColumns(q, b);
        assertBits(a, b, family + " round trip");
        byte[] stream = CubicTestSupport.serialize(f);
        byte[] badX = CubicTestSupport.replaceDouble(stream, x[5], x[3]);
        InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> CubicTestSupport.deserialize(badX));
        assertTrue(e.getMessage().contains("x must be strictly increasing"), e.getMessage());
        byte[] badY = CubicTestSupport.replaceDouble(stream, y[4][1], Double.NaN);
        e = assertThrows(InvalidObjectException.class, () -> CubicTestSupport.deserialize(badY));
        assertTrue(e.getMessage().contains("y[4][1] = NaN is not finite"), e.getMessage());
        // The derivative is a multi-column PPoly and round-trips too.
        PPoly d = f.derivative(1);
        PPoly dBack = (PPoly) CubicTestSupport.deserialize(CubicTestSupport.serialize(d));
        assertEquals(3, dBack.columns());
        double[] da = new double[q.length * 3];
        double[] db = new double[q.length * 3];
        d.valuesColumns(q, da);
        dBack.valuesColumns(q, db);
        assertBits(da, db, family + " derivative round trip");
    }

    @Test
    @SuppressWarnings("deprecation")
    void deprecatedOfColumnsIsAViewOfTheUnifiedObject() {
        Random r = new Random(2);
        double[] x = CubicTestSupport.randomAbscissae(r, 10);
        double[][] y = data(r, 10, 3);
        VectorInterpolant1D v = CubicSpline.ofColumns(x, y);
        CubicSpline s = CubicSpline.fromColumns(x, y);
        assertEquals(3, v.columns());
        double[] q = queries(x, false);
        double[][] rows = v.values(q);
        double[] flat = new double[q.length * 3];
        s.valuesColumns(q, flat);
        for (int i = 0; i < q.length; i++) {
            for (int j = 0; j < 3; j++) {
                assertBits(flat[i * 3 + j], rows[i][j], "view at " + q[i]);
                assertBits(flat[i * 3 + j], v.column(j).value(q[i]), "view column at " + q[i]);
            }
        }
        assertEquals(3, v.derivative(1).columns());
    }
}
