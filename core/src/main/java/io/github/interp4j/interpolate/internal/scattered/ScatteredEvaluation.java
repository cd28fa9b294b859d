package io.github.interp4j.interpolate.internal.scattered;

import io.github.interp4j.interpolate.internal.parallel.ParallelEvaluation;
import io.github.interp4j.interpolate.internal.validation.QueryBatch;
import io.github.interp4j.interpolate.internal.validation.Validation;

/**
 * The evaluation loop the scattered-data interpolants share: one kernel call per query point, writing
 * the point's value columns, over a batch in parallel chunks (each chunk with its own scratch array), so
 * that a batch equals its single-point evaluations bit for bit. Also the row checks and reshaping of the
 * N-D contract.
 *
 * <p>Thread-safety: stateless.
 */
public final class ScatteredEvaluation {
    private ScatteredEvaluation() {}

    /**
     * One query point's value columns.
     *
     * @param <W> the per-thread workspace
     */
    @FunctionalInterface
    public interface PointKernel<W> {
        /**
         * @param q       the array holding the point
         * @param off     its first coordinate's index
         * @param out     the output array
         * @param outOff  where the point's m columns go
         * @param work    this thread's workspace
         */
        void evaluate(double[] q, int off, double[] out, int outOff, W work);
    }

    /**
     * @param q           the batch
     * @param m           the number of value columns
     * @param workspace   makes one workspace per chunk
     * @param kernel      the per-point evaluation
     * @param type        the interpolant's name, for messages
     * @param <W>         the workspace type
     * @return a new array of {@code count * m} values, row-major
     */
    public static <W> double[] run(QueryBatch q, int m, java.util.function.Supplier<W> workspace,
            PointKernel<W> kernel, String type) {
        double[] out = new double[Validation.checkedSize(type + " result", q.count(), m)];
        ParallelEvaluation.forRange(q.count(), (from, to) -> {
            W work = workspace.get();
            for (int j = from; j < to; j++) {
                kernel.evaluate(q.array(j), q.offset(j), out, j * m, work);
            }
        });
        return out;
    }

    /**
     * {@link #run} visiting the queries in the given order (each query's result still goes to its own
     * position, computed by the same kernel, so the result is the same bit for bit; only the memory
     * access pattern changes).
     *
     * @param q         the batch
     * @param m         the number of value columns
     * @param order     a permutation of the query indices
     * @param workspace makes one workspace per chunk
     * @param kernel    the per-point evaluation
     * @param type      the interpolant's name, for messages
     * @param <W>       the workspace type
     * @return a new array of {@code count * m} values, row-major, in input order
     */
    public static <W> double[] runInOrder(QueryBatch q, int m, int[] order, java.util.function.Supplier<W> workspace,
            PointKernel<W> kernel, String type) {
        double[] out = new double[Validation.checkedSize(type + " result", q.count(), m)];
        ParallelEvaluation.forRange(q.count(), (from, to) -> {
            W work = workspace.get();
            for (int i = from; i < to; i++) {
                int j = order[i];
                kernel.evaluate(q.array(j), q.offset(j), out, j * m, work);
            }
        });
        return out;
    }

    /**
     * The indices {@code 0..n-1} sorted by key (stable counting sort), keys computed in parallel.
     *
     * @param n    the number of indices
     * @param keys the number of distinct keys
     * @param key  the key of each index, in [0, keys)
     * @return the permutation
     */
    public static int[] orderByKey(int n, int keys, java.util.function.IntUnaryOperator key) {
        int[] k = new int[n];
        ParallelEvaluation.forRange(n, (from, to) -> {
            for (int j = from; j < to; j++) {
                k[j] = key.applyAsInt(j);
            }
        });
        int[] start = new int[keys + 1];
        for (int v : k) {
            start[v + 1]++;
        }
        for (int i = 0; i < keys; i++) {
            start[i + 1] += start[i];
        }
        int[] order = new int[n];
        for (int j = 0; j < n; j++) {
            order[start[k[j]]++] = j;
        }
        return order;
    }

