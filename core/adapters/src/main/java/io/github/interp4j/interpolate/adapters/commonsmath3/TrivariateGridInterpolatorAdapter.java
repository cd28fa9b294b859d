package io.github.interp4j.interpolate.adapters.commonsmath3;

import io.github.interp4j.interpolate.RegularGridInterpolator;
import io.github.interp4j.interpolate.internal.adapters.AdapterChecks;
import org.apache.commons.math3.analysis.TrivariateFunction;
import org.apache.commons.math3.analysis.interpolation.TrivariateGridInterpolator;

import java.util.Objects;

/**
 * Commons Math's {@link TrivariateGridInterpolator} with interp4j's {@link RegularGridInterpolator}: the
 * function is {@code f(x, y, z)} on the grid's box, raising Commons Math's {@code OutOfRangeException}
 * outside it (as its {@code TricubicInterpolatingFunction} does).
 *
 * <p>Thread-safety: immutable; the functions are immutable too.
 */
public final class TrivariateGridInterpolatorAdapter implements TrivariateGridInterpolator {
    private final RegularGridInterpolator.Method method;

    /** Tensor-product cubic spline, {@link RegularGridInterpolator.Method#CUBIC} (not-a-knot per axis). */
    public TrivariateGridInterpolatorAdapter() {
        this(RegularGridInterpolator.Method.CUBIC);
    }

    /**
     * @param method the grid method (linear, nearest, slinear, cubic, quintic, pchip)
     * @throws NullPointerException if {@code method} is null
     */
    public TrivariateGridInterpolatorAdapter(RegularGridInterpolator.Method method) {
        this.method = Objects.requireNonNull(method, "method");
    }

    /**
     * Fits the grid; cost as {@link RegularGridInterpolator}'s constructor.
     *
     * @param xval strictly increasing x coordinates
     * @param yval strictly increasing y coordinates
     * @param zval strictly increasing z coordinates
     * @param fval {@code fval[i][j][k] = f(xval[i], yval[j], zval[k])}
     * @return the interpolating function
     * @throws org.apache.commons.math3.exception.NullArgumentException         if an array or row is null
     * @throws org.apache.commons.math3.exception.NoDataException               if an array is empty
     * @throws org.apache.commons.math3.exception.DimensionMismatchException    if {@code fval}'s shape does
     *                                                                          not match the axes
     * @throws org.apache.commons.math3.exception.NumberIsTooSmallException     if an axis has fewer points
     *                                                                          than the method needs
     * @throws org.apache.commons.math3.exception.NonMonotonicSequenceException if an axis is not strictly
     *                                                                          increasing
     * @throws org.apache.commons.math3.exception.MathIllegalArgumentException  for what interp4j rejects
     */
    @Override
    public TrivariateFunction interpolate(double[] xval, double[] yval, double[] zval, double[][][] fval) {
        CommonsMathErrors errors = CommonsMathErrors.INSTANCE;
        double[] flat = AdapterChecks.flattenGrid(xval, yval, zval, fval, method.minPoints(), errors);
        RegularGridInterpolator rgi = AdapterChecks.translate(
                () -> new RegularGridInterpolator(new double[][] {xval, yval, zval}, flat, method), errors);
        return (x, y, z) -> {
            try {
                return rgi.value(x, y, z);
            } catch (IllegalArgumentException e) {
                throw AdapterChecks.translated(e, errors);
            }
        };
    }

    @Override
    public String toString() {
        return "TrivariateGridInterpolatorAdapter[" + method + "]";
    }
}
