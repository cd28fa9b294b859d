package io.github.interp4j.nativeconfig.cgroup;

import io.github.interp4j.nativeconfig.internal.cgroup.SystemReader;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the files native-config reads to find the CPU budget ({@code /proc/self/mountinfo},
 * {@code /proc/self/cgroup}, {@code /proc/self/status}, the online CPUs and the
 * {@code /sys/fs/cgroup/...} limits on the process's cgroup and its ancestors) into a directory, for bug
 * reports and regression tests. {@link io.github.interp4j.nativeconfig.NativeConfig#decideFrom(Path)}
 * on the copy gives the same decision as on the live system ({@code diagnose --capture DIR}, then
 * {@code diagnose --root DIR}).
 *
 * <p>The capture reads the live root exactly as native-config does and records every file it reads
 * successfully, with the exact bytes it read; those bytes are then written below the destination with
 * the same relative paths. The copy therefore cannot drift from what native-config consults, and it is
 * consistent even if the live files change while capturing.
 *
 * <p>Thread-safety: stateless; concurrent captures into different destinations are independent.
 */
public final class SystemCapture {
    private static final Logger LOG = LoggerFactory.getLogger(SystemCapture.class);

    private SystemCapture() {}

    /**
     * Captures the files read from {@code liveRoot} into {@code dest}, so that deciding from {@code dest}
     * equals deciding from {@code liveRoot} (as of the moment of capture).
     *
     * <p>Cost: reads a few dozen small files and writes the ones found.
     *
     * @param liveRoot the root to read, {@code Path.of("/")} for the running system
     * @param dest     the destination directory; it must not exist or be empty, since a file already
     *                 there could stand in for one that is missing from the live system
     * @return the files written, below {@code dest}, in the order they were read
     * @throws DirectoryNotEmptyException if {@code dest} is a non-empty directory
     * @throws IOException                if {@code dest} cannot be created or written
     * @throws NullPointerException       if an argument is null
     */
    public static List<Path> capture(Path liveRoot, Path dest) throws IOException {
        Objects.requireNonNull(liveRoot, "liveRoot");
        Objects.requireNonNull(dest, "dest");
        if (Files.isDirectory(dest)) {
            try (Stream<Path> entries = Files.list(dest)) {
                if (entries.findAny().isPresent()) {
                    throw new DirectoryNotEmptyException(dest.toString());
                }
            }
        }

        Map<String, byte[]> read = SystemReader.filesRead(liveRoot);
        Path base = dest.toAbsolutePath().normalize();
        List<Path> written = new ArrayList<>(read.size());
        for (Map.Entry<String, byte[]> e : read.entrySet()) {
            Path target = base.resolve(e.getKey()).normalize();
            if (!target.startsWith(base) || target.equals(base)) {
                LOG.debug("Not capturing {}: it resolves outside {}", e.getKey(), base);
                continue;
            }
            Files.createDirectories(target.getParent());
            Files.write(target, e.getValue());
            written.add(target);
        }
        LOG.debug("Captured {} files from {} into {}", written.size(), liveRoot, base);
        return List.copyOf(written);
    }
}
