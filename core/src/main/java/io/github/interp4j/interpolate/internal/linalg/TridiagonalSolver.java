package io.github.interp4j.interpolate.internal.linalg;

/**
 * Solves tridiagonal linear systems with several right-hand sides: factor once, solve many times.
 * Kept behind this small interface so that a native (LAPACK {@code ?gttrf/?gttrs}) implementation can
 * replace the Java one without touching the interpolants.
 *
 * <p>The system of order {@code n} is given by three diagonals: {@code lower[i] = A[i + 1][i]} and
 * {@code upper[i] = A[i][i + 1]} for {@code 0 <= i < n - 1}, {@code diag[i] = A[i][i]}. Right-hand sides
 * are stored row-major, {@code rhs[i * m + j]} being row {@code i} of right-hand side {@code j}, which
 * is the layout of scipy's {@code y} of shape {@code (n, m)}. Every column is transformed by exactly the
 * same floating-point operations whatever {@code m}, so solving one column alone or among others gives
 * bit-identical results.
 */
public interface TridiagonalSolver {

    /** A factorised tridiagonal matrix. Immutable; safe to share. */
    interface Factorization {
        /** @return the order of the system */
        int order();

        /**
         * Overwrites {@code rhs} (row-major, {@code order() * m} long) with the solution.
         *
         * @param rhs the right-hand sides, row-major
         * @param m   the number of right-hand sides, at least 1
         * @throws IllegalArgumentException if {@code rhs} is shorter than {@code order() * m}
         */
        void solve(double[] rhs, int m);
    }

    /**
     * Factorises the matrix. The input arrays are taken over (they may be overwritten and kept).
     *
     * @param lower sub-diagonal, at least {@code n - 1} long
     * @param diag  diagonal, at least {@code n} long
     * @param upper super-diagonal, at least {@code n - 1} long
     * @param n     the order, at least 1
     * @return the factorisation
     * @throws ArithmeticException if the matrix is singular (an exactly zero pivot)
     */
    Factorization factor(double[] lower, double[] diag, double[] upper, int n);

    /**
     * Factorises and solves in one go, for a matrix used once: the same arithmetic as
     * {@code factor(lower, diag, upper, n).solve(rhs, m)}, which implementations may fuse into fewer passes.
     *
     * @param lower sub-diagonal (overwritten)
     * @param diag  diagonal (overwritten)
     * @param upper super-diagonal (overwritten)
     * @param rhs   right-hand sides, row-major {@code n * m}; overwritten with the solution
     * @param n     the order, at least 1
     * @param m     the number of right-hand sides, at least 1
     * @throws ArithmeticException if the matrix is singular
     */
    default void solve(double[] lower, double[] diag, double[] upper, double[] rhs, int n, int m) {
        factor(lower, diag, upper, n).solve(rhs, m);
    }

    /** @return the default solver: Gaussian elimination with partial pivoting in Java */
    static TridiagonalSolver defaultSolver() {
        return PivotingTridiagonalSolver.INSTANCE;
    }
}
