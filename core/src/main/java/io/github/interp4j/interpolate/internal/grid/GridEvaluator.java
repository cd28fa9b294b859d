package io.github.interp4j.interpolate.internal.grid;

import io.github.interp4j.interpolate.OutOfRange;
import io.github.interp4j.interpolate.internal.parallel.ParallelEvaluation;
import io.github.interp4j.interpolate.internal.range.RangePolicy;
import io.github.interp4j.interpolate.internal.validation.QueryBatch;

/**
 * Evaluates a {@link GridKernel} under an out-of-range mode: per query, classify the coordinates (NaN,
 * inside, outside), ask each axis's {@link RangePolicy} what an outside coordinate becomes (the same
 * coordinate, the nearer end, or a final answer; {@link RangePolicy#adjustOnAxis} raises naming the axis
 * and the point), locate every axis and combine every value column. Batches run in parallel
 * ({@link ParallelEvaluation}) and give, element by element, the single-point results bit for bit.
 *
 * <p>Results are written row-major, {@code out[j * m + c]} for query {@code j} and column {@code c} of
 * {@code m} columns; with one column that is {@code out[j]}.
 *
 * <p>Thread-safety: immutable; each batch thread has its own {@link GridWork}.
 */
public final class GridEvaluator {
    private final GridKernel kernel;
    private final Grid g;
    private final int m;
    private final RangePolicy[] policy;

    /**
     * O(d).
     *
     * @param kernel  the kernel
     * @param grid    the grid the kernel was built on
     * @param columns the number of value columns the kernel was built with
     * @param mode    the out-of-range mode (not periodic; a fill with one value: checked by the caller)
     */
    public GridEvaluator(GridKernel kernel, Grid grid, int columns, OutOfRange mode) {
        this.kernel = kernel;
        this.g = grid;
        this.m = columns;
        this.policy = new RangePolicy[g.d];
        for (int a = 0; a < g.d; a++) {
            policy[a] = RangePolicy.of(mode, g.lo[a], g.hi[a]);
        }
    }

    /** @return the kernel */
    public GridKernel kernel() {
        return kernel;
    }

    /**
     * Column 0 at one point (query index -1 in a raise message). Allocates one {@link GridWork}.
     *
     * @param p the {@code d} coordinates
     * @return the value
     */
    public double value(double[] p) {
        GridWork wk = kernel.newWork();
        return locatePoint(p, 0, -1, wk) ? kernel.combine(wk, 0) : wk.answer;
    }

    /**
     * Every column at one point (query index -1 in a raise message). Allocates one {@link GridWork}.
     *
     * @param p   the {@code d} coordinates
     * @param out receives column {@code c} at {@code out[c]}
     */
    public void value(double[] p, double[] out) {
        point(p, 0, -1, kernel.newWork(), out, 0);
    }

    /**
     * Every column at every query, in parallel for large batches. O(count) times the per-query cost;
     * nothing allocated per query.
     *
     * @param q the queries (checked)
     * @return {@code out[j * m + c]}
     * @throws io.github.interp4j.interpolate.RegularGridInterpolator.OutOfGridException in raise mode, for
     *         the first query (lowest index) outside the grid
     */
    public double[] values(QueryBatch q) {
        final double[] out = new double[Math.multiplyExact(q.count(), m)];
        ParallelEvaluation.forRange(q.count(), (from, to) -> {
            if (kernel.batch(this, q, m, out, from, to)) {
                return;
            }
            GridWork wk = kernel.newWork();
            for (int j = from; j < to; j++) {
                point(q.array(j), q.offset(j), j, wk, out, j * m);
            }
        });
        return out;
    }

    /** One query: every column to {@code out[at + c]}. */
    private void point(double[] p, int off, int index, GridWork wk, double[] out, int at) {
        if (locatePoint(p, off, index, wk)) {
            if (m == 1) {
                out[at] = kernel.combine(wk, 0);
                return;
            }
            for (int c = 0; c < m; c++) {
                out[at + c] = kernel.combine(wk, c);
            }
        } else {
            for (int c = 0; c < m; c++) {
                out[at + c] = wk.answer;
            }
        }
    }

