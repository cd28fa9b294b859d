package io.github.interp4j.interpolate.internal.smoothing;

import io.github.interp4j.interpolate.internal.linalg.PentadiagonalLdl;

/**
 * The natural cubic smoothing spline of scipy's {@code make_smoothing_spline} in Reinsch's form.
 *
 * <p>Problem: minimise {@code sum_i w_i (y_i - f(x_i))^2 + lam int f''(x)^2 dx} over natural cubic splines
 * with knots {@code x}. Abscissae are scaled to {@code u = (x - x_0) / L}, {@code L = x_{n-1} - x_0}, and the
 * weights to mean 1 ({@code w'_i = w_i / wbar}); the problem in {@code u} is the same with
 * {@code lamS = lam / (wbar L^3)} (see {@link #lamUnit()}), so all arithmetic is independent of the data's
 * scale. With {@code h_i = u_{i+1} - u_i}, the second derivatives {@code gamma} at the interior knots solve
 * (Reinsch 1967; Green and Silverman 1994, section 2.3)
 * <pre>
 *     (R + lamS Q^T W'^-1 Q) gamma = Q^T y,        f = y - lamS W'^-1 Q gamma,
 * </pre>
 * {@code R} the {@code (n-2) x (n-2)} tridiagonal matrix {@code (h_{i-1} + h_i)/3}, {@code h_i/6},
 * {@code Q} the {@code n x (n-2)} second-difference matrix ({@code 1/h_{i-1}}, {@code -1/h_{i-1} - 1/h_i},
 * {@code 1/h_i}); {@code M = R + lamS P}, {@code P = Q^T W'^-1 Q}, is symmetric positive definite and
 * pentadiagonal, factored by {@link PentadiagonalLdl}. Since {@code I - S = lamS W'^-1 Q M^-1 Q^T} for the
 * influence matrix {@code S}, {@code tr(I - S) = lamS tr(M^-1 P)}: the five central bands of {@code M^-1}
 * suffice (Hutchinson and de Hoog 1985), and {@code 1 - tr(S)/n} is formed without cancellation.
 *
 * <p>scipy's GCV score ({@code _gcv} in {@code scipy/interpolate/_bsplines.py}) is
 * {@code (1/n) sum (y_i - f_i)^2 / (1 - tr(S)/n)^2}, unweighted residuals; here
 * {@code = n sum (v_i / w'_i)^2 / tr(M^-1 P)^2} with {@code v = Q gamma}, where {@code lamS} cancels, so the
 * limit {@code lam -> 0} is finite and computed at {@code lam = 0} too.
 *
 * <p>Thread-safety: holds workspaces; one instance per thread.
 */
public final class ReinschSmoother {
    private final int n;
    private final int m;
    /** scaled spacings h[i] = (x[i+1] - x[i]) / L, n - 1 */
    private final double[] h;
    /** 1 / h */
    private final double[] ih;
    /** 1 / w' (w' = w / mean(w)) */
    private final double[] iw;
    private final double[] r0;
    private final double[] r1;
    private final double[] p0;
    private final double[] p1;
    private final double[] p2;
    /** Cholesky factor of R: diagonal and super-diagonal */
    private final double[] c0;
    private final double[] c1;
    /** rows of Q: entries in columns r-2, r-1, r */
    private final double[] q0;
    private final double[] q1;
    private final double[] q2;
    /** sqrt(1 / w') */
    private final double[] rw;
    private final double lamUnit;
    private final PentadiagonalLdl ldl;
    private final double[] work;
    private final double[] traces = new double[2];
    private double lastTraceS;
    /** the last sum of ((Q gamma)_i / w'_i)^2, for the lamS = 0 limit of the score */
    private double lastRawRss;

