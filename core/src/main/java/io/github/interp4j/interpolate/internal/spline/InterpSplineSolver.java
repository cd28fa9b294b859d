package io.github.interp4j.interpolate.internal.spline;

import io.github.interp4j.interpolate.internal.validation.Validation;
import io.github.interp4j.interpolate.internal.linalg.BandedLU;

import io.github.interp4j.interpolate.internal.search.IntervalIndex;

import java.util.Arrays;

/**
 * Knot vectors and collocation solves of scipy's {@code make_interp_spline}, for data already validated
 * (strictly increasing finite {@code x}; {@code y} as {@code n} rows of {@code m} values, row-major).
 *
 * <ul>
 *   <li>Knots: {@link #notAKnotKnots} (scipy {@code _not_a_knot}), {@link #augmentedKnots}
 *       ({@code _augknt}) and {@link #periodicKnots} ({@code _periodic_knots}), reproducing scipy's
 *       arithmetic so the knot vectors are identical.</li>
 *   <li>{@link #solve}: the collocation matrix with boundary-derivative rows, built directly in band
 *       storage and solved by {@link BandedLU} (LU with partial pivoting) in {@code O(n k^2)}.</li>
 *   <li>{@link #solvePeriodic}: the periodic case reduced, as scipy does, to {@code n - 1} unknowns
 *       {@code z} with {@code c[j] = z[(j - k/2) mod (n - 1)]}; the cyclic banded system is solved by the
 *       Sherman-Morrison-Woodbury formula around a tridiagonal / banded LU, in scipy's order.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless.
 */
public final class InterpSplineSolver {
    /** A singular periodic band system falls back to a dense solve up to this many unknowns. */
    private static final int DENSE_FALLBACK_LIMIT = 4096;

    private InterpSplineSolver() {}

    /**
     * scipy's {@code _not_a_knot(x, k)}: for odd {@code k}, {@code x[(k+1)/2 : n-(k+1)/2]}; for even
     * {@code k}, the midpoints {@code (x[i+1] + x[i]) / 2} with the first and last {@code k/2} dropped;
     * framed by {@code k + 1} copies of {@code x[0]} and of {@code x[n-1]}.
     *
     * @param x the abscissae (at least 1)
     * @param k the degree, at least 1
     * @return the knots
     */
    public static double[] notAKnotKnots(double[] x, int k) {
        int n = x.length;
        double[] inner;
        if (k % 2 == 1) {
            int k2 = (k + 1) / 2;
            int len = Math.max(0, n - 2 * k2);
            inner = len == 0 ? new double[0] : Arrays.copyOfRange(x, k2, k2 + len);
        } else {
            int k2 = k / 2;
            int mids = n - 1;
            int len = Math.max(0, mids - 2 * k2);
            inner = new double[len];
            for (int i = 0; i < len; i++) {
                int j = i + k2;
                double mid = (x[j + 1] + x[j]) / 2;
                // scipy's midpoint, unless the sum overflows (both near the double limit): then halves first
                inner[i] = mid - mid == 0.0 ? mid : x[j + 1] / 2 + x[j] / 2;
            }
        }
        double[] t = new double[inner.length + 2 * (k + 1)];
        Arrays.fill(t, 0, k + 1, x[0]);
        System.arraycopy(inner, 0, t, k + 1, inner.length);
        Arrays.fill(t, k + 1 + inner.length, t.length, x[n - 1]);
        return t;
    }

    /**
     * scipy's {@code _augknt(x, k)}: {@code k} copies of {@code x[0]}, then {@code x}, then {@code k}
     * copies of {@code x[n-1]}.
     *
     * @param x the abscissae
     * @param k the degree
     * @return the knots
     */
    public static double[] augmentedKnots(double[] x, int k) {
        int n = x.length;
        double[] t = new double[n + 2 * k];
        Arrays.fill(t, 0, k, x[0]);
        System.arraycopy(x, 0, t, k, n);
        Arrays.fill(t, k + n, t.length, x[n - 1]);
        return t;
    }

