package io.github.interp4j.interpolate.internal.poly;

import io.github.interp4j.interpolate.internal.search.IntervalIndex;

import io.github.interp4j.interpolate.internal.validation.Validation;

import java.util.Arrays;

/**
 * Operations on piecewise polynomials stored flat with m value columns: the one implementation behind
 * {@code PPoly} and the piecewise cubic interpolants, for m = 1 and m &gt; 1 alike (a column's numbers are
 * the same operations in the same order whatever m is, so a column of a multi-column table equals the
 * single-column table of its coefficients bit for bit).
 *
 * <p>Layout: {@code pieces = x.length - 1} intervals, {@code order = k + 1} coefficients per interval
 * and column, {@code cols} columns; the coefficient of {@code (t - x[i])^(k - j)} on interval {@code i}
 * for column {@code col} is {@code c[(i * order + j) * cols + col]} (highest power first, so Horner's
 * scheme reads it forwards). This is scipy's {@code c[j, i, col]} with the interval made the slowest
 * index: all the numbers needed for one query are contiguous.
 *
 * <p>Thread-safety: stateless.
 */
public final class PPolyKernel {
    private PPolyKernel() {}

    /**
     * The value of one local polynomial, in scipy's operation order ({@code evaluate_poly1} with
     * {@code dx = 0}): {@code ((0 + c[k]) + c[k-1] t) + c[k-2] t^2 + ...} with the powers
     * accumulated as {@code z *= t}. Same cost as Horner's scheme (more independent multiplications,
     * a shorter dependency chain) and bit-for-bit scipy's result for the same coefficients, which
     * matters on ill-conditioned pieces where any two evaluation orders differ by rounding.
     *
     * @param c      coefficients
     * @param base   index of the leading coefficient
     * @param order  number of coefficients
     * @param stride distance between successive coefficients (the number of columns)
     * @param t      local coordinate {@code x - x[i]}
     * @return the polynomial's value
     */
    public static double value(double[] c, int base, int order, int stride, double t) {
        int p = base + (order - 1) * stride;
        double res = 0.0 + c[p];
        double z = 1.0;
        for (int kp = 1; kp < order; kp++) {
            z *= t;
            p -= stride;
            res = res + c[p] * z;
        }
        return res;
    }

    /**
     * The values of every column of one interval's polynomials, {@code out[off + col] =
     * value(c, base + col, order, cols, t)} bit for bit, computed row by row (one pass over the contiguous
     * coefficients of the interval). O(order * cols), no allocation.
     *
     * @param c     coefficients
     * @param base  index of the interval's first coefficient, {@code i * order * cols}
     * @param order number of coefficients per column
     * @param cols  number of columns
     * @param t     local coordinate {@code x - x[i]}
     * @param out   receives the values
     * @param off   index of column 0 in {@code out}
     */
    public static void values(double[] c, int base, int order, int cols, double t, double[] out, int off) {
        int row = base + (order - 1) * cols;
        for (int j = 0; j < cols; j++) {
            out[off + j] = 0.0 + c[row + j];
        }
        double z = 1.0;
        for (int p = 1; p < order; p++) {
            z *= t;
            row -= cols;
            for (int j = 0; j < cols; j++) {
                out[off + j] = out[off + j] + c[row + j] * z;
            }
        }
    }

    /**
     * The {@code dx}-th derivative ({@code dx >= 0}) or, for {@code dx < 0}, the {@code -dx}-th
     * antiderivative with zero integration constants, of one local polynomial, in scipy's operation
     * order ({@code evaluate_poly1}): terms {@code c * z * prefactor} summed from the lowest power, with
     * {@code prefactor} the falling factorial (derivative) or the reciprocal rising factorial
     * (antiderivative). O(order * |dx|).
     *
     * @param c      coefficients
     * @param base   index of the leading coefficient
     * @param order  number of coefficients
     * @param stride distance between successive coefficients
     * @param t      local coordinate
     * @param dx     derivative order, or minus the antiderivative order
     * @return the value
     */
    public static double evaluate(double[] c, int base, int order, int stride, double t, int dx) {
        if (dx == 0) {
            return value(c, base, order, stride, t);
        }
        double res = 0.0;
        double z = 1.0;
        for (int k = 0; k < -dx; k++) {
            z *= t;
        }
        for (int kp = 0; kp < order; kp++) {
            double prefactor = 1.0;
            if (dx > 0) {
                if (kp < dx) {
                    continue;
                }
                for (int k = kp; k > kp - dx; k--) {
                    prefactor *= k;
                }
            } else {
                for (int k = kp; k < kp - dx; k++) {
                    prefactor /= k + 1;
                }
            }
            res = res + c[base + (order - kp - 1) * stride] * z * prefactor;
            if (kp < order - 1 && kp >= dx) {
                z *= t;
            }
        }
        return res;
    }

