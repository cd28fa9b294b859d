package io.github.interp4j.interpolate.internal.scattered;

import io.github.interp4j.interpolate.internal.delaunay.Mesh;
import io.github.interp4j.interpolate.internal.delaunay.PointLocator;
import io.github.interp4j.interpolate.internal.geometry.GeometricPredicates;

import java.util.Arrays;

/**
 * Natural-neighbour (Sibson 1981) interpolation on a 2-D Delaunay triangulation: the value at q is
 * {@code sum_i w_i f_i} with {@code w_i} the share of q's Voronoi cell (in the diagram with q inserted)
 * that q takes from the cell of data point {@code v_i}. MATLAB's {@code scatteredInterpolant(...,
 * 'natural')}; scipy has no counterpart.
 *
 * <p>Formulation (Watson's, via the Bowyer-Watson cavity): the triangles whose circumcircle strictly
 * contains q (the exact {@code incircle} predicate decides, found by a walk over neighbours from the
 * triangle containing q) form a star-shaped cavity; its boundary vertices {@code v_0 .. v_{k-1}}
 * (counter-clockwise) are q's natural neighbours. With {@code c_i} the circumcentre of the new triangle
 * {@code (q, v_i, v_{i+1})} and {@code o(T)} the circumcentre of a cavity triangle T, the area taken from
 * {@code v_i} is the polygon {@code o(T_0), .., o(T_m), c_{i-1}, c_i} where {@code T_0 .. T_m} are the
 * cavity triangles around {@code v_i} from the edge {@code (v_i, v_{i+1})} counter-clockwise to the edge
 * {@code (v_{i-1}, v_i)} (the old Voronoi vertices inside q's new cell, then q's new Voronoi edge with
 * {@code v_i}), its area by the shoelace formula. Every coordinate is taken relative to q, and every
 * circumcentre relative to a vertex of its own triangle, so that nothing is computed in the data's absolute
 * coordinates.
 *
 * <p>Special cases: q outside the convex hull (no containing triangle) gives the fill value; q equal to a
 * data point gives its value exactly; q on a hull edge (where the cell is unbounded) gives the linear
 * interpolation along that edge, the limit of Sibson's interpolant there. A polygon area that rounding
 * makes negative counts as 0, so the weights are never negative and the result stays within the natural
 * neighbours' values.
 *
 * <p>Cost per query: O(k) for a cavity of k triangles (about 4 to 5 on average for points in general
 * position), after location. Allocation-free: every query uses the caller's {@link Scratch} (one per
 * thread), which grows only when a larger cavity appears.
 *
 * <p>Thread-safety: immutable; a {@link Scratch} must not be shared between threads.
 */
public final class NaturalNeighborKernel {
    private final double[] p;
    private final int[] tri;
    private final int[] nb;
    private final double[] values;
    private final int columns;

    /**
     * @param mesh    the 2-D triangulation (queries are in its points' coordinates)
     * @param values  the values, row-major {@code n x columns}
     * @param columns the number of value columns
     * @throws IllegalArgumentException if the mesh is not 2-D
     */
    public NaturalNeighborKernel(Mesh mesh, double[] values, int columns) {
        if (mesh.dim() != 2) {
            throw new IllegalArgumentException("natural-neighbour interpolation needs a 2-D mesh, got dimension "
                    + mesh.dim());
        }
        this.p = mesh.points();
        this.tri = mesh.simplices();
        this.nb = mesh.neighbors();
        this.values = values;
        this.columns = columns;
    }

    /** Per-thread working storage of the queries; grows on demand, never shrinks. */
    public static final class Scratch {
        int[] cavity = new int[32];
        int cavitySize;
        int[] rejected = new int[32];
        int rejectedSize;
        int[] edgeFrom = new int[32];
        int[] edgeTo = new int[32];
        int[] edgeTri = new int[32];
        int edgeCount;
        /** natural neighbours after {@link #coordinates}, in counter-clockwise order */
        int[] neighbors = new int[32];
        /** their weights (summing to 1) after {@link #coordinates} */
        double[] weights = new double[32];
        double[] cx = new double[32];
        double[] cy = new double[32];
        /** the query and its barycentric coordinates, for the containing-triangle fallback */
        final double[] query = new double[2];
        final double[] bary = new double[3];