    /**
     * scipy's {@code _periodic_knots(x, k)}: the data sites (for even {@code k}, the interior ones moved
     * half a step left) extended periodically by {@code k} knots on each side.
     *
     * @param x the abscissae, at least 2
     * @param k the degree
     * @return {@code n + 2k} knots
     */
    public static double[] periodicKnots(double[] x, int k) {
        int n = x.length;
        double[] xc = x.clone();
        if (k % 2 == 0) {
            for (int i = 1; i < n - 1; i++) {
                xc[i] = xc[i] - (x[i] - x[i - 1]) / 2;
            }
        }
        double[] dx = new double[n - 1];
        for (int i = 0; i < n - 1; i++) {
            dx[i] = xc[i + 1] - xc[i];
        }
        double[] t = new double[n + 2 * k];
        System.arraycopy(xc, 0, t, k, n);
        int len = t.length;
        for (int i = 0; i < k; i++) {
            t[k - i - 1] = t[k - i] - dx[n - 2 - (i % (n - 1))];
            t[len - k + i] = t[len - k + i - 1] + dx[i % (n - 1)];
        }
        return t;
    }

    /**
     * Solves for the coefficients of the spline of degree {@code k} on knots {@code t} that interpolates
     * {@code y} at {@code x} and has the given derivatives at {@code x[0]} and {@code x[n-1]}; rows are
     * ordered as scipy's: left derivatives, data, right derivatives.
     *
     * @param x     abscissae, inside the base interval of {@code t}
     * @param y     ordinates, {@code n * m} row-major
     * @param m     columns
     * @param t     knots with {@code t.length - k - 1 == n + lOrd.length + rOrd.length}
     * @param k     degree
     * @param lOrd  derivative orders at {@code x[0]}
     * @param lVal  their values, {@code lOrd.length * m} row-major
     * @param rOrd  derivative orders at {@code x[n-1]}
     * @param rVal  their values, {@code rOrd.length * m} row-major
     * @return the coefficients, {@code nt * m} row-major
     * @throws IllegalArgumentException if the collocation matrix is singular
     */
    public static double[] solve(double[] x, double[] y, int m, double[] t, int k,
                                 int[] lOrd, double[] lVal, int[] rOrd, double[] rVal) {
        final int n = x.length;
        final int nt = t.length - k - 1;
        final int nleft = lOrd.length;
        final int nright = rOrd.length;
        IntervalIndex idx = new IntervalIndex(Arrays.copyOfRange(t, k, nt + 1));
        // scipy's band (kl = ku = k) holds every row of the collocation systems built here; a row outside it
        // (possible only for unusual knot vectors) switches to the exact band widths.
        double[] ab = fillBand(x, t, k, lOrd, rOrd, idx, k, k);
        int kl = k;
        int ku = k;
        if (ab == null) {
            kl = 0;
            ku = 0;
            for (int r = 0; r < nt; r++) {
                int l = k + idx.find(rowPoint(x, r, nleft, n));
                kl = Math.max(kl, r - (l - k));
                ku = Math.max(ku, l - r);
            }
            ab = fillBand(x, t, k, lOrd, rOrd, idx, kl, ku);
        }
        double[] rhs = new double[Validation.checkedSize("spline coefficients", nt, m)];
        System.arraycopy(lVal, 0, rhs, 0, nleft * m);
        System.arraycopy(y, 0, rhs, nleft * m, n * m);
        System.arraycopy(rVal, 0, rhs, (nleft + n) * m, nright * m);
        try {
            BandedLU.solveInPlace(nt, kl, ku, ab, rhs, m);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("Collocation matrix is singular (" + e.getMessage() + ")", e);
        }
        return rhs;
    }

    /** The collocation rows in band storage, or null if a row does not fit the band {@code (kl, ku)}. */
    private static double[] fillBand(double[] x, double[] t, int k, int[] lOrd, int[] rOrd, IntervalIndex idx,
                                     int kl, int ku) {
        final int n = x.length;
        final int nleft = lOrd.length;
        final int nt = t.length - k - 1;
        final int w = BandedLU.width(kl, ku);
        double[] ab = new double[Validation.checkedSize("collocation matrix", nt, w)];
        double[] h = new double[k + 1];
        for (int r = 0; r < nt; r++) {
            double xv = rowPoint(x, r, nleft, n);
            int l = k + idx.find(xv);
            if (r - (l - k) > kl || l - r > ku) {
                return null;
            }
            int nu = r < nleft ? lOrd[r] : (r >= nleft + n ? rOrd[r - nleft - n] : 0);
            if (nu == 0) {
                SplineCore.basis(t, k, xv, l, h);
            } else {
                SplineCore.basisDerivative(t, k, xv, l, nu, h);
            }
            int rowBase = r * w + kl - r + l - k;
            for (int a = 0; a <= k; a++) {
                ab[rowBase + a] = h[a];
            }
        }
        return ab;
    }