    /**
     * Classifies the point and locates every axis; false (with the answer in {@code wk.answer}) when the
     * answer is final: NaN for a NaN coordinate, else the mode's answer outside the grid.
     */
    private boolean locatePoint(double[] p, int off, int index, GridWork wk) {
        final int d = g.d;
        final double[] lo = g.lo;
        final double[] hi = g.hi;
        boolean outside = false;
        for (int a = 0; a < d; a++) {
            double x = p[off + a];
            if (!(x >= lo[a] && x <= hi[a])) {
                if (x != x) {
                    wk.answer = Double.NaN;
                    return false;
                }
                outside = true;
            }
        }
        if (outside) {
            double[] q = wk.coords;
            if (!adjust(p, off, index, q)) {
                wk.answer = finalAnswer(p, off);
                return false;
            }
            for (int a = 0; a < d; a++) {
                kernel.locate(a, q[a], wk);
            }
        } else {
            for (int a = 0; a < d; a++) {
                kernel.locate(a, p[off + a], wk);
            }
        }
        return true;
    }

    /**
     * The coordinates to evaluate an outside point (no NaN coordinate) at, by each axis's policy.
     *
     * @param p     the coordinates
     * @param off   the first coordinate's index in {@code p}
     * @param index the point's index in its batch (-1 for a single point), for a raise message
     * @param q     receives the {@code d} adjusted coordinates
     * @return false when the answer is final ({@link #finalAnswer})
     * @throws io.github.interp4j.interpolate.RegularGridInterpolator.OutOfGridException in raise mode, for
     *         the first axis outside its range
     */
    boolean adjust(double[] p, int off, int index, double[] q) {
        for (int a = 0; a < g.d; a++) {
            double t = policy[a].adjustOnAxis(p[off + a], a, index);
            if (t != t) {
                return false;
            }
            q[a] = t;
        }
        return true;
    }

    /**
     * The final answer for a point that is not evaluated: NaN if a coordinate is NaN, else the answer of
     * the first axis whose coordinate is outside (the fill value, or NaN).
     */
    double finalAnswer(double[] p, int off) {
        for (int a = 0; a < g.d; a++) {
            double x = p[off + a];
            if (x != x) {
                return Double.NaN;
            }
        }
        for (int a = 0; a < g.d; a++) {
            double x = p[off + a];
            if (!(x >= g.lo[a] && x <= g.hi[a])) {
                return policy[a].answer(x);
            }
        }
        return Double.NaN;
    }

    /**
     * Every column on the outer product of per-axis coordinates: output point
     * {@code i = (j_0 * m_1 + j_1) * m_2 ...} at {@code (axes[0][j_0], ..., axes[d-1][j_{d-1}])}, column
     * {@code c} at {@code out[i * m + c]}, bit for bit as {@link #value}. The per-axis searches and weights
     * are computed once per coordinate ({@code O(sum m_a)}), then combined per output point; in parallel
     * for large outputs.
     *
     * @param axes  {@code d} arrays of coordinates (checked)
     * @param count the number of output points (the product of the lengths, checked)
     * @return the values
     * @throws io.github.interp4j.interpolate.RegularGridInterpolator.OutOfGridException in raise mode, for
     *         the first output point (row-major order) outside the grid; its {@code point()} is that index
     */
    public double[] valuesOnGrid(double[][] axes, int count) {
        final int d = g.d;
        final MeshTables tables = new MeshTables(kernel, g, policy, axes);
        final double[] out = new double[Math.multiplyExact(count, m)];
        if (count == 0) {
            return out;
        }
        final int[] len = new int[d];
        for (int a = 0; a < d; a++) {
            len[a] = axes[a].length;
        }
        ParallelEvaluation.forRange(count, (from, to) -> {
            GridWork wk = kernel.newWork();
            int[] idx = new int[d];
            int rem = from;
            for (int a = d - 1; a >= 0; a--) {
                idx[a] = rem % len[a];
                rem /= len[a];
            }
            for (int j = from; j < to; j++) {
                int at = j * m;
                if (tables.load(idx, j, wk)) {
                    for (int c = 0; c < m; c++) {
                        out[at + c] = kernel.combine(wk, c);
                    }
                } else {
                    for (int c = 0; c < m; c++) {
                        out[at + c] = wk.answer;
                    }
                }
                for (int a = d - 1; a >= 0; a--) {
                    if (++idx[a] < len[a]) {
                        break;
                    }
                    idx[a] = 0;
                }
            }
        });
        return out;
    }
}
