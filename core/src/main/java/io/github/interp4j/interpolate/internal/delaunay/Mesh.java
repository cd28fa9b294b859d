package io.github.interp4j.interpolate.internal.delaunay;

/**
 * A Delaunay triangulation of n points in d = 2 or 3 dimensions, flat arrays throughout (no object per
 * simplex), as the builders produce it and the public {@code Delaunay} and the scattered-data
 * interpolants read it.
 *
 * <ul>
 *   <li>{@code points}: the n input points, row-major ({@code points[i * d + k]}), as given (not rescaled);</li>
 *   <li>{@code simplices}: {@code s * (d + 1)} vertex indices, simplex {@code t} at
 *       {@code [t * (d + 1), (t + 1) * (d + 1))}, each positively oriented in Shewchuk's sign convention
 *       ({@code GeometricPredicates.orient2d(a, b, c) > 0}, counter-clockwise; in 3-D
 *       {@code GeometricPredicates.orient3d(a, b, c, d) > 0});</li>
 *   <li>{@code neighbors}: same shape; {@code neighbors[t * (d + 1) + j]} is the simplex sharing the facet
 *       opposite vertex {@code j} of {@code t}, or -1 on the convex hull (scipy's {@code neighbors});</li>
 *   <li>{@code leftOut}: input indices that are not vertices (exact duplicates of an earlier point), in
 *       increasing order, and {@code leftOutVertex[i]} the vertex each coincides with (scipy's
 *       {@code coplanar}).</li>
 * </ul>
 * Every input point is a vertex or in {@code leftOut}.
 *
 * <p>Thread-safety: the arrays are not copied; holders must not modify them after construction.
 *
 * @param dim           the dimension d, 2 or 3
 * @param points        the points, length {@code n * d}
 * @param simplices     the simplices' vertices, length {@code s * (d + 1)}
 * @param neighbors     the neighbours, length {@code s * (d + 1)}
 * @param leftOut       the input indices left out
 * @param leftOutVertex for each left-out index, the vertex at the same place
 */
public record Mesh(int dim, double[] points, int[] simplices, int[] neighbors, int[] leftOut, int[] leftOutVertex) {

    /** @return n, the number of input points */
    public int pointCount() {
        return points.length / dim;
    }

    /** @return s, the number of simplices */
    public int simplexCount() {
        return simplices.length / (dim + 1);
    }
}
