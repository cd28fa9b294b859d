package io.github.interp4j.examples.bench;

import java.util.concurrent.TimeUnit;

import org.apache.commons.math3.analysis.interpolation.AkimaSplineInterpolator;
import org.apache.commons.math3.analysis.interpolation.LinearInterpolator;
import org.apache.commons.math3.analysis.interpolation.SplineInterpolator;
import org.apache.commons.math3.analysis.polynomials.PolynomialSplineFunction;
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
 * Apache Commons Math 3.6.1 on the same seeded data as {@link Fit1dBenchmark} and {@link Eval1dBenchmark}:
 * {@link LinearInterpolator}, {@link SplineInterpolator} (natural cubic spline) and
 * {@link AkimaSplineInterpolator}; fits at 1e6 knots and evaluation of 1e7 random queries one point at a
 * time ({@code PolynomialSplineFunction.value}, its only evaluation API). Average time per operation.
 *
 * <pre>java -cp examples/target/interp4j-examples.jar org.openjdk.jmh.Main CommonsMath1dBenchmark</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx6g"})
@State(Scope.Benchmark)
public class CommonsMath1dBenchmark {
    /** Number of knots. */
    @Param({"1000000"})
    public int knots;

    /** Number of random queries. */
    @Param({"10000000"})
    public int queries;

    private double[] x;
    private double[] y;
    private double[] q;
    private double[] out;
    private PolynomialSplineFunction linear;
    private PolynomialSplineFunction cubic;
    private PolynomialSplineFunction akima;

    /** Generates the data and fits the three interpolants. */
    @Setup
    public void setUp() {
        x = BenchData.knots(knots, BenchData.SEED);
        y = BenchData.sinOf(x);
        q = BenchData.queries(queries, x[0], x[x.length - 1], BenchData.SEED + 1);
        out = new double[queries];
        linear = new LinearInterpolator().interpolate(x, y);
        cubic = new SplineInterpolator().interpolate(x, y);
        akima = new AkimaSplineInterpolator().interpolate(x, y);
    }

    /** @return a fitted {@link LinearInterpolator} */
    @Benchmark
    public PolynomialSplineFunction fitLinear() {
        return new LinearInterpolator().interpolate(x, y);
    }

    /** @return a fitted {@link SplineInterpolator} (natural cubic spline) */
    @Benchmark
    public PolynomialSplineFunction fitCubic() {
        return new SplineInterpolator().interpolate(x, y);
    }

    /** @return a fitted {@link AkimaSplineInterpolator} */
    @Benchmark
    public PolynomialSplineFunction fitAkima() {
        return new AkimaSplineInterpolator().interpolate(x, y);
    }

    private double[] eval(PolynomialSplineFunction f) {
        for (int i = 0; i < q.length; i++) {
            out[i] = f.value(q[i]);
        }
        return out;
    }

    /** @return the linear interpolant at every query, one at a time */
    @Benchmark
    public double[] evalLinear() {
        return eval(linear);
    }

    /** @return the natural cubic spline at every query, one at a time */
    @Benchmark
    public double[] evalCubic() {
        return eval(cubic);
    }

    /** @return the Akima spline at every query, one at a time */
    @Benchmark
    public double[] evalAkima() {
        return eval(akima);
    }
}
