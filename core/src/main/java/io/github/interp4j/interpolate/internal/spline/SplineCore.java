package io.github.interp4j.interpolate.internal.spline;

import io.github.interp4j.interpolate.internal.search.IntervalIndex;
import io.github.interp4j.interpolate.internal.validation.FiniteResult;
import io.github.interp4j.interpolate.internal.validation.Validation;

import io.github.interp4j.interpolate.OutOfRange;
import io.github.interp4j.interpolate.OutOfRangeException;
import io.github.interp4j.interpolate.internal.range.PyMath;
import io.github.interp4j.interpolate.internal.range.RangePolicy;

import java.util.Arrays;

/**
 * The numerical core of {@code BSpline} (and of the spline kinds of {@code Interp1d}): a validated knot vector
 * {@code t}, degree {@code k} and coefficients for {@code m} columns held flat and row-major
 * ({@code c[i * m + j]} is coefficient {@code i} of column {@code j}), with the interval index of the
 * base interval {@code [t[k], t[n]]}, {@code n = t.length - k - 1}.
 *
 * <p>Evaluation follows scipy's {@code _dierckx.evaluate_spline}: the interval {@code l} in
 * {@code [k, n - 1]} with {@code t[l] <= x < t[l + 1]} (clamped to the first / last interval outside the
 * base interval, which extrapolates the end polynomial pieces), the {@code k + 1} non-zero B-splines by
 * the Cox-de Boor recurrence in scipy's operation order, and the sum
 * {@code sum_a c[l - k + a] B_a(x)}. The interval is found by {@link IntervalIndex} in O(1) expected time.
 *
 * <p>Thread-safety: immutable after construction; evaluation methods take a caller-owned work array.
 */
public final class SplineCore {
    /** Knots (not copied; owned by this object). */
    public final double[] t;
    /** Coefficients, row-major {@code rows * m} (may hold more than {@code n} rows; extra rows are ignored). */
    public final double[] c;
    /** Degree. */
    public final int k;
    /** Number of B-splines, {@code t.length - k - 1}. */
    public final int n;
    /** Number of value columns. */
    public final int m;
    /** Left end of the base interval, {@code t[k]}. */
    public final double lo;
    /** Right end of the base interval, {@code t[n]}. */
    public final double hi;
    /** The largest degree {@link #antiderivative} produces (it refuses larger orders up front). */
    public static final int MAX_ANTIDERIVATIVE_DEGREE = 1000;
    private final IntervalIndex index;

    /**
     * Wraps already validated data (see {@link #validate}); nothing is copied.
     *
     * @param t knots
     * @param c coefficients, row-major with {@code m} columns, at least {@code n} rows
     * @param k degree
     * @param m columns
     */
    public SplineCore(double[] t, double[] c, int k, int m) {
        this.t = t;
        this.c = c;
        this.k = k;
        this.m = m;
        this.n = t.length - k - 1;
        this.lo = t[k];
        this.hi = t[n];
        this.index = new IntervalIndex(Arrays.copyOfRange(t, k, n + 1));
    }

