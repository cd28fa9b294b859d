package io.github.interp4j.interpolate;

import io.github.interp4j.interpolate.internal.parallel.ParallelEvaluation;
import io.github.interp4j.interpolate.internal.poly.BernsteinKernel;
import io.github.interp4j.interpolate.internal.range.PyMath;
import io.github.interp4j.interpolate.internal.range.RangePolicy;
import io.github.interp4j.interpolate.internal.search.IntervalIndex;
import io.github.interp4j.interpolate.internal.search.MonotoneBreakpoints;
import io.github.interp4j.interpolate.internal.validation.SerialProxies;
import io.github.interp4j.interpolate.internal.validation.FiniteResult;
import io.github.interp4j.interpolate.internal.validation.Validation;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * A piecewise polynomial in the Bernstein basis, the port of {@code scipy.interpolate.BPoly}, with one or several
 * value columns. With breakpoints {@code x[0] < x[1] < ... < x[n]} and coefficients {@code c[k+1][n]}, on interval
 * {@code i} ({@code x[i] <= t < x[i+1]}, the last interval closed)
 * <pre>  B(t) = sum_{a=0..k} c[a][i] binom(k, a) s^a (1 - s)^(k - a),   s = (t - x[i]) / (x[i+1] - x[i]).</pre>
 * Bernstein coefficients are the control values of the piece: {@code c[0][i]} and {@code c[k][i]} are its values at
 * the ends, and the piece lies in the convex hull of its coefficients. Evaluation is scipy's
 * {@code evaluate_bernstein} (closed forms up to degree 3, the binomial sum above) after an O(1)-expected interval
 * search; derivatives of any order at a point ({@link #value(double, int)}) use the differenced coefficients.
 * {@link #fromDerivatives(double[], double[][], int[])} builds the piecewise polynomial with given derivatives at
 * the breakpoints (Hermite interpolation of any order, scipy's {@code BPoly.from_derivatives});
 * {@link #fromPowerBasis(PPoly)} and {@link PPoly#fromBernsteinBasis(BPoly)} convert between the bases.
 *
 * <p>Value columns, single-column methods and out-of-range modes are as for {@link PPoly}: with m &gt; 1 value
 * columns ({@link #fromColumns(double[][][], double[], OutOfRange)}) the single-column methods throw
 * {@link IllegalStateException}; each column equals its own single-column polynomial ({@link #column(int)}) bit
 * for bit; {@link OutOfRange#extrapolate()} (default) continues the end pieces, {@link OutOfRange#periodic()} maps
 * every query to {@code x[0] + (t - x[0]) mod (x[n] - x[0])} first.
 *
 * <p>Breakpoints may be strictly increasing or strictly decreasing, as in scipy (descending: interval {@code i} is
 * {@code x[i] >= t > x[i+1]}, {@code s} as above with a negative width, the range {@code [x[n], x[0]]}). Differences
 * from scipy: repeated breakpoints are refused (scipy takes them, and its derivatives divide by their zero width);
 * coefficients must be finite; a derivative of order above the degree evaluates to 0 (scipy raises for orders above
 * degree + 1); with descending breakpoints the periodic mode maps onto {@code [x[n], x[0])}.
 *
 * <p>Thread-safety: immutable; inputs are copied. Serialisation stores coefficients, breakpoints and mode and
 * validates them again on reading.
 */
public final class BPoly implements Interpolant1D {
    private static final long serialVersionUID = 1L;
    /**
     * The highest degree accepted: above it the binomial coefficients {@code binom(k, a)} of the Bernstein basis
     * exceed the double range ({@code binom(1030, 515) > Double.MAX_VALUE}), so values would overflow to infinity
     * or NaN.
     */
    public static final int MAX_DEGREE = 1029;

    private final transient double[] x;
    /** Flat coefficients {@code c[(i * order + a) * cols + col]} ({@link BernsteinKernel}'s layout). */
    private final transient double[] c;
    private final transient int order;
    private final transient int cols;
    private final transient OutOfRange mode;
    private final transient RangePolicy policy;
    private final transient IntervalIndex index;
    private final transient double lo;
    private final transient double hi;
    /** Whether the breakpoints decrease; the index is then over {@code -x}. */
    private final transient boolean descending;

    /**
     * A Bernstein-basis piecewise polynomial that extrapolates (scipy {@code BPoly(c, x)}).
     *
     * @param c coefficients, {@code c[a][i]} multiplies {@code b(a, k)} on interval {@code i}; shape
     *          {@code (k + 1, n)}, {@code n = x.length - 1}, finite (copied)
     * @param x breakpoints, finite and strictly increasing or strictly decreasing, at least 2 (copied)
     * @throws NullPointerException     if an argument or a row of {@code c} is null
     * @throws IllegalArgumentException if {@code x} has fewer than 2 values, {@code c} has no rows or more than
     *                                  {@code MAX_DEGREE + 1}, a row does not have {@code n} values, a value is not
     *                                  finite or {@code x} is not strictly monotone (the message names the first
     *                                  offending index and value), or {@code x[n] - x[0]} overflows
     */
    public BPoly(double[][] c, double[] x) {
        this(c, x, OutOfRange.extrapolate());
    }

    /**
     * As {@link #BPoly(double[][], double[])} with an out-of-range mode. O(n k).
     *
     * @param c    coefficients, shape {@code (k + 1, n)}
     * @param x    breakpoints
     * @param mode the out-of-range mode
     * @throws NullPointerException     if an argument or a row of {@code c} is null
     * @throws IllegalArgumentException as {@link #BPoly(double[][], double[])}
     */
    public BPoly(double[][] c, double[] x, OutOfRange mode) {
        this(x == null || c == null ? null : x.clone(), flatChecked(wrap(c), x, mode), c.length, 1, mode);
    }

    /**
     * A Bernstein-basis piecewise polynomial with {@code m} value columns that extrapolates; see
     * {@link #fromColumns(double[][][], double[], OutOfRange)}.
     *
     * @param c coefficients {@code c[a][i][col]}, shape {@code (k + 1, n, m)}
     * @param x breakpoints
     * @return the polynomial
     * @throws NullPointerException     if an argument or a sub-array is null
     * @throws IllegalArgumentException as {@link #fromColumns(double[][][], double[], OutOfRange)}
     */
    public static BPoly fromColumns(double[][][] c, double[] x) {
        return fromColumns(c, x, OutOfRange.extrapolate());
    }

    /**
     * A Bernstein-basis piecewise polynomial with {@code m} value columns (scipy's {@code BPoly(c, x)} with
     * {@code c} of shape {@code (k + 1, n, m)}). O(n k m).
     *
     * @param c    coefficients {@code c[a][i][col]}, shape {@code (k + 1, n, m)}, {@code m >= 1}, finite (copied)
     * @param x    breakpoints, finite and strictly increasing or strictly decreasing, at least 2 (copied)
     * @param mode the out-of-range mode
     * @return the polynomial, {@link #columns()} = m
     * @throws NullPointerException     if an argument or a sub-array is null
     * @throws IllegalArgumentException if the shape is not {@code (k + 1, x.length - 1, m)}, a value is not
     *                                  finite, or {@code x} is not strictly monotone (index and value named), or
     *                                  {@code x[n] - x[0]} overflows
     */
    public static BPoly fromColumns(double[][][] c, double[] x, OutOfRange mode) {
        double[] flat = flatChecked(c, x, mode);
        return new BPoly(x.clone(), flat, c.length, c[0][0].length, mode);
    }

    /** Single-column coefficients as {@code (k + 1, n, 1)}. */
    private static double[][][] wrap(double[][] c) {
        if (c == null) {
            return null;
        }
        double[][][] w = new double[c.length][][];
        for (int a = 0; a < c.length; a++) {
            Validation.requireNonNull(c[a], "c[" + a + "]");
            w[a] = new double[c[a].length][];
            for (int i = 0; i < c[a].length; i++) {
                w[a][i] = new double[] {c[a][i]};
            }
        }
        return w;
    }

    /** Validates {@code (c, x, mode)} in the documented order and returns the flat coefficients. */
    private static double[] flatChecked(double[][][] c, double[] x, OutOfRange mode) {
        Validation.requireNonNull(c, "c");
        Validation.requireNonNull(x, "x");
        Validation.requireNonNull(mode, "mode");
        Validation.requireMinPoints("BPoly", x.length, 2);
        if (c.length < 1) {
            throw new IllegalArgumentException("c must have at least 1 row (polynomial order 0), got 0");
        }
        requireDegree("c.length - 1", c.length - 1L);
        int n = x.length - 1;
        Validation.requireNonNull(c[0], "c[0]");
        int m = c[0].length > 0 && c[0][0] != null ? c[0][0].length : 1;
        if (m < 1) {
            throw new IllegalArgumentException("c must have at least 1 column, c[0][0].length = 0");
        }
        for (int a = 0; a < c.length; a++) {
            Validation.requireNonNull(c[a], "c[" + a + "]");
            if (c[a].length != n) {
                throw new IllegalArgumentException("c[" + a + "].length = " + c[a].length
                        + " must equal the number of intervals x.length - 1 = " + n);
            }
            for (int i = 0; i < n; i++) {
                Validation.requireNonNull(c[a][i], "c[" + a + "][" + i + "]");
                if (c[a][i].length != m) {
                    throw new IllegalArgumentException("c[" + a + "][" + i + "].length = " + c[a][i].length
                            + " must equal the number of columns " + m);
                }
            }
        }
        Validation.requireFinite("x", x);
        for (int a = 0; a < c.length; a++) {
            for (int i = 0; i < n; i++) {
                for (int col = 0; col < m; col++) {
                    double v = c[a][i][col];
                    if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException("c[" + a + "][" + i + "]" + (m == 1 ? "" : "[" + col + "]")
                                + " = " + v + " is not finite");
                    }
                }
            }
        }
        MonotoneBreakpoints.requireMonotone("x", x, true);
        // the local coordinate divides by an interval's width, which must itself be finite
        FiniteResult.requireFiniteSpan("x", x);
        return ColumnLayout.flatPieces(c, n, c.length, m);
    }

    /** Refuses a degree above {@link #MAX_DEGREE}, naming what asked for it. */
    private static void requireDegree(String what, long degree) {
        if (degree > MAX_DEGREE) {
            throw new IllegalArgumentException(what + ": degree " + degree + " exceeds BPoly.MAX_DEGREE = " + MAX_DEGREE
                    + " (the Bernstein binomial coefficients overflow double above it)");
        }
    }

    /** Trusted: validated arrays owned by this instance. */
    BPoly(double[] x, double[] flat, int order, int cols, OutOfRange mode) {
        this(x, flat, order, cols, mode, MonotoneBreakpoints.index(x));
    }

    private BPoly(double[] x, double[] flat, int order, int cols, OutOfRange mode, IntervalIndex index) {
        this.x = x;
        this.c = flat;
        this.order = order;
        this.cols = cols;
        this.mode = mode;
        this.index = index;
        this.descending = MonotoneBreakpoints.descending(x);
        this.lo = Math.min(x[0], x[x.length - 1]);
        this.hi = Math.max(x[0], x[x.length - 1]);
        this.policy = RangePolicy.of(mode, lo, hi);
    }

    // ------------------------------------------------------------------------------------------------
    // factories

    /**
     * The Bernstein form of a power-basis piecewise polynomial (scipy {@code BPoly.from_power_basis(pp)}), every
     * column, with {@code pp}'s mode: on each interval
     * {@code c_B[j] = sum_{a >= k - j} c_P[a] binom(j, k - a) / binom(k, k - a) dx^(k - a)}. O(n k^2 m).
     *
     * @param pp the piecewise polynomial, with strictly monotone breakpoints
     * @return the same piecewise polynomial in the Bernstein basis
     * @throws NullPointerException     if {@code pp} is null
     * @throws IllegalArgumentException if {@code pp} has repeated breakpoints (a zero-width interval) or a degree
     *                                  above {@link #MAX_DEGREE}
     * @throws ArithmeticException      if a Bernstein coefficient is beyond the double range (the message names the
     *                                  interval)
     */
    public static BPoly fromPowerBasis(PPoly pp) {
        Validation.requireNonNull(pp, "pp");
        double[] xb = pp.breakpoints();
        MonotoneBreakpoints.requireMonotone("pp.breakpoints()", xb, true);
        requireDegree("pp.degree()", pp.degree());
        int ord = pp.degree() + 1;
        int m = pp.columns();
        double[] cp = ColumnLayout.flatPieces(pp.coefficientsColumns(), xb.length - 1, ord, m);
        double[] cb = BernsteinKernel.fromPowerBasis(xb, cp, ord, m);
        BernsteinKernel.requireFiniteConversion("BPoly.fromPowerBasis", xb, cb, ord, m);
        return new BPoly(xb, cb, ord, m, pp.outOfRange());
    }

    /**
     * The piecewise polynomial with given derivatives at the breakpoints (scipy
     * {@code BPoly.from_derivatives(xi, yi)}); see {@link #fromDerivatives(double[], double[][], int[])}.
     *
     * @param xi the breakpoints
     * @param yi {@code yi[i][j]} is the {@code j}-th derivative at {@code xi[i]}
     * @return the polynomial, extrapolating
     * @throws NullPointerException     if an array or row is null
     * @throws IllegalArgumentException as {@link #fromDerivatives(double[], double[][], int[])}
     */
    public static BPoly fromDerivatives(double[] xi, double[][] yi) {
        return fromDerivatives(xi, yi, (int[]) null);
    }

    /**
     * As {@link #fromDerivatives(double[], double[][], int[])} with the same order on every interval (scipy's
     * integer {@code orders}).
     *
     * @param xi    the breakpoints
     * @param yi    the derivatives
     * @param order the degree of every local polynomial, at least 1
     * @return the polynomial, extrapolating
     * @throws NullPointerException     if an array or row is null
     * @throws IllegalArgumentException as {@link #fromDerivatives(double[], double[][], int[])}
     */
    public static BPoly fromDerivatives(double[] xi, double[][] yi, int order) {
        Validation.requireNonNull(xi, "xi");
        int[] orders = new int[Math.max(xi.length - 1, 0)];
        Arrays.fill(orders, order);
        return fromDerivatives(xi, yi, orders);
    }

    /**
     * The piecewise polynomial in the Bernstein basis with the given values and derivatives at the breakpoints,
     * scipy {@code BPoly.from_derivatives(xi, yi, orders)}: on {@code [xi[i], xi[i+1]]} the polynomial of least
     * degree matching {@code n1} derivatives (values first) at the left end and {@code n2} at the right, where
     * without {@code orders} {@code n1 = yi[i].length}, {@code n2 = yi[i+1].length}, and with
     * {@code orders[i] = q} scipy's rule: {@code n = q + 1}, {@code n1 = min(n / 2, yi[i].length)},
     * {@code n2 = min(n - n1, yi[i+1].length)}, {@code n1 = min(n - n2, yi[i+1].length)} (scipy's code reads the
     * right end's count here, and so does this), and an error unless {@code n1 + n2 = n}. Every piece is then raised
     * to the largest degree needed (the maximum over intervals of {@code yi[i].length + yi[i+1].length - 1}, and of
     * the orders). With all derivatives given the result is {@code min(yi[i].length, yi[i+1].length) - 1} times
     * continuously differentiable at interior breakpoints. O(n k^2) for {@code k} derivatives per point.
     *
     * @param xi     the breakpoints, finite and strictly increasing, at least 2
     * @param yi     {@code yi[i][j]} the {@code j}-th derivative at {@code xi[i]}, finite; rows may differ in
     *               length, and each interval needs at least one value at one of its ends
     * @param orders the degree of each of the {@code xi.length - 1} local polynomials, each at least 1, or null
     *               (scipy {@code None})
     * @return the polynomial, extrapolating
     * @throws NullPointerException     if {@code xi}, {@code yi} or a row is null
     * @throws IllegalArgumentException if {@code xi.length != yi.length}, fewer than 2 points, a value is not
     *                                  finite or {@code xi} is not strictly increasing (index and value named),
     *                                  an interval has no derivatives at either end, {@code orders} has the wrong
     *                                  length or a non-positive entry, an order cannot be met from the
     *                                  derivatives available (scipy's message), or the degree would exceed
     *                                  {@link #MAX_DEGREE}
     */
    public static BPoly fromDerivatives(double[] xi, double[][] yi, int[] orders) {
        Validation.requireNonNull(yi, "yi");
        double[][][] cols = new double[yi.length][][];
        for (int i = 0; i < yi.length; i++) {
            Validation.requireNonNull(yi[i], "yi[" + i + "]");
            cols[i] = new double[yi[i].length][];
            for (int j = 0; j < yi[i].length; j++) {
                cols[i][j] = new double[] {yi[i][j]};
            }
        }
        return fromDerivativesColumns(xi, cols, orders, 1);
    }

    /**
     * As {@link #fromDerivatives(double[], double[][], int[])} for {@code m} value columns:
     * {@code yi[i][j][col]} is the {@code j}-th derivative of column {@code col} at {@code xi[i]}. Column
     * {@code col} equals the single-column result of its own derivatives.
     *
     * @param xi     the breakpoints
     * @param yi     the derivatives, {@code yi[i][j]} of length {@code m >= 1}
     * @param orders the local degrees, or null
     * @return the polynomial with {@code m} columns, extrapolating
     * @throws NullPointerException     if an array or row is null
     * @throws IllegalArgumentException as {@link #fromDerivatives(double[], double[][], int[])}, or if the rows
     *                                  {@code yi[i][j]} differ in length
     */
    public static BPoly fromDerivativesColumns(double[] xi, double[][][] yi, int[] orders) {
        Validation.requireNonNull(yi, "yi");
        int m = -1;
        for (int i = 0; i < yi.length && m < 0; i++) {
            Validation.requireNonNull(yi[i], "yi[" + i + "]");
            if (yi[i].length > 0) {
                Validation.requireNonNull(yi[i][0], "yi[" + i + "][0]");
                m = yi[i][0].length;
            }
        }
        if (m == 0) {
            throw new IllegalArgumentException("yi must have at least 1 column");
        }
        return fromDerivativesColumns(xi, yi, orders, Math.max(m, 1));
    }

    private static BPoly fromDerivativesColumns(double[] xi, double[][][] yi, int[] orders, int m) {
        Validation.requireNonNull(xi, "xi");
        Validation.requireNonNull(yi, "yi");
        if (xi.length != yi.length) {
            throw new IllegalArgumentException("xi and yi need to have the same length: xi.length = " + xi.length
                    + ", yi.length = " + yi.length);
        }
        Validation.requireMinPoints("BPoly.from_derivatives", xi.length, 2);
        Validation.requireFinite("xi", xi);
        for (int i = 0; i < yi.length; i++) {
            Validation.requireNonNull(yi[i], "yi[" + i + "]");
            for (int j = 0; j < yi[i].length; j++) {
                Validation.requireNonNull(yi[i][j], "yi[" + i + "][" + j + "]");
                if (yi[i][j].length != m) {
                    throw new IllegalArgumentException("yi[" + i + "][" + j + "] has " + yi[i][j].length
                            + " columns, expected " + m);
                }
                for (int col = 0; col < m; col++) {
                    double v = yi[i][j][col];
                    if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException("yi[" + i + "][" + j + "]" + (m > 1 ? "[" + col + "]" : "")
                                + " = " + v + " is not finite");
                    }
                }
            }
        }
        Validation.requireStrictlyIncreasing("xi", xi);
        int pieces = xi.length - 1;
        int k = 0;
        for (int i = 0; i < pieces; i++) {
            k = Math.max(k, yi[i].length + yi[i + 1].length);
        }
        if (orders != null) {
            if (orders.length != pieces) {
                throw new IllegalArgumentException("orders.length = " + orders.length
                        + " must equal the number of intervals xi.length - 1 = " + pieces);
            }
            for (int i = 0; i < pieces; i++) {
                if (orders[i] <= 0) {
                    throw new IllegalArgumentException("Orders must be positive: orders[" + i + "] = " + orders[i]);
                }
                k = Math.max(k, orders[i]);
            }
        }
        requireDegree("from_derivatives", k - 1L);
        int[] n1s = new int[pieces];
        int[] n2s = new int[pieces];
        for (int i = 0; i < pieces; i++) {
            int l1 = yi[i].length;
            int l2 = yi[i + 1].length;
            int n1;
            int n2;
            if (orders == null) {
                n1 = l1;
                n2 = l2;
            } else {
                int n = orders[i] + 1;
                n1 = Math.min(n / 2, l1);
                n2 = Math.min(n - n1, l2);
                n1 = Math.min(n - n2, l2);
                if (n1 + n2 != n) {
                    throw new IllegalArgumentException("Point " + xi[i] + " has " + l1 + " derivatives, point "
                            + xi[i + 1] + " has " + l2 + " derivatives, but order " + orders[i] + " requested");
                }
                if (!(n1 <= l1 && n2 <= l2)) {
                    throw new IllegalArgumentException("`order` input incompatible with length y1 or y2: orders["
                            + i + "] = " + orders[i] + " needs " + n1 + " derivatives at xi[" + i + "] (has " + l1
                            + ") and " + n2 + " at xi[" + (i + 1) + "] (has " + l2 + ")");
                }
            }
            if (n1 + n2 == 0) {
                throw new IllegalArgumentException("interval " + i + " [" + xi[i] + ", " + xi[i + 1]
                        + "] has no derivatives at either end");
            }
            n1s[i] = n1;
            n2s[i] = n2;
        }
        double[] flat = new double[Validation.checkedSize("BPoly coefficients", (long) pieces * k, m)];
        for (int i = 0; i < pieces; i++) {
            double[] ya = rowsOf(yi[i], n1s[i], m);
            double[] yb = rowsOf(yi[i + 1], n2s[i], m);
            int rows = n1s[i] + n2s[i];
            double[] b = BernsteinKernel.fromDerivatives(xi[i], xi[i + 1], ya, n1s[i], yb, n2s[i], m);
            b = BernsteinKernel.raiseDegree(b, rows, k - rows, m);
            for (int q = 0; q < b.length; q++) {
                if (!Double.isFinite(b[q])) {
                    throw new IllegalArgumentException("from_derivatives: the coefficients on interval " + i + " ["
                            + xi[i] + ", " + xi[i + 1] + "] overflow double (" + n1s[i] + " + " + n2s[i]
                            + " derivatives over a width of " + (xi[i + 1] - xi[i]) + ")");
                }
            }
            System.arraycopy(b, 0, flat, i * k * m, k * m);
        }
        return new BPoly(xi.clone(), flat, k, m, OutOfRange.extrapolate());
    }

    private static double[] rowsOf(double[][] y, int count, int m) {
        double[] f = new double[count * m];
        for (int j = 0; j < count; j++) {
            System.arraycopy(y[j], 0, f, j * m, m);
        }
        return f;
    }

    // ------------------------------------------------------------------------------------------------
    // evaluation

    /**
     * Evaluates the single-column polynomial. O(k) after an O(1)-expected interval search.
     *
     * @param t the query
     * @return {@code B(t)}; NaN for NaN; outside the breakpoints as the mode says
     * @throws OutOfRangeException   if out of range and the mode is raise
     * @throws IllegalStateException if {@link #columns()} &gt; 1
     */
    @Override
    public double value(double t) {
        return value(t, 0);
    }

    /**
     * The derivative of order {@code nu} of the single-column polynomial at {@code t}, evaluated piecewise (scipy
     * {@code BPoly.__call__(x, nu)}): the interval's differenced coefficients at {@code s}, divided by
     * {@code dx^nu}. O(k nu).
     *
     * @param t  the query
     * @param nu the order, at least 0
     * @return the derivative; NaN for NaN
     * @throws IllegalArgumentException if {@code nu < 0}
     * @throws OutOfRangeException      if out of range and the mode is raise
     * @throws IllegalStateException    if {@link #columns()} &gt; 1
     */
    public double value(double t, int nu) {
        requireOrder(nu);
        ColumnLayout.requireOneColumn(this, cols);
        double[] out = new double[1];
        valueInto(t, nu, out, 0, new double[order]);
        return out[0];
    }

    @Override
    public void values(double[] xs, double[] out) {
        ColumnLayout.requireOneColumn(this, cols);
        ColumnLayout.checkBatch(xs, out, 1);
        batch(xs, 0, out);
    }

    /**
     * {@link #value(double, int)} at many points, in parallel for large batches, bit for bit.
     *
     * @param xs the queries
     * @param nu the order, at least 0
     * @return a new array of the derivatives
     * @throws NullPointerException     if {@code xs} is null
     * @throws IllegalArgumentException if {@code nu < 0}
     * @throws OutOfRangeException      for the first out-of-range query in raise mode
     * @throws IllegalStateException    if {@link #columns()} &gt; 1
     */
    public double[] values(double[] xs, int nu) {
        Validation.requireNonNull(xs, "xs");
        requireOrder(nu);
        ColumnLayout.requireOneColumn(this, cols);
        double[] out = new double[xs.length];
        batch(xs, nu, out);
        return out;
    }

    @Override
    public int columns() {
        return cols;
    }

    @Override
    public void value(double t, double[] out) {
        ColumnLayout.checkRow(out, cols);
        valueInto(t, 0, out, 0, new double[order]);
    }

    /**
     * The derivative of order {@code nu} of every column at {@code t}.
     *
     * @param t   the query
     * @param nu  the order, at least 0
     * @param out receives column {@code j} at {@code out[j]}
     * @throws NullPointerException     if {@code out} is null
     * @throws IllegalArgumentException if {@code nu < 0} or {@code out} is too short
     * @throws OutOfRangeException      if out of range and the mode is raise
     */
    public void value(double t, int nu, double[] out) {
        requireOrder(nu);
        ColumnLayout.checkRow(out, cols);
        valueInto(t, nu, out, 0, new double[order]);
    }

    @Override
    public void valuesColumns(double[] xs, double[] out) {
        ColumnLayout.checkBatch(xs, out, cols);
        batch(xs, 0, out);
    }

    /**
     * The derivative of order {@code nu} of every column at many points, {@code out[i * m + j]}, in parallel for
     * large batches; bit for bit {@link #value(double, int, double[])}.
     *
     * @param xs  the queries
     * @param nu  the order, at least 0
     * @param out at least {@code xs.length * columns()} long
     * @throws NullPointerException     if an array is null
     * @throws IllegalArgumentException if {@code nu < 0} or {@code out} is too short
     * @throws OutOfRangeException      for the first out-of-range query in raise mode
     */
    public void valuesColumns(double[] xs, int nu, double[] out) {
        requireOrder(nu);
        ColumnLayout.checkBatch(xs, out, cols);
        batch(xs, nu, out);
    }

    private static void requireOrder(int nu) {
        if (nu < 0) {
            throw new IllegalArgumentException("derivative order nu must be >= 0, was " + nu
                    + " (use antiderivative(-nu))");
        }
    }

    private void batch(double[] xs, int nu, double[] out) {
        ParallelEvaluation.forRange(xs.length, (from, to) -> {
            double[] wrk = new double[order];
            for (int i = from; i < to; i++) {
                valueInto(xs[i], nu, out, i * cols, wrk);
            }
        });
    }

    /** Every column's derivative of order {@code nu} at {@code t}, as the mode says. */
    private void valueInto(double t, int nu, double[] out, int off, double[] wrk) {
        double q = policy.wrapsInside() || !(t >= lo && t <= hi) ? policy.adjust(t) : t;
        if (q != q) {
            Arrays.fill(out, off, off + cols, t != t ? Double.NaN : policy.answer(t));
            return;
        }
        evaluate(c, order, q, nu, out, off, wrk);
    }

    /** Evaluates coefficients {@code cc} of order {@code ord} over this polynomial's breakpoints, extrapolating. */
    private void evaluate(double[] cc, int ord, double q, int nu, double[] out, int off, double[] wrk) {
        int i = descending ? index.find(-q) : index.find(q);
        double ds = x[i + 1] - x[i];
        double dsNu = Math.pow(ds, nu);
        for (int j = 0; j < cols; j++) {
            double s = (q - x[i]) / ds;
            int base = i * ord * cols + j;
            out[off + j] = nu == 0 ? BernsteinKernel.value(cc, base, ord, cols, s)
                    : BernsteinKernel.derivative(cc, base, ord, cols, s, nu, wrk) / dsNu;
        }
    }

    /**
     * Column {@code j} as a single-column polynomial (this one when {@code m = 1}); bit for bit equal values.
     *
     * @param j the column
     * @return the column
     * @throws IndexOutOfBoundsException if {@code j} is not a column
     */
    @Override
    public BPoly column(int j) {
        Objects.checkIndex(j, cols);
        if (cols == 1) {
            return this;
        }
        return new BPoly(x, ColumnLayout.column(c, cols, j), order, 1, mode, index);
    }

    // ------------------------------------------------------------------------------------------------
    // calculus

    /**
     * The derivative of order {@code nu}, every column (scipy {@code BPoly.derivative(nu)}, repeated first
     * derivatives {@code k (c[a+1] - c[a]) / dx}); a constant's derivative is the zero constant. Same mode.
     * O(nu n k m).
     *
     * @param nu the order, at least 0
     * @return the derivative
     * @throws IllegalArgumentException if {@code nu < 0}
     */
    @Override
    public BPoly derivative(int nu) {
        requireOrder(nu);
        double[] cc = c;
        int ord = order;
        for (int q = 0; q < nu; q++) {
            cc = BernsteinKernel.derivative(x, cc, ord, cols);
            ord = Math.max(ord - 1, 1);
            if (ord == 1 && q + 1 < nu) {
                cc = new double[cc.length];
                break;
            }
        }
        return nu == 0 ? this : new BPoly(x, cc, ord, cols, mode, index);
    }

    /**
     * The antiderivative of order {@code nu}, every column (scipy {@code BPoly.antiderivative(nu)}): zero at
     * {@code x[0]} and continuous, degree {@code k + nu}. A periodic mode becomes {@link OutOfRange#nan()}, as in
     * scipy. O(nu n (k + nu) m).
     *
     * @param nu the order, at least 0
     * @return the antiderivative
     * @throws IllegalArgumentException if {@code nu < 0}, the degree {@code k + nu} would exceed
     *                                  {@link #MAX_DEGREE}, or the result does not fit in memory
     */
    public BPoly antiderivative(int nu) {
        if (nu < 0) {
            throw new IllegalArgumentException("antiderivative order must be >= 0, was " + nu);
        }
        if (nu == 0) {
            return this;
        }
        requireDegree("antiderivative(" + nu + ")", (long) order - 1 + nu);
        Validation.checkedSize("antiderivative coefficients", (long) (x.length - 1) * ((long) order + nu), cols);
        double[] cc = c;
        int ord = order;
        for (int q = 0; q < nu; q++) {
            cc = BernsteinKernel.antiderivative(x, cc, ord, cols);
            ord++;
        }
        return new BPoly(x, cc, ord, cols, policy.wrapsInside() ? OutOfRange.nan() : mode, index);
    }

    /**
     * The definite integral of the single column over {@code [a, b]} (scipy {@code BPoly.integrate(a, b)}), from
     * the antiderivative {@code F}: extrapolate: {@code F(b) - F(a)} of the continued end pieces; nan: NaN when a
     * limit is outside; periodic: whole periods plus the remainder, as scipy; clamp and fill: the constants outside
     * times their lengths; raise: throws for a limit outside. O(n k m).
     *
     * @param a the lower limit
     * @param b the upper limit
     * @return the integral (negative when {@code b < a}); NaN for a NaN limit
     * @throws OutOfRangeException   if a limit is outside and the mode is raise
     * @throws IllegalStateException if {@link #columns()} &gt; 1
     * @throws ArithmeticException   if, for finite limits (inside the range, or any with extrapolate and periodic),
     *                               the integral or the antiderivative's values it is taken from are beyond the
     *                               double range (named)
     */
    public double integrate(double a, double b) {
        ColumnLayout.requireOneColumn(this, cols);
        return integrateColumns(a, b)[0];
    }

    /**
     * The definite integral of every column over {@code [a, b]}, as {@link #integrate(double, double)}.
     *
     * @param a the lower limit
     * @param b the upper limit
     * @return a new array, the integral of column {@code j} at {@code j}
     * @throws OutOfRangeException if a limit is outside and the mode is raise
     * @throws ArithmeticException  as {@link #integrate(double, double)}, naming the column
     */
    public double[] integrateColumns(double a, double b) {
        double[] res = new double[cols];
        if (a != a || b != b) {
            Arrays.fill(res, Double.NaN);
            return res;
        }
        policy.adjust(a);
        policy.adjust(b);
        double sign = 1.0;
        if (b < a) {
            double tmp = a;
            a = b;
            b = tmp;
            sign = -1.0;
        }
        double[] anti = BernsteinKernel.antiderivative(x, c, order, cols);
        int ord = order + 1;
        double[] wrk = new double[ord];
        double[] fa = new double[cols];
        double[] fb = new double[cols];
        OutOfRange.Kind kind = policy.kind();
        if (policy.wrapsInside()) {
            double period = hi - lo;
            double interval = b - a;
            double nPeriods = PyMath.floorDiv(interval, period);
            double left = PyMath.mod(interval, period);
            difference(anti, ord, lo, hi, fa, fb, wrk);
            for (int j = 0; j < cols; j++) {
                res[j] = nPeriods * fb[j];
            }
            double a2 = PyMath.wrap(a, lo, period);
            double b2 = a2 + left;
            if (b2 <= hi) {
                addDifference(anti, ord, a2, b2, res, fa, fb, wrk);
            } else {
                addDifference(anti, ord, a2, hi, res, fa, fb, wrk);
                addDifference(anti, ord, lo, lo + left + a2 - hi, res, fa, fb, wrk);
            }
        } else if (kind == OutOfRange.Kind.NAN && (a < lo || b > hi)) {
            Arrays.fill(res, Double.NaN);
        } else if (kind == OutOfRange.Kind.CLAMP || kind == OutOfRange.Kind.FILL) {
            double ia = Math.max(a, lo);
            double ib = Math.min(b, hi);
            if (ia < ib) {
                addDifference(anti, ord, ia, ib, res, fa, fb, wrk);
            }
            if (a < lo) {
                addConstant(res, Math.min(b, lo) - a, a, fa, wrk);
            }
            if (b > hi) {
                addConstant(res, b - Math.max(a, hi), b, fa, wrk);
            }
        } else {
            addDifference(anti, ord, a, b, res, fa, fb, wrk);
        }
        for (int j = 0; j < cols; j++) {
            res[j] *= sign;
            // as PPoly: finite limits the mode integrates over (inside, or any when it extrapolates or wraps) and
            // finite coefficients give a finite integral, or a named error when it is beyond the double range
            if (res[j] - res[j] != 0.0 && a - a == 0.0 && b - b == 0.0
                    && (kind == OutOfRange.Kind.EXTRAPOLATE || policy.wrapsInside() || a >= lo && b <= hi)) {
                throw new ArithmeticException("BPoly.integrate(" + (sign < 0 ? b : a) + ", " + (sign < 0 ? a : b)
                        + ")" + (cols > 1 ? " of column " + j : "") + " is " + res[j]
                        + ": the integral (or its antiderivative's values) is beyond the double range");
            }
        }
        return res;
    }

    private void difference(double[] anti, int ord, double from, double to, double[] fa, double[] fb, double[] wrk) {
        evaluate(anti, ord, from, 0, fa, 0, wrk);
        evaluate(anti, ord, to, 0, fb, 0, wrk);
        for (int j = 0; j < cols; j++) {
            fb[j] -= fa[j];
        }
    }

    private void addDifference(double[] anti, int ord, double from, double to, double[] res, double[] fa,
                               double[] fb, double[] wrk) {
        difference(anti, ord, from, to, fa, fb, wrk);
        for (int j = 0; j < cols; j++) {
            res[j] += fb[j];
        }
    }

    /** Adds {@code len} times the constant the mode gives at {@code t} (outside). */
    private void addConstant(double[] res, double len, double t, double[] row, double[] wrk) {
        valueInto(t, 0, row, 0, wrk);
        for (int j = 0; j < cols; j++) {
            if (row[j] != 0.0) {
                res[j] += len * row[j];
            }
        }
    }

    // ------------------------------------------------------------------------------------------------
    // accessors

    /**
     * @return the single column's coefficients in scipy's layout, {@code result[a][i]}, shape {@code (k + 1, n)}
     * @throws IllegalStateException if {@link #columns()} &gt; 1
     */
    public double[][] coefficients() {
        ColumnLayout.requireOneColumn(this, cols);
        return ColumnLayout.pieces(c, x.length - 1, order);
    }

    /** @return every column's coefficients, {@code result[a][i][col]}, shape {@code (k + 1, n, m)} */
    public double[][][] coefficientsColumns() {
        return ColumnLayout.pieces(c, x.length - 1, order, cols);
    }

    /** @return a copy of the breakpoints */
    public double[] breakpoints() {
        return x.clone();
    }

    /** @return k, the degree of the local polynomials */
    public int degree() {
        return order - 1;
    }

    /** @return n, the number of intervals */
    public int intervals() {
        return x.length - 1;
    }

    @Override
    public double lowerBound() {
        return lo;
    }

    @Override
    public double upperBound() {
        return hi;
    }

    @Override
    public OutOfRange outOfRange() {
        return mode;
    }

    @Override
    public BPoly withOutOfRange(OutOfRange newMode) {
        Validation.requireNonNull(newMode, "mode");
        return newMode.equals(mode) ? this : new BPoly(x, c, order, cols, newMode, index);
    }

    /** Flat coefficients for the power-basis conversion (not copied; never modified). */
    double[] flatCoefficients() {
        return c;
    }

    /** @return the breakpoints array itself (never modified) */
    double[] breakpointsArray() {
        return x;
    }

    @Override
    public String toString() {
        return "BPoly[degree=" + (order - 1) + ", intervals=" + (x.length - 1)
                + (cols == 1 ? "" : ", columns=" + cols) + ", range=[" + lo + ", " + hi + "], outOfRange=" + mode
                + "]";
    }

    // ------------------------------------------------------------------------------------------------
    // serialisation

    /** @return the serialisation proxy, which is what gets written */
    private Object writeReplace() {
        return new SerializedForm(coefficientsColumns(), x.clone(), mode);
    }

    /**
     * Rejects streams that bypass the serialisation proxy.
     *
     * @param in the stream
     * @throws InvalidObjectException always
     */
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("BPoly is deserialised through its serialisation proxy");
    }

    /** Serial form: scipy-layout coefficients {@code c[a][i][col]}, breakpoints, mode; validated on reading. */
    private static final class SerializedForm implements Serializable {
        private static final long serialVersionUID = 1L;
        /** @serial the coefficients, shape (k + 1, n, m) */
        private final double[][][] c;
        /** @serial the breakpoints */
        private final double[] x;
        /** @serial the mode */
        private final OutOfRange mode;

        SerializedForm(double[][][] c, double[] x, OutOfRange mode) {
            this.c = c;
            this.x = x;
            this.mode = mode;
        }

        private Object readResolve() throws ObjectStreamException {
            try {
                return fromColumns(c, x, mode);
            } catch (RuntimeException e) {
                throw SerialProxies.invalid("BPoly", e);
            }
        }
    }
}