    /** Rising factorial {@code z (z + 1) ... (z + m - 1)} (scipy {@code poch(z, m)}) for small integers. */
    static double poch(int z, int m) {
        double r = 1.0;
        for (int q = 0; q < m; q++) {
            r *= z + q;
        }
        return r;
    }

    /**
     * The value {@code sum_k c_k s^k} when scipy's power form ({@link #value}) gave a non-finite result from
     * finite coefficients because a power {@code s^k} overflowed (a wide interval, e.g. 2^1020; then
     * {@code 0 * Infinity} is NaN and a tiny coefficient times an infinite power is infinite). Each term is
     * formed as {@code (c_k m^k) 2^(k e)} with {@code s = m 2^e}, {@code 1 <= |m| < 2}, the mantissa powers
     * renormalised, so only a term that is itself beyond the double range is infinite. Terms are added from
     * the lowest power, as the power form. O(order).
     *
     * @param c      coefficients
     * @param base   index of the leading coefficient
     * @param order  number of coefficients
     * @param stride distance between successive coefficients
     * @param s      local coordinate
     * @param r      the power form's result, returned when a coefficient or {@code s} is not finite
     * @return the value; an infinity of the right sign when it is beyond the double range (callers raise
     *         {@link #valueOverflow} for in-range queries)
     */
    public static double robustValue(double[] c, int base, int order, int stride, double s, double r) {
        if (s - s != 0.0) {
            return r;
        }
        int e = 0;
        double m = s;
        if (s != 0.0) {
            e = Math.getExponent(s);
            if (e < Double.MIN_EXPONENT) {
                e = Math.getExponent(s * 0x1p54) - 54;
            }
            m = Math.scalb(s, -e);
        }
        double res = 0.0;
        double z = 1.0; // m^k times 2^-zExp
        long zExp = 0;
        for (int kp = 0; kp < order; kp++) {
            double ck = c[base + (order - 1 - kp) * stride];
            if (ck - ck != 0.0) {
                return r;
            }
            if (ck != 0.0) {
                long ex = zExp + (long) kp * e;
                res += Math.scalb(ck * z, (int) Math.max(-4000, Math.min(4000, ex)));
            }
            z *= m;
            int ze = Math.getExponent(z);
            if (ze > 64 || ze < -64) {
                z = Math.scalb(z, -ze);
                zExp += ze;
            }
        }
        if (res != res) {
            // two terms overflowed with opposite signs: the highest non-zero one dominates
            for (int kp = order - 1; kp >= 0; kp--) {
                double ck = c[base + (order - 1 - kp) * stride];
                if (ck != 0.0) {
                    double sign = Math.signum(ck) * ((kp & 1) == 1 && s < 0 ? -1 : 1);
                    return sign * Double.POSITIVE_INFINITY;
                }
            }
        }
        return res;
    }

    /**
     * @param s     the local coordinate
     * @param order the number of coefficients
     * @return the error for an in-range value beyond the double range
     */
    public static ArithmeticException valueOverflow(double s, int order) {
        return new ArithmeticException("piecewise polynomial: the value sum c_k s^k at s = x - x[i] = " + s
                + " (order " + order + ") is beyond the double range");
    }

    /**
     * The largest antiderivative order {@code nu} whose divisors {@code poch(order - j, nu)} are all finite
     * (the largest is {@code poch(order, nu)}); beyond it every coefficient would be divided by infinity.
     * O(170) at most.
     *
     * @param order coefficients per interval, at least 1
     * @return the bound, at least 0
     */
    public static int maxAntiderivativeOrder(int order) {
        double r = 1.0;
        int nu = 0;
        while (true) {
            r *= (double) order + nu;
            if (r == Double.POSITIVE_INFINITY) {
                return nu;
            }
            nu++;
        }
    }

    /**
     * Coefficients of the {@code nu}-th derivative (scipy {@code PPoly.derivative}): order
     * {@code max(order - nu, 1)}; all zero when {@code nu >= order}.
     *
     * @param c      flat coefficients
     * @param pieces number of intervals
     * @param order  coefficients per interval and column
     * @param cols   number of columns
     * @param nu     derivative order, at least 0
     * @return the new flat coefficients; the new order is {@code max(order - nu, 1)}
     */
    public static double[] derivative(double[] c, int pieces, int order, int cols, int nu) {
        if (nu == 0) {
            return c.clone();
        }
        int order2 = order - nu;
        if (order2 <= 0) {
            return new double[Validation.checkedSize("derivative coefficients", pieces, cols)];
        }
        double[] factor = new double[order2];
        for (int j = 0; j < order2; j++) {
            factor[j] = poch(order2 - j, nu);
        }
        double[] out = new double[Validation.checkedSize("derivative coefficients", (long) pieces * order2, cols)];
        for (int i = 0; i < pieces; i++) {
            for (int j = 0; j < order2; j++) {
                int src = (i * order + j) * cols;
                int dst = (i * order2 + j) * cols;
                for (int col = 0; col < cols; col++) {
                    out[dst + col] = c[src + col] * factor[j];
                }
            }
        }
        return out;
    }

