package io.github.interp4j.interpolate.internal.delaunay;

import io.github.interp4j.interpolate.internal.geometry.GeometricPredicates;
import io.github.interp4j.interpolate.internal.validation.Validation;
import java.util.Arrays;
import java.util.Objects;

/**
 * Builds the Delaunay triangulation of points in 2-D or 3-D.
 *
 * <h2>Algorithm</h2>
 * Incremental Bowyer-Watson insertion (Bowyer 1981, Watson 1981) with an infinite vertex, one code path for
 * d = 2 and 3 (simplices are flat {@code int} tuples of d + 1 vertices, no object per simplex):
 * <ol>
 *   <li><b>Order.</b> Points are inserted in a biased randomized insertion order whose rounds are sorted
 *       along a Hilbert curve ({@link SpatialOrder}; Amenta, Choi and Rote 2003): randomness between rounds
 *       bounds the expected work, the curve order keeps each insertion next to the previous one.</li>
 *   <li><b>Bounding structure.</b> The convex hull is closed by <em>ghost</em> simplices, each a hull facet
 *       joined to an infinite vertex, so that every simplex has d + 1 neighbours and points outside the
 *       current hull are inserted like any other (no big enclosing simplex whose vertices could leak into
 *       the result). A ghost is in conflict with p if p lies strictly outside its hull facet (exact
 *       orientation), or on the facet's hyperplane and in conflict with the finite simplex behind it.</li>
 *   <li><b>Location.</b> A remembering stochastic visibility walk (Devillers, Pion and Teillaud 2002) from
 *       the last created simplex: cross a facet whose exact orientation test puts p strictly on the other
 *       side, never back through the facet just crossed, starting with a random facet. It ends in a finite
 *       simplex containing p (in its closure) or in a ghost seen from p; a zero orientation never moves the
 *       walk, so points on facets are located without perturbing orientations. In a Delaunay (or regular)
 *       triangulation the walk's "in front of" relation is acyclic (Edelsbrunner 1990), so it visits each
 *       simplex at most once (a step count above that is reported as an internal error, never a hang). An
 *       exact duplicate of a vertex is recognized there (it lies in a simplex incident to that vertex) and
 *       left out.</li>
 *   <li><b>Cavity.</b> The simplices in conflict are found by a search from the located one, deciding by
 *       the symbolically perturbed {@link GeometricPredicates#incirclePerturbed incirclePerturbed} /
 *       {@link GeometricPredicates#inspherePerturbed inspherePerturbed}: cocircular or cospherical ties (a
 *       regular lattice) are broken consistently, so the result is the unique Delaunay triangulation of the
 *       perturbed set, a true triangulation without flat simplices, and empty-sphere by the exact
 *       unperturbed test. Each cavity facet is joined to p; the new simplices are linked to each other
 *       through their shared ridges (a vertex-indexed table in 2-D, a small hash of vertex pairs in
 *       3-D).</li>
 * </ol>
 * Duplicates are left out in favour of the smallest index ({@link Mesh#leftOut()}).
 *
 * <h2>Degenerate input</h2>
 * Non-finite coordinates, fewer than d + 1 distinct points, all points collinear (2-D and 3-D) or all
 * coplanar (3-D) give an {@link IllegalArgumentException} naming the cause, like scipy's {@code QhullError}.
 *
 * <h2>Memory</h2>
 * A slot of the working arrays costs {@code 4 (2 (d + 1) + 1)} bytes. The builder starts with
 * {@code 2n + 64} slots in 2-D (a triangulation of n vertices closed by ghosts has at most {@code 2n - 2}
 * triangles, so 2-D never grows except transiently) and {@code 7n + 64} in 3-D (about 6.7 n tetrahedra
 * for uniform random points); in 3-D the worst case is quadratic, so arrays grow by half as needed. Before
 * each allocation the bytes needed (working arrays, ordering and output) are compared with the JVM's
 * maximum heap, and an impossible size is refused with an {@link IllegalArgumentException} naming both.
 *
 * <h2>Complexity</h2>
 * Expected O(n log n) time for the sort plus O(n) expected insertion work for well-distributed points
 * (each insertion creates O(1) simplices on average); worst case O(n^2) in 2-D and O(n^2) simplices in
 * 3-D. Memory O(n) for well-distributed points.
 *
 * <p>Thread-safety: stateless; each call works on its own arrays. Reproducible: the shuffle and the walk
 * use fixed seeds.
 */