    /**
     * Checks knots and degree as scipy's {@code BSpline.__init__} does, with messages naming the
     * offending index and value.
     *
     * @param t        the knots
     * @param k        the degree
     * @param rows     the number of coefficient rows supplied
     * @throws NullPointerException     if {@code t} is null
     * @throws IllegalArgumentException if {@code k < 0}, {@code t.length < 2k + 2}, a knot is not finite,
     *                                  the knots decrease, {@code t[last] - t[0]} overflows, the base interval
     *                                  is empty or {@code rows < n}
     */
    public static void validate(double[] t, int k, int rows) {
        Validation.requireNonNull(t, "t");
        if (k < 0) {
            throw new IllegalArgumentException("Spline degree cannot be negative: k = " + k);
        }
        long need = 2L * k + 2;
        if (t.length < need) {
            throw new IllegalArgumentException("Need at least " + need + " knots for degree " + k + ", got "
                    + t.length);
        }
        Validation.requireFinite("t", t);
        Validation.requireNonDecreasing("t", t);
        FiniteResult.requireFiniteSpan("t", t);
        FiniteResult.requireSpacingExponent("t", t, Double.MIN_EXPONENT, Double.MAX_EXPONENT,
                "the B-spline recurrence divides by knot differences (a subnormal one overflows its reciprocal)");
        int n = t.length - k - 1;
        if (!(t[k] < t[n])) {
            throw new IllegalArgumentException("Need at least two distinct knots in the base interval: t[" + k
                    + "] = " + t[k] + " equals t[" + n + "] = " + t[n]);
        }
        if (rows < n) {
            throw new IllegalArgumentException("Knots, coefficients and degree are inconsistent: need at least n"
                    + " = t.length - k - 1 = " + n + " coefficients, got " + rows);
        }
    }

    /** @return the number of coefficient rows stored */
    public int rows() {
        return c.length / m;
    }

    /**
     * The interval {@code l} in {@code [k, n - 1]} with {@code t[l] <= x < t[l + 1]}, {@code l = n - 1}
     * at {@code x = t[n]}; clamped outside the base interval. Any double (NaN, infinities) gives an
     * index in range.
     *
     * @param x the point
     * @return the interval
     */
    public int interval(double x) {
        return k + index.find(x);
    }

    /**
     * Fills {@code h[0..k]} with the B-splines {@code B_{l-k+a, k}(x)} non-zero on interval {@code l}
     * (scipy's {@code _deBoor_D} with {@code m = 0}, same operations, done in place).
     *
     * @param x the point
     * @param l the interval
     * @param h work array of at least {@code k + 1} doubles
     */
    public void basis(double x, int l, double[] h) {
        basis(t, k, x, l, h);
    }

    /**
     * As {@link #basis(double, int, double[])} for any knot vector.
     *
     * @param tt knots
     * @param k  degree
     * @param x  the point
     * @param l  the interval, {@code k <= l < tt.length - k - 1}
     * @param h  work array of at least {@code k + 1} doubles
     */
    public static void basis(double[] tt, int k, double x, int l, double[] h) {
        h[0] = 1.0;
        for (int j = 1; j <= k; j++) {
            double saved = 0.0;
            for (int r = 0; r < j; r++) {
                double xb = tt[l + r + 1];
                double xa = tt[l + r + 1 - j];
                if (xb == xa) {
                    h[r] = saved;
                    saved = 0.0;
                    continue;
                }
                double w = h[r] / (xb - xa);
                h[r] = saved + w * (xb - x);
                saved = w * (x - xa);
            }
            h[j] = saved;
        }
    }

    /**
     * The {@code nu}-th derivatives of the B-splines non-zero on interval {@code l} (scipy's
     * {@code _deBoor_D}).
     *
     * @param t  knots
     * @param k  degree
     * @param x  the point
     * @param l  the interval
     * @param nu derivative order, {@code 0 <= nu <= k}
     * @param h  output, at least {@code k + 1} doubles
     */
    public static void basisDerivative(double[] t, int k, double x, int l, int nu, double[] h) {
        basisDerivative(t, k, x, l, nu, h, new double[k + 1]);
    }

