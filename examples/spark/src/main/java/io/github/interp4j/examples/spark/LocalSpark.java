package io.github.interp4j.examples.spark;

import org.apache.spark.sql.SparkSession;

/**
 * A Spark session for running the examples on one machine: {@code local[n]} master, no web UI, driver
 * bound to 127.0.0.1 (works offline and in sandboxes without a resolvable host name), few shuffle
 * partitions (the default 200 would make small jobs mostly scheduling).
 *
 * <p>Thread-safety: as {@link SparkSession.Builder#getOrCreate()}.
 */
public final class LocalSpark {
    private LocalSpark() {
    }

    /**
     * @param master             e.g. {@code local[2]}
     * @param shufflePartitions  {@code spark.sql.shuffle.partitions}, at least 1
     * @return the session (the JVM's active one when it exists)
     * @throws IllegalArgumentException if {@code shufflePartitions < 1}
     */
    public static SparkSession start(String master, int shufflePartitions) {
        if (shufflePartitions < 1) {
            throw new IllegalArgumentException("shufflePartitions must be at least 1, was " + shufflePartitions);
        }
        return SparkSession.builder()
                .master(master)
                .appName("interp4j-examples-spark")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", Integer.toString(shufflePartitions))
                .getOrCreate();
    }
}
