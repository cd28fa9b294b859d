package io.github.interp4j.examples.spark;

import io.github.interp4j.interpolate.Akima1DInterpolator;
import io.github.interp4j.interpolate.BSpline;
import io.github.interp4j.interpolate.CloughTocher2DInterpolator;
import io.github.interp4j.interpolate.CubicHermiteSpline;
import io.github.interp4j.interpolate.CubicSpline;
import io.github.interp4j.interpolate.Interp1d;
import io.github.interp4j.interpolate.Interpolant1D;
import io.github.interp4j.interpolate.InterpolantND;
import io.github.interp4j.interpolate.LinearNDInterpolator;
import io.github.interp4j.interpolate.NaturalNeighborInterpolator;
import io.github.interp4j.interpolate.NearestNDInterpolator;
import io.github.interp4j.interpolate.PPoly;
import io.github.interp4j.interpolate.PchipInterpolator;
import io.github.interp4j.interpolate.RBFInterpolator;
import io.github.interp4j.interpolate.RegularGridInterpolator;
import io.github.interp4j.nativeconfig.BlasLease;
import io.github.interp4j.nativeconfig.NativeConfig;
import io.github.interp4j.nativeconfig.NativeReport;
import io.github.interp4j.nativeconfig.TaskShare;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both jobs, broadcasting, and the task share, in one {@code local[2]} session (offline, UI off, bound
 * to 127.0.0.1). Small data: the point is what the jobs compute and how tasks are sized, not speed.
 */
