package io.github.interp4j.interpolate;

import static io.github.interp4j.interpolate.BSplineTest.deserialize;
import static io.github.interp4j.interpolate.BSplineTest.serialize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A {@link BSpline} with m value columns: every column, and everything derived from it, equals bit for bit the
 * single-column spline fitted to that column alone; the single-column methods refuse m &gt; 1; the deprecated
 * {@link VectorBSpline} view gives the same numbers.
 */
@SuppressWarnings("deprecation")
class BSplineColumnsTest {
    /** More than two parallel chunks of {@code ParallelEvaluation}. */
    private static final int BATCH = 2 * 32768 + 777;

    private static final double[] X = {0, 0.5, 1.3, 2, 2.2, 3.1, 4, 4.4, 5.5};
    /** Limits of the integrals: inside, outside on either side, across, reversed, coinciding, NaN. */
    private static final double[][] LIMITS = {{0.3, 4.1}, {-2, -1}, {6, 9}, {-1, 7}, {5, 0.2}, {8, -3}, {2, 2},
        {-12.5, 31}, {Double.NaN, 1}};

    private static double[][] data(int m, boolean periodic) {
        double[][] y = new double[X.length][m];
        for (int i = 0; i < X.length; i++) {
            for (int j = 0; j < m; j++) {
                y[i][j] = Math.sin(X[i] * (j + 1)) + 0.3 * j * X[i];
            }
        }
        if (periodic) {
            y[X.length - 1] = y[0].clone();
        }
        return y;
    }