    /**
     * As {@link #basisDerivative(double[], int, double, int, int, double[])} with a caller-owned scratch
     * array (no allocation).
     *
     * @param t  knots
     * @param k  degree
     * @param x  the point
     * @param l  the interval
     * @param nu derivative order, {@code 0 <= nu <= k}
     * @param h  output, at least {@code k + 1} doubles
     * @param hh scratch, at least {@code k + 1} doubles
     */
    public static void basisDerivative(double[] t, int k, double x, int l, int nu, double[] h, double[] hh) {
        h[0] = 1.0;
        for (int j = 1; j <= k; j++) {
            boolean differentiate = j > k - nu; // the last nu steps differentiate instead of raising the degree
            System.arraycopy(h, 0, hh, 0, j);
            h[0] = 0.0;
            for (int q = 1; q <= j; q++) {
                double xb = t[l + q];
                double xa = t[l + q - j];
                if (xb == xa) {
                    h[q] = 0.0;
                } else if (differentiate) {
                    double w = j * hh[q - 1] / (xb - xa);
                    h[q - 1] -= w;
                    h[q] = w;
                } else {
                    double w = hh[q - 1] / (xb - xa);
                    h[q - 1] += w * (xb - x);
                    h[q] = w * (x - xa);
                }
            }
        }
    }

    /**
     * Evaluates column {@code col} at {@code x} with the end pieces extrapolated (NaN for NaN).
     *
     * @param x    the point
     * @param col  the column
     * @param work at least {@code k + 1} doubles
     * @return the value
     */
    public double value(double x, int col, double[] work) {
        if (x != x) {
            return Double.NaN;
        }
        int l = interval(x);
        basis(x, l, work);
        final double[] cc = c;
        final int mm = m;
        int base = (l - k) * mm + col;
        double s = 0.0;
        for (int a = 0; a <= k; a++) {
            s += cc[base + a * mm] * work[a];
        }
        return s - s == 0.0 ? s : halvedSum(cc, base, mm, work, s, x);
    }

    /**
     * The sum {@code sum_a c_a B_a} when it overflowed from finite coefficients (coefficients near
     * {@link Double#MAX_VALUE}, where rounding of the partial sums can pass it): the terms halved, summed and
     * doubled. A value in the base interval that is itself beyond the double range raises; an extrapolated
     * one keeps IEEE's overflow.
     *
     * @throws ArithmeticException if the value at a query in {@code [t[k], t[n]]} is beyond the double range
     */
    private double halvedSum(double[] cc, int base, int mm, double[] work, double s, double x) {
        double h = 0.0;
        for (int a = 0; a <= k; a++) {
            double ca = cc[base + a * mm];
            double ba = work[a];
            if (ca - ca != 0.0 || ba - ba != 0.0) {
                return s; // non-finite coefficients or basis (extrapolated far away): no better answer
            }
            h += (0.5 * ca) * ba;
        }
        double r = 2.0 * h;
        if (r - r != 0.0 && !(x >= lo && x <= hi)) {
            return r == r ? r : s; // extrapolated far outside: IEEE overflow, as the plain sum
        }
        if (r - r != 0.0) {
            throw new ArithmeticException("B-spline value " + 2.0 + " * " + h + " at an interval starting at t["
                    + (base / mm + k) + "] is beyond the double range");
        }
        return r;
    }

    /**
     * Evaluates every column at {@code x} with the end pieces extrapolated (NaN row for NaN).
     *
     * @param x    the point
     * @param out  receives column j at {@code out[off + j]}
     * @param off  offset into {@code out}
     * @param work at least {@code k + 1} doubles
     */
    public void values(double x, double[] out, int off, double[] work) {
        if (x != x) {
            Arrays.fill(out, off, off + m, Double.NaN);
            return;
        }
        int l = interval(x);
        basis(x, l, work);
        final double[] cc = c;
        final int mm = m;
        int base = (l - k) * mm;
        for (int j = 0; j < mm; j++) {
            double s = 0.0;
            for (int a = 0; a <= k; a++) {
                s += cc[base + a * mm + j] * work[a];
            }
            out[off + j] = s - s == 0.0 ? s : halvedSum(cc, base + j, mm, work, s, x);
        }
    }

    /**
     * The coefficients padded with zero rows (or cut) to {@code t.length} rows, as scipy does before
     * {@code splder} / {@code splantider}; only the first {@code n} rows are significant.
     */
    private double[] paddedCoefficients() {
        double[] p = new double[t.length * m];
        System.arraycopy(c, 0, p, 0, Math.min(c.length, n * m));
        return p;
    }

