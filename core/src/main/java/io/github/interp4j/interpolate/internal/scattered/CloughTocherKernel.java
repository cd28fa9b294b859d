package io.github.interp4j.interpolate.internal.scattered;

import io.github.interp4j.interpolate.internal.delaunay.Mesh;
import io.github.interp4j.interpolate.internal.delaunay.PointLocator;

/**
 * The Clough-Tocher C1 piecewise cubic on a 2-D triangulation, as scipy's
 * {@code CloughTocher2DInterpolator} evaluates it ({@code _clough_tocher_2d_single}): each triangle is
 * split at its centroid into three cubic Bezier patches (Farin 1986; Alfeld 1984) whose control points
 * come from the vertex values and gradients, with the cross-boundary derivative along each edge taken in
 * the affine-invariant direction towards the neighbour's centroid (or towards the edge midpoint's
 * opposite, {@code g = -1/2}, on the hull), so that neighbouring triangles agree and the interpolant is
 * C1.
 *
 * <p>Construction precomputes those three direction parameters per triangle ({@link #edgeParameters(Mesh)},
 * 3 doubles per triangle); {@link #evaluate} then reads only the triangle's vertices, values and gradients
 * and allocates nothing, so batches can be split between threads with bit-identical results.
 *
 * <p>Thread-safety: immutable after construction (the arrays are not copied; holders must not modify
 * them).
 */
public final class CloughTocherKernel {
    private final int[] simplices;
    private final double[] edgeG;
    private final double[] values;
    private final double[] grad;
    private final int columns;
    private final boolean converged;

    /**
     * @param mesh    the 2-D triangulation (its points are the coordinates the queries' barycentric
     *                coordinates refer to)
     * @param edgeG   {@link #edgeParameters(Mesh)} of the mesh
     * @param values  the values, row-major {@code n x columns}
     * @param grad    the gradients, {@code grad[(i * columns + c) * 2 + k]} ({@link CloughTocherGradients})
     * @param columns the number of value columns
     */
    public CloughTocherKernel(Mesh mesh, double[] edgeG, double[] values, double[] grad, int columns) {
        this(mesh, edgeG, values, grad, columns, true);
    }

    private CloughTocherKernel(Mesh mesh, double[] edgeG, double[] values, double[] grad, int columns,
            boolean converged) {
        this.simplices = mesh.simplices();
        this.edgeG = edgeG;
        this.values = values;
        this.grad = grad;
        this.columns = columns;
        this.converged = converged;
    }

    /**
     * Everything scipy's {@code CloughTocher2DInterpolator} computes before its first query: the vertex
     * neighbours, the gradients of every column ({@link CloughTocherGradients#estimate}, columns one after
     * another as scipy does) and the edge parameters.
     *
     * <p>Complexity: O(maxiter * n) per column (a sweep visits every edge twice), O(n + s) memory.
     *
     * @param mesh    a 2-D triangulation (its points are the interpolation coordinates: the rescaled ones
     *                when rescaling)
     * @param values  the values, row-major {@code n x columns} (not copied)
     * @param columns the number of value columns, at least 1
     * @param maxiter the maximum number of Gauss-Seidel sweeps, at least 1
     * @param tol     the stopping tolerance
     * @return the kernel; {@link #converged()} says whether every column met {@code tol}
     * @throws IllegalArgumentException if the mesh is not 2-D or {@code values.length != n * columns}
     */
    public static CloughTocherKernel fit(Mesh mesh, double[] values, int columns, int maxiter, double tol) {
        int[][] csr = CloughTocherGradients.vertexNeighbors(mesh);
        int n = mesh.pointCount();
        if (columns < 1 || values.length != (long) n * columns) {
            throw new IllegalArgumentException("values.length = " + values.length + " is not n * columns = " + n
                    + " * " + columns);
        }
        double[] grad = new double[n * columns * 2];
        boolean ok = true;
        for (int c = 0; c < columns; c++) {
            ok &= CloughTocherGradients.estimate(mesh.points(), csr[0], csr[1], values, columns, c, maxiter, tol,
                    grad) != 0;
        }
        return new CloughTocherKernel(mesh, edgeParameters(mesh), values, grad, columns, ok);
    }