        void ensureEdges(int k) {
            if (k > edgeFrom.length) {
                int len = Math.max(k, 2 * edgeFrom.length);
                edgeFrom = Arrays.copyOf(edgeFrom, len);
                edgeTo = Arrays.copyOf(edgeTo, len);
                edgeTri = Arrays.copyOf(edgeTri, len);
                neighbors = Arrays.copyOf(neighbors, len);
                weights = Arrays.copyOf(weights, len);
                cx = Arrays.copyOf(cx, len);
                cy = Arrays.copyOf(cy, len);
            }
        }

        /** @return the natural neighbour {@code i} of the last {@link #coordinates} call */
        public int neighbor(int i) {
            return neighbors[i];
        }

        /** @return the Sibson weight of natural neighbour {@code i} of the last {@link #coordinates} call */
        public double weight(int i) {
            return weights[i];
        }
    }

    /** @return a new working storage for one thread */
    public Scratch newScratch() {
        return new Scratch();
    }

    /** @return the number of value columns */
    public int columns() {
        return columns;
    }

    /**
     * Every value column at (x, y), into {@code out[off .. off + columns)}: the fill value if
     * {@code t < 0} (outside the hull) or a coordinate is NaN.
     *
     * @param x    the query's first coordinate
     * @param y    its second
     * @param t    a triangle containing (x, y) (closed), or -1 if it is outside the convex hull
     * @param s    this thread's scratch
     * @param fill the fill value
     * @param out  receives the values
     * @param off  the first index written
     */
    public void evaluate(double x, double y, int t, Scratch s, double fill, double[] out, int off) {
        int k = t < 0 || Double.isNaN(x) || Double.isNaN(y) ? 0 : coordinates(x, y, t, s);
        if (k == 0) {
            Arrays.fill(out, off, off + columns, t < 0 ? fill : Double.NaN);
            return;
        }
        for (int c = 0; c < columns; c++) {
            double sum = 0.0;
            for (int i = 0; i < k; i++) {
                sum += s.weights[i] * values[s.neighbors[i] * columns + c];
            }
            out[off + c] = sum;
        }
    }

    /**
     * The Sibson coordinates of (x, y): the natural neighbours and their weights, left in
     * {@code s.neighbor(i)}, {@code s.weight(i)} for {@code i < } the returned count.
     *
     * @param x the query's first coordinate (finite)
     * @param y its second
     * @param t a triangle containing (x, y) (closed)
     * @param s this thread's scratch
     * @return the number of natural neighbours (1 at a data point, 2 on a hull edge)
     */
    public int coordinates(double x, double y, int t, Scratch s) {
        int a = tri[3 * t];
        int b = tri[3 * t + 1];
        int c = tri[3 * t + 2];
        // a data point
        for (int j = 0; j < 3; j++) {
            int v = tri[3 * t + j];
            if (p[2 * v] == x && p[2 * v + 1] == y) {
                s.neighbors[0] = v;
                s.weights[0] = 1.0;
                return 1;
            }
        }
        // a hull edge: the linear interpolation along it
        for (int j = 0; j < 3; j++) {
            if (nb[3 * t + j] >= 0) {
                continue;
            }
            int u = tri[3 * t + (j + 1) % 3];
            int w = tri[3 * t + (j + 2) % 3];
            if (GeometricPredicates.orient2d(p[2 * u], p[2 * u + 1], p[2 * w], p[2 * w + 1], x, y) == 0) {
                double ex = p[2 * w] - p[2 * u];
                double ey = p[2 * w + 1] - p[2 * u + 1];
                double along = ((x - p[2 * u]) * ex + (y - p[2 * u + 1]) * ey) / (ex * ex + ey * ey);
                along = Math.min(1.0, Math.max(0.0, along));
                s.neighbors[0] = u;
                s.weights[0] = 1.0 - along;
                s.neighbors[1] = w;
                s.weights[1] = along;
                return 2;
            }
        }
        collectCavity(x, y, t, s);
        int k = orderEnvelope(s);
        if (k < 3) {
            // not a simple cycle: only possible on a mesh that is not Delaunay; the containing triangle decides
            return barycentric(x, y, t, s);
        }
        // circumcentres of the new triangles (q, v_i, v_{i+1}), relative to q
        for (int i = 0; i < k; i++) {
            int vi = s.neighbors[i];
            int vj = s.neighbors[(i + 1) % k];
            double ax = p[2 * vi] - x;
            double ay = p[2 * vi + 1] - y;
            double bx = p[2 * vj] - x;
            double by = p[2 * vj + 1] - y;
            double d = 2 * (ax * by - ay * bx);
            double aa = ax * ax + ay * ay;
            double bb = bx * bx + by * by;
            s.cx[i] = (by * aa - ay * bb) / d;
            s.cy[i] = (ax * bb - bx * aa) / d;
        }
        double total = 0.0;
        for (int i = 0; i < k; i++) {
            double area = stolenArea(x, y, i, k, s);
            s.weights[i] = area;
            total += area;
        }
        if (!(total > 0) || Double.isInfinite(total)) {
            // degenerate beyond what the areas resolve: fall back to the containing triangle's barycentric weights
            return barycentric(x, y, t, s);
        }
        for (int i = 0; i < k; i++) {
            s.weights[i] /= total;
        }
        return k;
    }

