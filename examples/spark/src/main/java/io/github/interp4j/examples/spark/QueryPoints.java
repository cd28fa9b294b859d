package io.github.interp4j.examples.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Deterministic 2-D query points in the unit square, the same in Spark and in plain Java: point
 * {@code i} is {@code ((i * A) mod 1, (i * B) mod 1)} with {@code A, B} from the plastic number (the R2
 * low-discrepancy sequence), computed with the same double arithmetic on both sides.
 *
 * <p>Thread-safety: stateless.
 */
public final class QueryPoints {
    /** First coordinate's multiplier: 1 / plastic number. */
    public static final double A = 0.7548776662466927;
    /** Second coordinate's multiplier: 1 / plastic number squared. */
    public static final double B = 0.5698402909980532;

    private QueryPoints() {
    }

    /**
     * @param spark      the session
     * @param n          the number of points, at least 0
     * @param partitions the number of partitions, at least 1
     * @return columns {@code x}, {@code y} (double; the coordinates first, where
     *         {@link BroadcastEvaluation#evaluate} reads them) and {@code id} (long), lazily generated
     */
    public static Dataset<Row> column(SparkSession spark, long n, int partitions) {
        return spark.range(0, n, 1, partitions)
                .select(functions.expr("(CAST(id AS DOUBLE) * " + A + "D) % 1.0D").as("x"),
                        functions.expr("(CAST(id AS DOUBLE) * " + B + "D) % 1.0D").as("y"),
                        functions.col("id"));
    }

    /**
     * Writes points {@code from .. from + count - 1} row-major into {@code flat}.
     *
     * @param from  the first point's index
     * @param count how many points
     * @param flat  receives {@code 2 * count} coordinates
     */
    public static void coordinates(long from, int count, double[] flat) {
        for (int i = 0; i < count; i++) {
            double id = (double) (from + i);
            flat[2 * i] = (id * A) % 1.0;
            flat[2 * i + 1] = (id * B) % 1.0;
        }
    }
}
