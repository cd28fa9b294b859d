package io.github.interp4j.interpolate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

@SuppressWarnings("deprecation") // these tests cover the deprecated multi-column views too
class BSplineTest {
    /** Agreement with scipy values printed with repr (17 significant digits), relative to max(1, |expected|). */
    private static final double SCIPY_TOL = 1e-14;
    /** Agreement with an independent, differently-rounded evaluation (naive recursive basis, closed forms). */
    private static final double CLOSED_FORM_TOL = 1e-12;
    /** More than two parallel chunks of {@code ParallelEvaluation}. */
    private static final int BATCH = 2 * 32768 + 4321;

    // scipy: BSpline([0, 1, 2, 3, 4, 5, 6], [-1, 2, 0, -1], 2) (the example of scipy's BSpline docstring)
    private static final double[] DOC_T = {0, 1, 2, 3, 4, 5, 6};
    private static final double[] DOC_C = {-1, 2, 0, -1};

    static void close(double expected, double actual, double tol) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), "expected NaN, got " + actual);
            return;
        }
        assertEquals(expected, actual, tol * Math.max(1.0, Math.abs(expected)));
    }

    static void close(double[] expected, double[] actual, double tol) {
        assertEquals(expected.length, actual.length, "length");
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i])) {
                assertTrue(Double.isNaN(actual[i]), "index " + i + ": expected NaN, got " + actual[i]);
            } else {
                assertEquals(expected[i], actual[i], tol * Math.max(1.0, Math.abs(expected[i])), "index " + i);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // validation

    @Test
    void rejectsNegativeDegree() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BSpline(DOC_T, DOC_C, -1));
        assertTrue(e.getMessage().contains("k = -1"), e.getMessage());
    }

    @Test
    void rejectsTooFewKnots() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BSpline(new double[] {0, 1, 2, 3, 4, 5, 6}, new double[] {1, 2}, 3));
        assertTrue(e.getMessage().contains("Need at least 8 knots for degree 3, got 7"), e.getMessage());
    }

    @Test
    void rejectsNonFiniteKnotNamingIt() {
        double[] t = {0, 1, 2, Double.NaN, 4, 5, 6};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BSpline(t, DOC_C, 2));
        assertTrue(e.getMessage().contains("t[3] = NaN"), e.getMessage());
        double[] t2 = {0, 1, 2, 3, 4, 5, Double.POSITIVE_INFINITY};
        e = assertThrows(IllegalArgumentException.class, () -> new BSpline(t2, DOC_C, 2));
        assertTrue(e.getMessage().contains("t[6] = Infinity"), e.getMessage());
    }

    @Test
    void rejectsDecreasingKnotsNamingThem() {
        double[] t = {0, 1, 2, 3, 2.5, 5, 6};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BSpline(t, DOC_C, 2));
        assertTrue(e.getMessage().contains("t[4] = 2.5 < t[3] = 3.0"), e.getMessage());
    }

    @Test
    void rejectsEmptyBaseInterval() {
        double[] t = {0, 0, 1, 1, 1, 1, 2};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BSpline(t, DOC_C, 2));
        assertTrue(e.getMessage().contains("t[2] = 1.0 equals t[4] = 1.0"), e.getMessage());
    }

    @Test
    void rejectsTooFewCoefficients() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BSpline(DOC_T, new double[] {1, 2, 3}, 2));
        assertTrue(e.getMessage().contains("need at least n = t.length - k - 1 = 4 coefficients, got 3"),
                e.getMessage());
    }

    @Test
    void rejectsNulls() {
        assertThrows(NullPointerException.class, () -> new BSpline(null, DOC_C, 2));
        assertThrows(NullPointerException.class, () -> new BSpline(DOC_T, null, 2));
        assertThrows(NullPointerException.class, () -> new BSpline(DOC_T, DOC_C, 2, null));
        assertThrows(NullPointerException.class, () -> BSpline.ofColumns(DOC_T, new double[][] {{1}, null, {1}, {1}}, 2));
    }

    @Test
    void rejectsRaggedColumns() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BSpline.ofColumns(DOC_T, new double[][] {{1, 2}, {1, 2}, {1}, {1, 2}}, 2));
        assertTrue(e.getMessage().contains("c[2].length = 1"), e.getMessage());
    }

    @Test
    void extraCoefficientsAreKeptAndIgnored() {
        BSpline b = new BSpline(DOC_T, new double[] {-1, 2, 0, -1, 99, 99}, 2);
        assertEquals(6, b.coefficients().length);
        assertEquals(1.375, b.value(2.5), 0.0);
    }

    @Test
    void accessorsReturnCopies() {
        BSpline b = new BSpline(DOC_T, DOC_C, 2);
        b.knots()[0] = 42;
        b.coefficients()[0] = 42;
        assertArrayEquals(DOC_T, b.knots());
        assertArrayEquals(DOC_C, b.coefficients());
        assertEquals(2, b.degree());
        assertEquals(2.0, b.lowerBound());
        assertEquals(4.0, b.upperBound());
    }

    // ---------------------------------------------------------------------------------------------
    // evaluation

    @Test
    void scipyDocstringExample() {
        // scipy: spl = BSpline([0,1,2,3,4,5,6], [-1,2,0,-1], 2); spl(2.5) -> 1.375; spl(1.5) -> -1.625;
        // spl(4.5) -> -0.875; spl(1.5, extrapolate=False) -> nan
        BSpline b = new BSpline(DOC_T, DOC_C, 2);
        assertEquals(1.375, b.value(2.5), 0.0);
        assertEquals(-1.625, b.value(1.5), 0.0);
        assertEquals(-0.875, b.value(4.5), 0.0);
        assertTrue(Double.isNaN(b.withOutOfRange(OutOfRange.nan()).value(1.5)));
    }

    /** The recursive definition, straight from scipy's docstring. */
    private static double naiveBasis(double x, int k, int i, double[] t) {
        if (k == 0) {
            return t[i] <= x && x < t[i + 1] ? 1.0 : 0.0;
        }
        double c1 = t[i + k] == t[i] ? 0.0 : (x - t[i]) / (t[i + k] - t[i]) * naiveBasis(x, k - 1, i, t);
        double c2 = t[i + k + 1] == t[i + 1] ? 0.0
                : (t[i + k + 1] - x) / (t[i + k + 1] - t[i + 1]) * naiveBasis(x, k - 1, i + 1, t);
        return c1 + c2;
    }

    @Test
    void agreesWithRecursiveDefinitionInsideBaseInterval() {
        Random rnd = new Random(11);
        for (int k = 0; k <= 5; k++) {
            for (int rep = 0; rep < 5; rep++) {
                int n = k + 1 + rnd.nextInt(12);
                double[] t = new double[n + k + 1];
                for (int i = 0; i < t.length; i++) {
                    t[i] = rnd.nextDouble() * 10;
                }
                Arrays.sort(t);
                if (rep == 1 && n > k + 2) {
                    t[k + 2] = t[k + 1]; // a double interior knot
                }
                double[] c = new double[n];
                for (int i = 0; i < n; i++) {
                    c[i] = rnd.nextGaussian();
                }
                BSpline b = new BSpline(t, c, k);
                for (int s = 0; s < 50; s++) {
                    double x = t[k] + rnd.nextDouble() * (t[n] - t[k]);
                    double expected = 0;
                    for (int i = 0; i < n; i++) {
                        expected += c[i] * naiveBasis(x, k, i, t);
                    }
                    close(expected, b.value(x), CLOSED_FORM_TOL);
                }
            }
        }
    }

    @Test
    void partitionOfUnity() {
        double[] t = {0, 0, 0, 0, 0.3, 1.1, 1.1, 2, 2, 2, 2};
        double[] c = new double[t.length - 4];
        Arrays.fill(c, 1.0);
        BSpline b = new BSpline(t, c, 3);
        for (double x = 0; x <= 2; x += 0.01) {
            close(1.0, b.value(x), CLOSED_FORM_TOL);
        }
    }

    @Test
    void outOfRangeModes() {
        BSpline b = new BSpline(DOC_T, DOC_C, 2);
        // extrapolate continues the end pieces (scipy values above), value at the ends is the end value
        assertEquals(-1.625, b.value(1.5), 0.0);
        OutOfRangeException e = assertThrows(OutOfRangeException.class,
                () -> b.withOutOfRange(OutOfRange.raise()).value(4.25));
        assertEquals(4.25, e.value());
        assertEquals(2.0, e.lower());
        assertEquals(4.0, e.upper());
        assertTrue(e.getMessage().contains("4.25") && e.getMessage().contains("[2.0, 4.0]"), e.getMessage());
        assertEquals(b.value(2.0), b.withOutOfRange(OutOfRange.clamp()).value(-7), 0.0);
        assertEquals(b.value(4.0), b.withOutOfRange(OutOfRange.clamp()).value(1e300), 0.0);
        BSpline fill = b.withOutOfRange(OutOfRange.fill(-3, 8));
        assertEquals(-3, fill.value(1.999), 0.0);
        assertEquals(8, fill.value(4.001), 0.0);
        assertEquals(b.value(3.0), fill.value(3.0), 0.0);
        assertTrue(Double.isNaN(b.withOutOfRange(OutOfRange.nan()).value(5)));
        // periodic: t[k] + (x - t[k]) mod (t[n] - t[k]), as scipy: x = t[n] evaluates at t[k]
        BSpline per = b.withOutOfRange(OutOfRange.periodic());
        assertEquals(b.value(2.5), per.value(4.5), 0.0);
        assertEquals(b.value(2.5), per.value(-1.5), 0.0);
        assertEquals(b.value(2.0), per.value(4.0), 0.0);
        assertTrue(Double.isNaN(per.value(Double.POSITIVE_INFINITY)));
        // every mode: a NaN query is NaN (raise included)
        for (OutOfRange m : allModes()) {
            assertTrue(Double.isNaN(b.withOutOfRange(m).value(Double.NaN)), m.toString());
        }
        assertSame(b, b.withOutOfRange(OutOfRange.extrapolate()));
    }

    static OutOfRange[] allModes() {
        return new OutOfRange[] {OutOfRange.extrapolate(), OutOfRange.nan(), OutOfRange.raise(), OutOfRange.clamp(),
            OutOfRange.fill(-1.5, 2.5), OutOfRange.periodic()};
    }

    @Test
    void extremeQueriesNeverIndexOutOfBounds() {
        double[] q = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE,
            -Double.MAX_VALUE, Double.MIN_VALUE, -0.0, 1e300, -1e300, Math.nextUp(4.0), Math.nextDown(2.0)};
        for (int k = 0; k <= 4; k++) {
            double[] t = new double[2 * k + 6];
            for (int i = 0; i < t.length; i++) {
                t[i] = i;
            }
            double[] c = new double[t.length - k - 1];
            Arrays.fill(c, 1.0);
            for (OutOfRange m : allModes()) {
                BSpline b = new BSpline(t, c, k, m);
                for (double x : q) {
                    try {
                        b.value(x);
                    } catch (OutOfRangeException expected) {
                        assertEquals(OutOfRange.Kind.RAISE, m.kind());
                    }
                }
            }
        }
    }

    @Test
    void batchEqualsPointBitForBit() {
        Random rnd = new Random(5);
        double[] xs = new double[BATCH];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = -3 + rnd.nextDouble() * 12;
        }
        xs[17] = Double.NaN;
        xs[40000] = Double.POSITIVE_INFINITY;
        xs[60000] = -1e300;
        BSpline base = BSpline.makeInterpSpline(new double[] {0, 0.7, 1.1, 2, 3.5, 4, 5, 6}, new double[] {1, -1, 2, 0.5,
            0.25, 3, -2, 1});
        for (OutOfRange m : allModes()) {
            if (m.kind() == OutOfRange.Kind.RAISE) {
                continue;
            }
            BSpline b = base.withOutOfRange(m);
            double[] out = b.values(xs);
            for (int i = 0; i < xs.length; i++) {
                assertEquals(Double.doubleToRawLongBits(b.value(xs[i])), Double.doubleToRawLongBits(out[i]),
                        m + " at " + i);
            }
        }
    }

    @Test
    void batchRaiseNamesFirstOffendingQuery() {
        double[] xs = new double[BATCH];
        Arrays.fill(xs, 3.0);
        xs[30000] = 7.5;
        xs[60000] = -4.5;
        BSpline b = new BSpline(DOC_T, DOC_C, 2, OutOfRange.raise());
        OutOfRangeException e = assertThrows(OutOfRangeException.class, () -> b.values(xs));
        assertEquals(7.5, e.value());
        assertThrows(IllegalArgumentException.class, () -> b.values(xs, new double[3]));
    }

    // ---------------------------------------------------------------------------------------------
    // calculus

    @Test
    void derivativeAndAntiderivativeMatchScipy() {
        BSpline b = new BSpline(DOC_T, DOC_C, 2);
        // scipy: spl.derivative() -> t [1, 2, 3, 4, 5], c [3, -2, -1, 0, 0], k 1
        BSpline d = b.derivative(1);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, d.knots());
        assertArrayEquals(new double[] {3, -2, -1, 0, 0}, d.coefficients());
        assertEquals(1, d.degree());
        // scipy: spl.antiderivative() -> t [0, 0, 1, 2, 3, 4, 5, 6, 6], c [0, -1, 1, 1, 0, 0, 0, 0, 0], k 3
        BSpline a = b.antiderivative(1);
        assertArrayEquals(new double[] {0, 0, 1, 2, 3, 4, 5, 6, 6}, a.knots());
        assertArrayEquals(new double[] {0, -1, 1, 1, 0, 0, 0, 0, 0}, a.coefficients());
        assertEquals(3, a.degree());
        assertSame(b, b.derivative(0));
        assertSame(b, b.antiderivative(0));
    }

    @Test
    void integrateMatchesScipyInEveryScipyMode() {
        BSpline b = new BSpline(DOC_T, DOC_C, 2);
        // scipy: spl.integrate(-1, 7) -> -34.66666666666667; extrapolate=False -> 1.333333333333333;
        // extrapolate='periodic' -> 5.333333333333333
        close(-34.66666666666667, b.integrate(-1, 7), SCIPY_TOL);
        close(1.333333333333333, b.withOutOfRange(OutOfRange.nan()).integrate(-1, 7), SCIPY_TOL);
        close(5.333333333333333, b.withOutOfRange(OutOfRange.periodic()).integrate(-1, 7), SCIPY_TOL);
        close(34.66666666666667, b.integrate(7, -1), SCIPY_TOL);
        // extrapolate=False with both limits outside on one side: 0 (scipy's 1-D splint)
        assertEquals(0.0, b.withOutOfRange(OutOfRange.nan()).integrate(-5, -1), 0.0);
        assertTrue(Double.isNaN(b.integrate(Double.NaN, 3)));
    }

    @Test
    void integrateClampFillAndRaise() {
        BSpline b = new BSpline(DOC_T, DOC_C, 2);
        double inside = b.integrate(2, 4);
        close(inside + 3 * b.value(2) + 2 * b.value(4), b.withOutOfRange(OutOfRange.clamp()).integrate(-1, 6),
                CLOSED_FORM_TOL);
        close(inside + 3 * -1.0 + 2 * 5.0, b.withOutOfRange(OutOfRange.fill(-1, 5)).integrate(-1, 6), CLOSED_FORM_TOL);
        close(b.integrate(2.5, 3.5), b.withOutOfRange(OutOfRange.raise()).integrate(2.5, 3.5), 0.0);
        assertThrows(OutOfRangeException.class, () -> b.withOutOfRange(OutOfRange.raise()).integrate(2.5, 4.5));
    }

    @Test
    void calculusOfAnExactCubic() {
        // a not-a-knot cubic reproduces x^3 - 2x exactly; check derivatives, antiderivative and integral
        double[] x = {-1, -0.2, 0.5, 1.3, 2, 2.4, 3};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] * x[i] * x[i] - 2 * x[i];
        }
        BSpline s = BSpline.makeInterpSpline(x, y, 3);
        BSpline d1 = s.derivative(1);
        BSpline d2 = s.derivative(2);
        BSpline d3 = s.derivative(3);
        BSpline a1 = s.antiderivative(1);
        for (double q = -2; q <= 4; q += 0.37) {
            close(q * q * q - 2 * q, s.value(q), CLOSED_FORM_TOL * 10);
            close(3 * q * q - 2, d1.value(q), CLOSED_FORM_TOL * 10);
            close(6 * q, d2.value(q), CLOSED_FORM_TOL * 10);
            close(6, d3.value(q), CLOSED_FORM_TOL * 10);
            // antiderivative is zero at t[0] = -1: F(q) = (q^4 - 1)/4 - (q^2 - 1)
            close((q * q * q * q - 1) / 4 - (q * q - 1), a1.value(q), CLOSED_FORM_TOL * 10);
        }
        close((Math.pow(3, 4) - 1) / 4 - (9 - 1), s.integrate(-1, 3), CLOSED_FORM_TOL);
        close(-((Math.pow(2.5, 4) - Math.pow(0.5, 4)) / 4 - (6.25 - 0.25)), s.integrate(2.5, 0.5), CLOSED_FORM_TOL);
        assertThrows(IllegalArgumentException.class, () -> s.derivative(4));
        assertThrows(IllegalArgumentException.class, () -> s.derivative(-1));
        assertThrows(IllegalArgumentException.class, () -> s.antiderivative(-1));
    }

    @Test
    void derivativeKeepsModeAndAntiderivativeOfPeriodicIsNan() {
        BSpline b = new BSpline(DOC_T, DOC_C, 2, OutOfRange.periodic());
        assertEquals(OutOfRange.periodic(), b.derivative(1).outOfRange());
        assertEquals(OutOfRange.nan(), b.antiderivative(1).outOfRange());
        BSpline c = new BSpline(DOC_T, DOC_C, 2, OutOfRange.fill(1, 2));
        assertEquals(OutOfRange.fill(1, 2), c.antiderivative(2).outOfRange());
    }

    @Test
    void repeatedInteriorKnotsLimitDifferentiation() {
        double[] t = {0, 0, 1, 1, 2, 2};
        BSpline b = new BSpline(t, new double[] {1, 2, 3, 4}, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.derivative(1));
        assertTrue(e.getMessage().contains("not differentiable"), e.getMessage());
    }

    // ---------------------------------------------------------------------------------------------
    // multi-column

    @Test
    void columnsEqualScalarSplinesBitForBit() {
        double[] t = {0, 0, 0, 0, 0.3, 1.1, 2, 2, 2, 2};
        double[][] c = {{1, -1}, {2, 0.5}, {0, 3}, {-1, 1}, {4, 2}, {0.5, -2}};
        VectorBSpline v = BSpline.ofColumns(t, c, 3);
        assertEquals(2, v.columns());
        Random rnd = new Random(3);
        double[] xs = new double[BATCH];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = -1 + 4 * rnd.nextDouble();
        }
        double[][] rows = v.values(xs);
        for (int j = 0; j < 2; j++) {
            double[] cj = new double[c.length];
            for (int i = 0; i < c.length; i++) {
                cj[i] = c[i][j];
            }
            BSpline s = new BSpline(t, cj, 3);
            BSpline col = v.column(j);
            for (int i = 0; i < xs.length; i += 7) {
                double expected = s.value(xs[i]);
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(rows[i][j]));
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(col.value(xs[i])));
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(v.value(xs[i])[j]));
            }
            close(s.integrate(-0.5, 1.7), v.integrate(-0.5, 1.7)[j], 0.0);
            close(s.derivative(2).value(0.9), v.derivative(2).column(j).value(0.9), 0.0);
            close(s.antiderivative(1).value(1.9), v.antiderivative(1).value(1.9)[j], 0.0);
        }
        assertThrows(IndexOutOfBoundsException.class, () -> v.column(2));
        assertThrows(IllegalArgumentException.class, () -> v.value(0.5, new double[1]));
        double[][] cc = v.coefficients();
        cc[0][0] = 99;
        assertEquals(1.0, v.coefficients()[0][0]);
    }

    // ---------------------------------------------------------------------------------------------
    // serialisation

    static byte[] serialize(Object o) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bos)) {
            out.writeObject(o);
        }
        return bos.toByteArray();
    }

    static Object deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }

    /** Replaces the first big-endian occurrence of {@code from} by {@code to} in a serial stream. */
    static byte[] patchDouble(byte[] bytes, double from, double to) {
        byte[] f = ByteBuffer.allocate(8).putDouble(from).array();
        byte[] t = ByteBuffer.allocate(8).putDouble(to).array();
        for (int i = 0; i + 8 <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + 8, f, 0, 8)) {
                byte[] copy = bytes.clone();
                System.arraycopy(t, 0, copy, i, 8);
                return copy;
            }
        }
        throw new AssertionError("pattern not found");
    }

    @Test
    void serializationRoundTrip() throws Exception {
        BSpline b = new BSpline(DOC_T, DOC_C, 2, OutOfRange.fill(-1, 7));
        BSpline r = (BSpline) deserialize(serialize(b));
        assertArrayEquals(b.knots(), r.knots());
        assertArrayEquals(b.coefficients(), r.coefficients());
        assertEquals(b.degree(), r.degree());
        assertEquals(b.outOfRange(), r.outOfRange());
        for (double x = 0; x < 7; x += 0.1) {
            assertEquals(Double.doubleToRawLongBits(b.value(x)), Double.doubleToRawLongBits(r.value(x)));
        }
        VectorBSpline v = BSpline.ofColumns(DOC_T, new double[][] {{1, 2}, {3, 4}, {5, 6}, {7, 8}}, 2);
        VectorBSpline vr = (VectorBSpline) deserialize(serialize(v));
        assertArrayEquals(v.value(3.3), vr.value(3.3));
    }

    @Test
    void tamperedStreamIsRejected() throws Exception {
        double[] t = {0, 1, 2, 3.25, 4, 5, 6};
        byte[] ok = serialize(new BSpline(t, DOC_C, 2));
        // knots made decreasing
        byte[] bad = patchDouble(ok, 3.25, 1.5);
        InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> deserialize(bad));
        assertTrue(e.getMessage().contains("t[3] = 1.5 < t[2] = 2.0"), e.getMessage());
        // a knot made NaN
        byte[] nan = patchDouble(ok, 3.25, Double.NaN);
        assertThrows(InvalidObjectException.class, () -> deserialize(nan));
        // multi-column
        byte[] okV = serialize(BSpline.ofColumns(t, new double[][] {{1}, {2}, {3}, {4}}, 2));
        assertThrows(InvalidObjectException.class, () -> deserialize(patchDouble(okV, 3.25, 7.0)));
    }
}
