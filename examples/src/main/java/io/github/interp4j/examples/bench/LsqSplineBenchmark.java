package io.github.interp4j.examples.bench;

import io.github.interp4j.interpolate.BSpline;

import java.util.Arrays;
import java.util.SplittableRandom;
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
 * Least-squares and smoothing-condition spline fits on noisy data (issue 9): {@code n} abscissae sorted
 * uniform on [0, 100], {@code y = sin(x / 5) + N(0, 0.1)} (seeded {@link SplittableRandom}; the scipy
 * counterpart {@code examples/scripts/scipy_bench_lsq.py} draws the same distributions from numpy).
 * <ul>
 *   <li>{@link #makeLsqSpline()}: cubic least squares on 200 equally spaced knot values over
 *       {@code [x[0], x[n-1]]} (the ends repeated to multiplicity 4), scipy
 *       {@code make_lsq_spline(x, y, t, k=3)};</li>
 *   <li>{@link #makeSplrep()}: {@code s = 0.02 n}, scipy {@code make_splrep(x, y, k=3, s=0.02*n)}.</li>
 * </ul>
 * Average time per fit.
 *
 * <pre>java -cp examples/target/interp4j-examples.jar org.openjdk.jmh.Main LsqSplineBenchmark</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx6g"})
@State(Scope.Benchmark)
public class LsqSplineBenchmark {
    /** The seed of the abscissae and the noise. */
    public static final long SEED = 20261130L;
    /** The number of distinct knot values of the least-squares fit. */
    public static final int LSQ_KNOTS = 200;

    /** Number of data points (makeSplrep is timed at 1e4 and 1e5 only: {@code -p n=10000,100000}). */
    @Param({"10000", "100000", "1000000"})
    public int n;

    private double[] x;
    private double[] y;
    private double[] t;

    /** Generates the data and the knots. */
    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(SEED);
        x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 100.0 * rnd.nextDouble();
        }
        Arrays.sort(x);
        y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = Math.sin(x[i] / 5) + 0.1 * gaussian(rnd);
        }
        t = new double[LSQ_KNOTS + 6];
        Arrays.fill(t, 0, 3, x[0]);
        for (int i = 0; i < LSQ_KNOTS; i++) {
            t[3 + i] = x[0] + (x[n - 1] - x[0]) * i / (LSQ_KNOTS - 1);
        }
        t[3 + LSQ_KNOTS - 1] = x[n - 1];
        Arrays.fill(t, LSQ_KNOTS + 3, t.length, x[n - 1]);
    }

    private static double gaussian(SplittableRandom r) {
        double u = r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }

    /** @return scipy {@code make_lsq_spline(x, y, t, k=3)} */
    @Benchmark
    public BSpline makeLsqSpline() {
        return BSpline.makeLsqSpline(x, y, t, 3);
    }

    /** @return scipy {@code make_splrep(x, y, k=3, s=0.02 n)} */
    @Benchmark
    public BSpline makeSplrep() {
        return BSpline.makeSplrep(x, y, 3, 0.02 * n);
    }
}
