package io.github.interp4j.interpolate.internal.linalg;

import io.github.interp4j.nativeconfig.BlasLease;
import io.github.interp4j.nativeconfig.NativeConfig;
import org.bytedeco.openblas.global.openblas;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Java tridiagonal and banded solvers used by the fits agree with LAPACK's {@code dgtsv} and
 * {@code dgbsv} (through native-config's BLAS entry point) on the same systems, so either could serve.
 */
class SolverLapackAgreementTest {
    /** Relative agreement on well-conditioned systems (both use Gaussian elimination with partial pivoting). */
    private static final double REL_TOL = 1e-12;

    private static double maxRelDiff(double[] a, double[] b) {
        double scale = 0;
        double diff = 0;
        for (int i = 0; i < a.length; i++) {
            scale = Math.max(scale, Math.abs(b[i]));
            diff = Math.max(diff, Math.abs(a[i] - b[i]));
        }
        return diff / scale;
    }

    @Test
    @SuppressWarnings("try") // the lease is a scope guard: it holds the CPU budget for the call
    void tridiagonalAgreesWithDgtsv() {
        SplittableRandom r = new SplittableRandom(11);
        for (int n : new int[] {1, 2, 5, 1000, 100_000}) {
            int m = 3;
            double[] lower = new double[Math.max(n - 1, 1)];
            double[] diag = new double[n];
            double[] upper = new double[Math.max(n - 1, 1)];
            for (int i = 0; i < n; i++) {
                diag[i] = 1.5 + r.nextDouble(); // a spline-like system, with some rows that pivot
                if (i < n - 1) {
                    lower[i] = r.nextDouble() * (i % 7 == 0 ? 4 : 1);
                    upper[i] = r.nextDouble();
                }
            }
            double[] rhs = new double[n * m]; // row-major for the Java solver
            for (int i = 0; i < rhs.length; i++) {
                rhs[i] = r.nextDouble() - 0.5;
            }
            double[] colMajor = new double[n * m];
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < m; c++) {
                    colMajor[c * n + i] = rhs[i * m + c];
                }
            }
            double[] dl = lower.clone();
            double[] d = diag.clone();
            double[] du = upper.clone();
            TridiagonalSolver.defaultSolver().solve(lower.clone(), diag.clone(), upper.clone(), rhs, n, m);
            int info;
            try (BlasLease lease = NativeConfig.blas()) {
                info = openblas.LAPACKE_dgtsv(openblas.LAPACK_COL_MAJOR, n, m, dl, d, du, colMajor, n);
            }
            assertEquals(0, info, "dgtsv info");
            double[] lapack = new double[n * m];
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < m; c++) {
                    lapack[i * m + c] = colMajor[c * n + i];
                }
            }
            double rel = maxRelDiff(rhs, lapack);
            assertTrue(rel <= REL_TOL, "n = " + n + ": Java and dgtsv differ by " + rel);
        }
    }

    @Test
    @SuppressWarnings("try") // the lease is a scope guard: it holds the CPU budget for the call
    void bandedAgreesWithDgbsv() {
        SplittableRandom r = new SplittableRandom(12);
        int[][] bands = {{1, 1}, {2, 2}, {3, 3}, {2, 4}};
        for (int[] band : bands) {
            int kl = band[0];
            int ku = band[1];
            for (int n : new int[] {1, 7, 500, 20_000}) {
                int m = 2;
                int w = BandedLU.width(kl, ku);
                int ldab = 2 * kl + ku + 1;
                double[] ab = new double[n * w];      // Java: A[i][j] at i * w + (j - i + kl)
                double[] lab = new double[n * ldab];  // LAPACK column-major: A[i][j] at j * ldab + (kl + ku + i - j)
                for (int i = 0; i < n; i++) {
                    for (int j = Math.max(0, i - kl); j <= Math.min(n - 1, i + ku); j++) {
                        double v = r.nextDouble() - 0.5 + (i == j ? 2.0 : 0.0);
                        ab[i * w + (j - i + kl)] = v;
                        lab[j * ldab + (kl + ku + i - j)] = v;
                    }
                }
                double[] rhs = new double[n * m];
                double[] colMajor = new double[n * m];
                for (int i = 0; i < n; i++) {
                    for (int c = 0; c < m; c++) {
                        double v = r.nextDouble() - 0.5;
                        rhs[i * m + c] = v;
                        colMajor[c * n + i] = v;
                    }
                }
                BandedLU.solveInPlace(n, kl, ku, ab, rhs, m);
                int info;
                try (BlasLease lease = NativeConfig.blas()) {
                    info = openblas.LAPACKE_dgbsv(openblas.LAPACK_COL_MAJOR, n, kl, ku, m, lab, ldab, new int[n],
                            colMajor, n);
                }
                assertEquals(0, info, "dgbsv info");
                double[] lapack = new double[n * m];
                for (int i = 0; i < n; i++) {
                    for (int c = 0; c < m; c++) {
                        lapack[i * m + c] = colMajor[c * n + i];
                    }
                }
                double rel = maxRelDiff(rhs, lapack);
                assertTrue(rel <= REL_TOL, "kl=" + kl + " ku=" + ku + " n=" + n + ": Java and dgbsv differ by " + rel);
            }
        }
    }
}
