package io.github.interp4j.interpolate.internal.linalg;

/**
 * Gaussian elimination with partial (row) pivoting for banded systems, the algorithm of LAPACK's
 * {@code dgbsv} (used by scipy's {@code make_interp_spline}), written for the JVM; plus a small dense
 * solver for the few tiny systems the spline code needs.
 *
 * <h2>Band storage</h2>
 * A matrix {@code A} of order {@code n} with {@code kl} sub-diagonals and {@code ku} super-diagonals is
 * held row by row in a flat array of {@code n * w} doubles, {@code w = 2 kl + ku + 1}: element
 * {@code A[i][j]} lives at {@code ab[i * w + (j - i + kl)]}, for {@code i - kl <= j <= i + kl + ku}.
 * The caller fills columns {@code i - kl .. i + ku} of each row and leaves the last {@code kl} slots of a
 * row zero: partial pivoting can fill in up to {@code kl} more super-diagonals there. Rows are
 * contiguous, so every elimination step works on short contiguous runs.
 *
 * <h2>Two entry points</h2>
 * {@link #solveInPlace} (the 1-D spline fits) applies the multipliers to the right-hand sides during the
 * factorisation and does not store them: {@code O(n (kl + ku) (kl + m))} time, no memory beyond its
 * arguments. {@link #factor} keeps multipliers and pivots in a {@link Factor} that solves any number of
 * right-hand sides later (the grid interpolator's per-axis solves, applied to blocks of lines). Both use
 * the same pivot search; each keeps the arithmetic its callers have always had.
 *
 * <p>Thread-safety: stateless; arguments are modified in place and must not be shared during a call.
 */
public final class BandedLU {
    /**
     * Whether the updates use {@link Math#fma}: true when HotSpot reports hardware fused multiply-add
     * ({@code -XX:+UseFMA}, the default on x86-64 with FMA3 and on AArch64); without it {@code Math.fma} is
     * emulated in software and far too slow, so the plain two-rounding arithmetic is used.
     */
    public static final boolean FUSED = detectFma();

    private BandedLU() {}

    private static boolean detectFma() {
        try {
            com.sun.management.HotSpotDiagnosticMXBean bean = java.lang.management.ManagementFactory
                    .getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            return bean != null && Boolean.parseBoolean(bean.getVMOption("UseFMA").getValue());
        } catch (RuntimeException | LinkageError e) {
            return false; // not HotSpot, or the option is unknown: stay with the portable arithmetic
        }
    }

    /**
     * The row width {@code 2 kl + ku + 1} of the band storage.
     *
     * @param kl sub-diagonals
     * @param ku super-diagonals
     * @return the number of doubles per row
     */
    public static int width(int kl, int ku) {
        return 2 * kl + ku + 1;
    }

    /**
     * Solves {@code A X = B} in place: on return {@code rhs} holds {@code X} and {@code ab} holds the
     * upper-triangular factor.
     *
     * <p>The arithmetic is that of LAPACK's unblocked {@code dgbtf2} + {@code dgbtrs} as scipy runs them on
     * OpenBLAS: the first largest pivot of the column, multipliers {@code a * (1 / pivot)}, rank-1 updates
     * {@code a + l (-u)} and a column-oriented back substitution {@code x_i = b_i / u_ii},
     * {@code b_r += (-x_i) u_ri} over the whole band. Where the JVM has hardware fused multiply-add (see
     * {@link #FUSED}) the updates are fused like OpenBLAS's FMA kernels, which makes the solution bit-for-bit
     * scipy's on such hardware; otherwise they are rounded twice (a few ulps of difference).
     *
     * @param n   the order of {@code A}, at least 0
     * @param kl  sub-diagonals, at least 0
     * @param ku  super-diagonals, at least 0
     * @param ab  {@code A} in band storage ({@code n * width(kl, ku)} doubles), overwritten
     * @param rhs {@code B}, {@code n} rows of {@code m} values, row-major; overwritten by {@code X}
     * @param m   the number of right-hand sides
     * @throws ArithmeticException if a pivot is exactly zero (the matrix is singular)
     */
    public static void solveInPlace(int n, int kl, int ku, double[] ab, double[] rhs, int m) {
        solveLapackOrder(n, kl, ku, ab, rhs, m);
    }

