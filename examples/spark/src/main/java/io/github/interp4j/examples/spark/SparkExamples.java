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

import java.util.Locale;
import java.util.Map;

/**
 * The Spark examples' entry point: {@code resample} (job a), {@code evaluate} (job b), {@code all} (both),
 * {@code bench} ({@link Throughput}), each followed by {@code key=value} options.
 *
 * <p>Run from the repository root: {@code mvn -q -B -pl examples/spark -am package exec:exec -DskipTests
 * -Dspark.example="evaluate points=10000000"}.
 */
public final class SparkExamples {
    private static final Map<String, String> DEFAULTS = Map.of("points", "10000000", "sites", "100",
            "sensors", "20", "perSensor", "500", "batch", "65536", "partitions", "8", "master", "local[2]");

    private SparkExamples() {
    }

    /**
     * @param args a command and {@code key=value} options
     * @throws Exception if a job fails
     */
    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "all" : args[0];
        if (command.equals("bench")) {
            Throughput.run(new Options(args, 1, Throughput.DEFAULTS));
            return;
        }
        if (!command.equals("all") && !command.equals("resample") && !command.equals("evaluate")) {
            System.err.println("usage: SparkExamples [all|resample|evaluate|bench] [key=value ...]");
            System.exit(2);
        }
        Options o = new Options(args, 1, DEFAULTS);
        SparkSession spark = LocalSpark.start(o.string("master"), o.positiveInt("partitions"));
        try {
            if (!command.equals("evaluate")) {
                resample(spark, o);
            }
            if (!command.equals("resample")) {
                evaluate(spark, o);
            }
        } finally {
            spark.stop();
        }
    }

    private static void resample(SparkSession spark, Options o) {
        Dataset<Reading> readings = spark.createDataset(
                SensorData.readings(o.positiveInt("sensors"), o.positiveInt("perSensor"), 42),
                Encoders.bean(Reading.class));
        long start = System.nanoTime();
        Dataset<Resampled> out = Resampling.resample(readings, 1.0, Resampling.Method.PCHIP).cache();
        long rows = out.count();
        System.out.printf(Locale.ROOT, "(a) resampled %,d readings of %d sensors onto a 1.0 grid: %,d rows in %.2f s%n",
                readings.count(), o.positiveInt("sensors"), rows, (System.nanoTime() - start) / 1e9);
        out.orderBy("sensor", "time").show(5, false);
        out.unpersist();
    }

    private static void evaluate(SparkSession spark, Options o) {
        long points = o.positiveLong("points");
        InterpolantND f = Surface.fit(Surface.Kind.RBF, o.positiveInt("sites"), 7);
        Broadcast<InterpolantND> bc = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(f);
        long start = System.nanoTime();
        Dataset<Row> values = BroadcastEvaluation.evaluate(QueryPoints.column(spark, points, o.positiveInt("partitions")),
                bc, o.positiveInt("batch"));
        Row r = values.agg(functions.count("*"), functions.avg(BroadcastEvaluation.VALUE),
                functions.max(functions.abs(functions.expr("value - (sin(3 * x) * cos(2 * y) + x * y)")))).first();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "(b) broadcast RBF (%d sites) at %,d points in batches of %s: %.2f s "
                        + "(%,.0f points/s), mean %.6f, max |interpolant - f| %.3g%n", o.positiveInt("sites"),
                r.getLong(0), o.string("batch"), seconds, r.getLong(0) / seconds, r.getDouble(1), r.getDouble(2));
        System.out.println("driver: " + NativeConfig.cpuBudget().cpus() + " CPUs in the budget; tasks run BLAS with "
                + "their share (TaskContext.cpus())");
        bc.destroy();
    }
}
