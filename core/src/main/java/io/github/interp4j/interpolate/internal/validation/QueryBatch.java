package io.github.interp4j.interpolate.internal.validation;

/**
 * The query points of an N-D batch, in either layout the N-D contract accepts: one array per point
 * ({@code rows[j]}) or one flat row-major array ({@code flat[j * d + a]}). Point {@code j}'s coordinates
 * are {@code array(j)[offset(j) + a]}; the loops read them in place, so neither layout is copied and
 * both give the same values bit for bit.
 *
 * <p>Thread-safety: immutable holder; the arrays are the caller's and must not change during a call.
 */
public final class QueryBatch {
    private final double[][] rows;
    private final double[] flat;
    private final int d;
    private final int count;

    private QueryBatch(double[][] rows, double[] flat, int d, int count) {
        this.rows = rows;
        this.flat = flat;
        this.d = d;
        this.count = count;
    }

    /**
     * @param rows the points, already checked (non-null rows of length {@code d})
     * @param d    the dimension
     * @return the batch
     */
    public static QueryBatch ofRows(double[][] rows, int d) {
        return new QueryBatch(rows, null, d, rows.length);
    }

    /**
     * Checks and wraps a flat row-major batch.
     *
     * @param name the argument's name, for messages
     * @param flat {@code n * d} coordinates, point {@code j} at {@code [j * d, j * d + d)}
     * @param d    the dimension, at least 1
     * @param type the interpolant's name, for messages
     * @return the batch
     * @throws NullPointerException     if {@code flat} is null
     * @throws IllegalArgumentException if {@code flat.length} is not a multiple of {@code d}
     */
    public static QueryBatch ofFlat(String name, double[] flat, int d, String type) {
        Validation.requireNonNull(flat, name);
        if (flat.length % d != 0) {
            throw new IllegalArgumentException(name + ".length = " + flat.length + " is not a multiple of the "
                    + "dimension " + d + " of this " + type + " (one flat row-major array of n * " + d
                    + " coordinates)");
        }
        return new QueryBatch(null, flat, d, flat.length / d);
    }

    /** @return the number of points */
    public int count() {
        return count;
    }

    /** @return the dimension */
    public int dimension() {
        return d;
    }

    /**
     * @param j the point
     * @return the array holding point {@code j}'s coordinates
     */
    public double[] array(int j) {
        return rows != null ? rows[j] : flat;
    }

    /**
     * @param j the point
     * @return the index of point {@code j}'s first coordinate in {@link #array(int)}
     */
    public int offset(int j) {
        return rows != null ? 0 : j * d;
    }
}
