package io.github.interp4j.interpolate.internal.rbf;

import io.github.interp4j.interpolate.internal.validation.Validation;

import java.util.HashMap;
import java.util.Map;

/**
 * Checks of scattered N-D interpolation data ({@code points[n][d]}, values, per-point parameters and
 * query points), run before any allocation or native call. Messages name the offending array, index and
 * value, in the style of {@link Validation}:
 * <ul>
 *   <li>{@code "points must not be null"}, {@code "points[3] must not be null"};</li>
 *   <li>{@code "points must have at least 1 row"}, {@code "points[0] must have at least 1 coordinate"};</li>
 *   <li>{@code "points must be rectangular: points[2].length = 3, expected 2"};</li>
 *   <li>{@code "points[4][1] = NaN is not finite"};</li>
 *   <li>{@code "points and values must have the same number of rows: points.length = 5, values.length = 4"};</li>
 *   <li>{@code "smoothing[2] = -1.0 must be at least 0"};</li>
 *   <li>{@code "duplicate points with zero smoothing: points[3] and points[17] are both [0.5, 0.25]"}.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless.
 */
public final class RbfValidation {
    private RbfValidation() {}

    /**
     * Checks {@code points} is a non-empty rectangular finite matrix with at least one column.
     *
     * @param name   the name in messages
     * @param points the rows
     * @return the number of columns (the dimension)
     * @throws NullPointerException     if {@code points} or a row is null
     * @throws IllegalArgumentException if it is empty, ragged or not finite
     */
    public static int requirePoints(String name, double[][] points) {
        Validation.requireNonNull(points, name);
        if (points.length == 0) {
            throw new IllegalArgumentException(name + " must have at least 1 row");
        }
        Validation.requireNonNull(points[0], name + "[0]");
        int d = points[0].length;
        if (d == 0) {
            throw new IllegalArgumentException(name + "[0] must have at least 1 coordinate");
        }
        Validation.requireFiniteRows(name, points, d);
        return d;
    }

    /**
     * Checks the value columns {@code values[n][m]}: n rows, rectangular, at least one column, finite.
     *
     * @param name       the name in messages
     * @param values     the rows
     * @param pointsName the name of the points in messages
     * @param n          the number of points
     * @return m
     * @throws NullPointerException     if {@code values} or a row is null
     * @throws IllegalArgumentException on a row-count mismatch, no columns, a ragged row or a non-finite value
     */
    public static int requireValueColumns(String name, double[][] values, String pointsName, int n) {
        Validation.requireNonNull(values, name);
        requireSameRows(pointsName, n, name, values.length);
        Validation.requireNonNull(values[0], name + "[0]");
        int m = values[0].length;
        if (m == 0) {
            throw new IllegalArgumentException(name + " must have at least 1 column, " + name + "[0].length = 0");
        }
        Validation.requireFiniteRows(name, values, m);
        return m;
    }

    /**
     * Checks one value column of n finite values.
     *
     * @param name       the name in messages
     * @param values     the values
     * @param pointsName the name of the points in messages
     * @param n          the number of points
     * @throws NullPointerException     if {@code values} is null
     * @throws IllegalArgumentException on a length mismatch or a non-finite value
     */
    public static void requireValues(String name, double[] values, String pointsName, int n) {
        Validation.requireNonNull(values, name);
        requireSameRows(pointsName, n, name, values.length);
        Validation.requireFinite(name, values);
    }

    /**
     * @param a  the first name
     * @param na its row count
     * @param b  the second name
     * @param nb its row count
     * @throws IllegalArgumentException if the row counts differ
     */
    public static void requireSameRows(String a, int na, String b, int nb) {
        if (na != nb) {
            throw new IllegalArgumentException(a + " and " + b + " must have the same number of rows: " + a
                    + ".length = " + na + ", " + b + ".length = " + nb);
        }
    }

    /**
     * Checks per-point non-negative finite parameters (smoothing).
     *
     * @param name       the name in messages
     * @param s          the parameters
     * @param pointsName the name of the points in messages
     * @param n          the number of points
     * @throws NullPointerException     if {@code s} is null
     * @throws IllegalArgumentException on a length mismatch, a non-finite or a negative element
     */
    public static void requireNonNegative(String name, double[] s, String pointsName, int n) {
        Validation.requireNonNull(s, name);
        if (s.length != n) {
            throw new IllegalArgumentException(name + " must have one element per point: " + name + ".length = "
                    + s.length + ", " + pointsName + ".length = " + n);
        }
        Validation.requireFinite(name, s);
        for (int i = 0; i < n; i++) {
            if (s[i] < 0.0) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + s[i] + " must be at least 0");
            }
        }
    }

    /**
     * Checks query points: non-null rows of {@code dim} coordinates (any values; non-finite queries give NaN).
     *
     * @param name the name in messages
     * @param xs   the queries
     * @param dim  the dimension
     * @throws NullPointerException     if {@code xs} or a row is null
     * @throws IllegalArgumentException if a row has another length
     */
    public static void requireQueries(String name, double[][] xs, int dim) {
        Validation.requireNonNull(xs, name);
        for (int i = 0; i < xs.length; i++) {
            double[] row = xs[i];
            if (row == null) {
                throw new NullPointerException(name + "[" + i + "] must not be null");
            }
            if (row.length != dim) {
                throw new IllegalArgumentException(name + "[" + i + "] has " + row.length
                        + " coordinates, expected " + dim + " (the dimension of the data points)");
            }
        }
    }

    /**
     * @param name the name in messages
     * @param x    the query
     * @param dim  the dimension
     * @throws NullPointerException     if {@code x} is null
     * @throws IllegalArgumentException if it does not have {@code dim} coordinates
     */
    public static void requireQuery(String name, double[] x, int dim) {
        Validation.requireNonNull(x, name);
        if (x.length != dim) {
            throw new IllegalArgumentException(name + " has " + x.length + " coordinates, expected " + dim
                    + " (the dimension of the data points)");
        }
    }

    /**
     * Finds two equal points that both have zero smoothing (the system is then singular), in O(n)
     * expected time by hashing. {@code -0.0} equals {@code 0.0}.
     *
     * @param points    row-major {@code n x dim}, finite
     * @param n         the number of points
     * @param dim       the dimension
     * @param smoothing per point
     * @return {@code {i, j}} with {@code i < j}, or null if there is none
     */
    public static int[] findZeroSmoothingDuplicate(double[] points, int n, int dim, double[] smoothing) {
        Map<PointKey, Integer> seen = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (smoothing[i] != 0.0) {
                continue;
            }
            Integer prev = seen.putIfAbsent(new PointKey(points, i * dim, dim), i);
            if (prev != null) {
                return new int[] {prev, i};
            }
        }
        return null;
    }

    /** A view of one row of a flat array, with value equality (0.0 == -0.0). */
    private static final class PointKey {
        private final double[] a;
        private final int off;
        private final int dim;
        private final int hash;

        PointKey(double[] a, int off, int dim) {
            this.a = a;
            this.off = off;
            this.dim = dim;
            long h = 1;
            for (int k = 0; k < dim; k++) {
                double v = a[off + k];
                long bits = v == 0.0 ? 0L : Double.doubleToLongBits(v);
                h = 31 * h + (bits ^ (bits >>> 29));
            }
            this.hash = (int) (h ^ (h >>> 32));
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof PointKey)) {
                return false;
            }
            PointKey p = (PointKey) o;
            for (int k = 0; k < dim; k++) {
                if (a[off + k] != p.a[p.off + k]) {
                    return false;
                }
            }
            return true;
        }
    }
}
