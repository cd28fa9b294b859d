/**
 * Radial basis function interpolation: kernels, the fitted model, the LAPACK-backed solver of
 * scipy's augmented system, and chunked parallel evaluation.
 *
 * <p>Owns: everything specific to {@code RBFInterpolator}. May use: {@code search} (the k-d tree),
 * {@code parallel}, {@code validation}, and native-config's public API for every BLAS/LAPACK call.
 */
package io.github.interp4j.interpolate.internal.rbf;
