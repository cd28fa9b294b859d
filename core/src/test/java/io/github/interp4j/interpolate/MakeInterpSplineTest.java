package io.github.interp4j.interpolate;

import static io.github.interp4j.interpolate.BSplineTest.close;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.interp4j.interpolate.internal.linalg.BandedLU;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

@SuppressWarnings("deprecation") // these tests cover the deprecated multi-column views too
class MakeInterpSplineTest {
    /** Agreement with scipy (values printed with repr); the solvers differ only in rounding. */
    private static final double SCIPY_TOL = 1e-13;
    /** The spline reproduces the data / exact polynomials up to the conditioning of the collocation system. */
    private static final double INTERP_TOL = 1e-10;
    /** Step used to compare one-sided limits at a knot. */
    private static final double H = 1e-7;
    /** Jump allowed at a knot for a continuous derivative, per unit of the next derivative's size times H. */
    private static final double JUMP_FACTOR = 4.0;
    /** Banded LU against dense LU on a well-conditioned random system. */
    private static final double LU_TOL = 1e-12;

    // scipy: x = [0, 0.5, 1.3, 2, 2.2, 3.1, 4]; y = np.sin(x); q = [-0.5, 0.25, 1.0, 2.1, 3.5, 4.0, 4.5]
    private static final double[] X = {0, 0.5, 1.3, 2, 2.2, 3.1, 4};
    private static final double[] Q = {-0.5, 0.25, 1.0, 2.1, 3.5, 4.0, 4.5};

    private static double[] sinX() {
        double[] y = new double[X.length];
        for (int i = 0; i < X.length; i++) {
            y[i] = Math.sin(X[i]);
        }
        return y;
    }

    private static double[] values(Interpolant1D f, double[] q) {
        double[] out = new double[q.length];
        f.values(q, out);
        return out;
    }

    @Test
    void notAKnotCubicMatchesScipy() {
        // scipy: s = make_interp_spline(x, y, k=3)
        BSpline s = BSpline.makeInterpSpline(X, sinX(), 3);
        assertArrayEquals(new double[] {0.0, 0.0, 0.0, 0.0, 1.3, 2.0, 2.2, 4.0, 4.0, 4.0, 4.0}, s.knots());
        close(new double[] {0.0, 0.4424407192682906, 1.0646089579291922, 0.9999493612341802, 0.5439118122630354,
            -0.35988197035016156, -0.7568024953079282}, s.coefficients(), SCIPY_TOL);
        close(new double[] {-0.5131811872480235, 0.2492591601225277, 0.8398644727254074, 0.8633445722071509,
            -0.3483778640946599, -0.7568024953079282, -0.9724058860609602}, values(s, Q), SCIPY_TOL);
        assertEquals(OutOfRange.extrapolate(), s.outOfRange());
    }

    @Test
    void withHardwareFmaTheSolveIsScipysToTheLastBit() {
        // BandedLU replays LAPACK dgbtf2/dgbtrs with OpenBLAS's fused updates; the values below are scipy 1.17.1's
        // (OpenBLAS, x86-64 with FMA): make_interp_spline(x, y, k=3).c and bc_type='natural' values at q
        assumeTrue(BandedLU.FUSED, "bit-for-bit agreement needs hardware fused multiply-add");
        assertArrayEquals(new double[] {0.0, 0.4424407192682906, 1.0646089579291922, 0.9999493612341802,
            0.5439118122630354, -0.35988197035016156, -0.7568024953079282},
                BSpline.makeInterpSpline(X, sinX(), 3).coefficients(), 0.0);
        BSpline n = BSpline.makeInterpSpline(X, sinX(), 3, BoundaryCondition.natural(), BoundaryCondition.natural());
        assertArrayEquals(new double[] {-0.4794255386042033, 0.24758203527120623, 0.8405890108600624,
            0.8635469982888055, -0.3223891628647035, -0.7568024953079282, -1.1912158277511526}, values(n, Q), 0.0);
    }

