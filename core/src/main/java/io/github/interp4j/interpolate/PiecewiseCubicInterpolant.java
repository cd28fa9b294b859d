package io.github.interp4j.interpolate;

import io.github.interp4j.interpolate.internal.search.IntervalIndex;
import io.github.interp4j.interpolate.internal.validation.Validation;

/**
 * A piecewise cubic fitted to data, the common type of {@link CubicHermiteSpline}, {@link CubicSpline},
 * {@link PchipInterpolator} and {@link Akima1DInterpolator}. As in scipy, each is a piecewise cubic
 * {@link PPoly} with breakpoints at the data abscissae (see {@link #toPPoly()}), and the methods here are
 * scipy's PPoly methods on it (evaluation, derivative, antiderivative, integrate, roots, solve).
 *
 * <p>Sealed: the four classes above are the only implementations.
 *
 * <p>Thread-safety: immutable; share freely.
 */
public abstract sealed class PiecewiseCubicInterpolant implements Interpolant1D
        permits CubicHermiteSpline, CubicSpline, PchipInterpolator, Akima1DInterpolator {
    private static final long serialVersionUID = 1L;

    /** The fitted piecewise cubic, with the interpolant's out-of-range mode. */
    final transient PPoly pp;

    PiecewiseCubicInterpolant(PPoly pp) {
        this.pp = pp;
    }

    /**
     * Builds the PPoly of cubic Hermite pieces with values {@code y} and slopes {@code s} at {@code x},
     * for {@code m} columns stored row-major (scipy's {@code CubicHermiteSpline} formulas, in scipy's
     * operation order): with {@code h = x[i+1] - x[i]}, {@code d = (y[i+1] - y[i]) / h} and
     * {@code t = (s[i] + s[i+1] - 2 d) / h}, the coefficients of interval {@code i} are
     * {@code t / h, (d - s[i]) / h - t, s[i], y[i]}. O(n m), one pass.
     */
    static double[] hermiteCoefficients(double[] x, double[] y, double[] s, int m) {
        int pieces = x.length - 1;
        double[] c = new double[Validation.checkedSize("cubic coefficients", 4L * pieces, m)];
        // Column by column with running values: one tight loop per column, the same arithmetic for any m.
        for (int j = 0; j < m; j++) {
            double y0 = y[j];
            double s0 = s[j];
            for (int i = 0, p = j + m, q = j; i < pieces; i++, p += m, q += 4 * m) {
                double y1 = y[p];
                double s1 = s[p];
                double h = x[i + 1] - x[i];
                double slope = (y1 - y0) / h;
                double t = (s0 + s1 - 2 * slope) / h;
                c[q] = t / h;
                c[q + m] = (slope - s0) / h - t;
                c[q + 2 * m] = s0;
                c[q + 3 * m] = y0;
                y0 = y1;
                s0 = s1;
            }
        }
        return c;
    }

    /** The scalar piecewise cubic of one-column data. */
    static PPoly cubicPPoly(double[] x, double[] y, double[] s, OutOfRange mode) {
        return new PPoly(x, hermiteCoefficients(x, y, s, 1), 4, mode, new IntervalIndex(x));
    }

    /** The multi-column piecewise cubic. */
    static PPolyColumns cubicColumns(double[] x, double[] y, double[] s, int m, OutOfRange mode,
            PPolyColumns.Recipe recipe) {
        return new PPolyColumns(x, hermiteCoefficients(x, y, s, m), 4, m, mode, new IntervalIndex(x), recipe);
    }

    /** Copies rows {@code y[n][m]} (already validated rectangular) into a row-major flat array. */
    static double[] flatten(double[][] y, int m) {
        int n = y.length;
        double[] flat = new double[Validation.checkedSize("y", n, m)];
        for (int i = 0; i < n; i++) {
            System.arraycopy(y[i], 0, flat, i * m, m);
        }
        return flat;
    }

    /** The inverse of {@link #flatten(double[][], int)}. */
    static double[][] rows(double[] flat, int m) {
        int n = flat.length / m;
        double[][] y = new double[n][];
        for (int i = 0; i < n; i++) {
            y[i] = java.util.Arrays.copyOfRange(flat, i * m, (i + 1) * m);
        }
        return y;
    }

    /**
     * The interpolant's value; O(1) expected time, no allocation.
     *
     * @param t the query
     * @return the value; NaN for NaN; outside the data range as {@link #outOfRange()} says
     * @throws OutOfRangeException if {@code t} is out of range and the mode is raise
     */
    @Override
    public final double value(double t) {
        return pp.value(t);
    }

    /**
     * {@code out[i] = value(xs[i])}, bit for bit, in parallel for large batches.
     *
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code out} is shorter than {@code xs}
     * @throws OutOfRangeException      for the first out-of-range query when the mode is raise
     */
    @Override
    public final void values(double[] xs, double[] out) {
        pp.values(xs, out);
    }

    /**
     * The {@code nu}-th derivative as a piecewise polynomial (scipy {@code derivative(nu)}), same mode.
     *
     * @param nu the order, at least 0
     * @return the derivative
     * @throws IllegalArgumentException if {@code nu < 0}
     */
    @Override
    public final PPoly derivative(int nu) {
        return pp.derivative(nu);
    }

    /**
     * The {@code nu}-th antiderivative, zero at the first abscissa (see {@link PPoly#antiderivative(int)}).
     *
     * @param nu the order, at least 0
     * @return the antiderivative
     * @throws IllegalArgumentException if {@code nu < 0}
     */
    public final PPoly antiderivative(int nu) {
        return pp.antiderivative(nu);
    }

    /**
     * The definite integral over {@code [a, b]}, honouring the out-of-range mode
     * (see {@link PPoly#integrate(double, double)}).
     *
     * @param a lower limit
     * @param b upper limit
     * @return the integral ({@code -integral over [b, a]} when {@code b < a})
     * @throws OutOfRangeException if a limit is out of range and the mode is raise
     */
    public final double integrate(double a, double b) {
        return pp.integrate(a, b);
    }

    /**
     * Real roots (see {@link PPoly#roots()}).
     *
     * @return the roots, ascending
     */
    public final double[] roots() {
        return pp.roots();
    }

    /**
     * Real solutions of {@code f(t) = y} (see {@link PPoly#solve(double)}).
     *
     * @param y the right-hand side, finite
     * @return the solutions, ascending (NaN markers for pieces equal to y, as scipy)
     * @throws IllegalArgumentException if {@code y} is not finite
     */
    public final double[] solve(double y) {
        return pp.solve(y);
    }

    /**
     * Real solutions of {@code f(t) = y} (see {@link PPoly#solve(double, boolean, boolean)}).
     *
     * @param y             the right-hand side, finite
     * @param discontinuity whether to report sign changes across breakpoints
     * @param extrapolate   whether to include roots of the continued end pieces
     * @return the solutions, ascending (NaN markers for pieces equal to y, as scipy)
     * @throws IllegalArgumentException if {@code y} is not finite
     */
    public final double[] solve(double y, boolean discontinuity, boolean extrapolate) {
        return pp.solve(y, discontinuity, extrapolate);
    }

    /** @return the interpolant as a {@link PPoly} (breakpoints = the data abscissae), same mode; O(1) */
    public final PPoly toPPoly() {
        return pp;
    }

    /** @return the coefficients in scipy's layout {@code c[4][n - 1]} (a copy) */
    public final double[][] coefficients() {
        return pp.coefficients();
    }

    /** @return a copy of the breakpoints (the data abscissae) */
    public final double[] breakpoints() {
        return pp.breakpoints();
    }

    @Override
    public final double lowerBound() {
        return pp.lowerBound();
    }

    @Override
    public final double upperBound() {
        return pp.upperBound();
    }

    @Override
    public final OutOfRange outOfRange() {
        return pp.outOfRange();
    }

    /**
     * The same interpolant with another out-of-range mode, of the same class; shares the data. O(1).
     *
     * @param mode the new mode
     * @return the interpolant answering out-of-range queries as {@code mode} says
     * @throws NullPointerException if {@code mode} is null
     */
    @Override
    public abstract PiecewiseCubicInterpolant withOutOfRange(OutOfRange mode);

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[points=" + (pp.intervals() + 1) + ", range=[" + lowerBound() + ", "
                + upperBound() + "], outOfRange=" + outOfRange() + "]";
    }
}
