package io.github.interp4j.interpolate;

/**
 * Thrown for a query outside an interpolant's data range when its mode is {@link OutOfRange#raise()}.
 * The message names the value and the range.
 */
public class OutOfRangeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @serial the offending query */
    private final double value;
    /** @serial the left end of the range */
    private final double lower;
    /** @serial the right end of the range */
    private final double upper;

    /**
     * @param value the offending query
     * @param lower the left end of the range
     * @param upper the right end of the range
     */
    public OutOfRangeException(double value, double lower, double upper) {
        super("x = " + value + " is outside the interpolation range [" + lower + ", " + upper + "]");
        this.value = value;
        this.lower = lower;
        this.upper = upper;
    }

    /** @return the offending query */
    public double value() {
        return value;
    }

    /** @return the left end of the range */
    public double lower() {
        return lower;
    }

    /** @return the right end of the range */
    public double upper() {
        return upper;
    }
}