    @Test
    void naturalAndClampedCubicMatchScipy() {
        // scipy: make_interp_spline(x, y, k=3, bc_type='natural')
        BSpline n = BSpline.makeInterpSpline(X, sinX(), 3, BoundaryCondition.natural(), BoundaryCondition.natural());
        assertArrayEquals(new double[] {0, 0, 0, 0, 0.5, 1.3, 2, 2.2, 3.1, 4, 4, 4, 4}, n.knots());
        close(new double[] {-0.4794255386042033, 0.24758203527120623, 0.8405890108600624, 0.8635469982888055,
            -0.3223891628647035, -0.7568024953079282, -1.1912158277511526}, values(n, Q), SCIPY_TOL);
        // scipy: make_interp_spline(x, y, k=3, bc_type='clamped')
        BSpline c = BSpline.makeInterpSpline(X, sinX(), 3, BoundaryCondition.clamped(), BoundaryCondition.clamped());
        close(new double[] {1.1997651885826182, 0.1648776127747017, 0.8721005818857752, 0.8630719010229071,
            -0.4345663490257895, -0.7568024953079282, -0.24501237046644508}, values(c, Q), SCIPY_TOL);
        // the conditions hold
        assertEquals(0.0, n.derivative(2).value(0), 1e-12);
        assertEquals(0.0, n.derivative(2).value(4), 1e-12);
        assertEquals(0.0, c.derivative(1).value(0), 1e-12);
        assertEquals(0.0, c.derivative(1).value(4), 1e-12);
        BSpline e = BSpline.makeInterpSpline(X, sinX(), 3, BoundaryCondition.firstDerivative(1.0),
                BoundaryCondition.secondDerivative(-0.5));
        assertEquals(1.0, e.derivative(1).value(0), 1e-12);
        assertEquals(-0.5, e.derivative(2).value(4), 1e-12);
    }

    @Test
    void quadraticNotAKnotUsesMidpointsAsScipy() {
        // scipy: make_interp_spline(x, y, k=2).t
        BSpline s = BSpline.makeInterpSpline(X, sinX(), 2);
        assertArrayEquals(new double[] {0.0, 0.0, 0.0, 0.9, 1.65, 2.1, 2.6500000000000004, 4.0, 4.0, 4.0}, s.knots());
        close(new double[] {-0.5954870729953514, 0.2542204611009951, 0.8401932788534984, 0.8632836971461839,
            -0.3203264817765774, -0.7568024953079282, -1.1756030458048523}, values(s, Q), SCIPY_TOL);
    }

    @Test
    void quadraticWithOneSidedConditionAsScipy() {
        // scipy: make_interp_spline(x, y, k=2, bc_type=(None, [(1, 0.3)]))
        BSpline s = BSpline.makeInterpSpline(X, sinX(), 2, BoundaryCondition.notAKnot(),
                BoundaryCondition.firstDerivative(0.3));
        assertArrayEquals(new double[] {0, 0, 0, 0.5, 1.3, 2, 2.2, 3.1, 4, 4, 4}, s.knots());
        close(new double[] {-1.450852081907981, 0.36114108721507376, 0.666181953872645, 0.815200279976122,
            -0.5770546071161939, -0.7568024953079282, -0.2770546071161941}, values(s, Q), SCIPY_TOL);
    }

    @Test
    void quinticWithDerivativeListsAsScipy() {
        // scipy: make_interp_spline(x, y, k=5, bc_type=([(1, 1.0), (2, 0.0)], [(1, -0.5), (2, 0.25)]))
        BSpline s = BSpline.makeInterpSpline(X, sinX(), 5, new int[] {1, 2}, new double[] {1.0, 0.0},
                new int[] {1, 2}, new double[] {-0.5, 0.25});
        close(new double[] {-0.48375085067242696, 0.24747131677483836, 0.8403877179206607, 0.8626908468300455,
            -0.3955770829008817, -0.7568024953079282, -1.2145924865702664}, values(s, Q), SCIPY_TOL);
        assertEquals(1.0, s.derivative(1).value(0), 1e-10);
        assertEquals(0.25, s.derivative(2).value(4), 1e-10);
    }

