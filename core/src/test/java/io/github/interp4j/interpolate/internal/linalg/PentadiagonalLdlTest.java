package io.github.interp4j.interpolate.internal.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * {@link PentadiagonalLdl} against dense arithmetic on small random systems {@code M = R + lam P},
 * {@code R = C^T C} (C upper bidiagonal), {@code P = G^T G} (G with three entries per row, scaled by
 * {@code s w[r]} with {@code lam = s^2}): both factorisations solve {@code M x = G^T z}, and the traces
 * {@code tr(M^-1 P)}, {@code tr(M^-1 R)} equal those of the dense inverse. Tolerance {@link #TOL} relative.
 */
class PentadiagonalLdlTest {
    static final double TOL = 1e-11;

    @Test
    void factorisationsSolveAndTracesMatchDenseArithmetic() {
        Random rnd = new Random(11);
        for (int trial = 0; trial < 20; trial++) {
            int n = 3 + rnd.nextInt(10);
            double[] c0 = new double[n];
            double[] c1 = new double[n];
            for (int j = 0; j < n; j++) {
                c0[j] = 0.5 + rnd.nextDouble();
                c1[j] = j + 1 < n ? rnd.nextDouble() - 0.5 : 0.0;
            }
            int rows = n + 2;
            double[] q0 = new double[rows];
            double[] q1 = new double[rows];
            double[] q2 = new double[rows];
            double[] w = new double[rows];
            double[] y = new double[rows];
            for (int r = 0; r < rows; r++) {
                q0[r] = rnd.nextGaussian();
                q1[r] = rnd.nextGaussian();
                q2[r] = rnd.nextGaussian();
                w[r] = 0.5 + rnd.nextDouble();
                y[r] = rnd.nextGaussian();
            }
            double s = Math.exp(3 * rnd.nextGaussian());
            double lam = s * s;
            // dense C, G (unscaled rows times w), R, P, the right-hand side G^T z = Q^T y with Q = rows of q
            double[][] mat = new double[n][n];
            double[][] r = new double[n][n];
            double[][] p = new double[n][n];
            double[] rhs = new double[n];
            for (int j = 0; j < n; j++) {
                r[j][j] += c0[j] * c0[j];
                if (j + 1 < n) {
                    r[j][j + 1] += c0[j] * c1[j];
                    r[j + 1][j] += c0[j] * c1[j];
                    r[j + 1][j + 1] += c1[j] * c1[j];
                }
            }
            for (int row = 0; row < rows; row++) {
                double[] g = new double[n];
                double[] e = {q0[row], q1[row], q2[row]};
                for (int k = 0; k < 3; k++) {
                    int col = row - 2 + k;
                    if (col >= 0 && col < n) {
                        g[col] = e[k];
                    }
                }
                for (int a = 0; a < n; a++) {
                    rhs[a] += g[a] * y[row];
                    for (int b = 0; b < n; b++) {
                        p[a][b] += g[a] * g[b] * w[row] * w[row];
                    }
                }
            }
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    mat[a][b] = r[a][b] + lam * p[a][b];
                }
            }
            double[][] inv = inverse(mat);
            double[] expected = new double[n];
            double trP = 0;
            double trR = 0;
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    expected[a] += inv[a][b] * rhs[b];
                    trP += inv[a][b] * p[b][a];
                    trR += inv[a][b] * r[b][a];
                }
            }
            double[] r0 = new double[n];
            double[] r1 = new double[n];
            double[] p0 = new double[n];
            double[] p1 = new double[n];
            double[] p2 = new double[n];
            for (int j = 0; j < n; j++) {
                r0[j] = r[j][j];
                p0[j] = p[j][j];
                r1[j] = j + 1 < n ? r[j][j + 1] : 0;
                p1[j] = j + 1 < n ? p[j][j + 1] : 0;
                p2[j] = j + 2 < n ? p[j][j + 2] : 0;
            }
            PentadiagonalLdl ldl = new PentadiagonalLdl(n);
            double[] traces = new double[2];
            assertTrue(ldl.factor(lam, r0, r1, p0, p1, p2));
            double[] x1 = rhs.clone();
            ldl.solve(x1, 1);
            ldl.traces(p0, p1, p2, r0, r1, traces);
            check(expected, x1, "L D L^T solve, trial " + trial);
            assertEquals(trP, traces[0], TOL * Math.abs(trP), "tr(M^-1 P), trial " + trial);
            assertEquals(trR, traces[1], TOL * Math.abs(trR), "tr(M^-1 R), trial " + trial);
            double[] x2 = new double[n];
            assertTrue(ldl.factorRows(c0, c1, q0, q1, q2, w, s, y, 1, x2));
            check(expected, x2, "rotations, trial " + trial);
            ldl.traces(p0, p1, p2, r0, r1, traces);
            assertEquals(trP, traces[0], TOL * Math.abs(trP), "tr(M^-1 P) after rotations, trial " + trial);
            assertEquals(trR, traces[1], TOL * Math.abs(trR), "tr(M^-1 R) after rotations, trial " + trial);
        }
    }

    private static void check(double[] expected, double[] actual, String what) {
        double scale = 0;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], TOL * scale, what + " at " + i);
        }
    }

    /** Gauss-Jordan with partial pivoting (small dense test matrices only). */
    private static double[][] inverse(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n + i] = 1;
        }
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int i = c + 1; i < n; i++) {
                if (Math.abs(m[i][c]) > Math.abs(m[piv][c])) {
                    piv = i;
                }
            }
            double[] t = m[c];
            m[c] = m[piv];
            m[piv] = t;
            double d = m[c][c];
            for (int k = 0; k < 2 * n; k++) {
                m[c][k] /= d;
            }
            for (int i = 0; i < n; i++) {
                if (i != c) {
                    double f = m[i][c];
                    for (int k = 0; k < 2 * n; k++) {
                        m[i][k] -= f * m[c][k];
                    }
                }
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], n, inv[i], 0, n);
        }
        return inv;
    }
}
