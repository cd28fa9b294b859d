package io.github.interp4j.examples.bench;

import io.github.interp4j.interpolate.Akima1DInterpolator;
import io.github.interp4j.interpolate.BSpline;
import io.github.interp4j.interpolate.CubicSpline;
import io.github.interp4j.interpolate.Interp1d;
import io.github.interp4j.interpolate.PchipInterpolator;

import java.util.concurrent.TimeUnit;

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

/**
 * Fitting 1-D interpolants at 1e6 seeded knots ({@link BenchData}); the scipy counterparts are the
 * {@code fit.*} workloads of {@code examples/scripts/scipy_bench.py}. Average time per fit.
 *
 * <pre>java -cp examples/target/interp4j-examples.jar org.openjdk.jmh.Main Fit1dBenchmark</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx6g"})
@State(Scope.Benchmark)
public class Fit1dBenchmark {
    /** Number of knots (override with {@code -p knots=...} for a quick run). */
    @Param({"1000000"})
    public int knots;

    private double[] x;
    private double[] y;

    /** Generates the data. */
    @Setup
    public void setUp() {
        x = BenchData.knots(knots, BenchData.SEED);
        y = BenchData.sinOf(x);
    }

    /** @return scipy {@code interp1d(x, y, assume_sorted=True)} */
    @Benchmark
    public Interp1d linear() {
        return new Interp1d(x, y, Interp1d.Kind.LINEAR, true);
    }

    /** @return scipy {@code CubicSpline(x, y)} (not-a-knot) */
    @Benchmark
    public CubicSpline cubic() {
        return new CubicSpline(x, y);
    }

    /** @return scipy {@code PchipInterpolator(x, y)} */
    @Benchmark
    public PchipInterpolator pchip() {
        return new PchipInterpolator(x, y);
    }

    /** @return scipy {@code Akima1DInterpolator(x, y)} */
    @Benchmark
    public Akima1DInterpolator akima() {
        return new Akima1DInterpolator(x, y);
    }

    /** @return scipy {@code make_interp_spline(x, y, k=3)} */
    @Benchmark
    public BSpline bspline3() {
        return BSpline.makeInterpSpline(x, y, 3);
    }
}
