/**
 * B-spline kernels: de Boor evaluation, derivatives, antiderivatives and integrals of knot-vector
 * splines with m value columns ({@code SplineCore}), and the knot vectors and collocation solves of
 * scipy's {@code make_interp_spline}.
 *
 * <p>Owns: everything about B-spline bases. May use: {@code linalg}, {@code search}, {@code range},
 * {@code validation}, {@code parallel}.
 */
package io.github.interp4j.interpolate.internal.spline;
