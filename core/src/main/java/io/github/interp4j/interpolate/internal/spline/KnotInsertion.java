package io.github.interp4j.interpolate.internal.spline;

import io.github.interp4j.interpolate.internal.validation.Validation;

import java.util.Arrays;

/**
 * Knot insertion (Boehm's algorithm), the port of scipy's {@code BSpline.insert_knot} / {@code _insert}
 * (itself a port of Dierckx's FITPACK {@code insert}): a knot {@code x} is inserted {@code mult} times, one
 * at a time, into a spline with {@code m} value columns; the function is unchanged (up to rounding).
 *
 * <p>One insertion at {@code x} with interval {@code l} ({@code t[l] <= x < t[l+1]} in the base interval,
 * moved one to the left when {@code t[l] == t[l+k+1]}, a knot of multiplicity above {@code k + 1}):
 * new knots {@code [t[..l], x, t[l+1..]]}, coefficients {@code c'[i] = c[i]} for {@code i <= l - k},
 * {@code c'[i] = f c[i] + (1 - f) c[i-1]} with {@code f = (x - t'[i]) / (t'[i+k+1] - t'[i])} for
 * {@code l - k < i <= l}, and {@code c'[i] = c[i-1]} beyond. For a periodic spline the boundary knots and
 * coefficients are made periodic again as FITPACK does (and at least {@code k} interior knots must lie on
 * one side of {@code x}).
 *
 * <p>Complexity: O(mult (t.length + rows m)) time (each insertion shifts the knots and coefficients after
 * {@code x}, never the ones inserted before), O(t.length + mult + (rows + mult) m) memory, checked up front.
 * Thread-safety: stateless.
 */
public final class KnotInsertion {
    private KnotInsertion() {}

    /**
     * Inserts {@code x} {@code mult} times.
     *
     * @param core     the spline (not modified)
     * @param x        the knot, {@code t[k] <= x <= t[n]} (checked by the caller)
     * @param mult     how many times, at least 1 (checked by the caller)
     * @param periodic whether to keep the periodic boundary constraints (scipy {@code extrapolate='periodic'})
     * @return the new spline's core (same degree and columns)
     * @throws IllegalArgumentException if periodic and fewer than {@code k} interior knots lie on either side
     *                                  of {@code x}, or the result does not fit in an array
     */
    public static SplineCore insert(SplineCore core, double x, int mult, boolean periodic) {
        int k = core.k;
        int m = core.m;
        int len = core.t.length;
        int rows = core.rows();
        // Work in arrays of the final size; each insertion shifts only the knots and coefficients after x.
        double[] t = Arrays.copyOf(core.t, Validation.checkedSize("knots after insertion", 1, (long) len + mult));
        double[] c = Arrays.copyOf(core.c, Validation.checkedSize("coefficients after insertion",
                (long) rows + mult, m));
        for (int r = 0; r < mult; r++, len++, rows++) {
            int interval = find(t, len, k, x);
            if (t[interval] == t[interval + k + 1]) {
                interval -= 1;
            }
            if (periodic && interval + 1 <= 2 * k && interval + 1 >= len - 2 * k) {
                throw new IllegalArgumentException("Not enough internal knots: a periodic spline needs at least k = "
                        + k + " interior knots on one side of x = " + x + " to insert it");
            }
            System.arraycopy(t, interval + 1, t, interval + 2, len - interval - 1);
            t[interval + 1] = x;
            System.arraycopy(c, interval * m, c, (interval + 1) * m, (rows - interval) * m);
            // in place, downwards: c[i] and c[i - 1] are still the old coefficients when c[i] is written
            for (int i = interval; i > interval - k; i--) {
                double width = t[i + k + 1] - t[i];
                // a B-spline of empty support (x inserted where k + 1 knots already coincide, as at an end of
                // the base interval) is zero: keep its coefficient rather than scipy's 0/0 = NaN
                double fac = width > 0.0 ? (x - t[i]) / width : 1.0;
                // i - 1 < 0 only after a knot of multiplicity above k + 1 at t[k]: scipy's c[-1], the old last row
                int prev = i - 1 >= 0 ? (i - 1) * m : rows * m;
                for (int j = 0; j < m; j++) {
                    c[i * m + j] = fac * c[i * m + j] + (1.0 - fac) * c[prev + j];
                }
            }
            if (periodic) {
                makePeriodic(t, len + 1, c, k, m, interval);
            }
        }
        return new SplineCore(t, c, k, m);
    }

    /** FITPACK's boundary constraints of a periodic spline after an insertion on interval {@code interval}. */
    private static void makePeriodic(double[] tt, int n, double[] cc, int k, int m, int interval) {
        int nk = n - k - 1;
        int n2k = n - 2 * k - 1;
        double period = tt[nk] - tt[k];
        if (interval >= nk - k) {
            for (int i = 0; i < k; i++) {
                tt[i] = tt[nk - k + i] - period;
            }
            System.arraycopy(cc, n2k * m, cc, 0, k * m);
        }
        if (interval <= 2 * k - 1) {
            for (int i = 0; i < k; i++) {
                tt[n - k + i] = tt[k + 1 + i] + period;
            }
            System.arraycopy(cc, 0, cc, n2k * m, k * m);
        }
    }

    /**
     * scipy's {@code find_interval(t, k, x, k, extrapolate=False)} on the first {@code len} knots, for {@code x} in
     * the base interval:
     * {@code l} in {@code [k, n - 1]} with {@code t[l] <= x < t[l+1]}, {@code n - 1} at {@code x = t[n]}. O(log n).
     */
    static int find(double[] t, int len, int k, double x) {
        int n = len - k - 1;
        if (x >= t[n]) {
            return n - 1;
        }
        // the last l in [k, n - 1] with t[l] <= x
        int lo = k;
        int hi = n - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (t[mid] <= x) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
