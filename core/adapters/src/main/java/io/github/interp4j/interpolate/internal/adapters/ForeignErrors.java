package io.github.interp4j.interpolate.internal.adapters;

/**
 * The exceptions one foreign library's callers catch, built for the shared adapter checks. Each method
 * returns (does not throw) the exception, so call sites read {@code throw errors.noData()}.
 */
public interface ForeignErrors {

    /**
     * @param what the null argument's name
     * @return the library's null-argument exception
     */
    RuntimeException nullArgument(String what);

    /** @return the library's no-data exception (an empty array) */
    RuntimeException noData();

    /**
     * @param actual   the length found
     * @param expected the length required
     * @return the library's dimension-mismatch exception
     */
    RuntimeException dimensionMismatch(int actual, int expected);

    /**
     * @param actual the number of points found
     * @param min    the fewest the method needs (inclusive)
     * @return the library's too-few-points exception
     */
    RuntimeException tooFewPoints(int actual, int min);

    /**
     * @param value    the offending coordinate
     * @param previous the coordinate before it
     * @param index    the offending index
     * @return the library's exception for a sequence that is not strictly increasing
     */
    RuntimeException notStrictlyIncreasing(double value, double previous, int index);

    /**
     * @param value the query
     * @param lo    the range's lower end
     * @param hi    the range's upper end
     * @return the library's out-of-range exception
     */
    RuntimeException outOfRange(double value, double lo, double hi);

    /**
     * @param cause interp4j's exception (its message names index and value)
     * @return the library's illegal-argument exception carrying that message, with the cause attached
     */
    RuntimeException illegalArgument(IllegalArgumentException cause);
}