    /** Falls back to the barycentric weights of triangle t (its vertices in order). */
    private int barycentric(double x, double y, int t, Scratch s) {
        int a = tri[3 * t];
        int b = tri[3 * t + 1];
        int c = tri[3 * t + 2];
        s.query[0] = x;
        s.query[1] = y;
        PointLocator.barycentric(2, p, tri, t, s.query, 0, s.bary);
        double b0 = s.bary[0];
        double b1 = s.bary[1];
        s.neighbors[0] = a;
        s.weights[0] = b0;
        s.neighbors[1] = b;
        s.weights[1] = b1;
        s.neighbors[2] = c;
        s.weights[2] = 1.0 - b0 - b1;
        return 3;
    }

    private boolean inCavity(int u, Scratch s) {
        for (int i = 0; i < s.cavitySize; i++) {
            if (s.cavity[i] == u) {
                return true;
            }
        }
        return false;
    }

    private boolean isRejected(int u, Scratch s) {
        for (int i = 0; i < s.rejectedSize; i++) {
            if (s.rejected[i] == u) {
                return true;
            }
        }
        return false;
    }

    /** the Bowyer-Watson cavity: triangle t and every triangle reachable whose circumcircle strictly contains q. */
    private void collectCavity(double x, double y, int t, Scratch s) {
        s.cavitySize = 0;
        s.rejectedSize = 0;
        s.cavity[s.cavitySize++] = t;
        for (int head = 0; head < s.cavitySize; head++) {
            int cur = s.cavity[head];
            for (int j = 0; j < 3; j++) {
                int u = nb[3 * cur + j];
                if (u < 0 || inCavity(u, s) || isRejected(u, s)) {
                    continue;
                }
                int ua = tri[3 * u];
                int ub = tri[3 * u + 1];
                int uc = tri[3 * u + 2];
                if (GeometricPredicates.incircle(p[2 * ua], p[2 * ua + 1], p[2 * ub], p[2 * ub + 1], p[2 * uc],
                        p[2 * uc + 1], x, y) > 0) {
                    if (s.cavitySize == s.cavity.length) {
                        s.cavity = Arrays.copyOf(s.cavity, 2 * s.cavitySize);
                    }
                    s.cavity[s.cavitySize++] = u;
                } else {
                    if (s.rejectedSize == s.rejected.length) {
                        s.rejected = Arrays.copyOf(s.rejected, 2 * s.rejectedSize);
                    }
                    s.rejected[s.rejectedSize++] = u;
                }
            }
        }
    }

