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
     * Creates a description from positional values.
     *
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
     * @deprecated use {@link #builder()}, which names each value
     */
    @Deprecated
    public BlasInfo(String backend, String version, String coreName, String threadingModel, String config,
                    int threads, int threadsAddedByLoad, boolean loadedBeforeConfiguration, List<String> libraries) {
        this(builder().backend(backend).version(version).coreName(coreName).threadingModel(threadingModel)
                .config(config).threads(threads).threadsAddedByLoad(threadsAddedByLoad)
                .loadedBeforeConfiguration(loadedBeforeConfiguration).libraries(libraries));
    }

    private BlasInfo(Builder b) {
        this.backend = Objects.requireNonNull(b.backend, "backend");
        this.version = Objects.requireNonNull(b.version, "version");
        this.coreName = Objects.requireNonNull(b.coreName, "coreName");
        this.threadingModel = Objects.requireNonNull(b.threadingModel, "threadingModel");
        this.config = Objects.requireNonNull(b.config, "config");
        this.threads = b.threads;
        this.threadsAddedByLoad = b.threadsAddedByLoad;
        this.loadedBeforeConfiguration = b.loadedBeforeConfiguration;
        this.libraries = List.copyOf(Objects.requireNonNull(b.libraries, "libraries"));
    }

    /** @return a builder with every string "unknown", counts -1, not loaded before, no libraries */
    public static Builder builder() {
        return new Builder();
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

    /**
     * Builds a {@link BlasInfo}; every value has a default ("unknown", -1, false, no libraries).
     *
     * <p>Thread-safety: not thread-safe; use one builder per thread.
     */
    public static final class Builder {
        private String backend = "unknown";
        private String version = "unknown";
        private String coreName = "unknown";
        private String threadingModel = "unknown";
        private String config = "unknown";
        private int threads = -1;
        private int threadsAddedByLoad = -1;
        private boolean loadedBeforeConfiguration;
        private List<String> libraries = List.of();

        private Builder() {}

        /**
         * @param v "OpenBLAS" or "MKL"
         * @return this builder
         */
        public Builder backend(String v) {
            backend = v;
            return this;
        }

        /**
         * @param v the library version, or "unknown"
         * @return this builder
         */
        public Builder version(String v) {
            version = v;
            return this;
        }

        /**
         * @param v the CPU kernel the library chose, or "unknown"
         * @return this builder
         */
        public Builder coreName(String v) {
            coreName = v;
            return this;
        }

        /**
         * @param v "sequential", "pthreads", "OpenMP" or "unknown"
         * @return this builder
         */
        public Builder threadingModel(String v) {
            threadingModel = v;
            return this;
        }

        /**
         * @param v the library's configuration string, or "unknown"
         * @return this builder
         */
        public Builder config(String v) {
            config = v;
            return this;
        }

        /**
         * @param v the thread count the library reports, or -1
         * @return this builder
         */
        public Builder threads(int v) {
            threads = v;
            return this;
        }

        /**
         * @param v threads added to the process by loading the library, or -1
         * @return this builder
         */
        public Builder threadsAddedByLoad(int v) {
            threadsAddedByLoad = v;
            return this;
        }

        /**
         * @param v true when the library was loaded before interp4j configured it
         * @return this builder
         */
        public Builder loadedBeforeConfiguration(boolean v) {
            loadedBeforeConfiguration = v;
            return this;
        }

        /**
         * @param v the BLAS library files loaded (copied)
         * @return this builder
         */
        public Builder libraries(List<String> v) {
            libraries = v;
            return this;
        }

        /**
         * @return the description
         * @throws NullPointerException if a string or the library list was set to null
         */
        public BlasInfo build() {
            return new BlasInfo(this);
        }
    }
}
