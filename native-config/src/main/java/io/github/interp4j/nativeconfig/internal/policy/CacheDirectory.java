package io.github.interp4j.nativeconfig.internal.policy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Chooses the directory JavaCPP unpacks native libraries into. With a read-only root filesystem or an
 * unwritable HOME, JavaCPP's default ({@code ~/.javacpp/cache}) fails; then a directory under
 * {@code java.io.tmpdir} is chosen and {@value #PROPERTY} set to it. A directory set by the user is
 * never changed.
 *
 * <p>Thread-safety: {@link #choose} is stateless; {@link #ensure()} is synchronized (it sets a system
 * property). Cost: at most two directory probes.
 */
public final class CacheDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(CacheDirectory.class);

    /** System property JavaCPP reads for its native-library cache directory. */
    public static final String PROPERTY = "org.bytedeco.javacpp.cachedir";
    /** The same setting in the spelling older JavaCPP releases read. */
    public static final String LEGACY_PROPERTY = "org.bytedeco.javacpp.cacheDir";

    private CacheDirectory() {}

    /**
     * The directory chosen and the one preferred (JavaCPP's default); they differ after a fallback.
     *
     * @param dir       the writable directory to use
     * @param preferred the first candidate
     */
    public record Choice(Path dir, Path preferred) {
        /** @return true when the preferred directory was not writable */
        public boolean fallback() {
            return !dir.equals(preferred);
        }
    }

    /**
     * Chooses the cache directory from system properties: nothing when the user set one; else
     * {@code user.home/.javacpp/cache}, else {@code java.io.tmpdir/interp4j-javacpp-<user>/cache}, the
     * first that {@code writable} accepts.
     *
     * @param properties system properties ({@code user.home}, {@code user.name}, {@code java.io.tmpdir}
     *                   and the two cache properties are read)
     * @param writable   tells whether a directory can be created and written
     * @return the choice, or empty when a cache directory is already set
     * @throws IllegalStateException naming {@value #PROPERTY} when no candidate is writable
     * @throws NullPointerException  if an argument is null
     */
    public static Optional<Choice> choose(Map<String, String> properties, Predicate<Path> writable) {
        Objects.requireNonNull(writable, "writable");
        if (properties.get(PROPERTY) != null || properties.get(LEGACY_PROPERTY) != null) {
            return Optional.empty();
        }
        String home = properties.get("user.home");
        String user = properties.getOrDefault("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
        List<Path> candidates = new ArrayList<>();
        if (home != null) {
            candidates.add(Paths.get(home, ".javacpp", "cache"));
        }
        String tmp = properties.get("java.io.tmpdir");
        if (tmp != null) {
            candidates.add(Paths.get(tmp, "interp4j-javacpp-" + user, "cache"));
        }
        StringBuilder tried = new StringBuilder();
        for (Path dir : candidates) {
            if (writable.test(dir)) {
                return Optional.of(new Choice(dir, candidates.get(0)));
            }
            tried.append(tried.length() == 0 ? "" : ", ").append(dir);
        }
        throw new IllegalStateException("no writable directory to unpack native libraries into (tried " + tried
                + "); set the system property " + PROPERTY + " to a writable directory");
    }

    /**
     * Makes sure JavaCPP has a writable cache directory: {@link #choose} over this JVM's system
     * properties, then sets {@value #PROPERTY} to the choice (with a WARN after a fallback).
     *
     * @throws IllegalStateException naming {@value #PROPERTY} when no candidate is writable
     */
    public static synchronized void ensure() {
        Map<String, String> props = new HashMap<>();
        for (String key : List.of(PROPERTY, LEGACY_PROPERTY, "user.home", "user.name", "java.io.tmpdir")) {
            String v = System.getProperty(key);
            if (v != null) {
                props.put(key, v);
            }
        }
        choose(props, CacheDirectory::writable).ifPresent(c -> {
            if (c.fallback()) {
                LOG.warn("JavaCPP cache {} is not writable; unpacking native libraries into {} ({}={})",
                        c.preferred(), c.dir(), PROPERTY, c.dir());
            }
            System.setProperty(PROPERTY, c.dir().toString());
        });
    }

    /**
     * Probes a directory: creates it if needed and writes and deletes a small file in it.
     *
     * @param dir the directory
     * @return true if that worked
     */
    public static boolean writable(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".probe", null);
            Files.delete(probe);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.debug("cache candidate {} not writable: {}", dir, e.toString());
            return false;
        }
    }
}
