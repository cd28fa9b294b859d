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
 * The least-squares form ({@link #requireLeastSquares}, FITPACK's {@code fpchec}) asks for fewer B-splines than
 * sites and pairs each B-spline with a distinct site greedily.
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

    /**
     * FITPACK's {@code fpchec} conditions for least squares on knots {@code t}: {@code k+1 <= nc <= m}, the
     * data inside {@code [t[k], t[nc]]}, and the Schoenberg-Whitney conditions (distinct data points
     * {@code x[i_j]}, increasing, with {@code t[j] < x[i_j] < t[j+k+1]} for every B-spline {@code j}; the first
     * and last B-splines take {@code x[0]} and {@code x[m-1]}), checked greedily in {@code O(m + nc)}.
     *
     * @param x sorted abscissae
     * @param t knots (validated: finite, non-decreasing)
     * @param k degree
     * @throws IllegalArgumentException naming the first B-spline (and its knot interval) without a data point,
     *                                  or the first point outside the base interval
     */
    public static void requireLeastSquares(double[] x, double[] t, int k) {
        int m = x.length;
        int nc = t.length - k - 1;
        if (nc > m) {
            throw new IllegalArgumentException("Schoenberg-Whitney conditions cannot hold: " + nc
                    + " B-splines (t.length - k - 1) need at least as many data points, got " + m);
        }
        for (int i = 0; i < m; i++) {
            if (x[i] < t[k] || x[i] > t[nc]) {
                throw new IllegalArgumentException("x[" + i + "] = " + x[i] + " is outside the base interval [t["
                        + k + "], t[" + nc + "]] = [" + t[k] + ", " + t[nc] + "]");
            }
        }
        if (!(x[0] < t[k + 1])) {
            throw violation(0, t, k, "x[0] = " + x[0] + " is not below t[" + (k + 1) + "]");
        }
        if (!(x[m - 1] > t[nc - 1])) {
            throw violation(nc - 1, t, k, "x[" + (m - 1) + "] = " + x[m - 1] + " is not above t[" + (nc - 1) + "]");
        }
        int i = 0;
        for (int j = 1; j <= nc - 2; j++) {
            double tj = t[j];
            double tl = t[j + k + 1];
            do {
                i++;
            } while (i < m - 1 && x[i] <= tj);
            if (i >= m - 1) {
                throw violation(j, t, k, "no data point is left for it (the points up to x[" + (m - 2)
                        + "] are taken by the B-splines before it)");
            }
            if (x[i] >= tl) {
                throw violation(j, t, k, "the next free data point x[" + i + "] = " + x[i] + " is not inside it");
            }
        }
    }

    private static IllegalArgumentException violation(int j, double[] t, int k, String why) {
        return new IllegalArgumentException("Schoenberg-Whitney conditions violated: B-spline " + j
                + " has no data point inside its knot interval (t[" + j + "], t[" + (j + k + 1) + "]) = ("
                + t[j] + ", " + t[j + k + 1] + "): " + why);
    }
}