    /** @return false if some column's gradient estimation stopped at maxiter (scipy then warns) */
    public boolean converged() {
        return converged;
    }

    /**
     * @param i a point
     * @param c a value column
     * @param k 0 for the x derivative, 1 for y
     * @return the estimated gradient component (NaN for a point that is no vertex, as scipy's)
     */
    public double gradient(int i, int c, int k) {
        return grad[(i * columns + c) * 2 + k];
    }

    /**
     * The direction parameters {@code g[3t + k]} of every triangle t: for the edge opposite vertex k, the
     * neighbour's centroid in t's barycentric coordinates c gives {@code g = (2 c_{k+2} + c_{k+1} - 1) /
     * (2 - 3 c_{k+2} - 3 c_{k+1})} (indices mod 3), and {@code -1/2} on the hull.
     *
     * <p>Complexity: O(s).
     *
     * @param mesh a 2-D mesh
     * @return {@code 3 s} parameters
     */
    public static double[] edgeParameters(Mesh mesh) {
        double[] p = mesh.points();
        int[] tri = mesh.simplices();
        int[] nb = mesh.neighbors();
        int s = tri.length / 3;
        double[] g = new double[3 * s];
        double[] centroid = new double[2];
        double[] bc = new double[3];
        for (int t = 0; t < s; t++) {
            for (int k = 0; k < 3; k++) {
                int u = nb[3 * t + k];
                if (u < 0) {
                    g[3 * t + k] = -0.5;
                    continue;
                }
                int ua = tri[3 * u];
                int ub = tri[3 * u + 1];
                int uc = tri[3 * u + 2];
                centroid[0] = (p[2 * ua] + p[2 * ub] + p[2 * uc]) / 3;
                centroid[1] = (p[2 * ua + 1] + p[2 * ub + 1] + p[2 * uc + 1]) / 3;
                // barycentric coordinates relative to the last vertex, as scipy's Delaunay.transform
                PointLocator.barycentric(2, p, tri, t, centroid, 0, bc);
                double c0 = bc[0];
                double c1 = bc[1];
                double c2 = bc[2];
                double gk;
                if (k == 0) {
                    gk = (2 * c2 + c1 - 1) / (2 - 3 * c2 - 3 * c1);
                } else if (k == 1) {
                    gk = (2 * c0 + c2 - 1) / (2 - 3 * c0 - 3 * c2);
                } else {
                    gk = (2 * c1 + c0 - 1) / (2 - 3 * c1 - 3 * c0);
                }
                g[3 * t + k] = gk;
            }
        }
        return g;
    }

    /** @return the number of value columns */
    public int columns() {
        return columns;
    }

