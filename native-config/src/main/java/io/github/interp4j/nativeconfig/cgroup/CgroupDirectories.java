package io.github.interp4j.nativeconfig.cgroup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link QuotaCgroup} and {@link PidsCgroup} share: writing control files, the command line that
 * moves a process into a group, translating "not permitted" into one clear message, and removing the
 * directories made (with retries, since a process that just exited may stay in the group for a moment).
 *
 * <p>Thread-safety: stateless.
 */
final class CgroupDirectories {
    private CgroupDirectories() {}

    /** Rejects a name that is not one non-empty directory name. */
    static void checkName(String name) {
        if (name.isEmpty() || name.contains("/")) {
            throw new IllegalArgumentException("name must be one non-empty directory name, was '" + name + "'");
        }
    }

    /** {@code sh -c 'echo $$ > leaf/cgroup.procs && exec "$@"' ...command}. */
    static List<String> wrap(Path leaf, List<String> command) {
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", "echo $$ > \"$0/cgroup.procs\" && exec \"$@\"",
                leaf.toString()));
        cmd.addAll(command);
        return cmd;
    }

    /**
     * Removes what was partly made and turns the failure into the IOException {@code create} throws.
     *
     * @param made  directories created so far, parents first (emptied)
     * @param e     the failure
     * @param what  e.g. "a cgroup with a CPU quota"
     * @param where the cgroup file system root
     * @return the exception to throw
     */
    static IOException failed(List<Path> made, Exception e, String what, Path where) {
        try {
            removeAll(made);
        } catch (IOException cleanup) {
            e.addSuppressed(cleanup);
        }
        if (e instanceof AccessDeniedException || (e instanceof FileSystemException
                && String.valueOf(((FileSystemException) e).getReason()).contains("not permitted"))) {
            return new IOException("not permitted to create " + what + " under " + where + " (" + e.getMessage()
                    + "): run as root or in a delegated, writable cgroup", e);
        }
        return e instanceof IOException ? (IOException) e : new IOException("could not create " + what + ": " + e, e);
    }

    /** Removes the directories, children first (the list holds parents first), and empties the list. */
    static void removeAll(List<Path> dirs) throws IOException {
        IOException failure = null;
        for (int i = dirs.size() - 1; i >= 0; i--) {
            try {
                removeWithRetry(dirs.get(i));
            } catch (IOException e) {
                failure = e;
            }
        }
        dirs.clear();
        if (failure != null) {
            throw failure;
        }
    }

    private static void removeWithRetry(Path dir) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                Files.deleteIfExists(dir);
                return;
            } catch (IOException e) {
                if (attempt >= 50) {
                    throw new IOException("could not remove cgroup " + dir + ": " + e, e);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while removing cgroup " + dir, ie);
                }
            }
        }
    }

    static void write(Path file, String value) throws IOException {
        Files.write(file, value.getBytes(StandardCharsets.US_ASCII));
    }
}
