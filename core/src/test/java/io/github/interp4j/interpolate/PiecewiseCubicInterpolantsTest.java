package io.github.interp4j.interpolate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InvalidObjectException;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties every fitted piecewise cubic shares: validation messages, interpolation of the data,
 * continuity, out-of-range modes, special queries, batch = point, columns = single fits, serialisation.
 */
@SuppressWarnings("deprecation") // also exercises the deprecated ofColumns views
class PiecewiseCubicInterpolantsTest {
    /** Relative tolerance for values that should be exact up to a few roundings. */
    private static final double TIGHT = 1e-12;
    /** Relative tolerance for derivative continuity across knots (a few roundings, divided by small h). */
    private static final double CONTINUITY = 1e-9;
    /** Large enough for {@link io.github.interp4j.interpolate.internal.parallel.ParallelEvaluation} to split the work. */
    private static final int PARALLEL_BATCH = 200_000;

    /** One interpolant kind under test. */
    static final class Kind {
        final String name;
        final BiFunction<double[], double[], PiecewiseCubicInterpolant> fit;
        final BiFunction<double[], double[][], VectorInterpolant1D> columns;
        final OutOfRange defaultMode;
        final int smoothness;

        Kind(String name, BiFunction<double[], double[], PiecewiseCubicInterpolant> fit,
                BiFunction<double[], double[][], VectorInterpolant1D> columns, OutOfRange defaultMode, int smoothness) {
            this.name = name;
            this.fit = fit;
            this.columns = columns;
            this.defaultMode = defaultMode;
            this.smoothness = smoothness;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static double[] zerosLike(double[] y) {
        return new double[y.length];
    }

    private static double[][] zerosLike(double[][] y) {
        double[][] z = new double[y.length][];
        for (int i = 0; i < y.length; i++) {
            z[i] = y[i] == null ? null : new double[y[i].length];
        }
        return z;
    }

    static Stream<Kind> kinds() {
        return Stream.of(
                new Kind("CubicSpline", CubicSpline::new,
                        (x, y) -> CubicSpline.ofColumns(x, y, BoundaryCondition.notAKnot(), BoundaryCondition.notAKnot()),
                        OutOfRange.extrapolate(), 2),
                new Kind("CubicSpline", (x, y) -> new CubicSpline(x, y, BoundaryCondition.natural()),
                        (x, y) -> CubicSpline.ofColumns(x, y, BoundaryCondition.natural(), BoundaryCondition.natural()),
                        OutOfRange.extrapolate(), 2),
                new Kind("CubicSpline",
                        (x, y) -> new CubicSpline(x, y, BoundaryCondition.firstDerivative(0.25),
                                BoundaryCondition.secondDerivative(-2.0)),
                        (x, y) -> CubicSpline.ofColumns(x, y, BoundaryCondition.firstDerivative(0.25),
                                BoundaryCondition.secondDerivative(-2.0)),
                        OutOfRange.extrapolate(), 2),
                new Kind("PchipInterpolator", PchipInterpolator::new, PchipInterpolator::ofColumns,
                        OutOfRange.extrapolate(), 1),
                new Kind("Akima1DInterpolator", Akima1DInterpolator::new,
                        (x, y) -> Akima1DInterpolator.ofColumns(x, y, Akima1DInterpolator.Method.AKIMA),
                        OutOfRange.nan(), 1),
                new Kind("Akima1DInterpolator",
                        (x, y) -> new Akima1DInterpolator(x, y, Akima1DInterpolator.Method.MAKIMA),
                        (x, y) -> Akima1DInterpolator.ofColumns(x, y, Akima1DInterpolator.Method.MAKIMA),
                        OutOfRange.nan(), 1),
                new Kind("CubicHermiteSpline", (x, y) -> new CubicHermiteSpline(x, y, y == null ? null : sinLike(y)),
                        (x, y) -> CubicHermiteSpline.ofColumns(x, y, y == null ? null : zerosLike(y)),
                        OutOfRange.extrapolate(), 1));
    }

    /** Deterministic derivative data for the Hermite spline, finite whenever y is. */
    private static double[] sinLike(double[] y) {
        double[] d = zerosLike(y);
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.sin(3.0 * i);
        }
        return d;
    }

