package io.github.interp4j.interpolate.internal.poly;

import io.github.interp4j.interpolate.internal.validation.Validation;

/**
 * Operations on piecewise polynomials in the Bernstein basis stored flat with m value columns, the numerics of
 * {@code BPoly} (scipy's {@code BPoly} and {@code _ppoly.evaluate_bernstein}). On interval {@code i},
 * {@code [x[i], x[i+1]]}, with {@code s = (t - x[i]) / (x[i+1] - x[i])} the value of column {@code col} is
 * <pre>  B(t) = sum_{a=0..k} c[a][i] * binom(k, a) s^a (1 - s)^(k - a)</pre>
 * Layout as {@link PPolyKernel}: the coefficient {@code a} of interval {@code i}, column {@code col}, is
 * {@code c[(i * order + a) * cols + col]}, {@code order = k + 1}.
 *
 * <p>Thread-safety: stateless.
 */
public final class BernsteinKernel {
    private BernsteinKernel() {}

    /**
     * One local Bernstein polynomial at {@code s}, scipy's {@code evaluate_bpoly1} (closed forms for
     * {@code k <= 3}, the running-binomial sum {@code sum_j binom(k, j) s^j (1 - s)^(k-j) c_j} above). O(k).
     *
     * @param c      coefficients
     * @param base   index of coefficient 0
     * @param order  {@code k + 1}
     * @param stride distance between successive coefficients (the number of columns)
     * @param s      the local coordinate, {@code (t - x[i]) / (x[i+1] - x[i])}
     * @return the value
     */
    public static double value(double[] c, int base, int order, int stride, double s) {
        double r = rawValue(c, base, order, stride, s);
        return r - r == 0.0 ? r : rescaledValue(c, base, order, stride, s, r);
    }

