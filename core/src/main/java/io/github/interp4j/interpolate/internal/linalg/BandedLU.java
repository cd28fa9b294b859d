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
 * <h2>Cost</h2>
 * {@link #solveInPlace} takes {@code O(n (kl + ku) (kl + m))} time and no memory beyond its arguments.
 * The multipliers are applied to the right-hand sides during the factorisation and not stored, since
 * every caller solves once.
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
        if (FUSED) {
            solveFused(n, kl, ku, ab, rhs, m);
        } else {
            solvePlain(n, kl, ku, ab, rhs, m);
        }
    }

    /** Finds the pivot of column {@code i}, swaps it into row {@code i} and returns LAPACK's {@code JU}. */
    private static int pivot(int n, int kl, int ku, double[] ab, double[] rhs, int m, int i, int ju) {
        final int w = width(kl, ku);
        final int rowsBelow = Math.min(kl, n - 1 - i);
        final int di = i * w + kl; // A[i][i]; A[r][i] is at r * w + (i - r + kl)
        int p = i;
        double best = Math.abs(ab[di]);
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
        ju = Math.max(ju, Math.min(p + ku, n - 1));
        if (p != i) {
            final int dp = p * w + (i - p + kl);
            for (int j = 0; j <= ju - i; j++) {
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
        return ju;
    }

    private static void solveFused(int n, int kl, int ku, double[] ab, double[] rhs, int m) {
        final int w = width(kl, ku);
        int ju = 0;
        for (int i = 0; i < n; i++) {
            ju = pivot(n, kl, ku, ab, rhs, m, i, ju);
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
                        ab[dr + j] = Math.fma(f, -ab[di + j], ab[dr + j]);
                    }
                }
                final int rr = (i + r) * m;
                for (int c = 0; c < m; c++) {
                    rhs[rr + c] = Math.fma(f, -rhs[ri + c], rhs[rr + c]);
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
                    rhs[r * m + c] = Math.fma(-xi, ab[r * w + (i - r + kl)], rhs[r * m + c]);
                }
            }
        }
    }

    private static void solvePlain(int n, int kl, int ku, double[] ab, double[] rhs, int m) {
        final int w = width(kl, ku);
        int ju = 0;
        for (int i = 0; i < n; i++) {
            ju = pivot(n, kl, ku, ab, rhs, m, i, ju);
            final int di = i * w + kl;
            final double recip = 1.0 / ab[di];
            final int span = ju - i;
            final int rowsBelow = Math.min(kl, n - 1 - i);
            final int ri = i * m;
            for (int r = 1; r <= rowsBelow; r++) {
                final int dr = (i + r) * w + kl - r;
                final double f = ab[dr] * recip;
                ab[dr] = 0.0;
                if (f != 0.0) {
                    for (int j = 1; j <= span; j++) {
                        ab[dr + j] += f * -ab[di + j];
                    }
                }
                final int rr = (i + r) * m;
                for (int c = 0; c < m; c++) {
                    rhs[rr + c] += f * -rhs[ri + c];
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
                    rhs[r * m + c] += -xi * ab[r * w + (i - r + kl)];
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
