package io.github.interp4j.interpolate;

import io.github.interp4j.interpolate.internal.search.IntervalIndex;
import io.github.interp4j.interpolate.internal.poly.PPolyKernel;
import io.github.interp4j.interpolate.internal.parallel.ParallelEvaluation;
import io.github.interp4j.interpolate.internal.validation.Validation;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.util.Objects;

/**
 * A piecewise polynomial in the local power basis, as scipy's {@code scipy.interpolate.PPoly}.
 *
 * <p>With breakpoints {@code x[0] <= x[1] <= ... <= x[m]} and coefficients {@code c[k+1][m]}, on interval
 * {@code i} ({@code x[i] <= t < x[i+1]}, the last interval closed) the value is
 * <pre>  p(t) = sum_{j=0..k} c[j][i] * (t - x[i])^(k - j)</pre>
 * Coefficients are stored contiguously per interval, highest power first, and evaluated after an
 * O(1)-expected interval search ({@link IntervalIndex}) in scipy's operation order
 * ({@code c[k] + c[k-1] s + c[k-2] s^2 + ...}, powers by repeated products; as cheap as Horner's scheme),
 * so that values agree with scipy's bit for bit given the same coefficients.
 *
 * <p>Outside {@code [x[0], x[m]]} queries follow the {@link OutOfRange} mode (default
 * {@link OutOfRange#extrapolate()}, scipy's {@code extrapolate=True}, which continues the first and
 * last pieces). In {@link OutOfRange#periodic()} mode every query, inside the range too, is first mapped
 * to {@code x[0] + (t - x[0]) mod (x[m] - x[0])} with a floored modulo, exactly as scipy does.
 *
 * <p>Differences from scipy: breakpoints must be ascending (non-decreasing; repeated breakpoints are
 * allowed, as in scipy) — scipy's descending breakpoints are not supported; coefficients must be
 * finite; multiple roots are reported once (see {@link #solve(double, boolean, boolean)}).
 *
 * <p>Thread-safety: immutable; inputs are copied; instances may be shared freely between threads.
 * Serialisation stores the coefficients, breakpoints and mode; deserialisation validates them again
 * through the public constructor.
 */
public final class PPoly implements Interpolant1D {
    private static final long serialVersionUID = 1L;

    private static final int EXTRAPOLATE = 0;
    private static final int NAN = 1;
    private static final int RAISE = 2;
    private static final int CLAMP = 3;
    private static final int FILL = 4;
    private static final int PERIODIC = 5;

    private final transient double[] x;
    private final transient double[] c;
    private final transient int order;
    private final transient OutOfRange mode;
    private final transient IntervalIndex index;
    private final transient int kind;
    private final transient double lo;
    private final transient double hi;

