package io.github.interp4j.examples.bench;

import java.util.SplittableRandom;

/**
 * The seeded 1-D benchmark data, generated the same way as {@code examples/scripts/scipy_bench.py}:
 * knots start at 0 and advance by steps uniform in [0.1, 1.0) drawn from a generator seeded with
 * {@link #SEED}; values are {@code sin} of the knots; queries are uniform over [first knot, last knot)
 * from a generator seeded with {@code SEED + 1}. (The generators differ - numpy's PCG64 there,
 * {@link SplittableRandom} here - so the numbers differ but the distribution, sizes and seeds match.)
 */
public final class BenchData {
    /** The seed of the knot steps; queries use {@code SEED + 1}. */
    public static final long SEED = 20240917L;
    /** Knots of the fits and evaluations. */
    public static final int KNOTS = 1_000_000;
    /** Random queries of the evaluations. */
    public static final int QUERIES = 10_000_000;
    /** Random queries of the B-spline evaluation (scipy's BSpline is slow on 1e6 knots). */
    public static final int BSPLINE_QUERIES = 100_000;
    /** The smallest knot step. */
    public static final double STEP_MIN = 0.1;
    /** The largest knot step (exclusive). */
    public static final double STEP_MAX = 1.0;

    private BenchData() {}

    /**
     * @param n    the number of knots, at least 2
     * @param seed the seed
     * @return {@code x[0] = 0}, {@code x[i] = x[i-1] + uniform(STEP_MIN, STEP_MAX)}
     */
    public static double[] knots(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 1; i < n; i++) {
            x[i] = x[i - 1] + STEP_MIN + (STEP_MAX - STEP_MIN) * rnd.nextDouble();
        }
        return x;
    }

    /**
     * @param x the knots
     * @return {@code sin(x[i])}
     */
    public static double[] sinOf(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.sin(x[i]);
        }
        return y;
    }

    /**
     * @param m    the number of queries
     * @param lo   the left end
     * @param hi   the right end
     * @param seed the seed
     * @return m points uniform in [lo, hi), in random order
     */
    public static double[] queries(int m, double lo, double hi, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] q = new double[m];
        for (int i = 0; i < m; i++) {
            q[i] = lo + (hi - lo) * rnd.nextDouble();
        }
        return q;
    }
}
