package io.github.interp4j.interpolate.internal.adapters;

import io.github.interp4j.interpolate.InterpolantND;
import io.github.interp4j.interpolate.LinearNDInterpolator;
import io.github.interp4j.interpolate.NearestNDInterpolator;
import io.github.interp4j.interpolate.RBFInterpolator;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A scattered-data method for the {@code MultivariateInterpolator} adapters: a description and the fit.
 *
 * <p>Thread-safety: immutable (the RBF configuration function must be stateless).
 */
public final class ScatteredFit {
    /** Fits points and values into an interp4j interpolant. */
    @FunctionalInterface
    private interface Fit {
        InterpolantND fit(double[][] points, double[] values);
    }

    private final String label;
    private final Fit fit;

    private ScatteredFit(String label, Fit fit) {
        this.label = label;
        this.fit = fit;
    }

    /**
     * @param configure sets options on scipy's defaults (thin-plate spline, degree 1, no smoothing)
     * @return {@link RBFInterpolator}, any dimension
     */
    public static ScatteredFit rbf(UnaryOperator<RBFInterpolator.Builder> configure) {
        Objects.requireNonNull(configure, "configure");
        return new ScatteredFit("RBFInterpolator", (p, v) -> configure.apply(RBFInterpolator.builder(p, v)).build());
    }

    /**
     * @param fillValue the value outside the convex hull
     * @return {@link LinearNDInterpolator}, 2-D and 3-D
     */
    public static ScatteredFit linear(double fillValue) {
        return new ScatteredFit("LinearNDInterpolator(fill " + fillValue + ")",
                (p, v) -> new LinearNDInterpolator(p, v, fillValue, false));
    }

    /** @return {@link NearestNDInterpolator}, any dimension */
    public static ScatteredFit nearest() {
        return new ScatteredFit("NearestNDInterpolator", NearestNDInterpolator::new);
    }

    /**
     * @param points n points of one dimension (structure checked by the caller)
     * @param values n values
     * @return the interpolant
     * @throws IllegalArgumentException from interp4j (non-finite data, degenerate geometry, ...)
     */
    public InterpolantND fit(double[][] points, double[] values) {
        return fit.fit(points, values);
    }

    @Override
    public String toString() {
        return label;
    }
}
