package io.github.interp4j.interpolate;

import static io.github.interp4j.interpolate.BSplineTest.close;
import static io.github.interp4j.interpolate.BSplineTest.deserialize;
import static io.github.interp4j.interpolate.BSplineTest.patchDouble;
import static io.github.interp4j.interpolate.BSplineTest.serialize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.interp4j.interpolate.Interp1d.Kind;
import java.io.InvalidObjectException;
import java.util.Random;
import org.junit.jupiter.api.Test;

@SuppressWarnings("deprecation") // these tests cover the deprecated multi-column views too
class Interp1dTest {
    /** Hand-computed values and scipy values printed with repr. */
    private static final double TOL = 1e-14;
    /** More than two parallel chunks of {@code ParallelEvaluation}. */
    private static final int BATCH = 2 * 32768 + 999;

    private static final double NAN = Double.NaN;

    private static double[] eval(Interpolant1D f, double... q) {
        double[] out = new double[q.length];
        for (int i = 0; i < q.length; i++) {
            out[i] = f.value(q[i]);
        }
        double[] batch = new double[q.length];
        f.values(q, batch);
        for (int i = 0; i < q.length; i++) {
            assertEquals(Double.doubleToRawLongBits(out[i]), Double.doubleToRawLongBits(batch[i]), "batch at " + i);
        }
        return out;
    }

    private static Interp1d ext(double[] x, double[] y, Kind k) {
        return new Interp1d(x, y, k).withOutOfRange(OutOfRange.extrapolate());
    }

    // ---------------------------------------------------------------------------------------------
    // each kind on a small hand-checked case: x = [0, 1, 3], y = [1, 3, -1]

    private static final double[] HX = {0, 1, 3};
    private static final double[] HY = {1, 3, -1};

    @Test
    void linearByHand() {
        Interp1d f = new Interp1d(HX, HY);
        assertArrayEquals(new double[] {1, 2, 3, 1, -1}, eval(f, 0, 0.5, 1, 2, 3), 0.0);
        assertEquals(Kind.LINEAR, f.kind());
    }

    @Test
    void nearestKindsByHand() {
        // midpoints 0.5 and 2: 'nearest' rounds down at a midpoint, 'nearest-up' rounds up
        assertArrayEquals(new double[] {1, 1, 3, 3, -1}, eval(new Interp1d(HX, HY, Kind.NEAREST), 0, 0.5, 0.51, 2,
                2.01), 0.0);
        assertArrayEquals(new double[] {1, 3, 3, -1, -1}, eval(new Interp1d(HX, HY, Kind.NEAREST_UP), 0.49, 0.5, 1.99,
                2, 3), 0.0);
    }

    @Test
    void previousNextByHand() {
        assertArrayEquals(new double[] {1, 1, 3, 3, -1}, eval(new Interp1d(HX, HY, Kind.PREVIOUS), 0, 0.99, 1, 2.9, 3),
                0.0);
        assertArrayEquals(new double[] {1, 3, 3, -1, -1}, eval(new Interp1d(HX, HY, Kind.NEXT), 0, 0.01, 1, 1.01, 3),
                0.0);
    }

