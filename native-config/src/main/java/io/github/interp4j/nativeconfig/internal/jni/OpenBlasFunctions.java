package io.github.interp4j.nativeconfig.internal.jni;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FunctionPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.MemberGetter;
import org.bytedeco.javacpp.annotation.Platform;

/**
 * Calls through C function pointers, used to reach OpenBLAS's control functions
 * ({@code openblas_set_num_threads}, {@code openblas_get_num_threads}, {@code openblas_get_config},
 * {@code openblas_get_corename}, {@code openblas_get_parallel}) which the bytedeco presets do not bind.
 * The addresses are looked up with {@code dlsym} in each already loaded copy of the library (the
 * bytedeco presets load {@code libopenblas_nolapack.so.0} and {@code libopenblas.so.0}, two copies
 * with a thread pool each); this class links only {@code libdl} and loading it does not load OpenBLAS.
 */
@Platform(include = {"stdlib.h", "dlfcn.h"}, link = "dl")
public final class OpenBlasFunctions {
    static {
        Loader.load();
    }

    private OpenBlasFunctions() {}

    /** @return glibc's {@code RTLD_NOW} */
    @MemberGetter
    public static native int RTLD_NOW();

    /** @return glibc's {@code RTLD_NOLOAD}: open only a library that is already loaded */
    @MemberGetter
    public static native int RTLD_NOLOAD();

    /**
     * C {@code dlopen(file, mode)}.
     *
     * @param file the library path
     * @param mode flags, e.g. {@code RTLD_NOW() | RTLD_NOLOAD()}
     * @return a handle, or a null pointer
     */
    public static native Pointer dlopen(String file, int mode);

    /**
     * C {@code dlsym(handle, name)}.
     *
     * @param handle from {@link #dlopen(String, int)}
     * @param name   the symbol
     * @return its address, or a null pointer
     */
    public static native Pointer dlsym(Pointer handle, String name);

    /**
     * C {@code dlclose(handle)}: drops the reference taken by {@link #dlopen(String, int)}.
     *
     * @param handle from {@link #dlopen(String, int)}
     * @return 0 on success
     */
    public static native int dlclose(Pointer handle);

    /** {@code int f(void)}. */
    public static final class IntGetter extends FunctionPointer {
        static {
            Loader.load();
        }

        /** @param address the function's address, non-null */
        public IntGetter(Pointer address) {
            super(address);
        }

        /** @return the function's result */
        public native int call();
    }

    /** {@code void f(int)}. */
    public static final class IntSetter extends FunctionPointer {
        static {
            Loader.load();
        }

        /** @param address the function's address, non-null */
        public IntSetter(Pointer address) {
            super(address);
        }

        /** @param value the argument */
        public native void call(int value);
    }

    /** {@code char* f(void)}. */
    public static final class StringGetter extends FunctionPointer {
        static {
            Loader.load();
        }

        /** @param address the function's address, non-null */
        public StringGetter(Pointer address) {
            super(address);
        }

        /** @return the function's result (a static string, not to be freed) */
        public native @Cast("char*") BytePointer call();
    }
}
