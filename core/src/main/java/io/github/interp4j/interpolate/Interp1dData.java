package io.github.interp4j.interpolate;

import io.github.interp4j.interpolate.internal.search.SortedSearch;
import io.github.interp4j.interpolate.internal.spline.SplineCore;
import io.github.interp4j.interpolate.internal.validation.Validation;

import java.util.Arrays;

/**
 * The validated, sorted data of an {@link Interp1d} or {@link VectorInterp1d} and its evaluation for every
 * kind, reproducing scipy's {@code interp1d} call paths:
 * <ul>
 *   <li>LINEAR, 1-D {@code y}, not extrapolating: {@code numpy.interp} (exact {@code y[j]} at a knot, the
 *       last of equal abscissae wins, NaN results retried from the right end of the interval);</li>
 *   <li>LINEAR extrapolating, or multi-column: {@code interp1d._call_linear}
 *       ({@code searchsorted(x, q, 'left')} clipped to {@code [1, n-1]},
 *       {@code slope * (q - x[lo]) + y[lo]});</li>
 *   <li>NEAREST / NEAREST_UP: {@code searchsorted} of the midpoints {@code x[i]/2 + x[i+1]/2}, side left /
 *       right;</li>
 *   <li>PREVIOUS / NEXT: the last {@code x[j] <= q} / the first {@code x[j] >= q};</li>
 *   <li>spline kinds: {@code make_interp_spline(x, y, k)} (k = 0, 1, 2, 3); for k >= 2 a NaN anywhere in
 *       {@code y} makes every in-range (and extrapolated) value NaN, as scipy.</li>
 * </ul>
 * Immutable.
 */
final class Interp1dData {
    final double[] x;
    final double[] y; // n * m, row-major
    final int m;
    final int n;
    final Interp1d.Kind kind;
    /** The kind that drives evaluation (ZERO with a single point behaves as NEAREST). */
    final Interp1d.Kind eff;
    /** LINEAR evaluates with scipy's {@code _call_linear} whatever the mode (multi-column y). */
    final boolean vectorLinear;
    final double lo;
    final double hi;
    final SortedSearch xs;
    final double[] slope; // LINEAR: (n - 1) * m
    /** LINEAR with one column: {@code packed[2j] = y[j]}, {@code packed[2j+1] = slope[j]} - one cache line per query. */
    final double[] packed;
    final SortedSearch bounds; // NEAREST kinds
    final SplineCore spline; // spline kinds
    final boolean nanSpline;
    final boolean distinct; // x strictly increasing

    private Interp1dData(double[] x, double[] y, int m, Interp1d.Kind kind, boolean vectorLinear) {
        this.x = x;
        this.y = y;
        this.m = m;
        this.n = x.length;
        this.kind = kind;
        this.vectorLinear = vectorLinear;
        this.lo = x[0];
        this.hi = x[n - 1];
        boolean dist = true;
        for (int i = 1; i < n; i++) {
            if (!(x[i] > x[i - 1])) {
                dist = false;
                break;
            }
        }
        this.distinct = dist;
        Interp1d.Kind e = kind == Interp1d.Kind.ZERO && n == 1 ? Interp1d.Kind.NEAREST : kind;
        this.eff = e;
        this.xs = new SortedSearch(x);
        double[] s = null;
        SortedSearch b = null;
        SplineCore sp = null;
        boolean nanSp = false;
        switch (e) {
            case LINEAR:
                if (n >= 2) {
                    s = new double[Validation.checkedSize("Interp1d slopes", n - 1, m)];
                    for (int i = 0; i < n - 1; i++) {
                        double dx = x[i + 1] - x[i];
                        for (int j = 0; j < m; j++) {
                            s[i * m + j] = (y[(i + 1) * m + j] - y[i * m + j]) / dx;
                        }
                    }
                }
                break;
            case NEAREST:
            case NEAREST_UP: {
                double[] half = new double[n];
                for (int i = 0; i < n; i++) {
                    half[i] = x[i] / 2.0;
                }
                double[] mids = new double[Math.max(0, n - 1)];
                for (int i = 0; i < n - 1; i++) {
                    mids[i] = half[i + 1] + half[i];
                }
                b = new SortedSearch(mids);
                break;
            }
            case PREVIOUS:
            case NEXT:
                break;
            default: {
                int order = e.order();
                double[] yy = y;
                if (order > 1) {
                    for (double v : y) {
                        if (v != v) {
                            nanSp = true;
                            break;
                        }
                    }
                    if (nanSp) {
                        yy = new double[y.length];
                        Arrays.fill(yy, 1.0);
                    }
                }
                sp = BSpline.fit(x, yy, m, order, BSpline.Conditions.none()).core;
                break;
            }
        }
        this.slope = s;
        double[] pk = null;
        if (s != null && m == 1) {
            pk = new double[Validation.checkedSize("Interp1d packed data", 2, n)];
            for (int i = 0; i < n - 1; i++) {
                pk[2 * i] = y[i];
                pk[2 * i + 1] = s[i];
            }
            pk[2 * (n - 1)] = y[n - 1];
            pk[2 * (n - 1) + 1] = Double.NaN;
        }
        this.packed = pk;
        this.bounds = b;
        this.spline = sp;
        this.nanSpline = nanSp;
    }

