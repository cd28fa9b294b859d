package io.github.interp4j.nativeconfig.internal.jni;

import org.bytedeco.javacpp.annotation.Platform;

@Platform(include = "stdlib.h")
public final class ProcessEnvironment {
    private ProcessEnvironment() {}
    public static native int setenv(String name, String value, int overwrite);
}