    private static double rowPoint(double[] x, int r, int nleft, int n) {
        if (r < nleft) {
            return x[0];
        }
        if (r >= nleft + n) {
            return x[n - 1];
        }
        return x[r - nleft];
    }

    /**
     * Solves the periodic interpolation problem on knots {@link #periodicKnots}: the spline of degree
     * {@code k} with {@code c[j + n - 1] = c[j]} interpolating {@code y[0..n-2]} at {@code x[0..n-2]}
     * (the last point repeats the first).
     *
     * <p>For {@code n > k} this follows scipy's {@code _make_periodic_spline}: the {@code (n-1) x (n-1)} cyclic
     * system is the band {@code A} with {@code b = k/2} sub- and super-diagonals (for odd {@code k} the last
     * B-spline vanishes at the data sites) plus {@code b x b} corner blocks, written {@code A + U V^T}; the
     * Woodbury formula {@code z = y - Z (I + V^T Z)^{-1} V^T y} with {@code A Z = U}, {@code A y = rhs} is
     * evaluated in scipy's order (tridiagonal elimination as LAPACK {@code dgtsv} for {@code b = 1}, the banded
     * LU of {@link BandedLU} otherwise), so results match scipy to the last bit or nearly. For {@code n <= k}
     * (scipy solves a full matrix there) the small cyclic system is solved densely.
     *
     * @param x abscissae, at least 2
     * @param y ordinates, {@code n * m} row-major
     * @param m columns
     * @param t periodic knots ({@code n + 2k})
     * @param k degree, at least 1
     * @return the coefficients, {@code (n + k - 1) * m} row-major
     * @throws IllegalArgumentException if the system is singular
     */
    public static double[] solvePeriodic(double[] x, double[] y, int m, double[] t, int k) {
        final int n = x.length;
        final int big = n - 1;
        final int kul = k / 2;
        final int nt = t.length - k - 1;
        IntervalIndex idx = new IntervalIndex(Arrays.copyOfRange(t, k, nt + 1));
        double[] h = new double[k + 1];
        double[] z = null;
        if (n > k) {
            try {
                z = solvePeriodicWoodbury(x, y, m, t, k, idx, h);
            } catch (ArithmeticException e) {
                if (big > DENSE_FALLBACK_LIMIT) {
                    throw new IllegalArgumentException("Periodic collocation matrix is singular (" + e.getMessage()
                            + ")", e);
                }
            }
        }
        if (z == null) {
            z = solvePeriodicDense(x, y, m, t, k, idx, h);
        }
        double[] c = new double[Validation.checkedSize("spline coefficients", nt, m)];
        for (int j = 0; j < nt; j++) {
            int src = Math.floorMod(j - kul, big);
            System.arraycopy(z, src * m, c, j * m, m);
        }
        return c;
    }

    private static double[] solvePeriodicDense(double[] x, double[] y, int m, double[] t, int k,
                                               IntervalIndex idx, double[] h) {
        final int big = x.length - 1;
        final int kul = k / 2;
        double[] a = new double[Validation.checkedSize("periodic collocation matrix", big, big)];
        for (int i = 0; i < big; i++) {
            int l = k + idx.find(x[i]);
            SplineCore.basis(t, k, x[i], l, h);
            for (int q = 0; q <= k; q++) {
                int col = Math.floorMod(l - k + q - kul, big);
                a[i * big + col] += h[q];
            }
        }
        double[] rhs = Arrays.copyOf(y, big * m);
        try {
            BandedLU.solveDenseInPlace(big, a, rhs, m);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("Periodic collocation matrix is singular (" + e.getMessage() + ")", e);
        }
        return rhs;
    }

