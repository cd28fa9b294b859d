package io.github.interp4j.interpolate;

import io.github.interp4j.interpolate.internal.search.SortedSearch;
import io.github.interp4j.interpolate.internal.spline.InterpSpline;
import io.github.interp4j.interpolate.internal.spline.SplineCore;
import io.github.interp4j.interpolate.internal.validation.Validation;

import java.util.Arrays;

/**
 * The fitted tables of an {@link Interp1d} with {@code m} value columns (validated, sorted data, slopes,
 * midpoints, or the interpolating spline) and its evaluation at an abscissa that the out-of-range policy has
 * already settled, for every kind, reproducing scipy's {@code interp1d} call paths:
 * <ul>
 *   <li>LINEAR, 1-D {@code y} (not made from columns), not extrapolating: {@code numpy.interp} (exact
 *       {@code y[j]} at a knot, the last of equal abscissae wins, NaN results retried from the right end of
 *       the interval);</li>
 *   <li>LINEAR extrapolating, or made from columns (scipy's 2-D {@code y}, even for one column):
 *       {@code interp1d._call_linear} ({@code searchsorted(x, q, 'left')} clipped to {@code [1, n-1]},
 *       {@code slope * (q - x[lo]) + y[lo]});</li>
 *   <li>NEAREST / NEAREST_UP: {@code searchsorted} of the midpoints {@code x[i]/2 + x[i+1]/2}, side left /
 *       right;</li>
 *   <li>PREVIOUS / NEXT: the last {@code x[j] <= q} / the first {@code x[j] >= q};</li>
 *   <li>spline kinds: {@code make_interp_spline(x, y, k)} (k = 0, 1, 2, 3); for k >= 2 a NaN anywhere in
 *       {@code y} makes every in-range (and extrapolated) value NaN, as scipy (and every column NaN, however
 *       the column was taken out).</li>
 * </ul>
 * The evaluation writes {@code m} values per query; a single-column interpolant is the case {@code m = 1}.
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
    /** Made from columns (scipy's 2-D {@code y}): LINEAR evaluates with {@code _call_linear} whatever the mode. */
    final boolean twoD;
    final double lo;
    final double hi;
    final SortedSearch xs;
    final double[] slope; // LINEAR: (n - 1) * m
    /** LINEAR, 1-D y: {@code packed[2j] = y[j]}, {@code packed[2j+1] = slope[j]} - one cache line per query. */
    final double[] packed;
    /**
     * The kinds that copy a {@code y} row find it as {@code count - rowShift} with {@code count} the number of
     * {@code rowSearch} values below {@code q} ({@code rowInclusive}: at or below): the midpoints for NEAREST
     * (below) and NEAREST_UP (at or below), {@code x} for PREVIOUS (at or below, shift 1) and NEXT (below).
     */
    final SortedSearch rowSearch;
    final boolean rowInclusive;
    final int rowShift;
    final SplineCore spline; // spline kinds
    final boolean nanSpline;
    final boolean distinct; // x strictly increasing

    private Interp1dData(double[] x, double[] y, int m, Interp1d.Kind kind, boolean twoD, boolean nanForced) {
        this.x = x;
        this.y = y;
        this.m = m;
        this.n = x.length;
        this.kind = kind;
        this.twoD = twoD;
        this.lo = x[0];
        this.hi = x[n - 1];
        this.distinct = strictlyIncreasing(x);
        this.eff = kind == Interp1d.Kind.ZERO && n == 1 ? Interp1d.Kind.NEAREST : kind;
        this.xs = new SortedSearch(x);
        this.slope = eff == Interp1d.Kind.LINEAR && n >= 2 ? slopes(x, y, m) : null;
        this.packed = slope != null && !twoD ? packed(y, slope) : null;
        boolean nearest = eff == Interp1d.Kind.NEAREST || eff == Interp1d.Kind.NEAREST_UP;
        this.rowSearch = nearest ? midpoints(x) : xs;
        this.rowInclusive = eff == Interp1d.Kind.NEAREST_UP || eff == Interp1d.Kind.PREVIOUS;
        this.rowShift = eff == Interp1d.Kind.PREVIOUS ? 1 : 0;
        boolean spl = eff.isSpline();
        this.nanSpline = spl && eff.order() > 1 && (nanForced || hasNaN(y));
        this.spline = spl ? InterpSpline.fit(x, nanSpline ? ones(y.length) : y, m, eff.order(),
                InterpSpline.Conditions.none()).core : null;
    }

    /** The segment slopes {@code (y[i+1] - y[i]) / (x[i+1] - x[i])}, every column. */
    private static double[] slopes(double[] x, double[] y, int m) {
        int n = x.length;
        double[] s = new double[Validation.checkedSize("Interp1d slopes", n - 1, m)];
        for (int i = 0; i < n - 1; i++) {
            double dx = x[i + 1] - x[i];
            for (int j = 0; j < m; j++) {
                s[i * m + j] = (y[(i + 1) * m + j] - y[i * m + j]) / dx;
            }
        }
        return s;
    }

    /** {@code (y[j], slope[j])} pairs of one column, the last slope NaN. */
    private static double[] packed(double[] y, double[] s) {
        int n = y.length;
        double[] pk = new double[Validation.checkedSize("Interp1d packed data", 2, n)];
        for (int i = 0; i < n - 1; i++) {
            pk[2 * i] = y[i];
            pk[2 * i + 1] = s[i];
        }
        pk[2 * (n - 1)] = y[n - 1];
        pk[2 * (n - 1) + 1] = Double.NaN;
        return pk;
    }

    /** scipy's midpoints {@code x[i]/2 + x[i+1]/2} of the nearest kinds. */
    private static SortedSearch midpoints(double[] x) {
        int n = x.length;
        double[] half = new double[n];
        for (int i = 0; i < n; i++) {
            half[i] = x[i] / 2.0;
        }
        double[] mids = new double[Math.max(0, n - 1)];
        for (int i = 0; i < n - 1; i++) {
            mids[i] = half[i + 1] + half[i];
        }
        return new SortedSearch(mids);
    }

    private static boolean strictlyIncreasing(double[] x) {
        for (int i = 1; i < x.length; i++) {
            if (!(x[i] > x[i - 1])) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasNaN(double[] y) {
        for (double v : y) {
            if (v != v) {
                return true;
            }
        }
        return false;
    }

    /** scipy fits quadratic and cubic splines to NaN data as to ones, then answers NaN everywhere. */
    private static double[] ones(int len) {
        double[] o = new double[len];
        Arrays.fill(o, 1.0);
        return o;
    }

    /**
     * Validates and sorts ({@code numpy.argsort(kind='mergesort')}, stable) the data.
     *
     * @param method    name for messages
     * @param x         abscissae (not modified)
     * @param y         ordinates, {@code n * m} row-major (not modified)
     * @param m         columns, at least 1
     * @param kind      the kind
     * @param sorted    scipy's {@code assume_sorted}: then {@code x} must be non-decreasing
     * @param twoD      see the field
     * @param nanForced the spline kinds of degree 2 and 3 give NaN whatever {@code y} holds (a column of data
     *                  with a NaN in another column)
     * @return the data
     */
    static Interp1dData build(String method, double[] x, double[] y, int m, Interp1d.Kind kind, boolean sorted,
                              boolean twoD, boolean nanForced) {
        Validation.requireNonNull(kind, "kind");
        int n = x.length;
        if (m < 1 || (long) n * m != y.length || (m > 1 && !twoD)) {
            throw new IllegalArgumentException("y must hold x.length = " + n + " rows of " + m + " columns"
                    + (twoD ? "" : " (1-D y: one column)") + ", has " + y.length + " values");
        }
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
        return new Interp1dData(xs, ys, m, kind, twoD, nanForced);
    }

    /**
     * Column {@code j} as single-column data with this data's semantics (2-D LINEAR, NaN spline), refitted:
     * the fit of one column is the same arithmetic as that column in the fit of all, so the values are equal
     * bit for bit. O(n) (plus the O(n) banded fit for the spline kinds).
     *
     * @param j the column
     * @return the column's data
     */
    Interp1dData column(int j) {
        return new Interp1dData(x, ColumnLayout.column(y, m, j), 1, kind, twoD, nanSpline);
    }

    // ------------------------------------------------------------------------------------------------
    // evaluation

    /**
     * The single column at {@code q}, an abscissa the out-of-range policy has settled: inside
     * {@code [lo, hi]}, or outside only when extrapolating (where PREVIOUS gives NaN below and NEXT NaN above,
     * as scipy). Requires {@code m == 1}; allocates nothing.
     *
     * @param q        the abscissa, not NaN
     * @param npLinear LINEAR answers with {@code numpy.interp} (1-D y, not extrapolating; then {@code q} is in
     *                 range)
     * @param work     at least {@link #workLength()} doubles (may be null when that is 0)
     * @return the value
     */
    double value(double q, boolean npLinear, double[] work) {
        if (eff == Interp1d.Kind.LINEAR) {
            return npLinear ? npInterp(q) : linear(segment(q), q, 0);
        }
        if (spline != null) {
            return nanSpline ? Double.NaN : spline.value(q, 0, work);
        }
        int r = row(q);
        return r >= 0 && r < n ? y[r] : Double.NaN;
    }

    /**
     * Every column at {@code q}, settled as for {@link #value(double, boolean, double[])}: the same formulas,
     * with one search for all columns.
     *
     * @param q        the abscissa, not NaN
     * @param npLinear as {@link #value(double, boolean, double[])}
     * @param out      receives column j at {@code out[off + j]}
     * @param off      offset into {@code out}
     * @param work     at least {@link #workLength()} doubles (may be null when that is 0)
     */
    void values(double q, boolean npLinear, double[] out, int off, double[] work) {
        if (m == 1) {
            out[off] = value(q, npLinear, work);
        } else if (eff == Interp1d.Kind.LINEAR) {
            int i = segment(q);
            for (int j = 0; j < m; j++) {
                out[off + j] = linear(i, q, j);
            }
        } else if (spline != null) {
            if (nanSpline) {
                Arrays.fill(out, off, off + m, Double.NaN);
            } else {
                spline.values(q, out, off, work);
            }
        } else {
            int r = row(q);
            if (r >= 0 && r < n) {
                System.arraycopy(y, r * m, out, off, m);
            } else {
                Arrays.fill(out, off, off + m, Double.NaN);
            }
        }
    }

    /**
     * The data row answering {@code q} for the kinds that copy a {@code y} row: NEAREST / NEAREST_UP by the
     * midpoints (always a row: there are {@code n - 1} of them), PREVIOUS the last {@code x[j] <= q}, NEXT the
     * first {@code x[j] >= q}; -1 (PREVIOUS below the data) or {@code n} (NEXT above) when there is none.
     */
    private int row(double q) {
        return (rowInclusive ? rowSearch.countLessOrEqual(q) : rowSearch.countLess(q)) - rowShift;
    }

    /**
     * scipy's {@code _call_linear} segment: {@code searchsorted(x, q, 'left')} clipped to {@code [1, n-1]},
     * minus 1; -1 for a single point.
     */
    private int segment(double q) {
        return n < 2 ? -1 : Math.min(Math.max(xs.countLess(q), 1), n - 1) - 1;
    }

    /** {@code slope * (q - x[i]) + y[i]} of column {@code j} on segment {@code i}; NaN without a segment. */
    private double linear(int i, double q, int j) {
        if (i < 0) {
            // A single point: its value there (as the 1-D form, numpy.interp, gives; scipy's 2-D path divides
            // 0 by 0), NaN elsewhere as scipy (a line through one point has no slope).
            return q == x[0] ? y[j] : Double.NaN;
        }
        double r = slope[i * m + j] * (q - x[i]) + y[i * m + j];
        return r - r == 0.0 ? r : overflowFreeLinear(i, q, y[i * m + j], y[(i + 1) * m + j], r);
    }

    /**
     * The segment value when the slope form over- or underflowed (a slope or {@code x[i+1] - x[i]} beyond the
     * double range, e.g. {@code y} alternating +-1e308): the weighted mean {@code y0 (1 - w) + y1 w} with
     * {@code w = (q - x[i]) / (x[i+1] - x[i])} taken on halved abscissae, which cannot overflow inside the
     * segment. Returns {@code r} (NaN data stay NaN) when the data are not finite.
     */
    private double overflowFreeLinear(int i, double q, double y0, double y1, double r) {
        if (y0 - y0 != 0.0 || y1 - y1 != 0.0) {
            return r;
        }
        double x0 = x[i];
        double x1 = x[i + 1];
        if (!(x1 > x0)) {
            // Repeated abscissae: scipy's infinite slope is the documented answer, except at the repeated
            // abscissa itself, where 0 * Infinity is NaN: there the last of the repeated values, as the 1-D form.
            return r != r && q == x0 ? y1 : r;
        }
        double w = x1 - x0 < Double.POSITIVE_INFINITY ? (q - x0) / (x1 - x0)
                : (0.5 * q - 0.5 * x0) / (0.5 * x1 - 0.5 * x0);
        if (w != w) {
            return r;
        }
        return y0 * (1 - w) + y1 * w;
    }

    /** numpy.interp inside {@code [lo, hi]} (one column). */
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
        return r - r == 0.0 ? r : overflowFreeLinear(j, q, yj, p[2 * j + 2], r);
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
        switch (eff) {
            case LINEAR:
                if (!distinct) {
                    throw new UnsupportedOperationException("derivative of a LINEAR Interp1d with repeated x values is"
                            + " undefined (the function jumps at a repeated abscissa)");
                }
                base = InterpSpline.fit(x, y, m, 1, InterpSpline.Conditions.none()).core;
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
        if (nanSpline) {
            double[] c = new double[d.c.length];
            Arrays.fill(c, Double.NaN);
            d = new SplineCore(d.t, c, d.k, d.m);
        }
        return d;
    }
}
