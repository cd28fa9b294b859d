package io.github.interp4j.interpolate.internal.grid;

import io.github.interp4j.interpolate.internal.validation.QueryBatch;

/**
 * One interpolation method on a rectilinear grid: the only place that knows the method's arithmetic.
 * A kernel holds the grid and, per value column, the data it reads (the values, or spline
 * coefficients; columns are numbered as the factory received them); {@link GridEvaluator} handles everything else (validation of queries, NaN and
 * out-of-range coordinates, batches, parallelism, meshes).
 *
 * <p>A query is evaluated in two steps: {@link #locate} once per axis (writes offsets and weights to the
 * thread's {@link GridWork}), then {@link #combine} once per value column. The value of column {@code c}
 * therefore does not depend on the other columns: m columns equal m single-column kernels bit for bit.
 *
 * <p>To add a method: implement this interface (with a constructor or factory of the shape
 * {@link Factory}) and name it in a constant of {@code RegularGridInterpolator.Method}.
 *
 * <p>Thread-safety: implementations are immutable; {@link GridWork} carries all per-query state.
 */
public interface GridKernel {

    /** Builds a kernel from the grid and the data of every value column. */
    @FunctionalInterface
    interface Factory {
        /**
         * @param grid    the grid (ascending axes)
         * @param columns per value column, the {@code grid.size()} values on the ascending grid, row-major
         *                (never modified; a kernel that reads the values themselves keeps the arrays)
         * @return the kernel
         * @throws IllegalArgumentException if the method cannot be built on this grid (a singular
         *                                  collocation matrix)
         */
        GridKernel build(Grid grid, double[][] columns);
    }

    /** @return a new scratch area for one thread, sized for this kernel */
    GridWork newWork();

    /**
     * Locates coordinate {@code x} on axis {@code a}: writes the axis's offset and weights to {@code wk}
     * at index {@code a}. O(1) expected (interval search) plus the method's per-axis weights.
     *
     * @param a  the axis
     * @param x  the coordinate, not NaN; outside the axis range it extrapolates the end cell
     * @param wk this thread's scratch
     */
    void locate(int a, double x, GridWork wk);

    /**
     * The value of column {@code c} at the point whose every axis {@link #locate} wrote to {@code wk}.
     *
     * @param wk the scratch, every axis located
     * @param c  the column
     * @return the value
     */
    double combine(GridWork wk, int c);

    /**
     * A specialised batch loop: the values of every column {@code c < m} at queries {@code [from, to)}
     * into {@code out[j * m + c]}, bit for bit as the generic loop of {@link GridEvaluator}. Kernels
     * without one return false (the default) and the generic loop runs.
     *
     * @param ev   the evaluator (out-of-range policy)
     * @param q    the queries
     * @param m    the number of value columns (every one is written)
     * @param out  the output
     * @param from the first query
     * @param to   past the last query
     * @return whether the range was evaluated
     */
    default boolean batch(GridEvaluator ev, QueryBatch q, int m, double[] out, int from, int to) {
        return false;
    }
}
