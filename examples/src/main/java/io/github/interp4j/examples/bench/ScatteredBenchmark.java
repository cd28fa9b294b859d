package io.github.interp4j.examples.bench;

import io.github.interp4j.interpolate.CloughTocher2DInterpolator;
import io.github.interp4j.interpolate.Delaunay;
import io.github.interp4j.interpolate.LinearNDInterpolator;
import io.github.interp4j.interpolate.NaturalNeighborInterpolator;
import io.github.interp4j.interpolate.NearestNDInterpolator;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scattered-data workloads, the counterparts of the {@code scattered.*} workloads of
 * {@code examples/scripts/scipy_bench_scattered.py} (issue 8's table):
 * <ul>
 *   <li>{@code delaunay2d} ({@code points} = 1e5, 1e6) and {@code delaunay3d} (1e5): {@code new Delaunay(points)};</li>
 *   <li>{@code linear2dEval} (over 1e5 and 1e6 points) and {@code linear3dEval} (1e5):
 *       {@link LinearNDInterpolator} at {@code queries} = 1e6 uniform random points (parallel within the
 *       CPU budget);</li>
 *   <li>{@code linear2dEvalSorted}: the same queries sorted by x, to show that the query order does not
 *       matter (scipy's walk from the previous simplex is fast only for such orders);</li>
 *   <li>{@code nearest2dBuild} / {@code nearest2dEval}: {@link NearestNDInterpolator} on 1e5 points,
 *       build, and 1e6 random queries.</li>
 * </ul>
 * Data: points uniform in the unit square / cube from {@code SplittableRandom(SEED)}, values
 * {@code sin(6 x) cos(4 y) (+ z)}; queries uniform from {@code SplittableRandom(SEED + 1)} (numpy's
 * {@code default_rng} in the script: same distributions, sizes and seeds, different generators).
 * Average time per operation.
 *
 * <pre>java -cp examples/target/interp4j-examples.jar org.openjdk.jmh.Main ScatteredBenchmark</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx6g"})
public class ScatteredBenchmark {
    /** The seed of the data points (queries use SEED + 1). */
    public static final long SEED = 20261130L;
    /** Random queries of the evaluation benchmarks. */
    public static final int QUERIES = 1_000_000;

    /** 2-D points and queries, with the triangulation and interpolant built once. */
    @State(Scope.Benchmark)
    public static class Data2d {
        /** Number of data points. */
        @Param({"100000", "1000000"})
        public int points;

        double[] flat;
        double[] query;
        double[] sortedQuery;
        LinearNDInterpolator linear;

        /** Generates the data and builds the interpolant. */
        @Setup(Level.Trial)
        public void setUp() {
            flat = uniform(points, 2, SEED);
            query = uniform(QUERIES, 2, SEED + 1);
            sortedQuery = sortedByX(query, 2);
            linear = new LinearNDInterpolator(new Delaunay(flat, 2), values(flat, 2), Double.NaN);
        }
    }

    /** 3-D points (1e5) and queries. */
    @State(Scope.Benchmark)
    public static class Data3d {
        double[] flat;
        double[] query;
        LinearNDInterpolator linear;

        /** Generates the data and builds the interpolant. */
        @Setup(Level.Trial)
        public void setUp() {
            flat = uniform(100_000, 3, SEED);
            query = uniform(QUERIES, 3, SEED + 1);
            linear = new LinearNDInterpolator(new Delaunay(flat, 3), values(flat, 3), Double.NaN);
        }
    }

    /** 2-D points (1e5) for the nearest-neighbour interpolant. */
    @State(Scope.Benchmark)
    public static class Nearest2d {
        double[][] rows;
        double[] values;
        double[] query;
        NearestNDInterpolator nearest;

        /** Generates the data and builds the interpolant. */
        @Setup(Level.Trial)
        public void setUp() {
            double[] flat = uniform(100_000, 2, SEED);
            rows = new double[100_000][];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = Arrays.copyOfRange(flat, 2 * i, 2 * i + 2);
            }
            values = values(flat, 2);
            query = uniform(QUERIES, 2, SEED + 1);
            nearest = new NearestNDInterpolator(rows, values);
        }
    }

    /** 2-D points (1e5), their triangulation, and the Clough-Tocher and natural-neighbour interpolants. */
    @State(Scope.Benchmark)
    public static class Cubic2d {
        double[] flat;
        double[][] rows;
        double[] values;
        Delaunay tri;
        double[] query;
        CloughTocher2DInterpolator cloughTocher;
        NaturalNeighborInterpolator natural;

        /** Generates the data and builds the interpolants. */
        @Setup(Level.Trial)
        public void setUp() {
            flat = uniform(100_000, 2, SEED);
            rows = new double[100_000][];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = Arrays.copyOfRange(flat, 2 * i, 2 * i + 2);
            }
            values = values(flat, 2);
            tri = new Delaunay(flat, 2);
            query = uniform(QUERIES, 2, SEED + 1);
            cloughTocher = new CloughTocher2DInterpolator(tri, values, Double.NaN);
            natural = new NaturalNeighborInterpolator(tri, values, Double.NaN);
        }
    }

    /**
     * @param n    how many points
     * @param d    the dimension
     * @param seed the seed
     * @return {@code n * d} uniform coordinates in [0, 1), row-major
     */
    static double[] uniform(int n, int d, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] p = new double[n * d];
        for (int i = 0; i < p.length; i++) {
            p[i] = rnd.nextDouble();
        }
        return p;
    }

    /** @return {@code sin(6 x) cos(4 y)} (+ z in 3-D) at each point */
    static double[] values(double[] flat, int d) {
        double[] v = new double[flat.length / d];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.sin(6 * flat[i * d]) * Math.cos(4 * flat[i * d + 1]) + (d == 3 ? flat[i * d + 2] : 0.0);
        }
        return v;
    }

    static double[] sortedByX(double[] q, int d) {
        Integer[] order = new Integer[q.length / d];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> q[i * d]));
        double[] out = new double[q.length];
        for (int i = 0; i < order.length; i++) {
            System.arraycopy(q, order[i] * d, out, i * d, d);
        }
        return out;
    }

    /**
     * @param d the data
     * @return scipy {@code Delaunay(points)} in 2-D
     */
    @Benchmark
    public Delaunay delaunay2d(Data2d d) {
        return new Delaunay(d.flat, 2);
    }

    /**
     * @param d the data
     * @return scipy {@code Delaunay(points)} in 3-D, 1e5 points
     */
    @Benchmark
    public Delaunay delaunay3d(Data3d d) {
        return new Delaunay(d.flat, 3);
    }

    /**
     * @param d the interpolant and queries
     * @return scipy {@code LinearNDInterpolator(tri, values)(xi)}, 1e6 random queries
     */
    @Benchmark
    public double[] linear2dEval(Data2d d) {
        return d.linear.values(d.query);
    }

    /**
     * @param d the interpolant and queries
     * @return the same queries sorted by x
     */
    @Benchmark
    public double[] linear2dEvalSorted(Data2d d) {
        return d.linear.values(d.sortedQuery);
    }

    /**
     * @param d the interpolant and queries
     * @return the 3-D interpolant over 1e5 points at 1e6 random queries
     */
    @Benchmark
    public double[] linear3dEval(Data3d d) {
        return d.linear.values(d.query);
    }

    /**
     * @param d the data
     * @return scipy {@code NearestNDInterpolator(points, values)} on 1e5 points
     */
    @Benchmark
    public NearestNDInterpolator nearest2dBuild(Nearest2d d) {
        return new NearestNDInterpolator(d.rows, d.values);
    }

    /**
     * @param d the interpolant and queries
     * @return its values at 1e6 random queries
     */
    @Benchmark
    public double[] nearest2dEval(Nearest2d d) {
        return d.nearest.values(d.query);
    }

    /**
     * @param d the data
     * @return scipy {@code CloughTocher2DInterpolator(points, values)} on 1e5 points: triangulation and gradients
     */
    @Benchmark
    public CloughTocher2DInterpolator cloughTocher2dBuild(Cubic2d d) {
        return new CloughTocher2DInterpolator(d.rows, d.values);
    }

    /**
     * @param d the data
     * @return scipy {@code CloughTocher2DInterpolator(tri, values)}: the gradients on a prebuilt triangulation
     */
    @Benchmark
    public CloughTocher2DInterpolator cloughTocher2dFit(Cubic2d d) {
        return new CloughTocher2DInterpolator(d.tri, d.values, Double.NaN);
    }

    /**
     * @param d the interpolant and queries
     * @return its values at 1e6 random queries
     */
    @Benchmark
    public double[] cloughTocher2dEval(Cubic2d d) {
        return d.cloughTocher.values(d.query);
    }

    /**
     * @param d the interpolant and queries
     * @return natural-neighbour values at 1e6 random queries over 1e5 points
     */
    @Benchmark
    public double[] natural2dEval(Cubic2d d) {
        return d.natural.values(d.query);
    }
}