public final class DelaunayBuilder {
    private static final long ORDER_SEED = 0x9E3779B97F4A7C15L;

    private DelaunayBuilder() {}

    /**
     * Triangulates the points.
     *
     * @param points the points, row-major, length {@code n * dim}, finite (not copied: the mesh keeps it)
     * @param dim    2 or 3
     * @return the triangulation: positively oriented simplices, neighbours, left-out duplicates
     * @throws NullPointerException     if points is null
     * @throws IllegalArgumentException if dim is not 2 or 3, the length is not a multiple of dim, a
     *                                  coordinate is not finite, there are fewer than dim + 1 distinct points,
     *                                  all points are collinear (or, in 3-D, coplanar), or the triangulation
     *                                  cannot fit in the maximum heap
     * @throws ArithmeticException      in the pathological cases of {@link GeometricPredicates} (exactly
     *                                  degenerate large coordinates perturbed hundreds of binary orders below
     *                                  them), where an exact sign cannot be proven
     */
    public static Mesh build(double[] points, int dim) {
        Objects.requireNonNull(points, "points");
        if (dim != 2 && dim != 3) {
            throw new IllegalArgumentException("Delaunay triangulation needs dim 2 or 3, got " + dim);
        }
        if (points.length % dim != 0) {
            throw new IllegalArgumentException("points length " + points.length + " is not a multiple of dim "
                    + dim);
        }
        int n = points.length / dim;
        for (int i = 0; i < points.length; i++) {
            double v = points[i];
            if (v - v != 0.0) {
                throw new IllegalArgumentException("point " + (i / dim) + " coordinate " + (i % dim) + " = " + v
                        + " is not finite");
            }
        }
        int[] init = initialSimplex(points, dim, n);
        Work w = new Work(points, dim, n);
        return w.run(init);
    }

    /** Affinely independent first vertices (smallest indices found by a scan), or the degeneracy. */
    private static int[] initialSimplex(double[] p, int dim, int n) {
        int d1 = dim + 1;
        if (n == 0) {
            throw new IllegalArgumentException("fewer than " + d1 + " distinct points: no points");
        }
        int i1 = -1;
        for (int i = 1; i < n && i1 < 0; i++) {
            if (!same(p, dim, 0, i)) {
                i1 = i;
            }
        }
        if (i1 < 0) {
            throw new IllegalArgumentException("fewer than " + d1 + " distinct points: all " + n
                    + " points coincide with point 0");
        }
        int i2 = -1;
        for (int i = i1 + 1; i < n && i2 < 0; i++) {
            if (collinearityOrient(p, dim, 0, i1, i)) {
                i2 = i;
            }
        }
        if (i2 < 0) {
            int third = -1;
            for (int i = i1 + 1; i < n && third < 0; i++) {
                if (!same(p, dim, 0, i) && !same(p, dim, i1, i)) {
                    third = i;
                }
            }
            if (third < 0) {
                throw new IllegalArgumentException("fewer than " + d1 + " distinct points: only 2 distinct among "
                        + n + " (points 0 and " + i1 + ")");
            }
            throw new IllegalArgumentException("points are all collinear: every one of the " + n
                    + " points lies on the line through points 0 and " + i1);
        }
        if (dim == 2) {
            return new int[] {0, i1, i2};
        }
        int i3 = -1;
        for (int i = i2 + 1; i < n && i3 < 0; i++) {
            if (GeometricPredicates.orient3d(p, 0, i1, i2, i) != 0) {
                i3 = i;
            }
        }
        if (i3 < 0) {
            throw new IllegalArgumentException("points are all coplanar: every one of the " + n
                    + " points lies in the plane through points 0, " + i1 + " and " + i2);
        }
        return new int[] {0, i1, i2, i3};
    }