    /**
     * The value when the plain sum overflowed: for {@code 0 <= s <= 1} the value is a convex combination of the
     * coefficients, so when they are finite the overflow is in the weighted terms ({@code 3 c}, {@code 2 c}) or
     * their sum, not in the value: recomputed from the coefficients scaled by {@code 2^-8}, kept within their
     * range, and scaled back (exact powers of two). Outside {@code [0, 1]} (extrapolation) or for non-finite coefficients, {@code r} stands.
     */
    private static double rescaledValue(double[] c, int base, int order, int stride, double s, double r) {
        if (!(s >= 0.0 && s <= 1.0)) {
            return r;
        }
        double[] scaled = new double[order];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < order; j++) {
            double v = c[base + j * stride];
            if (v - v != 0.0) {
                return r;
            }
            scaled[j] = v * 0x1p-8;
            min = Math.min(min, scaled[j]);
            max = Math.max(max, scaled[j]);
        }
        // rounding of the weights (summing to 1 + eps) must not carry a value at the double limit beyond it
        return Math.max(min, Math.min(max, rawValue(scaled, 0, order, 1, s))) * 0x1p8;
    }

    private static double rawValue(double[] c, int base, int order, int stride, double s) {
        int k = order - 1;
        double s1 = 1.0 - s;
        switch (k) {
            case 0:
                return c[base];
            case 1:
                return c[base] * s1 + c[base + stride] * s;
            case 2:
                return c[base] * s1 * s1 + c[base + stride] * 2. * s1 * s + c[base + 2 * stride] * s * s;
            case 3:
                return c[base] * s1 * s1 * s1 + c[base + stride] * 3. * s1 * s1 * s
                        + c[base + 2 * stride] * 3. * s1 * s * s + c[base + 3 * stride] * s * s * s;
            default:
                double res = 0.0;
                double comb = 1.0;
                for (int j = 0; j <= k; j++) {
                    res += comb * Math.pow(s, j) * Math.pow(s1, k - j) * c[base + j * stride];
                    comb *= 1. * (k - j) / (j + 1.);
                }
                return res;
        }
    }

    /**
     * The {@code nu}-th derivative with respect to {@code s} of one local Bernstein polynomial, scipy's
     * {@code evaluate_bpoly1_deriv}: the coefficients of the derivative,
     * {@code k!/(k-nu)! sum_j (-1)^(j+nu) binom(nu, j) c_{j+a}}, evaluated at {@code s}; divide by
     * {@code (x[i+1] - x[i])^nu} for the derivative in {@code t}. {@code nu > k} gives 0. O(k nu).
     *
     * @param c      coefficients
     * @param base   index of coefficient 0
     * @param order  {@code k + 1}
     * @param stride distance between successive coefficients
     * @param s      the local coordinate
     * @param nu     the order, at least 0
     * @param wrk    work array of at least {@code order} doubles
     * @return the derivative in {@code s}
     */
    public static double derivative(double[] c, int base, int order, int stride, double s, int nu, double[] wrk) {
        int k = order - 1;
        if (nu == 0) {
            return value(c, base, order, stride, s);
        }
        if (nu > k) {
            return 0.0;
        }
        double poch = 1.;
        for (int a = 0; a < nu; a++) {
            poch *= k - a;
        }
        for (int a = 0; a < k - nu + 1; a++) {
            double term = 0.;
            double comb = 1.;
            for (int j = 0; j < nu + 1; j++) {
                term += c[base + (j + a) * stride] * (((j + nu) & 1) == 0 ? 1 : -1) * comb;
                comb *= 1. * (nu - j) / (j + 1);
            }
            wrk[a] = term * poch;
        }
        return value(wrk, 0, k - nu + 1, 1, s);
    }

    /**
     * The coefficients of the first derivative (scipy {@code BPoly.derivative(1)}):
     * {@code k (c[a+1] - c[a]) / (x[i+1] - x[i])}, order {@code k}; a constant gives one zero coefficient.
     *
     * @param x     breakpoints
     * @param c     coefficients
     * @param order {@code k + 1}
     * @param cols  columns
     * @return the new coefficients, order {@code max(order - 1, 1)}
     */
    public static double[] derivative(double[] x, double[] c, int order, int cols) {
        int pieces = x.length - 1;
        if (order == 1) {
            return new double[pieces * cols];
        }
        int k = order - 1;
        double[] out = new double[pieces * k * cols];
        for (int i = 0; i < pieces; i++) {
            double dx = x[i + 1] - x[i];
            for (int a = 0; a < k; a++) {
                for (int col = 0; col < cols; col++) {
                    int src = (i * order + a) * cols + col;
                    out[(i * k + a) * cols + col] = k * (c[src + cols] - c[src]) / dx;
                }
            }
        }
        return out;
    }

    /**
     * The coefficients of the first antiderivative (scipy {@code BPoly.antiderivative(1)}), zero at
     * {@code x[0]} and continuous: on each interval the running sums {@code dx sum_{b<a} c[b] / (k + 1)},
     * plus the value the previous intervals reached (their last coefficients, summed), order {@code k + 2}.
     *
     * @param x     breakpoints
     * @param c     coefficients
     * @param order {@code k + 1}
     * @param cols  columns
     * @return the new coefficients, order {@code order + 1}
     * @throws IllegalArgumentException if the result does not fit in an array
     */
    public static double[] antiderivative(double[] x, double[] c, int order, int cols) {
        int pieces = x.length - 1;
        int o2 = order + 1;
        double[] out = new double[Validation.checkedSize("antiderivative coefficients", (long) pieces * o2, cols)];
        for (int i = 0; i < pieces; i++) {
            double delta = x[i + 1] - x[i];
            for (int col = 0; col < cols; col++) {
                double sum = 0.0;
                out[(i * o2) * cols + col] = 0.0;
                for (int a = 0; a < order; a++) {
                    sum += c[(i * order + a) * cols + col];
                    out[(i * o2 + a + 1) * cols + col] = sum / order;
                }
                for (int a = 0; a < o2; a++) {
                    out[(i * o2 + a) * cols + col] *= delta;
                }
            }
        }
        // continuity (scipy: c2[:, 1:] += cumsum(c2[k, :])[:-1]): interval i gains the sum of the last
        // coefficients of intervals 0 .. i-1, as they were before this step
        double[] last = new double[pieces * cols];
        for (int i = 0; i < pieces; i++) {
            System.arraycopy(out, (i * o2 + order) * cols, last, i * cols, cols);
        }
        for (int col = 0; col < cols; col++) {
            double acc = 0.0;
            for (int i = 1; i < pieces; i++) {
                acc += last[(i - 1) * cols + col];
                for (int a = 0; a < o2; a++) {
                    out[(i * o2 + a) * cols + col] += acc;
                }
            }
        }
        return out;
    }

    /**
     * Bernstein coefficients of a power-basis piecewise polynomial (scipy {@code BPoly.from_power_basis}):
     * {@code c_B[j] += c_P[a] / binom(k, k - a) dx^(k - a) binom(j, k - a)} for {@code j >= k - a}. O(n k^2 m).
     *
     * @param x     breakpoints
     * @param cp    power-basis coefficients in {@link PPolyKernel}'s layout
     * @param order {@code k + 1}
     * @param cols  columns
     * @return the Bernstein coefficients, same layout and order
     */
    public static double[] fromPowerBasis(double[] x, double[] cp, int order, int cols) {
        int pieces = x.length - 1;
        int k = order - 1;
        double[] out = new double[cp.length];
        for (int i = 0; i < pieces; i++) {
            double dx = x[i + 1] - x[i];
            for (int a = 0; a <= k; a++) {
                for (int j = k - a; j <= k; j++) {
                    double bj = binom(j, k - a);
                    for (int col = 0; col < cols; col++) {
                        double factor = cp[(i * order + a) * cols + col] / binom(k, k - a) * Math.pow(dx, k - a);
                        out[(i * order + j) * cols + col] += factor * bj;
                    }
                }
            }
        }
        return out;
    }

    /**
     * Power-basis coefficients of a Bernstein piecewise polynomial (scipy {@code PPoly.from_bernstein_basis}):
     * {@code c_P[k - s] += (-1)^a binom(k, a) c_B[a] binom(k - a, s - a) (-1)^s / dx^s}. O(n k^2 m).
     *
     * @param x     breakpoints
     * @param cb    Bernstein coefficients
     * @param order {@code k + 1}
     * @param cols  columns
     * @return the power-basis coefficients, same layout and order
     */
    public static double[] toPowerBasis(double[] x, double[] cb, int order, int cols) {
        int pieces = x.length - 1;
        int k = order - 1;
        double[] out = new double[cb.length];
        for (int i = 0; i < pieces; i++) {
            double dx = x[i + 1] - x[i];
            for (int a = 0; a <= k; a++) {
                double sa = (a & 1) == 0 ? 1.0 : -1.0;
                for (int s = a; s <= k; s++) {
                    double val = binom(k - a, s - a) * ((s & 1) == 0 ? 1.0 : -1.0);
                    double p = Math.pow(dx, s);
                    for (int col = 0; col < cols; col++) {
                        double factor = sa * binom(k, a) * cb[(i * order + a) * cols + col];
                        out[(i * order + k - s) * cols + col] += factor * val / p;
                    }
                }
            }
        }
        return out;
    }

    /**
     * The Bernstein coefficients, on {@code [xa, xb]}, of the polynomial of degree {@code na + nb - 1} with the
     * derivatives {@code ya[q]} at {@code xa} and {@code yb[q]} at {@code xb} (scipy's
     * {@code BPoly._construct_from_derivatives}): walking in from each end,
     * {@code c[q] = ya[q] / poch(n - q, q) (xb - xa)^q - sum_{j<q} (-1)^(j+q) binom(q, j) c[j]} and the mirror
     * image from the right.
     *
     * @param xa   left end
     * @param xb   right end
     * @param ya   derivatives at {@code xa}, {@code ya[q * cols + col]}, {@code na} of them
     * @param na   how many at {@code xa}
     * @param yb   derivatives at {@code xb}, {@code nb} of them
     * @param nb   how many at {@code xb}
     * @param cols columns
     * @return {@code (na + nb) * cols} coefficients, row-major
     */
    public static double[] fromDerivatives(double xa, double xb, double[] ya, int na, double[] yb, int nb,
                                           int cols) {
        int n = na + nb;
        double[] c = new double[n * cols];
        double h = xb - xa;
        for (int q = 0; q < na; q++) {
            for (int col = 0; col < cols; col++) {
                double v = ya[q * cols + col] / poch(n - q, q) * Math.pow(h, q);
                for (int j = 0; j < q; j++) {
                    v -= sign(j + q) * binom(q, j) * c[j * cols + col];
                }
                c[q * cols + col] = v;
            }
        }
        for (int q = 0; q < nb; q++) {
            int row = n - q - 1;
            for (int col = 0; col < cols; col++) {
                double v = yb[q * cols + col] / poch(n - q, q) * sign(q) * Math.pow(h, q);
                for (int j = 0; j < q; j++) {
                    v -= sign(j + 1) * binom(q, j + 1) * c[(n - q + j) * cols + col];
                }
                c[row * cols + col] = v;
            }
        }
        return c;
    }

    /**
     * Raises the degree of one Bernstein polynomial by {@code d} (scipy's {@code BPoly._raise_degree}):
     * {@code out[a+j] += c[a] binom(k, a) binom(d, j) / binom(k + d, a + j)}.
     *
     * @param c    {@code rows * cols} coefficients, {@code rows = k + 1}
     * @param rows {@code k + 1}
     * @param d    how much, at least 0
     * @param cols columns
     * @return {@code (rows + d) * cols} coefficients
     */
    public static double[] raiseDegree(double[] c, int rows, int d, int cols) {
        if (d == 0) {
            return c;
        }
        int k = rows - 1;
        double[] out = new double[(rows + d) * cols];
        for (int a = 0; a < rows; a++) {
            for (int j = 0; j <= d; j++) {
                for (int col = 0; col < cols; col++) {
                    double f = c[a * cols + col] * binom(k, a);
                    out[(a + j) * cols + col] += f * binom(d, j) / binom(k + d, a + j);
                }
            }
        }
        return out;
    }

    /**
     * Refuses a basis conversion whose coefficients overflowed, naming the first interval.
     *
     * @param what  the conversion, for the message
     * @param x     breakpoints
     * @param c     the converted coefficients, {@code c[(i * order + a) * cols + col]}
     * @param order {@code k + 1}
     * @param cols  columns
     * @throws ArithmeticException if a coefficient is not finite
     */
    public static void requireFiniteConversion(String what, double[] x, double[] c, int order, int cols) {
        for (int q = 0; q < c.length; q++) {
            if (c[q] - c[q] != 0.0) {
                int i = q / (order * cols);
                throw new ArithmeticException(what + ": coefficient " + (q / cols) % order + " on interval " + i
                        + " [" + x[i] + ", " + x[i + 1] + "] is " + c[q] + ", beyond the double range");
            }
        }
    }

    private static double sign(int p) {
        return (p & 1) == 0 ? 1.0 : -1.0;
    }

    /** Rising factorial {@code z (z + 1) ... (z + m - 1)}, scipy's {@code poch(z, m)}. */
    private static double poch(int z, int m) {
        return PPolyKernel.poch(z, m);
    }

    /** The binomial coefficient {@code binom(n, r)} as a double (scipy's {@code comb(n, r)}); 0 outside. */
    static double binom(int n, int r) {
        if (r < 0 || r > n) {
            return 0.0;
        }
        r = Math.min(r, n - r);
        double b = 1.0;
        for (int i = 1; i <= r; i++) {
            b = b * (n - r + i) / i; // exact while the values stay below 2^53
        }
        return b;
    }
}