    /**
     * Builds the scaled system: O(n).
     *
     * @param x abscissae, finite, strictly increasing, at least 5 (validated by the caller)
     * @param w weights, positive and finite, or null for ones (validated by the caller)
     */
    public ReinschSmoother(double[] x, double[] w) {
        this.n = x.length;
        this.m = n - 2;
        // halves avoid overflow of x[n-1] - x[0] for data spanning most of the double range
        double halfSpan = 0.5 * x[n - 1] - 0.5 * x[0];
        this.h = new double[n - 1];
        this.ih = new double[n - 1];
        for (int i = 0; i < n - 1; i++) {
            double hi = (0.5 * x[i + 1] - 0.5 * x[i]) / halfSpan;
            h[i] = hi;
            ih[i] = 1.0 / hi;
        }
        this.iw = new double[n];
        double wbar = 1.0;
        if (w == null) {
            java.util.Arrays.fill(iw, 1.0);
        } else {
            double sum = 0.0;
            for (double v : w) {
                sum += v / n;
            }
            wbar = sum;
            for (int i = 0; i < n; i++) {
                iw[i] = wbar / w[i];
            }
        }
        double span = 2.0 * halfSpan;
        this.lamUnit = wbar * span * span * span;
        this.r0 = new double[m];
        this.r1 = new double[m];
        this.p0 = new double[m];
        this.p1 = new double[m];
        this.p2 = new double[m];
        for (int j = 0; j < m; j++) {
            r0[j] = (h[j] + h[j + 1]) / 3.0;
            if (j + 1 < m) {
                r1[j] = h[j + 1] / 6.0;
            }
            double qa = ih[j];
            double qb = -(ih[j] + ih[j + 1]);
            double qc = ih[j + 1];
            p0[j] = qa * qa * iw[j] + qb * qb * iw[j + 1] + qc * qc * iw[j + 2];
            if (j + 1 < m) {
                double qbNext = -(ih[j + 1] + ih[j + 2]);
                p1[j] = qb * ih[j + 1] * iw[j + 1] + qc * qbNext * iw[j + 2];
            }
            if (j + 2 < m) {
                p2[j] = qc * ih[j + 2] * iw[j + 2];
            }
        }
        this.c0 = new double[m];
        this.c1 = new double[m];
        for (int j = 0; j < m; j++) {
            double v = r0[j] - (j > 0 ? c1[j - 1] * c1[j - 1] : 0.0);
            c0[j] = Math.sqrt(v);
            if (j + 1 < m) {
                c1[j] = r1[j] / c0[j];
            }
        }
        this.q0 = new double[n];
        this.q1 = new double[n];
        this.q2 = new double[n];
        this.rw = new double[n];
        for (int r = 0; r < n; r++) {
            if (r >= 2) {
                q0[r] = ih[r - 1];
            }
            if (r >= 1 && r <= n - 2) {
                q1[r] = -(ih[r - 1] + ih[r]);
            }
            if (r <= n - 3) {
                q2[r] = ih[r];
            }
            rw[r] = Math.sqrt(iw[r]);
        }
        this.ldl = new PentadiagonalLdl(m);
        this.work = new double[m];
    }

    /** @return the smallest scaled spacing {@code min_i (x_{i+1} - x_i) / (x_{n-1} - x_0)} */
    public double minSpacing() {
        double v = 1.0;
        for (double hi : h) {
            v = Math.min(v, hi);
        }
        return v;
    }

    /** @return {@code tr(S)} at the last score evaluated ({@code n} at {@code lamS = 0}) */
    public double lastTraceS() {
        return lastTraceS;
    }

    /** @return the number of data points */
    public int size() {
        return n;
    }

    /** @return {@code wbar L^3}: the user's {@code lam} is {@code lamS * lamUnit()} */
    public double lamUnit() {
        return lamUnit;
    }

    /**
     * {@code Q^T y} of one column of {@code y} (row-major with {@code cols} columns): the jumps of the
     * slopes of the broken line through the data.
     *
     * @param y    values, {@code y[i * cols + col]}
     * @param cols the number of columns
     * @param col  the column
     * @return {@code Q^T y}, {@code n - 2} long
     */
    public double[] qty(double[] y, int cols, int col) {
        double[] out = new double[m];
        double sPrev = (y[cols + col] - y[col]) * ih[0];
        for (int j = 0; j < m; j++) {
            double s = (y[(j + 2) * cols + col] - y[(j + 1) * cols + col]) * ih[j + 1];
            out[j] = s - sPrev;
            sPrev = s;
        }
        return out;
    }

