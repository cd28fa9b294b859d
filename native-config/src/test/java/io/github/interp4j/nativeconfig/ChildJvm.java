package io.github.interp4j.nativeconfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Starts {@link ChildMain} in a fresh JVM with the test class path and collects its output. */
final class ChildJvm {
    static final long TIMEOUT_SECONDS = 120;

    final int exitCode;
    final String stdout;
    final String stderr;

    private ChildJvm(int exitCode, String stdout, String stderr) {
        this.exitCode = exitCode;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static List<String> javaCommand(List<String> jvmArgs, String scenario) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.addAll(jvmArgs);
        cmd.add(ChildMain.class.getName());
        cmd.add(scenario);
        return cmd;
    }

    static ChildJvm run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.endsWith("_NUM_THREADS"));
        pb.environment().putAll(env);
        Path out = java.nio.file.Files.createTempFile("child", ".out");
        Path err = java.nio.file.Files.createTempFile("child", ".err");
        try {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("child JVM did not finish in " + TIMEOUT_SECONDS + " s: " + command);
            }
            return new ChildJvm(p.exitValue(), java.nio.file.Files.readString(out, StandardCharsets.UTF_8),
                    java.nio.file.Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            java.nio.file.Files.deleteIfExists(out);
            java.nio.file.Files.deleteIfExists(err);
        }
    }

    static ChildJvm run(List<String> jvmArgs, Map<String, String> env, String scenario)
            throws IOException, InterruptedException {
        return run(javaCommand(jvmArgs, scenario), env);
    }

    /** @return the last line of stdout (the JSON report) */
    String json() {
        String[] lines = stdout.strip().split("\n");
        String last = lines[lines.length - 1];
        if (!last.startsWith("{")) {
            throw new AssertionError("no JSON report; exit " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr);
        }
        return last;
    }

    /** @return a top-level number or literal of the JSON report (null for JSON null) */
    String field(String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\":(\"(?:[^\"\\\\]|\\\\.)*\"|[^,}\\]]+)").matcher(json());
        if (!m.find()) {
            throw new AssertionError("key " + key + " missing in " + json());
        }
        String v = m.group(1);
        return v.equals("null") ? null : v.startsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    int intField(String key) {
        String v = field(key);
        if (v == null) {
            throw new AssertionError("key " + key + " is null in " + json());
        }
        return Integer.parseInt(v);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
    }
}
