package io.github.interp4j.interpolate.internal.fitting;

import io.github.interp4j.interpolate.internal.spline.SplineCore;

/**
 * The weighted least-squares B-spline fit on given knots, in scipy's operation order
 * ({@code scipy.interpolate._bsplines._lsq_solve_qr}: {@code _dierckx.data_matrix}, {@code qr_reduce},
 * {@code fpback}):
 * <ol>
 *   <li>each data row {@code i} is {@code w[i] B_{o+a,k}(x[i])}, {@code a = 0..k}, with {@code o = l - k} for the
 *       knot interval {@code t[l] <= x[i] < t[l+1]}, and right-hand side {@code w[i] y[i]};</li>
 *   <li>the rows are reduced one after another by Givens rotations (LAPACK {@code dlartg}) against the rows
 *       of the upper-triangular factor {@code R} (bandwidth {@code k + 1}); the first {@code nc} data rows become
 *       the rows of {@code R}, as in scipy;</li>
 *   <li>{@code R c = Q^T (w y)} is solved by back substitution.</li>
 * </ol>
 * scipy rotates every later row against all remaining rows of {@code R} ({@code O(m nc)} rotations); for
 * data sorted by {@code x} a row is exactly zero after {@code k + 1} rotations and the remaining rotations
 * are identities ({@code dlartg(f, 0)} gives {@code c = 1, s = 0}), so they are skipped here: {@code O(m k^2)}
 * time with the same floating-point results, {@code O(nc k)} memory (the data rows are never stored).
 *
 * <p>Thread-safety: stateless; every call works on its own arrays.
 */
public final class LsqSplineSolver {
    /** {@code sqrt(safmin)} of LAPACK's {@code dlartg} (la_constants: {@code safmin = 2^-1022}). */
    private static final double RTMIN = Math.sqrt(Double.MIN_NORMAL);
    /** {@code sqrt(safmax / 2)} of LAPACK's {@code dlartg} ({@code safmax = 2^1022}). */
    private static final double RTMAX = Math.sqrt(0x1p1022 / 2);
    private static final double SAFMIN = Double.MIN_NORMAL;
    private static final double SAFMAX = 0x1p1022;

    private LsqSplineSolver() {}

    /**
     * The triangular factor of one reduction: {@code nc} rows of {@code width} doubles (row {@code i} holds
     * columns {@code i .. i + width - 1}) and the rotated right-hand side, {@code nc} rows of {@code ydim}.
     */
    public static final class Reduced {
        /** Row-major {@code nc * width}. */
        public final double[] r;
        /** Row-major {@code nc * ydim}. */
        public final double[] z;
        /** The number of coefficients. */
        public final int nc;
        /** The row width, {@code k + 1}. */
        public final int width;
        /** The number of value columns. */
        public final int ydim;

        Reduced(double[] r, double[] z, int nc, int width, int ydim) {
            this.r = r;
            this.z = z;
            this.nc = nc;
            this.width = width;
            this.ydim = ydim;
        }

        /**
         * The sum of the diagonal of {@code R} as scipy computes it: {@code R[:, 0].sum()} over all {@code m}
         * rows of its reduced data matrix (the rows past {@code nc} are zero), with numpy's pairwise summation.
         *
         * @param m the number of data rows
         * @return the sum
         */
        public double diagonalSum(int m) {
            return pairwise(0, m);
        }

        /** numpy's {@code pairwise_sum} of rows {@code [off, off + n)} of the first column. */
        private double pairwise(int off, int n) {
            if (off >= nc) {
                return 0.0;
            }
            if (n < 8) {
                double res = 0.0;
                for (int i = 0; i < n; i++) {
                    res += diag(off + i);
                }
                return res;
            } else if (n <= 128) {
                double[] acc = new double[8];
                for (int j = 0; j < 8; j++) {
                    acc[j] = diag(off + j);
                }
                int i = 8;
                for (; i < n - n % 8; i += 8) {
                    for (int j = 0; j < 8; j++) {
                        acc[j] += diag(off + i + j);
                    }
                }
                double res = ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
                for (; i < n; i++) {
                    res += diag(off + i);
                }
                return res;
            }
            int n2 = n / 2;
            n2 -= n2 % 8;
            return pairwise(off, n2) + pairwise(off + n2, n - n2);
        }

        private double diag(int i) {
            return i < nc ? r[i * width] : 0.0;
        }
    }

    /**
     * scipy's {@code _find_interval(t, k, x, prev, extrapolate=True)}: the interval {@code l} in
     * {@code [k, n-1]} with {@code t[l] <= x < t[l+1]}, searched from the previous answer (linear for sorted
     * data overall).
     *
     * @param t    knots
     * @param k    degree
     * @param n    {@code t.length - k - 1}
     * @param x    the point (not NaN)
     * @param prev the previous interval
     * @return the interval
     */
    static int findInterval(double[] t, int k, int n, double x, int prev) {
        int l = k < prev && prev < n ? prev : k;
        while (x < t[l] && l != k) {
            l--;
        }
        l++;
        while (x >= t[l] && l != n) {
            l++;
        }
        return l - 1;
    }

