/**
 * interp4j native-config: the container CPU budget from cgroups, the thread policy, and OpenBLAS sized
 * before it loads. Exports only the API packages; {@code internal.*} stays inside the module.
 *
 * <p>{@code org.bytedeco.openblas} is required transitively: callers make their BLAS/LAPACK calls through
 * its functions inside a {@link io.github.interp4j.nativeconfig.NativeConfig#blas()} lease. The JNI
 * package is opened to JavaCPP, whose loader finds the helpers' native libraries next to their classes.
 */
module io.github.interp4j.nativeconfig {
    requires org.bytedeco.javacpp;
    requires transitive org.bytedeco.openblas;
    requires org.slf4j;
    // Only the -javaagent's entry point (internal.agent.AgentMain) uses it; the JVM provides it to agents.
    requires static java.instrument;

    exports io.github.interp4j.nativeconfig;
    exports io.github.interp4j.nativeconfig.cgroup;

    opens io.github.interp4j.nativeconfig.internal.jni to org.bytedeco.javacpp;
}
