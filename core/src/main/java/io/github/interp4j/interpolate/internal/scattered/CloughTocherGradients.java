package io.github.interp4j.interpolate.internal.scattered;

import io.github.interp4j.interpolate.internal.delaunay.Mesh;

/**
 * Vertex gradients for the Clough-Tocher interpolant by the global curvature-minimising estimate of
 * Nielson (1983) and Renka and Cline (1984), as scipy's {@code estimate_gradients_2d_global} computes it.
 *
 * <p>For every vertex V the local energy {@code Z_V = sum over edges E = (V, W) of the integral over E of
 * |w''|^2}, with w the cubic Hermite restriction of the interpolant to E, is a quadratic in V's gradient
 * g: {@code Z_V = g^T Q g + 2 s.g + const} with {@code Q = sum_E 4 E E^T / L^3} and
 * {@code s = sum_E (6 (f_V - f_W) + 2 E.g_W) E / L^3}; its minimiser {@code g = -Q^{-1} s} is computed by
 * Cramer's rule. Gauss-Seidel sweeps visit the points in index order 0..n-1 (a point's new gradient is used
 * by the points after it in the same sweep), starting from zero gradients. A point's change is
 * {@code max_k |g_new,k - g_old,k| / max(1, max_k |g_new,k|)}; the sweep stops after the first sweep whose
 * largest change is below {@code tol} (NaN changes, from points that are no vertex, are ignored), or after
 * {@code maxiter} sweeps.
 *
 * <p>Replaying scipy to the last bit: the iteration count, and therefore where the iteration stops, is
 * what matters at the 1e-9 level (with tol = 1e-6 the result differs from the converged gradients by a
 * few 1e-9); every arithmetic step above follows scipy's order. The order of the terms within a point's
 * neighbour sum changes the result only by rounding (the sweep is a contraction, so these differences do
 * not grow); {@link #vertexNeighbors(Mesh)} nevertheless lists the neighbours in scipy's order (first
 * appearance scanning the simplices in order, and within a simplex its vertices in order), so that on
 * scipy's own simplices the sums are formed term for term as scipy forms them.
 *
 * <p>Thread-safety: stateless.
 */
public final class CloughTocherGradients {
    private CloughTocherGradients() {}

