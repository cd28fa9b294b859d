package io.github.interp4j.interpolate.internal.spline;

/**
 * The Schoenberg-Whitney conditions for interpolation: the collocation matrix {@code A[j][i] = B_{i,k;t}(x[j])}
 * of {@code n} strictly increasing sites and {@code n} B-splines is invertible if and only if
 * {@code B_j(x[j]) != 0} for every {@code j} (de Boor, <i>A practical guide to splines</i>, XIII). With the
 * evaluation convention of the splines (right-continuous, the last interval of the base interval closed) that is:
 * <ul>
 *   <li>for {@code x[j] < t[n]}: {@code t[j] < x[j] < t[j+k+1]}, or {@code x[j] = t[j]} where {@code t[j]} is a
 *       knot of multiplicity {@code k + 1} ({@code t[j] == t[j+k]});</li>
 *   <li>for {@code x[j] = t[n]} (the right end): {@code t[j] < x[j]} and either {@code x[j] < t[j+k+1]} or
 *       {@code t[j+1] == t[j+k+1]}.</li>
 * </ul>
 * Thread-safety: stateless.
 */
public final class SchoenbergWhitney {
    private SchoenbergWhitney() {}

    /**
     * Checks the conditions for square interpolation, O(n).
     *
     * @param x the sites, strictly increasing, inside {@code [t[k], t[n]]}
     * @param t the knots, {@code t.length == x.length + k + 1}
     * @param k the degree
     * @throws IllegalArgumentException naming the first site, its B-spline and the knot interval, if violated
     */
    public static void requireInterpolation(double[] x, double[] t, int k) {
        int n = t.length - k - 1;
        double hi = t[n];
        for (int j = 0; j < x.length; j++) {
            double v = x[j];
            boolean ok;
            if (v < hi) {
                ok = (t[j] < v && v < t[j + k + 1]) || (v == t[j] && t[j] == t[j + k] && v < t[j + k + 1]);
            } else {
                ok = t[j] < v && (v < t[j + k + 1] || t[j + 1] == t[j + k + 1]);
            }
            if (!ok) {
                throw new IllegalArgumentException("Schoenberg-Whitney condition violated: x[" + j + "] = " + v
                        + " is not inside the support of B-spline " + j + ", the knot interval [t[" + j + "], t["
                        + (j + k + 1) + "]] = [" + t[j] + ", " + t[j + k + 1] + "] (degree k = " + k
                        + "); the collocation matrix would be singular");
            }
        }
    }
}
