/**
 * Kernels shared by the scattered-data interpolants ({@code LinearNDInterpolator},
 * {@code NearestNDInterpolator}, {@code griddata} and the other triangulation-based interpolants):
 * scipy's {@code rescale} of the points, value columns and fill handling.
 *
 * <p>Owns: what these interpolants share beyond the triangulation itself. May use: {@code delaunay},
 * {@code search}, {@code parallel}, {@code validation}.
 */
package io.github.interp4j.interpolate.internal.scattered;
