package io.github.interp4j.interpolate.internal.grid;

import io.github.interp4j.interpolate.internal.search.IntervalIndex;
import io.github.interp4j.interpolate.internal.validation.QueryBatch;

/**
 * scipy's {@code method="linear"}: multilinear interpolation in the cell of each axis, the sum over the
 * {@code 2^d} cell corners in scipy's order (scipy's 2-D fast path association in 2-D), with a 3-D batch
 * fast path.
 *
 * <p>Cost per query: O(d) expected for the searches plus O(2^a a), {@code a} the number of axes with at
 * least 2 points (so at most the number of grid points). Thread-safety: immutable.
 */
public final class LinearKernel implements GridKernel {
    /** Points per block of the 3-D batch: the located offsets and weights stay in L1. */
    private static final int LINEAR3_BLOCK = 128;

    private final Grid g;
    private final double[][] data;
    private final int d;
    /** The axes with at least 2 points, ascending (the others are collapsed in the corner sum). */
    private final int[] active;
    /** Whether the 3-D fast path applies (3 axes, each with at least 2 points). */
    private final boolean linear3;
    // the 3-D fast path's grid, unpacked into fields (read once per point, no array indirection)
    private final double[] g0;
    private final double[] g1;
    private final double[] g2;
    private final IntervalIndex idx0;
    private final IntervalIndex idx1;
    private final IntervalIndex idx2;
    private final double lo0;
    private final double lo1;
    private final double lo2;
    private final double hi0;
    private final double hi1;
    private final double hi2;
    private final int stride0;
    private final int stride1;

    /**
     * @param grid    the grid
     * @param columns the values per column on the ascending grid (kept)
     */
    public LinearKernel(Grid grid, double[][] columns) {
        this.g = grid;
        this.data = columns;
        this.d = grid.d;
        this.linear3 = d == 3 && grid.shape[0] >= 2 && grid.shape[1] >= 2 && grid.shape[2] >= 2;
        int na = 0;
        for (int a = 0; a < d; a++) {
            na += grid.shape[a] >= 2 ? 1 : 0;
        }
        this.active = new int[na];
        for (int a = 0, q = 0; a < d; a++) {
            if (grid.shape[a] >= 2) {
                active[q++] = a;
            }
        }
        if (linear3) {
            g0 = grid.axes[0];
            g1 = grid.axes[1];
            g2 = grid.axes[2];
            idx0 = grid.index[0];
            idx1 = grid.index[1];
            idx2 = grid.index[2];
            lo0 = grid.lo[0];
            lo1 = grid.lo[1];
            lo2 = grid.lo[2];
            hi0 = grid.hi[0];
            hi1 = grid.hi[1];
            hi2 = grid.hi[2];
            stride0 = grid.stride[0];
            stride1 = grid.stride[1];
        } else {
            g0 = g1 = g2 = null;
            idx0 = idx1 = idx2 = null;
            lo0 = lo1 = lo2 = hi0 = hi1 = hi2 = 0;
            stride0 = stride1 = 0;
        }
    }

    @Override
    public GridWork newWork() {
        return new GridWork(d, 0, 0);
    }

    @Override
    public void locate(int a, double x, GridWork wk) {
        int st = g.cell(a, x, wk);
        wk.off[a] = wk.ival[a] * g.stride[a];
        wk.step[a] = st;
    }

    /**
     * scipy's sum over the {@code 2^d} corners, corner bits with axis 0 the most significant, weight
     * {@code prod_a w_a} multiplied left to right, terms added in corner order to 0; in 2-D scipy's
     * fast path {@code ((v * w_0) * w_1)} association.
     */
    @Override
    public double combine(GridWork wk, int c) {
        final double[] v = data[c];
        final int[] off = wk.off;
        final int[] step = wk.step;
        final double[] y = wk.y;
        if (d == 2) {
            double y0 = y[0];
            double y1 = y[1];
            int o = off[0] + off[1];
            int s0 = step[0];
            int s1 = step[1];
            return v[o] * (1 - y0) * (1 - y1) + v[o + s1] * (1 - y0) * y1 + v[o + s0] * y0 * (1 - y1)
                    + v[o + s0 + s1] * y0 * y1;
        }
        if (d == 3) {
            return corners3(v, off[0] + off[1] + off[2], step[0], step[1], step[2], y[0], y[1], y[2]);
        }
        int base = 0;
        for (int a = 0; a < d; a++) {
            base += off[a];
        }
        // Only the axes with at least 2 points span a cell: a single-point axis has weight 1 - 0 = 1 at
        // its one corner and adds only zero terms at the other, so it is skipped (2^active corners, never
        // more than the number of grid points).
        final int[] act = active;
        final int na = act.length;
        double r = 0.0;
        int corners = 1 << na;
        for (int cnr = 0; cnr < corners; cnr++) {
            double w = 1.0;
            int o = base;
            for (int q = 0; q < na; q++) {
                int a = act[q];
                if (((cnr >>> (na - 1 - q)) & 1) != 0) {
                    w = w * y[a];
                    o += step[a];
                } else {
                    w = w * (1 - y[a]);
                }
            }
            r = r + v[o] * w;
        }
        return r;
    }

