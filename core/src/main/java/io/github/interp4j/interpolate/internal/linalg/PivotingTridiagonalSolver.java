package io.github.interp4j.interpolate.internal.linalg;

/**
 * Tridiagonal LU factorisation with partial (row) pivoting, the algorithm of LAPACK's
 * {@code dgttrf}/{@code dgttrs} (and {@code dgtsv}, which scipy's {@code solve_banded((1, 1), ...)}
 * calls): at step {@code i} rows {@code i} and {@code i + 1} are swapped when
 * {@code |A[i+1][i]| > |A[i][i]|}, which adds a second super-diagonal. O(n) time and memory;
 * the same operation order as LAPACK, so results usually agree with scipy to the last bit.
 *
 * <p>Thread-safety: stateless; factorisations are immutable.
 */
final class PivotingTridiagonalSolver implements TridiagonalSolver {
    static final PivotingTridiagonalSolver INSTANCE = new PivotingTridiagonalSolver();

    private PivotingTridiagonalSolver() {}

    @Override
    public Factorization factor(double[] lower, double[] diag, double[] upper, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("order must be at least 1, was " + n);
        }
        double[] dl = lower; // becomes the multipliers
        double[] d = diag;
        double[] du = upper;
        // Row interchanges are rare for the diagonally dominant systems of spline fits: the second
        // super-diagonal and the pivot flags are allocated on the first one only.
        double[] du2 = null;
        boolean[] swapped = null;
        for (int i = 0; i < n - 1; i++) {
            if (Math.abs(d[i]) >= Math.abs(dl[i])) {
                // No row interchange.
                if (d[i] == 0.0) {
                    throw new ArithmeticException("singular tridiagonal system: zero pivot at row " + i);
                }
                double fact = dl[i] / d[i];
                dl[i] = fact;
                d[i + 1] -= fact * du[i];
            } else {
                // Interchange rows i and i + 1.
                double fact = d[i] / dl[i];
                d[i] = dl[i];
                dl[i] = fact;
                double temp = du[i];
                du[i] = d[i + 1];
                d[i + 1] = temp - fact * d[i + 1];
                if (swapped == null) {
                    swapped = new boolean[n - 1];
                }
                if (i < n - 2) {
                    if (du2 == null) {
                        du2 = new double[n - 2];
                    }
                    du2[i] = du[i + 1];
                    du[i + 1] = -fact * du[i + 1];
                }
                swapped[i] = true;
            }
        }
        if (d[n - 1] == 0.0) {
            throw new ArithmeticException("singular tridiagonal system: zero pivot at row " + (n - 1));
        }
        return new Lu(n, dl, d, du, du2, swapped);
    }

    /**
     * Fused {@code dgtsv}: elimination of the matrix and of the right-hand sides in one forward pass,
     * then back substitution; the arithmetic of {@code factor(...).solve(...)}.
     */
    @Override
    public void solve(double[] dl, double[] d, double[] du, double[] b, int n, int m) {
        if (n < 1 || m < 1 || (long) n * m > b.length) {
            throw new IllegalArgumentException("cannot solve order " + n + " with " + m + " right-hand sides in "
                    + b.length + " elements");
        }
        double[] du2 = null;
        for (int i = 0; i < n - 1; i++) {
            int r0 = i * m;
            int r1 = r0 + m;
            if (Math.abs(d[i]) >= Math.abs(dl[i])) {
                if (d[i] == 0.0) {
                    throw new ArithmeticException("singular tridiagonal system: zero pivot at row " + i);
                }
                double fact = dl[i] / d[i];
                d[i + 1] -= fact * du[i];
                if (m == 1) {
                    b[r1] = b[r1] - fact * b[r0];
                } else {
                    for (int j = 0; j < m; j++) {
                        b[r1 + j] = b[r1 + j] - fact * b[r0 + j];
                    }
                }
            } else {
                double fact = d[i] / dl[i];
                d[i] = dl[i];
                double temp = du[i];
                du[i] = d[i + 1];
                d[i + 1] = temp - fact * d[i + 1];
                if (i < n - 2) {
                    if (du2 == null) {
                        du2 = new double[n - 2];
                    }
                    du2[i] = du[i + 1];
                    du[i + 1] = -fact * du[i + 1];
                }
                for (int j = 0; j < m; j++) {
                    double t = b[r0 + j];
                    b[r0 + j] = b[r1 + j];
                    b[r1 + j] = t - fact * b[r0 + j];
                }
            }
        }
        if (d[n - 1] == 0.0) {
            throw new ArithmeticException("singular tridiagonal system: zero pivot at row " + (n - 1));
        }
        backSubstitute(d, du, du2, b, n, m);
    }

    /** Solves U x = y in place; {@code du2} may be null (no row interchange, so it is all zero). */
    static void backSubstitute(double[] d, double[] du, double[] du2, double[] b, int n, int m) {
        int last = (n - 1) * m;
        for (int j = 0; j < m; j++) {
            b[last + j] = b[last + j] / d[n - 1];
        }
        if (n > 1) {
            int r = (n - 2) * m;
            for (int j = 0; j < m; j++) {
                b[r + j] = (b[r + j] - du[n - 2] * b[r + m + j]) / d[n - 2];
            }
        }
        // Without row interchanges du2 is zero and its term (LAPACK's "- du2[i] * x[i+2]") is left out,
        // identically for one and for several right-hand sides.
        if (du2 == null) {
            if (m == 1) {
                double next = b[Math.max(n - 2, 0)];
                for (int i = n - 3; i >= 0; i--) {
                    next = (b[i] - du[i] * next) / d[i];
                    b[i] = next;
                }
                return;
            }
            for (int i = n - 3; i >= 0; i--) {
                int r = i * m;
                double u1 = du[i];
                double di = d[i];
                for (int j = 0; j < m; j++) {
                    b[r + j] = (b[r + j] - u1 * b[r + m + j]) / di;
                }
            }
            return;
        }
        for (int i = n - 3; i >= 0; i--) {
            int r = i * m;
            double u1 = du[i];
            double u2 = du2[i];
            double di = d[i];
            for (int j = 0; j < m; j++) {
                b[r + j] = (b[r + j] - u1 * b[r + m + j] - u2 * b[r + 2 * m + j]) / di;
            }
        }
    }

    private static final class Lu implements Factorization {
        private final int n;
        private final double[] dl;
        private final double[] d;
        private final double[] du;
        private final double[] du2;
        private final boolean[] swapped;

        Lu(int n, double[] dl, double[] d, double[] du, double[] du2, boolean[] swapped) {
            this.n = n;
            this.dl = dl;
            this.d = d;
            this.du = du;
            this.du2 = du2;
            this.swapped = swapped;
        }

        @Override
        public int order() {
            return n;
        }

        @Override
        public void solve(double[] b, int m) {
            if (m < 1 || (long) n * m > b.length) {
                throw new IllegalArgumentException("rhs of length " + b.length + " cannot hold " + n + " x " + m);
            }
            // Forward: L * y = P * b.
            for (int i = 0; i < n - 1; i++) {
                int r0 = i * m;
                int r1 = r0 + m;
                double f = dl[i];
                if (swapped == null || !swapped[i]) {
                    for (int j = 0; j < m; j++) {
                        b[r1 + j] = b[r1 + j] - f * b[r0 + j];
                    }
                } else {
                    for (int j = 0; j < m; j++) {
                        double temp = b[r0 + j];
                        b[r0 + j] = b[r1 + j];
                        b[r1 + j] = temp - f * b[r0 + j];
                    }
                }
            }
            backSubstitute(d, du, du2, b, n, m);
        }
    }
}
