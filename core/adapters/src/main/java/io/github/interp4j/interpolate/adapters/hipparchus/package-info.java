/**
 * Hipparchus 4's interpolation interfaces ({@code org.hipparchus.analysis.interpolation}) implemented with
 * interp4j's methods, so code written against them switches with one constructor:
 *
 * <pre>{@code
 * UnivariateInterpolator i = new SplineInterpolator();               // before
 * UnivariateInterpolator i = new UnivariateInterpolatorAdapter();    // after: the same natural cubic spline
 * }</pre>
 *
 * <table>
 * <caption>Adapters</caption>
 * <tr><th>Hipparchus interface</th><th>adapter</th><th>interp4j method</th></tr>
 * <tr><td>{@code UnivariateInterpolator}</td><td>{@link UnivariateInterpolatorAdapter}</td>
 *     <td>{@code CubicSpline} (natural or not-a-knot), {@code PchipInterpolator}, {@code Akima1DInterpolator}
 *     (akima, makima), linear; the function is a {@code UnivariateDifferentiableFunction} and a
 *     {@code FieldUnivariateFunction}</td></tr>
 * <tr><td>{@code BivariateGridInterpolator}</td><td>{@link BivariateGridInterpolatorAdapter}</td>
 *     <td>{@code RegularGridInterpolator} (any {@code Method}: linear, cubic, pchip, ...)</td></tr>
 * <tr><td>{@code TrivariateGridInterpolator}</td><td>{@link TrivariateGridInterpolatorAdapter}</td>
 *     <td>{@code RegularGridInterpolator}</td></tr>
 * <tr><td>{@code MultivariateInterpolator}</td><td>{@link MultivariateInterpolatorAdapter}</td>
 *     <td>{@code RBFInterpolator}, {@code LinearNDInterpolator}, {@code NearestNDInterpolator}</td></tr>
 * </table>
 *
 * <p>Errors are Hipparchus's, thrown where its callers catch them: {@code NullArgumentException} for a null
 * array, otherwise {@code MathIllegalArgumentException} with Hipparchus's own formats ({@code NO_DATA},
 * {@code DIMENSIONS_MISMATCH}, {@code NUMBER_OF_POINTS}, {@code NOT_STRICTLY_INCREASING_SEQUENCE},
 * {@code OUT_OF_RANGE_SIMPLE} from the functions outside the data range, and {@code SIMPLE_MESSAGE} with
 * interp4j's message and exception as the cause for anything else interp4j rejects).
 *
 * <p>Hipparchus is an optional dependency of the interp4j-adapters artifact: add it and {@code org.hipparchus:hipparchus-core} to
 * use this package; nothing else in interp4j needs it.
 */
package io.github.interp4j.interpolate.adapters.hipparchus;
