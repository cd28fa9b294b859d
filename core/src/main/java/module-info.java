/**
 * interp4j core: scipy.interpolate's semantics for the JVM. Exports the API package
 * {@code io.github.interp4j.interpolate} and the Commons Math / Hipparchus adapters (which need those
 * optional libraries only when used); the numerical kernels in {@code internal.*} stay inside the
 * module. BLAS/LAPACK calls go through native-config's leases.
 */
// Both optional libraries are automatic modules named from their file names: javac's lint warns about
// requiring those; the names are stable for these pinned versions (see the comment below).
@SuppressWarnings("requires-automatic")
module io.github.interp4j.interpolate {
    requires transitive io.github.interp4j.nativeconfig;
    requires org.bytedeco.javacpp;
    requires org.slf4j;
    requires java.management;
    requires jdk.management;
    // Optional (Maven <optional>): only the adapters use them. Not transitive: javac would then demand
    // both at compile time of every module reading this one; a module using an adapter requires its
    // library itself. Neither jar declares Automatic-Module-Name: the names come from the file names
    // commons-math3-3.6.1.jar and hipparchus-core-4.0.2.jar.
    requires static commons.math3;
    requires static hipparchus.core;

    exports io.github.interp4j.interpolate;
    exports io.github.interp4j.interpolate.adapters.commonsmath3;
    exports io.github.interp4j.interpolate.adapters.hipparchus;
}
