package io.github.interp4j.interpolate.internal.spline;

import io.github.interp4j.interpolate.internal.validation.Validation;

/**
 * Conversions between the B-spline basis and the local power basis:
 * <ul>
 *   <li>{@link #toPowerBasis(SplineCore)}: scipy's {@code PPoly.from_spline}, a piecewise polynomial on the
 *       breakpoints {@code t} (every knot, so {@code t.length - 1} pieces, some of zero length) whose piece
 *       {@code i} has the Taylor coefficients of the spline at {@code t[i]},
 *       {@code c[k - nu][i] = S^(nu)(t[i]) / nu!} (derivatives from the right, end pieces extrapolated);</li>
 *   <li>{@link #fromCubicPowerBasis(double[], double[][][], double[])}: scipy's {@code BSpline.from_power_basis}
 *       (cubic splines only, as scipy), the B-spline coefficients by Marsden's identity differentiated
 *       (Lyche and Morken, <i>Spline methods</i>, 3.1.2):
 *       {@code c_j = sum_{m=0..3} (3-m)!/3! c_{m,i} (-1)^(3-m) D^m p_{j,3}(x_i)} with the dual polynomial
 *       {@code p_{j,3}(y) = (y - t[j+1])(y - t[j+2])(y - t[j+3])}, {@code i = j} for {@code j < n - 2} and
 *       {@code i = n - 2} for the rest.</li>
 * </ul>
 * Thread-safety: stateless.
 */
public final class BasisConversion {
    private BasisConversion() {}

    /**
     * The piecewise power-basis coefficients of a spline (scipy {@code PPoly.from_spline}), in
     * {@code PPolyKernel}'s flat layout: piece {@code i} of {@code t.length - 1}, order {@code k + 1},
     * {@code m} columns. O(t.length (k^3 + k^2 m)).
     *
     * @param core the spline
     * @return the flat coefficients; the breakpoints are {@code core.t}
     * @throws IllegalArgumentException if the result does not fit in an array
     */
    public static double[] toPowerBasis(SplineCore core) {
        int k = core.k;
        int m = core.m;
        int order = k + 1;
        int pieces = core.t.length - 1;
        double[] out = new double[Validation.checkedSize("power-basis coefficients", (long) pieces * order, m)];
        double[] h = new double[order];
        double[] hh = new double[order];
        double[] row = new double[m];
        for (int i = 0; i < pieces; i++) {
            double x = core.t[i];
            double factorial = 1.0;
            for (int nu = 0; nu <= k; nu++) {
                if (nu > 0) {
                    factorial *= nu;
                }
                core.derivativeValues(x, nu, row, 0, h, hh);
                int dst = (i * order + (k - nu)) * m;
                for (int j = 0; j < m; j++) {
                    out[dst + j] = row[j] / factorial;
                }
            }
        }
        return out;
    }

    /**
     * The B-spline coefficients, on knots {@code t}, of a cubic spline given in the power basis (scipy
     * {@code BSpline.from_power_basis}). O(n m).
     *
     * @param x    the breakpoints, {@code n >= 2}
     * @param coef the power-basis coefficients {@code coef[p][i][col]}, {@code p = 0..3} (highest power first),
     *             {@code n - 1} pieces
     * @param t    the knots (not-a-knot, augmented or periodic knots of {@code x}, degree 3)
     * @return the coefficients, row-major with {@code m} columns, {@code n + nod} rows as scipy
     *         ({@code nod = t.length - (n + 4)}, the number of end derivatives)
     */
    public static double[] fromCubicPowerBasis(double[] x, double[][][] coef, double[] t) {
        final int k = 3;
        int n = x.length;
        int m = coef[0][0].length;
        int nod = t.length - (n + k + 1);
        int rows = n + nod;
        double[] c = new double[Validation.checkedSize("B-spline coefficients", rows, m)];
        double fact = 1.0;
        for (int q = 2; q <= k; q++) {
            fact *= q;
        }
        for (int p = 0; p <= k; p++) {
            // poch(k + 1, -p) = (k - p)! / k!
            double pochhammer = factorial(k - p) / fact;
            double sign = ((k - p) & 1) == 0 ? 1.0 : -1.0;
            for (int i = 0; i < n - 2; i++) {
                double d = dualDerivative(i, k, x[i], p, t);
                for (int col = 0; col < m; col++) {
                    c[i * m + col] += pochhammer * coef[p][i][col] * sign * d;
                }
            }
            for (int j = n - 2; j < rows; j++) {
                double d = dualDerivative(j, k, x[n - 2], p, t);
                for (int col = 0; col < m; col++) {
                    c[j * m + col] += pochhammer * coef[p][n - 2][col] * sign * d;
                }
            }
        }
        return c;
    }

    private static double factorial(int q) {
        double f = 1.0;
        for (int i = 2; i <= q; i++) {
            f *= i;
        }
        return f;
    }

    /**
     * The {@code d}-th derivative at {@code y} of the dual polynomial
     * {@code p_{j,k}(y) = prod_{i=1..k} (y - t[j+i])}: {@code d!} times the sum over the {@code k - d}-element
     * subsets of the factors of their products (scipy's {@code _diff_dual_poly}, which is exact for
     * {@code k = 3}).
     */
    static double dualDerivative(int j, int k, double y, int d, double[] t) {
        if (d == 0) {
            double p = 1.0;
            for (int i = 1; i <= k; i++) {
                p *= y - t[j + i];
            }
            return p;
        }
        if (d == k) {
            return factorial(k);
        }
        // sum over subsets S of {1..k} with |S| = d of prod_{i not in S} (y - t[j+i]), times d!
        double sum = 0.0;
        for (int mask = 0; mask < (1 << k); mask++) {
            if (Integer.bitCount(mask) != d) {
                continue;
            }
            double p = 1.0;
            for (int i = 1; i <= k; i++) {
                if ((mask & (1 << (i - 1))) == 0) {
                    p *= y - t[j + i];
                }
            }
            sum += p;
        }
        return factorial(d) * sum;
    }
}