    /**
     * Reduces the weighted collocation rows of sorted data to triangular form.
     *
     * @param x    abscissae, non-decreasing, inside {@code [t[k], t[n]]}
     * @param y    ordinates, row-major {@code x.length * ydim}
     * @param ydim value columns
     * @param w    weights, or null for ones
     * @param t    knots
     * @param k    degree
     * @return the factor and rotated right-hand side
     */
    public static Reduced reduce(double[] x, double[] y, int ydim, double[] w, double[] t, int k) {
        return reduce(x, y, ydim, w, t, k, null);
    }

    /**
     * The non-zero B-splines of every data point on one knot vector, kept for the residual passes that follow
     * a reduction ({@link #residuals}): row {@code i} holds {@code B_{o+a,k}(x[i])}, {@code a = 0..k}, for the
     * first index {@code o = offset[i]}.
     */
    public static final class Basis {
        final int[] offset;
        final double[] values;

        /**
         * @param m the number of points
         * @param k the degree
         */
        public Basis(int m, int k) {
            this.offset = new int[m];
            this.values = new double[m * (k + 1)];
        }
    }

    /**
     * As {@link #reduce(double[], double[], int, double[], double[], int)}, also storing every point's basis
     * values in {@code store} (when not null) for {@link #residuals}.
     *
     * @param x     abscissae
     * @param y     ordinates, row-major
     * @param ydim  value columns
     * @param w     weights or null
     * @param t     knots
     * @param k     degree
     * @param store receives the basis values, or null
     * @return the factor and rotated right-hand side
     */
    public static Reduced reduce(double[] x, double[] y, int ydim, double[] w, double[] t, int k, Basis store) {
        int nc = t.length - k - 1;
        int nz = k + 1;
        int m = x.length;
        double[] r = new double[nc * nz];
        double[] z = new double[nc * ydim];
        double[] h = new double[nz];
        double[] row = new double[nz];
        double[] yr = new double[ydim];
        double[] rot = new double[3];
        int ind = k;
        for (int i = 0; i < m; i++) {
            double xi = x[i];
            ind = findInterval(t, k, nc, xi, ind);
            int oi = ind - k;
            SplineCore.basis(t, k, xi, ind, h);
            if (store != null) {
                store.offset[i] = oi;
                System.arraycopy(h, 0, store.values, i * nz, nz);
            }
            double wi = w == null ? 1.0 : w[i];
            double[] a;
            int ab;
            double[] b;
            int bb;
            if (i < nc) {
                a = r;
                ab = i * nz;
                b = z;
                bb = i * ydim;
            } else {
                a = row;
                ab = 0;
                b = yr;
                bb = 0;
            }
            for (int j = 0; j < nz; j++) {
                a[ab + j] = h[j] * wi;
            }
            for (int l = 0; l < ydim; l++) {
                b[bb + l] = y[i * ydim + l] * wi;
            }
            int end = Math.min(Math.min(i, nc), oi + nz);
            for (int j = oi; j < end; j++) {
                rotate(r, j * nz, a, ab, nz, z, j * ydim, b, bb, ydim, rot);
            }
        }
        return new Reduced(r, z, nc, nz, ydim);
    }

    /**
     * Rotates the row {@code (a, b)} (leading element in column {@code j}) against row {@code j} of the factor
     * {@code (r, z)} so that its leading element vanishes, and shifts it left by one (scipy's
     * {@code qr_reduce} inner step).
     */
    static void rotate(double[] r, int rb, double[] a, int ab, int width, double[] z, int zb, double[] b,
                       int bb, int ydim, double[] rot) {
        dlartg(r[rb], a[ab], rot);
        double c = rot[0];
        double s = rot[1];
        r[rb] = rot[2];
        for (int l = 1; l < width; l++) {
            double u = r[rb + l];
            double v = a[ab + l];
            r[rb + l] = c * u + s * v;
            a[ab + l - 1] = -s * u + c * v;
        }
        a[ab + width - 1] = 0.0;
        for (int l = 0; l < ydim; l++) {
            double u = z[zb + l];
            double v = b[bb + l];
            z[zb + l] = c * u + s * v;
            b[bb + l] = -s * u + c * v;
        }
    }

