package io.github.interp4j.interpolate;

import io.github.interp4j.interpolate.internal.delaunay.DelaunayBuilder;
import io.github.interp4j.interpolate.internal.delaunay.Mesh;
import io.github.interp4j.interpolate.internal.delaunay.PointLocator;
import io.github.interp4j.interpolate.internal.geometry.GeometricPredicates;
import io.github.interp4j.interpolate.internal.parallel.ParallelEvaluation;
import io.github.interp4j.interpolate.internal.scattered.ScatteredEvaluation;
import io.github.interp4j.interpolate.internal.validation.QueryBatch;
import io.github.interp4j.interpolate.internal.validation.SerialProxies;
import io.github.interp4j.interpolate.internal.validation.Validation;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamException;
import java.io.Serializable;

/**
 * The Delaunay triangulation of points in 2-D or 3-D: the useful part of {@code scipy.spatial.Delaunay}
 * (points, simplices, neighbours, {@code find_simplex}, barycentric coordinates, convex hull facets, the
 * points left out).
 *
 * <p>Every simplex is positively oriented (counter-clockwise in 2-D; in 3-D Shewchuk's
 * {@code orient3d(v0, v1, v2, v3) > 0}); {@code neighbors()[t][j]} is the simplex across the facet opposite
 * vertex j of t, or -1 on the hull, as scipy. Input points that are exact duplicates of an earlier point
 * are not vertices; {@link #coplanar()} lists them, as scipy's {@code coplanar}.
 *
 * <p>Point location ({@link #findSimplex(double...)}): a uniform bucket grid over the bounding box, about
 * one bucket per two simplices, each storing a seed simplex (the one containing its centre); a query walks
 * from its bucket's seed with exact orientation tests (visibility walk). Random and sorted query orders
 * therefore cost about the same, O(1) expected per query for well-spread points. A query on a facet shared
 * by two simplices gets one of them, always the same for the same query. Outside the hull the answer is
 * -1; a query outside the hull by no more than scipy's tolerance {@code 100 * DBL_EPSILON} in barycentric
 * coordinates is assigned to the hull simplex the walk ended in, as scipy's tolerant test does.
 * Batches of at least 4096 points are visited bucket by bucket (indices counting-sorted by bucket, results
 * in input order), so consecutive queries touch the same simplices in cache; they run in parallel within
 * the CPU budget and equal the single-point answers exactly.
 *
 * <p>Complexity: construction is the triangulation (see {@code DelaunayBuilder}) plus O(s) for the
 * locator, s the number of simplices. Thread-safety: immutable; every method is safe from any thread.
 * Serialisation stores the points and the triangulation; reading it back checks it again (indices,
 * positive orientation by the exact predicate, mutual neighbours).
 */
