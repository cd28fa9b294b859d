/**
 * Smoothing splines: scipy's {@code make_smoothing_spline} problem (the natural cubic spline minimising
 * {@code sum w_i (y_i - f(x_i))^2 + lam int f''^2}) solved in Reinsch's form on scaled abscissae
 * ({@code ReinschSmoother}: the pentadiagonal system for the second derivatives, the generalised
 * cross-validation score with the trace of the influence matrix from the band of an inverse, and the
 * conversion to scipy's B-spline coefficients), and the choice of {@code lam} by minimising that score
 * ({@code GcvSearch}).
 *
 * <p>Owns: everything about penalised (smoothing) spline fits. May use: {@code linalg} (the pentadiagonal
 * {@code L D L^T}), {@code validation}.
 */
package io.github.interp4j.interpolate.internal.smoothing;
