package io.github.interp4j.nativeconfig.internal.cgroup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the process's own threads and mappings from {@code /proc} below a root ({@code /} for this
 * process, a fixture tree in tests, where the files are usually absent): the thread ids, the threads
 * that native code started, and whether a BLAS library is mapped.
 *
 * <p>Thread-safety: immutable; every call reads the files afresh. Missing or unreadable files give the
 * documented "unknown" answers, never an exception. Cost: one directory listing plus one small read per
 * new thread.
 */
public final class ProcessCensus {
    private final Path root;

    /**
     * @param root the directory standing for {@code /}
     * @throws NullPointerException if {@code root} is null
     */
    public ProcessCensus(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    /** @return the thread ids of this process, from {@code /proc/self/task}, or null if unknown */
    public Set<String> threadIds() {
        String[] tasks = root.resolve("proc/self/task").toFile().list();
        return tasks == null ? null : new HashSet<>(Arrays.asList(tasks));
    }

    /**
     * Counts the threads that native code running on the current thread started since {@code before}:
     * new tasks whose name ({@code comm}) is the current thread's, since threads created with plain
     * {@code pthread_create} inherit their creator's name while the JVM names its own threads (JIT
     * compilers, GC, JavaCPP's deallocator), which may start at any moment.
     *
     * @param before thread ids from {@link #threadIds()}, or null
     * @return the count, or -1 if {@code /proc} cannot tell
     */
    public int threadsStartedHereSince(Set<String> before) {
        Set<String> after = threadIds();
        if (before == null || after == null) {
            return -1;
        }
        String self = comm(root.resolve("proc/thread-self/comm"));
        int count = 0;
        for (String tid : after) {
            if (!before.contains(tid)) {
                String name = comm(root.resolve("proc/self/task").resolve(tid).resolve("comm"));
                if (self == null || self.equals(name)) {
                    count++;
                }
            }
        }
        return count;
    }

    /** @return true if {@code /proc/self/maps} lists {@code libopenblas} or {@code libmkl_rt}; false if unknown */
    public boolean blasMapped() {
        try {
            String maps = Files.readString(root.resolve("proc/self/maps"), StandardCharsets.ISO_8859_1);
            return maps.contains("libopenblas") || maps.contains("libmkl_rt");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String comm(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1).trim();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "ProcessCensus{" + root + "}";
    }
}