    @Test
    void periodicCubicMatchesScipy() {
        // scipy: x = np.linspace(0, 2*np.pi, 7); y = np.sin(x); y[-1] = y[0];
        //        s = make_interp_spline(x, y, k=3, bc_type='periodic')
        double[] x = new double[] {0.0, 1.0471975511965976, 2.0943951023931953, 3.141592653589793, 4.1887902047863905,
            5.235987755982988, 6.283185307179586};
        double[] y = new double[] {0.0, 0.8660254037844386, 0.8660254037844387, 1.2246467991473532e-16, -0.8660254037844384,
            -0.866025403784439, 0.0};
        BSpline s = BSpline.makeInterpSpline(x, y, 3, BoundaryCondition.periodic(), BoundaryCondition.periodic());
        assertArrayEquals(new double[] {-3.141592653589793, -2.0943951023931957, -1.0471975511965983, 0.0,
            1.0471975511965976, 2.0943951023931953, 3.141592653589793, 4.1887902047863905, 5.235987755982988,
            6.283185307179586, 7.330382858376184, 8.377580409572781, 9.42477796076938}, s.knots());
        close(new double[] {-1.0392304845413272, -5.551115123125783e-17, 1.0392304845413263, 1.039230484541327,
            7.979727989493313e-17, -1.0392304845413256, -1.0392304845413272, -5.551115123125783e-17,
            1.0392304845413263}, s.coefficients(), SCIPY_TOL);
        assertEquals(OutOfRange.periodic(), s.outOfRange());
        close(new double[] {-0.8415665118562574, 0.2936453150303876, 0.14008726737234578, -0.2776056289009537,
            0.9365566091927486, 0.9122049393611366}, values(s, new double[] {-1.0, 0.3, 3.0, 6.0, 7.5, 20.0}),
                SCIPY_TOL);
        // scipy: s.integrate(-1, 20) -> 0.1321901640683929
        close(0.1321901640683929, s.integrate(-1, 20), SCIPY_TOL);
    }

