package io.github.interp4j.interpolate.internal.grid;

import io.github.interp4j.interpolate.internal.search.IntervalIndex;

import java.util.Arrays;

/**
 * A rectilinear grid in {@code d} dimensions with its axes made ascending: shape, row-major strides
 * (last axis fastest), the ascending coordinates, their range and an interval search per axis. A
 * descending input axis is reversed here once; {@link #ascendingColumn} reverses the data along it the
 * same way.
 *
 * <p>Thread-safety: immutable (the arrays are never modified after construction and never handed out).
 */
public final class Grid {
    /** The number of axes. */
    final int d;
    /** Points per axis. */
    final int[] shape;
    /** Row-major stride per axis. */
    final int[] stride;
    /** Whether the input axis was descending. */
    final boolean[] descending;
    /** Ascending coordinates per axis. */
    final double[][] axes;
    /** Smallest coordinate per axis. */
    final double[] lo;
    /** Largest coordinate per axis. */
    final double[] hi;
    /** Interval search per axis (null for a single-point axis). */
    final IntervalIndex[] index;
    /** The number of grid points. */
    final int size;

    /**
     * O(sum n_a).
     *
     * @param grid validated axes (at least one; each finite, strictly monotone, non-empty; the product of
     *             the lengths fits an int); not modified, not kept
     */
    public Grid(double[][] grid) {
        d = grid.length;
        shape = new int[d];
        stride = new int[d];
        descending = new boolean[d];
        axes = new double[d][];
        lo = new double[d];
        hi = new double[d];
        index = new IntervalIndex[d];
        int s = 1;
        for (int a = d - 1; a >= 0; a--) {
            double[] g = grid[a];
            int n = g.length;
            shape[a] = n;
            stride[a] = s;
            s *= n;
            boolean desc = n >= 2 && g[1] < g[0];
            descending[a] = desc;
            double[] asc = new double[n];
            for (int i = 0; i < n; i++) {
                asc[i] = desc ? g[n - 1 - i] : g[i];
            }
            axes[a] = asc;
            lo[a] = asc[0];
            hi[a] = asc[n - 1];
            index[a] = n >= 2 ? new IntervalIndex(asc) : null;
        }
        size = s;
    }

    /** @return the number of axes */
    public int dimension() {
        return d;
    }

    /** @return the number of grid points */
    public int size() {
        return size;
    }

    /** @return a copy of the points per axis */
    public int[] shape() {
        return shape.clone();
    }

    /**
     * @param a the axis
     * @return the number of points on axis {@code a}
     */
    public int points(int a) {
        return shape[a];
    }

    /**
     * @param a the axis
     * @return a copy of the ascending coordinates of axis {@code a}
     */
    public double[] axis(int a) {
        return axes[a].clone();
    }

    /**
     * Column {@code c} of row-major interleaved data ({@code values[p * m + c]} at grid point {@code p} in
     * the input axis order), reordered to the ascending axes. O(N).
     *
     * @param values the data, {@code size() * m} values
     * @param m      the number of columns
     * @param c      the column
     * @return a new array of {@code size()} values
     */
    public double[] ascendingColumn(double[] values, int m, int c) {
        double[] v;
        if (m == 1) {
            v = Arrays.copyOf(values, values.length);
        } else {
            v = new double[size];
            for (int p = 0; p < size; p++) {
                v[p] = values[p * m + c];
            }
        }
        for (int a = 0; a < d; a++) {
            if (descending[a]) {
                reverseAxis(v, a);
            }
        }
        return v;
    }

    /** Reverses {@code v} along axis {@code a} in place. */
    private void reverseAxis(double[] v, int a) {
        int n = shape[a];
        int post = stride[a];
        int block = n * post;
        for (int base = 0; base < v.length; base += block) {
            for (int i = 0, j = n - 1; i < j; i++, j--) {
                int pi = base + i * post;
                int pj = base + j * post;
                for (int q = 0; q < post; q++) {
                    double tmp = v[pi + q];
                    v[pi + q] = v[pj + q];
                    v[pj + q] = tmp;
                }
            }
        }
    }

    /**
     * The cell of {@code x} on axis {@code a} for the linear and nearest kernels: writes the cell index
     * {@code i} to {@code wk.ival[a]} and {@code y = (x - g[i]) / (g[i + 1] - g[i])} to {@code wk.y[a]}
     * (both 0 on a single-point axis) and returns the stride to the cell's upper corner (0 on a
     * single-point axis).
     */
    int cell(int a, double x, GridWork wk) {
        IntervalIndex ix = index[a];
        if (ix == null) {
            wk.ival[a] = 0;
            wk.y[a] = 0.0;
            return 0;
        }
        double[] g = axes[a];
        int i = ix.find(x);
        wk.ival[a] = i;
        wk.y[a] = (x - g[i]) / (g[i + 1] - g[i]);
        return stride[a];
    }
}
