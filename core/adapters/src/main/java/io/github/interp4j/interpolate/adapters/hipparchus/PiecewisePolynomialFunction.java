package io.github.interp4j.interpolate.adapters.hipparchus;

import io.github.interp4j.interpolate.PPoly;
import io.github.interp4j.interpolate.internal.adapters.PiecewisePolynomial;
import org.hipparchus.CalculusFieldElement;
import org.hipparchus.analysis.FieldUnivariateFunction;
import org.hipparchus.analysis.differentiation.Derivative;
import org.hipparchus.analysis.differentiation.UnivariateDifferentiableFunction;

/**
 * A 1-D interpolant from {@link UnivariateInterpolatorAdapter} as Hipparchus's
 * {@code PolynomialSplineFunction} is one: a {@link UnivariateDifferentiableFunction} and a
 * {@link FieldUnivariateFunction} (so also a {@code CalculusFieldUnivariateFunction} through
 * {@link #toCalculusFieldUnivariateFunction}), defined on {@code [x[0], x[n-1]]}. Values are interp4j's,
 * bit for bit; {@link #value(Derivative)} composes the exact derivatives of the local polynomial (any
 * order; zero above its degree); {@link #value(CalculusFieldElement)} evaluates the local polynomial in
 * the field's arithmetic (Horner), on the interval chosen by the argument's real part.
 *
 * <p>Thread-safety: immutable.
 */
public final class PiecewisePolynomialFunction implements UnivariateDifferentiableFunction, FieldUnivariateFunction {
    private final PiecewisePolynomial pp;

    PiecewisePolynomialFunction(PiecewisePolynomial pp) {
        this.pp = pp;
    }

    /**
     * O(1) expected.
     *
     * @param x the query
     * @return the interpolant at {@code x}; NaN for NaN
     * @throws org.hipparchus.exception.MathIllegalArgumentException ({@code OUT_OF_RANGE_SIMPLE}) if {@code x}
     *                                                               is outside {@code [x[0], x[n-1]]}
     */
    @Override
    public double value(double x) {
        pp.requireInRange(x, HipparchusErrors.INSTANCE);
        return pp.value(x);
    }

    /**
     * The interpolant composed with {@code t}: value and derivatives up to {@code t}'s order.
     *
     * @param t   the point with its derivatives
     * @param <T> the derivative type
     * @return {@code p(t)}
     * @throws org.hipparchus.exception.MathIllegalArgumentException ({@code OUT_OF_RANGE_SIMPLE}) if
     *                                                               {@code t}'s value is outside the range
     */
    @Override
    public <T extends Derivative<T>> T value(T t) {
        double x = t.getValue();
        pp.requireInRange(x, HipparchusErrors.INSTANCE);
        return t.compose(pp.derivatives(x, t.getOrder()));
    }

    /**
     * The local polynomial evaluated in {@code t}'s field. O(degree) field operations.
     *
     * @param t   the point
     * @param <T> the field element type
     * @return {@code p(t)}
     * @throws org.hipparchus.exception.MathIllegalArgumentException ({@code OUT_OF_RANGE_SIMPLE}) if
     *                                                               {@code t}'s real part is outside the range
     */
    @Override
    public <T extends CalculusFieldElement<T>> T value(T t) {
        double x = t.getReal();
        pp.requireInRange(x, HipparchusErrors.INSTANCE);
        if (x != x) {
            return t.getField().getZero().add(Double.NaN);
        }
        int i = pp.interval(x);
        T s = t.subtract(pp.left(i));
        T r = t.getField().getZero().add(pp.coefficient(0, i));
        for (int j = 1; j <= pp.degree(); j++) {
            r = r.multiply(s).add(pp.coefficient(j, i));
        }
        return r;
    }

    /**
     * @param x a query
     * @return whether {@link #value(double)} accepts it (Hipparchus's {@code isValidPoint})
     */
    public boolean isValidPoint(double x) {
        return pp.isValidPoint(x);
    }

    /** @return a copy of the knots (the data abscissae) */
    public double[] getKnots() {
        return pp.knots();
    }

    /**
     * @return interp4j's piecewise polynomial behind this function (extrapolating outside the knots; with
     *         {@code derivative}, {@code integrate}, {@code roots}, batch evaluation)
     */
    public PPoly toPPoly() {
        return pp.poly();
    }

    @Override
    public String toString() {
        return "PiecewisePolynomialFunction[" + pp + "]";
    }
}
