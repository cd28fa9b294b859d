package io.github.interp4j.interpolate.internal.delaunay;

/**
 * Builds the Delaunay triangulation of points in 2-D or 3-D.
 *
 * <p>Placeholder while the builder is being written: refuses every input.
 *
 * <p>Thread-safety: stateless.
 */
public final class DelaunayBuilder {
    private DelaunayBuilder() {}

    /**
     * @param points the points, row-major, length {@code n * dim}
     * @param dim    2 or 3
     * @return the triangulation
     * @throws UnsupportedOperationException always, for now
     */
    public static Mesh build(double[] points, int dim) {
        throw new UnsupportedOperationException("Delaunay triangulation is not available yet");
    }
}
