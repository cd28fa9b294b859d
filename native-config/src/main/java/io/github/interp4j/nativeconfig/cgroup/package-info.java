/**
 * Public tools around cgroups for tests and diagnostics:
 * {@link io.github.interp4j.nativeconfig.cgroup.QuotaCgroup} runs a child process inside a CPU quota
 * (cgroup v1 or v2; needs permission to create cgroups),
 * {@link io.github.interp4j.nativeconfig.cgroup.PidsCgroup} runs one under a task limit ({@code pids.max}), and
 * {@link io.github.interp4j.nativeconfig.cgroup.SystemCapture} copies the files native-config reads into
 * a directory that {@link io.github.interp4j.nativeconfig.NativeConfig#decideFrom(java.nio.file.Path)}
 * reads back to the same decision.
 *
 * <p>Owns: creating/removing quota and task-limit cgroups and writing captures. May use: {@code internal.cgroup} (the
 * reader whose files a capture records). Never loads native code.
 */
package io.github.interp4j.nativeconfig.cgroup;
