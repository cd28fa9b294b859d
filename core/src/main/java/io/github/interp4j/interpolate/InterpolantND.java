package io.github.interp4j.interpolate;

import java.io.Serializable;

/**
 * A function of {@code d >= 1} variables built from data, with one or more value columns: the N-D
 * counterpart of {@link Interpolant1D}, implemented by {@link RegularGridInterpolator} (data on a
 * rectilinear grid) and {@link RBFInterpolator} (scattered data).
 *
 * <p>Contract shared by every implementation:
 * <ul>
 *   <li>Immutable and safe to share between threads; inputs are copied at construction.</li>
 *   <li>A query point has exactly {@link #dimension()} coordinates. A query with a NaN coordinate gives
 *       NaN; how points outside the data are answered is the implementation's (documented) choice.</li>
 *   <li>Value columns: the interpolant may have been fitted to {@code m = }{@link #columns()} value columns
 *       at once (scipy's values with a trailing dimension). The single-column methods
 *       ({@link #value(double...)}, {@link #values(double[][])}, {@link #values(double[])}) need m = 1 and
 *       throw {@link IllegalStateException} otherwise; the column methods work for every m.</li>
 *   <li>Batches: {@link #values(double[][])} gives, element by element, bit for bit the result of
 *       {@link #value(double...)}, whether it runs sequentially or in parallel (large batches run in
 *       parallel within the CPU budget that native-config reports, on the library's bounded pool). The
 *       flat forms ({@link #values(double[])}, {@link #valuesColumns(double[])}) take one row-major array
 *       of {@code n * d} coordinates (no array per point) and return arrays equal, bit for bit, to their
 *       {@code double[][]} forms. {@link #valuesColumns(double[][])} row {@code i} equals
 *       {@link #valueColumns(double...)} at point {@code i} bit for bit unless the implementation documents
 *       a BLAS path for many columns (then they agree to rounding).</li>
 *   <li>Serialisation stores the validated data (or fit); deserialisation validates it again.</li>
 * </ul>
 */
public interface InterpolantND extends Serializable {

    /** @return the number {@code d} of coordinates of a point, at least 1 */
    int dimension();

    /** @return the number {@code m} of value columns, at least 1 */
    int columns();

    /**
     * The interpolant at one point (one value column).
     *
     * @param point the {@link #dimension()} coordinates (not modified)
     * @return the value
     * @throws NullPointerException     if {@code point} is null
     * @throws IllegalArgumentException if {@code point.length != dimension()}
     * @throws IllegalStateException    if {@code columns() > 1}
     * @throws OutOfRangeException      if the point is outside the data and the implementation raises
     */
    double value(double... point);

    /**
     * The interpolant at many points (one value column): {@code out[j] = value(points[j])} bit for bit.
     *
     * @param points {@code n} rows of {@link #dimension()} coordinates (not modified)
     * @return a new array of {@code n} values
     * @throws NullPointerException     if {@code points} or a row is null
     * @throws IllegalArgumentException if a row has another length (the message names the row)
     * @throws IllegalStateException    if {@code columns() > 1}
     * @throws OutOfRangeException      as {@link #value(double...)}, for the first such point
     */
    double[] values(double[][] points);

    /**
     * The interpolant at many points given as one flat row-major array (point {@code j} at
     * {@code flatRowMajor[j * d .. j * d + d)}): a new array equal, bit for bit, to
     * {@link #values(double[][])} of the same points.
     *
     * @param flatRowMajor {@code n * d} coordinates (not modified)
     * @return a new array of {@code n} values
     * @throws NullPointerException     if {@code flatRowMajor} is null
     * @throws IllegalArgumentException if its length is not a multiple of {@link #dimension()}
     * @throws IllegalStateException    if {@code columns() > 1}
     * @throws OutOfRangeException      as {@link #value(double...)}
     */
    double[] values(double[] flatRowMajor);

    /**
     * Every value column at one point.
     *
     * @param point the {@link #dimension()} coordinates (not modified)
     * @return a new array of {@link #columns()} values, column {@code c} at index {@code c}
     * @throws NullPointerException     if {@code point} is null
     * @throws IllegalArgumentException if {@code point.length != dimension()}
     * @throws OutOfRangeException      as {@link #value(double...)}
     */
    double[] valueColumns(double... point);

    /**
     * Every value column at many points: {@code out[j][c]}, column {@code c} at {@code points[j]}.
     *
     * @param points {@code n} rows of {@link #dimension()} coordinates (not modified)
     * @return a new {@code n x columns()} array
     * @throws NullPointerException     if {@code points} or a row is null
     * @throws IllegalArgumentException if a row has another length
     * @throws OutOfRangeException      as {@link #value(double...)}
     */
    double[][] valuesColumns(double[][] points);

    /**
     * Every value column at many points given as one flat row-major array, into one flat row-major
     * array: {@code out[j * m + c]}, column {@code c} at point {@code j}; equal, bit for bit, to
     * {@link #valuesColumns(double[][])} of the same points.
     *
     * @param flatRowMajor {@code n * d} coordinates (not modified)
     * @return a new array of {@code n * columns()} values
     * @throws NullPointerException     if {@code flatRowMajor} is null
     * @throws IllegalArgumentException if its length is not a multiple of {@link #dimension()}, or the
     *                                  result would be too large for an array
     * @throws OutOfRangeException      as {@link #value(double...)}
     */
    double[] valuesColumns(double[] flatRowMajor);
}