    /**
     * the cavity's boundary edges, chained counter-clockwise into s.neighbors; returns their number, or -1 if
     * they do not form one simple cycle.
     */
    private int orderEnvelope(Scratch s) {
        int e = 0;
        s.ensureEdges(s.cavitySize + 2);
        for (int i = 0; i < s.cavitySize; i++) {
            int cur = s.cavity[i];
            for (int j = 0; j < 3; j++) {
                int u = nb[3 * cur + j];
                if (u >= 0 && inCavity(u, s)) {
                    continue;
                }
                s.ensureEdges(e + 1);
                s.edgeFrom[e] = tri[3 * cur + (j + 1) % 3];
                s.edgeTo[e] = tri[3 * cur + (j + 2) % 3];
                s.edgeTri[e] = cur;
                e++;
            }
        }
        s.edgeCount = e;
        // chain: v_0 = from of edge 0, v_{i+1} = to of the edge leaving v_i (the boundary is a simple cycle)
        int v = s.edgeFrom[0];
        for (int i = 0; i < e; i++) {
            s.neighbors[i] = v;
            int next = -1;
            for (int q = 0; q < e; q++) {
                if (s.edgeFrom[q] == v) {
                    next = s.edgeTo[q];
                    break;
                }
            }
            if (next < 0) {
                return -1;
            }
            v = next;
        }
        return v == s.neighbors[0] ? e : -1;
    }

    /** the cavity triangle holding directed edge (from, to), or -1. */
    private int triangleWithEdge(int from, int to, Scratch s) {
        for (int q = 0; q < s.edgeCount; q++) {
            if (s.edgeFrom[q] == from && s.edgeTo[q] == to) {
                return s.edgeTri[q];
            }
        }
        return -1;
    }

    /** the area of q's new cell taken from natural neighbour i. */
    private double stolenArea(double x, double y, int i, int k, Scratch s) {
        int vi = s.neighbors[i];
        int vnext = s.neighbors[(i + 1) % k];
        int prev = (i + k - 1) % k;
        // walk the cavity triangles around v_i counter-clockwise, from the edge (v_i, v_{i+1})
        int cur = triangleWithEdge(vi, vnext, s);
        double firstX = 0;
        double firstY = 0;
        double lastX = 0;
        double lastY = 0;
        double twice = 0.0;
        boolean first = true;
        for (int guard = 0; guard <= s.cavitySize; guard++) {
            int j = vertexSlot(cur, vi);
            int ta = tri[3 * cur];
            int tb = tri[3 * cur + 1];
            int tc = tri[3 * cur + 2];
            // circumcentre of cur relative to its vertex ta, then relative to q
            double bx = p[2 * tb] - p[2 * ta];
            double by = p[2 * tb + 1] - p[2 * ta + 1];
            double cxr = p[2 * tc] - p[2 * ta];
            double cyr = p[2 * tc + 1] - p[2 * ta + 1];
            double d = 2 * (bx * cyr - by * cxr);
            double bb = bx * bx + by * by;
            double cc = cxr * cxr + cyr * cyr;
            double ox = (cyr * bb - by * cc) / d + (p[2 * ta] - x);
            double oy = (bx * cc - cxr * bb) / d + (p[2 * ta + 1] - y);
            if (first) {
                firstX = ox;
                firstY = oy;
                first = false;
            } else {
                twice += lastX * oy - lastY * ox;
            }
            lastX = ox;
            lastY = oy;
            // the edge at v_i still to cross: from the vertex before v_i (slot j + 2) to v_i
            int across = nb[3 * cur + (j + 1) % 3];
            if (across < 0 || !inCavity(across, s)) {
                break;
            }
            cur = across;
        }
        // close: ..., o(T_m), c_{i-1}, c_i, o(T_0)
        twice += lastX * s.cy[prev] - lastY * s.cx[prev];
        twice += s.cx[prev] * s.cy[i] - s.cy[prev] * s.cx[i];
        twice += s.cx[i] * firstY - s.cy[i] * firstX;
        double area = 0.5 * twice;
        return area > 0 ? area : 0.0;
    }

    private int vertexSlot(int t, int v) {
        return tri[3 * t] == v ? 0 : tri[3 * t + 1] == v ? 1 : 2;
    }
}