    /**
     * The pivot row of column {@code i} in partial pivoting: the first row of largest magnitude among
     * rows {@code i .. i + kl} (LAPACK's {@code idamax}).
     *
     * @throws ArithmeticException if the pivot is exactly zero
     */
    private static int pivotRow(int n, int kl, int ku, double[] ab, int i) {
        final int w = width(kl, ku);
        final int rowsBelow = Math.min(kl, n - 1 - i);
        int p = i;
        double best = Math.abs(ab[i * w + kl]); // A[r][i] is at r * w + (i - r + kl)
        for (int r = 1; r <= rowsBelow; r++) {
            double v = Math.abs(ab[(i + r) * w + kl - r]);
            if (v > best) {
                best = v;
                p = i + r;
            }
        }
        if (ab[p * w + (i - p + kl)] == 0.0) {
            throw new ArithmeticException("matrix is singular: zero pivot in column " + i);
        }
        return p;
    }

    /** Swaps rows {@code i} and {@code p} of the band (columns {@code i .. i + span}) and of the {@code m} right-hand sides. */
    private static void swapRows(int kl, int ku, double[] ab, double[] rhs, int m, int i, int p, int span) {
        if (p == i) {
            return;
        }
        final int w = width(kl, ku);
        final int di = i * w + kl;
        final int dp = p * w + (i - p + kl);
        for (int j = 0; j <= span; j++) {
            double tmp = ab[di + j];
            ab[di + j] = ab[dp + j];
            ab[dp + j] = tmp;
        }
        final int ri = i * m;
        final int rp = p * m;
        for (int c = 0; c < m; c++) {
            double tmp = rhs[ri + c];
            rhs[ri + c] = rhs[rp + c];
            rhs[rp + c] = tmp;
        }
    }

    /**
     * {@code z + x y}, fused (one rounding) when {@link #FUSED}, else rounded twice. {@code FUSED} is a
     * constant to the JIT, so each call compiles to the one instruction sequence of its branch.
     */
    private static double mulAdd(double x, double y, double z) {
        return FUSED ? Math.fma(x, y, z) : z + x * y;
    }

    private static void solveLapackOrder(int n, int kl, int ku, double[] ab, double[] rhs, int m) {
        final int w = width(kl, ku);
        int ju = 0;
        for (int i = 0; i < n; i++) {
            final int p = pivotRow(n, kl, ku, ab, i);
            ju = Math.max(ju, Math.min(p + ku, n - 1));
            swapRows(kl, ku, ab, rhs, m, i, p, ju - i);
            final int di = i * w + kl;
            final double recip = 1.0 / ab[di];
            final int span = ju - i;
            final int rowsBelow = Math.min(kl, n - 1 - i);
            final int ri = i * m;
            for (int r = 1; r <= rowsBelow; r++) {
                final int dr = (i + r) * w + kl - r; // A[i + r][i]
                final double f = ab[dr] * recip;
                ab[dr] = 0.0;
                if (f != 0.0) {
                    for (int j = 1; j <= span; j++) {
                        ab[dr + j] = mulAdd(f, -ab[di + j], ab[dr + j]);
                    }
                }
                final int rr = (i + r) * m;
                for (int c = 0; c < m; c++) {
                    rhs[rr + c] = mulAdd(f, -rhs[ri + c], rhs[rr + c]);
                }
            }
        }
        final int kv = kl + ku;
        for (int i = n - 1; i >= 0; i--) {
            final double piv = ab[i * w + kl];
            final int len = Math.min(i, kv);
            final int ri = i * m;
            for (int c = 0; c < m; c++) {
                final double xi = rhs[ri + c] / piv;
                rhs[ri + c] = xi;
                for (int r = i - 1; r >= i - len; r--) {
                    rhs[r * m + c] = mulAdd(-xi, ab[r * w + (i - r + kl)], rhs[r * m + c]);
                }
            }
        }
    }

