/**
 * Commons Math 3.6.1's interpolation interfaces ({@code org.apache.commons.math3.analysis.interpolation})
 * implemented with interp4j's methods, so code written against them switches with one constructor:
 *
 * <pre>{@code
 * UnivariateInterpolator i = new SplineInterpolator();               // before
 * UnivariateInterpolator i = new UnivariateInterpolatorAdapter();    // after: the same natural cubic spline
 * UnivariateDifferentiableFunction f = (UnivariateDifferentiableFunction) i.interpolate(x, y);
 * }</pre>
 *
 * <table>
 * <caption>Adapters</caption>
 * <tr><th>Commons Math interface</th><th>adapter</th><th>interp4j method</th></tr>
 * <tr><td>{@code UnivariateInterpolator}</td><td>{@link UnivariateInterpolatorAdapter}</td>
 *     <td>{@code CubicSpline} (natural or not-a-knot), {@code PchipInterpolator}, {@code Akima1DInterpolator}
 *     (akima, makima), linear; the function is a {@code UnivariateDifferentiableFunction}</td></tr>
 * <tr><td>{@code BivariateGridInterpolator}</td><td>{@link BivariateGridInterpolatorAdapter}</td>
 *     <td>{@code RegularGridInterpolator} (any {@code Method}: linear, cubic, pchip, ...)</td></tr>
 * <tr><td>{@code TrivariateGridInterpolator}</td><td>{@link TrivariateGridInterpolatorAdapter}</td>
 *     <td>{@code RegularGridInterpolator}</td></tr>
 * <tr><td>{@code MultivariateInterpolator}</td><td>{@link MultivariateInterpolatorAdapter}</td>
 *     <td>{@code RBFInterpolator}, {@code LinearNDInterpolator}, {@code NearestNDInterpolator}</td></tr>
 * </table>
 *
 * <p>Errors are Commons Math's, thrown where its callers catch them: {@code NullArgumentException},
 * {@code NoDataException}, {@code DimensionMismatchException}, {@code NumberIsTooSmallException} (too few
 * points), {@code NonMonotonicSequenceException} (abscissae not strictly increasing), a
 * {@code MathIllegalArgumentException} carrying interp4j's message (and its exception as the cause) for
 * anything else interp4j rejects (non-finite data, degenerate geometry), and from the returned functions
 * {@code OutOfRangeException} outside the data range, as Commons Math's own functions do.
 *
 * <p>Commons Math is an optional dependency of the interp4j-adapters artifact: add it and {@code org.apache.commons:commons-math3}
 * to use this package; nothing else in interp4j needs it.
 */
package io.github.interp4j.interpolate.adapters.commonsmath3;