    private static boolean same(double[] p, int dim, int a, int b) {
        for (int k = 0; k < dim; k++) {
            if (p[a * dim + k] != p[b * dim + k]) {
                return false;
            }
        }
        return true;
    }

    /** True if c is not on the line through a and b (exact). */
    private static boolean collinearityOrient(double[] p, int dim, int a, int b, int c) {
        if (dim == 2) {
            return GeometricPredicates.orient2d(p, a, b, c) != 0;
        }
        // in 3-D: collinear iff the projections on the three coordinate planes are all collinear
        for (int drop = 0; drop < 3; drop++) {
            int u = drop == 0 ? 1 : 0;
            int v = drop == 2 ? 1 : 2;
            if (GeometricPredicates.orient2d(p[a * 3 + u], p[a * 3 + v], p[b * 3 + u], p[b * 3 + v], p[c * 3 + u],
                    p[c * 3 + v]) != 0) {
                return true;
            }
        }
        return false;
    }

    /** Bytes of a working slot: vertices, neighbours, mark. */
    private static long slotBytes(int d1) {
        return 4L * (2L * d1 + 1);
    }

    /**
     * Refuses a capacity whose working and output arrays cannot fit in the maximum heap.
     *
     * @param fixedBytes the bytes besides the simplices (points ordering and per-vertex tables)
     */
    static void checkCapacity(int n, int dim, long slots, long fixedBytes) {
        int d1 = dim + 1;
        long bytes = slots * slotBytes(d1) + slots * 2L * d1 * Integer.BYTES + fixedBytes;
        long max = Runtime.getRuntime().maxMemory();
        if (slots * d1 > Validation.MAX_ARRAY_LENGTH || (max != Long.MAX_VALUE && bytes > max)) {
            throw new IllegalArgumentException("Delaunay triangulation of " + n + " points in " + dim
                    + "-D needs about " + bytes + " bytes (" + slots + " simplex slots), more than the "
                    + (slots * d1 > Validation.MAX_ARRAY_LENGTH ? "maximum array length allows"
                            : "maximum heap of " + max + " bytes"));
        }
    }

    /** The state of one build. */
    private static final class Work {
        private final double[] p;
        private final int dim;
        private final int d1;
        private final int n;
        /** The infinite vertex. */
        private final int inf;
        private final long fixedBytes;

        private int[] vert;
        private int[] nbr;
        private int[] mark;
        private int cap;
        private int size;
        private int[] free = new int[64];
        private int freeTop;

        private int stamp;
        private int last;
        private int rnd = 0x2545F491;

        private int[] conf = new int[64];
        private int nConf;
        private int[] bndS = new int[64];
        private int[] bndJ = new int[64];
        private int nBnd;
        private int[] news = new int[64];

        /** 2-D ridge table, by vertex: the new triangle starting at it and the position of p there. */
        private int[] ridgeTri;
        private int[] ridgePos;
        /** 3-D ridge hash: keys (vertex pairs), values (simplex * 4 + position), generation stamps. */
        private long[] hKey;
        private int[] hVal;
        private int[] hStamp;
        private int hGen;

        /** Vertex coinciding with each left-out point, -1 for vertices (allocated on the first one). */
        private int[] dupOf;

        Work(double[] p, int dim, int n) {
            this.p = p;
            this.dim = dim;
            this.d1 = dim + 1;
            this.n = n;
            this.inf = n;
            // order (int), Hilbert keys (long), ridge tables (2 ints per vertex in 2-D), duplicates (int)
            this.fixedBytes = 4L * n + 8L * n + (dim == 2 ? 8L * (n + 1) : 0) + 4L * n;
            long slots = (dim == 2 ? 2L : 7L) * n + 64;
            checkCapacity(n, dim, slots, fixedBytes);
            cap = (int) slots;
            vert = new int[cap * d1];
            nbr = new int[cap * d1];
            mark = new int[cap];
            if (dim == 2) {
                ridgeTri = new int[n + 1];
                ridgePos = new int[n + 1];
            } else {
                hKey = new long[256];
                hVal = new int[256];
                hStamp = new int[256];
            }
        }

