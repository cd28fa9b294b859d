package io.github.interp4j.interpolate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Argument checks and properties of {@link BSpline#makeLsqSpline}, {@link BSpline#fitSplrep},
 * {@link BSpline#makeSplprep} and {@link BSpline#generateKnots}: every bad input gets an
 * {@link IllegalArgumentException} naming the argument (and index and value) before any work; the
 * least-squares fit reproduces splines in its space, columns equal single-column fits bit for bit, and
 * the residual bound is met. (Agreement with scipy: {@code MakeLsqSplineAgreementTest},
 * {@code MakeSplrepAgreementTest}.)
 */
class LsqSplineFitTest {
    private static final double[] X = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    private static final double[] Y = {0, 1, 0, 2, 1, 3, 2, 4, 3, 5};
    private static final double[] T = {0, 0, 0, 0, 3, 6, 9, 9, 9, 9};

    private static void rejects(String fragment, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::execute);
        assertTrue(e.getMessage().contains(fragment),
                () -> "message '" + e.getMessage() + "' lacks '" + fragment + "'");
    }

    interface Executable {
        void execute();
    }

    private static double[] with(double[] a, int i, double v) {
        double[] b = a.clone();
        b[i] = v;
        return b;
    }

    @Test
    void lsqRejectsBadInput() {
        rejects("x[3] = NaN", () -> BSpline.makeLsqSpline(with(X, 3, Double.NaN), Y, T, 3));
        rejects("y[4] = Infinity", () -> BSpline.makeLsqSpline(X, with(Y, 4, Double.POSITIVE_INFINITY), T, 3));
        rejects("x[5] = 3.5 < x[4] = 4.0", () -> BSpline.makeLsqSpline(with(X, 5, 3.5), Y, T, 3));
        rejects("w[2] = 0.0", () -> BSpline.makeLsqSpline(X, Y, T, 3, with(ones(10), 2, 0.0)));
        rejects("w[0] = -1.0", () -> BSpline.makeLsqSpline(X, Y, T, 3, with(ones(10), 0, -1.0)));
        rejects("k must be non-negative", () -> BSpline.makeLsqSpline(X, Y, T, -1));
        rejects("t[4] = NaN", () -> BSpline.makeLsqSpline(X, Y, with(T, 4, Double.NaN), 3));
        rejects("t must be non-decreasing", () -> BSpline.makeLsqSpline(X, Y, with(T, 4, 7.0), 3));
        rejects("same length", () -> BSpline.makeLsqSpline(X, new double[9], T, 3));
        rejects("x[0] = -1.0 is outside the base interval", () -> BSpline.makeLsqSpline(with(X, 0, -1.0), Y, T, 3));
        // five knots between x[3] = 3 and x[4] = 4: B-spline 4 lives on (3.1, 3.5), where there is no point
        double[] crowded = {0, 0, 0, 0, 3.1, 3.2, 3.3, 3.4, 3.5, 9, 9, 9, 9};
        rejects("Schoenberg-Whitney conditions violated: B-spline 4", () -> BSpline.makeLsqSpline(X, Y, crowded, 3));
        rejects("(t[4], t[8]) = (3.1, 3.5)", () -> BSpline.makeLsqSpline(X, Y, crowded, 3));
        double[] many = {0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 9, 9, 9, 9};
        rejects("need at least as many data points", () -> BSpline.makeLsqSpline(X, Y, many, 3));
        assertThrows(NullPointerException.class, () -> BSpline.makeLsqSpline(X, Y, null, 3));
        rejects("y[1][0] = NaN", () -> BSpline.makeLsqSplineColumns(X, rows(with(Y, 1, Double.NaN)), T, 3));
    }

    @Test
    void splrepRejectsBadInput() {
        SplrepOptions s1 = SplrepOptions.defaults().withSmoothing(1.0);
        rejects("x[2] = NaN", () -> BSpline.fitSplrep(with(X, 2, Double.NaN), Y, s1));
        rejects("y[9] = -Infinity", () -> BSpline.fitSplrep(X, with(Y, 9, Double.NEGATIVE_INFINITY), s1));
        rejects("x[1] = -1.0 < x[0] = 0.0", () -> BSpline.fitSplrep(with(X, 1, -1.0), Y, s1));
        rejects("k must be between 1 and 5, was 6", () -> SplrepOptions.defaults().withDegree(6));
        rejects("k must be between 1 and 5, was 0", () -> BSpline.makeSplrep(X, Y, 0, 1.0));
        rejects("s must be finite and non-negative, was -1.0", () -> BSpline.makeSplrep(X, Y, 3, -1.0));
        rejects("s must be finite and non-negative, was NaN", () -> SplrepOptions.defaults().withSmoothing(Double.NaN));
        rejects("w[3] = 0.0", () -> s1.withWeights(with(new double[] {1, 1, 1, 1}, 3, 0.0)));
        rejects("x and w must have the same length",
                () -> BSpline.fitSplrep(X, Y, s1.withWeights(new double[] {1, 2})));
        rejects("nest too small: nest = 7 < 2*(k+1) = 8", () -> BSpline.fitSplrep(X, Y, s1.withNest(7)));
        rejects("nest too small", () -> s1.withNest(3));
        rejects("Either supply t or nest", () -> BSpline.fitSplrep(X, Y, s1.withNest(9).withKnots(T)));
        rejects("s == 0 is for interpolation only", () -> BSpline.fitSplrep(X, Y,
                SplrepOptions.defaults().withWeights(ones(10))));
        rejects("xb = 0.5 must not exceed the first point", () -> BSpline.fitSplrep(X, Y, s1.withBounds(0.5, 9)));
        rejects("xe = 8.0 must not be below the last point", () -> BSpline.fitSplrep(X, Y, s1.withBounds(0, 8)));
        rejects("Internal knots must be distinct: t[5] = 3.0", () -> BSpline.fitSplrep(X, Y,
                s1.withKnots(new double[] {0, 0, 0, 0, 3, 3, 9, 9, 9, 9})));
        rejects("Schoenberg-Whitney", () -> BSpline.fitSplrep(X, Y,
                s1.withKnots(new double[] {0, 0, 0, 0, 3.1, 3.2, 3.3, 3.4, 3.5, 9, 9, 9, 9})));
        rejects("need at least k + 1 = 4 points, got 3", () -> BSpline.fitSplrep(new double[] {0, 1, 2},
                new double[] {1, 2, 3}, s1));
        rejects("points[1][2] = NaN", () -> BSpline.makeSplprep(new double[][] {X, with(Y, 2, Double.NaN)}, s1));
        rejects("all 3 points coincide", () -> BSpline.makeSplprep(new double[][] {{1, 1, 1}, {2, 2, 2}}, s1));
        rejects("points[0] and points[1] must have the same length", () -> BSpline.makeSplprep(
                new double[][] {X, {1, 2}}, s1));
        rejects("generateKnots takes no knots", () -> BSpline.generateKnots(X, Y, s1.withKnots(T)));
    }

    @Test
    void lsqReproducesSplinesOfItsSpace() {
        double[] c = {1.0, -2.0, 0.5, 3.0, 1.5, -1.0};
        BSpline truth = new BSpline(T, c, 3);
        double[] x = new double[50];
        double[] y = new double[50];
        for (int i = 0; i < 50; i++) {
            x[i] = 9.0 * i / 49;
            y[i] = truth.value(x[i]);
        }
        BSpline fit = BSpline.makeLsqSpline(x, y, T, 3);
        assertArrayEquals(c, fit.coefficients(), 1e-13);
        assertArrayEquals(T, fit.t(), 0.0);
    }

    @Test
    void columnsEqualSingleColumnFitsBitForBit() {
        double[][] rows = new double[10][2];
        double[] y2 = new double[10];
        double[] w = new double[10];
        for (int i = 0; i < 10; i++) {
            y2[i] = Math.cos(X[i]);
            rows[i][0] = Y[i];
            rows[i][1] = y2[i];
            w[i] = 1 + 0.1 * i;
        }
        BSpline both = BSpline.makeLsqSplineColumns(X, rows, T, 3, w);
        assertArrayEquals(BSpline.makeLsqSpline(X, Y, T, 3, w).coefficients(), both.column(0).coefficients(), 0.0);
        assertArrayEquals(BSpline.makeLsqSpline(X, y2, T, 3, w).coefficients(), both.column(1).coefficients(), 0.0);
    }

    @Test
    void splrepMeetsTheResidualBoundAndReportsIt() {
        int n = 400;
        double[] x = new double[n];
        double[] y = new double[n];
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        for (int i = 0; i < n; i++) {
            x[i] = 10.0 * i / (n - 1);
            y[i] = Math.sin(x[i]) + 0.1 * (r.nextDouble() - 0.5);
        }
        double s = 0.5;
        SplineFit fit = BSpline.fitSplrep(x, y, SplrepOptions.defaults().withSmoothing(s));
        assertEquals(0, fit.ier(), fit::message);
        double fp = 0;
        for (int i = 0; i < n; i++) {
            double d = fit.spline().value(x[i]) - y[i];
            fp += d * d;
        }
        assertEquals(s, fp, 1e-3 * s, "fp within scipy's tolerance of s");
        assertEquals(fp, fit.fp(), 1e-9 * fp, "reported fp is the residual of the spline");
        List<double[]> steps = BSpline.generateKnots(x, y, 3, s);
        assertArrayEquals(steps.get(steps.size() - 1), fit.spline().t(), 0.0, "the fit uses the last knot vector");
        assertEquals(8, steps.get(0).length, "the first knot vector has no interior knot");
        SplineFit interp = BSpline.fitSplrep(x, y, SplrepOptions.defaults());
        assertEquals(-1, interp.ier());
        assertEquals(y[17], interp.spline().value(x[17]), 1e-12);
        SplineFit poly = BSpline.fitSplrep(x, y, SplrepOptions.defaults().withSmoothing(1e6));
        assertEquals(-2, poly.ier());
        assertEquals(8, poly.spline().t().length);
    }

    private static double[] ones(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, 1.0);
        return a;
    }

    private static double[][] rows(double[] v) {
        double[][] r = new double[v.length][1];
        for (int i = 0; i < v.length; i++) {
            r[i][0] = v[i];
        }
        return r;
    }
}
