package io.github.interp4j.examples.spark;

/**
 * One value of a sensor's series resampled onto the regular grid: a Java bean for
 * {@code Encoders.bean(Resampled.class)} with the columns of a {@link Reading} ({@code sensor}, {@code time}
 * the grid time, {@code value} the interpolated value); a type of its own so that input and output rows
 * are not confused.
 *
 * <p>Thread-safety: mutable bean; not thread-safe.
 */
public class Resampled extends Reading {
    private static final long serialVersionUID = 1L;

    /** An empty row, for the bean encoder. */
    public Resampled() {
    }

    /**
     * @param sensor the sensor id
     * @param time   the grid time
     * @param value  the interpolated value
     */
    public Resampled(String sensor, double time, double value) {
        super(sensor, time, value);
    }
}