    /**
     * scipy's {@code _woodbury_algorithm}. Unknown {@code i} is {@code z_i = c_{i + k/2}}; row {@code i} has the
     * B-spline values at {@code x_i} in columns {@code l - k - k/2 .. l - k/2} (mod {@code n - 1}).
     *
     * @throws ArithmeticException if the band {@code A} or the capacitance matrix is singular
     */
    private static double[] solvePeriodicWoodbury(double[] x, double[] y, int m, double[] t, int k,
                                                  IntervalIndex idx, double[] h) {
        final int big = x.length - 1;
        final int bs = k / 2; // scipy's block size (k - 1) / 2 + (k + 1) % 2
        final int km = 2 * bs; // scipy's k_mod: columns of U
        final int width = km + m; // right-hand sides: [U | y]
        final boolean tri = bs == 1;
        final int w = BandedLU.width(bs, bs);
        double[] ab = tri ? null : new double[Validation.checkedSize("periodic collocation matrix", big, w)];
        double[] dl = tri ? new double[big - 1] : null;
        double[] d = tri ? new double[big] : null;
        double[] du = tri ? new double[big - 1] : null;
        double[] rhs = new double[Validation.checkedSize("periodic right-hand sides", big, width)];
        for (int i = 0; i < big; i++) {
            int l = k + idx.find(x[i]);
            SplineCore.basis(t, k, x[i], l, h);
            for (int a = 0; a <= k; a++) {
                int u = l - k + a - bs; // unwrapped column
                int off = u - i;
                double v = h[a];
                if (u >= 0 && u < big && off >= -bs && off <= bs) {
                    if (!tri) {
                        ab[i * w + bs + off] = v;
                    } else if (off == 0) {
                        d[i] = v;
                    } else if (off < 0) {
                        dl[i - 1] = v;
                    } else {
                        du[i] = v;
                    }
                } else if (u < 0 && u >= -bs) {
                    rhs[i * width + u + bs] = v; // upper-right block: column big - bs + (u + bs)
                } else if (u >= big && u < big + bs) {
                    rhs[i * width + bs + u - big] = v; // lower-left block: column u - big
                } else if (v != 0.0) {
                    throw new ArithmeticException("collocation row " + i + " is not cyclic-banded");
                }
            }
            System.arraycopy(y, i * m, rhs, i * width + km, m);
        }
        if (tri) {
            tridiagonalSolve(big, dl, d, du, rhs, width);
        } else {
            BandedLU.solveInPlace(big, bs, bs, ab, rhs, width);
        }
        // capacitance matrix I + V^T Z: V^T picks rows big - bs + s (s < bs) and s - bs (s >= bs)
        double[] cap = new double[km * km];
        double[] inv = new double[km * km];
        for (int s = 0; s < km; s++) {
            int row = s < bs ? big - bs + s : s - bs;
            for (int s2 = 0; s2 < km; s2++) {
                cap[s * km + s2] = (s == s2 ? 1.0 : 0.0) + rhs[row * width + s2];
            }
            inv[s * km + s] = 1.0;
        }
        invertSmall(km, cap, inv);
        final boolean fused = BandedLU.FUSED;
        double[] z = new double[Validation.checkedSize("periodic coefficients", big, m)];
        double[] wv = new double[km];
        double[] v = new double[km];
        for (int j = 0; j < m; j++) {
            for (int s = 0; s < km; s++) {
                int row = s < bs ? big - bs + s : s - bs;
                wv[s] = rhs[row * width + km + j];
            }
            for (int s = 0; s < km; s++) {
                double acc = 0.0;
                for (int s2 = 0; s2 < km; s2++) {
                    acc += inv[s * km + s2] * wv[s2];
                }
                v[s] = acc;
            }
            for (int i = 0; i < big; i++) {
                int row = i * width;
                double acc = 0.0;
                for (int s = 0; s < km; s++) {
                    acc = fused ? Math.fma(rhs[row + s], v[s], acc) : acc + rhs[row + s] * v[s];
                }
                z[i * m + j] = rhs[row + km + j] - acc;
            }
        }
        return z;
    }

    /**
     * LAPACK {@code dgtsv}: Gaussian elimination with partial pivoting of a tridiagonal system (sub-diagonal
     * {@code dl}, diagonal {@code d}, super-diagonal {@code du}, all overwritten), {@code m} right-hand sides in
     * {@code b} ({@code n * m} row-major) overwritten by the solution; LAPACK's exact operation order.
     *
     * @throws ArithmeticException if a pivot is zero
     */
    static void tridiagonalSolve(int n, double[] dl, double[] d, double[] du, double[] b, int m) {
        for (int i = 0; i < n - 1; i++) {
            if (Math.abs(d[i]) >= Math.abs(dl[i])) {
                if (d[i] == 0.0) {
                    throw new ArithmeticException("matrix is singular: zero pivot in column " + i);
                }
                double fact = dl[i] / d[i];
                d[i + 1] = d[i + 1] - fact * du[i];
                for (int j = 0; j < m; j++) {
                    b[(i + 1) * m + j] = b[(i + 1) * m + j] - fact * b[i * m + j];
                }
                if (i < n - 2) {
                    dl[i] = 0.0;
                }
            } else {
                double fact = d[i] / dl[i];
                d[i] = dl[i];
                double temp = d[i + 1];
                d[i + 1] = du[i] - fact * temp;
                if (i < n - 2) {
                    dl[i] = du[i + 1];
                    du[i + 1] = -fact * dl[i];
                }
                du[i] = temp;
                for (int j = 0; j < m; j++) {
                    double tb = b[i * m + j];
                    b[i * m + j] = b[(i + 1) * m + j];
                    b[(i + 1) * m + j] = tb - fact * b[(i + 1) * m + j];
                }
            }
        }
        if (d[n - 1] == 0.0) {
            throw new ArithmeticException("matrix is singular: zero pivot in column " + (n - 1));
        }
        for (int j = 0; j < m; j++) {
            b[(n - 1) * m + j] = b[(n - 1) * m + j] / d[n - 1];
            if (n > 1) {
                b[(n - 2) * m + j] = (b[(n - 2) * m + j] - du[n - 2] * b[(n - 1) * m + j]) / d[n - 2];
            }
            for (int i = n - 3; i >= 0; i--) {
                b[i * m + j] = (b[i * m + j] - du[i] * b[(i + 1) * m + j] - dl[i] * b[(i + 2) * m + j]) / d[i];
            }
        }
    }