    /**
     * Coefficients of the {@code nu}-th antiderivative (scipy {@code PPoly.antiderivative}): order
     * {@code order + nu}, zero with its first {@code nu - 1} derivatives at {@code x[0]} and made
     * continuous (with those derivatives) at every breakpoint, interval by interval.
     *
     * @param x      breakpoints
     * @param c      flat coefficients
     * @param pieces number of intervals
     * @param order  coefficients per interval and column
     * @param cols   number of columns
     * @param nu     antiderivative order, at least 1
     * @return the new flat coefficients; the new order is {@code order + nu}
     * @throws IllegalArgumentException if the result would not fit in an array
     */
    public static double[] antiderivative(double[] x, double[] c, int pieces, int order, int cols, int nu) {
        int order2 = order + nu;
        double[] out = new double[Validation.checkedSize("antiderivative coefficients", (long) pieces * order2, cols)];
        double[] factor = new double[order];
        for (int j = 0; j < order; j++) {
            factor[j] = poch(order - j, nu);
        }
        for (int i = 0; i < pieces; i++) {
            for (int j = 0; j < order; j++) {
                int src = (i * order + j) * cols;
                int dst = (i * order2 + j) * cols;
                for (int col = 0; col < cols; col++) {
                    out[dst + col] = c[src + col] / factor[j];
                }
            }
        }
        // Continuity of the derivatives of order nu - 1 .. 0 across each breakpoint (scipy fix_continuity):
        // the highest first, as the lower ones depend on it.
        for (int i = 1; i < pieces; i++) {
            double h = x[i] - x[i - 1];
            for (int col = 0; col < cols; col++) {
                for (int dx = nu - 1; dx >= 0; dx--) {
                    double res = evaluate(out, (i - 1) * order2 * cols + col, order2, cols, h, dx);
                    for (int kp = 0; kp < dx; kp++) {
                        res /= kp + 1;
                    }
                    out[(i * order2 + order2 - dx - 1) * cols + col] = res;
                }
            }
        }
        return out;
    }

    /**
     * The integral over {@code [a, b]}, {@code a <= b}, of column {@code col}, continuing the end
     * pieces outside the breakpoints (scipy's {@code _ppoly.integrate} with extrapolation).
     * O(number of intervals between a and b).
     *
     * @param x     breakpoints
     * @param c     flat coefficients
     * @param index interval index over {@code x}
     * @param order coefficients per interval and column
     * @param cols  number of columns
     * @param col   the column
     * @param a     lower limit
     * @param b     upper limit, {@code >= a}
     * @return the integral
     */
    public static double integrate(double[] x, double[] c, IntervalIndex index, int order, int cols, int col,
            double a, double b) {
        int start = index.find(a);
        int end = index.find(b);
        double total = 0.0;
        for (int i = start; i <= end; i++) {
            int base = i * order * cols + col;
            double vb = evaluate(c, base, order, cols, (i == end ? b : x[i + 1]) - x[i], -1);
            double va = i == start ? evaluate(c, base, order, cols, a - x[i], -1) : 0.0;
            total += vb - va;
        }
        return total;
    }

