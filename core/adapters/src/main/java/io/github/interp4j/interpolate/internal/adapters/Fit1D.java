package io.github.interp4j.interpolate.internal.adapters;

import io.github.interp4j.interpolate.Akima1DInterpolator;
import io.github.interp4j.interpolate.BoundaryCondition;
import io.github.interp4j.interpolate.CubicSpline;
import io.github.interp4j.interpolate.PPoly;
import io.github.interp4j.interpolate.PchipInterpolator;

/**
 * The 1-D methods the {@code UnivariateInterpolator} adapters offer, each fitted as a {@link PPoly} (the
 * exact piecewise polynomial interp4j evaluates, so the adapters' values equal interp4j's and every
 * derivative exists).
 */
public enum Fit1D {
    /** Piecewise linear interpolation (Commons Math's {@code LinearInterpolator}). */
    LINEAR("linear"),
    /** {@link CubicSpline} with scipy's default not-a-knot ends. */
    CUBIC("cubic spline (not-a-knot)"),
    /** {@link CubicSpline} with natural ends (Commons Math's {@code SplineInterpolator}). */
    NATURAL_CUBIC("cubic spline (natural)"),
    /** {@link PchipInterpolator}: monotone piecewise cubic Hermite. */
    PCHIP("pchip"),
    /** {@link Akima1DInterpolator}, Akima's 1970 method (as Commons Math's {@code AkimaSplineInterpolator}). */
    AKIMA("akima"),
    /** {@link Akima1DInterpolator} with {@link Akima1DInterpolator.Method#MAKIMA}. */
    MAKIMA("makima");

    private final String label;

    Fit1D(String label) {
        this.label = label;
    }

    /** @return the fewest points interp4j's method accepts (2 for every method here) */
    public int minPoints() {
        return 2;
    }

    /** @return a short description for {@code toString} */
    public String label() {
        return label;
    }

    /**
     * Fits the method. O(n).
     *
     * @param x strictly increasing abscissae, at least {@link #minPoints()} (checked by the caller)
     * @param y ordinates, one per abscissa
     * @return the piecewise polynomial, extrapolating outside {@code [x[0], x[n-1]]}
     * @throws IllegalArgumentException from interp4j for non-finite data (names index and value)
     */
    public PPoly fit(double[] x, double[] y) {
        return switch (this) {
            case LINEAR -> linear(x, y);
            case CUBIC -> new CubicSpline(x, y).toPPoly();
            case NATURAL_CUBIC -> new CubicSpline(x, y, BoundaryCondition.natural()).toPPoly();
            case PCHIP -> new PchipInterpolator(x, y).toPPoly();
            case AKIMA -> new Akima1DInterpolator(x, y).toPPoly();
            case MAKIMA -> new Akima1DInterpolator(x, y, Akima1DInterpolator.Method.MAKIMA).toPPoly();
        };
    }

    /** The broken line as a degree-1 {@link PPoly}: {@code y[i] + s[i] (t - x[i])}. */
    private static PPoly linear(double[] x, double[] y) {
        // PPoly accepts any coefficients (as scipy's): check the data here, as the other methods do
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("linear interpolation: x[" + i + "] = " + x[i] + ", y[" + i
                        + "] = " + y[i] + ": every abscissa and ordinate must be finite");
            }
        }
        int m = x.length - 1;
        double[][] c = new double[2][m];
        for (int i = 0; i < m; i++) {
            c[0][i] = (y[i + 1] - y[i]) / (x[i + 1] - x[i]);
            c[1][i] = y[i];
        }
        return new PPoly(c, x);
    }
}
