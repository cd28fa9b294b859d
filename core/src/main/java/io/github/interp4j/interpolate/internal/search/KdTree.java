package io.github.interp4j.interpolate.internal.search;

/**
 * A k-d tree for exact k-nearest-neighbour queries in Euclidean distance, as scipy's
 * {@code KDTree.query(x, k)} uses for {@code RBFInterpolator(neighbors=k)}.
 *
 * <p>Construction: the points are permuted in place of an index array; each node splits its points at
 * the median of the coordinate with the widest spread (so the tree is balanced, depth
 * {@code log2(n / LEAF)}), down to leaves of at most {@link #LEAF} points. O(n log n) time, O(n) memory.
 *
 * <p>Query: depth-first, nearer child first, pruning a subtree when the squared distance from the
 * query to its bounding box exceeds the current k-th distance. Ties are broken by the lower index: the
 * result is the k smallest pairs {@code (squared distance, index)} in lexicographic order, so it is
 * unique whatever the tree's shape. (scipy's tie-breaking follows its traversal order; results can differ
 * only for queries with several data points at exactly the k-th distance.) Expected O(log n + k log k)
 * per query for well-spread data.
 *
 * <p>Thread-safety: immutable after construction; queries are safe from any thread, each with its own
 * {@link Heap}.
 */
public final class KdTree {
    /** The largest number of points in a leaf. */
    public static final int LEAF = 16;

    private final int n;
    private final int dim;
    /** Row-major coordinates in tree order: point {@code idx[p]} at {@code coords[p * dim ...]}. */
    private final double[] coords;
    /** The original index of each point in tree order. */
    private final int[] idx;
    // Nodes, in arrays: range [lo, hi) of tree order; children; bounding box.
    private int[] nodeLo;
    private int[] nodeHi;
    private int[] left;
    private int[] right;
    private double[] boxMin;
    private double[] boxMax;
    private int nodes;

    /**
     * @param points row-major {@code n x dim} coordinates (not modified; a copy is kept)
     * @param n      the number of points, at least 1
     * @param dim    the dimension, at least 1
     */
    public KdTree(double[] points, int n, int dim) {
        this.n = n;
        this.dim = dim;
        this.idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        int cap = Math.max(1, 2 * (n / LEAF + 1) * 2);
        nodeLo = new int[cap];
        nodeHi = new int[cap];
        left = new int[cap];
        right = new int[cap];
        boxMin = new double[cap * dim];
        boxMax = new double[cap * dim];
        build(points, 0, n);
        double[] c = new double[n * dim];
        for (int p = 0; p < n; p++) {
            System.arraycopy(points, idx[p] * dim, c, p * dim, dim);
        }
        this.coords = c;
    }

    /** @return the number of points */
    public int size() {
        return n;
    }

    private void grow() {
        int cap = nodeLo.length * 2;
        nodeLo = java.util.Arrays.copyOf(nodeLo, cap);
        nodeHi = java.util.Arrays.copyOf(nodeHi, cap);
        left = java.util.Arrays.copyOf(left, cap);
        right = java.util.Arrays.copyOf(right, cap);
        boxMin = java.util.Arrays.copyOf(boxMin, cap * dim);
        boxMax = java.util.Arrays.copyOf(boxMax, cap * dim);
    }

    /** Builds the node for tree-order range [lo, hi); returns its id. Iterative over the right spine. */
    private int build(double[] pts, int lo, int hi) {
        if (nodes == nodeLo.length) {
            grow();
        }
        int id = nodes++;
        nodeLo[id] = lo;
        nodeHi[id] = hi;
        left[id] = -1;
        right[id] = -1;
        int widest = 0;
        double spread = -1.0;
        for (int k = 0; k < dim; k++) {
            double mn = Double.POSITIVE_INFINITY;
            double mx = Double.NEGATIVE_INFINITY;
            for (int p = lo; p < hi; p++) {
                double v = pts[idx[p] * dim + k];
                mn = Math.min(mn, v);
                mx = Math.max(mx, v);
            }
            boxMin[id * dim + k] = mn;
            boxMax[id * dim + k] = mx;
            if (mx - mn > spread) {
                spread = mx - mn;
                widest = k;
            }
        }
        if (hi - lo <= LEAF || spread <= 0.0) {
            return id;
        }
        int mid = (lo + hi) >>> 1;
        select(pts, lo, hi - 1, mid, widest);
        int l = build(pts, lo, mid);
        int r = build(pts, mid, hi);
        left[id] = l;
        right[id] = r;
        return id;
    }

    /** Quickselect on idx[lo..hi] (inclusive) so that position k holds the k-th smallest coordinate. */
    private void select(double[] pts, int lo, int hi, int k, int axis) {
        select(pts, dim, idx, lo, hi, k, axis);
    }

