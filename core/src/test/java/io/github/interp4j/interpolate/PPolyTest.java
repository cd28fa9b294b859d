package io.github.interp4j.interpolate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InvalidObjectException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PPolyTest {
    /** Identities that hold up to a few roundings. */
    private static final double TIGHT = 1e-12;
    /** Required accuracy of a double root (the brief asks for about sqrt(eps)). */
    private static final double DOUBLE_ROOT = 1e-8;
    /** Accuracy of a triple root (cube root of eps is the classical limit; ours does better). */
    private static final double TRIPLE_ROOT = 1e-6;
    private static final int PARALLEL_BATCH = 150_000;

    /** p0(t) = 2 t^2 - 3 t + 1 on [0, 1); p1(t) = -t^2 + 4 on [1, 3]. */
    private static PPoly twoPieces() {
        return new PPoly(new double[][] {{2, -1}, {-3, 0}, {1, 4}}, new double[] {0, 1, 3});
    }

    @Test
    void evaluatesInTheLocalPowerBasis() {
        PPoly p = twoPieces();
        assertEquals(2, p.degree());
        assertEquals(2, p.intervals());
        assertEquals(1.0, p.value(0.0));
        assertEquals(2 * 0.25 - 1.5 + 1, p.value(0.5));
        assertEquals(4.0, p.value(1.0)); // [a, b) intervals: x = 1 belongs to the second piece
        assertEquals(-4.0 + 4, p.value(3.0)); // the last interval is closed
        assertEquals(-9.0 + 4, p.value(4.0)); // extrapolation continues the last piece
        assertEquals(2 * 1 + 3 + 1, p.value(-1.0));
        assertEquals(OutOfRange.extrapolate(), p.outOfRange());
    }

    @Test
    void validationMessages() {
        double[] x = {0, 1, 3};
        assertEquals("c[1].length = 3 must equal the number of intervals x.length - 1 = 2",
                assertThrows(IllegalArgumentException.class,
                        () -> new PPoly(new double[][] {{1, 2}, {1, 2, 3}}, x)).getMessage());
        assertEquals("c[0][1] = NaN is not finite", assertThrows(IllegalArgumentException.class,
                () -> new PPoly(new double[][] {{1, Double.NaN}}, x)).getMessage());
        assertEquals("x[2] = -Infinity is not finite", assertThrows(IllegalArgumentException.class,
                () -> new PPoly(new double[][] {{1, 2}}, new double[] {0, 1, Double.NEGATIVE_INFINITY})).getMessage());
        assertEquals("x must be non-decreasing: x[2] = 0.5 < x[1] = 1.0", assertThrows(IllegalArgumentException.class,
                () -> new PPoly(new double[][] {{1, 2}}, new double[] {0, 1, 0.5})).getMessage());
        assertEquals("PPoly needs at least 2 points, got 1", assertThrows(IllegalArgumentException.class,
                () -> new PPoly(new double[][] {{}}, new double[] {0})).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new PPoly(new double[0][], x)).getMessage()
                .contains("at least 1 row"));
        assertEquals("c must not be null",
                assertThrows(NullPointerException.class, () -> new PPoly(null, x)).getMessage());
        assertEquals("c[1] must not be null", assertThrows(NullPointerException.class,
                () -> new PPoly(new double[][] {{1, 2}, null}, x)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> twoPieces().derivative(-1));
        assertThrows(IllegalArgumentException.class, () -> twoPieces().antiderivative(-1));
        assertThrows(IllegalArgumentException.class, () -> twoPieces().solve(Double.NaN));
    }

    @Test
    void inputsAndOutputsAreCopied() {
        double[][] c = {{2, -1}, {-3, 0}, {1, 4}};
        double[] x = {0, 1, 3};
        PPoly p = new PPoly(c, x);
        c[0][0] = 100;
        x[1] = 0.5;
        assertEquals(1.0 - 3 * 0.5 + 2 * 0.25, p.value(0.5));
        double[][] cc = p.coefficients();
        cc[0][0] = 7;
        assertEquals(2.0, p.coefficients()[0][0]);
        double[] bp = p.breakpoints();
        bp[0] = -5;
        assertEquals(0.0, p.lowerBound());
        assertArrayEquals(new double[] {0, 1, 3}, p.breakpoints());
    }

    @Test
    void repeatedBreakpointsAreAllowed() {
        // A zero-length interval, as scipy allows (x non-decreasing).
        PPoly p = new PPoly(new double[][] {{1, 5, 2}}, new double[] {0, 1, 1, 2});
        assertEquals(1.0, p.value(0.5));
        assertEquals(2.0, p.value(1.0));
        assertEquals(2.0, p.value(1.5));
    }

    @Test
    void derivativesAndAntiderivatives() {
        PPoly p = twoPieces();
        PPoly d = p.derivative(1);
        assertEquals(1, d.degree());
        assertEquals(4 * 0.5 - 3, d.value(0.5), TIGHT);
        assertEquals(-2 * 1.0, d.value(2.0), TIGHT);
        PPoly d3 = p.derivative(3);
        assertEquals(0, d3.degree());
        assertEquals(0.0, d3.value(0.3));
        assertEquals(p, p.derivative(0));

        PPoly a = p.antiderivative(1);
        assertEquals(3, a.degree());
        assertEquals(0.0, a.value(0.0));
        // Integral of 2t^2 - 3t + 1 over [0, 1] = 2/3 - 3/2 + 1 = 1/6; continuous at x = 1.
        assertEquals(1.0 / 6, a.value(1.0), TIGHT);
        assertEquals(1.0 / 6 + (-8.0 / 3 + 8), a.value(3.0), TIGHT);
        // d/dx of the antiderivative is the original.
        PPoly back = a.derivative(1);
        for (double t : CubicTestSupport.grid(0, 3, 0.5, 31)) {
            assertEquals(p.value(t), back.value(t), TIGHT);
        }
        // Second antiderivative: C1 and zero with its derivative at x[0].
        PPoly a2 = p.antiderivative(2);
        assertEquals(0.0, a2.value(0.0));
        assertEquals(0.0, a2.derivative(1).value(0.0));
        assertEquals(CubicTestSupport.pieceDerivative(a2, 1, 0, 1),
                CubicTestSupport.pieceDerivative(a2, 0, 1, 1), TIGHT);
        assertEquals(CubicTestSupport.pieceDerivative(a2, 1, 0, 0),
                CubicTestSupport.pieceDerivative(a2, 0, 1, 0), TIGHT);
        assertEquals(p.integrate(0, 3), a.value(3.0), TIGHT);
    }

    @Test
    void integrateInEveryMode() {
        PPoly p = twoPieces();
        double inside = 1.0 / 6 + 16.0 / 3; // over [0, 3]
        assertEquals(inside, p.integrate(0, 3), TIGHT);
        assertEquals(-inside, p.integrate(3, 0), TIGHT);
        assertEquals(0.0, p.integrate(2, 2));
        // Extrapolate: [-1, 0] of 2t^2 - 3t + 1 is 2/3 + 3/2 + 1.
        assertEquals(2.0 / 3 + 1.5 + 1 + inside, p.integrate(-1, 3), TIGHT);
        assertTrue(Double.isNaN(p.withOutOfRange(OutOfRange.nan()).integrate(-1, 3)));
        assertEquals(inside, p.withOutOfRange(OutOfRange.nan()).integrate(0, 3), TIGHT);
        OutOfRangeException e = assertThrows(OutOfRangeException.class,
                () -> p.withOutOfRange(OutOfRange.raise()).integrate(1, 5));
        assertEquals(5.0, e.value());
        // Clamp: p(0) = 1 below, p(3) = 0 above; and with a non-zero right end value.
        assertEquals(2 * 1.0 + inside, p.withOutOfRange(OutOfRange.clamp()).integrate(-2, 4.5), TIGHT);
        PPoly shifted = new PPoly(new double[][] {{2, -1}, {-3, 0}, {1, 5}}, new double[] {0, 1, 3}, OutOfRange.clamp());
        assertEquals(2 * 1.0 + inside + 2 + 1.5 * 1.0, shifted.integrate(-2, 4.5), TIGHT);
        // Fill: constants outside, zero contributes nothing over an infinite length.
        assertEquals(2 * 7.0 + inside - 1.0, p.withOutOfRange(OutOfRange.fill(7, -2)).integrate(-2, 3.5), TIGHT);
        assertEquals(inside, p.withOutOfRange(OutOfRange.fill(0)).integrate(Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY), TIGHT);
        // Periodic: whole periods plus the remainder.
        PPoly per = p.withOutOfRange(OutOfRange.periodic());
        assertEquals(2 * inside + p.integrate(0.5, 2.0), per.integrate(0.5, 8.0), 1e-11);
        assertEquals(p.integrate(2.5, 3) + p.integrate(0, 0.25), per.integrate(-0.5, 0.25), 1e-11);
        assertTrue(Double.isNaN(p.integrate(Double.NaN, 1)));
    }

    @Test
    void rootsOfKnownPolynomials() {
        // (t - 1)^2 (t + 2) = t^3 - 3t + 2 on [-5, 5]: roots at x = -7 (extrapolated) and a double root at x = -4.
        PPoly p = new PPoly(new double[][] {{1}, {0}, {-3}, {2}}, new double[] {-5, 5});
        assertArrayEquals(new double[] {-7, -4}, p.roots(), TIGHT);
        assertArrayEquals(new double[] {-4}, p.solve(0, true, false), TIGHT);
        // A double root at an inexact point: (t - 1/3)^2 (t - 2) expanded in floating point.
        double r = 1.0 / 3;
        PPoly q = new PPoly(new double[][] {{1}, {-(2 * r + 2)}, {r * r + 4 * r}, {-2 * r * r}}, new double[] {0, 3});
        double[] qr = q.roots();
        assertEquals(2, qr.length, java.util.Arrays.toString(qr));
        assertEquals(r, qr[0], DOUBLE_ROOT);
        assertEquals(2.0, qr[1], TIGHT);
        // A triple root: (t - 0.5)^3.
        PPoly cube = new PPoly(new double[][] {{1}, {-1.5}, {0.75}, {-0.125}}, new double[] {0, 1});
        double[] cr = cube.roots();
        assertEquals(1, cr.length, java.util.Arrays.toString(cr));
        assertEquals(0.5, cr[0], TRIPLE_ROOT);
        // Quartic with a double root at 1/3 and simple roots at -1 and 2, on [-3, 3] (x = t - 3).
        double[][] c4 = {{1}, {-1 - 2 * r}, {-2 + 2 * r + r * r}, {4 * r - r * r}, {-2 * r * r}};
        double[] r4 = new PPoly(c4, new double[] {-3, 3}).roots();
        assertEquals(3, r4.length, java.util.Arrays.toString(r4));
        assertEquals(-4.0, r4[0], TIGHT);
        assertEquals(r - 3, r4[1], DOUBLE_ROOT);
        assertEquals(-1.0, r4[2], TIGHT);
        // Degree 6: (t^2 - 1)(t^2 - 4)(t^2 - 9) on [-4, 4].
        PPoly six = new PPoly(new double[][] {{1}, {0}, {-14}, {0}, {49}, {0}, {-36}}, new double[] {-4, 4});
        assertArrayEquals(new double[] {-7, -6, -5, -3, -2, -1}, six.roots(), TIGHT);
        // A tiny leading coefficient: roots far away are still found when extrapolating.
        PPoly tiny = new PPoly(new double[][] {{1e-20}, {1}, {-3}, {2}}, new double[] {0, 5});
        double[] tr = tiny.roots();
        assertEquals(3, tr.length);
        assertEquals(-1e20, tr[0], 1e20 * TIGHT);
        assertArrayEquals(new double[] {1, 2}, new double[] {tr[1], tr[2]}, TIGHT);
    }

    @Test
    void rootsAtBreakpointsZeroPiecesAndDiscontinuities() {
        // Zero piece: scipy reports its left end followed by NaN.
        double[] z = new PPoly(new double[][] {{0, 1, 0}, {0, 0, 0}, {0, -1, 0}}, new double[] {0, 1, 2, 3}).roots();
        assertEquals(5, z.length);
        assertEquals(0.0, z[0]);
        assertTrue(Double.isNaN(z[1]));
        assertEquals(2.0, z[2]);
        assertEquals(2.0, z[3]);
        assertTrue(Double.isNaN(z[4]));
        // A root shared by two pieces appears once, exactly at the breakpoint.
        assertArrayEquals(new double[] {1.0},
                new PPoly(new double[][] {{-1, -1}, {1, 0}}, new double[] {0, 1, 2}).roots());
        // A jump across zero at a breakpoint is reported only with discontinuity = true.
        PPoly jump = new PPoly(new double[][] {{0, 0}, {1, -1}}, new double[] {0, 1, 2});
        assertArrayEquals(new double[] {1.0}, jump.roots());
        assertArrayEquals(new double[0], jump.solve(0, false, true));
        // solve(y): CubicSpline([0, 1, 2, 3], [1, 0, -1, 0.5]).solve(-1) in scipy = [-1.12788206, 2, 2.12788206]
        CubicSpline cs = new CubicSpline(new double[] {0, 1, 2, 3}, new double[] {1, 0, -1, 0.5});
        assertArrayEquals(new double[] {-1.1278820596099706, 2.0, 2.127882059609971}, cs.solve(-1), 1e-12);
        assertArrayEquals(new double[] {2.0, 2.127882059609971}, cs.solve(-1, true, false), 1e-12);
        // Roots of a sampled sine are near multiples of pi.
        double[] x = new double[50];
        double[] y = new double[50];
        for (int i = 0; i < 50; i++) {
            x[i] = 0.2 * i;
            y[i] = Math.sin(x[i]);
        }
        double[] sr = new CubicSpline(x, y).solve(0, true, false);
        assertEquals(4, sr.length);
        for (int i = 0; i < 4; i++) {
            assertEquals(Math.PI * i, sr[i], 1e-5);
        }
    }

    @Test
    void randomCubicsRootsAreRoots() {
        Random rnd = new Random(21);
        for (int trial = 0; trial < 200; trial++) {
            double[] x = CubicTestSupport.randomAbscissae(rnd, 6);
            double[] y = CubicTestSupport.randomValues(rnd, 6);
            CubicSpline s = new CubicSpline(x, y);
            double level = 0.3 * rnd.nextGaussian();
            double[] roots = s.solve(level);
            for (int i = 0; i < roots.length; i++) {
                assertTrue(Math.abs(s.value(roots[i]) - level) < 1e-9 * (1 + Math.abs(s.derivative(1).value(roots[i]))
                        * Math.max(1, Math.abs(roots[i]))), "trial " + trial);
                if (i > 0) {
                    assertTrue(roots[i] > roots[i - 1], "strictly ascending");
                }
            }
            // Every sign change on a fine grid inside the data range is accounted for.
            double[] g = CubicTestSupport.grid(x[0], x[5], 0, 2001);
            int changes = 0;
            for (int i = 1; i < g.length; i++) {
                if ((s.value(g[i - 1]) - level) * (s.value(g[i]) - level) < 0) {
                    changes++;
                }
            }
            assertTrue(s.solve(level, true, false).length >= changes, "trial " + trial);
        }
    }

    @Test
    void periodicModeMapsEveryQueryAsScipy() {
        PPoly p = twoPieces().withOutOfRange(OutOfRange.periodic());
        assertEquals(p.value(0.5), p.value(0.5 + 3 * 4), TIGHT);
        assertEquals(p.value(0.0), p.value(3.0)); // the right end maps to the left end
        assertEquals(p.value(2.0), p.value(-1.0), TIGHT);
        assertTrue(Double.isNaN(p.value(Double.POSITIVE_INFINITY)));
        // Roots: scipy passes bool('periodic') == True, so the end pieces are extrapolated.
        assertArrayEquals(twoPieces().solve(1.5, true, true), p.solve(1.5));
        assertArrayEquals(twoPieces().solve(1.5, true, false), p.withOutOfRange(OutOfRange.nan()).solve(1.5));
    }

    @Test
    void batchEqualsPointInParallel() {
        Random rnd = new Random(2);
        double[] x = CubicTestSupport.randomAbscissae(rnd, 300);
        double[][] c = new double[6][299];
        for (double[] row : c) {
            for (int i = 0; i < row.length; i++) {
                row[i] = rnd.nextGaussian();
            }
        }
        PPoly p = new PPoly(c, x);
        double[] q = new double[PARALLEL_BATCH];
        for (int i = 0; i < q.length; i++) {
            q[i] = x[0] - 5 + (x[299] - x[0] + 10) * rnd.nextDouble();
        }
        for (OutOfRange mode : new OutOfRange[] {OutOfRange.extrapolate(), OutOfRange.nan(), OutOfRange.clamp(),
                OutOfRange.fill(3), OutOfRange.periodic()}) {
            PPoly pm = p.withOutOfRange(mode);
            double[] out = pm.values(q);
            for (int i = 0; i < q.length; i++) {
                assertEquals(Double.doubleToRawLongBits(pm.value(q[i])), Double.doubleToRawLongBits(out[i]));
            }
        }
    }

    @Test
    void serialisation() throws Exception {
        PPoly p = new PPoly(new double[][] {{2.75, -1}, {-3, 0.125}, {1, 4}}, new double[] {0, 1, 3},
                OutOfRange.clamp());
        PPoly back = (PPoly) CubicTestSupport.deserialize(CubicTestSupport.serialize(p));
        assertNotSame(p, back);
        assertEquals(OutOfRange.clamp(), back.outOfRange());
        for (double t : CubicTestSupport.grid(0, 3, 1, 21)) {
            assertEquals(p.value(t), back.value(t));
        }
        byte[] s = CubicTestSupport.serialize(p);
        byte[] badC = CubicTestSupport.replaceDouble(s, 2.75, Double.POSITIVE_INFINITY);
        InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> CubicTestSupport.deserialize(badC));
        assertTrue(e.getMessage().contains("c[0][0] = Infinity is not finite"), e.getMessage());
        byte[] badX = CubicTestSupport.replaceDouble(s, 3.0, 0.5);
        e = assertThrows(InvalidObjectException.class, () -> CubicTestSupport.deserialize(badX));
        assertTrue(e.getMessage().contains("x must be non-decreasing"), e.getMessage());
        // Derivatives and antiderivatives serialise through the same validated form.
        PPoly a = (PPoly) CubicTestSupport.deserialize(CubicTestSupport.serialize(p.antiderivative(2)));
        assertEquals(p.antiderivative(2).value(2.5), a.value(2.5));
    }
}
