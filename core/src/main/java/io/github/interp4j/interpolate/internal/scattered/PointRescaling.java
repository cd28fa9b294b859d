package io.github.interp4j.interpolate.internal.scattered;

/**
 * scipy's {@code rescale=True} for scattered data ({@code scipy.interpolate.interpnd._ndim_coords_from_arrays}
 * and {@code NDInterpolatorBase}): the points are centred on their mean and divided, per coordinate, by
 * their peak-to-peak range ({@code np.ptp}; a zero range is replaced by 1); queries get the same map.
 *
 * <p>Thread-safety: immutable.
 *
 * @param offset the per-coordinate mean
 * @param scale  the per-coordinate range (1 where the range is 0)
 */
public record PointRescaling(double[] offset, double[] scale) {

    /**
     * @param points row-major points, length {@code n * dim}, n at least 1
     * @param dim    the dimension
     * @return the rescaling of these points
     */
    public static PointRescaling of(double[] points, int dim) {
        int n = points.length / dim;
        double[] off = new double[dim];
        double[] sc = new double[dim];
        for (int k = 0; k < dim; k++) {
            double sum = 0.0;
            double mn = Double.POSITIVE_INFINITY;
            double mx = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double v = points[i * dim + k];
                sum += v;
                mn = Math.min(mn, v);
                mx = Math.max(mx, v);
            }
            off[k] = sum / n;
            double r = mx - mn;
            sc[k] = r > 0 ? r : 1.0;
        }
        return new PointRescaling(off, sc);
    }

    /** Coordinates whose largest magnitude has a binary exponent outside +-this are divided by a power of two. */
    static final int EXACT_SCALING_WINDOW = 60;

    /**
     * The exact map for points of extreme magnitude (largest |coordinate| at or beyond {@code 2^60} or below
     * {@code 2^-60}, e.g. 1e300, 1e-300 or subnormal): every coordinate divided by the same power of two, so the
     * largest is in {@code [1, 2)}. Division by a power of two is exact, so every geometric quantity the
     * triangulation and the interpolants compute (orientations, barycentric weights, which are ratios) has the
     * same bits as on the original points whenever those did not over- or underflow; and the exact predicates'
     * products stay in range.
     *
     * @param points row-major finite points, length {@code n * dim}
     * @param dim    the dimension
     * @return the scaling, or null when the points are of ordinary magnitude (or all zero)
     */
    public static PointRescaling exactFor(double[] points, int dim) {
        double max = 0.0;
        for (double v : points) {
            max = Math.max(max, Math.abs(v));
        }
        if (max == 0.0) {
            return null;
        }
        int e = Math.getExponent(max);
        if (e > -EXACT_SCALING_WINDOW && e < EXACT_SCALING_WINDOW) {
            return null;
        }
        double[] sc = new double[dim];
        java.util.Arrays.fill(sc, Math.scalb(1.0, e));
        return new PointRescaling(new double[dim], sc);
    }

    /** @return whether this is an {@link #exactFor} map (zero offset, one power-of-two scale), not scipy's rescale */
    public boolean isExactScaling() {
        for (int k = 0; k < offset.length; k++) {
            double s = scale[k];
            if (offset[k] != 0.0 || s != scale[0] || Math.getExponent(s) < Double.MIN_EXPONENT
                    || s != Math.scalb(1.0, Math.getExponent(s))) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param points row-major points (not modified)
     * @return a new array, every point mapped
     */
    public double[] apply(double[] points) {
        int dim = offset.length;
        double[] out = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            int k = i % dim;
            out[i] = (points[i] - offset[k]) / scale[k];
        }
        return out;
    }

    /**
     * Maps one point into a buffer.
     *
     * @param q   the array holding the point
     * @param off its first coordinate's index
     * @param out receives the {@code dim} mapped coordinates
     * @param outOff where they go in {@code out}
     */
    public void apply(double[] q, int off, double[] out, int outOff) {
        for (int k = 0; k < offset.length; k++) {
            out[outOff + k] = (q[off + k] - offset[k]) / scale[k];
        }
    }

    /**
     * A rescaling read back from a serialised form, checked: both arrays present with one finite entry
     * per coordinate, every scale positive; both null means no rescaling.
     *
     * @param offset the stored offset, or null
     * @param scale  the stored scale, or null
     * @param dim    the dimension
     * @return the rescaling (on copies), or null if both are null
     * @throws IllegalArgumentException if the arrays are inconsistent, naming the entry
     */
    public static PointRescaling restore(double[] offset, double[] scale, int dim) {
        if (offset == null && scale == null) {
            return null;
        }
        if (offset == null || scale == null || offset.length != dim || scale.length != dim) {
            throw new IllegalArgumentException("rescaling arrays are inconsistent");
        }
        io.github.interp4j.interpolate.internal.validation.Validation.requireFinite("offset", offset);
        io.github.interp4j.interpolate.internal.validation.Validation.requireFinite("scale", scale);
        for (int k = 0; k < dim; k++) {
            if (!(scale[k] > 0)) {
                throw new IllegalArgumentException("scale[" + k + "] = " + scale[k] + " is not positive");
            }
        }
        return new PointRescaling(offset.clone(), scale.clone());
    }

    /**
     * @param r a rescaling or null
     * @return its offset, or null
     */
    public static double[] offsetOf(PointRescaling r) {
        return r == null ? null : r.offset();
    }

    /**
     * @param r a rescaling or null
     * @return its scale, or null
     */
    public static double[] scaleOf(PointRescaling r) {
        return r == null ? null : r.scale();
    }
}