public final class Delaunay implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String NAME = "Delaunay";

    private final transient Mesh mesh;
    private final transient PointLocator locator;

    /**
     * Triangulates points given as rows.
     *
     * @param points n rows of d = 2 or 3 finite coordinates, n at least d + 1 (not modified)
     * @throws NullPointerException     if {@code points} or a row is null
     * @throws IllegalArgumentException if a row has another length, d is not 2 or 3, a coordinate is not
     *                                  finite, or the points are degenerate (all collinear or coplanar,
     *                                  fewer than d + 1 distinct points)
     */
    public Delaunay(double[][] points) {
        this(flatten(points), dimensionOf(points));
    }

    /**
     * Triangulates points given as one flat row-major array.
     *
     * @param flatRowMajor n * dim finite coordinates (not modified)
     * @param dim          2 or 3
     * @throws NullPointerException     if {@code flatRowMajor} is null
     * @throws IllegalArgumentException as {@link #Delaunay(double[][])}, or if the length is not a multiple of dim
     */
    public Delaunay(double[] flatRowMajor, int dim) {
        this(DelaunayBuilder.build(checkFlat(flatRowMajor, dim), dim));
    }

    /** Wraps a triangulation (trusted: produced by the builder or already validated). */
    Delaunay(Mesh mesh) {
        this.mesh = mesh;
        this.locator = new PointLocator(mesh);
    }

    /**
     * Wraps a triangulation after checking it (indices, positive orientation, mutual neighbours).
     *
     * @param mesh the triangulation
     * @return the Delaunay
     * @throws IllegalArgumentException if the mesh is inconsistent
     */
    static Delaunay ofMesh(Mesh mesh) {
        validate(mesh);
        return new Delaunay(mesh);
    }

    private static int dimensionOf(double[][] points) {
        Validation.requireNonNull(points, "points");
        if (points.length == 0) {
            throw new IllegalArgumentException(NAME + " needs at least 3 points, got 0");
        }
        Validation.requireNonNull(points[0], "points[0]");
        return points[0].length;
    }

    private static double[] flatten(double[][] points) {
        int d = dimensionOf(points);
        checkDim(d);
        Validation.requireFiniteRows("points", points, d);
        double[] flat = new double[Validation.checkedSize(NAME + " points", points.length, d)];
        for (int i = 0; i < points.length; i++) {
            System.arraycopy(points[i], 0, flat, i * d, d);
        }
        return flat;
    }

    private static void checkDim(int d) {
        if (d != 2 && d != 3) {
            throw new IllegalArgumentException(NAME + " supports dimension 2 or 3, got points of dimension " + d);
        }
    }

    private static double[] checkFlat(double[] flat, int dim) {
        checkDim(dim);
        QueryBatch.ofFlat("flatRowMajor", flat, dim, NAME);
        Validation.requireFinite("flatRowMajor", flat);
        Validation.requireMinPoints(NAME + " in " + dim + "-D", flat.length / dim, dim + 1);
        requireMagnitudeSpread(flat, dim);
        return flat.clone();
    }

    /** Non-zero coordinates more than this many binary orders below the largest are refused. */
    private static final int MAX_MAGNITUDE_SPREAD = 150;

    /**
     * The exact orientation and in-sphere predicates multiply up to five coordinate differences; with
     * non-zero coordinates more than 2^150 below the largest (e.g. 1e-300 next to 1), those products
     * underflow and the predicates lose their exactness, so such point sets are refused, naming the point.
     */
    private static void requireMagnitudeSpread(double[] flat, int dim) {
        double max = 0.0;
        for (double v : flat) {
            max = Math.max(max, Math.abs(v));
        }
        if (max == 0.0) {
            return;
        }
        int floor = Math.getExponent(max) - MAX_MAGNITUDE_SPREAD;
        for (int i = 0; i < flat.length; i++) {
            double v = flat[i];
            if (v != 0.0 && Math.getExponent(v) < floor) {
                throw new IllegalArgumentException(NAME + ": coordinate " + (i % dim) + " of point " + (i / dim) + " = "
                        + v + " is more than 2^" + MAX_MAGNITUDE_SPREAD + " below the largest coordinate " + max
                        + ": the exact geometric predicates would underflow (use 0 or rescale the points)");
            }
        }
    }

    /** Checks a mesh's consistency; throws IllegalArgumentException naming the first problem. */
    static void validate(Mesh m) {
        int d = m.dim();
        checkDim(d);
        int d1 = d + 1;
        double[] p = m.points();
        int[] s = m.simplices();
        int[] nb = m.neighbors();
        if (p.length % d != 0 || s.length % d1 != 0 || nb.length != s.length || s.length == 0
                || m.leftOut().length != m.leftOutVertex().length) {
            throw new IllegalArgumentException("triangulation arrays have inconsistent lengths: points "
                    + p.length + ", simplices " + s.length + ", neighbors " + nb.length);
        }
        Validation.requireFinite("points", p);
        int n = p.length / d;
        int ns = s.length / d1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] < 0 || s[i] >= n) {
                throw new IllegalArgumentException("simplex " + i / d1 + " has vertex " + s[i] + " out of [0, " + n + ")");
            }
            if (nb[i] < -1 || nb[i] >= ns) {
                throw new IllegalArgumentException("simplex " + i / d1 + " has neighbour " + nb[i] + " out of [-1, " + ns + ")");
            }
        }
        for (int t = 0; t < ns; t++) {
            int b = t * d1;
            int o = d == 2 ? GeometricPredicates.orient2d(p, s[b], s[b + 1], s[b + 2])
                    : GeometricPredicates.orient3d(p, s[b], s[b + 1], s[b + 2], s[b + 3]);
            if (o <= 0) {
                throw new IllegalArgumentException("simplex " + t + " is not positively oriented");
            }
            for (int j = 0; j < d1; j++) {
                int u = nb[b + j];
                if (u < 0) {
                    continue;
                }
                int back = -1;
                for (int k = 0; k < d1; k++) {
                    if (nb[u * d1 + k] == t) {
                        back = k;
                    }
                }
                if (back < 0) {
                    throw new IllegalArgumentException("neighbours are not mutual: simplex " + t + " -> " + u);
                }
                // the shared facet: every vertex of t but j is a vertex of u but back
                for (int k = 0; k < d1; k++) {
                    if (k == j) {
                        continue;
                    }
                    boolean found = false;
                    for (int l = 0; l < d1; l++) {
                        found |= l != back && s[u * d1 + l] == s[b + k];
                    }
                    if (!found) {
                        throw new IllegalArgumentException("simplices " + t + " and " + u + " do not share a facet");
                    }
                }
            }
        }
        int[] lo = m.leftOut();
        int[] lv = m.leftOutVertex();
        for (int i = 0; i < lo.length; i++) {
            if (lo[i] < 0 || lo[i] >= n || lv[i] < 0 || lv[i] >= n || (i > 0 && lo[i] <= lo[i - 1])) {
                throw new IllegalArgumentException("left-out entry " + i + " (" + lo[i] + " -> " + lv[i] + ") is invalid");
            }
        }
    }

    Mesh mesh() {
        return mesh;
    }

    PointLocator locator() {
        return locator;
    }

    /** @return the dimension d, 2 or 3 */
    public int dimension() {
        return mesh.dim();
    }

    /** @return the number n of input points */
    public int pointCount() {
        return mesh.pointCount();
    }

    /** @return the number of simplices */
    public int simplexCount() {
        return mesh.simplexCount();
    }

    /** @return a copy of the input points, n rows of d coordinates */
    public double[][] points() {
        int d = mesh.dim();
        double[][] out = new double[mesh.pointCount()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = java.util.Arrays.copyOfRange(mesh.points(), i * d, i * d + d);
        }
        return out;
    }

    /** @return a copy of the simplices, each row the d + 1 vertex indices, positively oriented */
    public int[][] simplices() {
        return rows(mesh.simplices(), mesh.dim() + 1);
    }

    /** @return a copy of the neighbours: row t, entry j is the simplex opposite vertex j of t, or -1 */
    public int[][] neighbors() {
        return rows(mesh.neighbors(), mesh.dim() + 1);
    }

    private static int[][] rows(int[] flat, int w) {
        int[][] out = new int[flat.length / w][];
        for (int i = 0; i < out.length; i++) {
            out[i] = java.util.Arrays.copyOfRange(flat, i * w, i * w + w);
        }
        return out;
    }

    /**
     * The facets of the convex hull (scipy's {@code convex_hull}): each row the d vertex indices of a
     * simplex facet with no neighbour, in the simplex's vertex order with the opposite vertex removed.
     * O(s).
     *
     * @return a new array of hull facets, ordered by simplex then facet
     */
    public int[][] convexHull() {
        int d1 = mesh.dim() + 1;
        int[] s = mesh.simplices();
        int[] nb = mesh.neighbors();
        int count = 0;
        for (int v : nb) {
            if (v < 0) {
                count++;
            }
        }
        int[][] out = new int[count][];
        int r = 0;
        for (int i = 0; i < nb.length; i++) {
            if (nb[i] < 0) {
                int t = i / d1;
                int j = i % d1;
                int[] f = new int[d1 - 1];
                for (int k = 0, c = 0; k < d1; k++) {
                    if (k != j) {
                        f[c++] = s[t * d1 + k];
                    }
                }
                out[r++] = f;
            }
        }
        return out;
    }

    /**
     * The input points that are not vertices (scipy's {@code coplanar}): rows {@code {point, simplex,
     * vertex}} with the point's index, a simplex having {@code vertex} as a vertex, and the vertex the
     * point coincides with. (scipy's middle column is the nearest facet; here it is a simplex at the
     * coincident vertex.)
     *
     * @return a new array, in increasing point order (empty if every point is a vertex)
     */
    public int[][] coplanar() {
        int[] lo = mesh.leftOut();
        int[] lv = mesh.leftOutVertex();
        int[][] out = new int[lo.length][];
        if (lo.length == 0) {
            return out;
        }
        int[] simplexOf = new int[mesh.pointCount()];
        java.util.Arrays.fill(simplexOf, -1);
        int[] s = mesh.simplices();
        int d1 = mesh.dim() + 1;
        for (int i = 0; i < s.length; i++) {
            if (simplexOf[s[i]] < 0) {
                simplexOf[s[i]] = i / d1;
            }
        }
        for (int i = 0; i < lo.length; i++) {
            out[i] = new int[] {lo[i], simplexOf[lv[i]], lv[i]};
        }
        return out;
    }

    /**
     * The simplex containing a point (scipy's {@code find_simplex}; class documentation for facets and
     * the hull's tolerance).
     *
     * @param point d coordinates
     * @return the simplex index, or -1 outside the hull or for a NaN coordinate
     * @throws NullPointerException     if {@code point} is null
     * @throws IllegalArgumentException if {@code point.length != dimension()}
     */
    public int findSimplex(double... point) {
        Validation.requireNonNull(point, "point");
        checkLength(point.length);
        return locator.locate(point, 0);
    }

    private void checkLength(int len) {
        if (len != mesh.dim()) {
            throw new IllegalArgumentException("point has " + len + " coordinates, this " + NAME + " has dimension "
                    + mesh.dim());
        }
    }

    /**
     * {@link #findSimplex(double...)} for many points, in parallel for large batches (equal to the
     * single-point answers).
     *
     * @param points n rows of d coordinates
     * @return a new array of n simplex indices (-1 outside)
     * @throws NullPointerException     if {@code points} or a row is null
     * @throws IllegalArgumentException if a row has another length (the message names the row)
     */
    public int[] findSimplex(double[][] points) {
        Validation.requireNonNull(points, "points");
        int d = mesh.dim();
        for (int j = 0; j < points.length; j++) {
            if (points[j] == null) {
                throw new NullPointerException("points[" + j + "] must not be null");
            }
            if (points[j].length != d) {
                throw new IllegalArgumentException("points[" + j + "].length = " + points[j].length
                        + ", this " + NAME + " has dimension " + d);
            }
        }
        return find(QueryBatch.ofRows(points, d));
    }

    /**
     * {@link #findSimplex(double[][])} for points given as one flat row-major array.
     *
     * @param flatRowMajor n * d coordinates
     * @return a new array of n simplex indices
     * @throws NullPointerException     if the array is null
     * @throws IllegalArgumentException if its length is not a multiple of d
     */
    public int[] findSimplexFlat(double[] flatRowMajor) {
        return find(QueryBatch.ofFlat("flatRowMajor", flatRowMajor, mesh.dim(), NAME));
    }

    private int[] find(QueryBatch q) {
        int[] out = new int[q.count()];
        if (out.length < 1 << 12) {
            for (int j = 0; j < out.length; j++) {
                out[j] = locator.locate(q.array(j), q.offset(j));
            }
            return out;
        }
        int[] order = ScatteredEvaluation.orderByKey(out.length, locator.buckets() + 1,
                j -> locator.bucketOf(q.array(j), q.offset(j)));
        ParallelEvaluation.forRange(out.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                int j = order[i];
                out[j] = locator.locate(q.array(j), q.offset(j));
            }
        });
        return out;
    }

    /**
     * The barycentric coordinates of a point with respect to a simplex (scipy's
     * {@code transform[t, :d].dot(x - transform[t, d])} completed by {@code 1 - sum}): weights of the
     * simplex's vertices, in its vertex order, summing to 1; all in [0, 1] iff the point is in the simplex.
     *
     * @param simplex the simplex index
     * @param point   d coordinates
     * @return a new array of d + 1 coordinates
     * @throws IndexOutOfBoundsException if {@code simplex} is out of range
     * @throws IllegalArgumentException  if {@code point.length != dimension()}
     */
    public double[] barycentric(int simplex, double... point) {
        Validation.requireNonNull(point, "point");
        checkLength(point.length);
        if (simplex < 0 || simplex >= mesh.simplexCount()) {
            throw new IndexOutOfBoundsException("simplex " + simplex + " out of [0, " + mesh.simplexCount() + ")");
        }
        double[] c = new double[mesh.dim() + 1];
        PointLocator.barycentric(mesh.dim(), mesh.points(), mesh.simplices(), simplex, point, 0, c);
        return c;
    }

    @Override
    public String toString() {
        return NAME + "[dim=" + mesh.dim() + ", points=" + mesh.pointCount() + ", simplices=" + mesh.simplexCount()
                + ", leftOut=" + mesh.leftOut().length + "]";
    }

    private Object writeReplace() {
        return new SerializedForm(mesh);
    }

    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException(NAME + " is read through its serialized form");
    }

    /** The serialised form: the points and the triangulation, checked again on reading. */
    private static final class SerializedForm implements Serializable {
        private static final long serialVersionUID = 1L;
        private final int dim;
        private final double[] points;
        private final int[] simplices;
        private final int[] neighbors;
        private final int[] leftOut;
        private final int[] leftOutVertex;

        SerializedForm(Mesh m) {
            dim = m.dim();
            points = m.points();
            simplices = m.simplices();
            neighbors = m.neighbors();
            leftOut = m.leftOut();
            leftOutVertex = m.leftOutVertex();
        }

        private Object readResolve() throws ObjectStreamException {
            try {
                if (points == null || simplices == null || neighbors == null || leftOut == null || leftOutVertex == null) {
                    throw new IllegalArgumentException("missing arrays");
                }
                return ofMesh(new Mesh(dim, points.clone(), simplices.clone(), neighbors.clone(), leftOut.clone(),
                        leftOutVertex.clone()));
            } catch (RuntimeException e) {
                throw SerialProxies.invalid(NAME, e);
            }
        }
    }
}
