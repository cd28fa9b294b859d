package io.github.interp4j.interpolate;

/**
 * A spline fitted under a residual bound, with scipy's convergence report: the result of
 * {@link BSpline#fitSplrep(double[], double[], SplrepOptions)} and
 * {@link BSpline#makeSplprep(double[][], SplrepOptions)}.
 *
 * <p>{@link #ier()} follows FITPACK / scipy's {@code _fitpack_repro}:
 * <ul>
 *   <li>{@code 0}: converged, {@code |fp - s| < 0.001 s} (or {@code fp <= s} already with the knots);</li>
 *   <li>{@code -1}: {@code s = 0}, the interpolating spline ({@code fp = 0});</li>
 *   <li>{@code -2}: the weighted least-squares polynomial (no interior knots were needed);</li>
 *   <li>{@code 2}: the iteration for the smoothing parameter {@code p} stopped because {@code f(p)} was not
 *       monotone (scipy warns "a theoretically impossible result was found ... probably causes: s too
 *       small");</li>
 *   <li>{@code 3}: 20 iterations were not enough (scipy warns "the maximal number of iterations ... has been
 *       reached").</li>
 * </ul>
 * For 2 and 3 an approximation is returned as scipy does, and a WARN is logged.
 *
 * <p>Thread-safety: immutable.
 */
public final class SplineFit {
    private final BSpline spline;
    private final double fp;
    private final int ier;
    private final String message;
    private final double p;
    private final double[] parameters;

    SplineFit(BSpline spline, double fp, int ier, String message, double p, double[] parameters) {
        this.spline = spline;
        this.fp = fp;
        this.ier = ier;
        this.message = message;
        this.p = p;
        this.parameters = parameters;
    }

    /** @return the spline (for curves one value column per dimension) */
    public BSpline spline() {
        return spline;
    }

    /** @return the weighted sum of squared residuals {@code fp} of {@link #spline()} (summed over dimensions) */
    public double fp() {
        return fp;
    }

    /** @return the convergence code, see the class documentation */
    public int ier() {
        return ier;
    }

    /** @return scipy's (FITPACK's) message for {@link #ier()} */
    public String message() {
        return message;
    }

    /** @return true unless {@link #ier()} is 2 or 3 */
    public boolean converged() {
        return ier <= 0;
    }

    /**
     * @return the smoothing parameter {@code p} of the returned spline (weight {@code 1/p} on the derivative
     *         jumps); infinite for the least-squares polynomial, NaN for interpolation
     */
    public double p() {
        return p;
    }

    /**
     * @return a copy of the parameter values the data were fitted at: the curve parameters {@code u} of
     *         {@code makeSplprep}, the abscissae {@code x} of {@code fitSplrep}
     */
    public double[] parameters() {
        return parameters.clone();
    }

    @Override
    public String toString() {
        return "SplineFit[" + spline + ", fp=" + fp + ", ier=" + ier + ", p=" + p + "]";
    }
}
