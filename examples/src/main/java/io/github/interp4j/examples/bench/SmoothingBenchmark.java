package io.github.interp4j.examples.bench;

import io.github.interp4j.interpolate.BSpline;
import io.github.interp4j.interpolate.SmoothingSpline;

import java.util.Arrays;
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
 * Smoothing-spline workloads (issue 9), the counterparts of {@code examples/scripts/scipy_bench_smoothing.py}:
 * <ul>
 *   <li>{@code gcvRandom} ({@code n} = 1e4, 1e5, 1e6): {@link BSpline#makeSmoothingSpline(double[], double[])},
 *       lam chosen by GCV, x sorted uniform random on [0, 100] (scipy raises "ill-posed" at 1e5 and 1e6);</li>
 *   <li>{@code gcvEven} (1e5): the same on evenly spaced x;</li>
 *   <li>{@code lamRandom} (1e5, 1e6): lam = 1 given.</li>
 * </ul>
 * Data: y = sin(x / 5) + N(0, 0.1), from {@code SplittableRandom(SEED)} (numpy's {@code default_rng(SEED)} in the
 * script: the same distributions and sizes, different generators). Average time per operation.
 *
 * <pre>java -cp examples/target/interp4j-examples.jar org.openjdk.jmh.Main SmoothingBenchmark</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g"})
public class SmoothingBenchmark {
    /** The seed of the data. */
    public static final long SEED = 20261130L;

    /** Sorted uniform random abscissae on [0, 100]. */
    @State(Scope.Benchmark)
    public static class Random {
        /** Number of points. */
        @Param({"10000", "100000", "1000000"})
        public int n;

        double[] x;
        double[] y;

        /** Generates the data. */
        @Setup(Level.Trial)
        public void setUp() {
            SplittableRandom r = new SplittableRandom(SEED);
            x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = 100.0 * r.nextDouble();
            }
            Arrays.sort(x);
            y = noisySine(x, r);
        }
    }

    /** Evenly spaced abscissae on [0, 100]. */
    @State(Scope.Benchmark)
    public static class Even {
        /** Number of points. */
        @Param({"100000"})
        public int n;

        double[] x;
        double[] y;

        /** Generates the data. */
        @Setup(Level.Trial)
        public void setUp() {
            x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = 100.0 * i / (n - 1);
            }
            y = noisySine(x, new SplittableRandom(SEED));
        }
    }

    static double[] noisySine(double[] x, SplittableRandom r) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.sin(x[i] / 5.0) + 0.1 * gaussian(r);
        }
        return y;
    }

    /** A standard normal deviate (Marsaglia's polar method). */
    static double gaussian(SplittableRandom r) {
        double u;
        double v;
        double s;
        do {
            u = 2 * r.nextDouble() - 1;
            v = 2 * r.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }

    /** @return lam chosen by GCV, random x */
    @Benchmark
    public SmoothingSpline gcvRandom(Random d) {
        return BSpline.makeSmoothingSpline(d.x, d.y);
    }

    /** @return lam chosen by GCV, even x */
    @Benchmark
    public SmoothingSpline gcvEven(Even d) {
        return BSpline.makeSmoothingSpline(d.x, d.y);
    }

    /** @return lam = 1 given, random x */
    @Benchmark
    public SmoothingSpline lamRandom(Random d) {
        return BSpline.makeSmoothingSpline(d.x, d.y, 1.0);
    }
}
