/**
 * Radial basis function interpolation: kernels ({@code RbfKernel}), the monomials of the polynomial part
 * ({@code RbfMonomials}), the Householder QR of the monomial matrix ({@code RbfQr}), the system matrix
 * written to native memory ({@code RbfKernelMatrix}) and the native buffers it lives in
 * ({@code RbfWorkspace}), the LAPACK-backed solve of scipy's augmented system ({@code RbfSolver}), the
 * fitted model ({@code RbfModel}) and chunked parallel evaluation ({@code RbfEvaluation}).
 *
 * <p>Every BLAS/LAPACK call is made inside a {@code NativeConfig.blas()} lease (solve, dgemm evaluation,
 * native allocation); native memory is freed in {@code finally} / {@code close()}, never left to the
 * garbage collector.
 *
 * <p>Owns: everything specific to {@code RBFInterpolator}. May use: {@code search} (the k-d tree),
 * {@code parallel}, {@code validation}, and native-config's public API for every BLAS/LAPACK call.
 */
package io.github.interp4j.interpolate.internal.rbf;
