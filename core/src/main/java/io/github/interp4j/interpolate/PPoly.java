package io.github.interp4j.interpolate;

import io.github.interp4j.interpolate.internal.parallel.ParallelEvaluation;
import io.github.interp4j.interpolate.internal.poly.BernsteinKernel;
import io.github.interp4j.interpolate.internal.poly.PPolyKernel;
import io.github.interp4j.interpolate.internal.range.PyMath;
import io.github.interp4j.interpolate.internal.range.RangePolicy;
import io.github.interp4j.interpolate.internal.search.IntervalIndex;
import io.github.interp4j.interpolate.internal.search.MonotoneBreakpoints;
import io.github.interp4j.interpolate.internal.spline.BasisConversion;
import io.github.interp4j.interpolate.internal.spline.SplineCore;
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
 * A piecewise polynomial in the local power basis, as scipy's {@code scipy.interpolate.PPoly}, with one or
 * several value columns.
 *
 * <p>With breakpoints {@code x[0] <= x[1] <= ... <= x[n]} (or descending, see below) and coefficients {@code c[k+1][n]}, on interval
 * {@code i} ({@code x[i] <= t < x[i+1]}, the last interval closed) the value is
 * <pre>  p(t) = sum_{j=0..k} c[j][i] * (t - x[i])^(k - j)</pre>
 * With m value columns ({@link #fromColumns(double[][][], double[], OutOfRange)}, scipy's {@code c} of shape
 * {@code (k + 1, n, m)}) every column is such a polynomial over the same breakpoints; a single-column
 * polynomial is the m = 1 case of the same class and code. Coefficients are stored contiguously per
 * interval, highest power first, then column ({@link PPolyKernel}'s layout), so one interval search serves
 * every column. Evaluation follows an O(1)-expected interval search ({@link IntervalIndex}) in scipy's
 * operation order ({@code c[k] + c[k-1] s + c[k-2] s^2 + ...}, powers by repeated products; as cheap as
 * Horner's scheme), so that values agree with scipy's bit for bit given the same coefficients, and every
 * column equals, bit for bit, the single-column polynomial of its coefficients ({@link #column(int)}).
 *
 * <p>Outside {@code [x[0], x[n]]} queries follow the {@link OutOfRange} mode (default
 * {@link OutOfRange#extrapolate()}, scipy's {@code extrapolate=True}, which continues the first and
 * last pieces). In {@link OutOfRange#periodic()} mode every query, inside the range too, is first mapped
 * to {@code x[0] + (t - x[0]) mod (x[n] - x[0])} with a floored modulo, exactly as scipy does.
 *
 * <p>Single-column methods ({@link #value(double)}, {@link #values(double[], double[])},
 * {@link #integrate(double, double)}, {@link #roots()}, {@link #solve(double)}, {@link #coefficients()})
 * throw {@link IllegalStateException} when m &gt; 1; their column forms
 * ({@link #value(double, double[])}, {@link #valuesColumns(double[], double[])},
 * {@link #integrateColumns(double, double)}, {@link #roots(int)}, {@link #solve(int, double)},
 * {@link #coefficientsColumns()}) serve any m. {@link #derivative(int)} and {@link #antiderivative(int)}
 * act on every column.
 *
 * <p>Breakpoints may run either way, as in scipy: non-decreasing, or non-increasing (then interval {@code i} is
 * {@code x[i] >= t > x[i+1]}, the last closed, the local coordinate is still {@code t - x[i]}, the range is
 * {@code [x[n], x[0]]}, the antiderivative is zero at {@code x[0]}, and roots come interval by interval, so in
 * descending order); repeated breakpoints are allowed. Differences from scipy: coefficients must be finite;
 * multiple roots are reported once (see {@link #solve(double, boolean, boolean)}); with descending breakpoints the
 * periodic mode maps onto {@code [x[n], x[0])} (scipy onto {@code (x[n], x[0]]}, and its periodic integral fails).
 *
 * <p>Thread-safety: immutable; inputs are copied; instances may be shared freely between threads.
 * Serialisation stores the coefficients, breakpoints and mode; deserialisation validates them again
 * through the public constructor or factory.
 * <p>Overflow: evaluation uses scipy's power form {@code sum c_k s^k}; when a power {@code s^k} overflows
 * (very wide intervals) the value is recomputed term by term without it. A value inside {@code [x[0], x[n]]}
 * or an integral that is itself beyond the double range raises {@link ArithmeticException} (named) instead of
 * returning an infinity or NaN (an extrapolated value far outside gives the signed infinity of IEEE
 * overflow); derivative and antiderivative coefficients that overflow raise too.
 *
 */
public final class PPoly implements Interpolant1D {
    private static final long serialVersionUID = 1L;

    private final transient double[] x;
    /** Flat coefficients: {@code c[(i * order + j) * cols + col]} (see {@link PPolyKernel}). */
    private final transient double[] c;
    private final transient int order;
    private final transient int cols;
    private final transient OutOfRange mode;
    private final transient RangePolicy policy;
    private final transient IntervalIndex index;
    private final transient double lo;
    private final transient double hi;
    /** Whether the breakpoints decrease (scipy allows either direction); the index is then over {@code -x}. */
    private final transient boolean descending;
    /**
     * {@code [lo, hi]} when {@link #value(double)} may evaluate an in-range query directly (m = 1 and not
     * periodic); NaN otherwise, so that every query takes the policy path.
     */
    private final transient double scalarLo;
    private final transient double scalarHi;

    /**
     * A piecewise polynomial that extrapolates ({@link OutOfRange#extrapolate()}, scipy's default).
     *
     * @param c coefficients, {@code c[j][i]} multiplies {@code (t - x[i])^(k - j)} on interval {@code i};
     *          shape {@code (k + 1, n)} with {@code k >= 0} and {@code n = x.length - 1} (copied)
     * @param x breakpoints, finite and monotonic (non-decreasing, or non-increasing), at least 2 (copied)
     * @throws NullPointerException     if {@code c}, a row of {@code c} or {@code x} is null
     * @throws IllegalArgumentException if {@code x} has fewer than 2 elements, {@code c} has no rows, a row of
     *                                  {@code c} does not have {@code x.length - 1} elements, a value is not
     *                                  finite (the message names the first offending index and value),
     *                                  {@code x} decreases somewhere, or the coefficients do not fit in memory
     */
    public PPoly(double[][] c, double[] x) {
        this(c, x, OutOfRange.extrapolate());
    }

    /**
     * A piecewise polynomial answering out-of-range queries as {@code mode} says.
     * Validation runs before any allocation; construction is O(n k).
     *
     * @param c    coefficients as in {@link #PPoly(double[][], double[])} (copied)
     * @param x    breakpoints (copied)
     * @param mode the out-of-range mode
     * @throws NullPointerException     if an argument or a row of {@code c} is null
     * @throws IllegalArgumentException as {@link #PPoly(double[][], double[])}
     */
    public PPoly(double[][] c, double[] x, OutOfRange mode) {
        this(checked(c, x, mode), flatten(c), c.length, 1, mode);
    }

    /**
     * A piecewise polynomial with {@code m} value columns that extrapolates; see
     * {@link #fromColumns(double[][][], double[], OutOfRange)}.
     *
     * @param c coefficients, {@code c[j][i][col]}, shape {@code (k + 1, n, m)} (copied)
     * @param x breakpoints, finite and monotonic (non-decreasing, or non-increasing), at least 2 (copied)
     * @return the piecewise polynomial
     * @throws NullPointerException     if an argument or a sub-array of {@code c} is null
     * @throws IllegalArgumentException as {@link #fromColumns(double[][][], double[], OutOfRange)}
     */
    public static PPoly fromColumns(double[][][] c, double[] x) {
        return fromColumns(c, x, OutOfRange.extrapolate());
    }

    /**
     * A piecewise polynomial with {@code m} value columns (scipy's {@code PPoly(c, x)} with {@code c} of
     * shape {@code (k + 1, n, m)}): {@code c[j][i][col]} multiplies {@code (t - x[i])^(k - j)} on interval
     * {@code i} for column {@code col}. With {@code m = 1} the result equals
     * {@code new PPoly(c2, x, mode)} with {@code c2[j][i] = c[j][i][0]}. Validation runs before any
     * allocation; construction is O(n k m).
     *
     * @param c    coefficients, shape {@code (k + 1, n, m)} with {@code k >= 0}, {@code n = x.length - 1} and
     *             {@code m >= 1}, finite (copied)
     * @param x    breakpoints, finite and monotonic (non-decreasing, or non-increasing), at least 2 (copied)
     * @param mode the out-of-range mode
     * @return the piecewise polynomial, with {@link #columns()} = m
     * @throws NullPointerException     if an argument or a sub-array of {@code c} is null (named)
     * @throws IllegalArgumentException if {@code x} has fewer than 2 elements, {@code c} has no rows, the shape
     *                                  of {@code c} is not {@code (k + 1, x.length - 1, m)} with {@code m >= 1},
     *                                  a value is not finite (the message names the first offending index and
     *                                  value, e.g. {@code "c[1][0][2] = NaN is not finite"}), {@code x}
     *                                  decreases somewhere, or the coefficients do not fit in memory
     */
    public static PPoly fromColumns(double[][][] c, double[] x, OutOfRange mode) {
        requireHead(c, x, mode, c == null ? 0 : c.length);
        int n = x.length - 1;
        Validation.requireNonNull(c[0], "c[0]");
        int m = c[0].length > 0 && c[0][0] != null ? c[0][0].length : 1;
        if (m < 1) {
            throw new IllegalArgumentException("c must have at least 1 column, c[0][0].length = 0");
        }
        for (int j = 0; j < c.length; j++) {
            Validation.requireNonNull(c[j], "c[" + j + "]");
            requireIntervals(c[j].length, "c[" + j + "]", n);
            for (int i = 0; i < n; i++) {
                Validation.requireNonNull(c[j][i], "c[" + j + "][" + i + "]");
                if (c[j][i].length != m) {
                    throw new IllegalArgumentException("c[" + j + "][" + i + "].length = " + c[j][i].length
                            + " must equal the number of columns c[0][0].length = " + m);
                }
            }
        }
        Validation.requireFinite("x", x);
        for (int j = 0; j < c.length; j++) {
            for (int i = 0; i < n; i++) {
                Validation.requireFinite("c[" + j + "][" + i + "]", c[j][i]);
            }
        }
        MonotoneBreakpoints.requireMonotone("x", x, false);
        return new PPoly(x.clone(), ColumnLayout.flatPieces(c, n, c.length, m), c.length, m, mode);
    }

    /** Checks the single-column arguments (in the documented order) and returns a copy of {@code x}. */
    private static double[] checked(double[][] c, double[] x, OutOfRange mode) {
        requireHead(c, x, mode, c == null ? 0 : c.length);
        int n = x.length - 1;
        for (int j = 0; j < c.length; j++) {
            Validation.requireNonNull(c[j], "c[" + j + "]");
            requireIntervals(c[j].length, "c[" + j + "]", n);
        }
        Validation.requireFinite("x", x);
        for (int j = 0; j < c.length; j++) {
            Validation.requireFinite("c[" + j + "]", c[j]);
        }
        MonotoneBreakpoints.requireMonotone("x", x, false);
        Validation.checkedSize("PPoly coefficients", c.length, n);
        return x.clone();
    }

    /** The checks both shapes start with: nulls, at least 2 breakpoints, at least 1 coefficient row. */
    private static void requireHead(Object c, double[] x, OutOfRange mode, int rows) {
        Validation.requireNonNull(c, "c");
        Validation.requireNonNull(x, "x");
        Validation.requireNonNull(mode, "mode");
        Validation.requireMinPoints("PPoly", x.length, 2);
        if (rows < 1) {
            throw new IllegalArgumentException("c must have at least 1 row (polynomial order 0), got 0");
        }
    }

    /** A coefficient row (already checked non-null) has one entry per interval. */
    private static void requireIntervals(int length, String name, int n) {
        if (length != n) {
            throw new IllegalArgumentException(name + ".length = " + length
                    + " must equal the number of intervals x.length - 1 = " + n);
        }
    }

    /**
     * The interval of {@code t}: {@code x[i] <= t < x[i+1]} (the last interval closed), or for descending
     * breakpoints {@code x[i] >= t > x[i+1]} (scipy's convention, the mirror image); clamped outside.
     */
    private int find(double t) {
        return descending ? index.find(-t) : index.find(t);
    }

    /** scipy's single-column {@code c[j][i]} (validated) in the flat layout. */
    private static double[] flatten(double[][] c) {
        int ord = c.length;
        int n = c[0].length;
        double[] flat = new double[ord * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < ord; j++) {
                flat[i * ord + j] = c[j][i];
            }
        }
        return flat;
    }

    /** Trusted: the arrays are validated and owned by this instance (and never modified). */
    PPoly(double[] x, double[] flatCoefficients, int order, int columns, OutOfRange mode) {
        this(x, flatCoefficients, order, columns, mode, MonotoneBreakpoints.index(x));
    }

    /** Trusted, sharing an interval index over {@code x}. */
    private PPoly(double[] x, double[] flatCoefficients, int order, int columns, OutOfRange mode,
            IntervalIndex index) {
        this.x = x;
        this.c = flatCoefficients;
        this.order = order;
        this.cols = columns;
        this.mode = mode;
        this.index = index;
        this.descending = MonotoneBreakpoints.descending(x);
        this.lo = Math.min(x[0], x[x.length - 1]);
        this.hi = Math.max(x[0], x[x.length - 1]);
        this.policy = RangePolicy.of(mode, lo, hi);
        boolean direct = columns == 1 && !policy.wrapsInside() && !descending;
        this.scalarLo = direct ? lo : Double.NaN;
        this.scalarHi = direct ? hi : Double.NaN;
    }

    /** Refuses a single-column method ({@code method}) when m &gt; 1, naming the column form to use. */
    private void requireSingleColumn(String method, String instead) {
        if (cols != 1) {
            throw new IllegalStateException("this interpolant has " + cols + " value columns; " + method
                    + " is for a single column: use " + instead + ", or column(j)");
        }
    }

    /**
     * Evaluates the single-column piecewise polynomial. O(1) expected time, no allocation.
     *
     * @param t the query
     * @return {@code p(t)}; NaN for a NaN query; outside the breakpoints as the mode says
     * @throws OutOfRangeException   if {@code t} is outside {@code [x[0], x[n]]} and the mode is raise
     * @throws IllegalStateException if {@link #columns()} &gt; 1 (use {@link #value(double, double[])})
     */
    @Override
    public double value(double t) {
        if (t >= scalarLo && t <= scalarHi) {
            return evaluateAt(t, index.find(t));
        }
        return valueByPolicy(t);
    }

    /** {@link #value(double)} for a periodic mode or a query outside the range (or m &gt; 1: throws). */
    private double valueByPolicy(double t) {
        requireSingleColumn("value(double)", "value(x, out)");
        double q = policy.adjust(t);
        return q == q ? evaluateAt(q, find(q)) : policy.answer(t);
    }

    /** The single column at {@code t} on interval {@code i}. */
    private double evaluateAt(double t, int i) {
        double s = t - x[i];
        double[] cc = c;
        if (order == 4) {
            // scipy's evaluate_poly1 order: ((0 + c3) + c2 s) + c1 s^2 + c0 s^3, powers by repeated products.
            int b = i << 2;
            double z2 = s * s;
            double r = 0.0 + cc[b + 3] + cc[b + 2] * s + cc[b + 1] * z2 + cc[b] * (z2 * s);
            return r - r == 0.0 ? r : overflowed(t, PPolyKernel.robustValue(cc, b, 4, 1, s, r), s);
        }
        double r = PPolyKernel.value(cc, i * order, order, 1, s);
        return r - r == 0.0 ? r : overflowed(t, PPolyKernel.robustValue(cc, i * order, order, 1, s, r), s);
    }

    /**
     * The value after the overflow-free recomputation: returned when finite, or when the query extrapolates
     * beyond the breakpoints (a polynomial continued far enough exceeds any bound: the signed infinity is
     * IEEE's overflow); inside the breakpoints' range (ascending or descending) a value beyond the double
     * range raises.
     */
    private double overflowed(double t, double v, double s) {
        if (v - v != 0.0 && t >= lo && t <= hi) {
            throw PPolyKernel.valueOverflow(s, order);
        }
        return v;
    }

    /** Every column at {@code t} on interval {@code i} into {@code out[off .. off + m)}. */
    private void evaluateInto(double t, int i, double[] out, int off) {
        if (cols == 1) {
            out[off] = evaluateAt(t, i);
            return;
        }
        double s = t - x[i];
        PPolyKernel.values(c, i * order * cols, order, cols, s, out, off);
        for (int j = 0; j < cols; j++) {
            double r = out[off + j];
            if (r - r != 0.0) {
                out[off + j] = overflowed(t, PPolyKernel.robustValue(c, i * order * cols + j, order, cols, s, r), s);
            }
        }
    }

    /** Every column at any query {@code t}, as the policy says, into {@code out[off .. off + m)}. */
    private void valueInto(double t, double[] out, int off) {
        double q = policy.adjust(t);
        if (q == q) {
            evaluateInto(q, find(q), out, off);
        } else {
            Arrays.fill(out, off, off + cols, policy.answer(t));
        }
    }

    /**
     * Evaluates every column at one point; column {@code j} bit for bit as {@code column(j).value(t)}.
     * O(m) beyond the O(1)-expected search, no allocation.
     *
     * @param t   the query
     * @param out receives column j at index j; at least {@link #columns()} long
     * @throws NullPointerException     if {@code out} is null
     * @throws IllegalArgumentException if {@code out.length < columns()}
     * @throws OutOfRangeException      if {@code t} is out of range and the mode is raise
     */
    @Override
    public void value(double t, double[] out) {
        Validation.requireNonNull(out, "out");
        if (out.length < cols) {
            throw new IllegalArgumentException("out.length = " + out.length + " < columns() = " + cols);
        }
        valueInto(t, out, 0);
    }

    /**
     * Evaluates the single column at many points, {@code out[i] = value(xs[i])} bit for bit; large batches
     * run in parallel ({@link ParallelEvaluation}). O(n) expected, no allocation per query.
     *
     * @throws NullPointerException     if an argument is null
     * @throws IllegalStateException    if {@link #columns()} &gt; 1 (use {@link #valuesColumns(double[], double[])})
     * @throws IllegalArgumentException if {@code out} is shorter than {@code xs}
     * @throws OutOfRangeException      for the first out-of-range query when the mode is raise
     */
    @Override
    public void values(double[] xs, double[] out) {
        Validation.requireNonNull(xs, "xs");
        Validation.requireNonNull(out, "out");
        requireSingleColumn("values(xs, out)", "valuesColumns(xs, out)");
        if (out.length < xs.length) {
            throw new IllegalArgumentException("out.length = " + out.length + " < xs.length = " + xs.length);
        }
        evaluateAll(xs, out);
    }

    /**
     * Evaluates every column at many points, {@code out[i * m + j]} = column j at {@code xs[i]}, bit for bit
     * as {@link #value(double, double[])}; large batches run in parallel ({@link ParallelEvaluation}).
     * O(n m) expected, no allocation per query.
     *
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code out.length < xs.length * columns()}
     * @throws OutOfRangeException      for the first out-of-range query when the mode is raise
     */
    @Override
    public void valuesColumns(double[] xs, double[] out) {
        Validation.requireNonNull(xs, "xs");
        Validation.requireNonNull(out, "out");
        if ((long) out.length < (long) xs.length * cols) {
            throw new IllegalArgumentException("out.length = " + out.length + " < xs.length * columns() = "
                    + ((long) xs.length * cols));
        }
        evaluateAll(xs, out);
    }

    /** The batch evaluation of every column; {@code out} holds at least {@code xs.length * m} values. */
    private void evaluateAll(double[] xs, double[] out) {
        int m = cols;
        if (policy.wrapsInside() || descending) {
            ParallelEvaluation.forRange(xs.length, (from, to) -> {
                for (int k = from; k < to; k++) {
                    valueInto(xs[k], out, k * m);
                }
            });
            return;
        }
        ParallelEvaluation.forRange(xs.length, (from, to) -> {
            int[] idx = new int[IntervalIndex.BLOCK];
            int[] scratch = new int[IntervalIndex.BLOCK];
            for (int b = from; b < to; b += IntervalIndex.BLOCK) {
                int e = Math.min(to, b + IntervalIndex.BLOCK);
                index.findBlock(xs, b, e, idx, scratch);
                // In range: exactly value(t) / valueInto(t), with the interval found for the block.
                if (m == 1) {
                    for (int k = b; k < e; k++) {
                        double t = xs[k];
                        out[k] = t >= lo && t <= hi ? evaluateAt(t, idx[k - b]) : valueByPolicy(t);
                    }
                    continue;
                }
                for (int k = b; k < e; k++) {
                    double t = xs[k];
                    if (t >= lo && t <= hi) {
                        evaluateInto(t, idx[k - b], out, k * m);
                    } else {
                        valueInto(t, out, k * m);
                    }
                }
            }
        });
    }

    /** @return m, the number of value columns (1 for the scipy-shaped {@code c[k + 1][n]} constructors) */
    @Override
    public int columns() {
        return cols;
    }

    /**
     * Column {@code j} as a single-column piecewise polynomial with the same breakpoints and mode; its
     * values, derivatives, integrals and roots equal column {@code j}'s bit for bit. O(n k) (O(1) when
     * m = 1: {@code this}).
     *
     * @param j the column, {@code 0 <= j < columns()}
     * @return the column
     * @throws IndexOutOfBoundsException if {@code j} is not a column index
     */
    @Override
    public PPoly column(int j) {
        if (j < 0 || j >= cols) {
            throw new IndexOutOfBoundsException("column " + j + " of " + cols);
        }
        if (cols == 1) {
            return this;
        }
        double[] cj = new double[c.length / cols];
        for (int k = 0; k < cj.length; k++) {
            cj[k] = c[k * cols + j];
        }
        return new PPoly(x, cj, order, 1, mode, index);
    }

    /**
     * The {@code nu}-th derivative of every column (scipy {@code PPoly.derivative(nu)}): degree
     * {@code max(k - nu, 0)}, evaluated piecewise, with the same breakpoints, columns and mode. O(n k m).
     *
     * @param nu the derivative order, at least 0 (0 gives an equal polynomial)
     * @return the derivative
     * @throws IllegalArgumentException if {@code nu < 0}
     * @throws ArithmeticException      if a coefficient times {@code (k - j)...(k - j - nu + 1)} overflows (the
     *                                  message names the coefficient, interval and input value)
     */
    @Override
    public PPoly derivative(int nu) {
        if (nu < 0) {
            throw new IllegalArgumentException("derivative order must be at least 0, was " + nu);
        }
        if (nu == 0) {
            return this;
        }
        double[] dc = PPolyKernel.derivative(c, x.length - 1, order, cols, nu);
        int order2 = Math.max(order - nu, 1);
        FiniteResult.requireFinite("PPoly.derivative(" + nu + ")", dc, i -> coefficientText(i, order2, nu));
        return new PPoly(x, dc, order2, cols, mode, index);
    }

    /**
     * The {@code nu}-th antiderivative of every column (scipy {@code PPoly.antiderivative(nu)}): degree
     * {@code k + nu}, zero at {@code x[0]} together with its first {@code nu - 1} derivatives, continuous with
     * those derivatives across every breakpoint (up to rounding). As in scipy, a periodic mode becomes
     * {@link OutOfRange#nan()} (the antiderivative is not periodic); other modes are kept.
     * O(n m (k + nu) nu^2), with {@code nu} bounded as below.
     *
     * @param nu the antiderivative order, at least 0 and at most the largest order for which the divisor
     *           {@code (k + 1)(k + 2)...(k + nu)} of the leading coefficient is a finite double (170 for
     *           k = 0, 167 for a cubic; fewer for higher degrees)
     * @return the antiderivative
     * @throws IllegalArgumentException if {@code nu < 0}, {@code nu} exceeds that bound (the message names it),
     *                                  or the result does not fit in memory
     * @throws ArithmeticException      if a coefficient of the result overflows (the message names the
     *                                  coefficient and interval)
     */
    public PPoly antiderivative(int nu) {
        if (nu < 0) {
            throw new IllegalArgumentException("antiderivative order must be at least 0, was " + nu);
        }
        if (nu == 0) {
            return this;
        }
        int max = PPolyKernel.maxAntiderivativeOrder(order);
        FiniteResult.requireOrderAtMost("PPoly.antiderivative order", nu, max, "the coefficients of degree "
                + (order - 1) + " are divided by (k + 1)(k + 2)...(k + nu), which overflows a double for larger"
                + " orders (every coefficient would be 0)");
        double[] ac = PPolyKernel.antiderivative(x, c, x.length - 1, order, cols, nu);
        FiniteResult.requireFinite("PPoly.antiderivative(" + nu + ")", ac,
                i -> coefficientText(i, order + nu, -nu));
        return new PPoly(x, ac, order + nu, cols, policy.wrapsInside() ? OutOfRange.nan() : mode, index);
    }

    /**
     * Names flat coefficient {@code i} of a transform of this polynomial ({@code order2} coefficients per
     * interval and column) and the input coefficients it came from, for an overflow message.
     */
    private String coefficientText(int i, int order2, int nu) {
        int col = i % cols;
        int rest = i / cols;
        int piece = rest / order2;
        int j = rest % order2;
        String where = "coefficient c[" + j + "][" + piece + "]" + (cols > 1 ? "[" + col + "]" : "")
                + " (power " + (order2 - 1 - j) + " on interval " + piece + ", x[" + piece + "] = " + x[piece]
                + " .. x[" + (piece + 1) + "] = " + x[piece + 1] + ")";
        if (nu > 0) {
            return where + " of the derivative of order " + nu + " (input c[" + j + "][" + piece + "] = "
                    + c[(piece * order + j) * cols + col] + " times (k - j)...(k - j - nu + 1))";
        }
        return where + " of the antiderivative of order " + (-nu);
    }

    /**
     * The definite integral over {@code [a, b]} (scipy {@code PPoly.integrate(a, b)}); {@code b < a}
     * gives the negated integral over {@code [b, a]}. The integrand is the function as evaluated, so the
     * mode matters outside {@code [x[0], x[n]]}:
     * <ul>
     *   <li>extrapolate: the end pieces are integrated as continued (scipy {@code extrapolate=True});</li>
     *   <li>nan: NaN if {@code a} or {@code b} is outside (scipy {@code extrapolate=False});</li>
     *   <li>periodic: whole periods plus the remainder, as scipy's {@code extrapolate='periodic'};</li>
     *   <li>clamp: the constants {@code p(x[0])} and {@code p(x[n])} are integrated outside;</li>
     *   <li>fill: the fill constants are integrated outside (a zero constant contributes 0 even over an
     *       infinite length);</li>
     *   <li>raise: {@link OutOfRangeException} naming the first out-of-range bound.</li>
     * </ul>
     * A NaN bound gives NaN (scipy raises). O(number of intervals between a and b).
     *
     * @param a lower limit
     * @param b upper limit
     * @return the integral
     * @throws OutOfRangeException   if a limit is outside the range and the mode is raise
     * @throws IllegalStateException if {@link #columns()} &gt; 1 (use {@link #integrateColumns(double, double)})
     * @throws ArithmeticException   if, for finite limits (inside the range, or any with extrapolate and
     *                               periodic), the integral is beyond the double range
     */
    public double integrate(double a, double b) {
        requireSingleColumn("integrate(a, b)", "integrateColumns(a, b)");
        return integrateColumn(0, a, b);
    }

    /**
     * The definite integral of every column over {@code [a, b]}, each as {@link #integrate(double, double)}
     * computes it for a single column (bit for bit {@code column(j).integrate(a, b)}).
     * O(m * number of intervals between a and b).
     *
     * @param a lower limit
     * @param b upper limit
     * @return a new array, the integral of column j at index j
     * @throws OutOfRangeException if a limit is outside the range and the mode is raise
     */
    public double[] integrateColumns(double a, double b) {
        double[] r = new double[cols];
        for (int j = 0; j < cols; j++) {
            r[j] = integrateColumn(j, a, b);
        }
        return r;
    }

    private double integrateColumn(int col, double a, double b) {
        if (a != a || b != b) {
            return Double.NaN;
        }
        // In raise mode the policy throws for an out-of-range limit (a first); no other mode throws here.
        policy.adjust(a);
        policy.adjust(b);
        double r = b < a ? -1.0 * integrateOrdered(col, b, a) : 1.0 * integrateOrdered(col, a, b);
        if (r - r != 0.0 && a - a == 0.0 && b - b == 0.0 && (policy.extrapolates() || policy.wrapsInside()
                || Math.min(a, b) >= lo && Math.max(a, b) <= hi)) {
            throw new ArithmeticException("PPoly.integrate(" + a + ", " + b + ")" + (cols > 1 ? " of column " + col : "")
                    + " is " + r + ": the integral is beyond the double range");
        }
        return r;
    }

    /** The integral over {@code [a, b]}, {@code a <= b}, both limits allowed by the mode. */
    private double integrateOrdered(int col, double a, double b) {
        if (policy.extrapolates()) {
            return integrateInside(col, a, b);
        }
        if (policy.wrapsInside()) {
            return integratePeriodic(col, a, b);
        }
        OutOfRange.Kind kind = policy.kind();
        if (kind == OutOfRange.Kind.CLAMP || kind == OutOfRange.Kind.FILL) {
            return integrateConstantOutside(col, a, b, kind == OutOfRange.Kind.CLAMP);
        }
        // nan, and raise (whose limits are inside by now): undefined outside the range.
        return a >= lo && b <= hi ? integrateInside(col, a, b) : Double.NaN;
    }

    /** The integral over {@code [a, b]}, {@code a <= b}, continuing the end pieces. */
    private double integrateInside(int col, double a, double b) {
        if (descending) {
            // F(b) - F(a) with the antiderivative (zero at x[0]), as scipy's result for descending breakpoints
            double[] anti = PPolyKernel.antiderivative(x, c, x.length - 1, order, cols, 1);
            int o2 = order + 1;
            int ib = find(b);
            int ia = find(a);
            return PPolyKernel.value(anti, ib * o2 * cols + col, o2, cols, b - x[ib])
                    - PPolyKernel.value(anti, ia * o2 * cols + col, o2, cols, a - x[ia]);
        }
        return PPolyKernel.integrate(x, c, index, order, cols, col, a, b);
    }

    /** Clamp and fill: the integrand is a constant on each side of the range. */
    private double integrateConstantOutside(int col, double a, double b, boolean clamp) {
        double below;
        double above;
        if (clamp) {
            int first = find(lo);
            int last = find(hi);
            below = PPolyKernel.value(c, first * order * cols + col, order, cols, lo - x[first]);
            above = PPolyKernel.value(c, last * order * cols + col, order, cols, hi - x[last]);
        } else {
            below = mode.below();
            above = mode.above();
        }
        double r = 0.0;
        double ma = Math.max(a, lo);
        double mb = Math.min(b, hi);
        if (ma < mb) {
            r = integrateInside(col, ma, mb);
        }
        double lenBelow = Math.min(b, lo) - a;
        if (lenBelow > 0 && below != 0.0) {
            r += below * lenBelow;
        }
        double lenAbove = b - Math.max(a, hi);
        if (lenAbove > 0 && above != 0.0) {
            r += above * lenAbove;
        }
        return r;
    }

    /** scipy's periodic integral: whole periods plus the wrapped remainder. */
    private double integratePeriodic(int col, double a, double b) {
        double period = hi - lo;
        double interval = b - a;
        double left = PyMath.mod(interval, period);
        double nPeriods = PyMath.floorDiv(interval, period);
        double r = 0.0;
        if (nPeriods > 0) {
            r = integrateInside(col, lo, hi) * nPeriods;
        }
        double a2 = PyMath.wrap(a, lo, period);
        double b2 = a2 + left;
        if (b2 <= hi) {
            r += integrateInside(col, a2, b2);
        } else {
            r += integrateInside(col, a2, hi);
            r += integrateInside(col, lo, lo + left + a2 - hi);
        }
        if (!Double.isFinite(period) || period == 0.0 || nPeriods != nPeriods) {
            return Double.NaN;
        }
        return r;
    }

    /**
     * Real roots, {@code solve(0.0)} (scipy {@code PPoly.roots()}).
     *
     * @return the roots, as {@link #solve(double, boolean, boolean)}
     * @throws IllegalStateException if {@link #columns()} &gt; 1 (use {@link #roots(int)})
     */
    public double[] roots() {
        return solve(0.0);
    }

    /**
     * Real roots of one column, {@code solve(column, 0.0)} (scipy {@code PPoly.roots()} for one trailing
     * index); bit for bit {@code column(column).roots()}.
     *
     * @param column the column, {@code 0 <= column < columns()}
     * @return the roots, as {@link #solve(double, boolean, boolean)}
     * @throws IndexOutOfBoundsException if {@code column} is not a column index
     */
    public double[] roots(int column) {
        return solve(column, 0.0);
    }

    /**
     * Real solutions of {@code p(t) = y}, reporting discontinuities (scipy {@code PPoly.solve(y)} with the
     * instance's {@code extrapolate}): the end pieces are searched beyond the breakpoints in
     * {@link OutOfRange#extrapolate()} mode and, exactly as scipy's code does ({@code bool('periodic')} is
     * true, although its docstring says {@code 'periodic'} acts like {@code False}), in
     * {@link OutOfRange#periodic()} mode; in the other modes only {@code [x[0], x[n]]} is searched.
     *
     * @param y the right-hand side, finite
     * @return the roots, as {@link #solve(double, boolean, boolean)}
     * @throws IllegalArgumentException if {@code y} is not finite
     * @throws IllegalStateException    if {@link #columns()} &gt; 1 (use {@link #solve(int, double)})
     */
    public double[] solve(double y) {
        requireSingleColumn("solve(y)", "solve(column, y)");
        return solve(0, y);
    }

    /**
     * Real solutions of {@code p(t) = y} for one column, as {@link #solve(double)} for a single column;
     * bit for bit {@code column(column).solve(y)}.
     *
     * @param column the column, {@code 0 <= column < columns()}
     * @param y      the right-hand side, finite
     * @return the roots, as {@link #solve(double, boolean, boolean)}
     * @throws IndexOutOfBoundsException if {@code column} is not a column index
     * @throws IllegalArgumentException  if {@code y} is not finite
     */
    public double[] solve(int column, double y) {
        return solve(column, y, true, policy.extrapolates() || policy.wrapsInside());
    }

    /**
     * Real solutions of {@code p(t) = y} (scipy {@code PPoly.solve(y, discontinuity, extrapolate)}).
     *
     * <p>Intervals are scanned in order and the roots of each piece are appended in scipy's order:
     * ascending, except that a quadratic piece with a negative leading coefficient lists its two roots in
     * descending order (scipy's closed form for degree 2 gives {@code (-b - d) / 2a} first). So with ascending
     * breakpoints the result is sorted except for NaN markers and such quadratic pairs, and with descending
     * breakpoints the intervals come in descending order. A piece identically equal to {@code y} contributes
     * its left breakpoint followed by NaN, as scipy does (a zero-length piece only its breakpoint). A root
     * equal to the previously reported one is not repeated; a root at a breakpoint is reported as exactly
     * that breakpoint, so a root shared by two pieces appears once. With {@code discontinuity}, a strict
     * sign change of {@code p - y} across a breakpoint reports the breakpoint. With {@code extrapolate},
     * roots of the first piece beyond {@code x[0]} and of the last piece beyond {@code x[m]} are
     * included.
     *
     * <p>Roots of each piece are found without eigenvalues: degree 1 in closed form, higher degrees by
     * isolating them between the real roots of the derivative (recursively) and refining each bracket
     * with safeguarded Newton steps. A multiple root (a critical point where {@code |p - y|} is within
     * the rounding error of its evaluation) is reported once, to about machine precision, where scipy's
     * companion-matrix eigenvalues give two nearby roots, or none when they come out complex.
     * O(n k^3) time. Pieces of degree above 100 (after dropping leading zero coefficients) are refused:
     * their real roots are not reliable by this method in double precision (scipy's eigenvalues are not
     * either; garbage is never returned).
     *
     * @param y             the right-hand side, finite
     * @param discontinuity whether to report sign changes across breakpoints
     * @param extrapolate   whether to include roots of the continued end pieces
     * @return the roots (a new array)
     * @throws IllegalArgumentException if {@code y} is not finite
     * @throws IllegalStateException    if {@link #columns()} &gt; 1 (use
     *                                  {@link #solve(int, double, boolean, boolean)}), or a piece has degree
     *                                  above 100 (the message names the piece and degree)
     * @throws ArithmeticException      if {@code c[k][i] - y} overflows for a piece (named)
     */
    public double[] solve(double y, boolean discontinuity, boolean extrapolate) {
        requireSingleColumn("solve(y, discontinuity, extrapolate)", "solve(column, y, discontinuity, extrapolate)");
        return solve(0, y, discontinuity, extrapolate);
    }

    /**
     * Real solutions of {@code p(t) = y} for one column, as {@link #solve(double, boolean, boolean)} for a
     * single column; bit for bit {@code column(column).solve(y, discontinuity, extrapolate)}. O(n k^3).
     *
     * @param column        the column, {@code 0 <= column < columns()}
     * @param y             the right-hand side, finite
     * @param discontinuity whether to report sign changes across breakpoints
     * @param extrapolate   whether to include roots of the continued end pieces
     * @return the roots (a new array)
     * @throws IndexOutOfBoundsException if {@code column} is not a column index
     * @throws IllegalArgumentException  if {@code y} is not finite
     */
    public double[] solve(int column, double y, boolean discontinuity, boolean extrapolate) {
        if (column < 0 || column >= cols) {
            throw new IndexOutOfBoundsException("column " + column + " of " + cols);
        }
        if (!Double.isFinite(y)) {
            throw new IllegalArgumentException("y must be finite, was " + y);
        }
        return PPolyKernel.solve(x, c, order, cols, column, y, discontinuity, extrapolate);
    }

    /**
     * The coefficients of the single column in scipy's layout: {@code result[j][i]} multiplies
     * {@code (t - x[i])^(k - j)}.
     *
     * @return a new array of shape {@code (k + 1, n)}
     * @throws IllegalStateException if {@link #columns()} &gt; 1 (use {@link #coefficientsColumns()})
     */
    public double[][] coefficients() {
        requireSingleColumn("coefficients()", "coefficientsColumns()");
        return ColumnLayout.pieces(c, x.length - 1, order);
    }

    /**
     * The coefficients of every column in scipy's layout: {@code result[j][i][col]} multiplies
     * {@code (t - x[i])^(k - j)} in column {@code col}; {@link #fromColumns(double[][][], double[], OutOfRange)}
     * accepts it back.
     *
     * @return a new array of shape {@code (k + 1, n, m)}
     */
    public double[][][] coefficientsColumns() {
        return ColumnLayout.pieces(c, x.length - 1, order, cols);
    }

    /** @return a copy of the breakpoints */
    public double[] breakpoints() {
        return x.clone();
    }

    /** @return k, the degree of the local polynomials (the number of coefficient rows minus 1) */
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

    /**
     * The same polynomial with another out-of-range mode; shares this instance's arrays. O(1).
     *
     * @throws NullPointerException if {@code mode} is null
     */
    @Override
    public PPoly withOutOfRange(OutOfRange mode) {
        Validation.requireNonNull(mode, "mode");
        return mode.equals(this.mode) ? this : new PPoly(x, c, order, cols, mode, index);
    }

    @Override
    public String toString() {
        return "PPoly[degree=" + (order - 1) + ", intervals=" + (x.length - 1)
                + (cols == 1 ? "" : ", columns=" + cols) + ", range=[" + lo + ", " + hi + "], outOfRange=" + mode
                + "]";
    }

    // ------------------------------------------------------------------------------------------------
    // the B-spline toolbox (issue 9): conversions and derivatives at points

    /**
     * The derivative of order {@code nu} of the single column at {@code t}, evaluated piecewise (scipy
     * {@code PPoly.__call__(x, nu)}, {@code evaluate_poly1} with {@code dx = nu}); equal to
     * {@code derivative(nu).value(t)} up to rounding, without building the derivative. {@code nu > k} gives 0.
     * O(k nu).
     *
     * @param t  the query
     * @param nu the order, at least 0
     * @return the derivative; NaN for NaN
     * @throws IllegalArgumentException if {@code nu < 0}
     * @throws OutOfRangeException      if out of range and the mode is raise
     * @throws IllegalStateException    if {@link #columns()} &gt; 1 (use {@link #value(double, int, double[])})
     * @throws ArithmeticException      for {@code nu = 0}, as {@link #value(double)}: an in-range value beyond the
     *                                  double range
     */
    public double value(double t, int nu) {
        requireSingleColumn("value(x, nu)", "value(x, nu, out)");
        double[] out = new double[1];
        value(t, nu, out);
        return out[0];
    }

    /**
     * The derivative of order {@code nu} of every column at {@code t}, as {@link #value(double, int)} per column.
     *
     * @param t   the query
     * @param nu  the order, at least 0
     * @param out receives column {@code j} at {@code out[j]}
     * @throws NullPointerException     if {@code out} is null
     * @throws IllegalArgumentException if {@code nu < 0} or {@code out.length < columns()}
     * @throws OutOfRangeException      if out of range and the mode is raise
     */
    public void value(double t, int nu, double[] out) {
        requireOrder(nu);
        ColumnLayout.checkRow(out, cols);
        derivativeInto(t, nu, out, 0);
    }

    /**
     * {@link #value(double, int)} at many points, in parallel for large batches, bit for bit.
     *
     * @param xs the queries (not modified)
     * @param nu the order, at least 0
     * @return a new array of the derivatives
     * @throws NullPointerException     if {@code xs} is null
     * @throws IllegalArgumentException if {@code nu < 0}
     * @throws OutOfRangeException      for the first out-of-range query when the mode is raise
     * @throws IllegalStateException    if {@link #columns()} &gt; 1 (use {@link #valuesColumns(double[], int, double[])})
     * @throws ArithmeticException      for {@code nu = 0}, as {@link #value(double)}
     */
    public double[] values(double[] xs, int nu) {
        Validation.requireNonNull(xs, "xs");
        requireOrder(nu);
        requireSingleColumn("values(xs, nu)", "valuesColumns(xs, nu, out)");
        double[] out = new double[xs.length];
        derivativeBatch(xs, nu, out);
        return out;
    }

    /**
     * The derivative of order {@code nu} of every column at many points, {@code out[i * m + j]}, in parallel for
     * large batches; bit for bit {@link #value(double, int, double[])}.
     *
     * @param xs  the queries (not modified)
     * @param nu  the order, at least 0
     * @param out at least {@code xs.length * columns()} long
     * @throws NullPointerException     if an array is null
     * @throws IllegalArgumentException if {@code nu < 0} or {@code out} is too short
     * @throws OutOfRangeException      for the first out-of-range query when the mode is raise
     */
    public void valuesColumns(double[] xs, int nu, double[] out) {
        requireOrder(nu);
        ColumnLayout.checkBatch(xs, out, cols);
        derivativeBatch(xs, nu, out);
    }

    private static void requireOrder(int nu) {
        if (nu < 0) {
            throw new IllegalArgumentException("derivative order nu must be >= 0, was " + nu);
        }
    }

    private void derivativeBatch(double[] xs, int nu, double[] out) {
        ParallelEvaluation.forRange(xs.length, (from, to) -> {
            for (int k = from; k < to; k++) {
                derivativeInto(xs[k], nu, out, k * cols);
            }
        });
    }

    /** Every column's derivative of order {@code nu} at {@code t} into {@code out[off .. off + m)}. */
    private void derivativeInto(double t, int nu, double[] out, int off) {
        double q = policy.adjust(t);
        if (q != q) {
            Arrays.fill(out, off, off + cols, policy.answer(t));
            return;
        }
        int i = find(q);
        if (nu == 0) {
            // the value itself, with value(t)'s overflow handling (an in-range value beyond the double range raises)
            evaluateInto(q, i, out, off);
            return;
        }
        for (int j = 0; j < cols; j++) {
            out[off + j] = PPolyKernel.evaluate(c, i * order * cols + j, order, cols, q - x[i], nu);
        }
    }

    /**
     * The B-spline {@code b} as a piecewise polynomial in the power basis, scipy {@code PPoly.from_spline(b)}:
     * the breakpoints are all the knots {@code t} (so {@code t.length - 1} intervals, some of zero length where
     * knots repeat), and on interval {@code i} the coefficients are the Taylor coefficients of the spline at
     * {@code t[i]}, {@code c[k - nu][i] = S^(nu)(t[i]) / nu!}, derivatives taken from the right (the end pieces
     * continued outside the base interval), as scipy's {@code splev}. Every column is converted (scipy converts one
     * at a time); the mode is {@code b}'s, on the range {@code [t[0], t[last]]} as in scipy. O(t.length (k^3 + k m)).
     *
     * @param b the spline
     * @return the piecewise polynomial of degree {@code k}
     * @throws NullPointerException     if {@code b} is null
     * @throws IllegalArgumentException if the coefficients of the spline are not finite
     * @throws ArithmeticException      if a Taylor coefficient is beyond the double range (the message names the
     *                                  interval)
     */
    public static PPoly fromSpline(BSpline b) {
        Validation.requireNonNull(b, "b");
        SplineCore core = b.core();
        Validation.requireFinite("b.coefficients", core.c);
        double[] flat = BasisConversion.toPowerBasis(core);
        BernsteinKernel.requireFiniteConversion("PPoly.fromSpline", core.t, flat, core.k + 1, core.m);
        return new PPoly(core.t.clone(), flat, core.k + 1, core.m, b.outOfRange());
    }

    /**
     * The Bernstein-basis piecewise polynomial {@code bp} in the local power basis, scipy
     * {@code PPoly.from_bernstein_basis(bp)}: on each interval of width {@code dx},
     * {@code c_P[k - s] = sum_{a <= s} (-1)^(a + s) binom(k, a) binom(k - a, s - a) c_B[a] / dx^s}. Same breakpoints,
     * columns and mode. O(n k^2 m).
     *
     * @param bp the Bernstein-basis polynomial
     * @return the same piecewise polynomial in the power basis
     * @throws NullPointerException if {@code bp} is null
     * @throws ArithmeticException  if a power-basis coefficient is beyond the double range (narrow intervals: the
     *                              coefficients scale as {@code dx^-s}; the message names the interval)
     */
    public static PPoly fromBernsteinBasis(BPoly bp) {
        Validation.requireNonNull(bp, "bp");
        double[] xb = bp.breakpointsArray();
        int ord = bp.degree() + 1;
        double[] cp = BernsteinKernel.toPowerBasis(xb,
                bp.flatCoefficients(), ord, bp.columns());
        BernsteinKernel.requireFiniteConversion("PPoly.fromBernsteinBasis", xb, cp, ord, bp.columns());
        return new PPoly(xb.clone(), cp, ord, bp.columns(), bp.outOfRange());
    }

    /** @return the serialisation proxy, which is what gets written */
    private Object writeReplace() {
        return cols == 1 ? new SerializedForm(coefficients(), null, x.clone(), mode)
                : new SerializedForm(null, coefficientsColumns(), x.clone(), mode);
    }

    /**
     * Rejects streams that bypass the serialisation proxy.
     *
     * @param in the stream
     * @throws InvalidObjectException always
     */
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("PPoly is deserialised through its serialisation proxy");
    }

    /**
     * Serial form: scipy-layout coefficients ({@code c} for one column, {@code columnsC} for several, the
     * other null), breakpoints and mode; validated again on reading.
     */
    private static final class SerializedForm implements Serializable {
        private static final long serialVersionUID = 1L;
        /** @serial the single-column coefficients c[k + 1][n], or null */
        private final double[][] c;
        /** @serial the multi-column coefficients c[k + 1][n][m], or null */
        private final double[][][] columnsC;
        /** @serial the x */
        private final double[] x;
        /** @serial the mode */
        private final OutOfRange mode;

        SerializedForm(double[][] c, double[][][] columnsC, double[] x, OutOfRange mode) {
            this.c = c;
            this.columnsC = columnsC;
            this.x = x;
            this.mode = mode;
        }

        /**
         * @return the object rebuilt through the validating public API
         * @throws ObjectStreamException if the data are invalid
         */
        private Object readResolve() throws ObjectStreamException {
            try {
                Objects.requireNonNull(mode, "mode");
                if ((c == null) == (columnsC == null)) {
                    throw new IllegalArgumentException("exactly one of c and columnsC must be present");
                }
                return c != null ? new PPoly(c, x, mode) : fromColumns(columnsC, x, mode);
            } catch (RuntimeException e) {
                throw SerialProxies.invalid("PPoly", e);
            }
        }
    }
}
