/**
 * Linear algebra kernels written for the JVM: banded LU with partial pivoting (LAPACK {@code dgbsv}
 * order), tridiagonal solvers ({@code dgtsv} order), the symmetric pentadiagonal {@code L D L^T} / Givens
 * factorisation with the band of its inverse ({@code PentadiagonalLdl}, for smoothing splines) and the small
 * dense solves the spline fits need.
 *
 * <p>Owns: every factorisation in core that runs in Java. May use: {@code internal.validation}.
 * LAPACK calls (through native-config) belong to the subsystem that needs them (for example
 * {@code internal.rbf}).
 */
package io.github.interp4j.interpolate.internal.linalg;
