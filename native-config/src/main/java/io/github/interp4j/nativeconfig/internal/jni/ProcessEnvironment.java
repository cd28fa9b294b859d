package io.github.interp4j.nativeconfig.internal.jni;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.Platform;

/**
 * The C library's process environment ({@code setenv}/{@code getenv} from {@code stdlib.h}). Unlike
 * {@link System#getenv()}, which is a snapshot taken when the JVM started, these read and write the
 * environment that native libraries see when they initialise.
 *
 * <p>This class includes only a system header and never touches the openblas presets, so loading it
 * cannot load OpenBLAS. {@code setenv} is not thread-safe against concurrent {@code getenv} in native
 * code: call it before other native libraries start reading the environment.
 */
@Platform(include = "stdlib.h")
public final class ProcessEnvironment {
    static {
        Loader.load();
    }

    private ProcessEnvironment() {}

    /**
     * C {@code setenv(name, value, overwrite)}.
     *
     * @param name      variable name, non-empty, no '='
     * @param value     value
     * @param overwrite non-zero to replace an existing value
     * @return 0 on success, -1 on error
     */
    public static native int setenv(String name, String value, int overwrite);

    /**
     * C {@code getenv(name)}.
     *
     * @param name variable name
     * @return the value (not to be freed) or a null pointer
     */
    public static native @Cast("const char*") BytePointer getenv(String name);
}
