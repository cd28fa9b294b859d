/**
 * interp4j inside Spark: job (a) {@link io.github.interp4j.examples.spark.Resampling} fits one PCHIP or
 * cubic spline per sensor ({@code groupByKey} + {@code flatMapGroups}) and evaluates it on a regular grid;
 * job (b) {@link io.github.interp4j.examples.spark.BroadcastEvaluation} evaluates a broadcast interpolant
 * in batches per partition ({@code mapPartitions}); {@link io.github.interp4j.examples.spark.Throughput}
 * compares both with plain Java on the same data and CPU budget. Entry point:
 * {@link io.github.interp4j.examples.spark.SparkExamples}. Spark is a dependency of this module only.
 */
package io.github.interp4j.examples.spark;
