package io.github.interp4j.interpolate;

import io.github.interp4j.interpolate.internal.spline.SchoenbergWhitney;
import io.github.interp4j.interpolate.internal.fitting.LsqSplineSolver;
import io.github.interp4j.interpolate.internal.fitting.SplrepFitter;
import io.github.interp4j.interpolate.internal.spline.InterpSplineSolver;
import io.github.interp4j.interpolate.internal.spline.SplineCore;
import io.github.interp4j.interpolate.internal.validation.FiniteResult;
import io.github.interp4j.interpolate.internal.validation.Validation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The argument checks and plumbing behind {@code BSpline.makeLsqSpline*}, {@code makeSplrep},
 * {@code fitSplrep}, {@code makeSplprep} and {@code generateKnots}: every input is checked (with the
 * offending index and value named) before any work, then the kernels of {@code internal.fitting} run.
 */
final class SplineFits {
    private static final Logger LOG = LoggerFactory.getLogger(BSpline.class);

    private SplineFits() {}

    /** Weights must be finite and positive. */
    static void requirePositiveWeights(double[] w) {
        for (int i = 0; i < w.length; i++) {
            if (!(w[i] > 0) || w[i] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("weights must be finite and positive: w[" + i + "] = " + w[i]);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------
    // make_lsq_spline

    static BSpline lsq(double[] x, double[] y, int ydim, double[] t, int k, double[] w) {
        int m = x.length;
        if (k < 0) {
            throw new IllegalArgumentException("k must be non-negative, was " + k);
        }
        Validation.requireNonNull(t, "t");
        SplineCore.validate(t, k, Integer.MAX_VALUE);
        Validation.requireFinite("x", x);
        Validation.requireFinite("y", y);
        Validation.requireNonDecreasing("x", x);
        if (w != null) {
            Validation.requireSameLength("x", m, "w", w.length);
            requirePositiveWeights(w);
        }
        if (m < k + 1) {
            throw new IllegalArgumentException("makeLsqSpline needs at least k + 1 = " + (k + 1) + " points, got " + m);
        }
        SchoenbergWhitney.requireLeastSquares(x, t, k);
        double[] tt = t.clone();
        // The solution is linear in y and unchanged by a common factor of the weights: values or weights far
        // from 1 (whose rotated rows would overflow or underflow) are solved scaled by powers of two (exact).
        int ey = outsideUnitScale(FiniteResult.scaleExponent(y));
        int ew = w == null ? 0 : outsideUnitScale(FiniteResult.scaleExponent(w));
        double[] c = LsqSplineSolver.solve(x, ey == 0 ? y : FiniteResult.scaled(y, ey), ydim,
                ew == 0 ? w : FiniteResult.scaled(w, ew), tt, k);
        if (ey != 0) {
            for (int i = 0; i < c.length; i++) {
                c[i] = Math.scalb(c[i], ey);
            }
        }
        FiniteResult.requireFinite("makeLsqSpline", c, i -> "coefficient " + i / ydim
                + (ydim > 1 ? " of column " + i % ydim : ""));
        return new BSpline(new SplineCore(tt, c, k, ydim), OutOfRange.extrapolate());
    }

    /** {@code e} when the magnitude {@code 2^e} is far from 1 (beyond {@code 2^+-64}), else 0. */
    static int outsideUnitScale(int e) {
        return Math.abs(e) > 64 ? e : 0;
    }

    static BSpline lsq(double[] x, double[] y, double[] t, int k, double[] w) {
        Validation.requireNonNull(x, "x");
        Validation.requireNonNull(y, "y");
        Validation.requireSameLength("x", x.length, "y", y.length);
        return lsq(x, y, 1, t, k, w);
    }

    static BSpline lsqColumns(double[] x, double[][] y, double[] t, int k, double[] w) {
        Validation.requireNonNull(x, "x");
        Validation.requireNonNull(y, "y");
        Validation.requireSameLength("x", x.length, "y", y.length);
        if (y.length == 0) {
            throw new IllegalArgumentException("makeLsqSplineColumns needs at least 1 point, got 0");
        }
        int m = ColumnLayout.requireRectangular("y", y);
        Validation.requireFiniteRows("y", y, m);
        return lsq(x, ColumnLayout.flatten(y, m), m, t, k, w);
    }

    // ------------------------------------------------------------------------------------------------
    // make_splrep / make_splprep / generate_knots

    /** The checked data of a fit with {@code s > 0}. */
    private static Prepared data(double[] x, double[] y, int ydim, SplrepOptions o, String xb, String xe) {
        int m = x.length;
        int k = o.degree();
        String xn = xb.equals("ub") ? "u" : "x";
        Validation.requireFinite(xn, x);
        Validation.requireFinite("y", y);
        Validation.requireNonDecreasing(xn, x);
        double[] w = o.weightsRef();
        if (w != null) {
            Validation.requireSameLength(xn, m, "w", w.length);
        }
        if (m < k + 1) {
            throw new IllegalArgumentException("need at least k + 1 = " + (k + 1) + " points, got " + m);
        }
        double lo = Double.isNaN(o.lowerBound()) ? x[0] : o.lowerBound();
        double hi = Double.isNaN(o.upperBound()) ? x[m - 1] : o.upperBound();
        if (lo > x[0]) {
            throw new IllegalArgumentException(xb + " = " + lo + " must not exceed the first point " + xn + "[0] = "
                    + x[0]);
        }
        if (hi < x[m - 1]) {
            throw new IllegalArgumentException(xe + " = " + hi + " must not be below the last point " + xn + "["
                    + (m - 1) + "] = " + x[m - 1]);
        }
        if (!(lo < hi)) {
            throw new IllegalArgumentException("the data span no interval: " + xb + " = " + lo + ", " + xe + " = "
                    + hi);
        }
        int nest = o.nest();
        if (nest >= 0 && nest < 2 * (k + 1)) {
            throw new IllegalArgumentException("nest too small: nest = " + nest + " < 2*(k+1) = " + 2 * (k + 1));
        }
        if (nest >= 0 && o.knotsRef() != null) {
            throw new IllegalArgumentException("Either supply t or nest, not both");
        }
        double[] t = o.knotsRef();
        if (t != null) {
            checkKnots(x, t, k);
        }
        // FITPACK forms powers of the spacings up to the degree (and their squares): refused by name where
        // they would overflow or underflow
        int lim = 1020 / (2 * (k + 1));
        String why = "powers of the spacings up to the degree k = " + k + " (squared) leave the double range";
        FiniteResult.requireSpacingExponent(xb + "/" + xe, new double[] {lo, hi}, -lim, lim, why);
        FiniteResult.requireSpacingExponent(xn, x, -lim, lim, why);
        // fp is linear in s and quadratic in y and w: values or weights far from 1 (whose squared residuals
        // would overflow or underflow) are fitted scaled by powers of two (exact), with s scaled to match
        int ey = outsideUnitScale(FiniteResult.scaleExponent(y));
        int ew = w == null ? 0 : outsideUnitScale(FiniteResult.scaleExponent(w));
        return new Prepared(new SplrepFitter.Data(x, ey == 0 ? y : FiniteResult.scaled(y, ey), ydim,
                ew == 0 ? w : FiniteResult.scaled(w, ew), lo, hi, k, Math.scalb(o.smoothing(), -2 * (ey + ew))),
                ey, ew);
    }

    /** The checked data of a fit with {@code s > 0}, and the powers of two its values and weights were divided by. */
    private static final class Prepared {
        final SplrepFitter.Data data;
        final int ey;
        final int ew;

        Prepared(SplrepFitter.Data data, int ey, int ew) {
            this.data = data;
            this.ey = ey;
            this.ew = ew;
        }
    }

    /** scipy's {@code fpcheck} conditions on user knots, with the proper Schoenberg-Whitney test. */
    private static void checkKnots(double[] x, double[] t, int k) {
        int nc = t.length - k - 1;
        if (nc < k + 1) {
            throw new IllegalArgumentException("Need k+1 <= t.length-k-1: t.length = " + t.length + ", k = " + k);
        }
        for (int i = k + 1; i < nc; i++) {
            if (!(t[i] > t[i - 1])) {
                throw new IllegalArgumentException("Internal knots must be distinct: t[" + i + "] = " + t[i]
                        + " <= t[" + (i - 1) + "] = " + t[i - 1]);
            }
        }
        SchoenbergWhitney.requireLeastSquares(x, t, k);
    }

    private static void requireInterpolationOnly(SplrepOptions o) {
        if (o.knotsRef() != null || o.weightsRef() != null || o.nest() >= 0) {
            throw new IllegalArgumentException("s == 0 is for interpolation only: t, w and nest must not be given");
        }
    }

    static SplineFit splrep(double[] x, double[] y, SplrepOptions o) {
        Validation.requireNonNull(x, "x");
        Validation.requireNonNull(y, "y");
        Validation.requireNonNull(o, "options");
        Validation.requireSameLength("x", x.length, "y", y.length);
        if (o.smoothing() == 0) {
            requireInterpolationOnly(o);
            BSpline b = BSpline.makeInterpSpline(x, y, o.degree());
            return new SplineFit(b, 0.0, -1, SplrepFitter.message(-1), Double.NaN, x.clone());
        }
        double[] xx = x.clone();
        Prepared d = data(xx, y.clone(), 1, o, "xb", "xe");
        SplrepFitter.Result r = SplrepFitter.fit(d.data, o.knots(), o.nest());
        return result(r, d, o.degree(), 1, xx);
    }

    private static SplineFit result(SplrepFitter.Result r, Prepared d, int k, int ydim, double[] params) {
        if (r.ier > 0) {
            LOG.warn("make_splrep/make_splprep (ier = {}): {}", r.ier, SplrepFitter.message(r.ier).replace('\n', ' '));
        }
        double[] c = r.c;
        if (d.ey != 0) {
            c = FiniteResult.scaled(c, -d.ey);
        }
        FiniteResult.requireFinite("make_splrep", c, i -> "coefficient " + i / ydim
                + (ydim > 1 ? " of column " + i % ydim : ""));
        double fp = Math.scalb(r.fp, 2 * (d.ey + d.ew));
        if (!(fp < Double.POSITIVE_INFINITY)) {
            throw new ArithmeticException("make_splrep: the weighted sum of squared residuals fp = " + fp
                    + " is beyond the double range");
        }
        double p = Math.scalb(r.p, -d.ew);
        if (r.ier >= 0 && !(Math.abs(p) < Double.POSITIVE_INFINITY)) {
            throw new ArithmeticException("make_splrep: the smoothing parameter p = " + p + " is beyond the double"
                    + " range: s is too small against the squared values for a smoothing fit; use s = 0 to"
                    + " interpolate");
        }
        BSpline b = new BSpline(new SplineCore(r.t, c, k, ydim), OutOfRange.extrapolate());
        return new SplineFit(b, fp, r.ier, SplrepFitter.message(r.ier), p, params);
    }

    /** {@code points[d][i]}: coordinate {@code d} of point {@code i}. */
    static SplineFit splprep(double[][] points, SplrepOptions o) {
        Validation.requireNonNull(points, "points");
        Validation.requireNonNull(o, "options");
        int ndim = points.length;
        if (ndim == 0) {
            throw new IllegalArgumentException("points must have at least one dimension");
        }
        for (int d = 0; d < ndim; d++) {
            Validation.requireNonNull(points[d], "points[" + d + "]");
            Validation.requireFinite("points[" + d + "]", points[d]);
        }
        int m = points[0].length;
        for (int d = 1; d < ndim; d++) {
            Validation.requireSameLength("points[0]", m, "points[" + d + "]", points[d].length);
        }
        if (m < 2) {
            throw new IllegalArgumentException("makeSplprep needs at least 2 points, got " + m);
        }
        double[] y = new double[m * ndim];
        double[][] rows = new double[m][ndim];
        for (int i = 0; i < m; i++) {
            for (int d = 0; d < ndim; d++) {
                y[i * ndim + d] = points[d][i];
                rows[i][d] = points[d][i];
            }
        }
        double[] u = o.parameters();
        if (u == null) {
            u = chordLength(points, m);
        } else {
            Validation.requireSameLength("u", u.length, "points[0]", m);
            Validation.requireFinite("u", u);
        }
        if (o.smoothing() == 0) {
            requireInterpolationOnly(o);
            return new SplineFit(BSpline.makeInterpSplineColumns(u, rows, o.degree()), 0.0, -1,
                    SplrepFitter.message(-1), Double.NaN, u);
        }
        Prepared d = data(u, y, ndim, o, "ub", "ue");
        SplrepFitter.Result r = SplrepFitter.fit(d.data, o.knots(), o.nest());
        return result(r, d, o.degree(), ndim, u);
    }

    /** scipy's default curve parameters: cumulative chord length divided by the total. */
    private static double[] chordLength(double[][] points, int m) {
        double[] u = new double[m];
        double v = 0.0;
        for (int i = 1; i < m; i++) {
            double sq = 0.0;
            for (double[] p : points) {
                double dd = p[i] - p[i - 1];
                sq += dd * dd;
            }
            v += Math.sqrt(sq);
            u[i] = v;
        }
        if (!(v > 0)) {
            throw new IllegalArgumentException("all " + m + " points coincide: the curve has no length");
        }
        for (int i = 1; i < m; i++) {
            u[i] = u[i] / v;
        }
        return u;
    }

    static List<double[]> generateKnots(double[] x, double[] y, SplrepOptions o) {
        Validation.requireNonNull(x, "x");
        Validation.requireNonNull(y, "y");
        Validation.requireNonNull(o, "options");
        Validation.requireSameLength("x", x.length, "y", y.length);
        return generateKnots(x, y, 1, o);
    }

    static List<double[]> generateKnotsColumns(double[] x, double[][] y, SplrepOptions o) {
        Validation.requireNonNull(x, "x");
        Validation.requireNonNull(y, "y");
        Validation.requireNonNull(o, "options");
        Validation.requireSameLength("x", x.length, "y", y.length);
        if (y.length == 0) {
            throw new IllegalArgumentException("generateKnotsColumns needs at least 1 point, got 0");
        }
        int m = ColumnLayout.requireRectangular("y", y);
        Validation.requireFiniteRows("y", y, m);
        return generateKnots(x, ColumnLayout.flatten(y, m), m, o);
    }

    /** {@code y} row-major with {@code ydim} columns, its length checked against {@code x}. */
    private static List<double[]> generateKnots(double[] x, double[] y, int ydim, SplrepOptions o) {
        if (o.knotsRef() != null) {
            throw new IllegalArgumentException("generateKnots takes no knots t");
        }
        if (o.smoothing() == 0) {
            if (o.weightsRef() != null || o.nest() >= 0) {
                throw new IllegalArgumentException("s == 0 is interpolation only: w and nest must not be given");
            }
            Validation.requireFinite("x", x);
            Validation.requireFinite("y", y);
            Validation.requireStrictlyIncreasing("x", x);
            if (x.length < o.degree() + 1) {
                throw new IllegalArgumentException("need at least k + 1 = " + (o.degree() + 1) + " points, got "
                        + x.length);
            }
            return Collections.singletonList(InterpSplineSolver.notAKnotKnots(x, o.degree()));
        }
        Prepared d = data(x.clone(), y.clone(), ydim, o, "xb", "xe");
        List<double[]> out = new ArrayList<>(SplrepFitter.generateKnots(d.data, o.nest()));
        return Collections.unmodifiableList(out);
    }
}
