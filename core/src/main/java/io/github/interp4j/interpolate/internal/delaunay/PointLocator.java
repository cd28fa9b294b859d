package io.github.interp4j.interpolate.internal.delaunay;

import io.github.interp4j.interpolate.internal.geometry.GeometricPredicates;

/**
 * Point location in a {@link Mesh}: which simplex contains a query point, built so that random and
 * sorted query orders cost about the same.
 *
 * <h2>Design</h2>
 * A uniform bucket grid covers the bounding box of the vertices, with about one bucket per
 * {@link #SIMPLICES_PER_BUCKET} simplices, its cells shaped after the box's aspect ratio. Each bucket stores
 * a <em>seed</em>: the simplex that contains the bucket's centre (or, for a centre outside the hull, the
 * hull simplex where the walk to it stopped). The seeds are found at construction by walking from bucket
 * to bucket in serpentine order, so each walk is short. A query picks its bucket in O(1) and walks from
 * the bucket's seed: the <em>visibility walk</em> moves to the neighbour across the first facet (in
 * vertex order) whose supporting line or plane strictly separates the query from the simplex, decided by
 * the exact orientation predicates of {@link GeometricPredicates}. The walk stops at a simplex with no
 * such facet (the query is in it, closed: on its boundary counts) or at a hull facet (the query is
 * outside the convex hull, exactly). On a Delaunay (or any regular) triangulation the visibility walk
 * cannot cycle (Edelsbrunner 1990), so it terminates; as a safety net, after {@code 4 sqrt(s) + 64} steps
 * the walk switches to a stochastic facet order drawn from a generator seeded by the query's
 * coordinates (still deterministic per query), and after {@code s + 64} steps to a scan of every
 * simplex. Expected walk length is O(1) for well-spread points; cost per query is a few orientation
 * tests (floating-point filtered, exact only near ties) whatever the order of the queries. Batches can be
 * processed bucket by bucket ({@link #bucketOf}: the callers sort a batch's indices by bucket, evaluate in
 * that order and write each result at its input position), so that consecutive queries touch the same
 * simplices in cache whatever the order they came in.
 *
 * <h2>Semantics (as scipy's {@code find_simplex})</h2>
 * <ul>
 *   <li>A query with a NaN or infinite coordinate, or more than {@link #EPS} outside the vertices'
 *       bounding box in some coordinate, gives -1.</li>
 *   <li>A query on a facet shared by two simplices goes to one of them: the one its walk reaches first.
 *       The result depends only on the query and the mesh (not on other queries or threads).</li>
 *   <li>A query exactly outside the hull but within rounding of it (every barycentric coordinate in the
 *       last simplex of the walk at least {@code -EPS}, scipy's tolerance {@code 100 * DBL_EPSILON}) is
 *       assigned to that simplex, as scipy's tolerant test would; otherwise -1.</li>
 * </ul>
 *
 * <p>Thread-safety: immutable after construction; {@link #locate} is safe from any thread.
 */
public final class PointLocator {
    /** Target simplices per bucket. */
    public static final int SIMPLICES_PER_BUCKET = 2;
    /** scipy's find_simplex tolerance, {@code 100 * DBL_EPSILON}. */
    public static final double EPS = 100 * Math.ulp(1.0);

    private final int dim;
    private final double[] pts;
    private final int[] simp;
    private final int[] nb;
    private final int nsimplex;
    private final double[] lo;
    private final double[] hi;
    private final int[] cells;
    private final double[] inv;
    private final int[] seeds;
    private final int walkLimit;

