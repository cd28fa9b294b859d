package io.github.interp4j.interpolate.adapters.commonsmath3;

import io.github.interp4j.interpolate.PPoly;
import io.github.interp4j.interpolate.internal.adapters.PiecewisePolynomial;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.analysis.differentiation.UnivariateDifferentiableFunction;

/**
 * A 1-D interpolant from {@link UnivariateInterpolatorAdapter} as a Commons Math
 * {@link UnivariateDifferentiableFunction}, defined on {@code [x[0], x[n-1]]} like Commons Math's
 * {@code PolynomialSplineFunction}: values are interp4j's, bit for bit; {@link #value(DerivativeStructure)}
 * composes the exact derivatives of the local polynomial (any order; zero above its degree).
 *
 * <p>Thread-safety: immutable.
 */
public final class PiecewisePolynomialFunction implements UnivariateDifferentiableFunction {
    private final PiecewisePolynomial pp;

    PiecewisePolynomialFunction(PiecewisePolynomial pp) {
        this.pp = pp;
    }

    /**
     * O(1) expected.
     *
     * @param x the query
     * @return the interpolant at {@code x}; NaN for NaN
     * @throws org.apache.commons.math3.exception.OutOfRangeException if {@code x} is outside
     *                                                                {@code [x[0], x[n-1]]}
     */
    @Override
    public double value(double x) {
        pp.requireInRange(x, CommonsMathErrors.INSTANCE);
        return pp.value(x);
    }

    /**
     * The interpolant composed with {@code t}: value and derivatives up to {@code t}'s order.
     *
     * @param t the point with its derivatives
     * @return {@code p(t)}
     * @throws org.apache.commons.math3.exception.OutOfRangeException if {@code t}'s value is outside
     *                                                                {@code [x[0], x[n-1]]}
     */
    @Override
    public DerivativeStructure value(DerivativeStructure t) {
        double x = t.getValue();
        pp.requireInRange(x, CommonsMathErrors.INSTANCE);
        return t.compose(pp.derivatives(x, t.getOrder()));
    }

    /**
     * @param x a query
     * @return whether {@link #value(double)} accepts it (Commons Math's {@code isValidPoint})
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