    /**
     * The derivative of order {@code nu} (scipy's {@code splder}): knots {@code t[nu : len - nu]}, degree
     * {@code k - nu}, coefficients {@code (c[i+1] - c[i]) * k / (t[i+k+1] - t[i+1])} per step, padded with
     * zeros to the knot count.
     *
     * @param nu the order, {@code 0 <= nu <= k}
     * @return the derivative's core
     * @throws IllegalArgumentException if {@code nu > k}, or a step divides by a zero knot span (an
     *                                  interior knot of multiplicity above {@code k - step})
     */
    public SplineCore derivative(int nu) {
        if (nu < 0) {
            throw new IllegalArgumentException("derivative order must be >= 0, was " + nu);
        }
        if (nu > k) {
            throw new IllegalArgumentException("Order of derivative (n = " + nu + ") must be <= order of spline (k = "
                    + k + ")");
        }
        if (nu == 0) {
            return this;
        }
        double[] tt = t;
        double[] cc = paddedCoefficients();
        for (int kk = k; kk > k - nu; kk--) {
            cc = differenced(tt, cc, kk, nu);
            tt = Arrays.copyOfRange(tt, 1, tt.length - 1);
        }
        FiniteResult.requireFinite("BSpline.derivative(" + nu + ")", cc,
                i -> "coefficient " + (i / m) + (m > 1 ? " of column " + (i % m) : "") + " of the derivative");
        return new SplineCore(tt, cc, k - nu, m);
    }

    /** One {@code splder} step on knots {@code tt}, degree {@code kk}: the coefficients of the derivative. */
    private double[] differenced(double[] tt, double[] cc, int kk, int nu) {
        int len = tt.length;
        int cnt = len - kk - 2; // number of new significant coefficients
        double[] nc = new double[(len - 2) * m];
        for (int i = 0; i < cnt; i++) {
            double dt = tt[i + kk + 1] - tt[i + 1];
            if (dt == 0.0) {
                throw new IllegalArgumentException("The spline has internal repeated knots and is not differentiable "
                        + nu + " times: t[" + (i + 1) + "] = t[" + (i + kk + 1) + "] = " + tt[i + 1]);
            }
            for (int j = 0; j < m; j++) {
                nc[i * m + j] = (cc[(i + 1) * m + j] - cc[i * m + j]) * kk / dt;
            }
        }
        return nc;
    }

    /**
     * The antiderivative of order {@code nu} (scipy's {@code splantider}), zero at {@code t[0]}: knots
     * {@code [t[0], t..., t[last]]}, degree {@code k + 1}, coefficients the running sums of
     * {@code c[i] (t[i+k+1] - t[i]) / (k + 1)} preceded by a zero and followed by {@code k + 2} copies of
     * the last sum, per step.
     *
     * @param nu the order, at least 0
     * @return the antiderivative's core
     * @throws IllegalArgumentException if {@code nu < 0}
     */
    public SplineCore antiderivative(int nu) {
        if (nu < 0) {
            throw new IllegalArgumentException("antiderivative order must be >= 0, was " + nu);
        }
        if (nu == 0) {
            return this;
        }
        FiniteResult.requireOrderAtMost("BSpline.antiderivative order", nu, Math.max(0, MAX_ANTIDERIVATIVE_DEGREE - k),
                "the result's degree k + order must not exceed " + MAX_ANTIDERIVATIVE_DEGREE + " (k = " + k
                + "; the work grows as order * (knots + order) and evaluation as the degree squared)");
        double[] tt = t;
        double[] cc = paddedCoefficients();
        for (int kk = k; kk < k + nu; kk++) {
            cc = summed(tt, cc, kk);
            double[] nt = new double[tt.length + 2];
            nt[0] = tt[0];
            System.arraycopy(tt, 0, nt, 1, tt.length);
            nt[nt.length - 1] = tt[tt.length - 1];
            tt = nt;
        }
        FiniteResult.requireFinite("BSpline.antiderivative(" + nu + ")", cc,
                i -> "coefficient " + (i / m) + (m > 1 ? " of column " + (i % m) : "") + " of the antiderivative");
        return new SplineCore(tt, cc, k + nu, m);
    }

