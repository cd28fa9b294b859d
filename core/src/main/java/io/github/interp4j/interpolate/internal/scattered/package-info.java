/**
 * Numerical kernels of the interpolants on a 2-D Delaunay triangulation ({@code delaunay.Mesh}):
 * Clough-Tocher (scipy's global gradient estimation and the cubic on the split triangle) and
 * natural-neighbour (Sibson) coordinates. They take an already located query (a triangle and
 * barycentric coordinates, or the point and the triangle containing it); locating queries is
 * {@code delaunay}'s job.
 *
 * <p>Owns: the per-triangle and per-vertex numerics of these interpolants. May use: {@code delaunay}
 * (the {@code Mesh} record), {@code geometry} (exact predicates).
 */
package io.github.interp4j.interpolate.internal.scattered;