    /**
     * Builds the bucket grid and its seeds. O(s) time and memory.
     *
     * @param mesh a triangulation with at least one simplex (positively oriented, mutual neighbours)
     */
    public PointLocator(Mesh mesh) {
        this.dim = mesh.dim();
        this.pts = mesh.points();
        this.simp = mesh.simplices();
        this.nb = mesh.neighbors();
        this.nsimplex = mesh.simplexCount();
        int n = mesh.pointCount();
        lo = new double[dim];
        hi = new double[dim];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < dim; k++) {
                double v = pts[i * dim + k];
                lo[k] = Math.min(lo[k], v);
                hi[k] = Math.max(hi[k], v);
            }
        }
        // Grid shape: cells ~ nsimplex / SIMPLICES_PER_BUCKET, proportional to the box's extents.
        double target = Math.max(1.0, (double) nsimplex / SIMPLICES_PER_BUCKET);
        double vol = 1.0;
        int active = 0;
        for (int k = 0; k < dim; k++) {
            double w = hi[k] - lo[k];
            if (w > 0) {
                vol *= w;
                active++;
            }
        }
        double side = active == 0 ? 1.0 : Math.pow(vol / target, 1.0 / active);
        cells = new int[dim];
        inv = new double[dim];
        long total = 1;
        for (int k = 0; k < dim; k++) {
            double w = hi[k] - lo[k];
            int c = w > 0 ? (int) Math.max(1, Math.min(1 << 12, Math.round(w / side))) : 1;
            cells[k] = c;
            inv[k] = w > 0 ? c / w : 0.0;
            total *= c;
        }
        while (total > 4L * nsimplex + 16) { // guard against extreme aspect ratios
            int kMax = 0;
            for (int k = 1; k < dim; k++) {
                if (cells[k] > cells[kMax]) {
                    kMax = k;
                }
            }
            total /= cells[kMax];
            cells[kMax] = Math.max(1, cells[kMax] / 2);
            total *= cells[kMax];
            inv[kMax] = hi[kMax] > lo[kMax] ? cells[kMax] / (hi[kMax] - lo[kMax]) : 0.0;
        }
        walkLimit = (int) Math.min(Integer.MAX_VALUE / 2, 4 * Math.sqrt(nsimplex) + 64);
        seeds = new int[(int) total];
        computeSeeds();
    }

    private void computeSeeds() {
        double[] c = new double[dim];
        int cur = 0;
        int cx = cells[0];
        int cy = cells[1];
        int cz = dim == 3 ? cells[2] : 1;
        for (int z = 0; z < cz; z++) {
            for (int yy = 0; yy < cy; yy++) {
                int y = (z & 1) == 0 ? yy : cy - 1 - yy;
                for (int xx = 0; xx < cx; xx++) {
                    int x = (yy & 1) == 0 ? xx : cx - 1 - xx;
                    c[0] = center(0, x);
                    c[1] = center(1, y);
                    if (dim == 3) {
                        c[2] = center(2, z);
                    }
                    int r = walk(c, 0, cur);
                    cur = r >= 0 ? r : -r - 1;
                    seeds[(z * cy + y) * cx + x] = cur;
                }
            }
        }
    }

    private double center(int k, int i) {
        return cells[k] == 1 || !(hi[k] > lo[k]) ? 0.5 * (lo[k] + hi[k]) : lo[k] + (i + 0.5) * (hi[k] - lo[k]) / cells[k];
    }

    /** @return the number of buckets */
    public int buckets() {
        return seeds.length;
    }

    /**
     * The bucket of a point, for processing a batch in spatial order.
     *
     * @param q   the array holding the point
     * @param off the index of its first coordinate
     * @return the bucket index in [0, {@link #buckets()}), or {@link #buckets()} for a point outside the
     *         bounding box or with a NaN coordinate
     */
    public int bucketOf(double[] q, int off) {
        int bucket = 0;
        int stride = 1;
        for (int k = 0; k < dim; k++) {
            double v = q[off + k];
            if (!(v >= lo[k] - EPS && v <= hi[k] + EPS)) {
                return seeds.length;
            }
            int i = (int) ((v - lo[k]) * inv[k]);
            i = Math.max(0, Math.min(cells[k] - 1, i));
            bucket += i * stride;
            stride *= cells[k];
        }
        return bucket;
    }

    /**
     * The simplex containing a point, scipy's {@code find_simplex}.
     *
     * @param q   the array holding the point
     * @param off the index of its first coordinate
     * @return the simplex, or -1 outside the hull (class documentation)
     */
    public int locate(double[] q, int off) {
        int bucket = bucketOf(q, off);
        if (bucket == seeds.length) { // outside the bounding box, or NaN
            return -1;
        }
        int r = walk(q, off, seeds[bucket]);
        if (r >= 0) {
            return r;
        }
        int last = -r - 1;
        return withinTolerance(q, off, last) ? last : -1;
    }

    /**
     * Walks from {@code start} towards q.
     *
     * @return the simplex containing q, or {@code -(t + 1)} if q is outside the hull across a hull facet of t
     */
    private int walk(double[] q, int off, int start) {
        int t = start;
        int d1 = dim + 1;
        long rng = 0;
        int from = -1;
        for (int step = 0; ; step++) {
            if (step > walkLimit && rng == 0) {
                rng = seedOf(q, off);
            }
            if (step > nsimplex + 64 + walkLimit) {
                return scan(q, off, t);
            }
            int first = 0;
            if (rng != 0) {
                rng ^= rng << 13;
                rng ^= rng >>> 7;
                rng ^= rng << 17;
                first = (int) Math.floorMod(rng, (long) d1);
            }
            int j = separatingFacet(q, off, t, from, first);
            if (j < 0) {
                return t;
            }
            int next = nb[t * d1 + j];
            if (next < 0) {
                return -(t + 1);
            }
            from = t;
            t = next;
        }
    }

    /**
     * The first facet j of t (in the order first, first + 1, ... mod d + 1), other than the one shared
     * with {@code from}, whose supporting line / plane strictly separates q from t; -1 if none (q in t).
     * The facet shared with the previous simplex of the walk is skipped: q is strictly on t's side of it.
     */
    private int separatingFacet(double[] q, int off, int t, int from, int first) {
        int base = t * (dim + 1);
        double qx = q[off];
        double qy = q[off + 1];
        if (dim == 2) {
            int a = 2 * simp[base];
            int b = 2 * simp[base + 1];
            int c = 2 * simp[base + 2];
            double ax = pts[a], ay = pts[a + 1];
            double bx = pts[b], by = pts[b + 1];
            double cx = pts[c], cy = pts[c + 1];
            for (int jj = 0; jj < 3; jj++) {
                int j = first + jj;
                if (j >= 3) {
                    j -= 3;
                }
                if (nb[base + j] == from && from >= 0) {
                    continue;
                }
                int o;
                if (j == 0) {
                    o = GeometricPredicates.orient2d(qx, qy, bx, by, cx, cy);
                } else if (j == 1) {
                    o = GeometricPredicates.orient2d(ax, ay, qx, qy, cx, cy);
                } else {
                    o = GeometricPredicates.orient2d(ax, ay, bx, by, qx, qy);
                }
                if (o < 0) {
                    return j;
                }
            }
            return -1;
        }
        double qz = q[off + 2];
        int i0 = 3 * simp[base];
        int i1 = 3 * simp[base + 1];
        int i2 = 3 * simp[base + 2];
        int i3 = 3 * simp[base + 3];
        double x0 = pts[i0], y0 = pts[i0 + 1], z0 = pts[i0 + 2];
        double x1 = pts[i1], y1 = pts[i1 + 1], z1 = pts[i1 + 2];
        double x2 = pts[i2], y2 = pts[i2 + 1], z2 = pts[i2 + 2];
        double x3 = pts[i3], y3 = pts[i3 + 1], z3 = pts[i3 + 2];
        for (int jj = 0; jj < 4; jj++) {
            int j = (first + jj) & 3;
            if (nb[base + j] == from && from >= 0) {
                continue;
            }
            int o;
            switch (j) {
                case 0:
                    o = GeometricPredicates.orient3d(qx, qy, qz, x1, y1, z1, x2, y2, z2, x3, y3, z3);
                    break;
                case 1:
                    o = GeometricPredicates.orient3d(x0, y0, z0, qx, qy, qz, x2, y2, z2, x3, y3, z3);
                    break;
                case 2:
                    o = GeometricPredicates.orient3d(x0, y0, z0, x1, y1, z1, qx, qy, qz, x3, y3, z3);
                    break;
                default:
                    o = GeometricPredicates.orient3d(x0, y0, z0, x1, y1, z1, x2, y2, z2, qx, qy, qz);
                    break;
            }
            if (o < 0) {
                return j;
            }
        }
        return -1;
    }

    private static long seedOf(double[] q, int off) {
        long h = 0x9E3779B97F4A7C15L;
        for (int k = 0; k < 3 && off + k < q.length; k++) {
            h = (h ^ Double.doubleToLongBits(q[off + k])) * 0xBF58476D1CE4E5B9L;
        }
        return h == 0 ? 1 : h;
    }

    /** Last resort: every simplex in turn (the first containing q), else the outside answer from {@code t}. */
    private int scan(double[] q, int off, int t) {
        for (int s = 0; s < nsimplex; s++) {
            boolean in = true;
            for (int j = 0; j <= dim && in; j++) {
                in = sideOf(q, off, s, j) >= 0;
            }
            if (in) {
                return s;
            }
        }
        return -(t + 1);
    }

    /**
     * The exact sign of q's barycentric coordinate for vertex j of simplex t: the orientation of t with
     * vertex j replaced by q (positive: same side of facet j as vertex j).
     */
    private int sideOf(double[] q, int off, int t, int j) {
        int base = t * (dim + 1);
        if (dim == 2) {
            int a = simp[base];
            int b = simp[base + 1];
            int c = simp[base + 2];
            double ax = pts[2 * a], ay = pts[2 * a + 1];
            double bx = pts[2 * b], by = pts[2 * b + 1];
            double cx = pts[2 * c], cy = pts[2 * c + 1];
            double qx = q[off], qy = q[off + 1];
            switch (j) {
                case 0:
                    return GeometricPredicates.orient2d(qx, qy, bx, by, cx, cy);
                case 1:
                    return GeometricPredicates.orient2d(ax, ay, qx, qy, cx, cy);
                default:
                    return GeometricPredicates.orient2d(ax, ay, bx, by, qx, qy);
            }
        }
        int i0 = simp[base] * 3;
        int i1 = simp[base + 1] * 3;
        int i2 = simp[base + 2] * 3;
        int i3 = simp[base + 3] * 3;
        double qx = q[off], qy = q[off + 1], qz = q[off + 2];
        switch (j) {
            case 0:
                return GeometricPredicates.orient3d(qx, qy, qz, pts[i1], pts[i1 + 1], pts[i1 + 2],
                        pts[i2], pts[i2 + 1], pts[i2 + 2], pts[i3], pts[i3 + 1], pts[i3 + 2]);
            case 1:
                return GeometricPredicates.orient3d(pts[i0], pts[i0 + 1], pts[i0 + 2], qx, qy, qz,
                        pts[i2], pts[i2 + 1], pts[i2 + 2], pts[i3], pts[i3 + 1], pts[i3 + 2]);
            case 2:
                return GeometricPredicates.orient3d(pts[i0], pts[i0 + 1], pts[i0 + 2], pts[i1], pts[i1 + 1],
                        pts[i1 + 2], qx, qy, qz, pts[i3], pts[i3 + 1], pts[i3 + 2]);
            default:
                return GeometricPredicates.orient3d(pts[i0], pts[i0 + 1], pts[i0 + 2], pts[i1], pts[i1 + 1],
                        pts[i1 + 2], pts[i2], pts[i2 + 1], pts[i2 + 2], qx, qy, qz);
        }
    }

    private boolean withinTolerance(double[] q, int off, int t) {
        double[] c = new double[dim + 1];
        barycentric(dim, pts, simp, t, q, off, c);
        for (double v : c) {
            if (!(v >= -EPS && v <= 1 + EPS)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Barycentric coordinates of a point in simplex t, computed as scipy does (from the affine map
     * {@code T c' = x - v_d} with {@code T = [v_0 - v_d, ..., v_{d-1} - v_d]}, {@code c_d = 1 - sum c'}), here by
     * the explicit inverse of the 2x2 or 3x3 matrix T (cofactors over the determinant).
     *
     * @param dim  2 or 3
     * @param pts  the vertices, row-major
     * @param simp the simplices' vertex indices
     * @param t    the simplex
     * @param q    the array holding the point
     * @param off  the index of its first coordinate
     * @param out  receives the {@code dim + 1} coordinates (NaN for a degenerate simplex)
     */
    public static void barycentric(int dim, double[] pts, int[] simp, int t, double[] q, int off, double[] out) {
        int base = t * (dim + 1);
        if (dim == 2) {
            int a = 2 * simp[base], b = 2 * simp[base + 1], r = 2 * simp[base + 2];
            double rx = pts[r], ry = pts[r + 1];
            double t00 = pts[a] - rx, t01 = pts[b] - rx;
            double t10 = pts[a + 1] - ry, t11 = pts[b + 1] - ry;
            double det = t00 * t11 - t01 * t10;
            double dx = q[off] - rx, dy = q[off + 1] - ry;
            double c0 = (t11 * dx - t01 * dy) / det;
            double c1 = (t00 * dy - t10 * dx) / det;
            out[0] = c0;
            out[1] = c1;
            out[2] = 1.0 - c0 - c1;
            return;
        }
        int a = 3 * simp[base], b = 3 * simp[base + 1], c = 3 * simp[base + 2], r = 3 * simp[base + 3];
        double rx = pts[r], ry = pts[r + 1], rz = pts[r + 2];
        double m00 = pts[a] - rx, m01 = pts[b] - rx, m02 = pts[c] - rx;
        double m10 = pts[a + 1] - ry, m11 = pts[b + 1] - ry, m12 = pts[c + 1] - ry;
        double m20 = pts[a + 2] - rz, m21 = pts[b + 2] - rz, m22 = pts[c + 2] - rz;
        double k00 = m11 * m22 - m12 * m21;
        double k01 = m02 * m21 - m01 * m22;
        double k02 = m01 * m12 - m02 * m11;
        double k10 = m12 * m20 - m10 * m22;
        double k11 = m00 * m22 - m02 * m20;
        double k12 = m02 * m10 - m00 * m12;
        double k20 = m10 * m21 - m11 * m20;
        double k21 = m01 * m20 - m00 * m21;
        double k22 = m00 * m11 - m01 * m10;
        double det = m00 * k00 + m01 * k10 + m02 * k20;
        double dx = q[off] - rx, dy = q[off + 1] - ry, dz = q[off + 2] - rz;
        double c0 = (k00 * dx + k01 * dy + k02 * dz) / det;
        double c1 = (k10 * dx + k11 * dy + k12 * dz) / det;
        double c2 = (k20 * dx + k21 * dy + k22 * dz) / det;
        out[0] = c0;
        out[1] = c1;
        out[2] = c2;
        out[3] = 1.0 - c0 - c1 - c2;
    }
}
