package io.github.interp4j.examples.spark;

import io.github.interp4j.interpolate.CubicSpline;
import io.github.interp4j.interpolate.Interpolant1D;
import io.github.interp4j.interpolate.PchipInterpolator;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Job (a): resample irregular time series per key. The readings are grouped by sensor id
 * ({@code groupByKey}), each group's samples are sorted by time, samples at the same time are averaged,
 * one interpolant is fitted per sensor (PCHIP, scipy's {@code PchipInterpolator}, or a not-a-knot cubic
 * spline, {@code CubicSpline}), and it is evaluated on the regular grid {@code k * step} inside the
 * sensor's time span (no extrapolation) in one {@code values(double[])} call ({@code flatMapGroups}, the
 * Java counterpart of pandas' {@code applyInPandas}).
 *
 * <p>Thread-safety: stateless. Cost per sensor: O(n log n) for n readings plus O(g log n) for g grid
 * points.
 */
public final class Resampling {
    /** Grid points one sensor may produce; more is refused before anything is allocated. */
    public static final int MAX_GRID_POINTS = 1 << 24;

    /** The interpolant fitted per sensor. */
    public enum Method {
        /** Shape-preserving piecewise cubic Hermite ({@code PchipInterpolator}): no overshoot. */
        PCHIP,
        /** Not-a-knot cubic spline ({@code CubicSpline}): C2, may overshoot. */
        CUBIC_SPLINE
    }

    private Resampling() {
    }

    /**
     * The Spark job: one output row per sensor and grid time.
     *
     * @param readings the readings (columns sensor, time, value)
     * @param step     the grid spacing, finite and positive
     * @param method   the interpolant per sensor
     * @return the resampled series (lazy; nothing runs until an action)
     * @throws IllegalArgumentException if {@code step} is not finite and positive (at once); a sensor's
     *                                  non-finite reading fails the job with the message of
     *                                  {@link #resampleSeries}
     */
    public static Dataset<Resampled> resample(Dataset<Reading> readings, double step, Method method) {
        requireStep(step);
        return readings
                .groupByKey((MapFunction<Reading, String>) Reading::getSensor, Encoders.STRING())
                .flatMapGroups((FlatMapGroupsFunction<String, Reading, Resampled>)
                        (sensor, group) -> resampleSeries(sensor, group, step, method).iterator(),
                        Encoders.bean(Resampled.class));
    }

    /**
     * One sensor's series on the grid: the same function the Spark job runs per group, usable without
     * Spark. A sensor with fewer than 2 distinct times yields nothing (a single sample has no slope).
     *
     * @param sensor   the sensor id (for the output rows and messages)
     * @param readings the sensor's readings, in any order
     * @param step     the grid spacing, finite and positive
     * @param method   the interpolant
     * @return the rows {@code (sensor, k * step, f(k * step))} for every grid time inside the time span
     * @throws IllegalArgumentException if {@code step} is not finite and positive, a time or value is not
     *                                  finite (the message names the sensor, the reading's index and
     *                                  value), or the grid would exceed {@link #MAX_GRID_POINTS}
     */
    public static List<Resampled> resampleSeries(String sensor, Iterator<Reading> readings, double step,
                                                 Method method) {
        requireStep(step);
        double[] t = new double[16];
        double[] v = new double[16];
        int n = 0;
        while (readings.hasNext()) {
            Reading r = readings.next();
            if (!Double.isFinite(r.getTime()) || !Double.isFinite(r.getValue())) {
                throw new IllegalArgumentException("sensor " + sensor + ": reading " + n + " has time "
                        + r.getTime() + " and value " + r.getValue() + " (both must be finite)");
            }
            if (n == t.length) {
                t = Arrays.copyOf(t, 2 * n);
                v = Arrays.copyOf(v, 2 * n);
            }
            t[n] = r.getTime();
            v[n] = r.getValue();
            n++;
        }
        int distinct = sortAndMerge(t, v, n);
        if (distinct < 2) {
            return List.of();
        }
        double[] x = Arrays.copyOf(t, distinct);
        double[] y = Arrays.copyOf(v, distinct);
        long first = (long) Math.ceil(x[0] / step);
        long last = (long) Math.floor(x[distinct - 1] / step);
        long count = last - first + 1;
        if (count > MAX_GRID_POINTS) {
            throw new IllegalArgumentException("sensor " + sensor + ": " + count + " grid points from "
                    + x[0] + " to " + x[distinct - 1] + " at step " + step + " exceed " + MAX_GRID_POINTS);
        }
        if (count < 1) {
            return List.of();
        }
        double[] grid = new double[(int) count];
        for (int k = 0; k < grid.length; k++) {
            grid[k] = (first + k) * step;
        }
        Interpolant1D f = method == Method.PCHIP ? new PchipInterpolator(x, y) : new CubicSpline(x, y);
        double[] values = f.values(grid);
        List<Resampled> out = new ArrayList<>(grid.length);
        for (int k = 0; k < grid.length; k++) {
            out.add(new Resampled(sensor, grid[k], values[k]));
        }
        return out;
    }

    /** Sorts the first {@code n} pairs by time and averages equal times in place; returns the count left. */
    private static int sortAndMerge(double[] t, double[] v, int n) {
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) {
            sorted = t[i - 1] <= t[i];
        }
        if (!sorted) {
            sortByTime(t, v, n);
        }
        int m = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            double sum = 0;
            while (j < n && t[j] == t[i]) {
                sum += v[j];
                j++;
            }
            double time = t[i];
            v[m] = sum / (j - i);
            t[m] = time;
            m++;
            i = j;
        }
        return m;
    }

    private static void sortByTime(double[] t, double[] v, int n) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(t[a], t[b]));
        double[] ts = new double[n];
        double[] vs = new double[n];
        for (int i = 0; i < n; i++) {
            ts[i] = t[order[i]];
            vs[i] = v[order[i]];
        }
        System.arraycopy(ts, 0, t, 0, n);
        System.arraycopy(vs, 0, v, 0, n);
    }

    private static void requireStep(double step) {
        if (!(step > 0) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("step must be finite and positive, was " + step);
        }
    }
}
