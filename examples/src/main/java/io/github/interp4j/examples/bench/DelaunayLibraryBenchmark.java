package io.github.interp4j.examples.bench;

import io.github.interp4j.interpolate.internal.delaunay.DelaunayBuilder;
import io.github.interp4j.interpolate.internal.delaunay.Mesh;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.triangulate.DelaunayTriangulationBuilder;
import org.locationtech.jts.triangulate.quadedge.QuadEdge;
import org.locationtech.jts.triangulate.quadedge.QuadEdgeSubdivision;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tinfour.common.IQuadEdge;
import org.tinfour.common.SimpleTriangle;
import org.tinfour.common.Vertex;
import org.tinfour.standard.IncrementalTin;
import org.tinfour.utils.HilbertSort;

/**
 * 2-D Delaunay triangulation of {@code n} points uniform in the unit square ({@link SplittableRandom}
 * seeded with {@link #SEED}), each library's time including the conversion to what the scattered-data
 * interpolants read: flat positively oriented triangles ({@code 3 s} vertex indices) and their neighbours
 * opposite each vertex (-1 on the hull), as interp4j's {@code Mesh} holds them.
 * <ul>
 *   <li>{@code own}: interp4j's {@link DelaunayBuilder} (Bowyer-Watson, BRIO + Hilbert order, exact and
 *       symbolically perturbed predicates); its output is already in that form;</li>
 *   <li>{@code tinfour}: Tinfour 2.1.7's {@code IncrementalTin} after its {@code HilbertSort} (without the
 *       sort its insertion is far slower: 176 s at 1e6 points, measured in issue 8), then a pass over its
 *       triangles numbering them by edge index and reading the neighbours through the dual edges;</li>
 *   <li>{@code jts}: JTS 1.20.0's {@code DelaunayTriangulationBuilder}, then a visit of the triangles
 *       (frame excluded) numbering them through the edges' data field, neighbours through
 *       {@code sym()}.</li>
 * </ul>
 * Single-shot time per triangulation (each run is long, and the libraries allocate much), one thread.
 * The scipy counterpart is {@code scipy.spatial.Delaunay} (8.68 s at 1e6 points in issue 8).
 *
 * <pre>java -cp examples/target/interp4j-examples.jar org.openjdk.jmh.Main DelaunayLibraryBenchmark</pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx6g"})
@State(Scope.Benchmark)
public class DelaunayLibraryBenchmark {
    /** The seed of the points. */
    public static final long SEED = 20261130L;

    /** Number of points. */
    @Param({"100000", "1000000"})
    public int n;

    private double[] xy;

    /** Draws the points. */
    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(SEED);
        xy = new double[2 * n];
        for (int i = 0; i < xy.length; i++) {
            xy[i] = r.nextDouble();
        }
    }

    /** @return interp4j's triangulation */
    @Benchmark
    public Mesh own() {
        return DelaunayBuilder.build(xy, 2);
    }

    /** @return Tinfour's triangulation as {triangles, neighbours} */
    @Benchmark
    public int[][] tinfour() {
        return tinfour(xy);
    }

    /** @return JTS's triangulation as {triangles, neighbours} */
    @Benchmark
    public int[][] jts() {
        return jts(xy);
    }

    /**
     * Tinfour's triangulation of the points, as flat triangles (counterclockwise) and neighbours.
     *
     * @param xy the points, row-major
     * @return {triangles, neighbours}
     */
    public static int[][] tinfour(double[] xy) {
        int n = xy.length / 2;
        List<Vertex> vertices = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            vertices.add(new Vertex(xy[2 * i], xy[2 * i + 1], 0.0, i));
        }
        new HilbertSort().sort(vertices);
        IncrementalTin tin = new IncrementalTin(1.0 / Math.sqrt(n));
        tin.add(vertices, null);
        int[] triOfEdge = new int[tin.getMaximumEdgeAllocationIndex() + 2];
        java.util.Arrays.fill(triOfEdge, -1);
        int count = 0;
        for (SimpleTriangle t : tin.triangles()) {
            triOfEdge[t.getEdgeA().getIndex()] = count;
            triOfEdge[t.getEdgeB().getIndex()] = count;
            triOfEdge[t.getEdgeC().getIndex()] = count;
            count++;
        }
        int[] tri = new int[3 * count];
        int[] nb = new int[3 * count];
        int k = 0;
        for (SimpleTriangle t : tin.triangles()) {
            // edge A runs from vertex B to C: it lies opposite vertex A (likewise B, C)
            IQuadEdge a = t.getEdgeA();
            IQuadEdge b = t.getEdgeB();
            IQuadEdge c = t.getEdgeC();
            tri[3 * k] = t.getVertexA().getIndex();
            tri[3 * k + 1] = t.getVertexB().getIndex();
            tri[3 * k + 2] = t.getVertexC().getIndex();
            nb[3 * k] = triOfEdge[a.getDual().getIndex()];
            nb[3 * k + 1] = triOfEdge[b.getDual().getIndex()];
            nb[3 * k + 2] = triOfEdge[c.getDual().getIndex()];
            k++;
        }
        return new int[][] {tri, nb};
    }

    /**
     * JTS's triangulation of the points, as flat triangles (in JTS's vertex order) and neighbours; the
     * input index travels in the coordinates' z.
     *
     * @param xy the points, row-major
     * @return {triangles, neighbours}
     */
    public static int[][] jts(double[] xy) {
        int n = xy.length / 2;
        List<Coordinate> sites = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            sites.add(new Coordinate(xy[2 * i], xy[2 * i + 1], i));
        }
        DelaunayTriangulationBuilder builder = new DelaunayTriangulationBuilder();
        builder.setSites(sites);
        QuadEdgeSubdivision sub = builder.getSubdivision();
        List<QuadEdge[]> triangles = new ArrayList<>();
        sub.visitTriangles(edges -> {
            QuadEdge[] e = edges.clone();
            Integer id = triangles.size();
            for (QuadEdge q : e) {
                q.setData(id);
            }
            triangles.add(e);
        }, false);
        int count = triangles.size();
        int[] tri = new int[3 * count];
        int[] nb = new int[3 * count];
        for (int t = 0; t < count; t++) {
            QuadEdge[] e = triangles.get(t);
            for (int j = 0; j < 3; j++) {
                tri[3 * t + j] = (int) e[j].orig().getZ();
            }
            // edge j runs from vertex j to vertex j + 1: it lies opposite vertex j + 2
            for (int j = 0; j < 3; j++) {
                Object other = e[j].sym().getData();
                nb[3 * t + (j + 2) % 3] = other instanceof Integer o && o != t ? o : -1;
            }
        }
        return new int[][] {tri, nb};
    }
}
