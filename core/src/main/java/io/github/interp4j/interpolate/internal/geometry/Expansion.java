package io.github.interp4j.interpolate.internal.geometry;

import java.util.Arrays;

/**
 * Floating-point expansion arithmetic after Shewchuk, "Adaptive Precision Floating-Point Arithmetic and
 * Fast Robust Geometric Predicates", Discrete &amp; Computational Geometry 18 (1997) 305-363.
 *
 * <p>An <em>expansion</em> is a {@code double[]} whose components, in increasing order of magnitude, are
 * nonzero and (strongly) nonoverlapping; its value is the exact sum of its components. The empty array is
 * zero. Every operation here is exact (Shewchuk's Theorems 6, 7, 13 and 19, which assume IEEE 754
 * round-to-nearest-even, as Java's {@code double} arithmetic is) <em>provided no component overflows and
 * no product underflows</em>: a two-product {@code a * b} is exact only if its rounding error is a multiple
 * of {@code 2^-1074}. {@link ExactPredicates} guarantees both by scaling its inputs into a proven range.
 *
 * <p>The two-product uses {@link Math#fma} (one correctly rounded operation), not Dekker's split.
 * The sign of an expansion is the sign of its last (largest) component, because zero components are
 * eliminated and the components do not overlap.
 *
 * <p>Each operation allocates its result; these are used only on the slow exact path.
 * Thread-safety: stateless.
 */
final class Expansion {
    static final double[] ZERO = new double[0];

    private Expansion() {}

    /**
     * The exact difference {@code a - b} as an expansion of at most two components (Two-Diff,
     * Shewchuk's Theorem 7).
     */
    static double[] diff(double a, double b) {
        double x = a - b;
        double bVirtual = a - x;
        double aVirtual = x + bVirtual;
        double bRound = bVirtual - b;
        double aRound = a - aVirtual;
        double y = aRound + bRound;
        return pair(y, x);
    }

    /** The exact product {@code a * b} as an expansion of at most two components (Two-Product via FMA). */
    static double[] product(double a, double b) {
        double x = a * b;
        double y = Math.fma(a, b, -x);
        return pair(y, x);
    }

    private static double[] pair(double low, double high) {
        if (high == 0) {
            return ZERO;
        }
        return low == 0 ? new double[] {high} : new double[] {low, high};
    }

    /**
     * {@code e + f} (Fast-Expansion-Sum with zero elimination, Shewchuk's Theorem 13): the components of
     * both inputs merged by increasing magnitude, then accumulated by Two-Sum, each rounding error kept
     * as a component.
     */
    static double[] sum(double[] e, double[] f) {
        if (e.length == 0) {
            return f;
        }
        if (f.length == 0) {
            return e;
        }
        double[] h = new double[e.length + f.length];
        int n = 0;
        int i = 0;
        int j = 0;
        double q;
        // first (smallest) component
        if (Math.abs(f[j]) < Math.abs(e[i])) {
            q = f[j++];
        } else {
            q = e[i++];
        }
        boolean first = true;
        while (i < e.length || j < f.length) {
            double g;
            if (j >= f.length || (i < e.length && Math.abs(e[i]) <= Math.abs(f[j]))) {
                g = e[i++];
            } else {
                g = f[j++];
            }
            double x;
            double y;
            if (first) {
                // Fast-Two-Sum(g, q): |g| >= |q| because the merge is sorted
                x = g + q;
                y = q - (x - g);
                first = false;
            } else {
                x = q + g;
                double bVirtual = x - q;
                double aVirtual = x - bVirtual;
                y = (q - aVirtual) + (g - bVirtual);
            }
            if (y != 0) {
                h[n++] = y;
            }
            q = x;
        }
        if (q != 0) {
            h[n++] = q;
        }
        return n == h.length ? h : Arrays.copyOf(h, n);
    }

    /** {@code e - f}. */
    static double[] subtract(double[] e, double[] f) {
        return sum(e, negate(f));
    }

    /** {@code -e}. */
    static double[] negate(double[] e) {
        double[] h = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            h[i] = -e[i];
        }
        return h;
    }

    /**
     * {@code e * b} (Scale-Expansion with zero elimination, Shewchuk's Theorem 19).
     */
    static double[] scale(double[] e, double b) {
        if (e.length == 0 || b == 0) {
            return ZERO;
        }
        double[] h = new double[2 * e.length];
        int n = 0;
        double q = e[0] * b;
        double low = Math.fma(e[0], b, -q);
        if (low != 0) {
            h[n++] = low;
        }
        for (int i = 1; i < e.length; i++) {
            double pHigh = e[i] * b;
            double pLow = Math.fma(e[i], b, -pHigh);
            // Two-Sum(q, pLow)
            double s = q + pLow;
            double bVirtual = s - q;
            double aVirtual = s - bVirtual;
            double err = (q - aVirtual) + (pLow - bVirtual);
            if (err != 0) {
                h[n++] = err;
            }
            // Fast-Two-Sum(pHigh, s)
            double t = pHigh + s;
            double err2 = s - (t - pHigh);
            if (err2 != 0) {
                h[n++] = err2;
            }
            q = t;
        }
        if (q != 0) {
            h[n++] = q;
        }
        return n == h.length ? h : Arrays.copyOf(h, n);
    }

    /** {@code e * f}: the sum of {@code e} scaled by each component of {@code f}. */
    static double[] multiply(double[] e, double[] f) {
        if (e.length < f.length) {
            double[] t = e;
            e = f;
            f = t;
        }
        double[] h = ZERO;
        for (double fj : f) {
            h = sum(h, scale(e, fj));
        }
        return h;
    }

    /** The sign of the exact value of {@code e}: -1, 0 or +1. */
    static int sign(double[] e) {
        return e.length == 0 ? 0 : (e[e.length - 1] > 0 ? 1 : -1);
    }

    /** A floating-point approximation of the value of {@code e} (for diagnostics and tests). */
    static double estimate(double[] e) {
        double s = 0;
        for (double c : e) {
            s += c;
        }
        return s;
    }
}