        Mesh run(int[] init) {
            start(init);
            int[] order = SpatialOrder.brio(p, dim, ORDER_SEED);
            for (int q : order) {
                if (q == init[0] || q == init[1] || q == init[2] || (dim == 3 && q == init[3])) {
                    continue;
                }
                insert(q);
            }
            return compact();
        }

        /** The first simplex, positively oriented, and its d + 1 ghosts. */
        private void start(int[] init) {
            int[] v = init.clone();
            if (orient(v) < 0) {
                int t = v[1];
                v[1] = v[2];
                v[2] = t;
            }
            int s0 = alloc();
            System.arraycopy(v, 0, vert, s0 * d1, d1);
            for (int j = 0; j < d1; j++) {
                int g = alloc();
                int[] gv = v.clone();
                gv[j] = inf;
                // flip the orientation: swap two positions other than j
                int a = j == 0 ? 1 : 0;
                int b = j <= 1 ? 2 : 1;
                int t = gv[a];
                gv[a] = gv[b];
                gv[b] = t;
                System.arraycopy(gv, 0, vert, g * d1, d1);
            }
            // link by shared facets (d + 2 simplices: brute force)
            int count = d1 + 1;
            for (int a = 0; a < count; a++) {
                for (int ka = 0; ka < d1; ka++) {
                    for (int b = 0; b < count; b++) {
                        if (b != a && containsFacet(b, a, ka)) {
                            nbr[a * d1 + ka] = b;
                        }
                    }
                }
            }
            last = s0;
        }