    /**
     * Checks query rows and wraps them.
     *
     * @param points the rows
     * @param d      the dimension
     * @param type   the interpolant's name
     * @return the batch
     * @throws NullPointerException     if {@code points} or a row is null
     * @throws IllegalArgumentException if a row has another length, naming the row
     */
    public static QueryBatch rows(double[][] points, int d, String type) {
        Validation.requireNonNull(points, "points");
        for (int j = 0; j < points.length; j++) {
            if (points[j] == null) {
                throw new NullPointerException("points[" + j + "] must not be null");
            }
            if (points[j].length != d) {
                throw new IllegalArgumentException("points[" + j + "].length = " + points[j].length + ", this " + type
                        + " has dimension " + d);
            }
        }
        return QueryBatch.ofRows(points, d);
    }

    /**
     * Checks one query point and wraps it.
     *
     * @param point the point
     * @param d     the dimension
     * @param type  the interpolant's name
     * @return the batch of one point
     */
    public static QueryBatch one(double[] point, int d, String type) {
        Validation.requireNonNull(point, "point");
        if (point.length != d) {
            throw new IllegalArgumentException("point has " + point.length + " coordinates, this " + type
                    + " has dimension " + d);
        }
        return QueryBatch.ofRows(new double[][] {point}, d);
    }

    /**
     * @param flat {@code n * m} values, row-major
     * @param m    the row length
     * @return n rows
     */
    public static double[][] reshape(double[] flat, int m) {
        double[][] out = new double[flat.length / m][];
        for (int i = 0; i < out.length; i++) {
            out[i] = java.util.Arrays.copyOfRange(flat, i * m, i * m + m);
        }
        return out;
    }

    /**
     * One value column as n rows of one value (for the single-column constructors).
     *
     * @param values n values
     * @return {@code out[i][0] = values[i]}
     * @throws NullPointerException if {@code values} is null
     */
    public static double[][] column(double[] values) {
        Validation.requireNonNull(values, "values");
        double[][] v = new double[values.length][1];
        for (int i = 0; i < values.length; i++) {
            v[i][0] = values[i];
        }
        return v;
    }

    /**
     * Checks and flattens value columns: {@code values[i][c]} for point i.
     *
     * @param values n rows of m finite values
     * @param n      the number of points
     * @return the values, row-major
     * @throws IllegalArgumentException if the shape is wrong or a value is not finite
     */
    public static double[] flattenValues(double[][] values, int n) {
        Validation.requireNonNull(values, "values");
        Validation.requireSameLength("points", n, "values", values.length);
        if (n == 0 || values[0] == null) {
            throw new IllegalArgumentException("values must have at least one non-null row");
        }
        int m = values[0].length;
        if (m < 1) {
            throw new IllegalArgumentException("values must have at least one column");
        }
        Validation.requireFiniteRows("values", values, m);
        double[] out = new double[Validation.checkedSize("values", n, m)];
        for (int i = 0; i < n; i++) {
            System.arraycopy(values[i], 0, out, i * m, m);
        }
        return out;
    }

    /**
     * Checks and flattens scattered points given as rows.
     *
     * @param points n rows of d finite coordinates
     * @param type   the interpolant's name
     * @return the points, row-major (the dimension is {@code points[0].length})
     */
    public static double[] flattenPoints(double[][] points, String type) {
        Validation.requireNonNull(points, "points");
        if (points.length == 0) {
            throw new IllegalArgumentException(type + " needs at least 1 point, got 0");
        }
        Validation.requireNonNull(points[0], "points[0]");
        int d = points[0].length;
        if (d < 1) {
            throw new IllegalArgumentException(type + " needs points with at least 1 coordinate");
        }
        Validation.requireFiniteRows("points", points, d);
        double[] out = new double[Validation.checkedSize(type + " points", points.length, d)];
        for (int i = 0; i < points.length; i++) {
            System.arraycopy(points[i], 0, out, i * d, d);
        }
        return out;
    }
}
