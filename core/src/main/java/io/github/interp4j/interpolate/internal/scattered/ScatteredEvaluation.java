package io.github.interp4j.interpolate.internal.scattered;

import io.github.interp4j.interpolate.internal.delaunay.PointLocator;
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

    /** Batches at least this large are visited bucket by bucket of the point locator. */
    public static final int ORDERED_MIN = 1 << 12;

    /**
     * One query point already located: its (rescaled) coordinates and a simplex containing it.
     *
     * @param <W> the per-thread workspace
     */
    @FunctionalInterface
    public interface LocatedKernel<W> {
        /**
         * @param x       the array holding the point in the triangulation's coordinates (no NaN)
         * @param xo      its first coordinate's index
         * @param simplex a simplex containing it
         * @param out     the output array
         * @param outOff  where the point's m columns go
         * @param work    this thread's workspace
         */
        void evaluate(double[] x, int xo, int simplex, double[] out, int outOff, W work);
    }

    /** A chunk's workspace for {@link #runLocated}: the rescaled point and the kernel's own workspace. */
    private static final class Located<W> {
        final double[] x;
        final W work;

        Located(int d, W work) {
            this.x = new double[d];
            this.work = work;
        }
    }

    /**
     * The evaluation loop of the interpolants on a triangulation: each query is rescaled (if
     * {@code rescaling} is not null), gives NaN in every column if a coordinate is NaN, is located, gives
     * {@code fill} outside the hull and is otherwise passed to the kernel. Batches of at least
     * {@link #ORDERED_MIN} queries are visited bucket by bucket of the locator (a counting sort of the
     * query indices, O(n)), results in input order; the result equals single-point evaluation bit for bit.
     *
     * @param q         the batch
     * @param m         the number of value columns
     * @param d         the dimension
     * @param locator   the triangulation's point locator
     * @param rescaling the map of queries into the triangulation's coordinates, or null
     * @param fill      the value outside the convex hull
     * @param workspace makes one kernel workspace per chunk
     * @param kernel    the per-point evaluation inside the hull
     * @param type      the interpolant's name, for messages
     * @param <W>       the workspace type
     * @return a new array of {@code count * m} values, row-major, in input order
     */
    public static <W> double[] runLocated(QueryBatch q, int m, int d, PointLocator locator, PointRescaling rescaling,
            double fill, java.util.function.Supplier<W> workspace, LocatedKernel<W> kernel, String type) {
        java.util.function.Supplier<Located<W>> ws = () -> new Located<>(d, workspace.get());
        PointKernel<Located<W>> k = (a, off, out, o, w) -> {
            double[] x = a;
            int xo = off;
            if (rescaling != null) {
                rescaling.apply(a, off, w.x, 0);
                x = w.x;
                xo = 0;
            }
            for (int c = 0; c < d; c++) {
                if (Double.isNaN(x[xo + c])) {
                    java.util.Arrays.fill(out, o, o + m, Double.NaN);
                    return;
                }
            }
            int t = locator.locate(x, xo);
            if (t < 0) {
                java.util.Arrays.fill(out, o, o + m, fill);
                return;
            }
            kernel.evaluate(x, xo, t, out, o, w.work);
        };
        if (q.count() < ORDERED_MIN) {
            return run(q, m, ws, k, type);
        }
        int[] order = orderByKey(q.count(), locator.buckets() + 1, j -> {
            if (rescaling == null) {
                return locator.bucketOf(q.array(j), q.offset(j));
            }
            double[] x = new double[d];
            rescaling.apply(q.array(j), q.offset(j), x, 0);
            return locator.bucketOf(x, 0);
        });
        return runInOrder(q, m, order, ws, k, type);
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
     * Checks values read back from a serialised form: present, {@code n * m} of them, all finite.
     *
     * @param values the stored values, row-major
     * @param n      the number of points
     * @param m      the number of value columns
     * @return a copy of the values
     * @throws IllegalArgumentException if the shape is wrong or a value is not finite, naming it
     */
    public static double[] restoreValues(double[] values, int n, int m) {
        Validation.requireNonNull(values, "values");
        if (m < 1 || values.length != (long) n * m) {
            throw new IllegalArgumentException("values.length = " + values.length + " does not match " + n
                    + " points * " + m + " columns");
        }
        Validation.requireFinite("values", values);
        return values.clone();
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
