/**
 * Act: the one native boundary. {@code NativeBoundary} is the interface (C environment, loading BLAS,
 * OpenBLAS's control functions); {@code JavaCppBoundary} implements it with the JNI helpers the JavaCPP
 * Maven plugin builds from this package ({@code ProcessEnvironment}, {@code OpenBlasFunctions}) and the
 * bytedeco presets; {@code BlasFacts} carries the raw answers.
 *
 * <p>Owns: native calls only; it never decides a number. May use: JavaCPP, the bytedeco OpenBLAS
 * presets, slf4j. Opened to {@code org.bytedeco.javacpp} in {@code module-info} so JavaCPP's loader finds
 * the helpers' libraries.
 */
package io.github.interp4j.nativeconfig.internal.jni;
