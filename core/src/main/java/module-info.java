/**
 * interp4j core: scipy.interpolate's semantics for the JVM. Exports the API package
 * {@code io.github.interp4j.interpolate} and the Commons Math / Hipparchus adapters (which need those
 * optional libraries only when used); the numerical kernels in {@code internal.*} stay inside the
 * module. BLAS/LAPACK calls go through native-config's leases.
 */
module io.github.interp4j.interpolate {
    requires transitive io.github.interp4j.nativeconfig;
    requires org.bytedeco.javacpp;
    requires org.slf4j;
    requires java.management;
    requires jdk.management;
    // Optional (Maven <optional>): only the adapters use them. Both jars are automatic modules named
    // from their file names (neither declares Automatic-Module-Name).
    requires static commons.math3;
    requires static hipparchus.core;

    exports io.github.interp4j.interpolate;
    exports io.github.interp4j.interpolate.adapters.commonsmath3;
    exports io.github.interp4j.interpolate.adapters.hipparchus;
}
