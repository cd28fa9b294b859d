/**
 * B-spline kernels: de Boor evaluation, derivatives, antiderivatives and integrals of knot-vector
 * splines with m value columns ({@code SplineCore}); scipy's {@code make_interp_spline} for m columns
 * ({@code InterpSpline}: knots, boundary conditions, the fit, also on given knots) and its knot vectors and
 * collocation solves ({@code InterpSplineSolver}); the Schoenberg-Whitney check ({@code SchoenbergWhitney}),
 * knot insertion ({@code KnotInsertion}) and the conversions to and from the power basis
 * ({@code BasisConversion}).
 *
 * <p>Owns: everything about B-spline bases. May use: {@code linalg}, {@code search}, {@code range},
 * {@code validation}, {@code parallel}, and the public value types {@code OutOfRange},
 * {@code BoundaryCondition}.
 */
package io.github.interp4j.interpolate.internal.spline;
