/**
 * native-config's API: {@link io.github.interp4j.nativeconfig.NativeConfig} (the one entry point: the
 * CPU budget, the thread policy, leases for Java parallel sections and for BLAS/LAPACK calls, the
 * report) and its value types ({@link io.github.interp4j.nativeconfig.CpuBudget},
 * {@link io.github.interp4j.nativeconfig.MemoryLimit}, {@link io.github.interp4j.nativeconfig.PidLimit}, {@link io.github.interp4j.nativeconfig.ThreadPolicy},
 * {@link io.github.interp4j.nativeconfig.NativeConfigOptions}, {@link io.github.interp4j.nativeconfig.NativeReport},
 * {@link io.github.interp4j.nativeconfig.BlasInfo}, the lease interfaces).
 *
 * <p>Owns: the public contract only. {@code NativeConfig} is a thin static facade over one process-wide
 * {@code internal.runtime.NativeRuntime}; value types are immutable. May use: {@code internal.runtime}
 * (the facade's delegate); nothing else in {@code internal}.
 */
package io.github.interp4j.nativeconfig;
