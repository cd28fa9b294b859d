package io.github.interp4j.nativeconfig.internal.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Facts the build wrote into {@code build.properties} (Maven resource filtering from the parent pom's
 * {@code openblas.version}), so that messages name the artifact the library was built against without a
 * copy of its version in the code.
 *
 * <p>Thread-safety: immutable after class initialisation.
 */
final class BuildInfo {
    /** {@code org.bytedeco:openblas:<version>} as the pom names it. */
    static final String OPENBLAS_ARTIFACT = load().getProperty("openblas.artifact", "org.bytedeco:openblas");

    private BuildInfo() {}

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read build.properties of native-config", e);
        }
        return p;
    }
}