    /**
     * scipy's GCV score at {@code lamS} for one column: one factorisation with its solve, one pass of the
     * inverse band. O(n).
     *
     * @param lamS the scaled smoothing parameter, {@code >= 0}
     * @param y    the column's values, {@code n} long
     * @return the score, or +infinity if the system is numerically singular at {@code lamS}
     */
    public double gcv(double lamS, double[] y) {
        if (!secondDerivatives(lamS, y, 1, work, false)) {
            return Double.POSITIVE_INFINITY;
        }
        lastRawRss = residualSumOfSquares(work);
        double rss = lamS * lamS * lastRawRss;
        double frac = residualTraceFraction(lamS);
        return score(rss, frac);
    }

    /**
     * Factors {@code M = R + lamS P} and solves for the second derivatives at the interior knots. For the
     * returned fit ({@code accurate}) and whenever {@code L D L^T} of {@code M} meets a pivot that is not positive,
     * by Givens rotations of {@code [C; sqrt(lamS) W'^-1/2 Q]} ({@code C^T C = R}), which never forms {@code P}
     * (closely spaced abscissae make {@code P}'s entries differ by many orders of magnitude, and the
     * coefficients from {@code L D L^T} then lose up to 1e-7 relative where the rotations keep 1e-12); during
     * the GCV search by the faster {@code L D L^T} (at {@code lamS = 0} always: {@code M = R} is diagonally
     * dominant).
     */
    private boolean secondDerivatives(double lamS, double[] y, int cols, double[] gamma, boolean accurate) {
        if ((lamS == 0.0 || !accurate) && ldl.factor(lamS, r0, r1, p0, p1, p2)) {
            for (int c = 0; c < cols; c++) {
                double[] g = qty(y, cols, c);
                for (int j = 0; j < m; j++) {
                    gamma[j * cols + c] = g[j];
                }
            }
            ldl.solve(gamma, cols);
            return true;
        }
        return lamS > 0.0 && ldl.factorRows(c0, c1, q0, q1, q2, rw, Math.sqrt(lamS), y, cols, gamma);
    }

    /**
     * {@code tr(I - S) / n} for the current factor, from whichever of two exact identities is free of
     * cancellation: {@code tr(I - S) = lamS tr(M^-1 P)} while the fit is close to interpolation
     * ({@code tr(S) > n/2}), and {@code tr(S) = 2 + tr(M^-1 R)} otherwise (from {@code [C; G] = Q [U; 0]}
     * with orthonormal columns: {@code tr(M^-1 C^T C) + tr(M^-1 G^T G) = n - 2}). {@code R} has no large
     * entries, so the second form stays accurate for large {@code lam} and closely spaced abscissae, where
     * the sum {@code tr(M^-1 P)} cancels to a small fraction of its terms. NaN if neither is in range.
     */
    private double residualTraceFraction(double lamS) {
        ldl.traces(p0, p1, p2, r0, r1, traces);
        double trS = 2.0 + traces[1];
        lastTraceS = trS > 0.5 * n ? n - lamS * traces[0] : trS;
        if (trS <= 0.5 * n) {
            return trS >= 2.0 * (1.0 - 1e-9) ? (n - trS) / n : Double.NaN;
        }
        double trIS = lamS * traces[0];
        return trIS >= 0.0 && trIS <= n - 2 ? trIS / n : Double.NaN;
    }

    /**
     * scipy's score {@code (rss / n) / frac^2}; at {@code lamS = 0} (both zero) its limit, computed from the
     * ratio of the unscaled quantities.
     */
    private double score(double rss, double frac) {
        if (!(frac >= 0.0)) {
            return Double.POSITIVE_INFINITY;
        }
        if (frac == 0.0) {
            // lamS = 0: rss / lamS^2 and frac / lamS have finite limits
            double tr = traces[0];
            return tr > 0.0 ? n * (lastRawRss / tr) / tr : Double.POSITIVE_INFINITY;
        }
        return rss / n / (frac * frac);
    }

