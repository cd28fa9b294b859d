package io.github.interp4j.interpolate;

import java.io.Serializable;

/**
 * Several functions of one variable interpolated over the same abscissae at once, as scipy's
 * interpolants do for {@code y} of shape {@code (n, m)} (for example a 3-D trajectory: m = 3).
 * The fit is done once for all columns, not column by column.
 *
 * <p>Same contract as {@link Interpolant1D}: immutable, thread-safe, NaN queries give NaN rows,
 * out-of-range queries follow {@link #outOfRange()}, and batch results equal point results bit for bit.
 */
public interface VectorInterpolant1D extends Serializable {

    /** @return m, the number of value columns */
    int columns();

    /**
     * Evaluates all columns at one point.
     *
     * @param x   the query point
     * @param out receives column j at index j; at least {@link #columns()} long
     * @throws NullPointerException     if {@code out} is null
     * @throws IllegalArgumentException if {@code out} is too short
     * @throws OutOfRangeException      if {@code x} is out of range and the mode is {@link OutOfRange#raise()}
     */
    void value(double x, double[] out);

    /**
     * Evaluates all columns at one point into a new array.
     *
     * @param x the query point
     * @return a new array of length {@link #columns()}
     * @throws OutOfRangeException as {@link #value(double, double[])}
     */
    default double[] value(double x) {
        double[] out = new double[columns()];
        value(x, out);
        return out;
    }

    /**
     * Evaluates all columns at many points (in parallel for large batches, within the CPU budget).
     *
     * @param xs the query points
     * @return {@code out[i][j]} = column j at {@code xs[i]}
     * @throws NullPointerException if {@code xs} is null
     * @throws OutOfRangeException  as {@link #value(double, double[])}
     */
    double[][] values(double[] xs);

    /**
     * One column as a scalar interpolant.
     *
     * @param j the column index, {@code 0 <= j < columns()}
     * @return the column's interpolant, with the same out-of-range mode
     * @throws IndexOutOfBoundsException if {@code j} is not a column index
     */
    Interpolant1D column(int j);

    /**
     * @param order the derivative order, at least 0
     * @return the derivative of every column
     * @throws IllegalArgumentException if {@code order < 0}
     */
    VectorInterpolant1D derivative(int order);

    /** @return the left end of the data range */
    double lowerBound();

    /** @return the right end of the data range */
    double upperBound();

    /** @return the out-of-range mode */
    OutOfRange outOfRange();

    /**
     * @param mode the new mode
     * @return the same data with another out-of-range mode
     * @throws NullPointerException if {@code mode} is null
     */
    VectorInterpolant1D withOutOfRange(OutOfRange mode);
}
