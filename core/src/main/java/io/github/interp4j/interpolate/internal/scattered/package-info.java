/**
 * Numerics of the scattered-data interpolants on a Delaunay triangulation ({@code delaunay.Mesh}) and
 * what they share: scipy's {@code rescale} of the points, the parallel evaluation loop with value
 * columns and fill values ({@code ScatteredEvaluation}), the nearest-point index of
 * {@code NearestNDInterpolator}, Clough-Tocher (scipy's global gradient estimation and the cubic on the
 * split triangle) and natural-neighbour (Sibson) coordinates. Kernels take an already located query (a
 * simplex and barycentric coordinates, or the point and the triangle containing it); locating queries
 * is {@code delaunay}'s job.
 *
 * <p>Owns: the per-simplex and per-vertex numerics of these interpolants. May use: {@code delaunay},
 * {@code geometry}, {@code search}, {@code parallel}, {@code validation}.
 */
package io.github.interp4j.interpolate.internal.scattered;
