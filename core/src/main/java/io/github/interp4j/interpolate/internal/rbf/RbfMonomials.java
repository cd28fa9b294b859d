package io.github.interp4j.interpolate.internal.rbf;

/**
 * The polynomial part of scipy's RBF interpolant: the monomials of total degree at most {@code degree}
 * in scipy's order, evaluated at coordinates shifted to the midpoint and scaled by the half range of
 * the data per dimension (scale 1 where the range is 0), exactly as scipy's {@code _build_system} and
 * {@code _build_evaluation_coefficients}.
 *
 * <p>Thread-safety: stateless.
 */
public final class RbfMonomials {
    private RbfMonomials() {}

    /**
     * The number of monomials of total degree at most {@code degree} in {@code dim} variables,
     * {@code C(degree + dim, dim)}, 0 for degree -1.
     *
     * @param dim    the dimension, at least 1
     * @param degree the degree, at least -1
     * @return the count (saturating at {@link Integer#MAX_VALUE})
     */
    public static int count(int dim, int degree) {
        if (degree < 0) {
            return 0;
        }
        // C(degree + dim, degree) computed incrementally; exact while it fits.
        long c = 1;
        for (int i = 1; i <= degree; i++) {
            c = c * (dim + i) / i;
            if (c > Integer.MAX_VALUE) {
                return Integer.MAX_VALUE;
            }
        }
        return (int) c;
    }

    /**
     * The exponents of every monomial of total degree at most {@code degree} in scipy's order (by
     * degree, then {@code itertools.combinations_with_replacement} order of the variables).
     *
     * @param dim    the dimension
     * @param degree the degree, at least -1
     * @return {@code powers[t * dim + k]}
     */
    public static int[] powers(int dim, int degree) {
        int count = count(dim, degree);
        int[] out = new int[count * dim];
        int[] combo = new int[Math.max(degree, 0)];
        int t = 0;
        for (int deg = 0; deg <= degree; deg++) {
            // combinations with replacement of deg variables out of dim, in lexicographic order
            for (int i = 0; i < deg; i++) {
                combo[i] = 0;
            }
            while (true) {
                for (int i = 0; i < deg; i++) {
                    out[t * dim + combo[i]]++;
                }
                t++;
                int i = deg - 1;
                while (i >= 0 && combo[i] == dim - 1) {
                    i--;
                }
                if (i < 0) {
                    break;
                }
                combo[i]++;
                for (int j = i + 1; j < deg; j++) {
                    combo[j] = combo[i];
                }
            }
        }
        return out;
    }

    /**
     * The polynomial domain of the data: per dimension the midpoint {@code shift} and half range
     * {@code scale} (1 where the range is 0). O(n dim).
     *
     * @param points row-major {@code n x dim} coordinates
     * @param n      the number of points, at least 1
     * @param dim    the dimension
     * @return {@code {shift, scale}}
     */
    static double[][] domain(double[] points, int n, int dim) {
        double[] shift = new double[dim];
        double[] scale = new double[dim];
        for (int k = 0; k < dim; k++) {
            double lo = points[k];
            double hi = points[k];
            for (int i = 1; i < n; i++) {
                double v = points[i * dim + k];
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            shift[k] = (hi + lo) / 2;
            double s = (hi - lo) / 2;
            scale[k] = s == 0.0 ? 1.0 : s;
        }
        return new double[][] {shift, scale};
    }

    /**
     * Monomial {@code t} at one point: {@code prod_k ((x_k - shift_k) / scale_k)^powers[t][k]}, the powers
     * formed by repeated multiplication in dimension order. O(dim + degree).
     *
     * @param x      the coordinates, {@code x[off + k]}
     * @param off    the index of the first coordinate
     * @param t      the monomial
     * @param powers {@code powers[t * dim + k]}
     * @param shift  the domain shift
     * @param scale  the domain scale
     * @return the value
     */
    static double value(double[] x, int off, int t, int[] powers, double[] shift, double[] scale) {
        int dim = shift.length;
        double v = 1.0;
        for (int k = 0; k < dim; k++) {
            double h = (x[off + k] - shift[k]) / scale[k];
            for (int e = powers[t * dim + k]; e > 0; e--) {
                v *= h;
            }
        }
        return v;
    }

    /**
     * The polynomial matrix {@code P[i][t]} of the data, column-major {@code n x r}. O(n r dim).
     *
     * @param points row-major {@code n x dim} coordinates
     * @param n      the number of points
     * @param powers the exponents, {@code r = powers.length / dim} monomials
     * @param shift  the domain shift
     * @param scale  the domain scale
     * @return {@code P}, element {@code (i, t)} at {@code t * n + i}
     */
    static double[] matrix(double[] points, int n, int[] powers, double[] shift, double[] scale) {
        int dim = shift.length;
        int r = powers.length / dim;
        double[] p = new double[n * r];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < r; t++) {
                p[t * n + i] = value(points, i * dim, t, powers, shift, scale);
            }
        }
        return p;
    }
}
