package io.github.interp4j.examples.bench;

import io.github.interp4j.interpolate.RegularGridInterpolator;
import io.github.interp4j.interpolate.RegularGridInterpolator.Method;
import io.github.interp4j.nativeconfig.NativeConfig;
import io.github.interp4j.nativeconfig.ThreadPolicy;

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
 * {@link RegularGridInterpolator} on a 3-D grid of {@code n^3} points (default 100^3, each axis
 * {@code linspace(0, 1, n)}), values uniform in [-1, 1) from {@link SplittableRandom}({@link #SEED}),
 * query points uniform in [0, 1)^3 from {@code SEED + 1}; the scipy counterparts (same sizes, seeds and
 * distributions, numpy's generator) are in {@code examples/scripts/scipy_bench_rgi.py}:
 * <ul>
 *   <li>{@code linearEval}: multilinear at 1e6 points (scipy {@code rgi.linear.eval});</li>
 *   <li>{@code cubicBuild}: the cubic tensor-product spline's construction alone ({@code rgi.cubic.build.*});</li>
 *   <li>{@code cubicEval}: the cubic spline at 1e5 points ({@code rgi.cubic.eval});</li>
 *   <li>{@code cubicBuildAndEval}: construction plus 1e5 points ({@code rgi.cubic.build_eval.*}).</li>
 * </ul>
 * Once on one thread ({@code policy=sequential}) and once with the default CPU budget
 * ({@code policy=auto}). Average time per operation.
 *
 * <pre>java -cp examples/target/interp4j-examples.jar org.openjdk.jmh.Main RegularGridBenchmark</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx4g"})
@State(Scope.Benchmark)
public class RegularGridBenchmark {
    /** The seed of the values; query points use {@code SEED + 1}. */
    public static final long SEED = 20250311L;

    /** {@code sequential} (one thread) or {@code auto} (the whole CPU budget, the default). */
    @Param({"sequential", "auto"})
    public String policy;

    /** Points per axis. */
    @Param({"100"})
    public int n;

    /** Query points of the linear evaluation. */
    @Param({"1000000"})
    public int linearPoints;

    /** Query points of the cubic evaluation. */
    @Param({"100000"})
    public int cubicPoints;

    private double[][] grid;
    private double[] values;
    private double[][] linearQueries;
    private double[][] cubicQueries;
    private RegularGridInterpolator linear;
    private RegularGridInterpolator cubic;

    /** Sets the thread policy, generates the seeded data and builds the interpolants. */
    @Setup(Level.Trial)
    public void setUp() {
        NativeConfig.setThreadPolicy("sequential".equals(policy) ? ThreadPolicy.sequential() : ThreadPolicy.auto());
        grid = new double[3][n];
        for (int a = 0; a < 3; a++) {
            for (int i = 0; i < n; i++) {
                grid[a][i] = (double) i / (n - 1);
            }
        }
        SplittableRandom rnd = new SplittableRandom(SEED);
        values = new double[n * n * n];
        for (int i = 0; i < values.length; i++) {
            values[i] = 2 * rnd.nextDouble() - 1;
        }
        SplittableRandom q = new SplittableRandom(SEED + 1);
        linearQueries = new double[linearPoints][3];
        for (double[] p : linearQueries) {
            p[0] = q.nextDouble();
            p[1] = q.nextDouble();
            p[2] = q.nextDouble();
        }
        cubicQueries = java.util.Arrays.copyOf(linearQueries, Math.min(cubicPoints, linearPoints));
        linear = new RegularGridInterpolator(grid, values, Method.LINEAR);
        cubic = new RegularGridInterpolator(grid, values, Method.CUBIC);
    }

    /** @return scipy's {@code RegularGridInterpolator(grid, v)(xi)} on 1e6 points */
    @Benchmark
    public double[] linearEval() {
        return linear.values(linearQueries);
    }

    /** @return the cubic spline (exact per-axis banded solves), as scipy's {@code method='cubic'} */
    @Benchmark
    public RegularGridInterpolator cubicBuild() {
        return new RegularGridInterpolator(grid, values, Method.CUBIC);
    }

    /** @return the prebuilt cubic spline at 1e5 points */
    @Benchmark
    public double[] cubicEval() {
        return cubic.values(cubicQueries);
    }

    /** @return construction plus evaluation at 1e5 points */
    @Benchmark
    public double[] cubicBuildAndEval() {
        return new RegularGridInterpolator(grid, values, Method.CUBIC).values(cubicQueries);
    }
}
