package io.github.interp4j.interpolate.internal.adapters;

import io.github.interp4j.interpolate.PPoly;

/**
 * A fitted 1-D interpolant as the adapters evaluate it: values from interp4j's {@link PPoly} (bit for bit
 * interp4j's), derivatives of any order from the same coefficients, the defined range
 * {@code [x[0], x[n]]} as Commons Math's and Hipparchus's {@code PolynomialSplineFunction} define it.
 *
 * <p>On interval {@code i}, {@code p(t) = sum_j c[j][i] s^(k-j)} with {@code s = t - x[i]}; the interval
 * is the largest {@code i} with {@code x[i] <= t} (the right piece at a breakpoint, the last at the end),
 * as interp4j's own evaluation chooses it.
 *
 * <p>Thread-safety: immutable.
 */
public final class PiecewisePolynomial {
    private final PPoly poly;
    private final double[] x;
    private final double[][] c;
    private final int degree;

    /**
     * @param poly a single-column piecewise polynomial
     */
    public PiecewisePolynomial(PPoly poly) {
        this.poly = poly;
        this.x = poly.breakpoints();
        this.c = poly.coefficients();
        this.degree = poly.degree();
    }

    /** @return interp4j's piecewise polynomial (extrapolating outside the breakpoints) */
    public PPoly poly() {
        return poly;
    }

    /** @return a copy of the breakpoints */
    public double[] knots() {
        return x.clone();
    }

    /** @return the polynomials' degree */
    public int degree() {
        return degree;
    }

    /**
     * @param t a query
     * @return whether {@code t} is in {@code [x[0], x[n]]} (false for NaN)
     */
    public boolean isValidPoint(double t) {
        return t >= x[0] && t <= x[x.length - 1];
    }

    /**
     * @param t      a query
     * @param errors the library's exceptions
     * @throws RuntimeException the library's out-of-range exception if {@code t} is outside
     *                          {@code [x[0], x[n]]} (NaN passes and evaluates to NaN)
     */
    public void requireInRange(double t, ForeignErrors errors) {
        if (t < x[0] || t > x[x.length - 1]) {
            throw errors.outOfRange(t, x[0], x[x.length - 1]);
        }
    }

    /**
     * @param t the query
     * @return {@code p(t)}, interp4j's value
     */
    public double value(double t) {
        return poly.value(t);
    }

    /**
     * The value and derivatives {@code p(t), p'(t), ..., p^(order)(t)} (zero above the degree), as a
     * derivative algebra's {@code compose} takes them. O(order * degree).
     *
     * @param t     the query
     * @param order the highest derivative order, at least 0
     * @return {@code order + 1} numbers
     */
    public double[] derivatives(double t, int order) {
        double[] f = new double[order + 1];
        f[0] = poly.value(t);
        if (t != t) {
            java.util.Arrays.fill(f, Double.NaN);
            return f;
        }
        int i = interval(t);
        double s = t - x[i];
        for (int p = 1; p <= Math.min(order, degree); p++) {
            // d^p/ds^p of sum_j c[j] s^(k-j): Horner over the terms with k - j >= p.
            double r = 0;
            for (int j = 0; j <= degree - p; j++) {
                int power = degree - j;
                r = r * s + c[j][i] * fallingFactorial(power, p);
            }
            f[p] = r;
        }
        return f;
    }

    /**
     * The interval holding {@code t}, for evaluation in another arithmetic.
     *
     * @param t a finite query
     * @return the interval index
     */
    public int interval(double t) {
        // the largest i in [0, n - 1] with x[i] <= t (the first interval below x[0]); O(log n)
        int lo = 0;
        int hi = x.length - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (x[mid] <= t) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /**
     * @param i the interval
     * @return its left breakpoint
     */
    public double left(int i) {
        return x[i];
    }

    /**
     * @param j the coefficient row, 0 for the highest power
     * @param i the interval
     * @return {@code c[j][i]}
     */
    public double coefficient(int j, int i) {
        return c[j][i];
    }

    private static double fallingFactorial(int n, int p) {
        double r = 1;
        for (int q = 0; q < p; q++) {
            r *= n - q;
        }
        return r;
    }

    @Override
    public String toString() {
        return "PiecewisePolynomial[degree " + degree + ", " + (x.length - 1) + " intervals on [" + x[0] + ", "
                + x[x.length - 1] + "]]";
    }
}
