/**
 * Read: whether the calling thread runs a task of a cluster framework, and with how many CPUs.
 * {@code SparkTaskProbe} calls {@code org.apache.spark.TaskContext.get()} and {@code cpus()} by
 * reflection (Spark is never a dependency); {@code TaskProbe} is the seam through which tests inject a
 * task. The share itself is decided in {@code internal.policy} ({@code ThreadPlanning.taskShare}).
 *
 * <p>Owns: the reflective calls and their failure modes (Spark absent, an older Spark without
 * {@code cpus()}: no task). May use: the JDK and slf4j only; it decides nothing and never calls native
 * code.
 */
package io.github.interp4j.nativeconfig.internal.spark;