        /** True if simplex b holds every vertex of simplex a except the one at position ka. */
        private boolean containsFacet(int b, int a, int ka) {
            for (int k = 0; k < d1; k++) {
                if (k == ka) {
                    continue;
                }
                int x = vert[a * d1 + k];
                boolean found = false;
                for (int m = 0; m < d1; m++) {
                    found |= vert[b * d1 + m] == x;
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        }

        private int orient(int[] v) {
            return dim == 2 ? GeometricPredicates.orient2d(p, v[0], v[1], v[2])
                    : GeometricPredicates.orient3d(p, v[0], v[1], v[2], v[3]);
        }

        /** Orientation of simplex s with its vertex at position j replaced by q (s's other vertices finite). */
        private int orientReplaced(int s, int j, int q) {
            int o = s * d1;
            int a = j == 0 ? q : vert[o];
            int b = j == 1 ? q : vert[o + 1];
            int c = j == 2 ? q : vert[o + 2];
            if (dim == 2) {
                return GeometricPredicates.orient2d(p, a, b, c);
            }
            int d = j == 3 ? q : vert[o + 3];
            return GeometricPredicates.orient3d(p, a, b, c, d);
        }

        private int infPos(int s) {
            int o = s * d1;
            for (int k = 0; k < d1; k++) {
                if (vert[o + k] == inf) {
                    return k;
                }
            }
            return -1;
        }

        private int nextRandom() {
            int x = rnd;
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            rnd = x;
            return (x >>> 1) % d1;
        }

        /**
         * The walk: a finite simplex containing q, a ghost in conflict with q, or {@code -(v + 1)} if q
         * coincides with vertex v.
         */
        private int locate(int q) {
            int t = last;
            int prev = -1;
            long steps = 0;
            long limit = 4L * size + 1000;
            walk:
            while (true) {
                int r = nextRandom();
                for (int k = 0; k < d1; k++) {
                    int j = r + k < d1 ? r + k : r + k - d1;
                    int nb = nbr[t * d1 + j];
                    if (nb == prev) {
                        continue;
                    }
                    if (orientReplaced(t, j, q) < 0) {
                        prev = t;
                        t = nb;
                        if (infPos(t) >= 0) {
                            return t;
                        }
                        if (++steps > limit) {
                            throw new IllegalStateException("Delaunay point location did not terminate for point "
                                    + q);
                        }
                        continue walk;
                    }
                }
                break;
            }
            int o = t * d1;
            for (int k = 0; k < d1; k++) {
                int v = vert[o + k];
                if (same(p, dim, v, q)) {
                    return -(v + 1);
                }
            }
            return t;
        }

        private boolean finiteConflict(int s, int q) {
            int o = s * d1;
            if (dim == 2) {
                return GeometricPredicates.incirclePerturbed(p, vert[o], vert[o + 1], vert[o + 2], q) > 0;
            }
            return GeometricPredicates.inspherePerturbed(p, vert[o], vert[o + 1], vert[o + 2], vert[o + 3], q) > 0;
        }

        private boolean conflict(int s, int q) {
            int g = infPos(s);
            if (g < 0) {
                return finiteConflict(s, q);
            }
            int o = orientReplaced(s, g, q);
            if (o != 0) {
                return o > 0;
            }
            return finiteConflict(nbr[s * d1 + g], q);
        }

        private void insert(int q) {
            int t = locate(q);
            if (t < 0) {
                if (dupOf == null) {
                    dupOf = new int[n];
                    Arrays.fill(dupOf, -1);
                }
                dupOf[q] = -t - 1;
                return;
            }
            stamp++;
            int st = stamp;
            nConf = 0;
            nBnd = 0;
            mark[t] = st;
            pushConf(t);
            for (int i = 0; i < nConf; i++) {
                int c = conf[i];
                int o = c * d1;
                for (int j = 0; j < d1; j++) {
                    int nb = nbr[o + j];
                    int m = mark[nb];
                    if (m == st) {
                        continue;
                    }
                    if (m != -st) {
                        if (conflict(nb, q)) {
                            mark[nb] = st;
                            pushConf(nb);
                            continue;
                        }
                        mark[nb] = -st;
                    }
                    pushBnd(c, j);
                }
            }
            if (news.length < nBnd) {
                news = new int[Math.max(nBnd, 2 * news.length)];
            }
            int firstFinite = -1;
            for (int b = 0; b < nBnd; b++) {
                int c = bndS[b];
                int j = bndJ[b];
                int s = alloc();
                int os = s * d1;
                int oc = c * d1;
                System.arraycopy(vert, oc, vert, os, d1);
                vert[os + j] = q;
                int nb = nbr[oc + j];
                nbr[os + j] = nb;
                int on = nb * d1;
                for (int k = 0; k < d1; k++) {
                    if (nbr[on + k] == c) {
                        nbr[on + k] = s;
                        break;
                    }
                }
                news[b] = s;
                if (firstFinite < 0 && infPos(s) < 0) {
                    firstFinite = s;
                }
            }
            if (dim == 2) {
                link2();
            } else {
                link3();
            }
            for (int i = 0; i < nConf; i++) {
                int c = conf[i];
                vert[c * d1] = -1;
                if (freeTop == free.length) {
                    free = Arrays.copyOf(free, 2 * free.length);
                }
                free[freeTop++] = c;
            }
            last = firstFinite;
        }

        /** Links the new triangles (q, a, b) around q: the one opposite a starts at b. */
        private void link2() {
            for (int b = 0; b < nBnd; b++) {
                int s = news[b];
                int j = bndJ[b];
                int a = vert[s * 3 + (j == 2 ? 0 : j + 1)];
                ridgeTri[a] = s;
                ridgePos[a] = j;
            }
            for (int b = 0; b < nBnd; b++) {
                int s = news[b];
                int j = bndJ[b];
                int k1 = j == 2 ? 0 : j + 1;
                int k2 = k1 == 2 ? 0 : k1 + 1;
                int bv = vert[s * 3 + k2];
                int t2 = ridgeTri[bv];
                int j2 = ridgePos[bv];
                nbr[s * 3 + k1] = t2;
                int t2k2 = j2 == 0 ? 2 : j2 - 1; // (j2 + 2) % 3
                nbr[t2 * 3 + t2k2] = s;
            }
        }

        /** Links the new tetrahedra through their ridges (q, u, w), hashed by the pair (u, w). */
        private void link3() {
            int need = 4 * (3 * nBnd / 2 + 1);
            if (hKey.length < need) {
                int len = Integer.highestOneBit(need - 1) << 1;
                hKey = new long[len];
                hVal = new int[len];
                hStamp = new int[len];
                hGen = 0;
            }
            hGen++;
            int gen = hGen;
            int mask = hKey.length - 1;
            for (int b = 0; b < nBnd; b++) {
                int s = news[b];
                int j = bndJ[b];
                int o = s * 4;
                for (int k = 0; k < 4; k++) {
                    if (k == j) {
                        continue;
                    }
                    int u = -1;
                    int w = -1;
                    for (int m = 0; m < 4; m++) {
                        if (m != j && m != k) {
                            if (u < 0) {
                                u = vert[o + m];
                            } else {
                                w = vert[o + m];
                            }
                        }
                    }
                    long key = u < w ? ((long) u << 32) | w : ((long) w << 32) | u;
                    int h = (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
                    while (true) {
                        if (hStamp[h] != gen) {
                            hStamp[h] = gen;
                            hKey[h] = key;
                            hVal[h] = o + k;
                            break;
                        }
                        if (hKey[h] == key) {
                            int other = hVal[h];
                            nbr[o + k] = other >> 2;
                            nbr[other] = s;
                            break;
                        }
                        h = (h + 1) & mask;
                    }
                }
            }
        }

        private void pushConf(int c) {
            if (nConf == conf.length) {
                conf = Arrays.copyOf(conf, 2 * nConf);
            }
            conf[nConf++] = c;
        }

        private void pushBnd(int c, int j) {
            if (nBnd == bndS.length) {
                bndS = Arrays.copyOf(bndS, 2 * nBnd);
                bndJ = Arrays.copyOf(bndJ, 2 * nBnd);
            }
            bndS[nBnd] = c;
            bndJ[nBnd++] = j;
        }

        private int alloc() {
            if (freeTop > 0) {
                return free[--freeTop];
            }
            if (size == cap) {
                long grown = Math.max(cap + 64L, cap + (cap >> 1));
                checkCapacity(n, dim, grown, fixedBytes);
                cap = (int) grown;
                vert = Arrays.copyOf(vert, cap * d1);
                nbr = Arrays.copyOf(nbr, cap * d1);
                mark = Arrays.copyOf(mark, cap);
            }
            return size++;
        }

        private Mesh compact() {
            int[] id = new int[size];
            int count = 0;
            for (int s = 0; s < size; s++) {
                id[s] = vert[s * d1] >= 0 && infPos(s) < 0 ? count++ : -1;
            }
            int[] simplices = new int[count * d1];
            int[] neighbors = new int[count * d1];
            for (int s = 0; s < size; s++) {
                int t = id[s];
                if (t < 0) {
                    continue;
                }
                for (int k = 0; k < d1; k++) {
                    simplices[t * d1 + k] = vert[s * d1 + k];
                    neighbors[t * d1 + k] = id[nbr[s * d1 + k]];
                }
            }
            vert = null;
            nbr = null;
            mark = null;
            if (dupOf == null) {
                return new Mesh(dim, p, simplices, neighbors, new int[0], new int[0]);
            }
            // the smallest index of each class of coinciding points is the vertex
            int[] label = new int[n];
            for (int i = 0; i < n; i++) {
                label[i] = i;
            }
            for (int i = 0; i < n; i++) {
                int v = dupOf[i];
                if (v >= 0 && i < label[v]) {
                    label[v] = i;
                }
            }
            int left = 0;
            for (int i = 0; i < n; i++) {
                if (isLeftOut(i, label)) {
                    left++;
                }
            }
            for (int k = 0; k < simplices.length; k++) {
                simplices[k] = label[simplices[k]];
            }
            int[] leftOut = new int[left];
            int[] leftOutVertex = new int[left];
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (isLeftOut(i, label)) {
                    leftOut[m] = i;
                    leftOutVertex[m++] = dupOf[i] >= 0 ? label[dupOf[i]] : label[i];
                }
            }
            return new Mesh(dim, p, simplices, neighbors, leftOut, leftOutVertex);
        }

        /** Point i is left out unless it is the smallest index of its class of coinciding points. */
        private boolean isLeftOut(int i, int[] label) {
            int v = dupOf[i];
            return v >= 0 ? label[v] != i : label[i] != i;
        }
    }
}