    private static double[] col(double[][] y, int j) {
        double[] c = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            c[i] = y[i][j];
        }
        return c;
    }

    private static double[] queries(int count, long seed) {
        Random rnd = new Random(seed);
        double[] q = new double[count];
        for (int i = 0; i < q.length; i++) {
            q[i] = -3 + 12 * rnd.nextDouble();
        }
        q[0] = Double.NaN;
        q[1] = X[0];
        q[2] = X[X.length - 1];
        q[3] = Double.POSITIVE_INFINITY;
        return q;
    }

    /** Bit equality; the message parts are joined only on failure (these checks run in long loops). */
    private static void assertBits(double expected, double actual, Object... what) {
        if (Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(actual)) {
            StringBuilder b = new StringBuilder();
            for (Object o : what) {
                b.append(o);
            }
            fail(b + ": expected " + expected + ", got " + actual);
        }
    }

    /** Every column of {@code multi} evaluates as {@code single[j]}, through every multi-column path. */
    private static void assertColumnsEqual(BSpline multi, BSpline[] single, double[] q, String what) {
        int m = multi.columns();
        assertEquals(single.length, m);
        double[] flat = new double[q.length * m];
        multi.valuesColumns(q, flat);
        double[][] rows = multi.valuesColumns(q);
        double[] row = new double[m];
        for (int j = 0; j < m; j++) {
            BSpline cj = multi.column(j);
            assertEquals(1, cj.columns());
            double[] sv = single[j].values(q);
            double[] cv = cj.values(q);
            for (int i = 0; i < q.length; i++) {
                assertBits(sv[i], flat[i * m + j], what, " column ", j, " at ", q[i]);
                assertBits(sv[i], rows[i][j], what, " rows, column ", j, " at ", q[i]);
                assertBits(sv[i], cv[i], what, " column(", j, ") at ", q[i]);
                if (i % 97 == 0) {
                    multi.value(q[i], row);
                    assertBits(sv[i], row[j], what, " value(x, out), column ", j, " at ", q[i]);
                    assertBits(sv[i], single[j].value(q[i]), what, " point = batch at ", q[i]);
                }
            }
        }
    }

    private static BSpline[] perColumn(double[][] y, int k, BoundaryCondition left, BoundaryCondition right) {
        BSpline[] s = new BSpline[y[0].length];
        for (int j = 0; j < s.length; j++) {
            s[j] = BSpline.makeInterpSpline(X, col(y, j), k, left, right);
        }
        return s;
    }

    /** The fit, its derivatives, antiderivatives and integrals: column j of each equals the single fit's. */
    private static void assertFitMatchesColumns(BSpline multi, BSpline[] single, String what) {
        double[] q = queries(3000, 11);
        assertArrayEquals(single[0].knots(), multi.knots(), 0.0, what + " knots");
        double[][] cc = multi.coefficientsColumns();
        for (int j = 0; j < single.length; j++) {
            double[] cj = single[j].coefficients();
            for (int i = 0; i < cj.length; i++) {
                assertBits(cj[i], cc[i][j], what, " c[", i, "][", j, "]");
            }
            assertArrayEquals(cj, multi.column(j).coefficients(), 0.0);
        }
        for (OutOfRange mode : BSplineTest.allModes()) {
            BSpline mm = multi.withOutOfRange(mode);
            BSpline[] sm = new BSpline[single.length];
            for (int j = 0; j < sm.length; j++) {
                sm[j] = single[j].withOutOfRange(mode);
            }
            String w = what + " " + mode;
            if (mode.kind() != OutOfRange.Kind.RAISE) {
                assertColumnsEqual(mm, sm, q, w);
            }
            for (int order = 1; order <= multi.degree(); order++) {
                BSpline d = mm.derivative(order);
                BSpline[] ds = new BSpline[sm.length];
                for (int j = 0; j < ds.length; j++) {
                    ds[j] = sm[j].derivative(order);
                }
                assertEquals(mode, d.outOfRange());
                if (mode.kind() != OutOfRange.Kind.RAISE) {
                    assertColumnsEqual(d, ds, q, w + " derivative " + order);
                }
            }
            for (int order = 1; order <= 2; order++) {
                BSpline a = mm.antiderivative(order);
                BSpline[] as = new BSpline[sm.length];
                for (int j = 0; j < as.length; j++) {
                    as[j] = sm[j].antiderivative(order);
                }
                assertEquals(as[0].outOfRange(), a.outOfRange());
                if (a.outOfRange().kind() != OutOfRange.Kind.RAISE) {
                    assertColumnsEqual(a, as, q, w + " antiderivative " + order);
                }
            }
            for (double[] lim : LIMITS) {
                boolean raises = mode.kind() == OutOfRange.Kind.RAISE
                        && (outside(mm, lim[0]) || outside(mm, lim[1]));
                if (raises) {
                    assertThrows(OutOfRangeException.class, () -> mm.integrateColumns(lim[0], lim[1]));
                    continue;
                }
                double[] ic = mm.integrateColumns(lim[0], lim[1]);
                for (int j = 0; j < sm.length; j++) {
                    assertBits(sm[j].integrate(lim[0], lim[1]), ic[j], w, " integral over [", lim[0], ", ", lim[1],
                            "], column ", j);
                }
            }
        }
    }

    private static boolean outside(BSpline s, double t) {
        return t < s.lowerBound() || t > s.upperBound();
    }

    @Test
    void interpolatingSplinesEqualTheSingleColumnFitsBitForBit() {
        double[][] y = data(3, false);
        for (int k = 0; k <= 5; k++) {
            BSpline multi = BSpline.makeInterpSplineColumns(X, y, k);
            assertEquals(3, multi.columns());
            assertFitMatchesColumns(multi, perColumn(y, k, BoundaryCondition.notAKnot(), BoundaryCondition.notAKnot()),
                    "k=" + k);
        }
        BoundaryCondition[][] bcs = {{BoundaryCondition.clamped(), BoundaryCondition.natural()},
            {BoundaryCondition.firstDerivative(0.5), BoundaryCondition.notAKnot()}};
        for (BoundaryCondition[] bc : bcs) {
            int k = bc[1].isDerivative() ? 3 : 2;
            BSpline multi = BSpline.makeInterpSplineColumns(X, y, k, bc[0], bc[1]);
            assertFitMatchesColumns(multi, perColumn(y, k, bc[0], bc[1]), "k=" + k + " " + bc[0] + ", " + bc[1]);
        }
    }

    @Test
    void periodicSplinesEqualTheSingleColumnFitsBitForBit() {
        double[][] y = data(2, true);
        for (int k = 2; k <= 5; k++) {
            BSpline multi = BSpline.makeInterpSplineColumns(X, y, k, BoundaryCondition.periodic(),
                    BoundaryCondition.periodic());
            assertEquals(OutOfRange.periodic(), multi.outOfRange());
            assertEquals(OutOfRange.nan(), multi.antiderivative(1).outOfRange());
            assertFitMatchesColumns(multi, perColumn(y, k, BoundaryCondition.periodic(), BoundaryCondition.periodic()),
                    "periodic k=" + k);
        }
    }

    @Test
    void explicitDerivativeConditionsPerColumn() {
        double[][] y = data(2, false);
        int[] orders = {1, 2};
        double[][] left = {{0.25, -1}, {0, 3}};
        double[][] right = {{1, 0.5}, {-2, 0}};
        BSpline multi = BSpline.makeInterpSplineColumns(X, y, 5, orders, left, orders, right);
        BSpline[] single = new BSpline[2];
        for (int j = 0; j < 2; j++) {
            single[j] = BSpline.makeInterpSpline(X, col(y, j), 5, orders, new double[] {left[0][j], left[1][j]}, orders,
                    new double[] {right[0][j], right[1][j]});
        }
        assertFitMatchesColumns(multi, single, "quintic, explicit");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BSpline.makeInterpSplineColumns(X, y, 5, orders, new double[][] {{0}, {0, 0}}, orders, right));
        assertTrue(e.getMessage().contains("left derivative value 0 has 1 columns, expected 2"), e.getMessage());
    }

    @Test
    void fromColumnsEqualsSingleColumnSplines() {
        double[] t = {0, 0, 0, 0, 0.3, 1.1, 2, 2, 2, 2};
        double[][] c = {{1, -1, 0}, {2, 0.5, 1}, {0, 3, 2}, {-1, 1, 3}, {4, 2, 4}, {0.5, -2, 5}, {9, 9, 9}};
        BSpline multi = BSpline.fromColumns(t, c, 3, OutOfRange.fill(-7, 8));
        BSpline[] single = new BSpline[3];
        for (int j = 0; j < 3; j++) {
            single[j] = new BSpline(t, col(c, j), 3, OutOfRange.fill(-7, 8));
        }
        assertColumnsEqual(multi, single, queries(BATCH, 5), "fromColumns");
        assertEquals(c.length, multi.coefficientsColumns().length);
        assertSame(single[0], single[0].column(0));
        assertThrows(IndexOutOfBoundsException.class, () -> multi.column(3));
        assertThrows(IndexOutOfBoundsException.class, () -> multi.column(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> single[0].column(1));
        double[][] copy = multi.coefficientsColumns();
        copy[0][0] = 99;
        assertEquals(1.0, multi.coefficientsColumns()[0][0]);
        assertTrue(multi.toString().contains("columns=3"), multi.toString());
    }

    @Test
    void singleColumnMethodsRefuseSeveralColumns() {
        BSpline multi = BSpline.makeInterpSplineColumns(X, data(2, false), 3);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> multi.value(1.0));
        assertTrue(e.getMessage().contains("2 value columns"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> multi.values(new double[] {1}, new double[1]));
        assertThrows(IllegalStateException.class, () -> multi.values(new double[] {1}));
        assertThrows(IllegalStateException.class, () -> multi.applyAsDouble(1.0));
        assertThrows(IllegalStateException.class, () -> multi.integrate(0, 1));
        assertThrows(IllegalStateException.class, () -> multi.coefficients());
        assertThrows(IllegalStateException.class, () -> multi.derivative(1).value(1.0));
        assertThrows(IllegalArgumentException.class, () -> multi.value(1.0, new double[1]));
        assertThrows(IllegalArgumentException.class, () -> multi.valuesColumns(new double[2], new double[3]));
        assertThrows(NullPointerException.class, () -> multi.valuesColumns(null, new double[3]));
        assertThrows(NullPointerException.class, () -> multi.value(1.0, null));
    }

    @Test
    void outOfRangeAnswersForEveryColumn() {
        BSpline multi = BSpline.makeInterpSplineColumns(X, data(2, false), 3);
        double[] row = new double[2];
        multi.withOutOfRange(OutOfRange.fill(-1, 2)).value(-5, row);
        assertArrayEquals(new double[] {-1, -1}, row, 0.0);
        multi.withOutOfRange(OutOfRange.nan()).value(9, row);
        assertTrue(Double.isNaN(row[0]) && Double.isNaN(row[1]));
        multi.value(Double.NaN, row);
        assertTrue(Double.isNaN(row[0]) && Double.isNaN(row[1]));
        BSpline raising = multi.withOutOfRange(OutOfRange.raise());
        double[] q = queries(BATCH, 3);
        q[BATCH - 5] = 1e6;
        assertThrows(OutOfRangeException.class, () -> raising.valuesColumns(q, new double[2 * q.length]));
        assertThrows(OutOfRangeException.class, () -> raising.value(-1, row));
    }

    @Test
    void serialisationRoundTripKeepsEveryColumn() throws Exception {
        BSpline multi = BSpline.makeInterpSplineColumns(X, data(3, false), 3).withOutOfRange(OutOfRange.clamp());
        BSpline back = (BSpline) deserialize(serialize(multi));
        assertEquals(3, back.columns());
        assertEquals(multi.outOfRange(), back.outOfRange());
        assertArrayEquals(multi.knots(), back.knots(), 0.0);
        double[][] c = multi.coefficientsColumns();
        double[][] cb = back.coefficientsColumns();
        for (int i = 0; i < c.length; i++) {
            assertArrayEquals(c[i], cb[i], 0.0);
        }
        double[] q = queries(500, 9);
        assertColumnsEqual(back, new BSpline[] {multi.column(0), multi.column(1), multi.column(2)}, q, "round trip");
        BSpline d = (BSpline) deserialize(serialize(multi.derivative(2)));
        assertColumnsEqual(d, new BSpline[] {multi.column(0).derivative(2), multi.column(1).derivative(2),
            multi.column(2).derivative(2)}, q, "round trip of the derivative");
    }

    @Test
    void deprecatedViewGivesTheSameNumbers() throws Exception {
        double[][] y = data(2, false);
        VectorBSpline v = BSpline.makeInterpSpline(X, y, 3);
        BSpline b = BSpline.makeInterpSplineColumns(X, y, 3);
        assertEquals(b.columns(), v.columns());
        assertEquals(2, v.asBSpline().columns());
        double[] q = queries(BATCH, 21);
        double[][] rv = v.values(q);
        double[] flat = new double[2 * q.length];
        b.valuesColumns(q, flat);
        for (int i = 0; i < q.length; i++) {
            assertBits(flat[2 * i], rv[i][0], "view at ", q[i]);
            assertBits(flat[2 * i + 1], rv[i][1], "view at ", q[i]);
        }
        assertArrayEquals(b.integrateColumns(-1, 3.3), v.integrate(-1, 3.3), 0.0);
        assertArrayEquals(b.antiderivative(1).valuesColumns(q)[7], v.antiderivative(1).values(q)[7], 0.0);
        assertArrayEquals(b.derivative(2).valuesColumns(q)[9], v.derivative(2).values(q)[9], 0.0);
        assertArrayEquals(b.coefficientsColumns()[3], v.coefficients()[3], 0.0);
        assertArrayEquals(b.knots(), v.knots(), 0.0);
        assertArrayEquals(b.column(1).coefficients(), v.column(1).coefficients(), 0.0);
        assertEquals(b.degree(), v.degree());
        assertSame(v, v.withOutOfRange(OutOfRange.extrapolate()));
        assertSame(v, v.derivative(0));
        assertEquals(OutOfRange.nan(), v.withOutOfRange(OutOfRange.nan()).outOfRange());
        VectorBSpline old = BSpline.ofColumns(b.knots(), b.coefficientsColumns(), 3, OutOfRange.nan());
        assertArrayEquals(b.withOutOfRange(OutOfRange.nan()).valuesColumns(q)[11], old.values(q)[11], 0.0);
        VectorBSpline back = (VectorBSpline) deserialize(serialize(v));
        assertArrayEquals(v.value(1.7), back.value(1.7), 0.0);
    }
}
