/**
 * scipy.interpolate for the JVM: the public interpolants and their contracts.
 *
 * <p>Contracts: {@link io.github.interp4j.interpolate.Interpolant1D} (one variable) and
 * {@link io.github.interp4j.interpolate.VectorInterpolant1D} (one variable, m value columns), with
 * {@link io.github.interp4j.interpolate.OutOfRange} for queries outside the data. Each interpolation
 * method is one public class; the numerical kernels live in the {@code internal.*} packages, which
 * are not part of the API (the module does not export them).
 */
package io.github.interp4j.interpolate;
