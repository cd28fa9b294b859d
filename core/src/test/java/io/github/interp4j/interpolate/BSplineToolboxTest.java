package io.github.interp4j.interpolate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The B-spline toolbox and {@link BPoly} without scipy: named errors for bad input before any work, the
 * column contract (each column equals its single-column result bit for bit), identities (knot insertion and the
 * basis conversions leave the function unchanged, the design matrix reproduces the spline), and serialisation.
 */
class BSplineToolboxTest {
    private static final double[] T3 = {0, 0, 0, 0, 1, 2, 3, 4, 4, 4, 4};
    private static final double[] C3 = {1, -2, 0.5, 3, -1, 2, 0.25};

    private static String message(Class<? extends Throwable> type, org.junit.jupiter.api.function.Executable e) {
        return assertThrows(type, e).getMessage();
    }

    @Test
    void designMatrixRefusesBadInputByName() {
        assertTrue(message(IllegalArgumentException.class,
                () -> BSpline.designMatrix(new double[] {0.5, Double.NaN}, T3, 3)).contains("x[1] = NaN"));
        assertTrue(message(IllegalArgumentException.class,
                () -> BSpline.designMatrix(new double[] {Double.POSITIVE_INFINITY}, T3, 3, true))
                .contains("x[0] = Infinity"));
        assertTrue(message(IllegalArgumentException.class,
                () -> BSpline.designMatrix(new double[] {0.5}, new double[] {0, 0, 0, 0, 2, 1, 4, 4, 4, 4}, 3))
                .contains("t[5]"));
        assertTrue(message(IllegalArgumentException.class, () -> BSpline.designMatrix(new double[] {0.5}, T3, -1))
                .contains("k = -1"));
        assertTrue(message(IllegalArgumentException.class,
                () -> BSpline.designMatrix(new double[] {0.5}, new double[] {0, 1, 2}, 1)).contains("at least 4 knots"));
        assertTrue(message(IllegalArgumentException.class,
                () -> BSpline.designMatrix(new double[] {0.5}, T3, 3, OutOfRange.clamp())).contains("raise"));
        OutOfRangeException e = assertThrows(OutOfRangeException.class,
                () -> BSpline.designMatrix(new double[] {0.5, 4.5}, T3, 3));
        assertEquals(4.5, e.value());
        assertThrows(NullPointerException.class, () -> BSpline.designMatrix(null, T3, 3));
    }

