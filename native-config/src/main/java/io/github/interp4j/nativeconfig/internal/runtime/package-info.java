/**
 * Wiring: {@code NativeRuntime} is one native configuration built from (system root, native boundary,
 * properties, environment). It reads ({@code internal.cgroup}), decides ({@code internal.policy}), acts
 * ({@code internal.jni}), and owns the resulting state: the decision, the gate and its leases, the BLAS
 * thread count, the report. {@code BlasLoading} loads BLAS once; {@code BlasDescription} interprets the
 * library's answers; {@code BuildInfo} reads the versions the build wrote.
 *
 * <p>Owns: all mutable state of native-config (one instance per process behind {@code NativeConfig};
 * tests build their own). May use: every other package of the module.
 */
package io.github.interp4j.nativeconfig.internal.runtime;
