package io.github.interp4j.interpolate.internal.linalg;

import io.github.interp4j.nativeconfig.BlasLease;
import io.github.interp4j.nativeconfig.NativeConfig;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.openblas.global.openblas;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The fits' linear systems: the Java solvers (tridiagonal with partial pivoting for CubicSpline; banded
 * LU for makeInterpSpline, kl = ku = 3 as for k = 3 not-a-knot) against LAPACK {@code dgtsv} /
 * {@code dgbsv} through {@link NativeConfig#blas()}, from Java arrays (copied across JNI on every call)
 * and from off-heap memory. Each invocation copies the inputs first in every variant (the solvers
 * overwrite them), so the copy cost is part of every score.
 *
 * <p>It measures core internals, so it lives in core's test tree (JMH is a test-scoped dependency of
 * core, its annotation processor runs on the test sources); {@code mvn verify} compiles it but never runs
 * it (its name is not a test name). Run it, with JMH's forks, from the repository root:
 * <pre>
 * mvn -B -o -q -pl core -am test-compile
 * mvn -B -o -q -pl core org.codehaus.mojo:exec-maven-plugin:3.5.0:exec -Dexec.executable=java \
 *     -Dexec.classpathScope=test \
 *     "-Dexec.args=-cp %classpath io.github.interp4j.interpolate.internal.linalg.SolverBenchmark"
 * </pre>
 * (arguments after the class name are JMH's: e.g. {@code -p n=1000 -f 1}; without any, the annotations'
 * settings apply.) Without the exec plugin (offline), the same with {@code java} and the test classpath:
 * <pre>
 * java -cp core/target/test-classes:core/target/classes:native-config/target/classes:&lt;jmh-core,
 *     jopt-simple, commons-math3, javacpp, openblas (+ platform jars), slf4j-api&gt; \
 *     io.github.interp4j.interpolate.internal.linalg.SolverBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g"})
@State(Scope.Benchmark)
public class SolverBenchmark {
    /** The seed of the systems (the examples' benchmark seed). */
    private static final long SEED = 20240917L;
    private static final int KL = 3;
    private static final int KU = 3;

    /** System order. */
    @Param({"1000", "100000", "1000000"})
    public int n;

    private double[] lower;
    private double[] diag;
    private double[] upper;
    private double[] rhs;
    private double[] wl;
    private double[] wd;
    private double[] wu;
    private double[] wr;
    private double[] band;
    private double[] bandWork;
    private double[] lapackBand;
    private double[] lapackBandWork;
    private int[] ipiv;
    private DoublePointer pl;
    private DoublePointer pd;
    private DoublePointer pu;
    private DoublePointer pr;
    private DoublePointer pBand;
    private IntPointer pPiv;

    /** Seeded, spline-like systems. */
    @Setup(Level.Trial)
    public void setUp() {
        // Off-heap buffers need JavaCPP's natives: load and size OpenBLAS through the entry point first.
        NativeConfig.blas().close();
        SplittableRandom r = new SplittableRandom(SEED);
        lower = new double[n - 1];
        diag = new double[n];
        upper = new double[n - 1];
        rhs = new double[n];
        for (int i = 0; i < n; i++) {
            diag[i] = 2 + r.nextDouble();
            rhs[i] = r.nextDouble();
            if (i < n - 1) {
                lower[i] = r.nextDouble();
                upper[i] = r.nextDouble();
            }
        }
        wl = new double[n - 1];
        wd = new double[n];
        wu = new double[n - 1];
        wr = new double[n];
        int w = BandedLU.width(KL, KU);
        band = new double[n * w];
        lapackBand = new double[n * w];
        for (int i = 0; i < n; i++) {
            for (int j = Math.max(0, i - KL); j <= Math.min(n - 1, i + KU); j++) {
                double v = r.nextDouble() + (i == j ? 3 : 0);
                band[i * w + (j - i + KL)] = v;
                lapackBand[j * w + (KL + KU + i - j)] = v;
            }
        }
        bandWork = new double[band.length];
        lapackBandWork = new double[band.length];
        ipiv = new int[n];
        pl = new DoublePointer(n - 1);
        pd = new DoublePointer(n);
        pu = new DoublePointer(n - 1);
        pr = new DoublePointer(n);
        pBand = new DoublePointer(band.length);
        pPiv = new IntPointer(n);
    }

