/**
 * Piecewise polynomial kernels: evaluation, derivative, antiderivative and integral of flat
 * coefficient tables with m value columns ({@code PPolyKernel}; in the Bernstein basis of {@code BPoly},
 * with its conversions to and from the power basis and from Hermite data, {@code BernsteinKernel}), real
 * roots of a polynomial on an interval ({@code RealRoots}), and the PCHIP slopes (Fritsch-Butland interior mean, scipy's one-sided
 * ends) shared by 1-D {@code PchipInterpolator} and grid pchip ({@code PchipSlopes}).
 *
 * <p>Owns: everything about polynomial pieces. May use: {@code search}, {@code range},
 * {@code validation}.
 */
package io.github.interp4j.interpolate.internal.poly;
