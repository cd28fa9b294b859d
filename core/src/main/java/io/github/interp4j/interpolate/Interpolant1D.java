package io.github.interp4j.interpolate;

import java.io.Serializable;
import java.util.function.DoubleUnaryOperator;

/**
 * A function of one variable built from data, as scipy.interpolate's 1-D interpolants are.
 *
 * <p>Contract shared by every implementation:
 * <ul>
 *   <li>Immutable and safe to share between threads; inputs are copied at construction.</li>
 *   <li>A NaN query gives NaN. Queries outside {@code [lowerBound(), upperBound()]} follow the
 *       interpolant's {@link OutOfRange} mode; no query (NaN, infinities, huge values) can make the
 *       interval search read out of bounds.</li>
 *   <li>{@link #values(double[], double[])} gives, element by element, bit-for-bit the result of
 *       {@link #value(double)}, whether it runs sequentially or in parallel.</li>
 *   <li>Serialisation stores the validated data; deserialisation validates it again.</li>
 * </ul>
 */
public interface Interpolant1D extends DoubleUnaryOperator, Serializable {

    /**
     * Evaluates the interpolant at one point.
     *
     * @param x the query point
     * @return the interpolated value; NaN for a NaN query; outside the data range, as the
     *         {@link OutOfRange} mode says
     * @throws OutOfRangeException if {@code x} is outside the range and the mode is {@link OutOfRange#raise()}
     */
    double value(double x);

    /**
     * Evaluates at many points. Large batches run in parallel within the CPU budget that
     * native-config reports, on the library's own bounded pool; small ones on the caller's thread.
     *
     * @param xs  the query points (not modified)
     * @param out receives {@code value(xs[i])} at index {@code i}; at least {@code xs.length} long
     * @throws NullPointerException     if {@code xs} or {@code out} is null
     * @throws IllegalArgumentException if {@code out.length < xs.length}
     * @throws OutOfRangeException      as {@link #value(double)}
     */
    void values(double[] xs, double[] out);

    /**
     * Evaluates at many points into a new array.
     *
     * @param xs the query points (not modified)
     * @return a new array with {@code value(xs[i])} at index {@code i}
     * @throws NullPointerException if {@code xs} is null
     * @throws OutOfRangeException  as {@link #value(double)}
     */
    default double[] values(double[] xs) {
        if (xs == null) {
            throw new NullPointerException("xs");
        }
        double[] out = new double[xs.length];
        values(xs, out);
        return out;
    }

    /**
     * The derivative of the given order as a new interpolant, with the same {@link OutOfRange} mode.
     *
     * @param order the derivative order, at least 0 (0 returns an equal interpolant)
     * @return the derivative
     * @throws IllegalArgumentException if {@code order < 0}
     */
    Interpolant1D derivative(int order);

    /** @return the smallest data abscissa (the left end of the interpolation range) */
    double lowerBound();

    /** @return the largest data abscissa (the right end of the interpolation range) */
    double upperBound();

    /** @return how queries outside {@code [lowerBound(), upperBound()]} are answered */
    OutOfRange outOfRange();

    /**
     * The same interpolant answering out-of-range queries another way.
     *
     * @param mode the new mode
     * @return an interpolant sharing this one's data with the given mode
     * @throws NullPointerException if {@code mode} is null
     */
    Interpolant1D withOutOfRange(OutOfRange mode);

    /**
     * The number of value columns m: scipy's {@code y} of shape {@code (n, m)} fitted once. A
     * single-column interpolant is the m = 1 case of the same class. With m &gt; 1,
     * {@link #value(double)} and {@link #values(double[], double[])} throw {@link IllegalStateException}
     * (use the column methods below, or {@link #column(int)}).
     *
     * @return m, at least 1 (1 unless the interpolant was fitted to several columns)
     */
    default int columns() {
        return 1;
    }

    /**
     * Evaluates every column at one point. O(m) beyond the search, no allocation.
     *
     * @param x   the query point
     * @param out receives column j at index j; at least {@link #columns()} long
     * @throws NullPointerException     if {@code out} is null
     * @throws IllegalArgumentException if {@code out.length < columns()}
     * @throws OutOfRangeException      as {@link #value(double)}
     */
    default void value(double x, double[] out) {
        if (out == null) {
            throw new NullPointerException("out");
        }
        if (out.length < columns()) {
            throw new IllegalArgumentException("out.length = " + out.length + " < columns() = " + columns());
        }
        out[0] = value(x);
    }

    /**
     * Evaluates every column at many points into one flat row-major array, {@code out[i * m + j]} =
     * column j at {@code xs[i]}, bit for bit as {@link #value(double, double[])}; large batches run in
     * parallel within the CPU budget.
     *
     * @param xs  the query points (not modified)
     * @param out receives the values; at least {@code xs.length * columns()} long
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code out} is too short
     * @throws OutOfRangeException      as {@link #value(double)}
     */
    default void valuesColumns(double[] xs, double[] out) {
        if (xs == null) {
            throw new NullPointerException("xs");
        }
        if (out == null) {
            throw new NullPointerException("out");
        }
        int m = columns();
        if ((long) out.length < (long) xs.length * m) {
            throw new IllegalArgumentException("out.length = " + out.length + " < xs.length * columns() = "
                    + ((long) xs.length * m));
        }
        if (m == 1) {
            values(xs, out);
            return;
        }
        double[] row = new double[m];
        for (int i = 0; i < xs.length; i++) {
            value(xs[i], row);
            System.arraycopy(row, 0, out, i * m, m);
        }
    }

    /**
     * Evaluates every column at many points, {@code out[i][j]} = column j at {@code xs[i]}.
     *
     * @param xs the query points (not modified)
     * @return a new {@code xs.length x columns()} array
     * @throws NullPointerException if {@code xs} is null
     * @throws OutOfRangeException  as {@link #value(double)}
     */
    default double[][] valuesColumns(double[] xs) {
        if (xs == null) {
            throw new NullPointerException("xs");
        }
        int m = columns();
        double[] flat = new double[Math.multiplyExact(xs.length, m)];
        valuesColumns(xs, flat);
        double[][] out = new double[xs.length][];
        for (int i = 0; i < xs.length; i++) {
            out[i] = java.util.Arrays.copyOfRange(flat, i * m, i * m + m);
        }
        return out;
    }

    /**
     * One value column as a single-column interpolant of the same kind, with the same out-of-range
     * mode; its values equal column {@code j} of this one bit for bit.
     *
     * @param j the column, {@code 0 <= j < columns()}
     * @return the column's interpolant ({@code this} when m = 1)
     * @throws IndexOutOfBoundsException if {@code j} is not a column index
     */
    default Interpolant1D column(int j) {
        if (j != 0) {
            throw new IndexOutOfBoundsException("column " + j + " of " + columns());
        }
        return this;
    }

    /** Same as {@link #value(double)}; makes every interpolant a {@link DoubleUnaryOperator}. */
    @Override
    default double applyAsDouble(double x) {
        return value(x);
    }
}