    /**
     * A piecewise polynomial that extrapolates ({@link OutOfRange#extrapolate()}, scipy's default).
     *
     * @param c coefficients, {@code c[j][i]} multiplies {@code (t - x[i])^(k - j)} on interval {@code i};
     *          shape {@code (k + 1, m)} with {@code k >= 0} and {@code m = x.length - 1} (copied)
     * @param x breakpoints, finite and non-decreasing, at least 2 (copied)
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
     * Validation runs before any allocation; construction is O(m k).
     *
     * @param c    coefficients as in {@link #PPoly(double[][], double[])} (copied)
     * @param x    breakpoints (copied)
     * @param mode the out-of-range mode
     * @throws NullPointerException     if an argument or a row of {@code c} is null
     * @throws IllegalArgumentException as {@link #PPoly(double[][], double[])}
     */
    public PPoly(double[][] c, double[] x, OutOfRange mode) {
        Validation.requireNonNull(c, "c");
        Validation.requireNonNull(x, "x");
        Validation.requireNonNull(mode, "mode");
        Validation.requireMinPoints("PPoly", x.length, 2);
        if (c.length < 1) {
            throw new IllegalArgumentException("c must have at least 1 row (polynomial order 0), got 0");
        }
        int m = x.length - 1;
        for (int j = 0; j < c.length; j++) {
            Validation.requireNonNull(c[j], "c[" + j + "]");
            if (c[j].length != m) {
                throw new IllegalArgumentException("c[" + j + "].length = " + c[j].length
                        + " must equal the number of intervals x.length - 1 = " + m);
            }
        }
        Validation.requireFinite("x", x);
        for (int j = 0; j < c.length; j++) {
            Validation.requireFinite("c[" + j + "]", c[j]);
        }
        Validation.requireNonDecreasing("x", x);
        int ord = c.length;
        double[] flat = new double[Validation.checkedSize("PPoly coefficients", ord, m)];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < ord; j++) {
                flat[i * ord + j] = c[j][i];
            }
        }
        double[] xs = x.clone();
        this.x = xs;
        this.c = flat;
        this.order = ord;
        this.mode = mode;
        this.index = new IntervalIndex(xs);
        this.kind = mode.kind().ordinal();
        this.lo = xs[0];
        this.hi = xs[m];
    }

    /** Trusted constructor: arrays are validated and owned by the caller's immutable objects. */
    PPoly(double[] x, double[] flatCoefficients, int order, OutOfRange mode, IntervalIndex index) {
        this.x = x;
        this.c = flatCoefficients;
        this.order = order;
        this.mode = mode;
        this.index = index;
        this.kind = mode.kind().ordinal();
        this.lo = x[0];
        this.hi = x[x.length - 1];
    }

    static {
        // The private kind constants mirror OutOfRange.Kind's order.
        if (OutOfRange.Kind.EXTRAPOLATE.ordinal() != EXTRAPOLATE || OutOfRange.Kind.NAN.ordinal() != NAN
                || OutOfRange.Kind.RAISE.ordinal() != RAISE || OutOfRange.Kind.CLAMP.ordinal() != CLAMP
                || OutOfRange.Kind.FILL.ordinal() != FILL || OutOfRange.Kind.PERIODIC.ordinal() != PERIODIC) {
            throw new AssertionError("OutOfRange.Kind order changed");
        }
    }

    /**
     * Evaluates the piecewise polynomial. O(1) expected time, no allocation.
     *
     * @param t the query
     * @return {@code p(t)}; NaN for a NaN query; outside the breakpoints as the mode says
     * @throws OutOfRangeException if {@code t} is outside {@code [x[0], x[m]]} and the mode is raise
     */
    @Override
    public double value(double t) {
        if (kind != PERIODIC) {
            if (t >= lo && t <= hi) {
                return evaluate(t);
            }
            return outside(t);
        }
        double q = PPolyKernel.wrap(t, lo, hi - lo);
        return q == q ? evaluate(q) : Double.NaN;
    }

    private double evaluate(double t) {
        return evaluateAt(t, index.find(t));
    }

    private double evaluateAt(double t, int i) {
        double s = t - x[i];
        double[] cc = c;
        if (order == 4) {
            // scipy's evaluate_poly1 order: ((0 + c3) + c2 s) + c1 s^2 + c0 s^3, powers by repeated products.
            int b = i << 2;
            double z2 = s * s;
            return 0.0 + cc[b + 3] + cc[b + 2] * s + cc[b + 1] * z2 + cc[b] * (z2 * s);
        }
        return PPolyKernel.value(cc, i * order, order, 1, s);
    }

    private double outside(double t) {
        if (t != t) {
            return Double.NaN;
        }
        switch (kind) {
            case EXTRAPOLATE:
                return evaluate(t);
            case NAN:
                return Double.NaN;
            case RAISE:
                throw new OutOfRangeException(t, lo, hi);
            case CLAMP:
                return evaluate(t < lo ? lo : hi);
            default: // FILL
                return t < lo ? mode.below() : mode.above();
        }
    }

    /**
     * Evaluates at many points, {@code out[i] = value(xs[i])} bit for bit; large batches run in parallel
     * ({@link ParallelEvaluation}). O(n) expected, no allocation per query.
     *
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code out} is shorter than {@code xs}
     * @throws OutOfRangeException      for the first out-of-range query when the mode is raise
     */
    @Override
    public void values(double[] xs, double[] out) {
        Validation.requireNonNull(xs, "xs");
        Validation.requireNonNull(out, "out");
        if (out.length < xs.length) {
            throw new IllegalArgumentException("out.length = " + out.length + " < xs.length = " + xs.length);
        }
        if (kind == PERIODIC) {
            ParallelEvaluation.forRange(xs.length, (from, to) -> {
                for (int k = from; k < to; k++) {
                    out[k] = value(xs[k]);
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
                for (int k = b; k < e; k++) {
                    double t = xs[k];
                    // In range: exactly evaluate(t), with the interval found for the block.
                    out[k] = t >= lo && t <= hi ? evaluateAt(t, idx[k - b]) : outside(t);
                }
            }
        });
    }

    /**
     * The {@code nu}-th derivative (scipy {@code PPoly.derivative(nu)}): degree {@code max(k - nu, 0)},
     * evaluated piecewise, with the same breakpoints and mode. O(m k).
     *
     * @param nu the derivative order, at least 0 (0 gives an equal polynomial)
     * @return the derivative
     * @throws IllegalArgumentException if {@code nu < 0}
     */
    @Override
    public PPoly derivative(int nu) {
        if (nu < 0) {
            throw new IllegalArgumentException("derivative order must be at least 0, was " + nu);
        }
        if (nu == 0) {
            return this;
        }
        int pieces = x.length - 1;
        double[] dc = PPolyKernel.derivative(c, pieces, order, 1, nu);
        return new PPoly(x, dc, Math.max(order - nu, 1), mode, index);
    }

    /**
     * The {@code nu}-th antiderivative (scipy {@code PPoly.antiderivative(nu)}): degree {@code k + nu},
     * zero at {@code x[0]} together with its first {@code nu - 1} derivatives, continuous with those
     * derivatives across every breakpoint (up to rounding). As in scipy, a periodic mode becomes
     * {@link OutOfRange#nan()} (the antiderivative is not periodic); other modes are kept. O(m (k + nu)^2).
     *
     * @param nu the antiderivative order, at least 0
     * @return the antiderivative
     * @throws IllegalArgumentException if {@code nu < 0} or the result does not fit in memory
     */
    public PPoly antiderivative(int nu) {
        if (nu < 0) {
            throw new IllegalArgumentException("antiderivative order must be at least 0, was " + nu);
        }
        if (nu == 0) {
            return this;
        }
        int pieces = x.length - 1;
        double[] ac = PPolyKernel.antiderivative(x, c, pieces, order, 1, nu);
        OutOfRange m = kind == PERIODIC ? OutOfRange.nan() : mode;
        return new PPoly(x, ac, order + nu, m, index);
    }

    /**
     * The definite integral over {@code [a, b]} (scipy {@code PPoly.integrate(a, b)}); {@code b < a}
     * gives the negated integral over {@code [b, a]}. The integrand is the function as evaluated, so the
     * mode matters outside {@code [x[0], x[m]]}:
     * <ul>
     *   <li>extrapolate: the end pieces are integrated as continued (scipy {@code extrapolate=True});</li>
     *   <li>nan: NaN if {@code a} or {@code b} is outside (scipy {@code extrapolate=False});</li>
     *   <li>periodic: whole periods plus the remainder, as scipy's {@code extrapolate='periodic'};</li>
     *   <li>clamp: the constants {@code p(x[0])} and {@code p(x[m])} are integrated outside;</li>
     *   <li>fill: the fill constants are integrated outside (a zero constant contributes 0 even over an
     *       infinite length);</li>
     *   <li>raise: {@link OutOfRangeException} naming the first out-of-range bound.</li>
     * </ul>
     * A NaN bound gives NaN (scipy raises). O(number of intervals between a and b).
     *
     * @param a lower limit
     * @param b upper limit
     * @return the integral
     * @throws OutOfRangeException if a limit is outside the range and the mode is raise
     */
    public double integrate(double a, double b) {
        return integrateColumn(x, c, index, order, 1, 0, mode, a, b);
    }

    static double integrateColumn(double[] x, double[] c, IntervalIndex index, int order, int cols, int col,
            OutOfRange mode, double a, double b) {
        if (a != a || b != b) {
            return Double.NaN;
        }
        double lo = x[0];
        double hi = x[x.length - 1];
        if (mode.kind() == OutOfRange.Kind.RAISE) {
            if (a < lo || a > hi) {
                throw new OutOfRangeException(a, lo, hi);
            }
            if (b < lo || b > hi) {
                throw new OutOfRangeException(b, lo, hi);
            }
        }
        double sign = 1.0;
        if (b < a) {
            double tmp = a;
            a = b;
            b = tmp;
            sign = -1.0;
        }
        double r;
        switch (mode.kind()) {
            case EXTRAPOLATE:
                r = PPolyKernel.integrate(x, c, index, order, cols, col, a, b);
                break;
            case NAN:
            case RAISE:
                r = (a >= lo && b <= hi) ? PPolyKernel.integrate(x, c, index, order, cols, col, a, b) : Double.NaN;
                break;
            case PERIODIC:
                r = integratePeriodic(x, c, index, order, cols, col, a, b);
                break;
            default: {
                double below;
                double above;
                if (mode.kind() == OutOfRange.Kind.CLAMP) {
                    below = PPolyKernel.value(c, col, order, cols, 0.0);
                    int last = x.length - 2;
                    above = PPolyKernel.value(c, last * order * cols + col, order, cols, hi - x[last]);
                } else {
                    below = mode.below();
                    above = mode.above();
                }
                r = 0.0;
                double ma = Math.max(a, lo);
                double mb = Math.min(b, hi);
                if (ma < mb) {
                    r = PPolyKernel.integrate(x, c, index, order, cols, col, ma, mb);
                }
                double lenBelow = Math.min(b, lo) - a;
                if (lenBelow > 0 && below != 0.0) {
                    r += below * lenBelow;
                }
                double lenAbove = b - Math.max(a, hi);
                if (lenAbove > 0 && above != 0.0) {
                    r += above * lenAbove;
                }
                break;
            }
        }
        return sign * r;
    }

    private static double integratePeriodic(double[] x, double[] c, IntervalIndex index, int order, int cols,
            int col, double a, double b) {
        double xs = x[0];
        double xe = x[x.length - 1];
        double period = xe - xs;
        double interval = b - a;
        // Python/numpy divmod for floats.
        double left = interval % period;
        double div = (interval - left) / period;
        if (left != 0.0) {
            if ((period < 0) != (left < 0)) {
                left += period;
                div -= 1.0;
            }
        } else {
            left = Math.copySign(0.0, period);
        }
        double nPeriods;
        if (div != 0.0) {
            nPeriods = Math.floor(div);
            if (div - nPeriods > 0.5) {
                nPeriods += 1.0;
            }
        } else {
            nPeriods = Math.copySign(0.0, interval / period);
        }
        double r = 0.0;
        if (nPeriods > 0) {
            r = PPolyKernel.integrate(x, c, index, order, cols, col, xs, xe) * nPeriods;
        }
        double a2 = PPolyKernel.wrap(a, xs, period);
        double b2 = a2 + left;
        if (b2 <= xe) {
            r += PPolyKernel.integrate(x, c, index, order, cols, col, a2, b2);
        } else {
            r += PPolyKernel.integrate(x, c, index, order, cols, col, a2, xe);
            r += PPolyKernel.integrate(x, c, index, order, cols, col, xs, xs + left + a2 - xe);
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
     */
    public double[] roots() {
        return solve(0.0);
    }

    /**
     * Real solutions of {@code p(t) = y}, reporting discontinuities (scipy {@code PPoly.solve(y)} with the
     * instance's {@code extrapolate}): the end pieces are searched beyond the breakpoints in
     * {@link OutOfRange#extrapolate()} mode and, exactly as scipy's code does ({@code bool('periodic')} is
     * true, although its docstring says {@code 'periodic'} acts like {@code False}), in
     * {@link OutOfRange#periodic()} mode; in the other modes only {@code [x[0], x[m]]} is searched.
     *
     * @param y the right-hand side, finite
     * @return the roots, as {@link #solve(double, boolean, boolean)}
     * @throws IllegalArgumentException if {@code y} is not finite
     */
    public double[] solve(double y) {
        return solve(y, true, kind == EXTRAPOLATE || kind == PERIODIC);
    }

    /**
     * Real solutions of {@code p(t) = y} (scipy {@code PPoly.solve(y, discontinuity, extrapolate)}).
     *
     * <p>Intervals are scanned in order and the roots of each piece are appended in ascending order,
     * so the result is sorted except for NaN markers: a piece identically equal to {@code y} contributes
     * its left breakpoint followed by NaN, as scipy does (a zero-length piece only its breakpoint). A root
     * equal to the previously reported one is not repeated; a root at a breakpoint is reported as exactly
     * that breakpoint, so a root shared by two pieces appears once. With {@code discontinuity}, a strict
     * sign change of {@code p - y} across a breakpoint reports the breakpoint. With {@code extrapolate},
     * roots of the first piece left of {@code x[0]} and of the last piece right of {@code x[m]} are
     * included.
     *
     * <p>Roots of each piece are found without eigenvalues: degree 1 in closed form, higher degrees by
     * isolating them between the real roots of the derivative (recursively) and refining each bracket
     * with safeguarded Newton steps. A multiple root (a critical point where {@code |p - y|} is within
     * the rounding error of its evaluation) is reported once, to about machine precision, where scipy's
     * companion-matrix eigenvalues give two nearby roots, or none when they come out complex.
     * O(m k^3) time.
     *
     * @param y             the right-hand side, finite
     * @param discontinuity whether to report sign changes across breakpoints
     * @param extrapolate   whether to include roots of the continued end pieces
     * @return the roots (a new array)
     * @throws IllegalArgumentException if {@code y} is not finite
     */
    public double[] solve(double y, boolean discontinuity, boolean extrapolate) {
        if (!Double.isFinite(y)) {
            throw new IllegalArgumentException("y must be finite, was " + y);
        }
        return PPolyKernel.solve(x, c, order, 1, 0, y, discontinuity, extrapolate);
    }

    /**
     * The coefficients in scipy's layout: {@code result[j][i]} multiplies {@code (t - x[i])^(k - j)}.
     *
     * @return a new array of shape {@code (k + 1, m)}
     */
    public double[][] coefficients() {
        int m = x.length - 1;
        double[][] out = new double[order][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < order; j++) {
                out[j][i] = c[i * order + j];
            }
        }
        return out;
    }

    /** @return a copy of the breakpoints */
    public double[] breakpoints() {
        return x.clone();
    }

    /** @return k, the degree of the local polynomials (the number of coefficient rows minus 1) */
    public int degree() {
        return order - 1;
    }

    /** @return m, the number of intervals */
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
        return mode.equals(this.mode) ? this : new PPoly(x, c, order, mode, index);
    }

    // Package-private views for the interpolants built on PPoly (never modified).
    double[] x() {
        return x;
    }

    double[] flatCoefficients() {
        return c;
    }

    IntervalIndex index() {
        return index;
    }

    @Override
    public String toString() {
        return "PPoly[degree=" + (order - 1) + ", intervals=" + (x.length - 1) + ", range=[" + lo + ", " + hi
                + "], outOfRange=" + mode + "]";
    }

    /** @return the serialisation proxy, which is what gets written */
    private Object writeReplace() {
        return new SerializedForm(coefficients(), x.clone(), mode);
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

    /** Serial form: scipy-layout coefficients, breakpoints and mode; validated again on reading. */
    private static final class SerializedForm implements Serializable {
        private static final long serialVersionUID = 1L;
        /** @serial the c */
        private final double[][] c;
        /** @serial the x */
        private final double[] x;
        /** @serial the mode */
        private final OutOfRange mode;

        SerializedForm(double[][] c, double[] x, OutOfRange mode) {
            this.c = c;
            this.x = x;
            this.mode = mode;
        }

        /**
         * @return the object rebuilt through the validating public API
         * @throws ObjectStreamException if the data are invalid
         */
        private Object readResolve() throws ObjectStreamException {
            try {
                return new PPoly(c, x, Objects.requireNonNull(mode, "mode"));
            } catch (RuntimeException e) {
                InvalidObjectException ex = new InvalidObjectException("invalid PPoly data: " + e.getMessage());
                ex.initCause(e);
                throw ex;
            }
        }
    }
}