    /**
     * Quickselect (median-of-three pivot) on a range of point indices: afterwards {@code idx[k]} holds the
     * point with the k-th smallest coordinate {@code axis} of {@code idx[lo..hi]}, those before it are not
     * larger and those after it not smaller.
     *
     * @param pts  row-major points
     * @param dim  their dimension
     * @param idx  point indices, permuted in place
     * @param lo   first position, inclusive
     * @param hi   last position, inclusive
     * @param k    the position to settle, in [lo, hi]
     * @param axis the coordinate
     */
    public static void select(double[] pts, int dim, int[] idx, int lo, int hi, int k, int axis) {
        while (hi > lo) {
            int m = (lo + hi) >>> 1;
            // median of three as the pivot
            double a = pts[idx[lo] * dim + axis];
            double b = pts[idx[m] * dim + axis];
            double c = pts[idx[hi] * dim + axis];
            double pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (pts[idx[i] * dim + axis] < pivot) {
                    i++;
                }
                while (pts[idx[j] * dim + axis] > pivot) {
                    j--;
                }
                if (i <= j) {
                    int t = idx[i];
                    idx[i] = idx[j];
                    idx[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    /** A bounded max-heap of (squared distance, index) pairs: the k best so far. One per thread. */
    public static final class Heap {
        final double[] dist;
        final int[] index;
        int size;
        final int k;

        /** @param k the number of neighbours, at least 1 */
        public Heap(int k) {
            this.k = k;
            dist = new double[k];
            index = new int[k];
        }

        /** (d, i) is worse than (d2, i2) in the lexicographic order. */
        private static boolean worse(double d, int i, double d2, int i2) {
            return d > d2 || (d == d2 && i > i2);
        }

        double worstDist() {
            return size < k ? Double.POSITIVE_INFINITY : dist[0];
        }

        /** Puts the pair {@code (d, i)} at heap slot {@code c}. */
        private void put(int c, double d, int i) {
            dist[c] = d;
            index[c] = i;
        }

        void offer(double d, int i) {
            int c;
            if (size < k) {
                // append and sift up
                c = size++;
                for (int p = (c - 1) >>> 1; c > 0 && worse(d, i, dist[p], index[p]); c = p, p = (c - 1) >>> 1) {
                    put(c, dist[p], index[p]);
                }
            } else {
                if (!worse(dist[0], index[0], d, i)) {
                    return;
                }
                // replace the root and sift down
                c = 0;
                for (int l = 1; l < k; l = 2 * c + 1) {
                    int r = l + 1;
                    int w = (r < k && worse(dist[r], index[r], dist[l], index[l])) ? r : l;
                    if (!worse(dist[w], index[w], d, i)) {
                        break;
                    }
                    put(c, dist[w], index[w]);
                    c = w;
                }
            }
            put(c, d, i);
        }
    }

    /**
     * The {@code k} nearest points to {@code q}, as original indices sorted ascending (the order scipy's
     * {@code RBFInterpolator} uses for the local system).
     *
     * @param q    the query, {@code dim} finite coordinates
     * @param heap this thread's heap, with {@code heap.k <= size()}
     * @param out  receives the {@code heap.k} indices, ascending
     */
    public void nearest(double[] q, Heap heap, int[] out) {
        heap.size = 0;
        search(0, q, heap);
        System.arraycopy(heap.index, 0, out, 0, heap.k);
        java.util.Arrays.sort(out, 0, heap.k);
    }

    private double boxDistance(int node, double[] q) {
        double s = 0.0;
        int base = node * dim;
        for (int k = 0; k < dim; k++) {
            double v = q[k];
            double lo = boxMin[base + k];
            double hi = boxMax[base + k];
            double t = v < lo ? lo - v : (v > hi ? v - hi : 0.0);
            s += t * t;
        }
        return s;
    }

    private void search(int node, double[] q, Heap heap) {
        int l = left[node];
        if (l < 0) {
            for (int p = nodeLo[node]; p < nodeHi[node]; p++) {
                double s = 0.0;
                int base = p * dim;
                for (int k = 0; k < dim; k++) {
                    double t = q[k] - coords[base + k];
                    s += t * t;
                }
                if (s <= heap.worstDist()) {
                    heap.offer(s, idx[p]);
                }
            }
            return;
        }
        int r = right[node];
        double dl = boxDistance(l, q);
        double dr = boxDistance(r, q);
        int first = dl <= dr ? l : r;
        int second = first == l ? r : l;
        double d1 = Math.min(dl, dr);
        double d2 = Math.max(dl, dr);
        if (d1 <= heap.worstDist()) {
            search(first, q, heap);
        }
        if (d2 <= heap.worstDist()) {
            search(second, q, heap);
        }
    }
}
