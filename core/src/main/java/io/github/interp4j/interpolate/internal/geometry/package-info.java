/**
 * Exact geometric predicates: sign-exact {@code orient2d}, {@code orient3d}, {@code incircle} and
 * {@code insphere} for double coordinates (Shewchuk's floating-point filter, then exact expansion
 * arithmetic), and the index-based symbolic perturbation of the in-circle/in-sphere tests that a Delaunay
 * triangulation needs on cocircular/cospherical input ({@code GeometricPredicates}).
 *
 * <p>Owns: every orientation and in-circle/in-sphere decision, and the floating-point expansion
 * arithmetic behind them ({@code Expansion}, {@code ExactPredicates}, package-private). May use: nothing
 * else in core (only {@code java.base}).
 */
package io.github.interp4j.interpolate.internal.geometry;
