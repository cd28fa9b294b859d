/**
 * JMH benchmarks (forks, warmup, seeded data) of interp4j against its own earlier builds and, through the
 * scipy scripts in {@code examples/scripts/} run on the same machine, against scipy; Commons Math where it
 * has the method; the triangulation libraries (Tinfour, JTS) for the Delaunay comparison. Also
 * {@code SoakProgram}, the long fit/evaluate cycle that checks resident memory stops growing (not a JMH
 * benchmark and not run in CI). Run with {@code java -cp examples/target/interp4j-examples.jar
 * org.openjdk.jmh.Main <regex>}; the README's benchmark tables name the commands.
 */
package io.github.interp4j.examples.bench;
