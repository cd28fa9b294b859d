package io.github.interp4j.nativeconfig.internal.jni;

import java.util.Map;

/**
 * The one place that touches native code: the C process environment, loading the BLAS library, and
 * OpenBLAS's control functions. Everything else in native-config reads or decides; implementations
 * act and never decide a number themselves. {@link JavaCppBoundary} is the real one; tests supply fakes.
 *
 * <p>Thread-safety: the runtime serialises {@link #setEnvironment}, {@link #loadBlas} and
 * {@link #setBlasThreads}; the queries may be called from any thread.
 */
public interface NativeBoundary {

    /** The JNI helper class {@link #setEnvironment} loads, for messages. */
    String ENVIRONMENT_HELPER = ProcessEnvironment.class.getName();

    /** JavaCPP's system property that stops it from starting its deallocator thread. */
    String NO_POINTER_GC = "org.bytedeco.javacpp.nopointergc";

    /**
     * Asks the native loader not to start a garbage-collection helper thread of its own (JavaCPP: sets
     * {@value #NO_POINTER_GC} unless the application set it), for a process with hardly a free task slot,
     * where starting it could fail and leave the loader unusable. Effective only before the loader first
     * runs; the default does nothing.
     */
    default void disablePointerGc() {
    }

    /**
     * Prepares loading native code (JavaCPP: a writable cache directory to unpack libraries into).
     * {@link #setEnvironment} calls it itself (and reports a failure in its result); call it before
     * {@link #loadBlas}.
     *
     * @throws IllegalStateException why native code cannot be unpacked (names the setting to fix)
     */
    void prepareLoad();

    /**
     * Sets variables in the C process environment (what OpenBLAS reads when it loads). Must run before
     * OpenBLAS loads and before other native code reads the environment concurrently.
     *
     * @param variables name to value
     * @return null on success, otherwise why it failed (the JNI helper could not load, or setenv failed)
     */
    String setEnvironment(Map<String, String> variables);

    /**
     * Reads a variable from the C process environment (which, unlike {@link System#getenv()}, sees
     * {@code setenv}).
     *
     * @param name the variable
     * @return its value, or null if unset or the JNI helper cannot load
     */
    String getEnvironment(String name);

    /** @return the native platform name, e.g. {@code linux-x86_64} */
    String platform();

    /**
     * @param platform a platform name from {@link #platform()}
     * @return true if the BLAS natives for that platform are on the class path
     */
    boolean hasBlasNatives(String platform);

    /** @return true if the native loader already loaded a library named like OpenBLAS or MKL */
    boolean blasLoadedByLoader();

    /**
     * Loads the BLAS library and binds OpenBLAS's control functions in every loaded copy. Does nothing
     * once it has succeeded.
     *
     * @throws UnsatisfiedLinkError if the library cannot be linked
     * @throws RuntimeException     if the loader fails otherwise
     */
    void loadBlas();

    /** @return true after {@link #loadBlas()} succeeded */
    boolean blasLoaded();

    /**
     * Sets OpenBLAS's thread count in every loaded copy ({@code openblas_set_num_threads}).
     *
     * @param threads at least 1
     * @return the count OpenBLAS reports afterwards, or -1 if its control functions are not available
     */
    int setBlasThreads(int threads);

    /**
     * What the loaded library reports about itself right now.
     *
     * @return the raw answers of its control functions
     * @throws IllegalStateException if the library is not loaded
     */
    BlasFacts blasFacts();
}
