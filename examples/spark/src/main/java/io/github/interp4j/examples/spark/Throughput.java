package io.github.interp4j.examples.spark;

import io.github.interp4j.interpolate.InterpolantND;
import io.github.interp4j.nativeconfig.NativeConfig;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Rows per second through Spark {@code local[n]} against plain Java on the same data and the same CPU
 * budget, and the fraction of the plain-Java rate that Spark keeps. Plain Java: job (a) groups the
 * readings in a {@code HashMap} and resamples the sensors on a fixed pool of budget-many threads; job (b)
 * evaluates the same batches with the interpolant's own parallel {@code values(double[])}, which takes
 * its threads from the budget. Each measurement is the median of {@code repeats} runs after one warm-up.
 *
 * <p>Run from the repository root: {@code mvn -q -B -pl examples/spark -am package exec:exec -DskipTests
 * -Dspark.example="bench"} (options key=value: points, rbfSites, linearSites, sensors, perSensor, batch,
 * partitions, repeats, master).
 */
public final class Throughput {
    /** Defaults: 1e7 query points, as the issue asks. */
    static final Map<String, String> DEFAULTS = Map.of("points", "10000000", "rbfSites", "100",
            "linearSites", "2000", "sensors", "400", "perSensor", "5000", "batch", "65536", "partitions", "8",
            "repeats", "3", "master", "local[2]");

    /**
     * One measured job.
     *
     * @param job          the job's name
     * @param rows         output rows per run
     * @param sparkSeconds median seconds through Spark
     * @param javaSeconds  median seconds in plain Java
     * @param agreement    the largest relative difference of the checksums (Spark vs Java)
     */
    record Result(String job, long rows, double sparkSeconds, double javaSeconds, double agreement) {
        double sparkRate() {
            return rows / sparkSeconds;
        }

        double javaRate() {
            return rows / javaSeconds;
        }
    }

    private Throughput() {
    }

    /**
     * @param args {@code key=value} options (see the class comment)
     * @throws Exception if a job fails
     */
    public static void main(String[] args) throws Exception {
        run(new Options(args, 0, DEFAULTS));
    }

    static void run(Options o) throws Exception {
        SparkSession spark = LocalSpark.start(o.string("master"), o.positiveInt("partitions"));
        try {
            List<Result> results = measure(spark, o);
            System.out.println(table(results, o, NativeConfig.cpuBudget().cpus()));
        } finally {
            spark.stop();
        }
    }

    static List<Result> measure(SparkSession spark, Options o) throws Exception {
        int repeats = o.positiveInt("repeats");
        List<Result> out = new ArrayList<>();
        out.add(resampling(spark, o.positiveInt("sensors"), o.positiveInt("perSensor"), o.positiveInt("partitions"),
                repeats));
        long points = o.positiveLong("points");
        out.add(broadcast(spark, Surface.Kind.RBF, o.positiveInt("rbfSites"), points, o.positiveInt("batch"),
                o.positiveInt("partitions"), repeats));
        out.add(broadcast(spark, Surface.Kind.LINEAR, o.positiveInt("linearSites"), points, o.positiveInt("batch"),
                o.positiveInt("partitions"), repeats));
        return out;
    }

    static Result resampling(SparkSession spark, int sensors, int perSensor, int partitions, int repeats)
            throws Exception {
        List<Reading> readings = SensorData.readings(sensors, perSensor, 42);
        Dataset<Reading> ds = spark.createDataset(readings, Encoders.bean(Reading.class)).repartition(partitions)
                .cache();
        ds.count();
        int budget = NativeConfig.cpuBudget().cpus();
        ExecutorService pool = Executors.newFixedThreadPool(budget);
        try {
            long[] sparkRows = new long[1];
            double sparkSeconds = median(repeats, () -> sparkRows[0] = Resampling.resample(ds, 1.0,
                    Resampling.Method.PCHIP).count());
            long[] javaRows = new long[1];
            double javaSeconds = median(repeats, () -> javaRows[0] = resampleInJava(readings, pool));
            if (sparkRows[0] != javaRows[0]) {
                throw new IllegalStateException("Spark resampled " + sparkRows[0] + " rows, Java " + javaRows[0]);
            }
            return new Result("(a) PCHIP resampling, " + sensors + " sensors x " + perSensor + " readings",
                    javaRows[0], sparkSeconds, javaSeconds, 0);
        } finally {
            pool.shutdown();
            ds.unpersist();
        }
    }