    /**
     * Every value column at a point of triangle t given by its barycentric coordinates (with respect to
     * the triangle's vertices in the mesh's order), into {@code out[off .. off + columns)}.
     *
     * @param points the mesh's points
     * @param t      the triangle
     * @param b0     barycentric coordinate of vertex 0
     * @param b1     of vertex 1
     * @param b2     of vertex 2
     * @param out    receives the values
     * @param off    the first index written
     */
    public void evaluate(double[] points, int t, double b0, double b1, double b2, double[] out, int off) {
        final int base = 3 * t;
        int va = simplices[base];
        int vb = simplices[base + 1];
        int vc = simplices[base + 2];
        double ax = points[2 * va];
        double ay = points[2 * va + 1];
        double bx = points[2 * vb];
        double by = points[2 * vb + 1];
        double cx = points[2 * vc];
        double cy = points[2 * vc + 1];
        // the edge vectors, as scipy forms them
        double e12x = bx - ax;
        double e12y = by - ay;
        double e23x = cx - bx;
        double e23y = cy - by;
        double e31x = ax - cx;
        double e31y = ay - cy;
        double g0 = edgeG[3 * t];
        double g1 = edgeG[3 * t + 1];
        double g2 = edgeG[3 * t + 2];

        // extended barycentric coordinates: the sub-triangle is the one whose outer vertex has the least weight
        double minval = b0;
        if (b1 < minval) {
            minval = b1;
        }
        if (b2 < minval) {
            minval = b2;
        }
        double x1 = b0 - minval;
        double x2 = b1 - minval;
        double x3 = b2 - minval;
        double x4 = 3 * minval;

        for (int col = 0; col < columns; col++) {
            double f1 = values[va * columns + col];
            double f2 = values[vb * columns + col];
            double f3 = values[vc * columns + col];
            int ga = (va * columns + col) * 2;
            int gb = (vb * columns + col) * 2;
            int gc = (vc * columns + col) * 2;
            double df12 = +(grad[ga] * e12x + grad[ga + 1] * e12y);
            double df21 = -(grad[gb] * e12x + grad[gb + 1] * e12y);
            double df23 = +(grad[gb] * e23x + grad[gb + 1] * e23y);
            double df32 = -(grad[gc] * e23x + grad[gc + 1] * e23y);
            double df31 = +(grad[gc] * e31x + grad[gc + 1] * e31y);
            double df13 = -(grad[ga] * e31x + grad[ga + 1] * e31y);

            double c3000 = f1;
            double c2100 = (df12 + 3 * c3000) / 3;
            double c2010 = (df13 + 3 * c3000) / 3;
            double c0300 = f2;
            double c1200 = (df21 + 3 * c0300) / 3;
            double c0210 = (df23 + 3 * c0300) / 3;
            double c0030 = f3;
            double c1020 = (df31 + 3 * c0030) / 3;
            double c0120 = (df32 + 3 * c0030) / 3;

            double c2001 = (c2100 + c2010 + c3000) / 3;
            double c0201 = (c1200 + c0300 + c0210) / 3;
            double c0021 = (c1020 + c0120 + c0030) / 3;

            double c0111 = (g0 * (-c0300 + 3 * c0210 - 3 * c0120 + c0030)
                    + (-c0300 + 2 * c0210 - c0120 + c0021 + c0201)) / 2;
            double c1011 = (g1 * (-c0030 + 3 * c1020 - 3 * c2010 + c3000)
                    + (-c0030 + 2 * c1020 - c2010 + c2001 + c0021)) / 2;
            double c1101 = (g2 * (-c3000 + 3 * c2100 - 3 * c1200 + c0300)
                    + (-c3000 + 2 * c2100 - c1200 + c2001 + c0201)) / 2;

            double c1002 = (c1101 + c1011 + c2001) / 3;
            double c0102 = (c1101 + c0111 + c0201) / 3;
            double c0012 = (c1011 + c0111 + c0021) / 3;

            double c0003 = (c1002 + c0102 + c0012) / 3;

            // the Bernstein form, term by term in scipy's order (one of the four coordinates is zero)
            double w = x1 * x1 * x1 * c3000 + 3 * x1 * x1 * x2 * c2100 + 3 * x1 * x1 * x3 * c2010
                    + 3 * x1 * x1 * x4 * c2001 + 3 * x1 * x2 * x2 * c1200
                    + 6 * x1 * x2 * x4 * c1101 + 3 * x1 * x3 * x3 * c1020 + 6 * x1 * x3 * x4 * c1011
                    + 3 * x1 * x4 * x4 * c1002 + x2 * x2 * x2 * c0300 + 3 * x2 * x2 * x3 * c0210
                    + 3 * x2 * x2 * x4 * c0201 + 3 * x2 * x3 * x3 * c0120 + 6 * x2 * x3 * x4 * c0111
                    + 3 * x2 * x4 * x4 * c0102 + x3 * x3 * x3 * c0030 + 3 * x3 * x3 * x4 * c0021
                    + 3 * x3 * x4 * x4 * c0012 + x4 * x4 * x4 * c0003;
            out[off + col] = w;
        }
    }
}