    /**
     * Real solutions of {@code p(x) = y} for column {@code col}, as scipy's {@code PPoly.solve}: interval by
     * interval in index order (so descending for descending breakpoints), within a piece ascending (a quadratic
     * piece with negative leading coefficient descending, the order of scipy's closed form); a piece identically equal to {@code y} contributes {@code x[i], NaN} (or just
     * {@code x[i]} when it has zero length); with {@code discontinuity}, a strict sign change of
     * {@code p - y} across a breakpoint reports the breakpoint; with {@code extrapolate}, the first piece
     * is searched beyond {@code x[0]} and the last beyond {@code x[m]} (on the side away from the other
     * breakpoints, whichever direction they run). A root equal to the
     * previously reported one is not repeated; roots at breakpoints are reported as the breakpoint itself,
     * so a root shared by two pieces appears once. Multiple roots are reported once (see {@link RealRoots}).
     *
     * @param x             breakpoints
     * @param c             flat coefficients
     * @param order         coefficients per interval and column
     * @param cols          number of columns
     * @param col           the column
     * @param y             the right-hand side
     * @param discontinuity whether to report sign changes across breakpoints
     * @param extrapolate   whether to search the end pieces beyond the breakpoints
     * @return the roots
     */
    public static double[] solve(double[] x, double[] c, int order, int cols, int col, double y,
            boolean discontinuity, boolean extrapolate) {
        int pieces = x.length - 1;
        boolean descending = x[pieces] < x[0];
        double[] out = new double[16];
        int count = 0;
        double lastRoot = Double.NaN;
        double[] poly = new double[order];
        for (int i = 0; i < pieces; i++) {
            int base = i * order * cols + col;
            if (i > 0 && discontinuity) {
                double va = value(c, base - order * cols, order, cols, x[i] - x[i - 1]) - y;
                double vb = c[base + (order - 1) * cols] - y;
                if ((va < 0 && vb > 0) || (va > 0 && vb < 0)) {
                    if (x[i] != lastRoot) {
                        lastRoot = x[i];
                        out = grow(out, count);
                        out[count++] = lastRoot;
                    }
                }
            }
            int lead = -1;
            for (int j = 0; j < order; j++) {
                double v = c[base + j * cols];
                if (j == order - 1) {
                    v -= y;
                }
                poly[j] = v;
                if (lead < 0 && v != 0.0) {
                    lead = j;
                }
            }
            if (lead < 0) {
                // p == y on the whole piece.
                if (x[i] == x[i + 1]) {
                    if (x[i] != lastRoot) {
                        lastRoot = x[i];
                        out = grow(out, count);
                        out[count++] = lastRoot;
                    }
                } else {
                    out = grow(out, count + 1);
                    out[count++] = x[i];
                    out[count++] = Double.NaN;
                    lastRoot = Double.NaN;
                }
                continue;
            }
            if (lead == order - 1) {
                continue; // a non-zero constant
            }
            if (order - 1 - lead > RealRoots.MAX_DEGREE) {
                throw new IllegalStateException("roots: piece " + i + " (x[" + i + "] = " + x[i] + " .. x[" + (i + 1)
                        + "] = " + x[i + 1] + ") has degree " + (order - 1 - lead) + ", above the supported "
                        + RealRoots.MAX_DEGREE + " (real roots of higher degrees are not reliable in double precision"
                        + " by this method)");
            }
            if (poly[order - 1] - poly[order - 1] != 0.0) {
                throw new ArithmeticException("solve: c[" + (order - 1) + "][" + i + "] - y = "
                        + c[base + (order - 1) * cols] + " - " + y + " overflows the double range on piece " + i);
            }
            double[] p = Arrays.copyOfRange(poly, lead, order);
            double h = x[i + 1] - x[i];
            // In the local coordinate s = t - x[i] the piece is [0, h] (ascending breakpoints) or [h, 0]
            // (descending); with extrapolate, the first piece is open towards x[0]'s side, the last towards x[n]'s.
            boolean openStart = extrapolate && i == 0;
            boolean openEnd = extrapolate && i == pieces - 1;
            boolean openLeft = descending ? openEnd : openStart;
            boolean openRight = descending ? openStart : openEnd;
            double lo = openLeft ? Double.NEGATIVE_INFINITY : Math.min(0.0, h);
            double hi = openRight ? Double.POSITIVE_INFINITY : Math.max(0.0, h);
            double left = descending ? x[i + 1] : x[i];
            double right = descending ? x[i] : x[i + 1];
            double[] found = RealRoots.roots(p, lo, hi);
            if (p.length == 3 && p[0] < 0 && found.length == 2) {
                // scipy's closed form for a quadratic lists (-b - d) / 2a first: descending when a < 0
                double tmp = found[0];
                found[0] = found[1];
                found[1] = tmp;
            }
            for (double t : found) {
                double r;
                if (t == 0.0) {
                    r = x[i];
                } else if (t == h && !(descending ? openLeft : openRight)) {
                    r = x[i + 1];
                } else {
                    r = x[i] + t;
                    if (!openLeft && r < left) {
                        r = left;
                    }
                    if (!openRight && r > right) {
                        r = right;
                    }
                }
                if (r - r != 0.0) {
                    continue; // a root of a continued end piece beyond the double range is no double
                }
                if (r != lastRoot) {
                    lastRoot = r;
                    out = grow(out, count);
                    out[count++] = r;
                }
            }
        }
        return Arrays.copyOf(out, count);
    }

    private static double[] grow(double[] a, int needIndex) {
        return needIndex < a.length ? a : Arrays.copyOf(a, Math.max(2 * a.length, needIndex + 1));
    }
}
