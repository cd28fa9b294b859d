/**
 * The one out-of-range policy ({@code RangePolicy}: a query maps to an abscissa to evaluate at or to a
 * final answer) and Python's float {@code %}, floor division and periodic wrap ({@code PyMath}).
 *
 * <p>Owns: every decision about queries outside the data. May use: the public
 * {@code OutOfRange} types.
 */
package io.github.interp4j.interpolate.internal.range;