    @Test
    void designMatrixReproducesTheSplineAndGuardsDense() {
        double[] x = {0, 0.3, 1, 2.5, 3.999, 4, -0.5, 4.5};
        DesignMatrix a = BSpline.designMatrix(x, T3, 3, true);
        assertEquals(8, a.rows());
        assertEquals(7, a.columns());
        assertEquals(3, a.degree());
        BSpline s = new BSpline(T3, C3, 3);
        double[] v = a.multiply(C3);
        double[][] dense = a.toDense();
        for (int i = 0; i < x.length; i++) {
            assertEquals(s.value(x[i]), v[i], 1e-14);
            double rowSum = 0;
            for (int j = 0; j < a.columns(); j++) {
                assertEquals(dense[i][j], a.get(i, j));
                rowSum += dense[i][j];
            }
            assertEquals(1.0, rowSum, 1e-14, "partition of unity at x = " + x[i]);
            assertEquals(a.values(i).length, 4);
        }
        assertEquals(3, a.firstColumn(5), "x = t[n] is in the last interval");
        assertThrows(IndexOutOfBoundsException.class, () -> a.firstColumn(8));
        // 10^4 rows over 10^4 B-splines: sparse is fine, dense (10^8 entries) is refused by name
        int n = 10_000;
        double[] t = new double[n + 4];
        for (int i = 0; i < t.length; i++) {
            t[i] = Math.min(Math.max(i - 3, 0), n - 3);
        }
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = (n - 3.0) * i / n;
        }
        DesignMatrix big = BSpline.designMatrix(xs, t, 3);
        assertTrue(message(IllegalStateException.class, big::toDense).contains("MAX_DENSE_ENTRIES"));
    }

    @Test
    void derivativeAtPointsValidatesAndMatchesTheDerivativeSpline() {
        BSpline s = new BSpline(T3, C3, 3);
        assertTrue(message(IllegalArgumentException.class, () -> s.value(1.0, -1)).contains("nu must be >= 0"));
        assertThrows(IllegalArgumentException.class, () -> s.values(new double[] {1}, -2));
        assertThrows(NullPointerException.class, () -> s.values(null, 1));
        assertTrue(Double.isNaN(s.value(Double.NaN, 2)));
        for (double x = -0.5; x <= 4.5; x += 0.125) {
            for (int nu = 0; nu <= 3; nu++) {
                double d = s.derivative(nu).value(x);
                assertEquals(d, s.value(x, nu), 1e-12 * Math.max(1, Math.abs(d)), "nu = " + nu + ", x = " + x);
            }
            assertEquals(0.0, s.value(x, 4));
        }
        assertThrows(OutOfRangeException.class, () -> s.withOutOfRange(OutOfRange.raise()).value(5.0, 1));
        assertTrue(Double.isNaN(s.withOutOfRange(OutOfRange.nan()).value(5.0, 1)));
        // at an interior knot of full multiplicity the derivative spline cannot be built, the point value can
        double[] t = {0, 0, 0, 0, 2, 2, 2, 2, 4, 4, 4, 4};
        BSpline b = new BSpline(t, new double[] {0, 1, 2, 3, 5, 1, 0, 2}, 3);
        assertThrows(IllegalArgumentException.class, () -> b.derivative(1));
        // right of the knot the piece is 3 (1 - u)^2 u ... : derivative from the right at 2 is 3 (c5 - c4) / 2
        assertEquals(3 * (1 - 5) / 2.0, b.value(2.0, 1), 1e-14);
        // from the left (just below) it tends to 3 (c3 - c2) / 2
        assertEquals(3 * (3 - 2) / 2.0, b.value(Math.nextDown(2.0), 1), 1e-12);
    }

    @Test
    void insertKnotValidatesAndKeepsTheFunction() {
        BSpline s = new BSpline(T3, C3, 3);
        assertTrue(message(IllegalArgumentException.class, () -> s.insertKnot(Double.NaN)).contains("NaN"));
        assertTrue(message(IllegalArgumentException.class, () -> s.insertKnot(4.5)).contains("4.5"));
        assertTrue(message(IllegalArgumentException.class, () -> s.insertKnot(1.5, 0)).contains("m = 0"));
        assertTrue(message(IllegalArgumentException.class, () -> s.insertKnot(1.5, -3)).contains("m = -3"));
        Random rnd = new Random(9);
        for (double at : new double[] {0.0, 0.7, 2.0, 3.3, 4.0}) {
            for (int mult = 1; mult <= 4; mult++) {
                BSpline s2 = s.insertKnot(at, mult);
                assertEquals(T3.length + mult, s2.knots().length);
                for (int q = 0; q < 50; q++) {
                    // on the base interval (inserting at an end knot changes the extrapolation there, as in scipy)
                    double x = 4 * rnd.nextDouble();
                    assertEquals(s.value(x), s2.value(x), 1e-12, "at = " + at + ", m = " + mult + ", x = " + x);
                }
            }
        }
        double[][] c2 = {{1, 0}, {-2, 1}, {0.5, 2}, {3, 3}, {-1, 4}, {2, 5}, {0.25, 6}};
        BSpline cols = BSpline.fromColumns(T3, c2, 3);
        BSpline ins = cols.insertKnot(1.5, 2);
        for (int j = 0; j < 2; j++) {
            assertArrayEquals(cols.column(j).insertKnot(1.5, 2).coefficients(), ins.column(j).coefficients());
        }
    }

    @Test
    void interpolationOnGivenKnotsNamesTheViolatedCondition() {
        double[] x = {0, 1, 2, 3, 4, 5, 6};
        double[] y = {1, 3, 2, 0, -1, 2, 1};
        double[] good = {0, 0, 0, 0, 2, 3, 4, 6, 6, 6, 6};
        BSpline s = BSpline.makeInterpSpline(x, y, 3, good);
        for (int i = 0; i < x.length; i++) {
            assertEquals(y[i], s.value(x[i]), 1e-13);
        }
        double[] bad = {0, 0, 0, 0, 0.1, 0.2, 0.3, 6, 6, 6, 6};
        String msg = message(IllegalArgumentException.class, () -> BSpline.makeInterpSpline(x, y, 3, bad));
        assertTrue(msg.contains("Schoenberg-Whitney") && msg.contains("x[1] = 1.0") && msg.contains("[t[1], t[5]]"), msg);
        assertTrue(message(IllegalArgumentException.class,
                () -> BSpline.makeInterpSpline(x, y, 3, new double[] {0, 0, 0, 0, 2, 3, 4, 6, 6, 6, 6, 6})).contains("0+0"));
        assertTrue(message(IllegalArgumentException.class,
                () -> BSpline.makeInterpSpline(x, y, 3, Arrays.copyOf(good, 9))).contains("need at least 11"));
        assertTrue(message(IllegalArgumentException.class, () -> BSpline.makeInterpSpline(x, y, 0, good))
                .contains("k=0"));
        double[] nan = good.clone();
        nan[5] = Double.NaN;
        assertTrue(message(IllegalArgumentException.class, () -> BSpline.makeInterpSpline(x, y, 3, nan))
                .contains("t[5] = NaN"));
        double[] narrow = {0.5, 0.5, 0.5, 0.5, 2, 3, 4, 6, 6, 6, 6};
        assertTrue(message(IllegalArgumentException.class, () -> BSpline.makeInterpSpline(x, y, 3, narrow))
                .contains("Out of bounds: x[0] = 0.0"));
        double[] yBad = y.clone();
        yBad[2] = Double.NEGATIVE_INFINITY;
        assertTrue(message(IllegalArgumentException.class, () -> BSpline.makeInterpSpline(x, yBad, 3, good))
                .contains("y[2] = -Infinity"));
        double[] xBad = {0, 1, 2, 2, 4, 5, 6};
        assertTrue(message(IllegalArgumentException.class, () -> BSpline.makeInterpSpline(xBad, y, 3, good))
                .contains("x[3]"));
    }

    @Test
    void powerBasisConversions() {
        double[] x = {0, 0.5, 1.5, 2, 3.5, 4};
        double[] y = {1, 0, 2, -1, 0.5, 3};
        CubicSpline cs = new CubicSpline(x, y);
        BSpline b = BSpline.fromPowerBasis(cs);
        PPoly back = PPoly.fromSpline(b);
        for (double q = -0.5; q <= 4.5; q += 0.0625) {
            assertEquals(cs.value(q), b.value(q), 1e-12);
            assertEquals(cs.value(q), back.value(q), 1e-12);
            assertEquals(cs.derivative(1).value(q), back.value(q, 1), 1e-11);
        }
        assertTrue(message(IllegalArgumentException.class,
                () -> BSpline.fromPowerBasis(cs, BoundaryCondition.firstDerivative(1.0))).contains("Unknown"));
        assertThrows(NullPointerException.class, () -> BSpline.fromPowerBasis(null));
        double[][] c2 = {{1, 0}, {-2, 1}, {0.5, 2}, {3, 3}, {-1, 4}, {2, 5}, {0.25, 6}};
        PPoly pc = PPoly.fromSpline(BSpline.fromColumns(T3, c2, 3));
        for (int j = 0; j < 2; j++) {
            PPoly one = PPoly.fromSpline(BSpline.fromColumns(T3, c2, 3).column(j));
            assertArrayEquals(flat(one.coefficients()), flat(pc.column(j).coefficients()), "column " + j);
        }
        BPoly bp = BPoly.fromPowerBasis(cs.toPPoly());
        PPoly pp = PPoly.fromBernsteinBasis(bp);
        for (double q = -0.5; q <= 4.5; q += 0.0625) {
            assertEquals(cs.value(q), bp.value(q), 1e-12);
            assertEquals(cs.value(q), pp.value(q), 1e-12);
            assertEquals(cs.derivative(2).value(q), bp.value(q, 2), 1e-10);
        }
        assertEquals(cs.integrate(-0.3, 4.2), bp.integrate(-0.3, 4.2), 1e-12);
        assertTrue(message(IllegalArgumentException.class,
                () -> BPoly.fromPowerBasis(new PPoly(new double[][] {{1, 2}}, new double[] {0, 0, 1})))
                .contains("[1]"));
    }

    private static double[] flat(double[][] a) {
        return Arrays.stream(a).flatMapToDouble(Arrays::stream).toArray();
    }

    @Test
    void bpolyRefusesBadInputByName() {
        double[] x = {0, 1, 2};
        assertTrue(message(IllegalArgumentException.class, () -> new BPoly(new double[][] {{1, Double.NaN}}, x))
                .contains("c[0][1] = NaN"));
        assertTrue(message(IllegalArgumentException.class, () -> new BPoly(new double[][] {{1, 2}}, new double[] {0, 2, 1}))
                .contains("x[2]"));
        assertTrue(message(IllegalArgumentException.class, () -> new BPoly(new double[][] {{1, 2}}, new double[] {0, 1, 1}))
                .contains("x[2]"));
        assertTrue(message(IllegalArgumentException.class, () -> new BPoly(new double[][] {{1, 2, 3}}, x))
                .contains("c[0].length = 3"));
        assertTrue(message(IllegalArgumentException.class, () -> new BPoly(new double[0][], x)).contains("1 row"));
        assertThrows(NullPointerException.class, () -> new BPoly(null, x));
        BPoly bp = new BPoly(new double[][] {{1, 2}, {3, 0}}, x);
        assertTrue(message(IllegalArgumentException.class, () -> bp.value(0.5, -1)).contains("nu must be >= 0"));
        assertThrows(IllegalArgumentException.class, () -> bp.antiderivative(-1));
        assertEquals(0.0, bp.value(0.5, 2));
        assertTrue(message(IllegalArgumentException.class,
                () -> BPoly.fromDerivatives(new double[] {0, 1}, new double[][] {{1}})).contains("same length"));
        assertTrue(message(IllegalArgumentException.class,
                () -> BPoly.fromDerivatives(x, new double[][] {{1}, {2}, {3}}, new int[] {1})).contains("orders.length"));
        assertTrue(message(IllegalArgumentException.class,
                () -> BPoly.fromDerivatives(x, new double[][] {{1}, {2}, {3}}, 0)).contains("Orders must be positive"));
        assertTrue(message(IllegalArgumentException.class,
                () -> BPoly.fromDerivatives(x, new double[][] {{1}, {2, Double.NaN}, {3}})).contains("yi[1][1] = NaN"));
        assertTrue(message(IllegalArgumentException.class,
                () -> BPoly.fromDerivatives(x, new double[][] {{}, {}, {3}})).contains("no derivatives"));
        assertTrue(message(IllegalArgumentException.class,
                () -> BPoly.fromDerivatives(new double[] {0, 2, 1}, new double[][] {{1}, {2}, {3}})).contains("xi[2]"));
        assertTrue(message(IllegalArgumentException.class,
                () -> BPoly.fromDerivatives(x, new double[][] {{1, 2}, {3}, {0, 1, 2}}, 2)).contains("order 2 requested"));
        assertTrue(message(IllegalArgumentException.class, () -> new BPoly(new double[BPoly.MAX_DEGREE + 2][2], x))
                .contains("MAX_DEGREE"));
        assertTrue(message(IllegalArgumentException.class, () -> bp.antiderivative(BPoly.MAX_DEGREE))
                .contains("MAX_DEGREE"));
        double[][] many = {new double[600], new double[600]};
        many[0][0] = 1;
        assertTrue(message(IllegalArgumentException.class, () -> BPoly.fromDerivatives(new double[] {0, 1e-3}, many))
                .contains("MAX_DEGREE"));
        double[][] overflow = {new double[300], new double[300]};
        Arrays.fill(overflow[0], 1e300);
        assertTrue(message(IllegalArgumentException.class,
                () -> BPoly.fromDerivatives(new double[] {0, 1e6}, overflow)).contains("overflow"));
    }

    @Test
    void bpolyColumnsSerialisationAndModes() throws Exception {
        double[] x = {0, 1, 2.5};
        double[][][] c = {{{1, 0}, {2, 1}}, {{-1, 3}, {0.5, 2}}, {{2, 2}, {1, -1}}};
        BPoly bp = BPoly.fromColumns(c, x);
        assertEquals(2, bp.columns());
        assertThrows(IllegalStateException.class, () -> bp.value(0.5));
        double[] qs = {-0.5, 0, 0.3, 1, 1.7, 2.5, 3};
        double[] all = new double[qs.length * 2];
        bp.valuesColumns(qs, all);
        for (int j = 0; j < 2; j++) {
            BPoly col = bp.column(j);
            for (int i = 0; i < qs.length; i++) {
                assertEquals(all[i * 2 + j], col.value(qs[i]));
            }
            assertEquals(bp.integrateColumns(-0.2, 2.9)[j], col.integrate(-0.2, 2.9));
            assertArrayEquals(flatCol(bp.derivative(2).coefficientsColumns(), j),
                    flatCol(col.derivative(2).coefficientsColumns(), 0));
        }
        BPoly back = (BPoly) CubicTestSupport.deserialize(CubicTestSupport.serialize(bp));
        double[] again = new double[qs.length * 2];
        back.valuesColumns(qs, again);
        assertArrayEquals(all, again);
        BPoly nan = bp.withOutOfRange(OutOfRange.nan());
        double[] out = new double[2];
        nan.value(3.0, out);
        assertTrue(Double.isNaN(out[0]) && Double.isNaN(out[1]));
        assertTrue(Double.isNaN(nan.integrateColumns(-1, 1)[0]));
        BPoly clamp = bp.column(0).withOutOfRange(OutOfRange.clamp());
        assertEquals(clamp.value(2.5) * 1.5 + clamp.integrate(0, 2.5), clamp.integrate(0, 4.0), 1e-13);
        assertThrows(OutOfRangeException.class, () -> bp.column(1).withOutOfRange(OutOfRange.raise()).integrate(0, 3));
        // the antiderivative's derivative is the polynomial again
        BPoly a = bp.column(1).antiderivative(2).derivative(2);
        for (double q : qs) {
            assertEquals(bp.column(1).value(q), a.value(q), 1e-12);
        }
    }

    private static double[] flatCol(double[][][] c, int j) {
        return Arrays.stream(c).flatMap(Arrays::stream).mapToDouble(r -> r[j]).toArray();
    }

    @Test
    void ppolyDescendingValidationAndDerivativeAtPoints() {
        assertTrue(message(IllegalArgumentException.class,
                () -> new PPoly(new double[][] {{1, 2}}, new double[] {2, 1, 1.5})).contains("x[2] = 1.5"));
        PPoly d = new PPoly(new double[][] {{1, 2}, {0, 1}}, new double[] {2, 1, 0});
        assertEquals(2.0, d.lowerBound() + d.upperBound());
        assertEquals(0.0, d.value(2.0));
        assertEquals(1.0, d.value(1.0), "x = 1 belongs to interval 1 (scipy's descending convention)");
        assertEquals(2.0, d.value(0.5, 1));
        assertTrue(message(IllegalArgumentException.class, () -> d.value(0.5, -1)).contains("nu must be >= 0"));
        assertEquals(0.0, d.value(0.5, 3));
        PPoly back;
        try {
            back = (PPoly) CubicTestSupport.deserialize(CubicTestSupport.serialize(d));
        } catch (java.io.IOException | ClassNotFoundException e) {
            throw new AssertionError(e);
        }
        PPoly clamp = d.withOutOfRange(OutOfRange.clamp());
        for (double q : new double[] {-1, 0, 0.25, 1, 1.5, 2, 3}) {
            assertEquals(d.value(q), back.value(q));
            assertEquals(d.value(q), d.column(0).value(q));
            assertEquals(d.value(Math.min(Math.max(q, 0), 2)), clamp.value(q));
        }
        // clamp integrates the end values outside: p(0) = 2 * (0 - 1) + 1 = -1 below, p(2) = 0 above
        assertEquals(d.integrate(0, 2) - 1.0 * 1 + 0.0 * 1, clamp.integrate(-1, 3), 1e-15);
        // scipy 1.17: [2, 1, 0.5], the sign change across the breakpoint 1 included, in interval order
        assertArrayEquals(new double[] {2.0, 1.0, 0.5}, d.roots(), 1e-15);
        assertEquals(-0.5, d.integrate(0, 2), 1e-15);
    }

    @Test
    void largeDerivativeBatchesEqualPointEvaluation() {
        Random rnd = new Random(17);
        int n = 200_000;
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = -0.5 + 5 * rnd.nextDouble();
        }
        double[][] c2 = {{1, 0}, {-2, 1}, {0.5, 2}, {3, 3}, {-1, 4}, {2, 5}, {0.25, 6}};
        BSpline s = BSpline.fromColumns(T3, c2, 3);
        double[] out = new double[2 * n];
        s.valuesColumns(xs, 2, out);
        BSpline s0 = s.column(0);
        double[] one = s0.values(xs, 2);
        double[] row = new double[2];
        for (int i = 0; i < n; i += 997) {
            s.value(xs[i], 2, row);
            assertEquals(row[0], out[2 * i]);
            assertEquals(row[1], out[2 * i + 1]);
            assertEquals(s0.value(xs[i], 2), one[i]);
            assertEquals(one[i], out[2 * i], "column 0 bit for bit");
        }
        BPoly bp = BPoly.fromPowerBasis(new CubicSpline(new double[] {0, 1, 2, 3, 4}, new double[] {1, 0, 2, 1, 3})
                .toPPoly());
        double[] bv = bp.values(xs, 1);
        PPoly pp = PPoly.fromBernsteinBasis(bp);
        double[] pv = pp.values(xs, 1);
        for (int i = 0; i < n; i += 997) {
            assertEquals(bp.value(xs[i], 1), bv[i]);
            assertEquals(pp.value(xs[i], 1), pv[i]);
            assertEquals(bv[i], pv[i], 1e-12 * Math.max(1, Math.abs(bv[i])));
        }
        DesignMatrix a = BSpline.designMatrix(xs, T3, 3, true);
        double[] av = a.multiply(C3);
        BSpline s3 = new BSpline(T3, C3, 3);
        for (int i = 0; i < n; i += 997) {
            assertEquals(s3.value(xs[i]), av[i], 1e-13);
        }
    }
}