    /**
     * {@code b := a^{-1} b} for a small dense {@code n x n} matrix (row-major, overwritten), in the order of
     * OpenBLAS's {@code dgetf2} (left-looking LU, pivot-reciprocal scaling) and {@code dgetrs} (unit-lower then
     * upper substitution, multiplying by reciprocal pivots), as scipy's {@code linalg.solve} runs for the
     * Woodbury capacitance matrix.
     *
     * @throws ArithmeticException if a pivot is zero
     */
    private static void invertSmall(int n, double[] a, double[] b) {
        final boolean fused = BandedLU.FUSED;
        int[] piv = new int[n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < j; i++) {
                int p = piv[i];
                if (p != i) {
                    double tmp = a[i * n + j];
                    a[i * n + j] = a[p * n + j];
                    a[p * n + j] = tmp;
                }
            }
            for (int i = 1; i < j; i++) {
                double dot = 0.0;
                for (int q = 0; q < i; q++) {
                    dot = fused ? Math.fma(a[i * n + q], a[q * n + j], dot) : dot + a[i * n + q] * a[q * n + j];
                }
                a[i * n + j] -= dot;
            }
            for (int r = j; r < n; r++) {
                double dot = 0.0;
                for (int q = 0; q < j; q++) {
                    dot = fused ? Math.fma(a[r * n + q], a[q * n + j], dot) : dot + a[r * n + q] * a[q * n + j];
                }
                a[r * n + j] -= dot;
            }
            int p = j;
            double best = Math.abs(a[j * n + j]);
            for (int r = j + 1; r < n; r++) {
                double val = Math.abs(a[r * n + j]);
                if (val > best) {
                    best = val;
                    p = r;
                }
            }
            if (a[p * n + j] == 0.0) {
                throw new ArithmeticException("matrix is singular: zero pivot in column " + j);
            }
            piv[j] = p;
            double recip = 1.0 / a[p * n + j];
            if (p != j) {
                for (int q = 0; q <= j; q++) {
                    double tmp = a[j * n + q];
                    a[j * n + q] = a[p * n + q];
                    a[p * n + q] = tmp;
                }
            }
            for (int r = j + 1; r < n; r++) {
                a[r * n + j] *= recip;
            }
        }
        for (int i = 0; i < n; i++) {
            int p = piv[i];
            if (p != i) {
                for (int c = 0; c < n; c++) {
                    double tmp = b[i * n + c];
                    b[i * n + c] = b[p * n + c];
                    b[p * n + c] = tmp;
                }
            }
        }
        for (int c = 0; c < n; c++) {
            for (int i = 0; i < n; i++) {
                for (int q = 0; q < i; q++) {
                    b[i * n + c] = fused ? Math.fma(-a[i * n + q], b[q * n + c], b[i * n + c])
                            : b[i * n + c] - a[i * n + q] * b[q * n + c];
                }
            }
            for (int i = n - 1; i >= 0; i--) {
                double xi = b[i * n + c] * (1.0 / a[i * n + i]);
                b[i * n + c] = xi;
                for (int q = 0; q < i; q++) {
                    b[q * n + c] = fused ? Math.fma(-xi, a[q * n + i], b[q * n + c]) : b[q * n + c] - xi * a[q * n + i];
                }
            }
        }
    }
}
