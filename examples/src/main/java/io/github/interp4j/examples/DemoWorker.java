package io.github.interp4j.examples;

import io.github.interp4j.interpolate.RBFInterpolator;
import io.github.interp4j.nativeconfig.NativeConfig;
import io.github.interp4j.nativeconfig.NativeReport;

import java.io.PrintStream;
import java.util.SplittableRandom;

/**
 * The demo's workload, run in a child JVM: repeated thin-plate RBF fits (a dense LAPACK solve through
 * OpenBLAS) plus an evaluation, on seeded 2-D data. Prints one JSON line with the time and the
 * configuration the child ended up with.
 */
final class DemoWorker {
    static final int DEFAULT_POINTS = 1500;
    static final int DEFAULT_FITS = 5;
    static final int DEFAULT_QUERIES = 20_000;

    private DemoWorker() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        int points = DEFAULT_POINTS;
        int fits = DEFAULT_FITS;
        int queries = DEFAULT_QUERIES;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--points":
                    points = Integer.parseInt(args[i + 1]);
                    break;
                case "--fits":
                    fits = Integer.parseInt(args[i + 1]);
                    break;
                case "--queries":
                    queries = Integer.parseInt(args[i + 1]);
                    break;
                default:
                    err.println("unknown option for demo-worker: " + args[i]);
                    return 2;
            }
        }
        NativeReport report = NativeConfig.report(); // loads and sizes OpenBLAS before the clock starts
        SplittableRandom rnd = new SplittableRandom(42);
        double[][] xy = new double[points][2];
        double[] f = new double[points];
        for (int i = 0; i < points; i++) {
            xy[i][0] = rnd.nextDouble();
            xy[i][1] = rnd.nextDouble();
            f[i] = Math.sin(6 * xy[i][0]) * Math.cos(4 * xy[i][1]);
        }
        double[][] q = new double[queries][2];
        for (int i = 0; i < queries; i++) {
            q[i][0] = rnd.nextDouble();
            q[i][1] = rnd.nextDouble();
        }
        // One warm-up fit so JIT compilation is not what the variants differ in.
        double check = new RBFInterpolator(xy, f).value(0.5, 0.5);
        long t0 = System.nanoTime();
        double sum = 0;
        for (int k = 0; k < fits; k++) {
            RBFInterpolator rbf = new RBFInterpolator(xy, f);
            double[] v = rbf.values(q);
            sum += v[k % v.length];
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        out.println("{\"seconds\":" + seconds + ",\"fits\":" + fits + ",\"points\":" + points + ",\"queries\":" + queries
                + ",\"cpuBudget\":" + report.budget().cpus() + ",\"blasThreads\":"
                + NativeConfig.report().blas().threads() + ",\"blasManaged\":" + report.blasManaged()
                + ",\"checksum\":" + (sum + check) + "}");
        return 0;
    }
}
