package io.github.interp4j.interpolate.internal.poly;

import io.github.interp4j.interpolate.internal.validation.FiniteResult;

import java.util.Arrays;

/**
 * Real roots of a polynomial of modest degree on an interval, without eigenvalues.
 *
 * <p>Method (isolation by critical points): the real roots of {@code p'} (found recursively, down to a
 * linear polynomial solved in closed form) cut the interval into pieces on which {@code p} is
 * monotone, so each piece holds at most one root. The sign of {@code p} is evaluated at every cut;
 * a value within the rounding-error bound of Horner's scheme,
 * {@code |p(t)| <= 4 (deg + 1) eps * sum |a_j| |t|^(deg-j)}, counts as zero and the cut is
 * reported as a root: this is how double (and higher) roots, which are critical points, are found
 * to full precision instead of being lost as a pair of complex eigenvalues. A piece whose ends have
 * strictly opposite signs holds one simple root, found by a safeguarded Newton iteration that falls
 * back to bisection of the bracket in the ordered bit representation of doubles (so even a bracket
 * spanning hundreds of binades shrinks in at most 64 steps). Infinite interval ends are replaced by
 * twice the Cauchy bound {@code 1 + max |a_j / a_0|}, beyond which {@code p} has no roots and its
 * sign is that of its leading term.
 *
 * <p>Complexity: O(deg^3) polynomial evaluations plus O(deg * 64) for the brackets; allocation of a
 * few arrays of length {@code deg + 1}.
 *
 * <p>Thread-safety: stateless.
 */
public final class RealRoots {
    private static final double EPS = Math.ulp(1.0);
    private static final int MAX_ITERATIONS = 200;
    /**
     * The largest degree callers should pass: up to it the roots agree with scipy's eigenvalue method on
     * random Gaussian coefficients; beyond it the isolation loses roots near the unit circle. Callers
     * refuse higher degrees with a named error.
     */
    public static final int MAX_DEGREE = 100;

    private RealRoots() {}

    /**
     * The distinct real roots of {@code p(t) = sum_j a[j] t^(deg - j)} in {@code [lo, hi]}, ascending.
     *
     * @param a  coefficients, highest power first; {@code a[0] != 0}; all finite
     * @param lo left end, may be {@code -Infinity}
     * @param hi right end, may be {@code +Infinity}; {@code lo <= hi}
     * @return the roots in ascending order (a multiple root once); possibly empty
     */
    public static double[] roots(double[] a, double lo, double hi) {
        int deg = a.length - 1;
        if (deg < 1 || !(lo <= hi)) {
            return new double[0];
        }
        // Scale by a power of two so that max |a_j| is in [1, 2): exact, the roots are unchanged, and the
        // derivatives' coefficients (a_j times falling factorials) stay finite at every level.
        int e = FiniteResult.scaleExponent(a);
        if (e != 0) {
            a = FiniteResult.scaled(a, e);
        }
        if (deg == 1) {
            return linear(a, lo, hi);
        }
        double[] da = new double[deg];
        for (int j = 0; j < deg; j++) {
            da[j] = a[j] * (deg - j);
        }
        double[] crit = roots(da, lo, hi);
        // Cuts: lo, interior critical points, hi.
        double[] cuts = new double[crit.length + 2];
        int nc = 0;
        cuts[nc++] = lo;
        for (double c : crit) {
            if (c > lo && c < hi) {
                cuts[nc++] = c;
            }
        }
        if (hi > lo) {
            cuts[nc++] = hi;
        }
        double bound = cauchyBound(a);
        int[] sign = new int[nc];
        for (int k = 0; k < nc; k++) {
            sign[k] = signAt(a, cuts[k]);
        }
        double[] out = new double[deg];
        int nr = 0;
        for (int k = 0; k < nc; k++) {
            if (sign[k] == 0) {
                nr = append(out, nr, cuts[k]);
            }
            if (k + 1 < nc && sign[k] * sign[k + 1] < 0) {
                double left = Double.isInfinite(cuts[k]) ? -bound : cuts[k];
                double right = Double.isInfinite(cuts[k + 1]) ? bound : cuts[k + 1];
                nr = append(out, nr, bracketed(a, da, left, right, sign[k]));
            }
        }
        return Arrays.copyOf(out, nr);
    }

    private static int append(double[] out, int nr, double r) {
        if (nr > 0 && out[nr - 1] >= r) {
            return nr; // rounding at a cut: keep the list strictly ascending
        }
        if (nr == out.length) {
            return nr;
        }
        out[nr] = r;
        return nr + 1;
    }

    private static double[] linear(double[] a, double lo, double hi) {
        int s0 = signAt(a, lo);
        int s1 = signAt(a, hi);
        if (s0 == 0 && s1 == 0) {
            return lo == hi ? new double[] {lo} : new double[] {lo, hi};
        }
        if (s0 == 0) {
            return new double[] {lo};
        }
        if (s1 == 0) {
            return new double[] {hi};
        }
        if (s0 == s1) {
            return new double[0];
        }
        double t = -a[1] / a[0];
        // Rounding may put the closed form a hair outside the bracket its signs prove.
        if (t < lo) {
            t = lo;
        } else if (t > hi) {
            t = hi;
        }
        return new double[] {t};
    }

    /** Twice the Cauchy bound on the moduli of the roots, finite. */
    private static double cauchyBound(double[] a) {
        double m = 0;
        for (int j = 1; j < a.length; j++) {
            m = Math.max(m, Math.abs(a[j] / a[0]));
        }
        double b = 2 * (1 + m);
        return Double.isFinite(b) ? b : Double.MAX_VALUE;
    }

