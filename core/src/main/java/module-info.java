/**
 * interp4j core: scipy.interpolate's semantics for the JVM. Exports the API package
 * {@code io.github.interp4j.interpolate} only (the Commons Math / Hipparchus adapters are the separate
 * artifact {@code interp4j-adapters}); the numerical kernels in {@code internal.*} stay inside the
 * module. BLAS/LAPACK calls go through native-config's leases.
 */
module io.github.interp4j.interpolate {
    requires transitive io.github.interp4j.nativeconfig;
    requires org.bytedeco.javacpp;
    requires org.slf4j;
    requires java.management;
    requires jdk.management;

    exports io.github.interp4j.interpolate;
}
