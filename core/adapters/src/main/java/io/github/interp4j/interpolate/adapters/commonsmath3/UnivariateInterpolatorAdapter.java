package io.github.interp4j.interpolate.adapters.commonsmath3;

import io.github.interp4j.interpolate.internal.adapters.AdapterChecks;
import io.github.interp4j.interpolate.internal.adapters.Fit1D;
import io.github.interp4j.interpolate.internal.adapters.PiecewisePolynomial;
import org.apache.commons.math3.analysis.interpolation.UnivariateInterpolator;

/**
 * Commons Math's {@link UnivariateInterpolator} with interp4j's 1-D methods. The result is a
 * {@link PiecewisePolynomialFunction}: values equal to interp4j's interpolant bit for bit, derivatives of
 * any order through {@code DerivativeStructure}, defined on {@code [x[0], x[n-1]]} like Commons Math's
 * {@code PolynomialSplineFunction}.
 *
 * <p>{@code new UnivariateInterpolatorAdapter()} is the natural cubic spline, the same function as
 * Commons Math's {@code SplineInterpolator} (up to rounding); the factories give the others.
 *
 * <p>Thread-safety: immutable; {@link #interpolate} may be called concurrently.
 */
public final class UnivariateInterpolatorAdapter implements UnivariateInterpolator {
    private final Fit1D method;

    /** The natural cubic spline (Commons Math's {@code SplineInterpolator}). */
    public UnivariateInterpolatorAdapter() {
        this(Fit1D.NATURAL_CUBIC);
    }

    private UnivariateInterpolatorAdapter(Fit1D method) {
        this.method = method;
    }

    /** @return piecewise linear interpolation (Commons Math's {@code LinearInterpolator}) */
    public static UnivariateInterpolatorAdapter linear() {
        return new UnivariateInterpolatorAdapter(Fit1D.LINEAR);
    }

    /** @return interp4j's {@code CubicSpline} with natural ends (Commons Math's {@code SplineInterpolator}) */
    public static UnivariateInterpolatorAdapter naturalCubicSpline() {
        return new UnivariateInterpolatorAdapter(Fit1D.NATURAL_CUBIC);
    }

    /** @return interp4j's {@code CubicSpline} with scipy's default not-a-knot ends */
    public static UnivariateInterpolatorAdapter cubicSpline() {
        return new UnivariateInterpolatorAdapter(Fit1D.CUBIC);
    }

    /** @return interp4j's {@code PchipInterpolator} (monotone cubic Hermite) */
    public static UnivariateInterpolatorAdapter pchip() {
        return new UnivariateInterpolatorAdapter(Fit1D.PCHIP);
    }

    /** @return interp4j's {@code Akima1DInterpolator} (Commons Math's {@code AkimaSplineInterpolator}) */
    public static UnivariateInterpolatorAdapter akima() {
        return new UnivariateInterpolatorAdapter(Fit1D.AKIMA);
    }

    /** @return interp4j's {@code Akima1DInterpolator} with the modified Akima method (makima) */
    public static UnivariateInterpolatorAdapter makima() {
        return new UnivariateInterpolatorAdapter(Fit1D.MAKIMA);
    }

    /**
     * Fits the method. O(n).
     *
     * @param xval strictly increasing abscissae, at least 2 (copied)
     * @param yval one ordinate per abscissa, finite (copied)
     * @return the interpolating function
     * @throws org.apache.commons.math3.exception.NullArgumentException          if an array is null
     * @throws org.apache.commons.math3.exception.NoDataException                if {@code xval} is empty
     * @throws org.apache.commons.math3.exception.DimensionMismatchException     if the lengths differ
     * @throws org.apache.commons.math3.exception.NumberIsTooSmallException      if fewer than 2 points
     * @throws org.apache.commons.math3.exception.NonMonotonicSequenceException  if {@code xval} is not
     *                                                                           strictly increasing
     * @throws org.apache.commons.math3.exception.MathIllegalArgumentException   if a number is not finite
     *                                                                           (interp4j's message names it)
     */
    @Override
    public PiecewisePolynomialFunction interpolate(double[] xval, double[] yval) {
        AdapterChecks.requireXY(xval, yval, method.minPoints(), CommonsMathErrors.INSTANCE);
        return new PiecewisePolynomialFunction(new PiecewisePolynomial(
                AdapterChecks.translate(() -> method.fit(xval, yval), CommonsMathErrors.INSTANCE)));
    }

    @Override
    public String toString() {
        return "UnivariateInterpolatorAdapter[" + method.label() + "]";
    }
}
