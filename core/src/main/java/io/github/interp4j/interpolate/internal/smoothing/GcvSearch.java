package io.github.interp4j.interpolate.internal.smoothing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the smoothing parameter by minimising scipy's GCV score over {@code s = ln lamS} (the scaled
 * parameter of {@link ReinschSmoother}).
 *
 * <p>The score is flat at both ends: towards {@code lamS -> 0} it tends to the interpolating spline's limit,
 * towards {@code lamS -> infinity} to the weighted least-squares line's. On scaled abscissae (spacing
 * {@code 1/(n-1)} on average) the transition lies between {@code lamS ~ (n-1)^-3} (the shortest wavelengths
 * start to be damped) and {@code lamS ~ n / pi^4} (the longest is damped), so a grid of half-decade steps
 * over {@code [(n-1)^-3 / 100, 100 n]}, continued in decade steps down to {@code hmin^3 / 100} ({@code hmin}
 * the smallest scaled spacing: the shortest intervals of unevenly spaced data are smoothed from
 * {@code lamS ~ hmin^3} on), brackets every minimum that is not narrower than its step; the {@value #REFINED} lowest local minima of the grid (the second only if its score is within 1% of
 * the first) are then refined by
 * Brent's method (Forsythe, Malcolm and Moler's {@code fmin}) on the two neighbouring grid intervals to
 * {@value #TOLERANCE} in {@code s}. This is a global search where scipy runs one bounded Brent search on
 * {@code lam} in {@code (0, n)} (unscaled, linear in {@code lam}), which finds one local minimum.
 * Cost: about {@code 2 log10(n^4) + log10((n hmin)^-3) + 40} score evaluations of {@code O(n)} each.
 *
 * <p>Thread-safety: stateless; the smoother passed in is used by the calling thread only.
 */
public final class GcvSearch {
    private static final Logger LOG = LoggerFactory.getLogger(GcvSearch.class);
    /** Grid step in ln lamS: half a decade. */
    static final double STEP = 0.5 * Math.log(10.0);
    /** Brent's absolute tolerance in ln lamS. */
    static final double TOLERANCE = 1e-5;
    /** How many of the grid's local minima are refined. */
    static final int REFINED = 2;
    /** A local minimum after the lowest is refined only if its grid score is within this factor of the lowest. */
    static final double SECOND = 1.01;
    private static final double GOLD = 0.5 * (3.0 - Math.sqrt(5.0));
    private static final double SQRT_EPS = Math.sqrt(Math.ulp(1.0));

    private GcvSearch() {}

    /** The minimiser found: the scaled parameter and its score. */
    public static final class Minimum {
        /** the scaled smoothing parameter {@code lamS} */
        public final double lamS;
        /** the GCV score at {@code lamS} */
        public final double score;

        Minimum(double lamS, double score) {
            this.lamS = lamS;
            this.score = score;
        }
    }

    /**
     * @param smoother the problem
     * @param qty      the column's values
     * @return the minimiser of the score
     * @throws ArithmeticException if the score is not finite anywhere on the grid
     */
    public static Minimum minimize(ReinschSmoother smoother, double[] y) {
        int n = smoother.size();
        double decade = Math.log(10.0);
        double hi = Math.log(n) + 2.0 * decade;
        // below mid (the mean spacing's cube / 100) only the shortest intervals' wavelengths change: decade steps
        double mid = Math.min(-3.0 * Math.log(n - 1.0) - 2.0 * decade, hi);
        double lo = Math.min(3.0 * Math.log(smoother.minSpacing()) - 2.0 * decade, mid);
        int coarse = (int) Math.ceil((mid - lo) / decade);
        int points = coarse + (int) Math.ceil((hi - mid) / STEP) + 1;
        double[] s = new double[points];
        double[] g = new double[points];
        for (int k = 0; k < points; k++) {
            s[k] = k < coarse ? mid - (coarse - k) * decade : mid + (k - coarse) * STEP;
        }
        int best = -1;
        double trPrev = Double.POSITIVE_INFINITY;
        int rejected = 0;
        for (int k = 0; k < points; k++) {
            g[k] = smoother.gcv(Math.exp(s[k]), y);
            if (g[k] < Double.POSITIVE_INFINITY) {
                // tr(S) decreases with lam: where it does not, the trace has lost its accuracy (for very large lam
                // and closely spaced abscissae): that grid point is left out
                double tr = smoother.lastTraceS();
                if (tr > trPrev * (1.0 + 1e-6) + 1e-6) {
                    g[k] = Double.POSITIVE_INFINITY;
                    rejected++;
                } else {
                    trPrev = tr;
                }
            }
            if (g[k] < Double.POSITIVE_INFINITY && (best < 0 || g[k] < g[best])) {
                best = k;
            }
        }
        if (best < 0) {
            throw new ArithmeticException("the GCV score is not finite for any lam on the search grid");
        }
        if (rejected > 0) {
            LOG.debug("GCV search: {} of {} grid points left out (trace not monotone), smallest spacing {}", rejected,
                    points, smoother.minSpacing());
        }
        List<Integer> minima = new ArrayList<>();
        for (int k = 0; k < points; k++) {
            boolean left = k == 0 || g[k] <= g[k - 1];
            boolean right = k == points - 1 || g[k] <= g[k + 1];
            if (left && right && g[k] < Double.POSITIVE_INFINITY) {
                minima.add(k);
            }
        }
        minima.sort((i, j) -> Double.compare(g[i], g[j]));
        double bestS = s[best];
        double bestG = g[best];
        for (int r = 0; r < Math.min(REFINED, minima.size()); r++) {
            int k = minima.get(r);
            if (r > 0 && g[k] > SECOND * g[minima.get(0)]) {
                break;
            }
            double a = s[Math.max(0, k - 1)];
            double b = s[Math.min(points - 1, k + 1)];
            double[] found = fmin(smoother, y, a, b, s[k], g[k]);
            if (found[1] < bestG) {
                bestS = found[0];
                bestG = found[1];
            }
        }
        return new Minimum(Math.exp(bestS), bestG);
    }

    /**
     * Brent's minimisation on {@code [a, b]} from the point {@code x0} with score {@code f0}
     * (Forsythe, Malcolm and Moler, "Computer Methods for Mathematical Computations", 1977, {@code fmin}).
     *
     * @return {ln lamS, score} of the best point seen
     */
    private static double[] fmin(ReinschSmoother smoother, double[] y, double a, double b, double x0, double f0) {
        double x = x0;
        double w = x0;
        double v = x0;
        double fx = f0;
        double fw = f0;
        double fv = f0;
        double d = 0.0;
        double e = 0.0;
        for (int iter = 0; iter < 200; iter++) {
            double xm = 0.5 * (a + b);
            double tol1 = SQRT_EPS * Math.abs(x) + TOLERANCE / 3.0;
            double tol2 = 2.0 * tol1;
            if (Math.abs(x - xm) <= tol2 - 0.5 * (b - a)) {
                break;
            }
            boolean golden = true;
            if (Math.abs(e) > tol1) {
                double r = (x - w) * (fx - fv);
                double q = (x - v) * (fx - fw);
                double p = (x - v) * q - (x - w) * r;
                q = 2.0 * (q - r);
                if (q > 0.0) {
                    p = -p;
                }
                q = Math.abs(q);
                double eOld = e;
                e = d;
                if (Math.abs(p) < Math.abs(0.5 * q * eOld) && p > q * (a - x) && p < q * (b - x)) {
                    d = p / q;
                    double u = x + d;
                    if (u - a < tol2 || b - u < tol2) {
                        d = xm >= x ? tol1 : -tol1;
                    }
                    golden = false;
                }
            }
            if (golden) {
                e = (x < xm ? b : a) - x;
                d = GOLD * e;
            }
            double u = x + (Math.abs(d) >= tol1 ? d : (d > 0.0 ? tol1 : -tol1));
            double fu = smoother.gcv(Math.exp(u), y);
            if (fu <= fx) {
                if (u < x) {
                    b = x;
                } else {
                    a = x;
                }
                v = w;
                fv = fw;
                w = x;
                fw = fx;
                x = u;
                fx = fu;
            } else {
                if (u < x) {
                    a = u;
                } else {
                    b = u;
                }
                if (fu <= fw || w == x) {
                    v = w;
                    fv = fw;
                    w = u;
                    fw = fu;
                } else if (fu <= fv || v == x || v == w) {
                    v = u;
                    fv = fu;
                }
            }
        }
        return new double[] {x, fx};
    }
}
