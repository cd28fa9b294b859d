package io.github.interp4j.interpolate.internal.grid;

import io.github.interp4j.interpolate.internal.poly.PchipSlopes;

/**
 * scipy's {@code method="pchip"}: not a tensor-product spline but, exactly as scipy, 1-D PCHIP applied
 * along the last axis, then along the one before, down to axis 0, per query point. A PCHIP value only
 * depends on the 4 data around the query's interval, so each pass reads a 4-wide window per axis
 * ({@code 4^(d-1) + ... + 1} local PCHIP evaluations per point). The slopes are
 * {@link PchipSlopes}'s, the same as the 1-D {@code PchipInterpolator}'s.
 *
 * <p>Needs at least 4 points per axis. Cost per query: O(d) expected plus O(4^d). Thread-safety:
 * immutable.
 */
public final class PchipKernel implements GridKernel {
    private final Grid g;
    private final double[][] data;
    private final int d;

    /**
     * @param grid    the grid, at least 4 points per axis
     * @param columns the values per column on the ascending grid (kept)
     */
    public PchipKernel(Grid grid, double[][] columns) {
        this.g = grid;
        this.data = columns;
        this.d = grid.d;
    }

    @Override
    public GridWork newWork() {
        return new GridWork(d, 0, GridWork.pow(4, d - 1));
    }

    @Override
    public void locate(int a, double x, GridWork wk) {
        int i = g.index[a].find(x);
        int lw = Math.max(0, Math.min(i - 1, g.shape[a] - 4));
        wk.off[a] = lw * g.stride[a];
        wk.ival[a] = i;
        wk.y[a] = x;
    }

    /**
     * 1-D PCHIP along the last axis for the 4 x ... x 4 window of lines that the later passes need, then
     * along axis d-2, ..., 0.
     */
    @Override
    public double combine(GridWork wk, int c) {
        final double[] v = data[c];
        final int last = d - 1;
        final int offLast = wk.off[last];
        if (d == 1) {
            return local(last, wk.ival[last], wk.y[last], v[offLast], v[offLast + 1], v[offLast + 2],
                    v[offLast + 3]);
        }
        final double[] tmp = wk.tmp;
        final int[] digit = wk.digit;
        final int[] off = wk.off;
        final int[] stride = g.stride;
        int base = offLast;
        for (int a = 0; a < last; a++) {
            digit[a] = 0;
            base += off[a];
        }
        final int il = wk.ival[last];
        final double xl = wk.y[last];
        int count = tmp.length;
        for (int q = 0; q < count; q++) {
            tmp[q] = local(last, il, xl, v[base], v[base + 1], v[base + 2], v[base + 3]);
            for (int a = last - 1; a >= 0; a--) {
                if (++digit[a] < 4) {
                    base += stride[a];
                    break;
                }
                digit[a] = 0;
                base -= 3 * stride[a];
            }
        }
        for (int a = last - 1; a >= 0; a--) {
            count >>= 2;
            final int ia = wk.ival[a];
            final double xa = wk.y[a];
            for (int q = 0; q < count; q++) {
                int src = q << 2;
                tmp[q] = local(a, ia, xa, tmp[src], tmp[src + 1], tmp[src + 2], tmp[src + 3]);
            }
        }
        return tmp[0];
    }

    /**
     * scipy's {@code PchipInterpolator(g_a, line)(x)} for a line whose data at nodes
     * {@code lw .. lw + 3} ({@code lw = clamp(i - 1, 0, n - 4)}) are {@code u0 .. u3}, with {@code x} in
     * (or extrapolated from) interval {@code i}: the slopes at nodes {@code i} and {@code i + 1}, the
     * Hermite cubic's power-basis coefficients as scipy's {@code CubicHermiteSpline}, and {@code PPoly}'s
     * evaluation {@code c3 + c2 s + c1 s^2 + c0 s^3} with the powers formed by repeated multiplication.
     */
    private double local(int a, int i, double x, double u0, double u1, double u2, double u3) {
        final double[] ga = g.axes[a];
        final int n = g.shape[a];
        final int lw = Math.max(0, Math.min(i - 1, n - 4));
        // local node r = lw + r; secants m_r between nodes lw + r and lw + r + 1
        double h0 = ga[lw + 1] - ga[lw];
        double h1 = ga[lw + 2] - ga[lw + 1];
        double h2 = ga[lw + 3] - ga[lw + 2];
        double m0 = (u1 - u0) / h0;
        double m1 = (u2 - u1) / h1;
        double m2 = (u3 - u2) / h2;
        int r = i - lw; // local index of the interval: 0, 1 or 2
        double sL = slopeAt(i, n, r, h0, h1, h2, m0, m1, m2);
        double sR = slopeAt(i + 1, n, r + 1, h0, h1, h2, m0, m1, m2);
        double yL;
        double yR;
        double h;
        if (r == 0) {
            yL = u0;
            yR = u1;
            h = h0;
        } else if (r == 1) {
            yL = u1;
            yR = u2;
            h = h1;
        } else {
            yL = u2;
            yR = u3;
            h = h2;
        }
        double slope = (yR - yL) / h;
        double t = (sL + sR - 2 * slope) / h;
        double c0 = t / h;
        double c1 = (slope - sL) / h - t;
        double s = x - ga[i];
        double res = 0.0;
        double z = 1.0;
        res = res + yL * z;
        z *= s;
        res = res + sL * z;
        z *= s;
        res = res + c1 * z;
        z *= s;
        res = res + c0 * z;
        return res;
    }

    /** The PCHIP slope at global node {@code j} (local node {@code r} in the 4-node window). */
    private static double slopeAt(int j, int n, int r, double h0, double h1, double h2, double m0, double m1,
                                  double m2) {
        if (j == 0) {
            return PchipSlopes.edge(h0, h1, m0, m1);
        }
        if (j == n - 1) {
            // the window ends at the last node: local nodes 0..3 = n-4..n-1, r == 3
            return PchipSlopes.edge(h2, h1, m2, m1);
        }
        // interior: secants r-1 and r of the window
        if (r == 1) {
            return PchipSlopes.interior(h0, h1, m0, m1);
        }
        return PchipSlopes.interior(h1, h2, m1, m2);
    }
}
