/**
 * Least-squares and smoothing-condition spline fits on B-spline bases: the banded QR (Givens rotations) of
 * the weighted collocation rows and its back substitution ({@code LsqSplineSolver}, scipy's
 * {@code _lsq_solve_qr} / {@code _dierckx.qr_reduce} / {@code fpback}), and scipy 1.15+'s FITPACK-free
 * {@code make_splrep} / {@code make_splprep} / {@code generate_knots} ({@code SplrepFitter}, a port of
 * {@code scipy/interpolate/_fitpack_repro.py}: knot placement by residual, the discontinuity matrix and the
 * rational iteration for the smoothing parameter).
 *
 * <p>Owns: every fit of B-spline coefficients to data by least squares. May use: {@code internal.spline}
 * (the Cox-de Boor basis and scipy's knot vectors) and {@code internal.validation}.
 */
package io.github.interp4j.interpolate.internal.fitting;
