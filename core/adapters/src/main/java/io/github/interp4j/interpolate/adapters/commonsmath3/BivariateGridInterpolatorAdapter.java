package io.github.interp4j.interpolate.adapters.commonsmath3;

import io.github.interp4j.interpolate.RegularGridInterpolator;
import io.github.interp4j.interpolate.internal.adapters.AdapterChecks;
import org.apache.commons.math3.analysis.BivariateFunction;
import org.apache.commons.math3.analysis.interpolation.BivariateGridInterpolator;

import java.util.Objects;

/**
 * Commons Math's {@link BivariateGridInterpolator} with interp4j's {@link RegularGridInterpolator}: the
 * function is {@code f(x, y)} on the rectangle of the grid, raising Commons Math's
 * {@code OutOfRangeException} outside it (as its {@code BicubicInterpolatingFunction} does).
 *
 * <p>Thread-safety: immutable; the functions are immutable too.
 */
public final class BivariateGridInterpolatorAdapter implements BivariateGridInterpolator {
    private final RegularGridInterpolator.Method method;

    /** Tensor-product cubic spline, {@link RegularGridInterpolator.Method#CUBIC} (not-a-knot per axis). */
    public BivariateGridInterpolatorAdapter() {
        this(RegularGridInterpolator.Method.CUBIC);
    }

    /**
     * @param method the grid method (linear, nearest, slinear, cubic, quintic, pchip)
     * @throws NullPointerException if {@code method} is null
     */
    public BivariateGridInterpolatorAdapter(RegularGridInterpolator.Method method) {
        this.method = Objects.requireNonNull(method, "method");
    }

    /**
     * Fits the grid; cost as {@link RegularGridInterpolator}'s constructor (O(N) plus the spline solves).
     *
     * @param xval strictly increasing x coordinates
     * @param yval strictly increasing y coordinates
     * @param fval {@code fval[i][j] = f(xval[i], yval[j])}
     * @return the interpolating function
     * @throws org.apache.commons.math3.exception.NullArgumentException         if an array or row is null
     * @throws org.apache.commons.math3.exception.NoDataException               if an array is empty
     * @throws org.apache.commons.math3.exception.DimensionMismatchException    if {@code fval}'s shape is not
     *                                                                          {@code xval.length x yval.length}
     * @throws org.apache.commons.math3.exception.NumberIsTooSmallException     if an axis has fewer points
     *                                                                          than the method needs
     * @throws org.apache.commons.math3.exception.NonMonotonicSequenceException if an axis is not strictly
     *                                                                          increasing
     * @throws org.apache.commons.math3.exception.MathIllegalArgumentException  for what interp4j rejects
     *                                                                          (non-finite numbers)
     */
    @Override
    public BivariateFunction interpolate(double[] xval, double[] yval, double[][] fval) {
        CommonsMathErrors errors = CommonsMathErrors.INSTANCE;
        double[] flat = AdapterChecks.flattenGrid(xval, yval, fval, method.minPoints(), errors);
        RegularGridInterpolator rgi = AdapterChecks.translate(
                () -> new RegularGridInterpolator(new double[][] {xval, yval}, flat, method), errors);
        return (x, y) -> {
            try {
                return rgi.value(x, y);
            } catch (IllegalArgumentException e) {
                throw AdapterChecks.translated(e, errors);
            }
        };
    }

    @Override
    public String toString() {
        return "BivariateGridInterpolatorAdapter[" + method + "]";
    }
}
