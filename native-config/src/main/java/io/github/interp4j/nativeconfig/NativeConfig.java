package io.github.interp4j.nativeconfig;

import io.github.interp4j.nativeconfig.internal.policy.ComputeGate;

/**
 * The single entry point (work in progress: detection and BLAS loading land next).
 */
public final class NativeConfig {
    private static volatile ComputeGate gate = new ComputeGate(Runtime.getRuntime().availableProcessors());

    private NativeConfig() {}

    /**
     * Takes threads for one Java-side parallel section out of the CPU budget.
     *
     * @param wanted the threads the section could use, at least 1
     * @return a lease; close it when the section ends
     */
    public static ComputeLease acquire(int wanted) {
        return gate.acquire(wanted);
    }
}
