package io.github.interp4j.interpolate.adapters.hipparchus;

import io.github.interp4j.interpolate.RegularGridInterpolator;
import io.github.interp4j.interpolate.internal.adapters.AdapterChecks;
import org.hipparchus.analysis.BivariateFunction;
import org.hipparchus.analysis.interpolation.BivariateGridInterpolator;

import java.util.Objects;

/**
 * Hipparchus's {@link BivariateGridInterpolator} with interp4j's {@link RegularGridInterpolator}: the
 * function is {@code f(x, y)} on the rectangle of the grid, raising Hipparchus's
 * {@code MathIllegalArgumentException} ({@code OUT_OF_RANGE_SIMPLE}) outside it (as its {@code BicubicInterpolatingFunction} does).
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
     * @throws org.hipparchus.exception.NullArgumentException       if an array or row is null
     * @throws org.hipparchus.exception.MathIllegalArgumentException if an array is empty ({@code NO_DATA}),
     *         {@code fval}'s shape is not {@code xval.length x yval.length} ({@code DIMENSIONS_MISMATCH}), an
     *         axis has fewer points than the method needs ({@code NUMBER_OF_POINTS}) or is not strictly
     *         increasing ({@code NOT_STRICTLY_INCREASING_SEQUENCE}), or a number is not finite (interp4j's message)
     */
    @Override
    public BivariateFunction interpolate(double[] xval, double[] yval, double[][] fval) {
        HipparchusErrors errors = HipparchusErrors.INSTANCE;
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
