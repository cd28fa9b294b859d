package io.github.interp4j.nativeconfig.internal.policy;

import io.github.interp4j.nativeconfig.NativeConfigOptions;
import io.github.interp4j.nativeconfig.ThreadPolicy;

import java.util.Map;
import java.util.Objects;

/**
 * The inputs of a decision besides the system snapshot, in precedence order: explicit options, a thread
 * policy set through the API, system properties (only {@code interp4j.*} keys are read), and the process
 * environment as the JVM saw it at start.
 *
 * <p>Thread-safety: immutable (the maps are copied).
 *
 * @param options     explicit options (highest precedence)
 * @param apiPolicy   the thread policy set through the API, or null
 * @param properties  system properties
 * @param environment the process environment
 */
public record Settings(NativeConfigOptions options, ThreadPolicy apiPolicy, Map<String, String> properties,
                       Map<String, String> environment) {

    /**
     * Copies the maps.
     *
     * @param options     as in the record header
     * @param apiPolicy   as in the record header
     * @param properties  as in the record header
     * @param environment as in the record header
     * @throws NullPointerException if a required component is null
     */
    public Settings {
        Objects.requireNonNull(options, "options");
        properties = Map.copyOf(properties);
        environment = Map.copyOf(environment);
    }
}