    @Test
    void splineKindsByHand() {
        // 'zero' is the previous value (right-continuous steps), 'slinear' the broken line
        assertArrayEquals(new double[] {1, 1, 3, 3, -1}, eval(new Interp1d(HX, HY, Kind.ZERO), 0, 0.99, 1, 2.9, 3),
                0.0);
        double[] lin = eval(new Interp1d(HX, HY, Kind.SLINEAR), 0, 0.5, 1, 2, 3);
        close(new double[] {1, 2, 3, 1, -1}, lin, TOL);
        // quadratic reproduces a parabola, cubic a cubic
        double[] x = {-1, 0, 0.5, 2, 3};
        double[] yq = new double[x.length];
        double[] yc = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            yq[i] = 2 * x[i] * x[i] - x[i] + 1;
            yc[i] = x[i] * x[i] * x[i] - 3 * x[i];
        }
        Interp1d q = new Interp1d(x, yq, Kind.QUADRATIC);
        Interp1d c = new Interp1d(x, yc, Kind.CUBIC);
        for (double t = -1; t <= 3; t += 0.125) {
            close(2 * t * t - t + 1, q.value(t), 1e-12);
            close(t * t * t - 3 * t, c.value(t), 1e-12);
        }
    }

    @Test
    void everyKindWithExtrapolationMatchesScipy() {
        // scipy: x = [0, 1, 3, 4, 6]; y = [1, 3, -1, 2, 0.5];
        //        interp1d(x, y, kind=k, fill_value='extrapolate')([-1, 0, 0.5, 2, 3.5, 5, 6, 7])
        double[] x = {0, 1, 3, 4, 6};
        double[] y = {1, 3, -1, 2, 0.5};
        double[] q = {-1, 0, 0.5, 2, 3.5, 5, 6, 7};
        close(new double[] {-1.0, 1.0, 2.0, 1.0, 0.5, 1.25, 0.5, -0.25}, eval(ext(x, y, Kind.LINEAR), q), TOL);
        close(new double[] {1.0, 1.0, 1.0, 3.0, -1.0, 2.0, 0.5, 0.5}, eval(ext(x, y, Kind.NEAREST), q), TOL);
        close(new double[] {1.0, 1.0, 3.0, -1.0, 2.0, 0.5, 0.5, 0.5}, eval(ext(x, y, Kind.NEAREST_UP), q), TOL);
        close(new double[] {NAN, 1.0, 1.0, 3.0, -1.0, 2.0, 0.5, 0.5}, eval(ext(x, y, Kind.PREVIOUS), q), TOL);
        close(new double[] {1.0, 1.0, 3.0, -1.0, 2.0, 0.5, 0.5, NAN}, eval(ext(x, y, Kind.NEXT), q), TOL);
        close(new double[] {1.0, 1.0, 1.0, 3.0, -1.0, 2.0, 0.5, 0.5}, eval(ext(x, y, Kind.ZERO), q), TOL);
        close(new double[] {-1.0, 1.0, 2.0, 1.0, 0.5, 1.25, 0.5, -0.25}, eval(ext(x, y, Kind.SLINEAR), q), TOL);
        close(new double[] {-5.354700854700854, 1.0, 2.544337606837607, 0.6452991452991457, 0.3424145299145298,
            2.876068376068376, 0.5, -5.128205128205128}, eval(ext(x, y, Kind.QUADRATIC), q), 1e-13);
        close(new double[] {-11.034188034188036, 1.0, 2.90892094017094, 0.4914529914529917, 0.10603632478632578,
            4.760683760683761, 0.5, -17.564102564102562}, eval(ext(x, y, Kind.CUBIC), q), 1e-13);
    }

    // ---------------------------------------------------------------------------------------------
    // duplicates, NaN, sorting, single points (all scipy 1.17 outputs)

    @Test
    void duplicatesAsScipy() {
        // scipy: x = [0, 1, 1, 2, 3]; y = [0, 10, 20, 30, 40]; q = [0, 0.5, 1, 1.5, 2, 3]
        double[] x = {0, 1, 1, 2, 3};
        double[] y = {0, 10, 20, 30, 40};
        double[] q = {0, 0.5, 1, 1.5, 2, 3};
        assertArrayEquals(new double[] {0, 5, 20, 25, 30, 40}, eval(new Interp1d(x, y), q), 0.0);
        // fill_value='extrapolate' switches scipy to _call_linear: the first duplicate wins
        assertArrayEquals(new double[] {0, 5, 10, 25, 30, 40, -10, 50},
                eval(ext(x, y, Kind.LINEAR), 0, 0.5, 1, 1.5, 2, 3, -1, 4), 0.0);
        assertArrayEquals(new double[] {0, 0, 10, 20, 30, 40}, eval(new Interp1d(x, y, Kind.NEAREST), q), 0.0);
        assertArrayEquals(new double[] {0, 10, 20, 30, 30, 40}, eval(new Interp1d(x, y, Kind.NEAREST_UP), q), 0.0);
        assertArrayEquals(new double[] {0, 0, 20, 20, 30, 40}, eval(new Interp1d(x, y, Kind.PREVIOUS), q), 0.0);
        assertArrayEquals(new double[] {0, 10, 10, 30, 30, 40}, eval(new Interp1d(x, y, Kind.NEXT), q), 0.0);
        for (Kind k : new Kind[] {Kind.ZERO, Kind.SLINEAR, Kind.QUADRATIC, Kind.CUBIC}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Interp1d(x, y, k));
            assertTrue(e.getMessage().contains("x[2] = 1.0 <= x[1] = 1.0"), e.getMessage());
        }
        // duplicated ends: scipy divides by zero in _call_linear; at the repeated abscissa itself scipy's 0 * inf
        // is NaN, interp4j gives the last of the repeated values there, as the 1-D form (issue 11: no NaN from
        // finite data)
        double[] x2 = {0, 0, 1, 2, 2};
        assertArrayEquals(new double[] {10, 15, 20, 25, 30, Double.POSITIVE_INFINITY, NAN, Double.NEGATIVE_INFINITY,
            Double.POSITIVE_INFINITY}, eval(ext(x2, y, Kind.LINEAR), 0, 0.5, 1, 1.5, 2, 3, NAN, -1, 4), 0.0);
        assertArrayEquals(new double[] {10, 15, 20, 25, 40}, eval(new Interp1d(x2, y), 0, 0.5, 1, 1.5, 2), 0.0);
    }

    @Test
    void unsortedInputIsSortedStably() {
        // scipy: interp1d([1.0, 0.0, 1.0, 2.0], [5, 7, 9, 11], kind=k)([0.5, 1.0, 1.5])
        double[] x = {1, 0, 1, 2};
        double[] y = {5, 7, 9, 11};
        assertArrayEquals(new double[] {7, 9, 9}, eval(new Interp1d(x, y, Kind.PREVIOUS), 0.5, 1, 1.5), 0.0);
        assertArrayEquals(new double[] {5, 5, 11}, eval(new Interp1d(x, y, Kind.NEXT), 0.5, 1, 1.5), 0.0);
        assertArrayEquals(new double[] {6, 9, 10}, eval(new Interp1d(x, y, Kind.LINEAR), 0.5, 1, 1.5), 0.0);
        assertArrayEquals(new double[] {7, 5, 9}, eval(new Interp1d(x, y, Kind.NEAREST), 0.5, 1, 1.5), 0.0);
        assertArrayEquals(new double[] {5, 9, 11}, eval(new Interp1d(x, y, Kind.NEAREST_UP), 0.5, 1, 1.5), 0.0);
        Interp1d f = new Interp1d(x, y);
        assertArrayEquals(new double[] {0, 1, 1, 2}, f.x(), 0.0);
        assertArrayEquals(new double[] {7, 5, 9, 11}, f.y(), 0.0);
        // a long unsorted input (merge sort path)
        Random rnd = new Random(1);
        double[] lx = new double[5000];
        double[] ly = new double[5000];
        for (int i = 0; i < lx.length; i++) {
            lx[i] = Math.floor(rnd.nextDouble() * 1000);
            ly[i] = i;
        }
        Interp1d g = new Interp1d(lx, ly, Kind.PREVIOUS);
        double[] sx = g.x();
        double[] sy = g.y();
        for (int i = 1; i < sx.length; i++) {
            assertTrue(sx[i - 1] < sx[i] || (sx[i - 1] == sx[i] && sy[i - 1] < sy[i]), "stable at " + i);
        }
    }

    @Test
    void nanInYAsScipy() {
        // scipy: x = [0, 1, 2, 3]; y = [1, nan, 3, 4]; q = [0, 0.5, 1, 1.5, 2, 2.5, 3]
        double[] x = {0, 1, 2, 3};
        double[] y = {1, NAN, 3, 4};
        double[] q = {0, 0.5, 1, 1.5, 2, 2.5, 3};
        assertArrayEquals(new double[] {1, NAN, NAN, NAN, 3, 3.5, 4}, eval(new Interp1d(x, y), q), 0.0);
        assertArrayEquals(new double[] {NAN, NAN, NAN, NAN, 3, 3.5, 4}, eval(new Interp1d(x, y, Kind.SLINEAR), q), 0.0);
        assertArrayEquals(new double[] {1, 1, NAN, NAN, 3, 3, 4}, eval(new Interp1d(x, y, Kind.ZERO), q), 0.0);
        assertArrayEquals(new double[] {1, 1, NAN, NAN, 3, 3, 4}, eval(new Interp1d(x, y, Kind.NEAREST), q), 0.0);
        // scipy: interp1d(x, y, kind='cubic', bounds_error=False, fill_value=(-1, -2))([-1, 0, 1.5, 3, 4])
        assertArrayEquals(new double[] {-1, NAN, NAN, NAN, -2}, eval(new Interp1d(x, y, Kind.CUBIC)
                .withOutOfRange(OutOfRange.fill(-1, -2)), -1, 0, 1.5, 3, 4), 0.0);
        assertArrayEquals(new double[] {NAN, NAN, NAN, NAN, NAN}, eval(ext(x, y, Kind.CUBIC), -1, 0, 1.5, 3, 4), 0.0);
        // multi-column linear (scipy's _call_linear): column 0 = [nan nan nan nan nan 3.5 4], column 1 linear
        VectorInterp1d v = Interp1d.ofColumns(x, new double[][] {{1, 1}, {NAN, 2}, {3, 3}, {4, 4}}, Kind.LINEAR);
        double[] col0 = eval(v.column(0), q);
        assertArrayEquals(new double[] {NAN, NAN, NAN, NAN, NAN, 3.5, 4}, col0, 0.0);
        assertArrayEquals(new double[] {1, 1.5, 2, 2.5, 3, 3.5, 4}, eval(v.column(1), q), 0.0);
        // multi-column cubic: a NaN in one column makes every column NaN
        VectorInterp1d vc = Interp1d.ofColumns(x, new double[][] {{1, 1}, {NAN, 2}, {3, 3}, {4, 4}}, Kind.CUBIC);
        assertTrue(Double.isNaN(vc.value(1.5)[1]));
    }

    @Test
    void singlePointAsScipy() {
        // scipy: interp1d([1.], [2.], kind=k)([1.]) -> [2.]; with fill_value='extrapolate' at [0, 1, 2]:
        // linear [nan nan nan], nearest [2 2 2], previous [nan 2 2], next [2 2 nan], zero [2 2 2]
        double[] x = {1};
        double[] y = {2};
        for (Kind k : new Kind[] {Kind.LINEAR, Kind.NEAREST, Kind.NEAREST_UP, Kind.PREVIOUS, Kind.NEXT, Kind.ZERO}) {
            assertEquals(2.0, new Interp1d(x, y, k).value(1.0), 0.0, k.toString());
        }
        // interp4j deviates at the data point itself: the value there (issue 11: the column form gave NaN
        // where the single-column form gives the value; scipy's 2-D path divides 0 by 0)
        assertArrayEquals(new double[] {NAN, 2, NAN}, eval(ext(x, y, Kind.LINEAR), 0, 1, 2), 0.0);
        assertArrayEquals(new double[] {2, 2, 2}, eval(ext(x, y, Kind.NEAREST), 0, 1, 2), 0.0);
        assertArrayEquals(new double[] {NAN, 2, 2}, eval(ext(x, y, Kind.PREVIOUS), 0, 1, 2), 0.0);
        assertArrayEquals(new double[] {2, 2, NAN}, eval(ext(x, y, Kind.NEXT), 0, 1, 2), 0.0);
        assertArrayEquals(new double[] {2, 2, 2}, eval(ext(x, y, Kind.ZERO), 0, 1, 2), 0.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Interp1d(x, y, Kind.SLINEAR));
        assertTrue(e.getMessage().contains("Interp1d(SLINEAR) needs at least 2 points, got 1"), e.getMessage());
    }

    // ---------------------------------------------------------------------------------------------
    // validation and modes

    @Test
    void validationMessages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Interp1d(new double[] {0, 1, 2}, new double[] {1, 2, 3}, Kind.CUBIC));
        assertTrue(e.getMessage().contains("Interp1d(CUBIC) needs at least 4 points, got 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Interp1d(new double[] {0, 1}, new double[] {1}));
        assertTrue(e.getMessage().contains("x.length = 2, y.length = 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Interp1d(new double[] {0, NAN, 2}, new double[] {1, 2, 3}));
        assertTrue(e.getMessage().contains("x[1] = NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Interp1d(new double[] {0, 2, 1}, new double[] {1, 2, 3}, Kind.LINEAR, true));
        assertTrue(e.getMessage().contains("x[2] = 1.0 < x[1] = 2.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Interp1d(new double[] {2, 0, 2, 1}, new double[] {1, 2, 3, 4}, Kind.CUBIC));
        assertTrue(e.getMessage().contains("sorted x[3] = 2.0 <= sorted x[2] = 2.0"), e.getMessage());
        assertThrows(NullPointerException.class, () -> new Interp1d(null, new double[] {1}));
        assertThrows(NullPointerException.class, () -> new Interp1d(new double[] {1}, new double[] {1}, null));
        assertThrows(IllegalArgumentException.class,
                () -> Interp1d.ofColumns(new double[] {0, 1}, new double[][] {{1, 2}, {3}}, Kind.LINEAR));
    }

    @Test
    void defaultModeRaisesWithValueAndRange() {
        Interp1d f = new Interp1d(HX, HY);
        assertEquals(OutOfRange.raise(), f.outOfRange());
        OutOfRangeException e = assertThrows(OutOfRangeException.class, () -> f.value(3.5));
        assertEquals(3.5, e.value());
        assertEquals(0.0, e.lower());
        assertEquals(3.0, e.upper());
        assertTrue(e.getMessage().contains("3.5") && e.getMessage().contains("[0.0, 3.0]"), e.getMessage());
        double[] qs = new double[BATCH];
        qs[45000] = -2;
        qs[60000] = 9;
        OutOfRangeException be = assertThrows(OutOfRangeException.class, () -> f.values(qs, new double[BATCH]));
        assertEquals(-2.0, be.value());
    }

    @Test
    void everyOutOfRangeModeForEveryKind() {
        double[] x = {0, 1, 3, 4};
        double[] y = {1, 3, -1, 2};
        for (Kind k : Kind.values()) {
            Interp1d f = new Interp1d(x, y, k);
            double at0 = f.value(0);
            double at4 = f.value(4);
            assertTrue(Double.isNaN(f.withOutOfRange(OutOfRange.nan()).value(-0.5)), k.toString());
            assertEquals(-7, f.withOutOfRange(OutOfRange.fill(-7, 9)).value(-0.5), 0.0);
            assertEquals(9, f.withOutOfRange(OutOfRange.fill(-7, 9)).value(4.5), 0.0);
            assertEquals(at0, f.withOutOfRange(OutOfRange.clamp()).value(-100), 0.0);
            assertEquals(at4, f.withOutOfRange(OutOfRange.clamp()).value(1e300), 0.0);
            assertEquals(f.value(0.5), f.withOutOfRange(OutOfRange.periodic()).value(4.5), 0.0);
            assertEquals(f.value(3.5), f.withOutOfRange(OutOfRange.periodic()).value(-0.5), 0.0);
            assertTrue(Double.isNaN(f.withOutOfRange(OutOfRange.periodic()).value(Double.NEGATIVE_INFINITY)));
            for (OutOfRange m : BSplineTest.allModes()) {
                Interp1d g = f.withOutOfRange(m);
                assertTrue(Double.isNaN(g.value(NAN)), k + " " + m);
                // in range the modes agree, except that 'extrapolate' switches LINEAR to scipy's _call_linear
                if (!(k == Kind.LINEAR && m.kind() == OutOfRange.Kind.EXTRAPOLATE)) {
                    assertEquals(f.value(2.2), g.value(2.2), 0.0);
                }
            }
            assertSame(f, f.withOutOfRange(OutOfRange.raise()));
        }
    }

    @Test
    void extremeQueriesNeverIndexOutOfBounds() {
        double[] q = {NAN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE, -Double.MAX_VALUE,
            Double.MIN_VALUE, -0.0, 1e300, Math.nextUp(4.0), Math.nextDown(0.0)};
        for (int n : new int[] {1, 2, 4, 50}) {
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = 4.0 * i / Math.max(1, n - 1);
                y[i] = i;
            }
            for (Kind k : Kind.values()) {
                if (n < k.minPoints()) {
                    continue;
                }
                for (OutOfRange m : BSplineTest.allModes()) {
                    Interp1d f = new Interp1d(x, y, k).withOutOfRange(m);
                    for (double v : q) {
                        try {
                            f.value(v);
                        } catch (OutOfRangeException e) {
                            assertEquals(OutOfRange.Kind.RAISE, m.kind());
                        }
                    }
                }
            }
        }
    }

    @Test
    void batchEqualsPointBitForBitForEveryKind() {
        Random rnd = new Random(21);
        int n = 300;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.round(rnd.nextDouble() * 100) / 10.0; // repeats for the kinds that allow them
            y[i] = rnd.nextGaussian();
        }
        double[] xd = new double[n];
        for (int i = 0; i < n; i++) {
            xd[i] = i * 0.037 + rnd.nextDouble() * 0.01;
        }
        double[] qs = new double[BATCH];
        for (int i = 0; i < qs.length; i++) {
            qs[i] = -1 + rnd.nextDouble() * 13;
        }
        qs[3] = NAN;
        qs[40000] = x[7];
        for (Kind k : Kind.values()) {
            double[] xx = k.isSpline() ? xd : x;
            for (OutOfRange m : BSplineTest.allModes()) {
                if (m.kind() == OutOfRange.Kind.RAISE) {
                    continue;
                }
                Interp1d f = new Interp1d(xx, y, k).withOutOfRange(m);
                double[] out = new double[qs.length];
                f.values(qs, out);
                for (int i = 0; i < qs.length; i++) {
                    assertEquals(Double.doubleToRawLongBits(f.value(qs[i])), Double.doubleToRawLongBits(out[i]),
                            k + " " + m + " at " + i);
                }
                VectorInterp1d v = Interp1d.ofColumns(xx, column(y), k).withOutOfRange(m);
                double[][] rows = v.values(qs);
                for (int i = 0; i < qs.length; i += 3) {
                    assertEquals(Double.doubleToRawLongBits(v.value(qs[i])[0]), Double.doubleToRawLongBits(rows[i][0]));
                }
            }
        }
    }

    private static double[][] column(double[] y) {
        double[][] r = new double[y.length][1];
        for (int i = 0; i < y.length; i++) {
            r[i][0] = y[i];
        }
        return r;
    }

    @Test
    void multiColumnMatchesScalarPerColumn() {
        double[] x = {0, 0.7, 1.5, 2, 3.1, 4};
        double[][] y = {{1, -1}, {2, 0}, {0, 3}, {-1, 1}, {4, 2}, {0.5, -2}};
        for (Kind k : Kind.values()) {
            VectorInterp1d v = Interp1d.ofColumns(x, y, k).withOutOfRange(OutOfRange.nan());
            assertEquals(2, v.columns());
            for (int j = 0; j < 2; j++) {
                double[] yj = {y[0][j], y[1][j], y[2][j], y[3][j], y[4][j], y[5][j]};
                Interp1d s = new Interp1d(x, yj, k).withOutOfRange(OutOfRange.nan());
                Interpolant1D col = v.column(j);
                for (double q = -0.5; q < 4.5; q += 0.13) {
                    close(s.value(q), v.value(q)[j], 1e-15);
                    close(s.value(q), col.value(q), 1e-15);
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // derivative

    @Test
    void derivatives() {
        double[] x = {-1, 0, 0.5, 2, 3};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] * x[i] * x[i] - 3 * x[i];
        }
        Interp1d c = new Interp1d(x, y, Kind.CUBIC);
        Interpolant1D d = c.derivative(1);
        assertInstanceOf(BSpline.class, d);
        assertEquals(OutOfRange.raise(), d.outOfRange());
        for (double t = -1; t <= 3; t += 0.25) {
            close(3 * t * t - 3, d.value(t), 1e-12);
        }
        assertSame(c, c.derivative(0));
        // LINEAR: the slopes, continuous from the right
        Interp1d lin = new Interp1d(HX, HY);
        Interpolant1D dl = lin.derivative(1);
        assertArrayEquals(new double[] {2, 2, -2, -2, -2}, eval(dl, 0, 0.5, 1, 2, 3), 0.0);
        assertThrows(IllegalArgumentException.class, () -> lin.derivative(2));
        assertThrows(IllegalArgumentException.class, () -> lin.derivative(-1));
        assertThrows(UnsupportedOperationException.class,
                () -> new Interp1d(new double[] {0, 1, 1, 2}, new double[] {0, 1, 2, 3}).derivative(1));
        for (Kind k : new Kind[] {Kind.NEAREST, Kind.NEAREST_UP, Kind.PREVIOUS, Kind.NEXT}) {
            assertThrows(UnsupportedOperationException.class, () -> new Interp1d(HX, HY, k).derivative(1));
        }
        // a NaN in y: the derivative of a cubic is NaN too
        Interpolant1D dn = new Interp1d(new double[] {0, 1, 2, 3}, new double[] {1, NAN, 3, 4}, Kind.CUBIC)
                .derivative(1);
        assertTrue(Double.isNaN(dn.value(2.5)));
        // vector
        VectorInterpolant1D vd = Interp1d.ofColumns(x, column(y), Kind.CUBIC).derivative(2);
        close(6 * 1.25, vd.value(1.25)[0], 1e-11);
    }

    // ---------------------------------------------------------------------------------------------
    // serialisation

    @Test
    void serializationRoundTrip() throws Exception {
        for (Kind k : Kind.values()) {
            Interp1d f = new Interp1d(new double[] {3, 0, 1, 2.5, 4}, new double[] {1, 2, -1, 0.5, 3}, k)
                    .withOutOfRange(OutOfRange.fill(-1, 1));
            Interp1d r = (Interp1d) deserialize(serialize(f));
            assertEquals(f.kind(), r.kind());
            assertEquals(f.outOfRange(), r.outOfRange());
            assertArrayEquals(f.x(), r.x(), 0.0);
            for (double q = -1; q < 5; q += 0.1) {
                assertEquals(Double.doubleToRawLongBits(f.value(q)), Double.doubleToRawLongBits(r.value(q)));
            }
        }
        VectorInterp1d v = Interp1d.ofColumns(new double[] {0, 1, 2}, new double[][] {{1, 2}, {3, 4}, {5, 7}},
                Kind.LINEAR);
        VectorInterp1d vr = (VectorInterp1d) deserialize(serialize(v));
        assertArrayEquals(v.value(1.5), vr.value(1.5), 0.0);
        Interpolant1D col = (Interpolant1D) deserialize(serialize(v.column(1)));
        assertEquals(5.5, col.value(1.5), 0.0);
    }

    @Test
    void tamperedStreamIsRejected() throws Exception {
        byte[] ok = serialize(new Interp1d(new double[] {0, 1.25, 2, 3}, new double[] {1, 2, 3, 4}, Kind.CUBIC));
        // the stored (sorted) abscissae made decreasing
        InvalidObjectException e = assertThrows(InvalidObjectException.class,
                () -> deserialize(patchDouble(ok, 1.25, 2.5)));
        assertTrue(e.getMessage().contains("x[2] = 2.0 < x[1] = 2.5"), e.getMessage());
        // an abscissa made infinite
        assertThrows(InvalidObjectException.class, () -> deserialize(patchDouble(ok, 1.25, Double.NEGATIVE_INFINITY)));
        byte[] okV = serialize(Interp1d.ofColumns(new double[] {0, 1.25, 2}, new double[][] {{1}, {2}, {3}},
                Kind.LINEAR));
        assertThrows(InvalidObjectException.class, () -> deserialize(patchDouble(okV, 1.25, NAN)));
    }
}