    /** The sign of p at t: 0 when |p(t)| is within Horner's rounding error bound; limits at infinities. */
    static int signAt(double[] a, double t) {
        int deg = a.length - 1;
        if (t == Double.POSITIVE_INFINITY) {
            return a[0] > 0 ? 1 : -1;
        }
        if (t == Double.NEGATIVE_INFINITY) {
            int s = a[0] > 0 ? 1 : -1;
            return (deg & 1) == 0 ? s : -s;
        }
        double v = a[0];
        double e = Math.abs(a[0]);
        double at = Math.abs(t);
        for (int j = 1; j <= deg; j++) {
            v = v * t + a[j];
            e = e * at + Math.abs(a[j]);
        }
        if (e == Double.POSITIVE_INFINITY) {
            return reversedSign(a, t);
        }
        if (Math.abs(v) <= 4.0 * (deg + 1) * EPS * e) {
            return 0;
        }
        return v > 0 ? 1 : -1;
    }

    /**
     * The sign of p at a large t (|t| &gt; 1) where Horner's scheme overflows: {@code p(t) = t^deg q(1/t)}
     * with {@code q(u) = sum_j a_j u^j}, evaluated with |u| &lt; 1 (no overflow), with the same rounding
     * bound; 0 when |q| is within it.
     */
    private static int reversedSign(double[] a, double t) {
        int deg = a.length - 1;
        double u = 1.0 / t;
        double au = Math.abs(u);
        double w = a[deg];
        double e = Math.abs(a[deg]);
        for (int j = deg - 1; j >= 0; j--) {
            w = w * u + a[j];
            e = e * au + Math.abs(a[j]);
        }
        if (!(Math.abs(w) > 4.0 * (deg + 1) * EPS * e)) {
            return 0;
        }
        int s = w > 0 ? 1 : -1;
        return t < 0 && (deg & 1) == 1 ? -s : s;
    }

    private static double eval(double[] a, double t) {
        double v = a[0];
        for (int j = 1; j < a.length; j++) {
            v = v * t + a[j];
        }
        return v;
    }

    /** The root in (lo, hi) of a polynomial monotone there with sign(p(lo)) = sLo = -sign(p(hi)). */
    private static double bracketed(double[] a, double[] da, double lo, double hi, int sLo) {
        int fallbacks = 0;
        double t = split(lo, hi, fallbacks++);
        double best = t;
        double bestAbs = Double.POSITIVE_INFINITY;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            if (!(t > lo && t < hi)) {
                t = split(lo, hi, fallbacks++);
                if (!(t > lo && t < hi)) {
                    break; // lo and hi are adjacent doubles
                }
            }
            double v = eval(a, t);
            if (v - v != 0.0) {
                // Horner overflowed at this t: decide the side by the overflow-free sign, then bisect.
                int s = signAt(a, t);
                if (s == 0) {
                    return t;
                }
                if (bestAbs == Double.POSITIVE_INFINITY) {
                    best = t; // no finite value seen yet: the latest point of the shrinking bracket
                }
                if (s == sLo) {
                    lo = t;
                } else {
                    hi = t;
                }
                t = split(lo, hi, fallbacks++);
                continue;
            }
            double av = Math.abs(v);
            if (av < bestAbs) {
                bestAbs = av;
                best = t;
            }
            if (v == 0.0) {
                return t;
            }
            if ((v > 0) == (sLo > 0)) {
                lo = t;
            } else {
                hi = t;
            }
            double step = v / eval(da, t);
            double tn = t - step;
            if (tn > lo && tn < hi && Math.abs(step) < 0.5 * (hi - lo)) {
                if (Math.abs(step) <= 2 * Math.ulp(t)) {
                    // Newton has converged; one last evaluation decides between t and tn.
                    double vn = Math.abs(eval(a, tn));
                    return vn < bestAbs ? tn : best;
                }
                t = tn;
            } else {
                t = split(lo, hi, fallbacks++);
            }
        }
        // The bracket [lo, hi] has collapsed; return the best point seen or an end.
        double vlo = Math.abs(eval(a, lo));
        double vhi = Math.abs(eval(a, hi));
        double end = vlo <= vhi ? lo : hi;
        return Math.min(vlo, vhi) < bestAbs ? end : best;
    }

    /**
     * A point inside (lo, hi): alternately the arithmetic midpoint (halves the width) and the
     * midpoint in ordered bit representation (halves the range of binades), so that brackets of
     * any width, e.g. [-1e300, 1e300] around a root near 1e-200, shrink in a bounded number of steps.
     */
    private static double split(double lo, double hi, int count) {
        if ((count & 1) == 0) {
            double m = 0.5 * lo + 0.5 * hi;
            if (m > lo && m < hi) {
                return m;
            }
        }
        return bitMidpoint(lo, hi);
    }

    private static long key(double v) {
        long bits = Double.doubleToLongBits(v + 0.0); // folds -0.0 into +0.0
        return bits >= 0 ? bits : -(bits & Long.MAX_VALUE);
    }

    private static double fromKey(long k) {
        return k >= 0 ? Double.longBitsToDouble(k) : -Double.longBitsToDouble(-k);
    }

    /** A double about halfway between lo and hi in ordered bit representation (finite inputs). */
    static double bitMidpoint(double lo, double hi) {
        long kl = key(lo);
        long kh = key(hi);
        long km = (kl >> 1) + (kh >> 1) + (kl & kh & 1);
        return fromKey(km);
    }
}
