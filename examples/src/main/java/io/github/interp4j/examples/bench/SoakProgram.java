package io.github.interp4j.examples.bench;

import io.github.interp4j.interpolate.Akima1DInterpolator;
import io.github.interp4j.interpolate.BSpline;
import io.github.interp4j.interpolate.CloughTocher2DInterpolator;
import io.github.interp4j.interpolate.CubicSpline;
import io.github.interp4j.interpolate.Interp1d;
import io.github.interp4j.interpolate.LinearNDInterpolator;
import io.github.interp4j.interpolate.NaturalNeighborInterpolator;
import io.github.interp4j.interpolate.NearestNDInterpolator;
import io.github.interp4j.interpolate.PPoly;
import io.github.interp4j.interpolate.PchipInterpolator;
import io.github.interp4j.interpolate.RBFInterpolator;
import io.github.interp4j.interpolate.RegularGridInterpolator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Soak of fit/evaluate cycles (issue 11, item 6; not run in CI): every cycle fits and evaluates each family
 * once - the 1-D fits, a regular grid, the scattered interpolants and an RBF fit of 300 points (LAPACK in
 * native memory, freed per fit) plus a 500-point batch evaluation - and every {@code every} cycles records the
 * resident set size ({@code VmRSS} of {@code /proc/self/status}) and the heap in use after a GC. At the end it
 * checks that resident memory has stopped growing: the growth over the second half of the run must be below
 * both 5% of the resident size at half time and 16 MB, since native leaks (an unfreed workspace, a JavaCPP
 * pointer per fit) grow linearly with the cycle count.
 *
 * <p>Run with a fixed, pre-touched heap, so that the Java heap is resident from the start and growth of
 * {@code VmRSS} is native memory (otherwise the collector's heap expansion shows up as RSS spikes):
 * {@code java -Xms128m -Xmx128m -XX:+AlwaysPreTouch -cp examples/target/interp4j-examples.jar
 * io.github.interp4j.examples.bench.SoakProgram [cycles=3000] [every=500]}; prints one line per sample and
 * exits 1 if resident memory keeps growing.
 */
public final class SoakProgram {
    private SoakProgram() {}

    /** @return VmRSS in kB, or -1 where /proc is not available */
    static long residentKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** One fit/evaluate cycle over every family; returns a checksum so nothing is optimised away. */
    static double cycle(Random rnd) {
        double sum = 0.0;
        int n = 100;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 0.5 * rnd.nextDouble();
            y[i] = Math.sin(0.1 * x[i]) + 0.01 * rnd.nextGaussian();
        }
        double[] q = new double[300];
        for (int i = 0; i < q.length; i++) {
            q[i] = x[0] + (x[n - 1] - x[0]) * rnd.nextDouble();
        }
        sum += new CubicSpline(x, y).values(q)[7];
        sum += new PchipInterpolator(x, y).values(q)[7];
        sum += new Akima1DInterpolator(x, y).values(q)[7];
        sum += BSpline.makeInterpSpline(x, y, 5).values(q)[7];
        sum += new Interp1d(x, y, Interp1d.Kind.QUADRATIC).values(q)[7];
        PPoly pp = new CubicSpline(x, y).toPPoly();
        sum += pp.antiderivative(2).derivative(1).values(q)[7] + pp.roots().length;

        double[] g = new double[20];
        for (int i = 0; i < g.length; i++) {
            g[i] = i;
        }
        double[] v = new double[g.length * g.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.cos(0.01 * i) + 0.01 * rnd.nextGaussian();
        }
        double[][] gq = new double[200][2];
        for (double[] row : gq) {
            row[0] = 19 * rnd.nextDouble();
            row[1] = 19 * rnd.nextDouble();
        }
        sum += new RegularGridInterpolator(new double[][] {g, g}, v, RegularGridInterpolator.Method.CUBIC)
                .values(gq)[3];

        int m = 150;
        double[][] p = new double[m][2];
        double[] pv = new double[m];
        for (int i = 0; i < m; i++) {
            p[i][0] = rnd.nextDouble();
            p[i][1] = rnd.nextDouble();
            pv[i] = Math.sin(3 * p[i][0]) * Math.cos(2 * p[i][1]);
        }
        double[][] sq = new double[200][2];
        for (double[] row : sq) {
            row[0] = 0.1 + 0.8 * rnd.nextDouble();
            row[1] = 0.1 + 0.8 * rnd.nextDouble();
        }
        sum += new LinearNDInterpolator(p, pv).values(sq)[3];
        sum += new CloughTocher2DInterpolator(p, pv).values(sq)[3];
        sum += new NaturalNeighborInterpolator(p, pv).values(sq)[3];
        sum += new NearestNDInterpolator(p, pv).values(sq)[3];

        int r = 300;
        double[][] rp = new double[r][2];
        double[] rv = new double[r];
        for (int i = 0; i < r; i++) {
            rp[i][0] = rnd.nextDouble();
            rp[i][1] = rnd.nextDouble();
            rv[i] = Math.exp(-rp[i][0]) * Math.sin(4 * rp[i][1]);
        }
        double[][] rq = new double[500][2];
        for (double[] row : rq) {
            row[0] = rnd.nextDouble();
            row[1] = rnd.nextDouble();
        }
        sum += new RBFInterpolator(rp, rv).values(rq)[11];
        return sum;
    }

    /**
     * @param args {@code [cycles] [every]}
     */
    public static void main(String[] args) {
        int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int every = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        Random rnd = new Random(11);
        List<long[]> samples = new ArrayList<>();
        double checksum = 0.0;
        long t0 = System.nanoTime();
        for (int c = 1; c <= cycles; c++) {
            double v = cycle(rnd);
            checksum += v == v ? v : 0.0; // NaN: a scattered query outside the hull got the fill value
            if (c % every == 0 || c == 1) {
                System.gc();
                Runtime rt = Runtime.getRuntime();
                long heapKb = (rt.totalMemory() - rt.freeMemory()) / 1024;
                long rss = residentKb();
                samples.add(new long[] {c, rss, heapKb});
                System.out.printf("cycle %6d  VmRSS %8d kB  heap used %8d kB  heap committed %8d kB  %6.1f s%n", c,
                        rss, heapKb, rt.totalMemory() / 1024, (System.nanoTime() - t0) / 1e9);
            }
        }
        System.out.printf("checksum %.6f%n", checksum);
        long[] mid = samples.get(samples.size() / 2);
        long[] last = samples.get(samples.size() - 1);
        long growth = last[1] - mid[1];
        boolean stopped = growth < Math.max(1, mid[1] / 20) && growth < 16 * 1024;
        System.out.printf("resident growth over the second half (cycles %d..%d): %d kB -> %s%n", mid[0], last[0],
                growth, stopped ? "stopped growing" : "STILL GROWING");
        if (!stopped) {
            System.exit(1);
        }
    }
}
