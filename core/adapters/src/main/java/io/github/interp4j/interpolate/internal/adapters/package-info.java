/**
 * The library-neutral half of the Commons Math 3 and Hipparchus adapters
 * ({@code io.github.interp4j.interpolate.adapters.commonsmath3}, {@code ...adapters.hipparchus}): the
 * structural input checks in the order those libraries make them, the 1-D fits as piecewise polynomials
 * with derivatives of any order, the grid flattening, and the translation of interp4j's exceptions. Each
 * adapter package supplies its library's exceptions through {@link
 * io.github.interp4j.interpolate.internal.adapters.ForeignErrors}, so the checks exist once.
 *
 * <p>Owns: adapter input checks and exception translation. May use: core's public API only (this is the
 * artifact interp4j-adapters, outside core's module). Never refers to a Commons Math or Hipparchus type.
 */
package io.github.interp4j.interpolate.internal.adapters;
