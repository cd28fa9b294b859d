package io.github.interp4j.examples.spark;

import io.github.interp4j.interpolate.InterpolantND;
import io.github.interp4j.interpolate.LinearNDInterpolator;
import io.github.interp4j.interpolate.RBFInterpolator;

import java.util.SplittableRandom;

/**
 * The scattered data the broadcast job interpolates: {@code f(x, y) = sin(3x) cos(2y) + x y} sampled at
 * seeded random sites in the unit square (plus its corners, so that every query point lies inside the
 * triangulation), fitted on the driver as a thin-plate RBF or a piecewise-linear interpolant.
 *
 * <p>Thread-safety: stateless.
 */
public final class Surface {
    /** The interpolants the job can broadcast. */
    public enum Kind {
        /** {@code RBFInterpolator} with scipy's defaults (thin-plate spline, degree 1): O(n) per point. */
        RBF,
        /** {@code LinearNDInterpolator} over a Delaunay triangulation: a point location per point. */
        LINEAR
    }

    private Surface() {
    }

    /**
     * @param x first coordinate
     * @param y second coordinate
     * @return the sampled function
     */
    public static double f(double x, double y) {
        return Math.sin(3 * x) * Math.cos(2 * y) + x * y;
    }

    /**
     * @param kind  the interpolant
     * @param sites data sites, at least 4 (the corners are among them)
     * @param seed  the random seed of the sites
     * @return the interpolant fitted to {@link #f} at the sites
     * @throws IllegalArgumentException if {@code sites < 4}
     */
    public static InterpolantND fit(Kind kind, int sites, long seed) {
        if (sites < 4) {
            throw new IllegalArgumentException("sites must be at least 4, was " + sites);
        }
        double[][] p = new double[sites][];
        double[] v = new double[sites];
        p[0] = new double[] {0, 0};
        p[1] = new double[] {1, 0};
        p[2] = new double[] {0, 1};
        p[3] = new double[] {1, 1};
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 4; i < sites; i++) {
            p[i] = new double[] {rnd.nextDouble(), rnd.nextDouble()};
        }
        for (int i = 0; i < sites; i++) {
            v[i] = f(p[i][0], p[i][1]);
        }
        return kind == Kind.RBF ? new RBFInterpolator(p, v) : new LinearNDInterpolator(p, v);
    }
}
