/**
 * Piecewise polynomial kernels: evaluation, derivative, antiderivative and integral of flat
 * coefficient tables with m value columns ({@code PPolyKernel}), and real roots of a polynomial on an
 * interval ({@code RealRoots}).
 *
 * <p>Owns: everything about polynomial pieces. May use: {@code search}, {@code range},
 * {@code validation}.
 */
package io.github.interp4j.interpolate.internal.poly;