    /**
     * LAPACK 3.10+ {@code dlartg} (la_xlartg): {@code c, s, r} with {@code [c s; -s c] [f; g] = [r; 0]}.
     *
     * @param f   the first component
     * @param g   the component to annihilate
     * @param out receives {@code c, s, r}
     */
    static void dlartg(double f, double g, double[] out) {
        double f1 = Math.abs(f);
        double g1 = Math.abs(g);
        if (g == 0.0) {
            out[0] = 1.0;
            out[1] = 0.0;
            out[2] = f;
        } else if (f == 0.0) {
            out[0] = 0.0;
            out[1] = Math.copySign(1.0, g);
            out[2] = g1;
        } else if (f1 > RTMIN && f1 < RTMAX && g1 > RTMIN && g1 < RTMAX) {
            double d = Math.sqrt(f * f + g * g);
            out[0] = f1 / d;
            double r = Math.copySign(d, f);
            out[1] = g / r;
            out[2] = r;
        } else {
            double u = Math.min(SAFMAX, Math.max(SAFMIN, Math.max(f1, g1)));
            double fs = f / u;
            double gs = g / u;
            double d = Math.sqrt(fs * fs + gs * gs);
            out[0] = Math.abs(fs) / d;
            double r = Math.copySign(d, f);
            out[1] = gs / r;
            out[2] = r * u;
        }
    }

    /**
     * Back substitution {@code R c = z} on a factor of {@code nc} rows of {@code width} (scipy's
     * {@code _back_substitute}).
     *
     * @param r     the factor, row-major {@code nc * width}
     * @param width the row width
     * @param z     the right-hand side, row-major {@code nc * ydim}
     * @param nc    the number of coefficients
     * @param ydim  value columns
     * @return the coefficients, row-major {@code nc * ydim}
     */
    public static double[] backSubstitute(double[] r, int width, double[] z, int nc, int ydim) {
        double[] c = new double[nc * ydim];
        for (int l = 0; l < ydim; l++) {
            c[(nc - 1) * ydim + l] = z[(nc - 1) * ydim + l] / r[(nc - 1) * width];
        }
        for (int i = nc - 2; i >= 0; i--) {
            int nel = Math.min(width, nc - i);
            for (int l = 0; l < ydim; l++) {
                double sum = z[i * ydim + l];
                for (int j = 1; j < nel; j++) {
                    sum -= r[i * width + j] * c[(i + j) * ydim + l];
                }
                c[i * ydim + l] = sum / r[i * width];
            }
        }
        return c;
    }

    /**
     * The coefficients of the least-squares spline.
     *
     * @param x    abscissae, non-decreasing, inside the base interval
     * @param y    ordinates, row-major {@code x.length * ydim}
     * @param ydim value columns
     * @param w    weights or null
     * @param t    knots
     * @param k    degree
     * @return the coefficients, row-major {@code (t.length - k - 1) * ydim}
     */
    public static double[] solve(double[] x, double[] y, int ydim, double[] w, double[] t, int k) {
        Reduced red = reduce(x, y, ydim, w, t, k);
        return backSubstitute(red.r, red.width, red.z, red.nc, ydim);
    }

    /**
     * scipy's weighted sum of squared residuals {@code fp} and the per-point residuals
     * ({@code _dierckx._compute_residuals}): {@code sum_j (w[i] (S_j(x[i]) - y[i][j]))^2}. The coefficient
     * window follows scipy 1.17 exactly: it advances by at most one knot per data point (FITPACK's
     * {@code fpcurf} walk), which equals the true residual whenever every knot interval up to the data holds a
     * data point (always so for knots that {@code generate_knots} places at data sites).
     *
     * @param x         abscissae, non-decreasing
     * @param y         ordinates, row-major
     * @param ydim      value columns
     * @param w         weights or null
     * @param t         knots
     * @param k         degree
     * @param c         coefficients, row-major {@code nc * ydim}
     * @param residuals receives the residual of each point (summed over columns), or null
     * @param known     the basis values of the points on {@code t} (from {@link #reduce}), or null to compute them
     * @return {@code fp}
     */
    public static double residuals(double[] x, double[] y, int ydim, double[] w, double[] t, int k, double[] c,
                                   double[] residuals, Basis known) {
        int lenT = t.length;
        int nc = lenT - k - 1;
        double[] h = new double[k + 1];
        double fp = 0.0;
        int l = k + 2;
        int ind = k;
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            if (!(xi < t[l - 1] || l > lenT - k - 1)) {
                l++;
            }
            if (known == null) {
                ind = findInterval(t, k, nc, xi, ind);
                SplineCore.basis(t, k, xi, ind, h);
            } else {
                System.arraycopy(known.values, i * (k + 1), h, 0, k + 1);
            }
            double wi = w == null ? 1.0 : w[i];
            double ri = 0.0;
            for (int col = 0; col < ydim; col++) {
                double term = 0.0;
                int l0 = l - k - 2;
                for (int j = 0; j <= k; j++) {
                    term = term + c[(l0 + j) * ydim + col] * h[j];
                }
                double delta = wi * (term - y[i * ydim + col]);
                term = delta * delta;
                ri += term;
                fp = fp + term;
            }
            if (residuals != null) {
                residuals[i] = ri;
            }
        }
        return fp;
    }
}
