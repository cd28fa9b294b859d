package io.github.interp4j.interpolate;

import io.github.interp4j.interpolate.internal.validation.FiniteResult;
import io.github.interp4j.interpolate.internal.validation.Validation;

/**
 * A piecewise cubic fitted to data, the common type of {@link CubicHermiteSpline}, {@link CubicSpline},
 * {@link PchipInterpolator} and {@link Akima1DInterpolator}. As in scipy, each is a piecewise cubic
 * {@link PPoly} with breakpoints at the data abscissae (see {@link #toPPoly()}), and the methods here are
 * scipy's PPoly methods on it (evaluation, derivative, antiderivative, integrate, roots, solve).
 *
 * <p>Each class fits one value column ({@code double[] y}) or m columns at once ({@code double[][] y} of
 * shape {@code (n, m)}, scipy's {@code y} with a trailing axis): a multi-column fit is the same class with
 * {@link #columns()} = m, evaluated by the same code, and column {@code j} equals, bit for bit, the fit of
 * that column alone. The single-column methods ({@link #value(double)}, {@link #values(double[], double[])},
 * {@link #integrate(double, double)}, {@link #roots()}, {@link #solve(double)}, {@link #coefficients()})
 * throw {@link IllegalStateException} when m &gt; 1; their column forms serve any m.
 *
 * <p>Extreme data (issue 11): a fit never returns non-finite coefficients from finite data. When the plain
 * computation over- or underflows (values near {@link Double#MAX_VALUE}, spacings near 1e-300 or beyond
 * 2^341) it is redone on data divided by powers of two and scaled back exactly; a coefficient that is still
 * not a finite double, or an interval on which evaluation could overflow, raises {@link ArithmeticException}
 * naming the interval, the power and the data; abscissae spanning more than {@link Double#MAX_VALUE} raise
 * {@link IllegalArgumentException}. Ordinary data take the plain path and keep scipy's bits.
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

    /**
     * A family's slopes at the data points, computed from data that may have been divided by powers of two:
     * {@code x / 2^xExp} and {@code y / 2^yExp}. A rule holding derivative data of its own (end conditions,
     * given slopes) divides a first derivative by {@code 2^(yExp - xExp)} and a second by
     * {@code 2^(yExp - 2 xExp)}; with both exponents 0 it is the family's plain computation.
     */
    @FunctionalInterface
    interface SlopeRule {
        double[] slopes(double[] x, double[] y, int m, int xExp, int yExp);

        /**
         * The binary exponent of the largest function-value magnitude the rule's own derivative data imply
         * over one spacing of {@code 2^xExp} (e.g. {@code getExponent(max |dydx|) + xExp}); very negative
         * when the rule has none.
         */
        default int dataExponent(int xExp) {
            return Integer.MIN_VALUE / 2;
        }
    }

    /**
     * Fits the piecewise cubic of {@code m} row-major value columns with the family's slopes, never
     * returning non-finite coefficients from finite data. The plain computation is tried first (its
     * result, when finite, is the only one, so ordinary data give scipy's bits). When it over- or
     * underflows, the data are divided by powers of two ({@code x} by {@code 2^ex}, {@code ex} the exponent
     * of the largest spacing, {@code y} by {@code 2^ey}, the exponent of the largest value), the slopes and
     * coefficients computed there (every method here is homogeneous in {@code y} and in {@code x}), and each
     * coefficient of power {@code p} multiplied back by {@code 2^(ey - p ex)}, exactly. A coefficient that
     * is still not a finite double, or an interval on which evaluation could overflow in range, raises
     * {@link ArithmeticException} naming the interval, the power and the data there. O(n m).
     *
     * @throws IllegalArgumentException if {@code x[n-1] - x[0]} overflows
     * @throws ArithmeticException      as above
     */
    static PPoly fitCubic(String name, double[] x, double[] y, int m, SlopeRule rule, OutOfRange mode) {
        FiniteResult.requireFiniteSpan("x", x);
        double[] c = null;
        if (!wideSpacing(x)) {
            c = hermiteCoefficients(x, y, rule.slopes(x, y, m, 0, 0), m);
        }
        if (c == null || FiniteResult.firstNonFinite(c) >= 0) {
            c = scaledFit(name, x, y, m, rule);
        }
        requireBoundedPieces(name, x, y, c, m);
        return new PPoly(x, c, 4, m, mode);
    }

    /** The coefficients computed on power-of-two scaled data and scaled back, or a named error. */
    private static double[] scaledFit(String name, double[] x, double[] y, int m, SlopeRule rule) {
        double maxH = 0.0;
        for (int i = 1; i < x.length; i++) {
            maxH = Math.max(maxH, x[i] - x[i - 1]);
        }
        int ex = Math.getExponent(maxH);
        int ey = Math.max(FiniteResult.scaleExponent(y), rule.dataExponent(ex));
        double[] xs = FiniteResult.scaled(x, ex);
        double[] ys = FiniteResult.scaled(y, ey);
        double[] cs = hermiteCoefficients(xs, ys, rule.slopes(xs, ys, m, ex, ey), m);
        FiniteResult.requireFinite(name, cs, i -> coefficientText(x, y, m, i) + ", computed on data scaled by 2^"
                + (-ey) + " (y) and 2^" + (-ex) + " (x),");
        double[] c = new double[cs.length];
        double significant = 0x1p-40 * Math.abs(cs[FiniteResult.firstLargest(cs)]);
        for (int i = 0; i < cs.length; i++) {
            int power = 3 - (i / m) % 4;
            c[i] = Math.scalb(cs[i], ey - power * ex);
            if (Math.abs(cs[i]) > significant && Math.abs(c[i]) < Double.MIN_NORMAL) {
                throw new ArithmeticException(name + ": " + coefficientText(x, y, m, i) + " is " + Math.scalb(cs[i], ey)
                        + " * 2^" + (-power * ex) + ", below the normal double range although its term matters:"
                        + " the interval is too wide for a cubic in (x - x[i]) powers");
            }
        }
        FiniteResult.requireFinite(name, c, i -> coefficientText(x, y, m, i));
        return c;
    }

    /**
     * Whether some spacing is so wide (2^341 and more) that {@code h^3} overflows and the higher coefficients
     * underflow in the plain computation, which then loses them without a non-finite sign: such data go
     * straight to the scaled fit, which names an underflowing coefficient.
     */
    private static boolean wideSpacing(double[] x) {
        for (int i = 1; i < x.length; i++) {
            if (x[i] - x[i - 1] >= 0x1p341) {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks that Horner's scheme cannot overflow inside any interval: with {@code h} the interval's width,
     * {@code ((|c3| h + |c2|) h + |c1|) h + |c0|} bounds every partial sum for {@code |t - x[i]| <= h}.
     */
    private static void requireBoundedPieces(String name, double[] x, double[] y, double[] c, int m) {
        int pieces = x.length - 1;
        for (int i = 0; i < pieces; i++) {
            double h = x[i + 1] - x[i];
            for (int j = 0; j < m; j++) {
                int q = 4 * i * m + j;
                double b = ((Math.abs(c[q]) * h + Math.abs(c[q + m])) * h + Math.abs(c[q + 2 * m])) * h
                        + Math.abs(c[q + 3 * m]);
                if (!(b * (1 + 0x1p-40) < Double.POSITIVE_INFINITY)) {
                    throw new ArithmeticException(name + ": the cubic on interval " + i + " (x[" + i + "] = " + x[i]
                            + " .. x[" + (i + 1) + "] = " + x[i + 1] + ")" + (m > 1 ? " of column " + j : "")
                            + " can exceed the double range (|c3| h^3 + |c2| h^2 + |c1| h + |c0| = " + b
                            + "; y[" + i + "] = " + y[i * m + j] + ", y[" + (i + 1) + "] = " + y[(i + 1) * m + j]
                            + "): evaluating it would overflow");
                }
            }
        }
    }

    /** Names flat coefficient {@code i} (layout of {@link #hermiteCoefficients}) and the data it came from. */
    private static String coefficientText(double[] x, double[] y, int m, int i) {
        int j = i % m;
        int piece = i / (4 * m);
        int power = 3 - (i / m) % 4;
        return "the coefficient of (x - x[" + piece + "])^" + power + " on interval " + piece + " (x[" + piece
                + "] = " + x[piece] + " .. x[" + (piece + 1) + "] = " + x[piece + 1] + ")"
                + (m > 1 ? " of column " + j : "") + ", from y[" + piece + "] = " + y[piece * m + j] + ", y["
                + (piece + 1) + "] = " + y[(piece + 1) * m + j] + " and the slopes there,";
    }

    /**
     * Checks that exactly one of a serial form's single-column and multi-column data is present.
     *
     * @throws IllegalArgumentException if both or neither are
     */
    static void requireOneOf(Object single, Object columns) {
        if ((single == null) == (columns == null)) {
            throw new IllegalArgumentException("exactly one of y and yColumns must be present");
        }
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
     * @throws OutOfRangeException   if {@code t} is out of range and the mode is raise
     * @throws IllegalStateException if {@link #columns()} &gt; 1
     */
    @Override
    public final double value(double t) {
        return pp.value(t);
    }

    /**
     * {@code out[i] = value(xs[i])}, bit for bit, in parallel for large batches.
     *
     * @throws NullPointerException     if an argument is null
     * @throws IllegalStateException    if {@link #columns()} &gt; 1
     * @throws IllegalArgumentException if {@code out} is shorter than {@code xs}
     * @throws OutOfRangeException      for the first out-of-range query when the mode is raise
     */
    @Override
    public final void values(double[] xs, double[] out) {
        pp.values(xs, out);
    }

    /** @return m, the number of value columns fitted (1 for the {@code double[] y} constructors) */
    @Override
    public final int columns() {
        return pp.columns();
    }

    /**
     * Every column at one point (see {@link PPoly#value(double, double[])}); O(m) beyond the search.
     *
     * @throws NullPointerException     if {@code out} is null
     * @throws IllegalArgumentException if {@code out.length < columns()}
     * @throws OutOfRangeException      if {@code t} is out of range and the mode is raise
     */
    @Override
    public final void value(double t, double[] out) {
        pp.value(t, out);
    }

    /**
     * Every column at many points, {@code out[i * m + j]}, bit for bit as {@link #value(double, double[])},
     * in parallel for large batches (see {@link PPoly#valuesColumns(double[], double[])}).
     *
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code out.length < xs.length * columns()}
     * @throws OutOfRangeException      for the first out-of-range query when the mode is raise
     */
    @Override
    public final void valuesColumns(double[] xs, double[] out) {
        pp.valuesColumns(xs, out);
    }

    /**
     * Column {@code j} as a single-column piecewise cubic {@link PPoly} (as scipy's piecewise cubics are
     * PPoly objects), with the same mode; its values, derivatives, integrals and roots equal column
     * {@code j}'s, and the fit of that column alone, bit for bit. O(n) ({@link #toPPoly()} when m = 1).
     *
     * @param j the column, {@code 0 <= j < columns()}
     * @return the column's piecewise polynomial
     * @throws IndexOutOfBoundsException if {@code j} is not a column index
     */
    @Override
    public final PPoly column(int j) {
        return pp.column(j);
    }

    /**
     * The {@code nu}-th derivative of every column as a piecewise polynomial (scipy {@code derivative(nu)}),
     * same mode.
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
     * The {@code nu}-th antiderivative of every column, zero at the first abscissa (see
     * {@link PPoly#antiderivative(int)}).
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
     * @throws OutOfRangeException   if a limit is out of range and the mode is raise
     * @throws IllegalStateException if {@link #columns()} &gt; 1 (use {@link #integrateColumns(double, double)})
     */
    public final double integrate(double a, double b) {
        return pp.integrate(a, b);
    }

    /**
     * The definite integral of every column over {@code [a, b]} (see {@link PPoly#integrateColumns}).
     *
     * @param a lower limit
     * @param b upper limit
     * @return a new array, the integral of column j at index j
     * @throws OutOfRangeException if a limit is out of range and the mode is raise
     */
    public final double[] integrateColumns(double a, double b) {
        return pp.integrateColumns(a, b);
    }

    /**
     * Real roots (see {@link PPoly#roots()}).
     *
     * @return the roots, ascending
     * @throws IllegalStateException if {@link #columns()} &gt; 1 (use {@link #roots(int)})
     */
    public final double[] roots() {
        return pp.roots();
    }

    /**
     * Real roots of one column (see {@link PPoly#roots(int)}).
     *
     * @param column the column, {@code 0 <= column < columns()}
     * @return the roots, ascending
     * @throws IndexOutOfBoundsException if {@code column} is not a column index
     */
    public final double[] roots(int column) {
        return pp.roots(column);
    }

    /**
     * Real solutions of {@code f(t) = y} (see {@link PPoly#solve(double)}).
     *
     * @param y the right-hand side, finite
     * @return the solutions, ascending (NaN markers for pieces equal to y, as scipy)
     * @throws IllegalArgumentException if {@code y} is not finite
     * @throws IllegalStateException    if {@link #columns()} &gt; 1 (use {@link #solve(int, double)})
     */
    public final double[] solve(double y) {
        return pp.solve(y);
    }

    /**
     * Real solutions of {@code f(t) = y} for one column (see {@link PPoly#solve(int, double)}).
     *
     * @param column the column, {@code 0 <= column < columns()}
     * @param y      the right-hand side, finite
     * @return the solutions, ascending (NaN markers for pieces equal to y, as scipy)
     * @throws IndexOutOfBoundsException if {@code column} is not a column index
     * @throws IllegalArgumentException  if {@code y} is not finite
     */
    public final double[] solve(int column, double y) {
        return pp.solve(column, y);
    }

    /**
     * Real solutions of {@code f(t) = y} (see {@link PPoly#solve(double, boolean, boolean)}).
     *
     * @param y             the right-hand side, finite
     * @param discontinuity whether to report sign changes across breakpoints
     * @param extrapolate   whether to include roots of the continued end pieces
     * @return the solutions, ascending (NaN markers for pieces equal to y, as scipy)
     * @throws IllegalArgumentException if {@code y} is not finite
     * @throws IllegalStateException    if {@link #columns()} &gt; 1
     */
    public final double[] solve(double y, boolean discontinuity, boolean extrapolate) {
        return pp.solve(y, discontinuity, extrapolate);
    }

    /**
     * Real solutions of {@code f(t) = y} for one column (see {@link PPoly#solve(int, double, boolean, boolean)}).
     *
     * @param column        the column, {@code 0 <= column < columns()}
     * @param y             the right-hand side, finite
     * @param discontinuity whether to report sign changes across breakpoints
     * @param extrapolate   whether to include roots of the continued end pieces
     * @return the solutions, ascending (NaN markers for pieces equal to y, as scipy)
     * @throws IndexOutOfBoundsException if {@code column} is not a column index
     * @throws IllegalArgumentException  if {@code y} is not finite
     */
    public final double[] solve(int column, double y, boolean discontinuity, boolean extrapolate) {
        return pp.solve(column, y, discontinuity, extrapolate);
    }

    /** @return the interpolant as a {@link PPoly} (breakpoints = the data abscissae), same mode and columns; O(1) */
    public final PPoly toPPoly() {
        return pp;
    }

    /**
     * @return the coefficients in scipy's layout {@code c[4][n - 1]} (a copy)
     * @throws IllegalStateException if {@link #columns()} &gt; 1 (use {@link #coefficientsColumns()})
     */
    public final double[][] coefficients() {
        return pp.coefficients();
    }

    /** @return the coefficients of every column in scipy's layout {@code c[4][n - 1][m]} (a copy) */
    public final double[][][] coefficientsColumns() {
        return pp.coefficientsColumns();
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
        int m = pp.columns();
        return getClass().getSimpleName() + "[points=" + (pp.intervals() + 1) + (m == 1 ? "" : ", columns=" + m)
                + ", range=[" + lowerBound() + ", " + upperBound() + "], outOfRange=" + outOfRange() + "]";
    }
}
