/**
 * Read: everything native-config learns from the system, below an injectable root ({@code /} in
 * production, a fixture tree in tests). {@code SystemReader} reads {@code /proc/self/{mountinfo,cgroup,status}},
 * the online CPUs and the {@code /sys/fs/cgroup} limits (CPU quota, cpuset, memory, tasks:
 * {@code pids.max}/{@code pids.current}) into a {@code CgroupSnapshot}, and the task limits alone again
 * before every thread-pool growth ({@code readPids});
 * {@code ProcessCensus} reads the process's own threads and mappings ({@code /proc/self/task},
 * {@code /proc/self/maps}).
 *
 * <p>Owns: file formats and their quirks (missing, empty, malformed files never throw). May use: the JDK
 * and slf4j only; it decides nothing and never calls native code.
 */
package io.github.interp4j.nativeconfig.internal.cgroup;
