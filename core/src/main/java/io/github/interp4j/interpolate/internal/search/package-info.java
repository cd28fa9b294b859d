/**
 * Search structures: the O(1)-expected interval index over sorted breakpoints (and over the mirror image of
 * descending ones, {@code MonotoneBreakpoints}), numpy's {@code searchsorted}, and the k-d tree for nearest
 * neighbours.
 *
 * <p>Owns: locating queries in data. May use: nothing else in core.
 */
package io.github.interp4j.interpolate.internal.search;
