/**
 * The one parallel evaluator of the library: contiguous chunks on core's own bounded pool, sized by
 * leases from native-config's CPU budget (never the common ForkJoinPool), bit-identical to a
 * sequential run; and work weighting for uneven per-index costs.
 *
 * <p>Owns: every thread core starts. May use: native-config's public API.
 */
package io.github.interp4j.interpolate.internal.parallel;
