package io.github.interp4j.nativeconfig.internal.agent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The C library's process environment through the agent's own JNI stub ({@code src/main/c/interp4j_agent_env.c},
 * built with gcc by the Maven build and packaged only into the agent jar under
 * {@code <platform>/libinterp4j-agent.so} next to this class). JavaCPP is not involved, so the agent
 * cannot clash with the application's bytedeco version.
 *
 * <p>{@link #load()} copies the library to a fresh directory (under {@code java.io.tmpdir}, else
 * {@code ~/.cache/interp4j}), loads it with {@link System#load} and deletes the copy at once (a loaded
 * library stays mapped). A temporary directory mounted {@code noexec} fails the first candidate; the
 * next one is tried.
 *
 * <p>{@code setenv} is not thread-safe against a concurrent {@code getenv} in native code; the agent calls
 * it before {@code main}, while only the JVM's own threads exist. {@link System#getenv()} is a copy taken
 * at JVM start and never sees these changes.
 *
 * <p>Thread-safety: {@link #load()} is synchronized; the natives are as thread-safe as libc's.
 */
final class CEnvironment {
    /** The library's file name inside the jar and on disk. */
    static final String LIBRARY = "libinterp4j-agent.so";
    private static boolean loaded;

    private CEnvironment() {}

    /**
     * C {@code setenv(name, value, 1)}.
     *
     * @param name  the variable
     * @param value its new value
     * @return 0, or the errno of the failure
     */
    static native int set(String name, String value);

    /**
     * C {@code getenv(name)}.
     *
     * @param name the variable
     * @return its bytes, or null when unset
     */
    static native byte[] get(String name);

    /**
     * @param name the variable
     * @return its value decoded as UTF-8, or null when unset
     */
    static String getString(String name) {
        byte[] b = get(name);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    /** @return the platform directory the build names: {@code linux-x86_64}, {@code linux-arm64}, ... */
    static String platform() {
        String os = System.getProperty("os.name", "unknown").toLowerCase(Locale.ROOT).replaceAll("\\s.*", "");
        String arch = System.getProperty("os.arch", "unknown").toLowerCase(Locale.ROOT);
        switch (arch) {
            case "amd64":
            case "x86_64":
                arch = "x86_64";
                break;
            case "aarch64":
                arch = "arm64";
                break;
            default:
                break;
        }
        return os + "-" + arch;
    }

    /**
     * Loads the stub once.
     *
     * @throws IOException          if the jar has no stub for this platform, or no candidate directory
     *                              could hold and load it (the message lists each attempt)
     */
    static synchronized void load() throws IOException {
        if (loaded) {
            return;
        }
        String resource = platform() + "/" + LIBRARY;
        if (CEnvironment.class.getResource(resource) == null) {
            throw new IOException("the agent jar has no native stub for " + platform()
                    + " (it carries one for the platform it was built on)");
        }
        List<String> failures = new ArrayList<>();
        for (Path base : candidates()) {
            try (InputStream in = CEnvironment.class.getResourceAsStream(resource)) {
                Files.createDirectories(base);
                Path dir = privateDirectory(base);
                Path lib = dir.resolve(LIBRARY);
                try {
                    Files.copy(in, lib, StandardCopyOption.REPLACE_EXISTING);
                    System.load(lib.toAbsolutePath().toString());
                    loaded = true;
                    return;
                } finally {
                    Files.deleteIfExists(lib);
                    Files.deleteIfExists(dir);
                }
            } catch (IOException | UnsatisfiedLinkError | SecurityException e) {
                failures.add(base + ": " + e);
            }
        }
        throw new IOException("could not load the native stub " + LIBRARY + " (" + String.join("; ", failures) + ")");
    }

    /**
     * A new directory only this user can enter ({@code rwx------}), named by pid and time. Unlike
     * {@link Files#createTempDirectory} it does not seed a {@code SecureRandom}, which costs tens of
     * milliseconds before {@code main}; {@link Files#createDirectory} fails rather than reuse anything
     * that exists at the name (a symbolic link included), and then the next name is tried.
     */
    private static Path privateDirectory(Path base) throws IOException {
        FileAttribute<Set<PosixFilePermission>> owner =
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
        String stem = "interp4j-agent-" + ProcessHandle.current().pid() + "-";
        for (int attempt = 0; ; attempt++) {
            try {
                return Files.createDirectory(base.resolve(stem + Long.toHexString(System.nanoTime())), owner);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 10) {
                    throw e;
                }
            }
        }
    }

    private static List<Path> candidates() {
        List<Path> dirs = new ArrayList<>();
        String tmp = System.getProperty("java.io.tmpdir");
        if (tmp != null && !tmp.isBlank()) {
            dirs.add(Paths.get(tmp));
        }
        String home = System.getProperty("user.home");
        if (home != null && !home.isBlank() && !home.equals("?")) {
            dirs.add(Paths.get(home, ".cache", "interp4j"));
        }
        return dirs;
    }
}
