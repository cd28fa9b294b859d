package io.github.interp4j.interpolate.internal.linalg;

/**
 * The {@code L D L^T} factorisation of a symmetric positive definite pentadiagonal matrix of the form
 * {@code M = R + lam P} ({@code R} symmetric tridiagonal, {@code P} symmetric pentadiagonal, {@code lam >= 0}),
 * its solves, and the trace {@code tr(M^-1 P)} from the five central bands of {@code M^-1} computed by the
 * backward recurrence of Hutchinson and de Hoog (1985), never the dense inverse. Everything is {@code O(n)}.
 *
 * <p>Storage: {@code r0[j] = R[j][j]}, {@code r1[j] = R[j][j+1]}, {@code p0[j] = P[j][j]},
 * {@code p1[j] = P[j][j+1]}, {@code p2[j] = P[j][j+2]}. The factor is {@code L} unit lower triangular with
 * {@code a[j] = L[j][j-1]}, {@code b[j] = L[j][j-2]}, and {@code D = diag(d)}. No pivoting: the matrix must
 * be positive definite; {@link #factor} reports a pivot that is not positive and finite.
 *
 * <p>References: M. F. Hutchinson and F. R. de Hoog, "Smoothing noisy data with spline functions",
 * Numerische Mathematik 47 (1985) 99-106 (the band of the inverse from the factor).
 *
 * <p>Thread-safety: a mutable workspace; one instance per thread.
 */
public final class PentadiagonalLdl {
    private final int n;
    private final double[] d;
    private final double[] a;
    private final double[] b;
    /** The triangular band of {@link #factorRows}, allocated on first use. */
    private double[] u0;
    private double[] u1;
    private double[] u2;

