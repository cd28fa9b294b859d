package io.github.interp4j.interpolate.adapters.hipparchus;

import io.github.interp4j.interpolate.RegularGridInterpolator;
import io.github.interp4j.interpolate.internal.adapters.AdapterChecks;
import org.hipparchus.analysis.TrivariateFunction;
import org.hipparchus.analysis.interpolation.TrivariateGridInterpolator;

import java.util.Objects;

/**
 * Hipparchus's {@link TrivariateGridInterpolator} with interp4j's {@link RegularGridInterpolator}: the
 * function is {@code f(x, y, z)} on the grid's box, raising Hipparchus's
 * {@code MathIllegalArgumentException} ({@code OUT_OF_RANGE_SIMPLE}) outside it (as its {@code TricubicInterpolatingFunction} does).
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
     * @throws org.hipparchus.exception.NullArgumentException       if an array or row is null
     * @throws org.hipparchus.exception.MathIllegalArgumentException if an array is empty ({@code NO_DATA}),
     *         {@code fval}'s shape does not match the axes ({@code DIMENSIONS_MISMATCH}), an axis has fewer
     *         points than the method needs ({@code NUMBER_OF_POINTS}) or is not strictly increasing
     *         ({@code NOT_STRICTLY_INCREASING_SEQUENCE}), or a number is not finite (interp4j's message)
     */
    @Override
    public TrivariateFunction interpolate(double[] xval, double[] yval, double[] zval, double[][][] fval) {
        HipparchusErrors errors = HipparchusErrors.INSTANCE;
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
