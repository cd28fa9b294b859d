package io.github.interp4j.interpolate.adapters.commonsmath3;

import io.github.interp4j.interpolate.InterpolantND;
import io.github.interp4j.interpolate.RBFInterpolator;
import io.github.interp4j.interpolate.internal.adapters.AdapterChecks;
import io.github.interp4j.interpolate.internal.adapters.ScatteredFit;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.analysis.interpolation.MultivariateInterpolator;

import java.util.function.UnaryOperator;

/**
 * Commons Math's {@link MultivariateInterpolator} (scattered data, e.g. in place of its
 * {@code MicrosphereInterpolator}) with interp4j's {@link RBFInterpolator} (default),
 * {@code LinearNDInterpolator} or {@code NearestNDInterpolator}. The function checks the query's
 * dimension ({@code DimensionMismatchException}).
 *
 * <p>Thread-safety: immutable; the functions are immutable too.
 */
public final class MultivariateInterpolatorAdapter implements MultivariateInterpolator {
    private final ScatteredFit method;

    /** {@link RBFInterpolator} with scipy's defaults: thin-plate spline, degree 1, no smoothing. */
    public MultivariateInterpolatorAdapter() {
        this(ScatteredFit.rbf(b -> b));
    }

    private MultivariateInterpolatorAdapter(ScatteredFit method) {
        this.method = method;
    }

    /**
     * @param configure sets options on the builder (kernel, epsilon, smoothing, degree, neighbors); stateless
     * @return the RBF interpolator so configured, any dimension; O(n^3) fit (O(n k^3) per query with
     *         {@code neighbors(k)})
     */
    public static MultivariateInterpolatorAdapter rbf(UnaryOperator<RBFInterpolator.Builder> configure) {
        return new MultivariateInterpolatorAdapter(ScatteredFit.rbf(configure));
    }

    /**
     * @param fillValue the value outside the data's convex hull (scipy's {@code fill_value}, NaN there)
     * @return piecewise linear interpolation on the Delaunay triangulation, 2-D and 3-D
     */
    public static MultivariateInterpolatorAdapter linear(double fillValue) {
        return new MultivariateInterpolatorAdapter(ScatteredFit.linear(fillValue));
    }

    /** @return the nearest data point's value, any dimension */
    public static MultivariateInterpolatorAdapter nearest() {
        return new MultivariateInterpolatorAdapter(ScatteredFit.nearest());
    }

    /**
     * Fits the method.
     *
     * @param xval the points, {@code xval[i]} of one dimension d
     * @param yval one value per point
     * @return the interpolating function of d arguments
     * @throws org.apache.commons.math3.exception.NullArgumentException       if an array or row is null
     * @throws org.apache.commons.math3.exception.NoDataException             if there are no points
     * @throws org.apache.commons.math3.exception.DimensionMismatchException  if the counts or the points'
     *                                                                        dimensions differ
     * @throws org.apache.commons.math3.exception.MathIllegalArgumentException for what interp4j rejects
     *                                                                        (non-finite numbers, duplicate
     *                                                                        points for RBF, collinear points
     *                                                                        for linear, a dimension the
     *                                                                        method lacks)
     */
    @Override
    public MultivariateFunction interpolate(double[][] xval, double[] yval) {
        CommonsMathErrors errors = CommonsMathErrors.INSTANCE;
        int d = AdapterChecks.requireScattered(xval, yval, errors);
        InterpolantND f = AdapterChecks.translate(() -> method.fit(xval, yval), errors);
        return point -> {
            AdapterChecks.requirePoint(point, d, errors);
            try {
                return f.value(point);
            } catch (IllegalArgumentException e) {
                throw AdapterChecks.translated(e, errors);
            }
        };
    }

    @Override
    public String toString() {
        return "MultivariateInterpolatorAdapter[" + method + "]";
    }
}
