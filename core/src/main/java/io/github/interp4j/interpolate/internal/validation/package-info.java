/**
 * Input checks shared by every interpolant (null, length, finiteness, monotonicity, size limits),
 * with messages that name the offending array, index and value; and the helper that turns a failed
 * check during deserialisation into {@link java.io.InvalidObjectException}; and the layout of N-D
 * query batches, rows or one flat row-major array, read in place ({@code QueryBatch}); and the checks that
 * finite input gave finite numbers, with the exact power-of-two scaling the fits use to avoid overflow and the
 * bounds on requested orders ({@code FiniteResult}, issue 11).
 *
 * <p>Owns: argument validation. May use: nothing else in core.
 */
package io.github.interp4j.interpolate.internal.validation;