    /** sum over i of ((Q gamma)_i / w'_i)^2 for gamma of length n - 2. */
    private double residualSumOfSquares(double[] gamma) {
        double sum = 0.0;
        double g = 0.0;              // gamma at node i
        double sPrev = 0.0;          // slope of gamma on [i-1, i]
        for (int i = 0; i < n; i++) {
            double gNext = i + 1 < n - 1 ? gamma[i] : 0.0;   // gamma at node i + 1
            double s = i + 1 < n ? (gNext - g) * ih[i] : 0.0;
            double v = (s - sPrev) * iw[i];
            sum += v * v;
            sPrev = s;
            g = gNext;
        }
        return sum;
    }

    /**
     * The fit at {@code lamS} for every column: scipy's B-spline coefficients (knots
     * {@code [x_0]*3 + x + [x_{n-1}]*3}, degree 3), row-major {@code (n + 2) x cols}, and the GCV score of
     * each column.
     *
     * @param lamS the scaled smoothing parameter, {@code >= 0}
     * @param y    values, row-major {@code n x cols}
     * @param cols the number of columns
     * @param gcv  receives the score of each column ({@code cols} long)
     * @return the coefficients
     * @throws ArithmeticException if the system is numerically singular
     */
    public double[] fit(double lamS, double[] y, int cols, double[] gcv) {
        double[] gammas = new double[m * cols];
        if (!secondDerivatives(lamS, y, cols, gammas, true)) {
            throw new ArithmeticException("the smoothing spline system is numerically singular at lam = "
                    + lamS * lamUnit);
        }
        double frac = residualTraceFraction(lamS);
        double[] c = new double[(n + 2) * cols];
        double[] gam = new double[n];
        double[] f = new double[n];
        for (int col = 0; col < cols; col++) {
            for (int j = 0; j < m; j++) {
                gam[j + 1] = gammas[j * cols + col];
            }
            double rss = 0.0;
            double sPrev = 0.0;
            for (int i = 0; i < n; i++) {
                double s = i + 1 < n ? (gam[i + 1] - gam[i]) * ih[i] : 0.0;
                double v = (s - sPrev) * iw[i];
                rss += v * v;
                f[i] = y[i * cols + col] - lamS * v;
                sPrev = s;
            }
            lastRawRss = rss;
            gcv[col] = score(lamS * lamS * rss, frac);
            toBSpline(f, gam, c, cols, col);
        }
        return c;
    }

    /**
     * Blossoms of the natural cubic spline with values f and second derivatives gam (in u) at the knot
     * triples of scipy's knot vector: c_0 = f_0, c_1 = B(u_0, u_0, u_1), c_{i+1} = B(u_{i-1}, u_i, u_{i+1}),
     * c_n = B(u_{n-2}, u_{n-1}, u_{n-1}), c_{n+1} = f_{n-1}. At an interior knot
     * {@code B = f_i + (h_i - h_{i-1})/3 f'_i - h_{i-1} h_i / 6 f''_i}, with the slope taken from the longer
     * neighbouring interval so that rounding in f is not amplified by a short one.
     */
    private void toBSpline(double[] f, double[] gam, double[] c, int cols, int col) {
        double fp0 = (f[1] - f[0]) * ih[0] - h[0] * (2.0 * gam[0] + gam[1]) / 6.0;
        c[col] = f[0];
        c[cols + col] = f[0] + h[0] / 3.0 * fp0;
        for (int i = 1; i < n - 1; i++) {
            double hl = h[i - 1];
            double hr = h[i];
            double fp = hl >= hr
                    ? (f[i] - f[i - 1]) * ih[i - 1] + hl * (gam[i - 1] + 2.0 * gam[i]) / 6.0
                    : (f[i + 1] - f[i]) * ih[i] - hr * (2.0 * gam[i] + gam[i + 1]) / 6.0;
            c[(i + 1) * cols + col] = f[i] + (hr - hl) / 3.0 * fp - hl * hr / 6.0 * gam[i];
        }
        double hEnd = h[n - 2];
        double fpEnd = (f[n - 1] - f[n - 2]) * ih[n - 2] + hEnd * (gam[n - 2] + 2.0 * gam[n - 1]) / 6.0;
        c[n * cols + col] = f[n - 1] - hEnd / 3.0 * fpEnd;
        c[(n + 1) * cols + col] = f[n - 1];
    }
}
