package io.github.interp4j.examples.bench;

import io.github.interp4j.interpolate.Akima1DInterpolator;
import io.github.interp4j.interpolate.BSpline;
import io.github.interp4j.interpolate.CubicSpline;
import io.github.interp4j.interpolate.Interp1d;
import io.github.interp4j.interpolate.Interpolant1D;
import io.github.interp4j.interpolate.PchipInterpolator;
import io.github.interp4j.nativeconfig.NativeConfig;
import io.github.interp4j.nativeconfig.ThreadPolicy;

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
 * Batch evaluation ({@link Interpolant1D#values(double[], double[])}) of 1e7 seeded random queries over
 * 1e6 knots (1e5 queries for the B-spline), once on one thread ({@code policy=sequential}:
 * {@link ThreadPolicy#sequential()}) and once with the default CPU budget ({@code policy=auto}); the scipy
 * counterparts are the {@code eval.*} workloads of {@code examples/scripts/scipy_bench.py}. Average time
 * per batch.
 *
 * <pre>java -cp examples/target/interp4j-examples.jar org.openjdk.jmh.Main Eval1dBenchmark</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx6g"})
@State(Scope.Benchmark)
public class Eval1dBenchmark {
    /** {@code sequential} (one thread) or {@code auto} (the whole CPU budget, the default). */
    @Param({"sequential", "auto"})
    public String policy;

    /** Number of knots. */
    @Param({"1000000"})
    public int knots;

    /** Number of random queries (the B-spline uses {@link #bsplineQueries}). */
    @Param({"10000000"})
    public int queries;

    /** Number of random queries of the B-spline evaluation. */
    @Param({"100000"})
    public int bsplineQueries;

    private double[] q;
    private double[] qb;
    private double[] out;
    private double[] outB;
    private Interpolant1D linear;
    private Interpolant1D cubic;
    private Interpolant1D pchip;
    private Interpolant1D akima;
    private Interpolant1D bspline3;

    /** Sets the thread policy, generates the data and fits every interpolant. */
    @Setup(Level.Trial)
    public void setUp() {
        NativeConfig.setThreadPolicy("sequential".equals(policy) ? ThreadPolicy.sequential() : ThreadPolicy.auto());
        double[] x = BenchData.knots(knots, BenchData.SEED);
        double[] y = BenchData.sinOf(x);
        q = BenchData.queries(queries, x[0], x[x.length - 1], BenchData.SEED + 1);
        qb = BenchData.queries(bsplineQueries, x[0], x[x.length - 1], BenchData.SEED + 1);
        out = new double[queries];
        outB = new double[bsplineQueries];
        linear = new Interp1d(x, y, Interp1d.Kind.LINEAR, true);
        cubic = new CubicSpline(x, y);
        pchip = new PchipInterpolator(x, y);
        akima = new Akima1DInterpolator(x, y);
        bspline3 = BSpline.makeInterpSpline(x, y, 3);
    }

    /** @return the results of scipy's {@code numpy.interp(q, x, y)} */
    @Benchmark
    public double[] linear() {
        linear.values(q, out);
        return out;
    }

    /** @return the results of scipy's {@code CubicSpline(x, y)(q)} */
    @Benchmark
    public double[] cubic() {
        cubic.values(q, out);
        return out;
    }

    /** @return the results of scipy's {@code PchipInterpolator(x, y)(q)} */
    @Benchmark
    public double[] pchip() {
        pchip.values(q, out);
        return out;
    }

    /** @return the results of scipy's {@code Akima1DInterpolator(x, y)(q)} */
    @Benchmark
    public double[] akima() {
        akima.values(q, out);
        return out;
    }

    /** @return the results of scipy's {@code make_interp_spline(x, y, k=3)(q[:1e5])} */
    @Benchmark
    public double[] bspline3() {
        bspline3.values(qb, outB);
        return outB;
    }
}
