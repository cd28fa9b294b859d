package io.github.interp4j.interpolate.internal.rbf;

/**
 * The Householder QR factorisation of P (n x r, r small) in compact WY form, {@code Q = I - V T V^T},
 * computed on the heap with LAPACK's conventions ({@code dgeqrf}/{@code dlarfg}/{@code dlarft}), and
 * the numerical rank of P as numpy's {@code matrix_rank}: singular values (of R, by one-sided Jacobi)
 * above {@code s_max * max(n, r) * eps}. O(n r^2).
 *
 * <p>Thread-safety: immutable after construction.
 */
final class RbfQr {
    /** V, column-major n x r, unit lower trapezoidal. */
    final double[] v;
    /** T, r x r upper triangular. */
    final double[][] t;
    /** R, r x r upper triangular. */
    final double[][] rf;
    final int rank;

    private RbfQr(double[] v, double[][] t, double[][] rf, int rank) {
        this.v = v;
        this.t = t;
        this.rf = rf;
        this.rank = rank;
    }

    static RbfQr of(double[] p, int n, int r) {
        double[] q = p.clone();
        double[] tau = new double[r];
        double[][] rf = new double[r][r];
        for (int j = 0; j < r; j++) {
            int cj = j * n;
            double alpha = j < n ? q[cj + j] : 0.0;
            double xnorm = 0.0;
            double scaleN = 0.0;
            for (int i = j + 1; i < n; i++) {
                scaleN = Math.max(scaleN, Math.abs(q[cj + i]));
            }
            if (scaleN > 0.0) {
                double ss = 0.0;
                for (int i = j + 1; i < n; i++) {
                    double t = q[cj + i] / scaleN;
                    ss += t * t;
                }
                xnorm = scaleN * Math.sqrt(ss);
            }
            if (xnorm == 0.0) {
                tau[j] = 0.0;
                rf[j][j] = alpha;
            } else {
                double beta = -Math.copySign(Math.hypot(alpha, xnorm), alpha);
                tau[j] = (beta - alpha) / beta;
                double inv = 1.0 / (alpha - beta);
                for (int i = j + 1; i < n; i++) {
                    q[cj + i] *= inv;
                }
                rf[j][j] = beta;
                // apply H = I - tau v v^T (v = [1; q[j+1:, j]]) to the columns on the right
                for (int l = j + 1; l < r; l++) {
                    int cl = l * n;
                    double w = q[cl + j];
                    for (int i = j + 1; i < n; i++) {
                        w += q[cj + i] * q[cl + i];
                    }
                    w *= tau[j];
                    q[cl + j] -= w;
                    for (int i = j + 1; i < n; i++) {
                        q[cl + i] -= w * q[cj + i];
                    }
                }
            }
            for (int l = j + 1; l < r; l++) {
                rf[j][l] = q[l * n + j];
            }
        }
        double[] v = new double[n * r];
        for (int t = 0; t < r; t++) {
            v[t * n + t] = 1.0;
            for (int i = t + 1; i < n; i++) {
                v[t * n + i] = q[t * n + i];
            }
        }
        // T of the compact WY form (LAPACK dlarft, forward, columnwise):
        // T[0:i, i] = -tau_i T[0:i, 0:i] (V[:, 0:i]^T V[:, i]), T[i][i] = tau_i.
        double[][] t = new double[r][r];
        for (int i = 0; i < r; i++) {
            double[] w = new double[i];
            for (int l = 0; l < i; l++) {
                double s = 0.0;
                for (int j = i; j < n; j++) {
                    s += v[l * n + j] * v[i * n + j];
                }
                w[l] = s;
            }
            for (int row = 0; row < i; row++) {
                double s = 0.0;
                for (int l = row; l < i; l++) {
                    s += t[row][l] * w[l];
                }
                t[row][i] = -tau[i] * s;
            }
            t[i][i] = tau[i];
        }
        double[] sv = singularValues(rf);
        double smax = 0.0;
        for (double x : sv) {
            smax = Math.max(smax, x);
        }
        double tol = smax * Math.max(n, r) * Math.ulp(1.0);
        int rank = 0;
        for (double x : sv) {
            if (x > tol) {
                rank++;
            }
        }
        return new RbfQr(v, t, rf, rank);
    }

    /** Singular values of a small square matrix by one-sided (Hestenes) Jacobi rotations. */
    static double[] singularValues(double[][] a0) {
        int r = a0.length;
        double[][] col = new double[r][r]; // col[j] = column j
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                col[j][i] = a0[i][j];
            }
        }
        double eps = Math.ulp(1.0);
        for (int sweep = 0; sweep < 80; sweep++) {
            boolean rotated = false;
            for (int pI = 0; pI < r - 1; pI++) {
                for (int qI = pI + 1; qI < r; qI++) {
                    double[] x = col[pI];
                    double[] y = col[qI];
                    double alpha = 0.0;
                    double beta = 0.0;
                    double gamma = 0.0;
                    for (int i = 0; i < r; i++) {
                        alpha += x[i] * x[i];
                        beta += y[i] * y[i];
                        gamma += x[i] * y[i];
                    }
                    if (gamma == 0.0 || Math.abs(gamma) <= eps * Math.sqrt(alpha * beta)) {
                        continue;
                    }
                    rotated = true;
                    double zeta = (beta - alpha) / (2.0 * gamma);
                    double tt = Math.copySign(1.0, zeta) / (Math.abs(zeta) + Math.sqrt(1.0 + zeta * zeta));
                    double c = 1.0 / Math.sqrt(1.0 + tt * tt);
                    double sn = c * tt;
                    for (int i = 0; i < r; i++) {
                        double xi = x[i];
                        double yi = y[i];
                        x[i] = c * xi - sn * yi;
                        y[i] = sn * xi + c * yi;
                    }
                }
            }
            if (!rotated) {
                break;
            }
        }
        double[] sv = new double[r];
        for (int j = 0; j < r; j++) {
            double ss = 0.0;
            for (int i = 0; i < r; i++) {
                ss += col[j][i] * col[j][i];
            }
            sv[j] = Math.sqrt(ss);
        }
        return sv;
    }

    /** {@code x <- Q^T x} ({@code transpose}) or {@code x <- Q x}, x column-major n x m, Q = I - V T V^T. */
    void apply(double[] x, int n, int r, int m, boolean transpose) {
        final RbfQr f = this;
        double[] u = new double[r];
        double[] w = new double[r];
        for (int c = 0; c < m; c++) {
            int off = c * n;
            for (int l = 0; l < r; l++) {
                double s = 0.0;
                for (int j = l; j < n; j++) {
                    s += f.v[l * n + j] * x[off + j];
                }
                u[l] = s;
            }
            for (int i = 0; i < r; i++) {
                double s = 0.0;
                for (int l = 0; l < r; l++) {
                    s += (transpose ? f.t[l][i] : f.t[i][l]) * u[l];
                }
                w[i] = s;
            }
            for (int l = 0; l < r; l++) {
                double wl = w[l];
                for (int j = l; j < n; j++) {
                    x[off + j] -= f.v[l * n + j] * wl;
                }
            }
        }
    }
}