    /** One {@code splantider} step on knots {@code tt}, degree {@code kk}: the antiderivative's coefficients. */
    private double[] summed(double[] tt, double[] cc, int kk) {
        int len = tt.length;
        int cnt = len - kk - 1;
        double[] nc = new double[(len + 2) * m];
        double[] sum = new double[m];
        for (int i = 0; i < cnt; i++) {
            double dt = tt[i + kk + 1] - tt[i];
            for (int j = 0; j < m; j++) {
                sum[j] += cc[i * m + j] * dt;
                nc[(i + 1) * m + j] = sum[j] / (kk + 1);
            }
        }
        for (int r = cnt + 1; r < len + 2; r++) {
            System.arraycopy(nc, cnt * m, nc, r * m, m);
        }
        return nc;
    }

    /**
     * The definite integral of every column over {@code [a, b]} (negative if {@code b < a}) of the function
     * that an interpolant with this core and out-of-range policy defines:
     * <ul>
     *   <li>extrapolate, and raise (whose limits must lie in {@code [lo, hi]}): the extrapolated spline,
     *       {@code F(b) - F(a)} with {@code F} the antiderivative;</li>
     *   <li>periodic (the policy {@link RangePolicy#wrapsInside() wraps}): whole periods plus the remainder,
     *       as scipy's {@code BSpline.integrate};</li>
     *   <li>nan: zero outside the base interval (scipy's {@code extrapolate=False});</li>
     *   <li>clamp and fill: the constant the policy answers outside, times the length outside.</li>
     * </ul>
     * O(n) for the antiderivative plus O(k^2 + m k) per end point.
     *
     * @param a      lower limit
     * @param b      upper limit
     * @param policy the out-of-range policy on {@code [lo, hi]}
     * @return one integral per column; NaN if a limit is NaN
     * @throws OutOfRangeException if the policy raises and a limit is outside {@code [lo, hi]}
     */
    public double[] integrate(double a, double b, RangePolicy policy) {
        policy.adjust(a); // raise: a limit outside throws; every other policy has nothing to say here
        policy.adjust(b);
        double[] res = new double[m];
        if (a != a || b != b) {
            Arrays.fill(res, Double.NaN);
            return res;
        }
        boolean reversed = b < a;
        double from = reversed ? b : a;
        double to = reversed ? a : b;
        SplineCore anti = antiderivative(1);
        double[] work = new double[anti.k + 1];
        double[] fa = new double[m];
        double[] fb = new double[m];
        OutOfRange.Kind kind = policy.kind();
        if (policy.wrapsInside()) {
            integratePeriodic(anti, from, to, res, fa, fb, work);
        } else if (policy.extrapolates() || kind == OutOfRange.Kind.RAISE) {
            anti.difference(from, to, fa, fb, work);
            System.arraycopy(fb, 0, res, 0, m);
        } else {
            boolean zeroOutside = kind == OutOfRange.Kind.NAN;
            double ia = Math.max(from, lo);
            double ib = Math.min(to, hi);
            if (ia < ib) {
                anti.difference(ia, ib, fa, fb, work);
                System.arraycopy(fb, 0, res, 0, m);
            } else if (zeroOutside) {
                return res; // zeros: the limits lie outside on one side or coincide
            }
            if (!zeroOutside && from < lo) {
                addConstantPiece(res, Math.min(to, lo) - from, policy, from, fb, work);
            }
            if (!zeroOutside && to > hi) {
                addConstantPiece(res, to - Math.max(from, hi), policy, to, fb, work);
            }
        }
        if (reversed) {
            for (int j = 0; j < m; j++) {
                res[j] *= -1.0;
            }
        }
        return res;
    }

