/**
 * Delaunay triangulation in 2-D and 3-D: the builders (incremental insertion in a spatially coherent
 * order, decisions by the exact and symbolically perturbed predicates of {@code geometry}), the flat
 * {@code Mesh} they produce, and point location built for random query orders.
 *
 * <p>Owns: every triangulation and every search of a query among simplices. May use:
 * {@code geometry}, {@code search}, {@code parallel}, {@code validation}.
 */
package io.github.interp4j.interpolate.internal.delaunay;