    /**
     * Factors {@code A} once, keeping the multipliers and pivots, so that {@link Factor#solve} can then be
     * applied to any number of right-hand sides (LAPACK's {@code dgbtrf} + {@code dgbtrs} split), for
     * callers that solve the same system for right-hand sides that arrive in blocks (the tensor-product
     * spline solves of the grid interpolator). The pivot search is {@link #solveInPlace}'s; the arithmetic
     * is the textbook one ({@code f = a / pivot}, {@code a - f u}, rounded twice, never fused), which is
     * what the grid interpolator has always computed. O(n kl (kl + ku)).
     *
     * @param n  the order of {@code A}, at least 0
     * @param kl sub-diagonals, at least 0
     * @param ku super-diagonals, at least 0
     * @param ab {@code A} in band storage ({@code n * width(kl, ku)} doubles), taken over: overwritten by the
     *           upper factor and kept by the result (not copied)
     * @return the factorisation
     * @throws ArithmeticException if a pivot is exactly zero (the matrix is singular)
     */
    public static Factor factor(int n, int kl, int ku, double[] ab) {
        return new Factor(n, kl, ku, ab);
    }

    /**
     * A banded LU factorisation with partial pivoting that keeps its multipliers and pivots
     * ({@link #factor}). Immutable after construction: {@link #solve} may run on many threads at once.
     */
    public static final class Factor {
        private final int n;
        private final int kl;
        private final int kv;
        private final int w;
        private final double[] u;
        private final double[] lmul;
        private final int[] piv;

        private Factor(int n, int kl, int ku, double[] ab) {
            this.n = n;
            this.kl = kl;
            this.kv = kl + ku;
            this.w = width(kl, ku);
            this.lmul = new double[Math.max(1, n * kl)];
            this.piv = new int[n];
            int ju = 0;
            for (int i = 0; i < n; i++) {
                final int p = pivotRow(n, kl, ku, ab, i);
                piv[i] = p;
                ju = Math.max(ju, Math.min(p + ku, n - 1));
                swapRows(kl, ku, ab, null, 0, i, p, ju - i);
                final int di = i * w + kl;
                final int span = ju - i;
                final int rowsBelow = Math.min(kl, n - 1 - i);
                final double pivot = ab[di];
                for (int r = 1; r <= rowsBelow; r++) {
                    final int dr = (i + r) * w + kl - r;
                    final double f = ab[dr] / pivot;
                    lmul[i * kl + r - 1] = f;
                    if (f == 0.0) {
                        continue;
                    }
                    ab[dr] = 0.0;
                    for (int j = 1; j <= span; j++) {
                        ab[dr + j] -= f * ab[di + j];
                    }
                }
            }
            this.u = ab;
        }

        /** @return the order n of the matrix */
        public int order() {
            return n;
        }

        /**
         * Solves {@code A X = B} in place for {@code m} right-hand sides stored row-major
         * ({@code B[i][c]} at {@code b[i * m + c]}): the row interchanges and multipliers in the order of the
         * factorisation, then back substitution. Each column's arithmetic is independent of the others and of
         * {@code m}. O(n (2 kl + ku) m); allocates nothing.
         *
         * @param b {@code B}, {@code n * m} values, overwritten by {@code X}
         * @param m the number of right-hand sides
         */
        public void solve(double[] b, int m) {
            solve(b, 0, m, m);
        }

