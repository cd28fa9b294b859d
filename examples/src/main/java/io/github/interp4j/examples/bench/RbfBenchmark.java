package io.github.interp4j.examples.bench;

import io.github.interp4j.interpolate.RBFInterpolator;

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
 * {@link RBFInterpolator} workloads, the counterparts of the {@code rbf.*} workloads of
 * {@code examples/scripts/scipy_bench_nd.py}:
 * <ul>
 *   <li>{@code fitThinPlate}: {@code RBFInterpolator(y, d)} (thin-plate spline, degree 1) on
 *       {@code centres} = 2000 and 4000 uniform points in the unit square;</li>
 *   <li>{@code evalThinPlate}: evaluating the 4000-centre interpolant at 1e5 uniform points (one value
 *       column: the fused loop, in parallel within the CPU budget);</li>
 *   <li>{@code evalThinPlateColumns}: the same with {@code columns} value columns (the fused loop with
 *       one dot product per column below {@code RbfEvaluation.GEMM_MIN_COLUMNS} columns, dgemm from
 *       there on).</li>
 * </ul>
 * Data: {@code SplittableRandom(SEED)} points, values {@code sin(6 x) cos(4 y)} (+ column index);
 * queries from {@code SplittableRandom(SEED + 1)}. Average time per operation.
 *
 * <p>Measured on the development machine (AMD EPYC, 2-CPU budget, OpenBLAS 0.3.31 with 2 threads,
 * JDK 17; JMH averages, machine otherwise idle): fit 2000: 65 ms, fit 4000: 387 ms (scipy 1.17.1, best
 * of 3 on the same machine: 157 ms and 1.10 s, so 0.41x and 0.35x); evaluation of 1e5 points at 4000
 * centres: 688 ms (scipy 3.68 s: 5.3x the throughput); with 4 value columns 1.01 s (scipy 4.04 s).
 * Several columns, informally (CPU seconds for 2e4 queries at 4000 centres, fused per-block dot
 * products vs evaluation rows and dgemm): 2 columns 0.30 vs 0.41, 4: 0.36 vs 0.42, 6: 0.43 vs 0.42,
 * 10: 0.58 vs 0.44; hence dgemm from 6 columns on.
 *
 * <pre>java -cp examples/target/interp4j-examples.jar org.openjdk.jmh.Main RbfBenchmark</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g"})
public class RbfBenchmark {
    /** The seed of the data points (queries use SEED + 1). */
    public static final long SEED = 20250601L;

    /** The data of the fit benchmark. */
    @State(Scope.Benchmark)
    public static class FitData {
        /** Number of data points. */
        @Param({"2000", "4000"})
        public int centres;

        double[][] points;
        double[] values;

        /** Generates the data. */
        @Setup(Level.Trial)
        public void setUp() {
            points = uniform2d(centres, SEED);
            values = testValues(points);
        }
    }

    /** The interpolants and queries of the evaluation benchmarks (4000 centres). */
    @State(Scope.Benchmark)
    public static class EvalData {
        /** Number of query points. */
        @Param({"100000"})
        public int queries;

        /** Number of value columns of {@link #evalThinPlateColumns}. */
        @Param({"4"})
        public int columns;

        double[][] query;
        RBFInterpolator fitted;
        RBFInterpolator fittedColumns;

        /** Fits the interpolants and generates the queries. */
        @Setup(Level.Trial)
        public void setUp() {
            double[][] p = uniform2d(4000, SEED);
            double[] v = testValues(p);
            double[][] c = new double[p.length][columns];
            for (int i = 0; i < p.length; i++) {
                for (int j = 0; j < columns; j++) {
                    c[i][j] = v[i] + j;
                }
            }
            fitted = new RBFInterpolator(p, v);
            fittedColumns = RBFInterpolator.builder(p, c).build();
            query = uniform2d(queries, SEED + 1);
        }
    }

    /**
     * Uniform points in the unit square.
     *
     * @param n    how many
     * @param seed the seed
     * @return {@code n x 2}
     */
    static double[][] uniform2d(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] p = new double[n][2];
        for (double[] row : p) {
            row[0] = rnd.nextDouble();
            row[1] = rnd.nextDouble();
        }
        return p;
    }

    /** @return {@code sin(6 x) cos(4 y)} at each point */
    static double[] testValues(double[][] p) {
        double[] v = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            v[i] = Math.sin(6 * p[i][0]) * Math.cos(4 * p[i][1]);
        }
        return v;
    }

    /**
     * @param d the data
     * @return scipy {@code RBFInterpolator(y, d)} on {@code centres} points
     */
    @Benchmark
    public RBFInterpolator fitThinPlate(FitData d) {
        return new RBFInterpolator(d.points, d.values);
    }

    /**
     * @param d the interpolant and queries
     * @return scipy {@code RBFInterpolator(y4000, d)(x)} for {@code queries} points
     */
    @Benchmark
    public double[] evalThinPlate(EvalData d) {
        return d.fitted.values(d.query);
    }

    /**
     * @param d the interpolant and queries
     * @return the same with {@code columns} value columns
     */
    @Benchmark
    public double[][] evalThinPlateColumns(EvalData d) {
        return d.fittedColumns.valuesColumns(d.query);
    }
}
