package io.github.interp4j.interpolate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.interp4j.interpolate.internal.delaunay.Mesh;
import io.github.interp4j.interpolate.internal.geometry.GeometricPredicates;
import io.github.interp4j.interpolate.internal.scattered.PointRescaling;
import io.github.interp4j.interpolate.scipy.ScipyFixture;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Delaunay}'s queries and point location on scipy's own triangulations: the fixtures of family
 * {@code linear_nd} (generator {@code fixturegen/linear_nd.py}) carry {@code scipy.spatial.Delaunay}'s
 * simplices and neighbours for random and clustered sets in general position (unique triangulation). The
 * test reorients them positively (swapping vertices 0 and 1 and their neighbours where scipy's orientation
 * is negative) and wraps them with {@code Delaunay.ofMesh}, so everything but the builder is tested here.
 *
 * <p>Agreement rule for {@code findSimplex}: the same simplex where the query is strictly inside scipy's
 * simplex (smallest barycentric coordinate above {@link #STRICT}); -1 where scipy says -1 and the query is
 * more than {@link #STRICT} outside the hull; a containing simplex wherever scipy finds one.
 */
class DelaunayAgreementTest {
    /** Barycentric / distance margin beyond which a query is not on a facet or the hull. */
    static final double STRICT = 1e-9;

    static Stream<ScipyFixture> fixtures() {
        return ScipyFixture.family("linear_nd");
    }

    /** The points the triangulation of a fixture is on: the rescaled points (interp4j's map) when rescale. */
    static double[] meshPoints(ScipyFixture f) {
        int d = f.integer("d");
        double[] pts = f.doubles("points");
        return f.get("rescale").trim().equals("true") ? PointRescaling.of(pts, d).apply(pts) : pts;
    }

    /** scipy's triangulation of a fixture as a positively oriented Mesh on {@link #meshPoints}. */
    static Mesh meshOf(ScipyFixture f) {
        int d = f.integer("d");
        int d1 = d + 1;
        double[] pts = meshPoints(f);
        int[] s = ints(f.get("simplices"));
        int[] nb = ints(f.get("neighbors"));
        assertEquals(f.integer("nsimplex") * d1, s.length);
        for (int t = 0; t < s.length / d1; t++) {
            int b = t * d1;
            int o = d == 2 ? GeometricPredicates.orient2d(pts, s[b], s[b + 1], s[b + 2])
                    : GeometricPredicates.orient3d(pts, s[b], s[b + 1], s[b + 2], s[b + 3]);
            assertTrue(o != 0, f.name() + ": degenerate simplex " + t);
            if (o < 0) {
                swap(s, b, b + 1);
                swap(nb, b, b + 1);
            }
        }
        return new Mesh(d, pts, s, nb, new int[0], new int[0]);
    }

    static Delaunay delaunayOf(ScipyFixture f) {
        return Delaunay.ofMesh(meshOf(f));
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    static int[] ints(String s) {
        return Arrays.stream(s.trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
    }

    /** The fixture's queries mapped as the triangulation's points are. */
    static double[] meshQueries(ScipyFixture f) {
        int d = f.integer("d");
        double[] q = f.doubles("queries");
        return f.get("rescale").trim().equals("true") ? PointRescaling.of(f.doubles("points"), d).apply(q) : q;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void findSimplexAgreesWithScipy(ScipyFixture f) {
        Delaunay tri = delaunayOf(f);
        int d = tri.dimension();
        double[] q = meshQueries(f);
        int[] scipy = ints(f.get("find_simplex"));
        double[] bary = f.doubles("bary_min");
        double[] margin = f.doubles("hull_margin");
        int[] ours = tri.findSimplexFlat(q);
        int compared = 0;
        for (int j = 0; j < scipy.length; j++) {
            double[] x = Arrays.copyOfRange(q, j * d, j * d + d);
            assertEquals(ours[j], tri.findSimplex(x), "single == batch");
            if (scipy[j] >= 0) {
                assertTrue(ours[j] >= 0, f.name() + " query " + j + ": scipy found " + scipy[j] + ", we -1");
                double min = Arrays.stream(tri.barycentric(ours[j], x)).min().getAsDouble();
                assertTrue(min >= -1e-12, f.name() + " query " + j + ": not in simplex, min bary " + min);
                if (bary[j] > STRICT) {
                    assertEquals(scipy[j], ours[j], f.name() + " query " + j);
                    assertEquals(bary[j], min, 1e-12, f.name() + " query " + j + " barycentric");
                    compared++;
                }
            } else if (margin[j] > STRICT) {
                assertEquals(-1, ours[j], f.name() + " query " + j + " is outside the hull");
                compared++;
            }
        }
        assertTrue(compared > scipy.length / 2, f.name() + ": compared only " + compared);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void locatorMatchesBruteForceInAnyOrder(ScipyFixture f) {
        Delaunay tri = delaunayOf(f);
        Mesh m = tri.mesh();
        int d = m.dim();
        Random rnd = new Random(f.name().hashCode());
        double[] lo = new double[d];
        double[] hi = new double[d];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < m.points().length; i++) {
            lo[i % d] = Math.min(lo[i % d], m.points()[i]);
            hi[i % d] = Math.max(hi[i % d], m.points()[i]);
        }
        int n = 5000; // above the 4096 from which batches are visited bucket by bucket
        double[] q = new double[n * d];
        for (int i = 0; i < q.length; i++) {
            int k = i % d;
            q[i] = lo[k] + (rnd.nextDouble() * 1.2 - 0.1) * (hi[k] - lo[k]);
        }
        int[] found = tri.findSimplexFlat(q);
        for (int j = 0; j < n; j++) {
            if (found[j] >= 0) {
                assertTrue(contains(m, found[j], q, j * d), "query " + j + " not in simplex " + found[j]);
            } else {
                int brute = brute(m, q, j * d);
                assertEquals(-1, brute, "query " + j + " is in simplex " + brute + " but locate said -1");
            }
        }
        // sorted order: same answers per point
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> Double.compare(q[a * d], q[b * d]));
        double[] sorted = new double[q.length];
        for (int j = 0; j < n; j++) {
            System.arraycopy(q, order[j] * d, sorted, j * d, d);
        }
        int[] found2 = tri.findSimplexFlat(sorted);
        for (int j = 0; j < n; j++) {
            assertEquals(found[order[j]], found2[j]);
        }
    }

    private static int brute(Mesh m, double[] q, int off) {
        for (int t = 0; t < m.simplexCount(); t++) {
            if (contains(m, t, q, off)) {
                return t;
            }
        }
        return -1;
    }

    /** Exact closed containment by orientation signs. */
    static boolean contains(Mesh m, int t, double[] q, int off) {
        int d = m.dim();
        int[] s = m.simplices();
        double[] p = m.points();
        for (int j = 0; j <= d; j++) {
            double[] c = new double[(d + 1) * d];
            for (int v = 0; v <= d; v++) {
                for (int k = 0; k < d; k++) {
                    c[v * d + k] = v == j ? q[off + k] : p[s[t * (d + 1) + v] * d + k];
                }
            }
            int o = d == 2 ? GeometricPredicates.orient2d(c, 0, 1, 2) : GeometricPredicates.orient3d(c, 0, 1, 2, 3);
            if (o < 0) {
                return false;
            }
        }
        return true;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void accessorsAndHull(ScipyFixture f) {
        Delaunay tri = delaunayOf(f);
        int d = tri.dimension();
        assertEquals(f.integer("n"), tri.pointCount());
        assertEquals(f.integer("nsimplex"), tri.simplexCount());
        int[][] s = tri.simplices();
        int[][] nb = tri.neighbors();
        assertEquals(tri.simplexCount(), s.length);
        long hullSlots = Arrays.stream(nb).flatMapToInt(Arrays::stream).filter(v -> v < 0).count();
        int[][] hull = tri.convexHull();
        assertEquals(hullSlots, hull.length);
        // every point is a vertex here (no duplicates), and every hull facet has the other points on one side
        double[] p = tri.mesh().points();
        for (int[] facet : hull) {
            assertEquals(d, facet.length);
        }
        assertEquals(0, tri.coplanar().length);
        double[] b = tri.barycentric(0, tri.points()[s[0][0]]);
        assertEquals(1.0, b[0], 1e-12);
        assertEquals(1.0, Arrays.stream(b).sum(), 1e-12);
        assertEquals(-1, tri.findSimplex(fillNaN(d)));
        assertEquals(p.length / d, tri.points().length);
    }

    private static double[] fillNaN(int d) {
        double[] x = new double[d];
        Arrays.fill(x, Double.NaN);
        return x;
    }

    @Test
    void serializationRoundTripAndValidation() throws Exception {
        ScipyFixture f = ScipyFixture.load("linear_nd/random_3d.txt");
        Delaunay tri = delaunayOf(f);
        Delaunay back = (Delaunay) roundTrip(tri);
        assertArrayEquals(tri.mesh().simplices(), back.mesh().simplices());
        assertArrayEquals(tri.findSimplexFlat(f.doubles("queries")), back.findSimplexFlat(f.doubles("queries")));
        // a corrupted mesh is refused
        Mesh m = meshOf(f);
        int[] s = m.simplices().clone();
        swap(s, 0, 1);
        Mesh bad = new Mesh(m.dim(), m.points(), s, m.neighbors(), m.leftOut(), m.leftOutVertex());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Delaunay.ofMesh(bad));
        assertTrue(e.getMessage().contains("simplex 0"), e.getMessage());
        int[] nb = m.neighbors().clone();
        int slot = 0;
        while (nb[slot] < 0) {
            slot++;
        }
        nb[slot] = -1;
        Mesh bad2 = new Mesh(m.dim(), m.points(), m.simplices(), nb, m.leftOut(), m.leftOutVertex());
        assertThrows(IllegalArgumentException.class, () -> Delaunay.ofMesh(bad2));
        assertThrows(InvalidObjectException.class, () -> roundTrip(new Delaunay(bad2)));
    }

    static Object roundTrip(Object o) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bos)) {
            out.writeObject(o);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bos.toByteArray()))) {
            return in.readObject();
        }
    }

    @Test
    void badQueriesAreRefused() {
        Delaunay tri = delaunayOf(ScipyFixture.load("linear_nd/random_2d.txt"));
        assertThrows(IllegalArgumentException.class, () -> tri.findSimplex(1.0, 2.0, 3.0));
        assertThrows(NullPointerException.class, () -> tri.findSimplex((double[]) null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> tri.findSimplex(new double[][] {{0.5, 0.5}, {0.5}}));
        assertTrue(e.getMessage().contains("points[1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> tri.findSimplexFlat(new double[3]));
        assertThrows(IndexOutOfBoundsException.class, () -> tri.barycentric(tri.simplexCount(), 0.5, 0.5));
    }

    @Test
    void constructorInputChecks() {
        assertThrows(IllegalArgumentException.class, () -> new Delaunay(new double[][] {{0, 0, 0, 0}, {1, 1, 1, 1}}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Delaunay(new double[][] {{0, 0}, {1, Double.NaN}, {0, 1}}));
        assertTrue(e.getMessage().contains("points[1][1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Delaunay(new double[] {0, 0, 1, 0}, 2));
        assertThrows(IllegalArgumentException.class, () -> new Delaunay(new double[] {0, 0, 1, 0, 1}, 2));
    }

    /**
     * The public constructor (DelaunayBuilder) reproduces scipy's triangulation up to the order of the
     * simplices and their vertices.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void builderReproducesScipysTriangulation(ScipyFixture f) {
        Delaunay built = new Delaunay(meshPoints(f), f.integer("d"));
        Delaunay scipy = delaunayOf(f);
        assertEquals(canonical(scipy), canonical(built), f.name());
        double[] q = meshQueries(f);
        int[] a = scipy.findSimplexFlat(q);
        int[] b = built.findSimplexFlat(q);
        for (int j = 0; j < a.length; j++) {
            assertEquals(a[j] < 0, b[j] < 0, f.name() + " query " + j);
        }
    }

    private static java.util.Set<String> canonical(Delaunay t) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (int[] s : t.simplices()) {
            int[] c = s.clone();
            Arrays.sort(c);
            out.add(Arrays.toString(c));
        }
        return out;
    }
}