        /**
         * Solves {@code A X = B} in place for {@code m} right-hand sides held as columns
         * {@code off .. off + m - 1} of a row-major matrix with row stride {@code ld}
         * ({@code B[i][c]} at {@code b[off + i * ld + c]}): a block of columns of a larger matrix (one slab of
         * a tensor along an axis) is solved where it lies, without gathering it. Each column's arithmetic is
         * the same as in {@link #solve(double[], int)}, so the results are bit for bit equal.
         *
         * @param b   the matrix, overwritten in the {@code n x m} block by {@code X}
         * @param off the index of {@code B[0][0]}
         * @param ld  the row stride, at least {@code m}
         * @param m   the number of right-hand sides
         */
        public void solve(double[] b, int off, int ld, int m) {
            for (int i = 0; i < n; i++) {
                final int p = piv[i];
                final int ri = off + i * ld;
                if (p != i) {
                    final int rp = off + p * ld;
                    for (int c = 0; c < m; c++) {
                        double tmp = b[ri + c];
                        b[ri + c] = b[rp + c];
                        b[rp + c] = tmp;
                    }
                }
                final int rowsBelow = Math.min(kl, n - 1 - i);
                for (int r = 1; r <= rowsBelow; r++) {
                    final double f = lmul[i * kl + r - 1];
                    if (f == 0.0) {
                        continue;
                    }
                    final int rr = off + (i + r) * ld;
                    for (int c = 0; c < m; c++) {
                        b[rr + c] -= f * b[ri + c];
                    }
                }
            }
            for (int i = n - 1; i >= 0; i--) {
                final int di = i * w + kl;
                final int jmax = Math.min(kv, n - 1 - i);
                final int ri = off + i * ld;
                for (int j = 1; j <= jmax; j++) {
                    final double uij = u[di + j];
                    if (uij == 0.0) {
                        continue;
                    }
                    final int rj = off + (i + j) * ld;
                    for (int c = 0; c < m; c++) {
                        b[ri + c] -= uij * b[rj + c];
                    }
                }
                final double d = u[di];
                for (int c = 0; c < m; c++) {
                    b[ri + c] /= d;
                }
            }
        }
    }

    /**
     * Solves a small dense system {@code A X = B} in place by Gaussian elimination with partial pivoting.
     *
     * @param n   the order
     * @param a   {@code A}, row-major {@code n * n}, overwritten
     * @param rhs {@code B}, row-major {@code n * m}, overwritten by {@code X}
     * @param m   the number of right-hand sides
     * @throws ArithmeticException if a pivot is exactly zero
     */
    public static void solveDenseInPlace(int n, double[] a, double[] rhs, int m) {
        for (int i = 0; i < n; i++) {
            int p = i;
            double best = Math.abs(a[i * n + i]);
            for (int r = i + 1; r < n; r++) {
                double v = Math.abs(a[r * n + i]);
                if (v > best) {
                    best = v;
                    p = r;
                }
            }
            if (a[p * n + i] == 0.0) {
                throw new ArithmeticException("matrix is singular: zero pivot in column " + i);
            }
            if (p != i) {
                for (int j = 0; j < n; j++) {
                    double tmp = a[i * n + j];
                    a[i * n + j] = a[p * n + j];
                    a[p * n + j] = tmp;
                }
                for (int c = 0; c < m; c++) {
                    double tmp = rhs[i * m + c];
                    rhs[i * m + c] = rhs[p * m + c];
                    rhs[p * m + c] = tmp;
                }
            }
            double pivot = a[i * n + i];
            for (int r = i + 1; r < n; r++) {
                double f = a[r * n + i] / pivot;
                if (f == 0.0) {
                    continue;
                }
                a[r * n + i] = 0.0;
                for (int j = i + 1; j < n; j++) {
                    a[r * n + j] -= f * a[i * n + j];
                }
                for (int c = 0; c < m; c++) {
                    rhs[r * m + c] -= f * rhs[i * m + c];
                }
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            double piv = a[i * n + i];
            for (int c = 0; c < m; c++) {
                double s = rhs[i * m + c];
                for (int j = i + 1; j < n; j++) {
                    s -= a[i * n + j] * rhs[j * m + c];
                }
                rhs[i * m + c] = s / piv;
            }
        }
    }
}