    static long resampleInJava(List<Reading> readings, ExecutorService pool)
            throws InterruptedException, ExecutionException {
        Map<String, List<Reading>> groups = new HashMap<>();
        for (Reading r : readings) {
            groups.computeIfAbsent(r.getSensor(), k -> new ArrayList<>()).add(r);
        }
        List<Future<Integer>> parts = new ArrayList<>();
        for (Map.Entry<String, List<Reading>> e : groups.entrySet()) {
            parts.add(pool.submit(() -> Resampling.resampleSeries(e.getKey(), e.getValue().iterator(), 1.0,
                    Resampling.Method.PCHIP).size()));
        }
        long rows = 0;
        for (Future<Integer> f : parts) {
            rows += f.get();
        }
        return rows;
    }

    static Result broadcast(SparkSession spark, Surface.Kind kind, int sites, long points, int batch,
                            int partitions, int repeats) throws Exception {
        InterpolantND f = Surface.fit(kind, sites, 7);
        Broadcast<InterpolantND> bc = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(f);
        double[] sums = new double[2];
        double sparkSeconds = median(repeats, () -> {
            Row r = BroadcastEvaluation.evaluate(QueryPoints.column(spark, points, partitions), bc, batch)
                    .agg(functions.sum(BroadcastEvaluation.VALUE), functions.count("*")).first();
            if (r.getLong(1) != points) {
                throw new IllegalStateException("Spark evaluated " + r.getLong(1) + " of " + points + " points");
            }
            sums[0] = r.getDouble(0);
            return r.getLong(1);
        });
        double javaSeconds = median(repeats, () -> {
            sums[1] = evaluateInJava(f, points, batch);
            return points;
        });
        bc.destroy();
        double agreement = Math.abs(sums[0] - sums[1]) / Math.max(1e-300, Math.abs(sums[1]));
        return new Result("(b) broadcast " + (kind == Surface.Kind.RBF ? "RBFInterpolator" : "LinearNDInterpolator")
                + ", " + sites + " sites, batches of " + batch, points, sparkSeconds, javaSeconds, agreement);
    }

    /** The same points and batches as the Spark job; returns the sum of the values. */
    static double evaluateInJava(InterpolantND f, long points, int batch) {
        double[] flat = new double[2 * batch];
        double sum = 0;
        for (long from = 0; from < points; from += batch) {
            int count = (int) Math.min(batch, points - from);
            QueryPoints.coordinates(from, count, flat);
            double[] v = f.values(count == batch ? flat : Arrays.copyOf(flat, 2 * count));
            for (double x : v) {
                sum += x;
            }
        }
        return sum;
    }

    /** A run that returns its row count. */
    @FunctionalInterface
    interface Run {
        long run() throws Exception;
    }

    /** One warm-up, then the median of {@code repeats} timed runs, in seconds. */
    static double median(int repeats, Run run) throws Exception {
        run.run();
        double[] t = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            run.run();
            t[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(t);
        return repeats % 2 == 1 ? t[repeats / 2] : (t[repeats / 2 - 1] + t[repeats / 2]) / 2;
    }

    static String table(List<Result> results, Options o, int budget) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "master %s, CPU budget %d, %s partitions, median of %s runs after a warm-up%n%n",
                o.string("master"), budget, o.string("partitions"), o.string("repeats")));
        sb.append("| job | rows | Spark rows/s | plain Java rows/s | Spark keeps |\n|---|---|---|---|---|\n");
        for (Result r : results) {
            sb.append(String.format(Locale.ROOT, "| %s | %,d | %,.0f | %,.0f | %.0f%% |%n", r.job(), r.rows(),
                    r.sparkRate(), r.javaRate(), 100 * r.sparkRate() / r.javaRate()));
        }
        for (Result r : results) {
            if (r.agreement() > 1e-9) {
                sb.append("checksum of ").append(r.job()).append(" differs by ").append(r.agreement()).append('\n');
            }
        }
        return sb.toString();
    }
}