    /**
     * @param n the order, at least 1
     */
    public PentadiagonalLdl(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("order must be at least 1, got " + n);
        }
        this.n = n;
        this.d = new double[n];
        this.a = new double[n];
        this.b = new double[n];
    }

    /** @return the order */
    public int order() {
        return n;
    }

    /**
     * Factors {@code M = R + lam P}, overwriting the previous factor.
     *
     * @param lam the multiplier of {@code P}
     * @param r0  diagonal of {@code R}, {@code n} long
     * @param r1  first super-diagonal of {@code R}, {@code n - 1} long (or longer)
     * @param p0  diagonal of {@code P}
     * @param p1  first super-diagonal of {@code P}
     * @param p2  second super-diagonal of {@code P}, {@code n - 2} long (or longer)
     * @return false if a pivot is not positive and finite (the matrix is not numerically positive
     *         definite); the factor is then unusable
     */
    public boolean factor(double lam, double[] r0, double[] r1, double[] p0, double[] p1, double[] p2) {
        double d0 = r0[0] + lam * p0[0];
        if (!isPivot(d0)) {
            return false;
        }
        d[0] = d0;
        a[0] = 0.0;
        b[0] = 0.0;
        if (n == 1) {
            return true;
        }
        double t1 = r1[0] + lam * p1[0];
        double a1 = t1 / d0;
        double d1 = (r0[1] + lam * p0[1]) - a1 * t1;
        if (!isPivot(d1)) {
            return false;
        }
        d[1] = d1;
        a[1] = a1;
        b[1] = 0.0;
        double dPrev2 = d0;
        double dPrev = d1;
        double aPrev = a1;
        for (int j = 2; j < n; j++) {
            double m2 = lam * p2[j - 2];                    // M[j][j-2]
            double m1 = r1[j - 1] + lam * p1[j - 1];        // M[j][j-1]
            double bj = m2 / dPrev2;
            double t = m1 - m2 * aPrev;                     // a[j] d[j-1]
            double aj = t / dPrev;
            double dj = (r0[j] + lam * p0[j]) - aj * t - bj * m2;
            if (!isPivot(dj)) {
                return false;
            }
            a[j] = aj;
            b[j] = bj;
            d[j] = dj;
            dPrev2 = dPrev;
            dPrev = dj;
            aPrev = aj;
        }
        return true;
    }

    /**
     * Factors {@code M = C^T C + G^T G} without forming {@code M}: Givens rotations reduce the stacked rows
     * {@code [C; G]} to the upper triangular band {@code U} ({@code M = U^T U}; Lawson and Hanson's sequential
     * accumulation, rows taken in the order of their first column so that {@code U} keeps two
     * super-diagonals), and the same rotations are applied to the right-hand sides. Rotations are backward
     * stable row by row, so rows of very different size (short intervals next to long ones) do not spoil
     * each other, as they do when {@code M} is formed and factored; the condition number that matters is that
     * of {@code [C; G]}, the square root of {@code M}'s. The factor is kept as {@code L D L^T}
     * ({@code d = U_jj^2}) for {@link #solve} and {@link #traceInverseTimes}.
     *
     * <p>{@code C} is upper bidiagonal ({@code c0} diagonal, {@code c1} super-diagonal); row {@code r} of
     * {@code G} ({@code 0 <= r < n + 2}) is {@code s w[r] (q0[r], q1[r], q2[r])} in columns
     * {@code r - 2, r - 1, r} (entries outside the matrix ignored). The least-squares problem solved is
     * {@code min || [C; G] x - [0; z] ||} with {@code z[r] = y[r] / (s w[r])}, that is
     * {@code M x = G^T z = Q^T y} for {@code Q} the unscaled rows, for each of the {@code cols} columns of
     * {@code y} (row-major, {@code (n + 2) x cols}).
     *
     * @param c0   diagonal of {@code C}, {@code n} long
     * @param c1   super-diagonal of {@code C}
     * @param q0   first entry of each row of {@code G} before scaling, {@code n + 2} long
     * @param q1   second entry
     * @param q2   third entry
     * @param w    row weights, positive
     * @param s    the common scale, positive
     * @param y    the data, row-major {@code (n + 2) x cols}
     * @param cols the number of right-hand sides
     * @param x    receives the solutions, row-major {@code n x cols}
     * @return false if a diagonal element of {@code U} is zero or not finite
     */
    public boolean factorRows(double[] c0, double[] c1, double[] q0, double[] q1, double[] q2, double[] w, double s,
                              double[] y, int cols, double[] x) {
        if (u0 == null) {
            u0 = new double[n];
            u1 = new double[n];
            u2 = new double[n];
        }
        java.util.Arrays.fill(u0, 0.0);
        java.util.Arrays.fill(u1, 0.0);
        java.util.Arrays.fill(u2, 0.0);
        java.util.Arrays.fill(x, 0, n * cols, 0.0);   // the rotated right-hand sides, then the solution
        double[] beta = new double[cols];
        for (int j = 0; j < n; j++) {
            java.util.Arrays.fill(beta, 0.0);
            insert(j, c0[j], j + 1 < n ? c1[j] : 0.0, 0.0, beta, x, cols);
            int rFirst = j == 0 ? 0 : j + 2;
            for (int r = rFirst; r <= j + 2; r++) {
                double sw = s * w[r];
                for (int c = 0; c < cols; c++) {
                    beta[c] = y[r * cols + c] / sw;
                }
                // row r occupies columns r-2, r-1, r; shift it to start at its first column inside [0, n)
                double e0 = r - 2 >= 0 ? q0[r] : 0.0;
                double e1 = r - 1 >= 0 && r - 1 < n ? q1[r] : 0.0;
                double e2 = r < n ? q2[r] : 0.0;
                int lead = Math.max(0, r - 2);
                if (r == 0) {
                    insert(lead, sw * e2, 0.0, 0.0, beta, x, cols);
                } else if (r == 1) {
                    insert(lead, sw * e1, sw * e2, 0.0, beta, x, cols);
                } else {
                    insert(lead, sw * e0, sw * e1, sw * e2, beta, x, cols);
                }
            }
        }
        for (int k = 0; k < n; k++) {
            double u = u0[k];
            if (!(Math.abs(u) > 0.0 && Math.abs(u) < Double.POSITIVE_INFINITY)) {
                return false;
            }
            d[k] = u * u;
            a[k] = 0.0;
            b[k] = 0.0;
        }
        for (int k = 0; k + 1 < n; k++) {
            a[k + 1] = u1[k] / u0[k];
            if (k + 2 < n) {
                b[k + 2] = u2[k] / u0[k];
            }
        }
        for (int c = 0; c < cols; c++) {
            double x1 = 0.0;
            double x2 = 0.0;
            for (int k = n - 1; k >= 0; k--) {
                double v = (x[k * cols + c] - u1[k] * x1 - u2[k] * x2) / u0[k];
                x[k * cols + c] = v;
                x2 = x1;
                x1 = v;
            }
        }
        return true;
    }

    /** Rotates the row (v0, v1, v2) in columns (k, k+1, k+2) with right-hand sides beta into U from row k on. */
    private void insert(int k, double v0, double v1, double v2, double[] beta, double[] t, int cols) {
        for (; k < n; k++) {
            if (v0 != 0.0) {
                double u = u0[k];
                if (u == 0.0 && u1[k] == 0.0 && u2[k] == 0.0) {
                    u0[k] = v0;
                    u1[k] = k + 1 < n ? v1 : 0.0;
                    u2[k] = k + 2 < n ? v2 : 0.0;
                    for (int c = 0; c < cols; c++) {
                        t[k * cols + c] = beta[c];
                    }
                    return;
                }
                double r = Math.sqrt(u * u + v0 * v0);
                double inv = 1.0 / r;
                double cs = u * inv;
                double sn = v0 * inv;
                u0[k] = r;
                double a1 = u1[k];
                double a2 = u2[k];
                u1[k] = cs * a1 + sn * v1;
                u2[k] = cs * a2 + sn * v2;
                double nv1 = cs * v1 - sn * a1;
                double nv2 = cs * v2 - sn * a2;
                for (int c = 0; c < cols; c++) {
                    double tk = t[k * cols + c];
                    t[k * cols + c] = cs * tk + sn * beta[c];
                    beta[c] = cs * beta[c] - sn * tk;
                }
                v1 = nv1;
                v2 = nv2;
            }
            v0 = v1;
            v1 = v2;
            v2 = 0.0;
            if (v0 == 0.0 && v1 == 0.0) {
                return;
            }
        }
    }

    private static boolean isPivot(double v) {
        return v > 0.0 && v < Double.POSITIVE_INFINITY;
    }

    /**
     * Solves {@code M x = rhs} in place with the current factor; {@code rhs} holds {@code m} columns row-major
     * ({@code rhs[i * m + c]}).
     *
     * @param rhs the right-hand sides, overwritten with the solution
     * @param m   the number of columns, at least 1
     */
    public void solve(double[] rhs, int m) {
        for (int c = 0; c < m; c++) {
            double z2 = 0.0;
            double z1 = 0.0;
            for (int j = 0; j < n; j++) {
                double z = rhs[j * m + c] - a[j] * z1 - b[j] * z2;
                rhs[j * m + c] = z;
                z2 = z1;
                z1 = z;
            }
            double x1 = 0.0;   // x[j+1]
            double x2 = 0.0;   // x[j+2]
            for (int j = n - 1; j >= 0; j--) {
                double aNext = j + 1 < n ? a[j + 1] : 0.0;
                double bNext = j + 2 < n ? b[j + 2] : 0.0;
                double x = rhs[j * m + c] / d[j] - aNext * x1 - bNext * x2;
                rhs[j * m + c] = x;
                x2 = x1;
                x1 = x;
            }
        }
    }

    /**
     * {@code tr(M^-1 P)} and {@code tr(M^-1 R)} for the current factor {@code M = L D L^T}, a symmetric
     * pentadiagonal {@code P} and a symmetric tridiagonal {@code R}: the five central bands of
     * {@code Sigma = M^-1} come from {@code Sigma = D^-1 L^-1 + (I - L^T) Sigma}, row by row from the last
     * (Hutchinson and de Hoog), each needing only the two rows below it. O(n), no storage.
     *
     * @param p0  diagonal of {@code P}
     * @param p1  first super-diagonal of {@code P}
     * @param p2  second super-diagonal of {@code P}
     * @param r0  diagonal of {@code R}
     * @param r1  first super-diagonal of {@code R}
     * @param out receives {@code tr(M^-1 P)} at 0 and {@code tr(M^-1 R)} at 1
     */
    public void traces(double[] p0, double[] p1, double[] p2, double[] r0, double[] r1, double[] out) {
        double s11 = 0.0;  // Sigma[i+1][i+1]
        double s12 = 0.0;  // Sigma[i+1][i+2]
        double s22 = 0.0;  // Sigma[i+2][i+2]
        double trP = 0.0;
        double trR = 0.0;
        for (int i = n - 1; i >= 0; i--) {
            double aa = i + 1 < n ? a[i + 1] : 0.0;
            double bb = i + 2 < n ? b[i + 2] : 0.0;
            double e1 = -aa * s11 - bb * s12;        // Sigma[i][i+1]
            double e2 = -aa * s12 - bb * s22;        // Sigma[i][i+2]
            double e0 = 1.0 / d[i] - aa * e1 - bb * e2;
            double sp = e0 * p0[i];
            double sr = e0 * r0[i];
            if (i + 1 < n) {
                sp += 2.0 * e1 * p1[i];
                sr += 2.0 * e1 * r1[i];
            }
            if (i + 2 < n) {
                sp += 2.0 * e2 * p2[i];
            }
            trP += sp;
            trR += sr;
            s22 = s11;
            s12 = e1;
            s11 = e0;
        }
        out[0] = trP;
        out[1] = trR;
    }

}
