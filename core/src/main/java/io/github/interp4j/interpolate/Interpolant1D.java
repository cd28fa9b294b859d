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

    /** Same as {@link #value(double)}; makes every interpolant a {@link DoubleUnaryOperator}. */
    @Override
    default double applyAsDouble(double x) {
        return value(x);
    }
}
