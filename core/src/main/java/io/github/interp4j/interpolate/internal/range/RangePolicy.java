package io.github.interp4j.interpolate.internal.range;

import io.github.interp4j.interpolate.OutOfRange;
import io.github.interp4j.interpolate.OutOfRangeException;

/**
 * The one implementation of {@link OutOfRange} for an interval {@code [lo, hi]}: every 1-D interpolant,
 * and every axis of an N-D one, asks it what to do with a query. It maps a query either to the abscissa
 * at which to evaluate (the query itself, the nearer end, or the periodic wrap) or to a final answer
 * (NaN, a fill value, or an exception):
 *
 * <pre>{@code
 * double q = policy.adjust(t);                 // throws OutOfRangeException in raise mode
 * double v = q == q ? evaluate(q) : policy.answer(t);
 * }</pre>
 *
 * Hot loops keep their own {@code t >= lo && t <= hi} test and call the policy only for queries outside
 * (and for every query when {@link #wrapsInside()}: scipy's periodic mode maps {@code hi} to {@code lo}).
 *
 * <table>
 *   <caption>What each mode does with a query {@code t}</caption>
 *   <tr><th>mode</th><th>{@code t} in range</th><th>{@code t} outside</th><th>NaN</th></tr>
 *   <tr><td>extrapolate</td><td>evaluate at t</td><td>evaluate at t</td><td>NaN</td></tr>
 *   <tr><td>nan</td><td>evaluate at t</td><td>NaN</td><td>NaN</td></tr>
 *   <tr><td>raise</td><td>evaluate at t</td><td>throws</td><td>NaN</td></tr>
 *   <tr><td>clamp</td><td>evaluate at t</td><td>evaluate at the nearer end</td><td>NaN</td></tr>
 *   <tr><td>fill(b, a)</td><td>evaluate at t</td><td>b below, a above</td><td>NaN</td></tr>
 *   <tr><td>periodic</td><td>evaluate at {@code lo + (t - lo) % (hi - lo)}</td><td>same</td><td>NaN</td></tr>
 * </table>
 *
 * <p>Thread-safety: immutable.
 */
public final class RangePolicy {
    private final OutOfRange mode;
    private final OutOfRange.Kind kind;
    private final double lo;
    private final double hi;

    private RangePolicy(OutOfRange mode, double lo, double hi) {
        this.mode = mode;
        this.kind = mode.kind();
        this.lo = lo;
        this.hi = hi;
    }

    /**
     * @param mode the mode
     * @param lo   the left end of the range
     * @param hi   the right end, {@code hi >= lo}
     * @return the policy of {@code mode} on {@code [lo, hi]}
     * @throws NullPointerException if {@code mode} is null
     */
    public static RangePolicy of(OutOfRange mode, double lo, double hi) {
        if (mode == null) {
            throw new NullPointerException("mode");
        }
        return new RangePolicy(mode, lo, hi);
    }

    /** @return the mode */
    public OutOfRange mode() {
        return mode;
    }

    /** @return the mode's kind */
    public OutOfRange.Kind kind() {
        return kind;
    }

    /** @return the left end of the range */
    public double lo() {
        return lo;
    }

    /** @return the right end of the range */
    public double hi() {
        return hi;
    }

    /** @return true when queries inside the range are mapped too (periodic mode) */
    /**
     * scipy's periodic wrap into {@code [lo, hi)}; on a range of length 0 (all breakpoints equal) every query
     * maps to {@code lo}, the only point there is (Python's modulo by 0 would give NaN).
     */
    private double periodic(double t) {
        double period = hi - lo;
        if (period == Double.POSITIVE_INFINITY) {
            return periodBeyondRange(t);
        }
        if (hi > lo && t - t == 0.0 && (t - lo) - (t - lo) != 0.0) {
            // t - lo overflows (t and lo far apart, of opposite signs): reduce each modulo the period first
            return PyMath.wrap(lo + (PyMath.mod(t, period) - PyMath.mod(lo, period)), lo, period);
        }
        return hi > lo ? PyMath.wrap(t, lo, period) : t == t ? lo : t;
    }

    /**
     * The wrap when {@code hi - lo} overflows ({@code lo < 0 < hi}, the period above {@link Double#MAX_VALUE}):
     * every finite query is less than one period from the range, so at most one shift, formed without the
     * period itself; {@code hi} maps to {@code lo} as in scipy. NaN for an infinite query, as the finite case.
     */
    private double periodBeyondRange(double t) {
        if (t >= lo && t < hi) {
            return t;
        }
        if (t == hi) {
            return lo;
        }
        if (t - t != 0.0) {
            return Double.NaN;
        }
        return t < lo ? hi - (lo - t) : lo + (t - hi);
    }

    public boolean wrapsInside() {
        return kind == OutOfRange.Kind.PERIODIC;
    }

    /** @return true when every non-NaN query is evaluated at itself (extrapolate mode) */
    public boolean extrapolates() {
        return kind == OutOfRange.Kind.EXTRAPOLATE;
    }

    /**
     * The abscissa at which to evaluate {@code t}, or NaN when the answer is final ({@link #answer}).
     *
     * @param t the query, anywhere
     * @return {@code t}, the nearer end, the wrapped query, or NaN
     * @throws OutOfRangeException if {@code t} is outside {@code [lo, hi]} and the mode is raise
     */
    public double adjust(double t) {
        if (t >= lo && t <= hi) {
            return kind == OutOfRange.Kind.PERIODIC ? periodic(t) : t;
        }
        if (t != t) {
            return Double.NaN;
        }
        switch (kind) {
            case EXTRAPOLATE:
                return t;
            case RAISE:
                throw new OutOfRangeException(t, lo, hi);
            case CLAMP:
                return t < lo ? lo : hi;
            case PERIODIC:
                return periodic(t);
            default: // NAN, FILL: a final answer
                return Double.NaN;
        }
    }

    /**
     * As {@link #adjust(double)}, but a raise names the axis and the point of an N-D query.
     *
     * @param t     the coordinate
     * @param axis  its axis
     * @param point the index of the query point
     * @return as {@link #adjust(double)}
     * @throws io.github.interp4j.interpolate.RegularGridInterpolator.OutOfGridException if {@code t} is
     *         outside the axis range and the mode is raise
     */
    public double adjustOnAxis(double t, int axis, int point) {
        if (kind == OutOfRange.Kind.RAISE && !(t >= lo && t <= hi) && t == t) {
            throw new io.github.interp4j.interpolate.RegularGridInterpolator.OutOfGridException(t, lo, hi, axis, point);
        }
        return adjust(t);
    }

    /**
     * The final answer for a query that {@link #adjust(double)} mapped to NaN.
     *
     * @param t the query
     * @return the fill value of its side in fill mode; NaN otherwise (and for a NaN query)
     */
    public double answer(double t) {
        if (kind == OutOfRange.Kind.FILL && t == t) {
            return t < lo ? mode.below() : mode.above();
        }
        return Double.NaN;
    }
}