    /**
     * Validates and sorts ({@code numpy.argsort(kind='mergesort')}, stable) the data.
     *
     * @param method   name for messages
     * @param x        abscissae (not modified)
     * @param y        ordinates, {@code n * m} row-major (not modified)
     * @param m        columns
     * @param kind     the kind
     * @param sorted   scipy's {@code assume_sorted}: then {@code x} must be non-decreasing
     * @param vectorLinear see the field
     * @return the data
     */
    static Interp1dData build(String method, double[] x, double[] y, int m, Interp1d.Kind kind, boolean sorted,
                              boolean vectorLinear) {
        Validation.requireNonNull(kind, "kind");
        int n = x.length;
        Validation.requireMinPoints(method + "(" + kind + ")", n, kind.minPoints());
        Validation.requireFinite("x", x);
        double[] xs;
        double[] ys;
        boolean permuted = false;
        if (sorted) {
            Validation.requireNonDecreasing("x", x);
            xs = x.clone();
            ys = y.clone();
        } else {
            int[] perm = SortedSearch.stableArgsort(x);
            xs = new double[n];
            ys = new double[y.length];
            for (int i = 0; i < n; i++) {
                int p = perm[i];
                permuted |= p != i;
                xs[i] = x[p];
                System.arraycopy(y, p * m, ys, i * m, m);
            }
        }
        if (kind.isSpline() && n >= 2) {
            Validation.requireStrictlyIncreasing(permuted ? "sorted x" : "x", xs);
        }
        return new Interp1dData(xs, ys, m, kind, vectorLinear);
    }

    /** Rebuilds from trusted sorted data with another LINEAR semantics. */
    Interp1dData withVectorLinear(boolean v) {
        return v == vectorLinear ? this : new Interp1dData(x, y, m, kind, v);
    }

    // ------------------------------------------------------------------------------------------------
    // scalar evaluation (m == 1)

    double value1(double q, OutOfRange mode, OutOfRange.Kind mk, double[] work) {
        if (q != q) {
            return Double.NaN;
        }
        if (q < lo || q > hi) {
            switch (mk) {
                case RAISE:
                    throw new OutOfRangeException(q, lo, hi);
                case NAN:
                    return Double.NaN;
                case FILL:
                    return q < lo ? mode.below() : mode.above();
                case CLAMP:
                    q = q < lo ? lo : hi;
                    break;
                case PERIODIC:
                    q = lo + SplineCore.pyMod(q - lo, hi - lo);
                    if (q != q) {
                        return Double.NaN;
                    }
                    break;
                default:
                    return extrapolated1(q, work);
            }
        }
        switch (eff) {
            case LINEAR:
                if (vectorLinear || mk == OutOfRange.Kind.EXTRAPOLATE) {
                    return callLinear1(q);
                }
                return npInterp(q);
            case NEAREST:
                return y[Math.min(bounds.countLess(q), n - 1)];
            case NEAREST_UP:
                return y[Math.min(bounds.countLessOrEqual(q), n - 1)];
            case PREVIOUS:
                return y[Math.max(xs.countLessOrEqual(q), 1) - 1];
            case NEXT:
                return y[Math.min(xs.countLess(q), n - 1)];
            default:
                return nanSpline ? Double.NaN : spline.value(q, 0, work);
        }
    }

    private double extrapolated1(double q, double[] work) {
        switch (eff) {
            case LINEAR:
                return callLinear1(q);
            case NEAREST:
                return y[Math.min(bounds.countLess(q), n - 1)];
            case NEAREST_UP:
                return y[Math.min(bounds.countLessOrEqual(q), n - 1)];
            case PREVIOUS:
                return q < lo ? Double.NaN : y[n - 1];
            case NEXT:
                return q < lo ? y[0] : Double.NaN;
            default:
                return nanSpline ? Double.NaN : spline.value(q, 0, work);
        }
    }

    /** numpy.interp inside {@code [lo, hi]}. */
    double npInterp(double q) {
        if (q >= hi) {
            return y[n - 1];
        }
        return npInterpAt(q, xs.interval(q));
    }

    /** numpy.interp for {@code lo <= q < hi} in interval {@code j} (one column). */
    double npInterpAt(double q, int j) {
        final double[] p = packed;
        double xj = x[j];
        double yj = p[2 * j];
        if (xj == q) {
            return yj;
        }
        double s = p[2 * j + 1];
        double r = s * (q - xj) + yj;
        if (r != r) {
            double y1 = p[2 * j + 2];
            r = s * (q - x[j + 1]) + y1;
            if (r != r && yj == y1) {
                r = yj;
            }
        }
        return r;
    }