    /** The 3-D multilinear sum: scipy's corner order and weight products. */
    private static double corners3(double[] v, int o, int s0, int s1, int s2, double y0, double y1, double y2) {
        double w0 = 1 - y0;
        double w1 = 1 - y1;
        double w2 = 1 - y2;
        double a00 = w0 * w1;
        double a01 = w0 * y1;
        double a10 = y0 * w1;
        double a11 = y0 * y1;
        int o1 = o + s1;
        int o2 = o + s0;
        int o3 = o2 + s1;
        double r = 0.0;
        r = r + v[o] * (a00 * w2);
        r = r + v[o + s2] * (a00 * y2);
        r = r + v[o1] * (a01 * w2);
        r = r + v[o1 + s2] * (a01 * y2);
        r = r + v[o2] * (a10 * w2);
        r = r + v[o2 + s2] * (a10 * y2);
        r = r + v[o3] * (a11 * w2);
        r = r + v[o3 + s2] * (a11 * y2);
        return r;
    }

    /**
     * The 3-D batch (every axis with at least 2 points), in two phases per block of
     * {@link #LINEAR3_BLOCK} points: first the interval searches and weights (no access to the data), then
     * the 8 data loads and the sum per point and column. Keeping the loads of many points independent
     * and close together lets the processor overlap their cache misses. The same operations in the same
     * order as {@link #locate} and {@link #combine}.
     */
    @Override
    public boolean batch(GridEvaluator ev, QueryBatch q, int m, double[] out, int from, int to) {
        if (!linear3) {
            return false;
        }
        final int[] off = new int[LINEAR3_BLOCK];
        final double[] ys = new double[3 * LINEAR3_BLOCK];
        final double[] adjusted = new double[3];
        final int s0 = stride0;
        final int s1 = stride1;
        final double[] v0 = data[0];
        for (int j0 = from; j0 < to; j0 += LINEAR3_BLOCK) {
            final int len = Math.min(LINEAR3_BLOCK, to - j0);
            for (int b = 0; b < len; b++) {
                int j = j0 + b;
                off[b] = locate3(ev, q.array(j), q.offset(j), j, ys, 3 * b, adjusted);
            }
            for (int b = 0; b < len; b++) {
                final int o = off[b];
                final int j = j0 + b;
                if (o < 0) {
                    double special = ev.finalAnswer(q.array(j), q.offset(j));
                    for (int c = 0; c < m; c++) {
                        out[j * m + c] = special;
                    }
                } else if (m == 1) {
                    out[j] = corners3(v0, o, s0, s1, 1, ys[3 * b], ys[3 * b + 1], ys[3 * b + 2]);
                } else {
                    for (int c = 0; c < m; c++) {
                        out[j * m + c] = corners3(data[c], o, s0, s1, 1, ys[3 * b], ys[3 * b + 1], ys[3 * b + 2]);
                    }
                }
            }
        }
        return true;
    }

    /**
     * Classifies and locates a 3-D point: writes {@code y_0, y_1, y_2} to {@code ys[at..at+2]} and returns the
     * offset of the cell's first corner, or -1 when the answer is final ({@link GridEvaluator#finalAnswer});
     * throws in the raise mode.
     */
    private int locate3(GridEvaluator ev, double[] p, int po, int pointIndex, double[] ys, int at,
                        double[] adjusted) {
        double x0 = p[po];
        double x1 = p[po + 1];
        double x2 = p[po + 2];
        if (!(x0 >= lo0 && x0 <= hi0 && x1 >= lo1 && x1 <= hi1 && x2 >= lo2 && x2 <= hi2)) {
            if (x0 != x0 || x1 != x1 || x2 != x2 || !ev.adjust(p, po, pointIndex, adjusted)) {
                return -1;
            }
            x0 = adjusted[0];
            x1 = adjusted[1];
            x2 = adjusted[2];
        }
        final double[] a0 = g0;
        final double[] a1 = g1;
        final double[] a2 = g2;
        int i0 = idx0.find(x0);
        int i1 = idx1.find(x1);
        int i2 = idx2.find(x2);
        ys[at] = (x0 - a0[i0]) / (a0[i0 + 1] - a0[i0]);
        ys[at + 1] = (x1 - a1[i1]) / (a1[i1 + 1] - a1[i1]);
        ys[at + 2] = (x2 - a2[i2]) / (a2[i2 + 1] - a2[i2]);
        return i0 * stride0 + i1 * stride1 + i2;
    }
}