    private static String message(Runnable r) {
        return assertThrows(RuntimeException.class, r::run).getMessage();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void validationMessagesNameTheProblem(Kind k) {
        assertEquals("x must not be null",
                assertThrows(NullPointerException.class, () -> k.fit.apply(null, new double[] {1, 2})).getMessage());
        assertEquals("x and y must have the same length: x.length = 5, y.length = 4",
                message(() -> k.fit.apply(new double[] {0, 1, 2, 3, 4}, new double[] {0, 1, 2, 3})));
        assertEquals(k.name + " needs at least 2 points, got 1",
                message(() -> k.fit.apply(new double[] {0}, new double[] {1})));
        assertEquals("x[1] = Infinity is not finite",
                message(() -> k.fit.apply(new double[] {0, Double.POSITIVE_INFINITY, 2}, new double[] {0, 1, 2})));
        assertEquals("y[2] = NaN is not finite",
                message(() -> k.fit.apply(new double[] {0, 1, 2, 3}, new double[] {0, 1, Double.NaN, 3})));
        assertEquals("x must be strictly increasing: x[3] = 2.0 <= x[2] = 2.0",
                message(() -> k.fit.apply(new double[] {0, 1, 2, 2, 3}, new double[] {0, 1, 2, 3, 4})));
        assertEquals("x must be strictly increasing: x[1] = 0.5 <= x[0] = 1.0",
                message(() -> k.fit.apply(new double[] {1, 0.5, 2}, new double[] {0, 1, 2})));
        // Columns: the element is named by row and column.
        assertEquals("y[1][2] = -Infinity is not finite",
                message(() -> k.columns.apply(new double[] {0, 1, 2},
                        new double[][] {{0, 0, 0}, {1, 1, Double.NEGATIVE_INFINITY}, {2, 2, 2}})));
        assertEquals("x and y must have the same length: x.length = 3, y.length = 2",
                message(() -> k.columns.apply(new double[] {0, 1, 2}, new double[][] {{0, 0}, {1, 1}})));
        assertEquals("y must be rectangular: y[2].length = 1, expected 2",
                message(() -> k.columns.apply(new double[] {0, 1, 2}, new double[][] {{0, 0}, {1, 1}, {2}})));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void interpolatesTheData(Kind k) {
        Random r = new Random(11);
        for (int n : new int[] {2, 3, 4, 5, 17, 200}) {
            double[] x = CubicTestSupport.randomAbscissae(r, n);
            double[] y = CubicTestSupport.randomValues(r, n);
            PiecewiseCubicInterpolant f = k.fit.apply(x, y);
            for (int i = 0; i < n; i++) {
                assertEquals(y[i], f.value(x[i]), TIGHT * (1 + Math.abs(y[i])), k + " n=" + n + " i=" + i);
            }
            assertEquals(x[0], f.lowerBound());
            assertEquals(x[n - 1], f.upperBound());
            assertEquals(k.defaultMode, f.outOfRange());
            assertArrayEquals(x, f.breakpoints());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void derivativesAreContinuousAsPromised(Kind k) {
        Random r = new Random(12);
        double[] x = CubicTestSupport.randomAbscissae(r, 40);
        double[] y = CubicTestSupport.randomValues(r, 40);
        PPoly p = k.fit.apply(x, y).toPPoly();
        for (int i = 1; i < x.length - 1; i++) {
            double h = x[i] - x[i - 1];
            for (int d = 0; d <= k.smoothness; d++) {
                double left = CubicTestSupport.pieceDerivative(p, i - 1, h, d);
                double right = CubicTestSupport.pieceDerivative(p, i, 0.0, d);
                assertEquals(right, left, CONTINUITY * (1 + Math.abs(right)), k + " derivative " + d + " at knot " + i);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void reproducesLinearData(Kind k) {
        if (k.name.equals("CubicSpline") && k.fit.apply(new double[] {0, 1}, new double[] {0, 1}).toPPoly()
                .derivative(1).value(0.0) != 1.0) {
            return; // derivative end conditions other than the data's slope cannot reproduce a line
        }
        Random r = new Random(13);
        double[] x = CubicTestSupport.randomAbscissae(r, 30);
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = 2.0 * x[i] - 1.0;
        }
        PiecewiseCubicInterpolant f = k.name.equals("CubicHermiteSpline")
                ? new CubicHermiteSpline(x, y, filled(x.length, 2.0)) : k.fit.apply(x, y);
        for (double t : CubicTestSupport.grid(x[0], x[x.length - 1], 0.0, 1001)) {
            assertEquals(2.0 * t - 1.0, f.value(t), TIGHT * (1 + Math.abs(t)), k + " at " + t);
        }
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void everyOutOfRangeMode(Kind k) {
        double[] x = {0.0, 0.5, 1.5, 2.0, 3.0};
        double[] y = {1.0, -1.0, 0.5, 2.0, 1.0};
        PiecewiseCubicInterpolant f = k.fit.apply(x, y);
        PPoly pieces = f.toPPoly().withOutOfRange(OutOfRange.extrapolate());
        double below = -0.75;
        double above = 3.4;

        PiecewiseCubicInterpolant ex = f.withOutOfRange(OutOfRange.extrapolate());
        assertEquals(CubicTestSupport.pieceDerivative(pieces, 0, below - x[0], 0), ex.value(below), TIGHT);
        assertEquals(CubicTestSupport.pieceDerivative(pieces, 3, above - x[3], 0), ex.value(above), TIGHT);

        Interpolant1D nan = f.withOutOfRange(OutOfRange.nan());
        assertTrue(Double.isNaN(nan.value(below)));
        assertTrue(Double.isNaN(nan.value(above)));
        assertEquals(f.value(1.0), nan.value(1.0));

        Interpolant1D raise = f.withOutOfRange(OutOfRange.raise());
        OutOfRangeException e = assertThrows(OutOfRangeException.class, () -> raise.value(above));
        assertEquals(above, e.value());
        assertEquals(0.0, e.lower());
        assertEquals(3.0, e.upper());
        assertEquals(f.value(3.0), raise.value(3.0));

        Interpolant1D clamp = f.withOutOfRange(OutOfRange.clamp());
        assertEquals(ex.value(0.0), clamp.value(below));
        assertEquals(ex.value(3.0), clamp.value(above));

        Interpolant1D fill = f.withOutOfRange(OutOfRange.fill(-7.0, 9.0));
        assertEquals(-7.0, fill.value(below));
        assertEquals(9.0, fill.value(above));
        assertEquals(f.value(2.2), fill.value(2.2));

        Interpolant1D periodic = f.withOutOfRange(OutOfRange.periodic());
        assertEquals(ex.value(0.3), periodic.value(0.3 + 3 * 3.0), TIGHT);
        assertEquals(ex.value(2.7), periodic.value(2.7 - 2 * 3.0), TIGHT);
        assertEquals(ex.value(0.0), periodic.value(3.0), 0.0); // scipy maps the right end to the left end

        // withOutOfRange keeps the class and the data; the same mode returns the same instance.
        assertSame(f.getClass(), ex.getClass());
        assertSame(f, f.withOutOfRange(f.outOfRange()));
        assertEquals(OutOfRange.clamp(), clamp.outOfRange());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void specialQueries(Kind k) {
        double[] x = {0.0, 1.0, 2.0, 3.0, 4.0};
        double[] y = {0.0, 1.0, 0.0, -1.0, 0.5};
        PiecewiseCubicInterpolant f = k.fit.apply(x, y);
        double[] specials = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e308, -1e308,
                Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, -0.0};
        for (OutOfRange mode : new OutOfRange[] {OutOfRange.extrapolate(), OutOfRange.nan(), OutOfRange.clamp(),
                OutOfRange.fill(1.5), OutOfRange.periodic(), OutOfRange.raise()}) {
            Interpolant1D g = f.withOutOfRange(mode);
            assertTrue(Double.isNaN(g.value(Double.NaN)), mode + ": NaN query");
            for (double q : specials) {
                boolean inside = q >= 0.0 && q <= 4.0;
                if (mode.kind() == OutOfRange.Kind.RAISE && !inside && !Double.isNaN(q)) {
                    assertThrows(OutOfRangeException.class, () -> g.value(q));
                    continue;
                }
                double v = g.value(q); // must not throw, whatever q
                if (Double.isNaN(q)) {
                    continue;
                }
                switch (mode.kind()) {
                    case NAN:
                        assertEquals(inside, !Double.isNaN(v), mode + " at " + q);
                        break;
                    case CLAMP:
                        assertEquals(f.value(Math.min(Math.max(q, 0.0), 4.0)), v, mode + " at " + q);
                        break;
                    case FILL:
                        if (!inside) {
                            assertEquals(1.5, v, mode + " at " + q);
                        }
                        break;
                    case PERIODIC:
                        if (Double.isInfinite(q)) {
                            assertTrue(Double.isNaN(v), mode + " at " + q);
                        } else {
                            assertTrue(Double.isFinite(v), mode + " at " + q);
                        }
                        break;
                    default:
                        break;
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void batchEqualsPointBitForBit(Kind k) {
        Random r = new Random(14);
        double[] x = CubicTestSupport.randomAbscissae(r, 1000);
        double[] y = CubicTestSupport.randomValues(r, 1000);
        double lo = x[0];
        double span = x[x.length - 1] - lo;
        double[] q = new double[PARALLEL_BATCH];
        for (int i = 0; i < q.length; i++) {
            q[i] = lo - 0.1 * span + 1.2 * span * r.nextDouble();
        }
        q[7] = Double.NaN;
        q[8] = Double.POSITIVE_INFINITY;
        q[q.length - 1] = x[x.length - 1];
        for (OutOfRange mode : new OutOfRange[] {k.defaultMode, OutOfRange.extrapolate(), OutOfRange.periodic(),
                OutOfRange.clamp()}) {
            PiecewiseCubicInterpolant f = k.fit.apply(x, y).withOutOfRange(mode);
            double[] batch = f.values(q);
            for (int i = 0; i < q.length; i++) {
                assertEquals(Double.doubleToRawLongBits(f.value(q[i])), Double.doubleToRawLongBits(batch[i]),
                        k + " " + mode + " at index " + i);
            }
            double[] same = q.clone();
            f.values(same, same); // in place
            assertArrayEquals(batch, same);
        }
        PiecewiseCubicInterpolant f = k.fit.apply(x, y).withOutOfRange(OutOfRange.raise());
        OutOfRangeException e = assertThrows(OutOfRangeException.class, () -> f.values(q));
        int first = 0;
        while (q[first] >= x[0] && q[first] <= x[x.length - 1] || Double.isNaN(q[first])) {
            first++;
        }
        assertEquals(q[first], e.value(), "the first offending query is reported");
        assertThrows(IllegalArgumentException.class, () -> f.values(q, new double[3]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void columnsAgreeWithSingleFitsBitForBit(Kind k) {
        Random r = new Random(15);
        int n = 60;
        int m = 3;
        double[] x = CubicTestSupport.randomAbscissae(r, n);
        double[][] y = new double[n][m];
        double[][] cols = new double[m][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                y[i][j] = j == 2 ? 5.0 : r.nextGaussian() * (j + 1); // column 2 is flat
                cols[j][i] = y[i][j];
            }
        }
        if (k.name.equals("CubicHermiteSpline")) {
            VectorInterpolant1D v = CubicHermiteSpline.ofColumns(x, y, zerosLike(y));
            for (int j = 0; j < m; j++) {
                assertColumnEquals(new CubicHermiteSpline(x, cols[j], new double[n]), v, j, x);
            }
            return;
        }
        VectorInterpolant1D v = k.columns.apply(x, y);
        assertEquals(m, v.columns());
        assertEquals(k.defaultMode, v.outOfRange());
        for (int j = 0; j < m; j++) {
            assertColumnEquals(k.fit.apply(x, cols[j]), v, j, x);
        }
        // Derivatives of the columns agree with the derivatives of the single fits.
        VectorInterpolant1D dv = v.derivative(2);
        for (int j = 0; j < m; j++) {
            PPoly single = k.fit.apply(x, cols[j]).derivative(2);
            for (double t : CubicTestSupport.grid(x[0], x[n - 1], 1.0, 97)) {
                assertEquals(Double.doubleToRawLongBits(single.withOutOfRange(dv.outOfRange()).value(t)),
                        Double.doubleToRawLongBits(dv.value(t)[j]));
            }
        }
        assertThrows(IndexOutOfBoundsException.class, () -> v.column(m));
        assertThrows(IllegalArgumentException.class, () -> v.value(0.5, new double[m - 1]));
    }

    private static void assertColumnEquals(PiecewiseCubicInterpolant single, VectorInterpolant1D v, int j,
            double[] x) {
        Interpolant1D col = v.column(j);
        double[][] expectC = single.coefficients();
        double[][] gotC = ((PPoly) col).coefficients();
        for (int p = 0; p < expectC.length; p++) {
            assertArrayEquals(expectC[p], gotC[p], 0.0, "coefficients of column " + j);
        }
        double[] q = CubicTestSupport.grid(x[0], x[x.length - 1], 2.0, 301);
        double[][] rows = v.values(q);
        for (OutOfRange mode : new OutOfRange[] {single.outOfRange(), OutOfRange.extrapolate(), OutOfRange.clamp(),
                OutOfRange.periodic(), OutOfRange.fill(-1.0, 2.0)}) {
            Interpolant1D s = single.withOutOfRange(mode);
            VectorInterpolant1D vm = v.withOutOfRange(mode);
            Interpolant1D cm = vm.column(j);
            for (double t : q) {
                long expected = Double.doubleToRawLongBits(s.value(t));
                assertEquals(expected, Double.doubleToRawLongBits(cm.value(t)), "column(" + j + ") at " + t);
                assertEquals(expected, Double.doubleToRawLongBits(vm.value(t)[j]), "value(t)[" + j + "] at " + t);
            }
        }
        for (int i = 0; i < q.length; i++) {
            assertEquals(Double.doubleToRawLongBits(single.value(q[i])), Double.doubleToRawLongBits(rows[i][j]));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void serialisationRoundTripAndTamperedStreams(Kind k) throws Exception {
        double[] x = {0.0, 0.75, 1.5, 2.5, 3.125, 4.0};
        double[] y = {0.0, 1.0, -0.5, 0.25, 2.0, 0.0};
        PiecewiseCubicInterpolant f = k.fit.apply(x, y)
                .withOutOfRange(OutOfRange.fill(-3.0, 4.0));
        PiecewiseCubicInterpolant back = (PiecewiseCubicInterpolant) CubicTestSupport.deserialize(
                CubicTestSupport.serialize(f));
        assertSame(f.getClass(), back.getClass());
        assertEquals(f.outOfRange(), back.outOfRange());
        for (double t : CubicTestSupport.grid(0.0, 4.0, 1.0, 57)) {
            assertEquals(Double.doubleToRawLongBits(f.value(t)), Double.doubleToRawLongBits(back.value(t)));
        }
        byte[] stream = CubicTestSupport.serialize(f);
        // x no longer increasing: 3.125 -> 0.5.
        byte[] badX = CubicTestSupport.replaceDouble(stream, 3.125, 0.5);
        InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> CubicTestSupport.deserialize(badX));
        assertTrue(e.getMessage().contains("x must be strictly increasing: x[4] = 0.5 <= x[3] = 2.5"), e.getMessage());
        // A non-finite y value: -0.5 -> NaN.
        byte[] badY = CubicTestSupport.replaceDouble(stream, -0.5, Double.NaN);
        e = assertThrows(InvalidObjectException.class, () -> CubicTestSupport.deserialize(badY));
        assertTrue(e.getMessage().contains("y[2] = NaN is not finite"), e.getMessage());

        // Columns.
        double[][] yc = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            yc[i] = new double[] {y[i], 2 * y[i]};
        }
        VectorInterpolant1D v = k.name.equals("CubicHermiteSpline")
                ? CubicHermiteSpline.ofColumns(x, yc, zerosLike(yc)) : k.columns.apply(x, yc);
        v = v.withOutOfRange(OutOfRange.clamp());
        VectorInterpolant1D vb = (VectorInterpolant1D) CubicTestSupport.deserialize(CubicTestSupport.serialize(v));
        assertEquals(OutOfRange.clamp(), vb.outOfRange());
        for (double t : CubicTestSupport.grid(0.0, 4.0, 1.0, 33)) {
            assertArrayEquals(v.value(t), vb.value(t), 0.0);
        }
        byte[] badColumns = CubicTestSupport.replaceDouble(CubicTestSupport.serialize(v), 3.125, 0.5);
        assertThrows(InvalidObjectException.class, () -> CubicTestSupport.deserialize(badColumns));
        // A derivative (coefficient form) round-trips too.
        VectorInterpolant1D dv = v.derivative(1);
        VectorInterpolant1D dvb = (VectorInterpolant1D) CubicTestSupport.deserialize(CubicTestSupport.serialize(dv));
        assertArrayEquals(dv.value(1.0), dvb.value(1.0), 0.0);
    }
}