    /** scipy interp1d._call_linear for one column. */
    private double callLinear1(double q) {
        if (n < 2) {
            return Double.NaN;
        }
        int i = Math.min(Math.max(xs.countLess(q), 1), n - 1) - 1;
        return slope[i] * (q - x[i]) + y[i];
    }

    // ------------------------------------------------------------------------------------------------
    // multi-column evaluation

    void values(double q, OutOfRange mode, OutOfRange.Kind mk, double[] out, int off, double[] work) {
        if (q != q) {
            Arrays.fill(out, off, off + m, Double.NaN);
            return;
        }
        if (q < lo || q > hi) {
            switch (mk) {
                case RAISE:
                    throw new OutOfRangeException(q, lo, hi);
                case NAN:
                    Arrays.fill(out, off, off + m, Double.NaN);
                    return;
                case FILL:
                    Arrays.fill(out, off, off + m, q < lo ? mode.below() : mode.above());
                    return;
                case CLAMP:
                    q = q < lo ? lo : hi;
                    break;
                case PERIODIC:
                    q = lo + SplineCore.pyMod(q - lo, hi - lo);
                    if (q != q) {
                        Arrays.fill(out, off, off + m, Double.NaN);
                        return;
                    }
                    break;
                default:
                    extrapolatedRow(q, out, off, work);
                    return;
            }
        }
        switch (eff) {
            case LINEAR:
                if (vectorLinear || mk == OutOfRange.Kind.EXTRAPOLATE || m > 1) {
                    callLinearRow(q, out, off);
                } else {
                    out[off] = npInterp(q);
                }
                return;
            case NEAREST:
                copyRow(Math.min(bounds.countLess(q), n - 1), out, off);
                return;
            case NEAREST_UP:
                copyRow(Math.min(bounds.countLessOrEqual(q), n - 1), out, off);
                return;
            case PREVIOUS:
                copyRow(Math.max(xs.countLessOrEqual(q), 1) - 1, out, off);
                return;
            case NEXT:
                copyRow(Math.min(xs.countLess(q), n - 1), out, off);
                return;
            default:
                splineRow(q, out, off, work);
        }
    }

    private void extrapolatedRow(double q, double[] out, int off, double[] work) {
        switch (eff) {
            case LINEAR:
                callLinearRow(q, out, off);
                return;
            case NEAREST:
                copyRow(Math.min(bounds.countLess(q), n - 1), out, off);
                return;
            case NEAREST_UP:
                copyRow(Math.min(bounds.countLessOrEqual(q), n - 1), out, off);
                return;
            case PREVIOUS:
                if (q < lo) {
                    Arrays.fill(out, off, off + m, Double.NaN);
                } else {
                    copyRow(n - 1, out, off);
                }
                return;
            case NEXT:
                if (q < lo) {
                    copyRow(0, out, off);
                } else {
                    Arrays.fill(out, off, off + m, Double.NaN);
                }
                return;
            default:
                splineRow(q, out, off, work);
        }
    }

    private void splineRow(double q, double[] out, int off, double[] work) {
        if (nanSpline) {
            Arrays.fill(out, off, off + m, Double.NaN);
        } else {
            spline.values(q, out, off, work);
        }
    }

    private void copyRow(int i, double[] out, int off) {
        System.arraycopy(y, i * m, out, off, m);
    }

    private void callLinearRow(double q, double[] out, int off) {
        if (n < 2) {
            Arrays.fill(out, off, off + m, Double.NaN);
            return;
        }
        int i = Math.min(Math.max(xs.countLess(q), 1), n - 1) - 1;
        double d = q - x[i];
        int b = i * m;
        for (int j = 0; j < m; j++) {
            out[off + j] = slope[b + j] * d + y[b + j];
        }
    }

    /** Work-array length for evaluation. */
    int workLength() {
        return spline == null ? 0 : spline.k + 1;
    }

    // ------------------------------------------------------------------------------------------------
    // derivative

    /**
     * The derivative core for the spline kinds, and for LINEAR with distinct abscissae (through the equal
     * degree-1 spline).
     *
     * @throws UnsupportedOperationException for the piecewise-constant kinds and LINEAR with duplicates
     */
    SplineCore derivativeCore(int order) {
        SplineCore base;
        boolean nan = nanSpline;
        switch (eff) {
            case LINEAR:
                if (!distinct) {
                    throw new UnsupportedOperationException("derivative of a LINEAR Interp1d with repeated x values is"
                            + " undefined (the function jumps at a repeated abscissa)");
                }
                base = BSpline.fit(x, y, m, 1, BSpline.Conditions.none()).core;
                break;
            case NEAREST:
            case NEAREST_UP:
            case PREVIOUS:
            case NEXT:
                throw new UnsupportedOperationException("derivative of a piecewise-constant Interp1d (" + kind
                        + ") is not supported: it is zero between the data and undefined at the jumps");
            default:
                base = spline;
                break;
        }
        SplineCore d = base.derivative(order);
        if (nan) {
            double[] c = new double[d.c.length];
            Arrays.fill(c, Double.NaN);
            d = new SplineCore(d.t, c, d.k, d.m);
        }
        return d;
    }
}