    /**
     * The neighbouring vertices of every point of a 2-D mesh, in compressed-row form (scipy's
     * {@code vertex_neighbor_vertices}): point {@code i}'s neighbours are
     * {@code indices[indptr[i] .. indptr[i + 1])}, in order of first appearance when the simplices are
     * scanned in order, each simplex's vertices {@code j = 0, 1, 2} and for each the others
     * {@code k = 0, 1, 2, k != j}. Points that are no vertex have none.
     *
     * <p>Complexity: O(s) time with O(n + s) memory (a vertex has on average fewer than 6 neighbours; the
     * duplicate check scans a vertex's list).
     *
     * @param mesh a 2-D mesh
     * @return {@code {indptr (n + 1), indices}}
     * @throws IllegalArgumentException if the mesh is not 2-D
     */
    public static int[][] vertexNeighbors(Mesh mesh) {
        if (mesh.dim() != 2) {
            throw new IllegalArgumentException("gradient estimation needs a 2-D mesh, got dimension " + mesh.dim());
        }
        int n = mesh.pointCount();
        int[] tri = mesh.simplices();
        // every vertex has at most as many distinct neighbours as incident triangle-edges: 2 per triangle
        int[] count = new int[n + 1];
        for (int v : tri) {
            count[v + 1] += 2;
        }
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + count[i + 1];
        }
        int[] slots = new int[start[n]];
        int[] used = new int[n];
        for (int t = 0; t < tri.length; t += 3) {
            for (int j = 0; j < 3; j++) {
                int v = tri[t + j];
                for (int k = 0; k < 3; k++) {
                    int w = tri[t + k];
                    if (w == v) {
                        continue;
                    }
                    int base = start[v];
                    boolean seen = false;
                    for (int q = base, end = base + used[v]; q < end; q++) {
                        if (slots[q] == w) {
                            seen = true;
                            break;
                        }
                    }
                    if (!seen) {
                        slots[base + used[v]++] = w;
                    }
                }
            }
        }
        int[] indptr = new int[n + 1];
        for (int i = 0; i < n; i++) {
            indptr[i + 1] = indptr[i] + used[i];
        }
        int[] indices = new int[indptr[n]];
        for (int i = 0; i < n; i++) {
            System.arraycopy(slots, start[i], indices, indptr[i], used[i]);
        }
        return new int[][] {indptr, indices};
    }

    /**
     * Estimates the gradients of one value column (class documentation).
     *
     * @param points  the n points, row-major {@code (x, y)}
     * @param indptr  neighbour row pointers ({@link #vertexNeighbors(Mesh)})
     * @param indices neighbour indices
     * @param values  the values, row-major {@code n x columns}
     * @param columns the number of value columns
     * @param column  the column to estimate
     * @param maxiter the maximum number of sweeps, at least 1
     * @param tol     the stopping tolerance
     * @param grad    receives the gradient of point {@code i} at {@code grad[(i * columns + column) * 2 + k]}
     *                (scipy's {@code (n, m, 2)} layout)
     * @return the number of sweeps if the iteration converged, 0 if it stopped at {@code maxiter} (scipy
     *         then warns)
     */
    public static int estimate(double[] points, int[] indptr, int[] indices, double[] values, int columns,
            int column, int maxiter, double tol, double[] grad) {
        int n = indptr.length - 1;
        for (int i = 0; i < n; i++) {
            grad[(i * columns + column) * 2] = 0.0;
            grad[(i * columns + column) * 2 + 1] = 0.0;
        }
        // Q and its determinant do not depend on the gradients: formed once, with the operations (and so the
        // bits) of scipy's per-sweep sums
        double[] quad = new double[4 * n];
        for (int i = 0; i < n; i++) {
            double q0 = 0.0;
            double q1 = 0.0;
            double q3 = 0.0;
            double xi = points[2 * i];
            double yi = points[2 * i + 1];
            for (int e = indptr[i], end = indptr[i + 1]; e < end; e++) {
                int j = indices[e];
                double ex = points[2 * j] - xi;
                double ey = points[2 * j + 1] - yi;
                double len3 = cubedLength(ex, ey);
                q0 += 4 * ex * ex / len3;
                q1 += 4 * ex * ey / len3;
                q3 += 4 * ey * ey / len3;
            }
            quad[4 * i] = q0;
            quad[4 * i + 1] = q1;
            quad[4 * i + 2] = q3;
            quad[4 * i + 3] = q0 * q3 - q1 * q1;
        }
        for (int iter = 0; iter < maxiter; iter++) {
            double err = 0.0;
            for (int i = 0; i < n; i++) {
                double s0 = 0.0;
                double s1 = 0.0;
                double xi = points[2 * i];
                double yi = points[2 * i + 1];
                double f1 = values[i * columns + column];
                for (int e = indptr[i], end = indptr[i + 1]; e < end; e++) {
                    int j = indices[e];
                    double ex = points[2 * j] - xi;
                    double ey = points[2 * j + 1] - yi;
                    double len3 = cubedLength(ex, ey);
                    double f2 = values[j * columns + column];
                    int gj = (j * columns + column) * 2;
                    double df2 = -ex * grad[gj] - ey * grad[gj + 1];
                    double sk = 6 * (f1 - f2) - 2 * df2;
                    s0 += sk * ex / len3;
                    s1 += sk * ey / len3;
                }
                double q0 = quad[4 * i];
                double q1 = quad[4 * i + 1];
                double q3 = quad[4 * i + 2];
                double det = quad[4 * i + 3];
                double r0 = (q3 * s0 - q1 * s1) / det;
                double r1 = (-q1 * s0 + q0 * s1) / det;
                int gi = (i * columns + column) * 2;
                double change = Math.max(Math.abs(grad[gi] + r0), Math.abs(grad[gi + 1] + r1));
                grad[gi] = -r0;
                grad[gi + 1] = -r1;
                double a0 = Math.abs(r0);
                double a1 = Math.abs(r1);
                double big = a0 > a1 ? a0 : a1;
                change /= big > 1.0 ? big : 1.0;
                if (change > err) {
                    err = change;
                }
            }
            if (err < tol) {
                return iter + 1;
            }
        }
        return 0;
    }

    /** |e|^3 as scipy forms it: L = sqrt(ex^2 + ey^2), then L * L * L. */
    private static double cubedLength(double ex, double ey) {
        double len = Math.sqrt(ex * ex + ey * ey);
        return len * len * len;
    }
}
