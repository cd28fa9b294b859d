package io.github.interp4j.nativeconfig;

/**
 * Permission to call BLAS/LAPACK, from {@link NativeConfig#blas()}: while it is open, OpenBLAS is
 * loaded, sized, and set to {@link #threads()} threads, and those threads count against the CPU
 * budget. Call bytedeco's {@code org.bytedeco.openblas.global.openblas} functions only inside one.
 *
 * <p>Thread-safety: a lease belongs to the thread that acquired it; {@link #close()} is idempotent.
 */
public interface BlasLease extends ComputeLease {
}
