/**
 * The numeric side of {@code RegularGridInterpolator}: the rectilinear grid ({@code Grid}), one
 * {@code GridKernel} per method family ({@code LinearKernel}, {@code NearestKernel},
 * {@code SplineKernel} for slinear / cubic / quintic, {@code PchipKernel}), and the evaluation loops
 * ({@code GridEvaluator}: out-of-range handling per axis through {@code range.RangePolicy}, batches in
 * parallel, outer-product meshes).
 *
 * <p>A new grid method is one new {@code GridKernel} (locate a coordinate on an axis, combine the located
 * axes for one value column) plus one constant of {@code RegularGridInterpolator.Method} naming its
 * factory; nothing else switches on the method.
 *
 * <p>Owns: everything numeric about interpolation on a rectilinear grid. May use: {@code linalg} (the
 * banded LU), {@code spline} (knots, B-spline basis), {@code poly} (PCHIP slopes), {@code search},
 * {@code range}, {@code parallel}, {@code validation}.
 */
package io.github.interp4j.interpolate.internal.grid;