    @Test
    void multiColumnMatchesScipy() {
        // scipy: s = make_interp_spline(x, np.c_[np.sin(x), np.cos(x)], k=3); s(q)
        double[][] y = new double[X.length][];
        for (int i = 0; i < X.length; i++) {
            y[i] = new double[] {Math.sin(X[i]), Math.cos(X[i])};
        }
        VectorBSpline s = BSpline.makeInterpSpline(X, y, 3);
        double[] expected = {-0.5131811872480235, 0.8157635917849041, 0.2492591601225277, 0.9715234482325454,
            0.8398644727254074, 0.538104293507722, 0.8633445722071509, -0.5050917423714578, -0.3483778640946599,
            -0.9508601576615219, -0.7568024953079282, -0.6536436208636119, -0.9724058860609602, -0.06112134094030264};
        double[][] v = s.values(Q);
        for (int i = 0; i < Q.length; i++) {
            close(expected[2 * i], v[i][0], SCIPY_TOL);
            close(expected[2 * i + 1], v[i][1], SCIPY_TOL);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // properties

    private static double[] sortedRandom(Random rnd, int n) {
        double[] x = new double[n];
        double acc = 0;
        for (int i = 0; i < n; i++) {
            acc += 0.2 + rnd.nextDouble();
            x[i] = acc;
        }
        return x;
    }

    @Test
    void interpolatesTheDataForEveryDegree() {
        Random rnd = new Random(7);
        for (int k = 0; k <= 7; k++) {
            for (int n : new int[] {k + 1, k + 2, 11, 60}) {
                if (n < 2) {
                    continue;
                }
                double[] x = sortedRandom(rnd, n);
                double[] y = new double[n];
                for (int i = 0; i < n; i++) {
                    y[i] = rnd.nextGaussian();
                }
                BSpline s = BSpline.makeInterpSpline(x, y, k);
                for (int i = 0; i < n; i++) {
                    close(y[i], s.value(x[i]), INTERP_TOL);
                }
            }
        }
    }

    @Test
    void continuousDerivativesUpToKMinus1AtInteriorKnots() {
        Random rnd = new Random(8);
        for (int k = 1; k <= 5; k++) {
            double[] x = sortedRandom(rnd, 25);
            double[] y = new double[x.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = rnd.nextGaussian();
            }
            BSpline s = BSpline.makeInterpSpline(x, y, k);
            double[] t = s.knots();
            for (int j = 0; j < k; j++) {
                BSpline dj = s.derivative(j);
                BSpline dj1 = s.derivative(j + 1);
                for (int i = k + 1; i < t.length - k - 1; i++) {
                    double knot = t[i];
                    double h = H * Math.max(1, Math.abs(knot));
                    double bound = Math.max(Math.abs(dj1.value(knot - h)), Math.abs(dj1.value(knot + h)));
                    double jump = Math.abs(dj.value(knot - h) - dj.value(knot + h));
                    assertTrue(jump <= JUMP_FACTOR * h * bound + 1e-12 * Math.max(1, Math.abs(dj.value(knot))),
                            "k=" + k + " derivative " + j + " jumps by " + jump + " at t[" + i + "]");
                }
            }
            // and the k-th derivative does jump somewhere (the test can see a discontinuity)
            if (k >= 1) {
                BSpline dk = s.derivative(k);
                double maxJump = 0;
                for (int i = k + 1; i < t.length - k - 1; i++) {
                    double h = H * Math.max(1, Math.abs(t[i]));
                    maxJump = Math.max(maxJump, Math.abs(dk.value(t[i] - h) - dk.value(t[i] + h)));
                }
                assertTrue(maxJump > 1e-3, "k-th derivative should be discontinuous for random data");
            }
        }
    }

    @Test
    void reproducesLinearDataAndPolynomialsOfItsDegree() {
        Random rnd = new Random(9);
        double[] x = sortedRandom(rnd, 30);
        for (int k = 1; k <= 6; k++) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = 2.5 * x[i] - 1.0;
            }
            BSpline s = BSpline.makeInterpSpline(x, y, k);
            double[] yp = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                yp[i] = Math.pow(x[i] / 10, k);
            }
            BSpline p = BSpline.makeInterpSpline(x, yp, k);
            for (int i = 0; i < 200; i++) {
                double q = x[0] - 1 + rnd.nextDouble() * (x[x.length - 1] - x[0] + 2);
                close(2.5 * q - 1.0, s.value(q), INTERP_TOL);
                close(Math.pow(q / 10, k), p.value(q), INTERP_TOL);
            }
        }
    }

    @Test
    void periodicSplineIsSmoothAcrossThePeriod() {
        Random rnd = new Random(10);
        for (int k = 2; k <= 5; k++) {
            for (int n : new int[] {3, 5, 9, 100}) {
                double[] x = sortedRandom(rnd, n);
                double[] y = new double[n];
                for (int i = 0; i < n; i++) {
                    y[i] = rnd.nextGaussian();
                }
                y[n - 1] = y[0];
                BSpline s = BSpline.makeInterpSpline(x, y, k, BoundaryCondition.periodic(), BoundaryCondition.periodic());
                BSpline ext = s.withOutOfRange(OutOfRange.extrapolate());
                for (int i = 0; i < n - 1; i++) {
                    close(y[i], s.value(x[i]), INTERP_TOL);
                }
                for (int j = 0; j < k; j++) {
                    BSpline d = ext.derivative(j);
                    close(d.value(x[0]), d.value(x[n - 1]), 1e-8);
                }
            }
        }
    }

    @Test
    void largeFitStillInterpolates() {
        int n = 200_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i * 1e-3;
            y[i] = Math.sin(x[i]);
        }
        BSpline s = BSpline.makeInterpSpline(x, y, 3);
        for (int i = 0; i < n; i += 997) {
            close(y[i], s.value(x[i]), INTERP_TOL);
        }
        close(Math.sin(12.3456), s.value(12.3456), 1e-11);
    }

    // ---------------------------------------------------------------------------------------------
    // errors

    @Test
    void validationMessages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BSpline.makeInterpSpline(new double[] {0, 1, 1, 2}, new double[] {0, 1, 2, 3}, 1));
        assertTrue(e.getMessage().contains("x[2] = 1.0 <= x[1] = 1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> BSpline.makeInterpSpline(new double[] {0, 1, 2}, new double[] {0, Double.NaN, 2}, 1));
        assertTrue(e.getMessage().contains("y[1] = NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> BSpline.makeInterpSpline(new double[] {0, 1, 2}, new double[] {0, 1}, 1));
        assertTrue(e.getMessage().contains("x.length = 3, y.length = 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> BSpline.makeInterpSpline(new double[] {0}, new double[] {0}, 0));
        assertTrue(e.getMessage().contains("at least 2 points, got 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> BSpline.makeInterpSpline(new double[] {0, 1, 2}, new double[] {0, 1, 2}, 3));
        assertTrue(e.getMessage().contains("expected 1, got 0+0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> BSpline.makeInterpSpline(new double[] {0, 1, 2}, new double[] {0, 1, 2}, -1));
        assertTrue(e.getMessage().contains("k = -1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BSpline.makeInterpSpline(new double[] {0, 1, 2},
                new double[] {0, 1, 2}, 1, BoundaryCondition.clamped(), BoundaryCondition.clamped()));
        assertTrue(e.getMessage().contains("Too much info for k=1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BSpline.makeInterpSpline(X, sinX(), 3,
                BoundaryCondition.natural(), BoundaryCondition.notAKnot()));
        assertTrue(e.getMessage().contains("expected 2, got 1+0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BSpline.makeInterpSpline(X, sinX(), 2,
                BoundaryCondition.natural(), BoundaryCondition.natural()));
        assertTrue(e.getMessage().contains("expected 1, got 1+1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BSpline.makeInterpSpline(X, sinX(), 3,
                BoundaryCondition.periodic(), BoundaryCondition.natural()));
        assertTrue(e.getMessage().contains("both ends"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BSpline.makeInterpSpline(X, sinX(), 3,
                BoundaryCondition.periodic(), BoundaryCondition.periodic()));
        assertTrue(e.getMessage().contains("First and last points does not match"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BSpline.makeInterpSpline(X, sinX(), 3,
                new int[] {4}, new double[] {0}, new int[] {1}, new double[] {0}));
        assertTrue(e.getMessage().contains("Bad boundary conditions at 0.0"), e.getMessage());
        assertThrows(NullPointerException.class, () -> BSpline.makeInterpSpline(null, sinX(), 3));
        assertThrows(NullPointerException.class, () -> BSpline.makeInterpSpline(X, sinX(), 3, null,
                BoundaryCondition.natural()));
    }

    @Test
    void lowDegreesIgnorePeriodicityAsScipy() {
        double[] y = {1, 2, 1};
        BSpline s = BSpline.makeInterpSpline(new double[] {0, 1, 2}, y, 1, BoundaryCondition.periodic(),
                BoundaryCondition.periodic());
        assertArrayEquals(new double[] {0, 0, 1, 2, 2}, s.knots());
        assertArrayEquals(y, s.coefficients());
        assertEquals(OutOfRange.extrapolate(), s.outOfRange());
        BSpline z = BSpline.makeInterpSpline(new double[] {0, 1, 2}, y, 0);
        assertArrayEquals(new double[] {0, 1, 2, 2}, z.knots());
        assertEquals(2.0, z.value(1.5), 0.0);
        assertEquals(1.0, z.value(2.0), 0.0);
    }

    // ---------------------------------------------------------------------------------------------
    // the banded solver

    @Test
    void bandedLuAgreesWithDenseLuAndPivots() {
        Random rnd = new Random(12);
        int n = 40;
        int kl = 3;
        int ku = 2;
        int w = BandedLU.width(kl, ku);
        double[] ab = new double[n * w];
        double[] dense = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = Math.max(0, i - kl); j <= Math.min(n - 1, i + ku); j++) {
                // tiny diagonal: partial pivoting must swap rows
                double v = i == j ? 1e-3 * rnd.nextGaussian() : rnd.nextGaussian();
                ab[i * w + (j - i + kl)] = v;
                dense[i * n + j] = v;
            }
        }
        double[] b = new double[n * 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = rnd.nextGaussian();
        }
        double[] xb = b.clone();
        double[] xd = b.clone();
        double[] a0 = dense.clone();
        BandedLU.solveInPlace(n, kl, ku, ab, xb, 2);
        BandedLU.solveDenseInPlace(n, dense, xd, 2);
        double scale = Arrays.stream(xd).map(Math::abs).max().orElse(1);
        for (int i = 0; i < xb.length; i++) {
            assertEquals(xd[i], xb[i], LU_TOL * Math.max(1, scale));
        }
        // residual of the banded solution
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 2; c++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += a0[i * n + j] * xb[j * 2 + c];
                }
                assertEquals(b[i * 2 + c], s, LU_TOL * Math.max(1, scale));
            }
        }
        double[] singular = new double[3 * BandedLU.width(1, 1)];
        assertThrows(ArithmeticException.class, () -> BandedLU.solveInPlace(3, 1, 1, singular, new double[3], 1));
    }
}