    /** Frees the off-heap buffers. */
    @TearDown(Level.Trial)
    public void tearDown() {
        pl.close();
        pd.close();
        pu.close();
        pr.close();
        pBand.close();
        pPiv.close();
    }

    private void copyTridiagonal() {
        System.arraycopy(lower, 0, wl, 0, n - 1);
        System.arraycopy(diag, 0, wd, 0, n);
        System.arraycopy(upper, 0, wu, 0, n - 1);
        System.arraycopy(rhs, 0, wr, 0, n);
    }

    /** @return the solution by the Java tridiagonal solver */
    @Benchmark
    public double[] tridiagonalJava() {
        copyTridiagonal();
        TridiagonalSolver.defaultSolver().solve(wl, wd, wu, wr, n, 1);
        return wr;
    }

    /** @return the solution by LAPACK dgtsv from Java arrays */
    @Benchmark
    @SuppressWarnings("try") // the lease is a scope guard: it holds the CPU budget for the call
    public double[] tridiagonalLapackArrays() {
        copyTridiagonal();
        try (BlasLease lease = NativeConfig.blas()) {
            openblas.LAPACKE_dgtsv(openblas.LAPACK_COL_MAJOR, n, 1, wl, wd, wu, wr, n);
        }
        return wr;
    }

    /** @return the solution by LAPACK dgtsv from off-heap memory */
    @Benchmark
    @SuppressWarnings("try") // the lease is a scope guard: it holds the CPU budget for the call
    public DoublePointer tridiagonalLapackOffHeap() {
        pl.put(lower);
        pd.put(diag);
        pu.put(upper);
        pr.put(rhs);
        try (BlasLease lease = NativeConfig.blas()) {
            openblas.LAPACKE_dgtsv(openblas.LAPACK_COL_MAJOR, n, 1, pl, pd, pu, pr, n);
        }
        return pr;
    }

    /** @return the solution by the Java banded LU (kl = ku = 3) */
    @Benchmark
    public double[] bandedJava() {
        System.arraycopy(band, 0, bandWork, 0, band.length);
        System.arraycopy(rhs, 0, wr, 0, n);
        BandedLU.solveInPlace(n, KL, KU, bandWork, wr, 1);
        return wr;
    }

    /** @return the solution by LAPACK dgbsv from Java arrays */
    @Benchmark
    @SuppressWarnings("try") // the lease is a scope guard: it holds the CPU budget for the call
    public double[] bandedLapackArrays() {
        System.arraycopy(lapackBand, 0, lapackBandWork, 0, band.length);
        System.arraycopy(rhs, 0, wr, 0, n);
        try (BlasLease lease = NativeConfig.blas()) {
            openblas.LAPACKE_dgbsv(openblas.LAPACK_COL_MAJOR, n, KL, KU, 1, lapackBandWork, BandedLU.width(KL, KU),
                    ipiv, wr, n);
        }
        return wr;
    }

    /** @return the solution by LAPACK dgbsv from off-heap memory */
    @Benchmark
    @SuppressWarnings("try") // the lease is a scope guard: it holds the CPU budget for the call
    public DoublePointer bandedLapackOffHeap() {
        pBand.put(lapackBand);
        pr.put(rhs);
        try (BlasLease lease = NativeConfig.blas()) {
            openblas.LAPACKE_dgbsv(openblas.LAPACK_COL_MAJOR, n, KL, KU, 1, pBand, BandedLU.width(KL, KU), pPiv, pr,
                    n);
        }
        return pr;
    }

    /**
     * Runs this benchmark with JMH (forked JVMs, the annotations' settings) and prints JMH's report.
     *
     * @param args JMH command-line options (optional), e.g. {@code -p n=1000}
     * @throws RunnerException if JMH fails
     * @throws org.openjdk.jmh.runner.options.CommandLineOptionException if the options are malformed
     */
    public static void main(String[] args) throws RunnerException,
            org.openjdk.jmh.runner.options.CommandLineOptionException {
        Options cli = new org.openjdk.jmh.runner.options.CommandLineOptions(args);
        Options opt = new OptionsBuilder().parent(cli).include(SolverBenchmark.class.getName() + "\\.").build();
        new Runner(opt).run();
    }
}
