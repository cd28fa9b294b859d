package io.github.interp4j.nativeconfig.cgroup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A child cgroup with a task limit ({@code pids.max}), for running a process under a thread-creation
 * limit in tests and demos, as Kubernetes' {@code podPidsLimit} or {@code docker run --pids-limit} do:
 * every thread of every process in the group counts as one task, and {@code pthread_create} fails with
 * {@code EAGAIN} once {@code pids.current} reaches {@code pids.max}. Works on cgroup v1 (the {@code pids}
 * hierarchy, {@code <root>/pids/<name>}) and v2 ({@code <root>/<name>} with {@code +pids} enabled in the
 * root's {@code cgroup.subtree_control}); needs permission to create cgroups (root, or a delegated
 * subtree). {@link #close()} removes what {@link #create} made.
 *
 * <pre>{@code
 * try (PidsCgroup group = PidsCgroup.create("my-test-" + ProcessHandle.current().pid(), 40)) {
 *     Process p = new ProcessBuilder(group.wrap(List.of("java", "-cp", cp, "my.Main"))).inheritIO().start();
 *     p.waitFor();
 * } catch (IOException notPermitted) {
 *     // e.g. skip the test: the message says what was missing
 * }
 * }</pre>
 *
 * <p>Thread-safety: not thread-safe; one owner creates, uses and closes it.
 */
public final class PidsCgroup implements AutoCloseable {
    private final List<Path> created;
    private final Path group;

    private PidsCgroup(List<Path> created, Path group) {
        this.created = created;
        this.group = group;
    }

    /**
     * Creates the group with {@code pids.max = maxTasks}.
     *
     * <p>Cost: a few small file writes under {@code cgroupRoot}.
     *
     * @param cgroupRoot the cgroup filesystem root, normally {@code /sys/fs/cgroup}
     * @param name       the group's directory name
     * @param maxTasks   the task limit, at least 1
     * @return the group
     * @throws IOException              why it could not be created: no pids controller under
     *                                  {@code cgroupRoot}, or not permitted (the message then says that
     *                                  root or a delegated cgroup is needed); anything partly created is
     *                                  removed first
     * @throws IllegalArgumentException if {@code maxTasks < 1}, or {@code name} is empty or contains {@code /}
     * @throws NullPointerException     if {@code cgroupRoot} or {@code name} is null
     */
    public static PidsCgroup create(Path cgroupRoot, String name, long maxTasks) throws IOException {
        Objects.requireNonNull(cgroupRoot, "cgroupRoot");
        Objects.requireNonNull(name, "name");
        CgroupDirectories.checkName(name);
        checkMax(maxTasks);
        List<Path> made = new ArrayList<>();
        try {
            Path v1 = cgroupRoot.resolve("pids");
            Path group;
            if (Files.isRegularFile(v1.resolve("cgroup.procs")) && !Files.isRegularFile(v1.resolve("cgroup.controllers"))) {
                group = v1.resolve(name);
            } else if (Files.isRegularFile(cgroupRoot.resolve("cgroup.controllers"))
                    && Files.readString(cgroupRoot.resolve("cgroup.controllers")).contains("pids")) {
                CgroupDirectories.write(cgroupRoot.resolve("cgroup.subtree_control"), "+pids");
                group = cgroupRoot.resolve(name);
            } else {
                throw new IOException("no cgroup pids controller under " + cgroupRoot
                        + " (neither v1 pids/cgroup.procs nor v2 cgroup.controllers with pids)");
            }
            Files.createDirectory(group);
            made.add(group);
            CgroupDirectories.write(group.resolve("pids.max"), Long.toString(maxTasks));
            return new PidsCgroup(made, group);
        } catch (IOException | RuntimeException e) {
            throw CgroupDirectories.failed(made, e, "a cgroup with a task limit", cgroupRoot);
        }
    }

    /**
     * Convenience for {@link #create(Path, String, long)} under {@code /sys/fs/cgroup}.
     *
     * @param name     the group's directory name
     * @param maxTasks the task limit, at least 1
     * @return the group
     * @throws IOException              why it could not be created (see {@link #create(Path, String, long)})
     * @throws IllegalArgumentException if {@code maxTasks} or {@code name} is invalid
     */
    public static PidsCgroup create(String name, long maxTasks) throws IOException {
        return create(Paths.get("/sys/fs/cgroup"), name, maxTasks);
    }

    /** @return the group's directory (processes run in it) */
    public Path directory() {
        return group;
    }

    /**
     * Changes the limit (allowed while processes run; lowering it below {@code pids.current} kills
     * nothing, it only stops new tasks).
     *
     * @param maxTasks the new limit, at least 1
     * @throws IOException              if the file cannot be written
     * @throws IllegalArgumentException if {@code maxTasks < 1}
     */
    public void setMax(long maxTasks) throws IOException {
        checkMax(maxTasks);
        CgroupDirectories.write(group.resolve("pids.max"), Long.toString(maxTasks));
    }

    /**
     * @return the tasks now in the group ({@code pids.current})
     * @throws IOException if the file cannot be read or parsed
     */
    public long current() throws IOException {
        String t = Files.readString(group.resolve("pids.current"), StandardCharsets.US_ASCII).trim();
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IOException("malformed " + group.resolve("pids.current") + ": '" + t + "'", e);
        }
    }

    /**
     * A command line that moves itself into this group and then executes {@code command} (needs
     * {@code sh}). Start it with {@link ProcessBuilder}; the process and its children run under the limit.
     *
     * @param command the command to run
     * @return {@code sh -c 'echo $$ > group/cgroup.procs && exec "$@"' ...command}
     * @throws NullPointerException if {@code command} is null
     */
    public List<String> wrap(List<String> command) {
        return CgroupDirectories.wrap(group, command);
    }

    /**
     * Removes the group (after the processes in it have exited). Calling it again does nothing.
     *
     * @throws IOException if the directory could not be removed within a few seconds (a process still in it)
     */
    @Override
    public void close() throws IOException {
        CgroupDirectories.removeAll(created);
    }

    private static void checkMax(long maxTasks) {
        if (maxTasks < 1) {
            throw new IllegalArgumentException("maxTasks must be at least 1, was " + maxTasks);
        }
    }
}
