package io.github.interp4j.nativeconfig.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A child cgroup with a CPU quota, for running a process inside a CPU budget in your own tests and demos
 * (for example to check that code sized by {@link io.github.interp4j.nativeconfig.NativeConfig} keeps to
 * one CPU in a container-like limit). The quota can sit on the group itself or only on its parent (a
 * nested limit, which the JDK's {@code availableProcessors()} misses). Works on cgroup v1 ({@code cpu}
 * controller) and v2 ({@code cpu.max}); needs permission to create cgroups (root, or a delegated
 * subtree). {@link #close()} removes what {@link #create} made.
 *
 * <pre>{@code
 * try (QuotaCgroup group = QuotaCgroup.create("my-test-" + ProcessHandle.current().pid(), 1.0, true)) {
 *     Process p = new ProcessBuilder(group.wrap(List.of("java", "-cp", cp, "my.Main"))).inheritIO().start();
 *     p.waitFor();
 * } catch (IOException notPermitted) {
 *     // e.g. skip the test: the message says what was missing
 * }
 * }</pre>
 *
 * <p>Thread-safety: not thread-safe; one owner creates, uses and closes it.
 */
public final class QuotaCgroup implements AutoCloseable {
    private static final long PERIOD_US = 100_000;

    private final List<Path> created;
    private final Path leaf;

    private QuotaCgroup(List<Path> created, Path leaf) {
        this.created = created;
        this.leaf = leaf;
    }

    /**
     * Creates {@code <hierarchy>/<name>} with a quota of {@code cpus} CPUs, and a child {@code leaf}
     * under it when {@code quotaOnParentOnly}.
     *
     * @param cgroupRoot        the cgroup filesystem root, normally {@code /sys/fs/cgroup}
     * @param name              the group's directory name
     * @param cpus              the quota in CPUs, positive (e.g. 1, 0.5, 1.5)
     * @param quotaOnParentOnly true to run in a child of the limited group
     * @return the group
     * <p>Cost: a few small file writes under {@code cgroupRoot}.
     *
     * @throws IOException why it could not be created: no cgroup cpu controller under {@code cgroupRoot},
     *                     or not permitted (the message then names the directory or file and says that
     *                     root or a delegated cgroup is needed); anything partly created is removed first
     * @throws IllegalArgumentException if {@code cpus} is not positive and finite, or {@code name} is empty
     *                                  or contains {@code /}
     * @throws NullPointerException     if {@code cgroupRoot} or {@code name} is null
     */
    public static QuotaCgroup create(Path cgroupRoot, String name, double cpus, boolean quotaOnParentOnly)
            throws IOException {
        Objects.requireNonNull(cgroupRoot, "cgroupRoot");
        Objects.requireNonNull(name, "name");
        if (!(cpus > 0) || Double.isInfinite(cpus)) {
            throw new IllegalArgumentException("cpus must be positive, was " + cpus);
        }
        CgroupDirectories.checkName(name);
        long quota = Math.max(1000, Math.round(cpus * PERIOD_US));
        List<Path> made = new ArrayList<>();
        try {
            Path v1 = cgroupRoot.resolve("cpu");
            Path group;
            if (Files.isRegularFile(v1.resolve("cpu.cfs_quota_us"))) {
                group = v1.resolve(name);
                Files.createDirectory(group);
                made.add(group);
                CgroupDirectories.write(group.resolve("cpu.cfs_period_us"), Long.toString(PERIOD_US));
                CgroupDirectories.write(group.resolve("cpu.cfs_quota_us"), Long.toString(quota));
            } else if (Files.isRegularFile(cgroupRoot.resolve("cgroup.controllers"))
                    && Files.readString(cgroupRoot.resolve("cgroup.controllers")).contains("cpu")) {
                CgroupDirectories.write(cgroupRoot.resolve("cgroup.subtree_control"), "+cpu");
                group = cgroupRoot.resolve(name);
                Files.createDirectory(group);
                made.add(group);
                CgroupDirectories.write(group.resolve("cpu.max"), quota + " " + PERIOD_US);
            } else {
                throw new IOException("no cgroup cpu controller under " + cgroupRoot
                        + " (neither v1 cpu/cpu.cfs_quota_us nor v2 cgroup.controllers with cpu)");
            }
            Path leaf = group;
            if (quotaOnParentOnly) {
                leaf = group.resolve("leaf");
                Files.createDirectory(leaf);
                made.add(leaf);
            }
            return new QuotaCgroup(made, leaf);
        } catch (IOException | RuntimeException e) {
            throw CgroupDirectories.failed(made, e, "a cgroup with a CPU quota", cgroupRoot);
        }
    }

    /**
     * Convenience for {@link #create(Path, String, double, boolean)} under {@code /sys/fs/cgroup}.
     *
     * @param name              the group's directory name
     * @param cpus              the quota in CPUs
     * @param quotaOnParentOnly true to run in a child of the limited group
     * @return the group
     * @throws IOException why it could not be created (see {@link #create(Path, String, double, boolean)})
     * @throws IllegalArgumentException if {@code cpus} or {@code name} is invalid
     */
    public static QuotaCgroup create(String name, double cpus, boolean quotaOnParentOnly) throws IOException {
        return create(Paths.get("/sys/fs/cgroup"), name, cpus, quotaOnParentOnly);
    }

    /** @return the directory processes run in */
    public Path leaf() {
        return leaf;
    }

    /**
     * A command line that moves itself into this group and then executes {@code command} (needs
     * {@code sh}). Start it with {@link ProcessBuilder}; the process and its children run inside the quota.
     *
     * @param command the command to run inside the quota
     * @return {@code sh -c 'echo $$ > leaf/cgroup.procs && exec "$@"' ...command}
     * @throws NullPointerException if {@code command} is null
     */
    public List<String> wrap(List<String> command) {
        return CgroupDirectories.wrap(leaf, command);
    }

    /**
     * Removes the group (after the processes in it have exited). Calling it again does nothing.
     *
     * @throws IOException if a directory could not be removed within a few seconds (a process still in it)
     */
    @Override
    public void close() throws IOException {
        CgroupDirectories.removeAll(created);
    }
}
