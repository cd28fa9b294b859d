package io.github.interp4j.interpolate;

import static io.github.interp4j.interpolate.BSplineTest.deserialize;
import static io.github.interp4j.interpolate.BSplineTest.serialize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.interp4j.interpolate.Interp1d.Kind;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An {@link Interp1d} with m value columns: one evaluation path for every m; {@link Interp1d#column(int)} equals
 * the fit of that column alone (with scipy's 2-D semantics) bit for bit; the single-column methods refuse
 * m &gt; 1; the deprecated {@link VectorInterp1d} view gives the same numbers.
 */
@SuppressWarnings("deprecation")
class Interp1dColumnsTest {
    /** More than two parallel chunks of {@code ParallelEvaluation}. */
    private static final int BATCH = 2 * 32768 + 555;
    private static final double NAN = Double.NaN;

    /** Unsorted abscissae, distinct (the spline kinds need that). */
    private static final double[] X = {3.1, 0, 0.7, 4, 1.5, 2, 5.25, 2.6};

    private static double[][] data(int m) {
        double[][] y = new double[X.length][m];
        for (int i = 0; i < X.length; i++) {
            for (int j = 0; j < m; j++) {
                y[i][j] = Math.cos(X[i] * (j + 1)) - 0.2 * j;
            }
        }
        return y;
    }

    private static double[][] oneColumn(double[][] y, int j) {
        double[][] c = new double[y.length][1];
        for (int i = 0; i < y.length; i++) {
            c[i][0] = y[i][j];
        }
        return c;
    }

    private static double[] flatColumn(double[][] y, int j) {
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
            q[i] = -2 + 9.5 * rnd.nextDouble();
        }
        q[0] = NAN;
        q[1] = 0;
        q[2] = 5.25;
        q[3] = X[4];
        q[4] = Double.NEGATIVE_INFINITY;
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

    private static OutOfRange[] modesWithoutRaise() {
        return new OutOfRange[] {OutOfRange.extrapolate(), OutOfRange.nan(), OutOfRange.clamp(),
            OutOfRange.fill(-1.5, 2.5), OutOfRange.periodic()};
    }

    @Test
    void columnsEqualTheSingleColumnFitsBitForBit() {
        double[][] y = data(3);
        double[] q = queries(BATCH, 1);
        for (Kind k : Kind.values()) {
            for (OutOfRange mode : modesWithoutRaise()) {
                Interp1d multi = Interp1d.fromColumns(X, y, k).withOutOfRange(mode);
                assertEquals(3, multi.columns());
                double[] flat = new double[q.length * 3];
                multi.valuesColumns(q, flat);
                double[] row = new double[3];
                for (int j = 0; j < 3; j++) {
                    String w = k + " " + mode + " column " + j;
                    Interp1d single2d = Interp1d.fromColumns(X, oneColumn(y, j), k).withOutOfRange(mode);
                    Interp1d single1d = new Interp1d(X, flatColumn(y, j), k).withOutOfRange(mode);
                    Interp1d cj = multi.column(j);
                    assertEquals(1, cj.columns());
                    assertEquals(mode, cj.outOfRange());
                    double[] expected = single2d.values(q);
                    double[] cv = cj.values(q);
                    // LINEAR of 1-D y is numpy.interp unless extrapolating; the 2-D path is scipy's _call_linear
                    boolean sameAs1d = k != Kind.LINEAR || mode.kind() == OutOfRange.Kind.EXTRAPOLATE;
                    double[] v1 = single1d.values(q);
                    for (int i = 0; i < q.length; i++) {
                        assertBits(expected[i], flat[i * 3 + j], w, " at ", q[i]);
                        assertBits(expected[i], cv[i], w, " column(j) at ", q[i]);
                        if (sameAs1d) {
                            assertBits(v1[i], cv[i], w, " 1-D fit at ", q[i]);
                        }
                        if (i % 101 == 0) {
                            multi.value(q[i], row);
                            assertBits(expected[i], row[j], w, " value(x, out) at ", q[i]);
                            assertBits(expected[i], cj.value(q[i]), w, " point = batch at ", q[i]);
                        }
                    }
                }
            }
        }
    }

    @Test
    void derivativesPerColumnEqualTheSingleColumnFits() {
        double[][] y = data(2);
        double[] q = queries(3000, 2);
        for (Kind k : new Kind[] {Kind.LINEAR, Kind.SLINEAR, Kind.QUADRATIC, Kind.CUBIC}) {
            Interp1d multi = Interp1d.fromColumns(X, y, k).withOutOfRange(OutOfRange.extrapolate());
            int maxOrder = k == Kind.LINEAR ? 1 : k.order();
            for (int order = 1; order <= maxOrder; order++) {
                BSpline d = assertInstanceOf(BSpline.class, multi.derivative(order));
                assertEquals(2, d.columns());
                for (int j = 0; j < 2; j++) {
                    BSpline dj = (BSpline) new Interp1d(X, flatColumn(y, j), k).withOutOfRange(OutOfRange.extrapolate())
                            .derivative(order);
                    assertArrayEquals(dj.coefficients(), d.column(j).coefficients(), 0.0, k + " order " + order);
                    BSpline viaColumn = (BSpline) multi.column(j).derivative(order);
                    double[] e = dj.values(q);
                    double[] a = d.column(j).values(q);
                    double[] c = viaColumn.values(q);
                    for (int i = 0; i < q.length; i++) {
                        assertBits(e[i], a[i], k, " derivative ", order, " column ", j, " at ", q[i]);
                        assertBits(e[i], c[i], k, " column(j).derivative ", order, " at ", q[i]);
                    }
                }
            }
        }
    }

    @Test
    void aNanMakesEveryCubicColumnNanAndColumnsKeepIt() throws Exception {
        double[][] y = data(2);
        y[3][0] = NAN;
        Interp1d multi = Interp1d.fromColumns(X, y, Kind.CUBIC);
        Interp1d c1 = multi.column(1);
        assertTrue(Double.isNaN(c1.value(2.2)));
        assertTrue(Double.isNaN(c1.derivative(1).value(2.2)));
        Interp1d back = (Interp1d) deserialize(serialize(c1));
        assertTrue(Double.isNaN(back.value(2.2)));
        // the same column fitted alone is finite
        assertTrue(Double.isFinite(Interp1d.fromColumns(X, oneColumn(y, 1), Kind.CUBIC).value(2.2)));
        // LINEAR columns keep scipy's 2-D path through a round trip
        double[] x = {0, 1, 2, 3};
        Interp1d lin = Interp1d.fromColumns(x, new double[][] {{1, 1}, {NAN, 2}, {3, 3}, {4, 4}}, Kind.LINEAR);
        Interp1d col0 = (Interp1d) deserialize(serialize(lin.column(0)));
        assertTrue(Double.isNaN(col0.value(2)));
        assertEquals(3.5, col0.value(2.5), 0.0);
    }

    @Test
    void singleColumnMethodsRefuseSeveralColumns() {
        Interp1d multi = Interp1d.fromColumns(X, data(2), Kind.NEAREST);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> multi.value(1.0));
        assertTrue(e.getMessage().contains("Interp1d has 2 value columns"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> multi.values(new double[] {1}, new double[1]));
        assertThrows(IllegalStateException.class, () -> multi.y());
        assertEquals(2, multi.yColumns()[0].length);
        assertThrows(IllegalArgumentException.class, () -> multi.value(1.0, new double[1]));
        assertThrows(IllegalArgumentException.class, () -> multi.valuesColumns(new double[2], new double[3]));
        assertThrows(IndexOutOfBoundsException.class, () -> multi.column(2));
        assertThrows(OutOfRangeException.class, () -> multi.value(-1, new double[2]));
        assertThrows(IllegalArgumentException.class,
                () -> Interp1d.fromColumns(X, new double[][] {{1, 2}, {1}, {1, 2}, {1, 2}, {1, 2}, {1, 2}, {1, 2},
                    {1, 2}}, Kind.LINEAR));
        Interp1d one = new Interp1d(X, flatColumn(data(1), 0));
        assertSame(one, one.column(0));
        assertTrue(multi.toString().contains("columns=2"), multi.toString());
    }

    @Test
    void serialisationRoundTripKeepsEveryColumn() throws Exception {
        double[] q = queries(2000, 3);
        for (Kind k : Kind.values()) {
            Interp1d multi = Interp1d.fromColumns(X, data(3), k).withOutOfRange(OutOfRange.fill(-4, 4));
            Interp1d back = (Interp1d) deserialize(serialize(multi));
            assertEquals(3, back.columns());
            assertEquals(k, back.kind());
            assertEquals(multi.outOfRange(), back.outOfRange());
            assertArrayEquals(multi.x(), back.x(), 0.0);
            double[] a = new double[3 * q.length];
            double[] b = new double[3 * q.length];
            multi.valuesColumns(q, a);
            back.valuesColumns(q, b);
            for (int i = 0; i < a.length; i++) {
                assertBits(a[i], b[i], k, " round trip at ", i);
            }
        }
    }

    @Test
    void deprecatedViewGivesTheSameNumbers() throws Exception {
        double[][] y = data(2);
        double[] q = queries(BATCH, 4);
        for (Kind k : Kind.values()) {
            VectorInterp1d v = Interp1d.ofColumns(X, y, k).withOutOfRange(OutOfRange.nan());
            Interp1d f = Interp1d.fromColumns(X, y, k).withOutOfRange(OutOfRange.nan());
            assertEquals(2, v.asInterp1d().columns());
            double[][] rows = v.values(q);
            double[][] fr = f.valuesColumns(q);
            for (int i = 0; i < q.length; i++) {
                assertBits(fr[i][0], rows[i][0], k, " at ", q[i]);
                assertBits(fr[i][1], rows[i][1], k, " at ", q[i]);
            }
            assertArrayEquals(f.yColumns()[2], v.y()[2], 0.0);
            assertArrayEquals(f.x(), v.x(), 0.0);
            assertEquals(k, v.kind());
            assertSame(v, v.withOutOfRange(OutOfRange.nan()));
            assertSame(v, v.derivative(0));
            if (k.order() >= 1) {
                VectorBSpline dv = assertInstanceOf(VectorBSpline.class, v.derivative(1));
                assertArrayEquals(f.derivative(1).valuesColumns(q)[17], dv.values(q)[17], 0.0);
            }
            VectorInterp1d back = (VectorInterp1d) deserialize(serialize(v));
            assertArrayEquals(v.value(2.3), back.value(2.3), 0.0);
        }
    }
}
