package io.github.interp4j.nativeconfig;

import java.util.List;
import java.util.Objects;

/**
 * What the loaded BLAS library says about itself (the JVM's {@code numpy.show_config()}).
 *
 * <p>Thread-safety: immutable.
 */
public final class BlasInfo {
    private final String backend;
    private final String version;
    private final String coreName;
    private final String threadingModel;
    private final String config;
    private final int threads;
    private final int threadsAddedByLoad;
    private final boolean loadedBeforeConfiguration;
    private final List<String> libraries;

    /**
     * @param backend                   "OpenBLAS" or "MKL"
     * @param version                   the version, or "unknown"
     * @param coreName                  the kernel OpenBLAS chose (e.g. "Haswell"), or "unknown"
     * @param threadingModel            "sequential", "pthreads", "OpenMP" or "unknown"
     * @param config                    {@code openblas_get_config()}, or "unknown"
     * @param threads                   {@code openblas_get_num_threads()} now, or -1 if unknown
     * @param threadsAddedByLoad        threads that loading the library added to the process
     *                                  (from {@code /proc/self/task}), or -1 if unknown
     * @param loadedBeforeConfiguration true when something loaded the library before interp4j could size it
     * @param libraries                 the paths of the BLAS libraries loaded
     * @throws NullPointerException if a string or the list is null
     */
    public BlasInfo(String backend, String version, String coreName, String threadingModel, String config,
                    int threads, int threadsAddedByLoad, boolean loadedBeforeConfiguration, List<String> libraries) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.version = Objects.requireNonNull(version, "version");
        this.coreName = Objects.requireNonNull(coreName, "coreName");
        this.threadingModel = Objects.requireNonNull(threadingModel, "threadingModel");
        this.config = Objects.requireNonNull(config, "config");
        this.threads = threads;
        this.threadsAddedByLoad = threadsAddedByLoad;
        this.loadedBeforeConfiguration = loadedBeforeConfiguration;
        this.libraries = List.copyOf(libraries);
    }

    /** @return "OpenBLAS" or "MKL" */
    public String backend() {
        return backend;
    }

    /** @return the library version, or "unknown" */
    public String version() {
        return version;
    }

    /** @return the CPU kernel the library chose, or "unknown" */
    public String coreName() {
        return coreName;
    }

    /** @return "sequential", "pthreads", "OpenMP" or "unknown" */
    public String threadingModel() {
        return threadingModel;
    }

    /** @return the library's configuration string, or "unknown" */
    public String config() {
        return config;
    }

    /** @return the thread count as the library reports it when the report was made, or -1 */
    public int threads() {
        return threads;
    }

    /** @return threads added to the process by loading the library, or -1 if unknown */
    public int threadsAddedByLoad() {
        return threadsAddedByLoad;
    }

    /** @return true when the library was already loaded (its pool already sized) before interp4j configured it */
    public boolean loadedBeforeConfiguration() {
        return loadedBeforeConfiguration;
    }

    /** @return the BLAS library files loaded (bytedeco loads two copies of OpenBLAS) */
    public List<String> libraries() {
        return libraries;
    }

    @Override
    public String toString() {
        return backend + " " + version + " (" + coreName + ", " + threadingModel + ", " + threads + " threads)";
    }
}
