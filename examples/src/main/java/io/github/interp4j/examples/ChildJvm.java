package io.github.interp4j.examples;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** The command line of a child JVM running one of this jar's commands on the same class path. */
final class ChildJvm {
    private ChildJvm() {}

    /**
     * @param jvmArgs options for the child JVM (system properties, ...)
     * @param command the command and its arguments, as {@link Main} takes them
     * @return {@code java [jvmArgs] -cp <this class path> io.github.interp4j.examples.Main [command]}
     */
    static List<String> command(List<String> jvmArgs, List<String> command) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(command);
        return cmd;
    }
}
