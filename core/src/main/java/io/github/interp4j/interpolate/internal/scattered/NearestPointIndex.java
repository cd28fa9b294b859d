package io.github.interp4j.interpolate.internal.scattered;

import io.github.interp4j.interpolate.internal.search.KdTree;

/**
 * The single nearest data point of a query, for {@code NearestNDInterpolator}: a k-d tree specialised to
 * k = 1 (the general k-nearest tree is {@code search/KdTree}).
 *
 * <p>Construction: the points are copied into tree order; the tree is implicit (node i's children are
 * 2i + 1 and 2i + 2, its points a contiguous range halved at the median), each node splitting at the
 * median of the coordinate with the widest spread of its points, down to leaves of at most {@link #LEAF}
 * points. O(n log n) time, O(n) memory.
 *
 * <p>Query: depth first, nearer side first; the far side is visited when the squared distance to the
 * splitting plane is at most the best squared distance so far. Ties are broken by the lower original
 * index (the smallest pair {@code (squared distance, index)}), so the answer does not depend on the
 * tree's shape. Expected O(log n) per query for well-spread points. {@link #cellOf} lets a caller visit a
 * batch of queries in spatial order (consecutive queries then share the tree's paths in cache).
 *
 * <p>Thread-safety: immutable after construction; each thread queries with its own {@link Query}.
 */
public final class NearestPointIndex {
    /** The largest number of points in a leaf. */
    public static final int LEAF = 8;

    private final int dim;
    private final double[] coords;
    private final int[] index;
    private final int[] axis;
    private final double[] split;
    // A coarse grid over the points' bounding box, to visit a batch of queries in spatial order.
    private final double[] gridLo;
    private final double[] gridInv;
    private final int perAxis;

    /**
     * @param points row-major {@code n x dim} coordinates (not modified), n at least 1
     * @param dim    the dimension, at least 1
     */
    public NearestPointIndex(double[] points, int dim) {
        this.dim = dim;
        int n = points.length / dim;
        index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        int depth = 0;
        while ((long) LEAF << depth < n) {
            depth++;
        }
        int nodes = (1 << (depth + 1));
        axis = new int[nodes];
        split = new double[nodes];
        build(points, 0, 0, n);
        coords = new double[n * dim];
        for (int p = 0; p < n; p++) {
            System.arraycopy(points, index[p] * dim, coords, p * dim, dim);
        }
        perAxis = (int) Math.max(1, Math.min(Math.pow(n / (double) LEAF, 1.0 / dim), Math.pow(1 << 22, 1.0 / dim)));
        gridLo = new double[dim];
        gridInv = new double[dim];
        for (int k = 0; k < dim; k++) {
            double mn = Double.POSITIVE_INFINITY;
            double mx = Double.NEGATIVE_INFINITY;
            for (int p = 0; p < n; p++) {
                mn = Math.min(mn, coords[p * dim + k]);
                mx = Math.max(mx, coords[p * dim + k]);
            }
            gridLo[k] = mn;
            gridInv[k] = mx > mn ? perAxis / (mx - mn) : 0.0;
        }
    }

    /** @return the number of cells of {@link #cellOf} */
    public int cells() {
        int c = 1;
        for (int k = 0; k < dim; k++) {
            c *= perAxis;
        }
        return c;
    }

    /**
     * The cell of a point in a coarse grid over the data's bounding box (about {@link #LEAF} points per
     * cell; points outside are clamped, NaN goes to cell 0), for visiting a batch in spatial order.
     *
     * @param x the point
     * @return the cell, in [0, {@link #cells()})
     */
    public int cellOf(double[] x) {
        int cell = 0;
        for (int k = dim - 1; k >= 0; k--) {
            double t = (x[k] - gridLo[k]) * gridInv[k];
            int i = t >= 0 ? (int) Math.min(perAxis - 1, t) : 0;
            cell = cell * perAxis + i;
        }
        return cell;
    }

    private void build(double[] pts, int node, int lo, int hi) {
        if (hi - lo <= LEAF) {
            return;
        }
        // the axis of widest spread: one pass over the points, every coordinate at once
        double[] mn = new double[dim];
        double[] mx = new double[dim];
        java.util.Arrays.fill(mn, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(mx, Double.NEGATIVE_INFINITY);
        for (int p = lo; p < hi; p++) {
            int base = index[p] * dim;
            for (int k = 0; k < dim; k++) {
                mn[k] = Math.min(mn[k], pts[base + k]);
                mx[k] = Math.max(mx[k], pts[base + k]);
            }
        }
        int best = 0;
        for (int k = 1; k < dim; k++) {
            if (mx[k] - mn[k] > mx[best] - mn[best]) {
                best = k;
            }
        }
        int mid = (lo + hi) >>> 1;
        KdTree.select(pts, dim, index, lo, hi - 1, mid, best);
        axis[node] = best;
        split[node] = pts[index[mid] * dim + best];
        build(pts, 2 * node + 1, lo, mid);
        build(pts, 2 * node + 2, mid, hi);
    }

    /** One thread's query state. */
    public static final class Query {
        final double[] q;
        double best;
        int bestIndex;

        /** @param dim the dimension */
        public Query(int dim) {
            q = new double[dim];
        }

        /** @return the array to write the query's coordinates into */
        public double[] point() {
            return q;
        }
    }

    /**
     * @param query the query, its point already written to {@link Query#point()} (finite)
     * @return the original index of the nearest data point (lowest index among ties)
     */
    public int nearest(Query query) {
        query.best = Double.POSITIVE_INFINITY;
        query.bestIndex = Integer.MAX_VALUE;
        search(query, 0, 0, index.length);
        return query.bestIndex;
    }

    private void search(Query s, int node, int lo, int hi) {
        double[] q = s.q;
        if (hi - lo <= LEAF) {
            for (int p = lo; p < hi; p++) {
                double d2 = 0.0;
                int base = p * dim;
                for (int k = 0; k < dim; k++) {
                    double t = q[k] - coords[base + k];
                    d2 += t * t;
                }
                if (d2 < s.best || (d2 == s.best && index[p] < s.bestIndex)) {
                    s.best = d2;
                    s.bestIndex = index[p];
                }
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        double diff = q[axis[node]] - split[node];
        if (diff < 0) {
            search(s, 2 * node + 1, lo, mid);
            if (diff * diff <= s.best) {
                search(s, 2 * node + 2, mid, hi);
            }
        } else {
            search(s, 2 * node + 2, mid, hi);
            if (diff * diff <= s.best) {
                search(s, 2 * node + 1, lo, mid);
            }
        }
    }
}
