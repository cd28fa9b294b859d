package io.github.interp4j.interpolate;

import io.github.interp4j.interpolate.internal.validation.Validation;

import java.util.Arrays;

/**
 * The optional arguments of {@link BSpline#makeSplrep(double[], double[], SplrepOptions)},
 * {@link BSpline#fitSplrep(double[], double[], SplrepOptions)}, {@link BSpline#makeSplprep(double[][],
 * SplrepOptions)} and {@link BSpline#generateKnots(double[], double[], SplrepOptions)}: scipy's keyword
 * arguments {@code w, xb, xe, k, s, t, nest} (for curves {@code w, u, ub, ue, k, s, t, nest}). An immutable
 * value: every {@code with...} method returns a new object, arrays are copied in and out.
 *
 * <p>Defaults are scipy's: {@code k = 3}, {@code s = 0} (interpolation), unit weights, the interval spanned
 * by the data ({@code xb = x[0]}, {@code xe = x[m-1]}), knots generated, {@code nest} unlimited
 * ({@code m + k + 1}), and for curves the chord-length parameters {@code u}.
 *
 * <p>Thread-safety: immutable.
 */
public final class SplrepOptions {
    private static final SplrepOptions DEFAULTS = new SplrepOptions(3, 0.0, null, Double.NaN, Double.NaN, null, -1,
            null);

    private final int k;
    private final double s;
    private final double[] w;
    private final double lo;
    private final double hi;
    private final double[] t;
    private final int nest;
    private final double[] u;

    private SplrepOptions(int k, double s, double[] w, double lo, double hi, double[] t, int nest, double[] u) {
        this.k = k;
        this.s = s;
        this.w = w;
        this.lo = lo;
        this.hi = hi;
        this.t = t;
        this.nest = nest;
        this.u = u;
    }

    /** @return scipy's defaults: {@code k = 3, s = 0}, nothing else given */
    public static SplrepOptions defaults() {
        return DEFAULTS;
    }

    /**
     * @param degree the spline degree {@code k}, 1 to 5 (FITPACK's range)
     * @return these options with {@code k}
     * @throws IllegalArgumentException if {@code degree} is outside 1..5
     */
    public SplrepOptions withDegree(int degree) {
        if (degree < 1 || degree > 5) {
            throw new IllegalArgumentException("k must be between 1 and 5, was " + degree);
        }
        return new SplrepOptions(degree, s, w, lo, hi, t, nest, u);
    }

    /**
     * @param smoothing the bound {@code s} on {@code sum (w[i] (g(x[i]) - y[i]))^2}; 0 interpolates
     * @return these options with {@code s}
     * @throws IllegalArgumentException if {@code smoothing} is negative, NaN or infinite
     */
    public SplrepOptions withSmoothing(double smoothing) {
        if (!(smoothing >= 0) || smoothing == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("s must be finite and non-negative, was " + smoothing);
        }
        return new SplrepOptions(k, smoothing, w, lo, hi, t, nest, u);
    }

    /**
     * @param weights the weights {@code w}, one per data point, finite and positive (checked against the data
     *                when fitting)
     * @return these options with the weights (copied)
     * @throws NullPointerException     if {@code weights} is null
     * @throws IllegalArgumentException if a weight is not finite or not positive (naming index and value)
     */
    public SplrepOptions withWeights(double[] weights) {
        Validation.requireNonNull(weights, "w");
        SplineFits.requirePositiveWeights(weights);
        return new SplrepOptions(k, s, weights.clone(), lo, hi, t, nest, u);
    }

    /**
     * @param xb the left end of the approximation interval (scipy {@code xb}, for curves {@code ub}), at most
     *           the first abscissa
     * @param xe the right end (scipy {@code xe} / {@code ue}), at least the last abscissa
     * @return these options with the interval
     * @throws IllegalArgumentException if an end is not finite or {@code xb >= xe}
     */
    public SplrepOptions withBounds(double xb, double xe) {
        if (!Double.isFinite(xb) || !Double.isFinite(xe) || !(xb < xe)) {
            throw new IllegalArgumentException("need finite xb < xe, got xb = " + xb + ", xe = " + xe);
        }
        return new SplrepOptions(k, s, w, xb, xe, t, nest, u);
    }

    /**
     * @param knots the knot vector {@code t} to use instead of generating one (checked against the data with
     *              FITPACK's {@code fpchec} conditions when fitting); not with {@code s = 0} or {@code nest}
     * @return these options with the knots (copied)
     * @throws NullPointerException     if {@code knots} is null
     * @throws IllegalArgumentException if a knot is not finite or the knots decrease
     */
    public SplrepOptions withKnots(double[] knots) {
        Validation.requireNonNull(knots, "t");
        Validation.requireFinite("t", knots);
        Validation.requireNonDecreasing("t", knots);
        return new SplrepOptions(k, s, w, lo, hi, knots.clone(), nest, u);
    }

    /**
     * @param maxKnots scipy's {@code nest}: knot generation stops once this many knots are placed; at least
     *                 {@code 2 (k + 1)} (checked when fitting); not with {@code s = 0} or given knots
     * @return these options with {@code nest}
     * @throws IllegalArgumentException if {@code maxKnots < 4} (the least any degree allows)
     */
    public SplrepOptions withNest(int maxKnots) {
        if (maxKnots < 4) {
            throw new IllegalArgumentException("nest too small: nest = " + maxKnots + " < 2*(k+1) for every k >= 1");
        }
        return new SplrepOptions(k, s, w, lo, hi, t, maxKnots, u);
    }

    /**
     * @param parameters the curve parameters {@code u} for {@link BSpline#makeSplprep(double[][], SplrepOptions)},
     *                   one per point, finite and non-decreasing (checked when fitting)
     * @return these options with {@code u} (copied)
     * @throws NullPointerException if {@code parameters} is null
     */
    public SplrepOptions withParameters(double[] parameters) {
        Validation.requireNonNull(parameters, "u");
        return new SplrepOptions(k, s, w, lo, hi, t, nest, parameters.clone());
    }

    /** @return the degree {@code k} */
    public int degree() {
        return k;
    }

    /** @return the smoothing bound {@code s} */
    public double smoothing() {
        return s;
    }

    /** @return a copy of the weights, or null when not given (unit weights) */
    public double[] weights() {
        return w == null ? null : w.clone();
    }

    /** @return {@code xb}, NaN when not given */
    public double lowerBound() {
        return lo;
    }

    /** @return {@code xe}, NaN when not given */
    public double upperBound() {
        return hi;
    }

    /** @return a copy of the given knots, or null */
    public double[] knots() {
        return t == null ? null : t.clone();
    }

    /** @return {@code nest}, -1 when not given */
    public int nest() {
        return nest;
    }

    /** @return a copy of the given curve parameters, or null */
    public double[] parameters() {
        return u == null ? null : u.clone();
    }

    double[] weightsRef() {
        return w;
    }

    double[] knotsRef() {
        return t;
    }

    double[] parametersRef() {
        return u;
    }

    @Override
    public String toString() {
        return "SplrepOptions[k=" + k + ", s=" + s + (w == null ? "" : ", w=" + w.length + " weights")
                + (Double.isNaN(lo) ? "" : ", xb=" + lo + ", xe=" + hi)
                + (t == null ? "" : ", t=" + Arrays.toString(t)) + (nest < 0 ? "" : ", nest=" + nest)
                + (u == null ? "" : ", u=" + u.length + " parameters") + "]";
    }
}