class SparkJobsTest {
    private static SparkSession spark;
    private static JavaSparkContext jsc;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start("local[2]", 4);
        jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void resamplingPerSensorEqualsTheInterpolantFittedToEachSeries() {
        List<Reading> readings = new ArrayList<>(SensorData.readings(5, 200, 3));
        // out of order, and two readings at one time (averaged)
        java.util.Collections.shuffle(readings, new java.util.Random(1));
        Reading first = readings.get(0);
        readings.add(new Reading(first.getSensor(), first.getTime(), first.getValue() + 2));
        for (Resampling.Method method : Resampling.Method.values()) {
            // PCHIP through Spark; the cubic spline through the same per-group function without Spark
            List<Resampled> rows = method == Resampling.Method.PCHIP
                    ? Resampling.resample(spark.createDataset(readings, Encoders.bean(Reading.class)), 1.0, method)
                            .collectAsList()
                    : readings.stream().collect(Collectors.groupingBy(Reading::getSensor)).entrySet().stream()
                            .flatMap(g -> Resampling.resampleSeries(g.getKey(), g.getValue().iterator(), 1.0, method)
                                    .stream()).collect(Collectors.toList());
            Map<String, List<Resampled>> bySensor = rows.stream().collect(Collectors.groupingBy(Resampled::getSensor,
                    LinkedHashMap::new, Collectors.toList()));
            assertEquals(5, bySensor.size());
            for (Map.Entry<String, List<Resampled>> e : bySensor.entrySet()) {
                List<Reading> series = readings.stream().filter(r -> r.getSensor().equals(e.getKey()))
                        .sorted(Comparator.comparingDouble(Reading::getTime)).collect(Collectors.toList());
                double[] x = series.stream().mapToDouble(Reading::getTime).distinct().toArray();
                double[] y = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    double t = x[i];
                    y[i] = series.stream().filter(r -> r.getTime() == t).mapToDouble(Reading::getValue).average()
                            .orElseThrow();
                }
                Interpolant1D f = method == Resampling.Method.PCHIP ? new PchipInterpolator(x, y)
                        : new CubicSpline(x, y);
                List<Resampled> got = e.getValue().stream().sorted(Comparator.comparingDouble(Resampled::getTime))
                        .collect(Collectors.toList());
                assertEquals((long) Math.floor(x[x.length - 1]) - (long) Math.ceil(x[0]) + 1, got.size(),
                        "every grid time inside the span, no extrapolation");
                for (int k = 0; k < got.size(); k++) {
                    double t = Math.ceil(x[0]) + k;
                    assertEquals(t, got.get(k).getTime());
                    assertEquals(f.value(t), got.get(k).getValue(), 0.0, e.getKey() + " at " + t);
                }
            }
        }
    }

    @Test
    void aNonFiniteReadingFailsTheJobNamingSensorAndReading() {
        List<Reading> readings = new ArrayList<>(SensorData.readings(1, 10, 3));
        readings.set(4, new Reading("sensor-0000", readings.get(4).getTime(), Double.NaN));
        Dataset<Resampled> job = Resampling.resample(spark.createDataset(readings, Encoders.bean(Reading.class)), 1.0,
                Resampling.Method.PCHIP);
        SparkException e = assertThrows(SparkException.class, job::collectAsList);
        String message = String.valueOf(rootCause(e).getMessage());
        assertTrue(message.contains("sensor-0000") && message.contains("NaN"), message);
        assertThrows(IllegalArgumentException.class, () -> Resampling.resample(
                spark.createDataset(readings, Encoders.bean(Reading.class)), 0.0, Resampling.Method.PCHIP));
    }

    @Test
    void broadcastEvaluationInBatchesEqualsTheDriverPointByPoint() {
        InterpolantND f = Surface.fit(Surface.Kind.RBF, 60, 7);
        Broadcast<InterpolantND> bc = jsc.broadcast(f);
        int n = 5_003;
        // batches of 1000: several per partition, the last one short
        List<Row> rows = BroadcastEvaluation.evaluate(QueryPoints.column(spark, n, 3), bc, 1000).collectAsList();
        assertEquals(n, rows.size());
        double[] flat = new double[2 * n];
        QueryPoints.coordinates(0, n, flat);
        double sum = 0;
        for (Row r : rows) {
            sum += r.getDouble(3);
            long id = r.getLong(2);
            assertEquals(flat[(int) (2 * id)], r.getDouble(0), 0.0, "x of point " + id);
            assertEquals(flat[(int) (2 * id + 1)], r.getDouble(1), 0.0, "y of point " + id);
            assertEquals(f.value(r.getDouble(0), r.getDouble(1)), r.getDouble(3), 0.0, "value of point " + id);
        }
        double javaSum = Throughput.evaluateInJava(f, n, 1000);
        assertEquals(javaSum, sum, 1e-12 * Math.abs(javaSum), "the benchmark's plain-Java path sums the same values");
        bc.destroy();
    }

    @Test
    void everyInterpolantIsBroadcastAndEvaluatesInTasksAsOnTheDriver() throws Exception {
        SplittableRandom rnd = new SplittableRandom(11);
        double[] x = {0, 0.7, 1.5, 2.0, 3.1, 4.0, 5.2};
        double[] y = {1, 0.2, -0.5, 0.3, 2.0, 1.1, 0.0};
        double[] dydx = {0, 1, -1, 0.5, 0.2, -0.3, 0};
        double[][] pts = new double[40][];
        double[] vals = new double[40];
        for (int i = 0; i < pts.length; i++) {
            pts[i] = new double[] {rnd.nextDouble(), rnd.nextDouble()};
            vals[i] = Surface.f(pts[i][0], pts[i][1]);
        }
        double[][] grid = {{0, 0.5, 1, 1.5}, {0, 1, 2, 3, 4}};
        double[] gridValues = new double[20];
        for (int i = 0; i < 20; i++) {
            gridValues[i] = Math.sin(i);
        }
        double[] q1 = {0.1, 0.9, 2.5, 3.3, 4.9};
        double[][] q2 = {{0.2, 0.3}, {0.5, 0.5}, {0.81, 0.12}, {0.4, 0.95}};
        double[][] qGrid = {{0.1, 0.2}, {1.2, 3.7}, {0.75, 2.5}};
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("CubicSpline", new CubicSpline(x, y));
        all.put("PchipInterpolator", new PchipInterpolator(x, y));
        all.put("Akima1DInterpolator", new Akima1DInterpolator(x, y, Akima1DInterpolator.Method.MAKIMA));
        all.put("CubicHermiteSpline", new CubicHermiteSpline(x, y, dydx));
        all.put("BSpline", BSpline.makeInterpSpline(x, y, 3));
        all.put("Interp1d", new Interp1d(x, y, Interp1d.Kind.QUADRATIC));
        all.put("PPoly", new PPoly(new double[][] {{1, 2}, {0, -1}, {3, 4}}, new double[] {0, 1, 2}));
        all.put("RBFInterpolator", new RBFInterpolator(pts, vals));
        all.put("LinearNDInterpolator", new LinearNDInterpolator(pts, vals));
        all.put("CloughTocher2DInterpolator", new CloughTocher2DInterpolator(pts, vals));
        all.put("NearestNDInterpolator", new NearestNDInterpolator(pts, vals));
        all.put("NaturalNeighborInterpolator", new NaturalNeighborInterpolator(pts, vals));
        all.put("RegularGridInterpolator", new RegularGridInterpolator(grid, gridValues,
                RegularGridInterpolator.Method.CUBIC));
        List<Function<Object, double[]>> evals = new ArrayList<>();
        List<Broadcast<Object>> broadcasts = new ArrayList<>();
        for (Map.Entry<String, Object> e : all.entrySet()) {
            Object f = e.getValue();
            Function<Object, double[]> eval;
            if (f instanceof Interpolant1D) {
                eval = g -> ((Interpolant1D) g).values(q1.clone());
            } else if (f instanceof PPoly) {
                eval = g -> {
                    double[] out = new double[q1.length];
                    for (int i = 0; i < q1.length; i++) {
                        out[i] = ((PPoly) g).value(q1[i] / 3);
                    }
                    return out;
                };
            } else if (f instanceof RegularGridInterpolator) {
                eval = g -> ((InterpolantND) g).values(qGrid);
            } else {
                eval = g -> ((InterpolantND) g).values(q2);
            }
            evals.add(eval);
            broadcasts.add(jsc.broadcast(f));
        }
        // one job: each task reads every broadcast (deserialised on the executor side) and evaluates it
        List<List<double[]>> fromTasks = jsc.parallelize(List.of(0, 1, 2, 3), 2).map(i -> {
            List<double[]> out = new ArrayList<>();
            for (int k = 0; k < broadcasts.size(); k++) {
                out.add(evals.get(k).call(broadcasts.get(k).value()));
            }
            return out;
        }).collect();
        List<String> names = new ArrayList<>(all.keySet());
        for (List<double[]> task : fromTasks) {
            for (int k = 0; k < names.size(); k++) {
                assertArrayEquals(evals.get(k).call(all.get(names.get(k))), task.get(k), 0.0,
                        names.get(k) + " in a task");
            }
        }
        broadcasts.forEach(Broadcast::destroy);
    }

    @Test
    void tasksRunTheirBlasCallsWithTheirShare() throws Exception {
        assertTrue(NativeConfig.taskShare().isEmpty(), "the test thread runs no task");
        List<String> seen = jsc.parallelize(List.of(0, 1, 2, 3), 4).map(i -> {
            TaskShare share = NativeConfig.taskShare().orElseThrow();
            NativeReport report = NativeConfig.report();
            int lease;
            int openBlas;
            try (BlasLease l = NativeConfig.blas()) {
                lease = l.threads();
                openBlas = NativeConfig.report().blas().threads(); // openblas_get_num_threads() now
            }
            // an RBF fit solves through LAPACK inside a lease of the task's share
            Surface.fit(Surface.Kind.RBF, 30, i);
            return share.taskCpus() + " " + share.threads() + " " + share.source() + " " + lease + " " + openBlas
                    + " " + report.taskShare().map(TaskShare::source).orElse(null);
        }).collect();
        for (String s : seen) {
            assertEquals("1 1 TASK_CPUS 1 1 TASK_CPUS", s,
                    "TaskContext.cpus() = 1 in local mode: every task's BLAS call runs on 1 thread");
        }
        assertFalse(NativeConfig.report().taskShare().isPresent(), "outside a task the report has no task");
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
