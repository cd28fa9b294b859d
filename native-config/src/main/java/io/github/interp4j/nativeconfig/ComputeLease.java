package io.github.interp4j.nativeconfig;

/**
 * Permission to run compute threads, granted by {@link NativeConfig} out of the CPU budget and
 * returned by {@link #close()}. Use it in try-with-resources around one parallel section or one
 * BLAS/LAPACK call.
 *
 * <p>While a lease is open its {@link #threads()} count the budget as in use: a call that finds
 * the budget free gets all of it (up to what it asked for); a call that arrives while others are in
 * flight gets one thread. The total granted never exceeds the budget (see
 * {@link NativeConfig#acquire(int)}).
 *
 * <p>Thread-safety: a lease belongs to the thread that acquired it; {@link #close()} is idempotent.
 */
public interface ComputeLease extends AutoCloseable {

    /** @return how many threads the holder may run (Java workers, or BLAS threads for a BLAS lease), at least 1 */
    int threads();

    /** Returns the threads to the budget. Calling it again does nothing. */
    @Override
    void close();
}