    /** {@code fb := F(to) - F(from)} per column, {@code F} being this core. */
    private void difference(double from, double to, double[] fa, double[] fb, double[] work) {
        values(from, fa, 0, work);
        values(to, fb, 0, work);
        for (int j = 0; j < m; j++) {
            fb[j] -= fa[j];
        }
    }

    /** scipy's periodic integral on {@code a <= b}: whole periods of the antiderivative plus the remainder. */
    private void integratePeriodic(SplineCore anti, double a, double b, double[] res, double[] fa, double[] fb,
                                   double[] work) {
        double period = hi - lo;
        double interval = b - a;
        double nPeriods = PyMath.floorDiv(interval, period);
        double left = PyMath.mod(interval, period);
        if (nPeriods > 0) {
            anti.difference(lo, hi, fa, fb, work);
            for (int j = 0; j < m; j++) {
                res[j] = fb[j] * nPeriods;
            }
        }
        a = PyMath.wrap(a, lo, period);
        b = a + left;
        if (b <= hi) {
            addDifference(anti, a, b, res, fa, fb, work);
        } else {
            addDifference(anti, a, hi, res, fa, fb, work);
            addDifference(anti, lo, lo + b - hi, res, fa, fb, work);
        }
    }

    private void addDifference(SplineCore anti, double from, double to, double[] res, double[] fa, double[] fb,
                               double[] work) {
        anti.difference(from, to, fa, fb, work);
        for (int j = 0; j < m; j++) {
            res[j] += fb[j];
        }
    }

    /**
     * Adds {@code len} times the constant that the policy gives outside the end nearest {@code t} (a point
     * outside): the end value (clamp) or the fill value.
     */
    private void addConstantPiece(double[] res, double len, RangePolicy policy, double t, double[] end,
                                  double[] work) {
        double q = policy.adjust(t);
        if (q == q) {
            values(q, end, 0, work);
        } else {
            Arrays.fill(end, policy.answer(t));
        }
        for (int j = 0; j < m; j++) {
            res[j] += len * end[j];
        }
    }

    /**
     * The {@code nu}-th derivative of every column at {@code x} with the end pieces extrapolated, scipy's
     * {@code evaluate_spline(t, c, k, x, nu)}: on the interval {@code l} of {@link #interval(double)}
     * (right-continuous, the last interval closed) the {@code nu}-th derivatives of the {@code k + 1} non-zero
     * B-splines ({@link #basisDerivative}) summed against the coefficients. At a knot of full multiplicity this
     * is the derivative of the piece on its right (of the last piece at {@code t[n]}). {@code nu > k} gives
     * zeros, as scipy does. A NaN {@code x} gives a NaN row. O(k^2 + m k), no allocation.
     *
     * @param x   the point
     * @param nu  the derivative order, at least 0
     * @param out receives column {@code j} at {@code out[off + j]}
     * @param off offset into {@code out}
     * @param h   work array of at least {@code k + 1} doubles
     * @param hh  second work array of at least {@code k + 1} doubles
     */
    public void derivativeValues(double x, int nu, double[] out, int off, double[] h, double[] hh) {
        if (nu == 0 || x != x) {
            values(x, out, off, h);
            return;
        }
        if (nu > k) {
            Arrays.fill(out, off, off + m, 0.0);
            return;
        }
        int l = interval(x);
        basisDerivative(t, k, x, l, nu, h, hh);
        int base = (l - k) * m;
        for (int j = 0; j < m; j++) {
            double s = 0.0;
            for (int a = 0; a <= k; a++) {
                s += c[base + a * m + j] * h[a];
            }
            out[off + j] = s;
        }
    }
}
