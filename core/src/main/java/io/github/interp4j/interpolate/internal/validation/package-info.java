/**
 * Input checks shared by every interpolant (null, length, finiteness, monotonicity, size limits),
 * with messages that name the offending array, index and value; and the helper that turns a failed
 * check during deserialisation into {@link java.io.InvalidObjectException}; and the layout of N-D
 * query batches, rows or one flat row-major array, read in place ({@code QueryBatch}).
 *
 * <p>Owns: argument validation. May use: nothing else in core.
 */
package io.github.interp4j.interpolate.internal.validation;
