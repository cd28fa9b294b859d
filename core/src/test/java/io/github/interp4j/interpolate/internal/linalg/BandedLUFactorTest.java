package io.github.interp4j.interpolate.internal.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** {@link BandedLU#factor}: factor once, solve many right-hand sides. */
class BandedLUFactorTest {

    /** A random band matrix whose diagonal is small, so that partial pivoting swaps rows. */
    private static double[] band(SplittableRandom rnd, int n, int kl, int ku) {
        int w = BandedLU.width(kl, ku);
        double[] ab = new double[n * w];
        for (int i = 0; i < n; i++) {
            for (int j = Math.max(0, i - kl); j <= Math.min(n - 1, i + ku); j++) {
                ab[i * w + (j - i + kl)] = (i == j ? 0.1 : 1.0) * (rnd.nextDouble() - 0.5);
            }
        }
        return ab;
    }

    private static double get(double[] ab, int kl, int ku, int i, int j) {
        int w = BandedLU.width(kl, ku);
        int o = j - i + kl;
        return o < 0 || o >= w ? 0.0 : ab[i * w + o];
    }

    @Test
    void solvesEveryRightHandSideAndMatchesTheOneShotSolver() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int[] shape : new int[][] {{1, 0, 0}, {7, 1, 1}, {40, 3, 3}, {50, 2, 5}, {30, 5, 2}}) {
            int n = shape[0];
            int kl = shape[1];
            int ku = shape[2];
            double[] a = band(rnd, n, kl, ku);
            int m = 4;
            double[] b = new double[n * m];
            for (int i = 0; i < b.length; i++) {
                b[i] = rnd.nextDouble();
            }
            BandedLU.Factor f = BandedLU.factor(n, kl, ku, a.clone());
            assertEquals(n, f.order());
            double[] x = b.clone();
            f.solve(x, m);
            double[] y = b.clone();
            BandedLU.solveInPlace(n, kl, ku, a.clone(), y, m);
            for (int c = 0; c < m; c++) {
                // residual of A x = b
                for (int i = 0; i < n; i++) {
                    double s = 0;
                    for (int j = Math.max(0, i - kl); j <= Math.min(n - 1, i + ku); j++) {
                        s += get(a, kl, ku, i, j) * x[j * m + c];
                    }
                    assertEquals(b[i * m + c], s, 1e-9, "residual row " + i);
                    assertEquals(y[i * m + c], x[i * m + c], 1e-9 * Math.max(1, Math.abs(y[i * m + c])));
                }
                // one right-hand side at a time gives the same bits as a block
                double[] single = new double[n];
                for (int i = 0; i < n; i++) {
                    single[i] = b[i * m + c];
                }
                f.solve(single, 1);
                for (int i = 0; i < n; i++) {
                    assertEquals(Double.doubleToLongBits(x[i * m + c]), Double.doubleToLongBits(single[i]));
                }
            }
        }
    }

    @Test
    void singularMatrixThrows() {
        double[] ab = new double[3 * BandedLU.width(1, 1)];
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> BandedLU.factor(3, 1, 1, ab));
        assertTrue(e.getMessage().contains("zero pivot in column 0"), e.getMessage());
    }
}
