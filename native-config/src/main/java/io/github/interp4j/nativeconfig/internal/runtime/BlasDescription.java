package io.github.interp4j.nativeconfig.internal.runtime;

import io.github.interp4j.nativeconfig.BlasInfo;
import io.github.interp4j.nativeconfig.internal.jni.BlasFacts;

import java.util.Locale;

/**
 * Interprets the raw answers of OpenBLAS's control functions: the backend, the version parsed from the
 * configuration string, and the name of the threading model. Pure functions.
 *
 * <p>Thread-safety: stateless. Cost: linear in the configuration string.
 */
final class BlasDescription {
    /** System property bytedeco reads to load another BLAS (e.g. {@code mkl_rt}) in place of OpenBLAS. */
    static final String BLAS_LOAD_PROPERTY = "org.bytedeco.openblas.load";
    private static final String UNKNOWN = "unknown";

    private BlasDescription() {}

    /**
     * @param facts                     what the library answered
     * @param loadProperty              the value of {@value #BLAS_LOAD_PROPERTY}, or null
     * @param threadsAddedByLoad        threads the load added, or -1 if unknown
     * @param loadedBeforeConfiguration true when the library was loaded before interp4j configured it
     * @return the description
     */
    static BlasInfo describe(BlasFacts facts, String loadProperty, int threadsAddedByLoad,
                             boolean loadedBeforeConfiguration) {
        String config = facts.config() == null ? UNKNOWN : facts.config();
        boolean mkl = loadProperty != null && loadProperty.toLowerCase(Locale.ROOT).contains("mkl");
        return BlasInfo.builder()
                .backend(mkl ? "MKL" : "OpenBLAS")
                .version(version(config))
                .coreName(facts.coreName() == null ? UNKNOWN : facts.coreName())
                .threadingModel(threadingModel(facts.parallel()))
                .config(config)
                .threads(facts.threads())
                .threadsAddedByLoad(threadsAddedByLoad)
                .loadedBeforeConfiguration(loadedBeforeConfiguration)
                .libraries(facts.libraries())
                .build();
    }

    /**
     * @param config {@code openblas_get_config()}, e.g. {@code "OpenBLAS 0.3.31 DYNAMIC_ARCH ..."}
     * @return the second word when the string starts with {@code "OpenBLAS "}, else "unknown"
     */
    static String version(String config) {
        if (config.startsWith("OpenBLAS ")) {
            String[] parts = config.split("\\s+");
            return parts.length > 1 ? parts[1] : UNKNOWN;
        }
        return UNKNOWN;
    }

    /**
     * @param parallel {@code openblas_get_parallel()}, or null if unavailable
     * @return "sequential", "pthreads", "OpenMP", "unknown (n)" or "unknown"
     */
    static String threadingModel(Integer parallel) {
        if (parallel == null) {
            return UNKNOWN;
        }
        switch (parallel) {
            case 0:
                return "sequential";
            case 1:
                return "pthreads";
            case 2:
                return "OpenMP";
            default:
                return "unknown (" + parallel + ")";
        }
    }
}
