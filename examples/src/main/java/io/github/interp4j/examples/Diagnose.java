package io.github.interp4j.examples;

import io.github.interp4j.nativeconfig.NativeConfig;
import io.github.interp4j.nativeconfig.NativeReport;
import io.github.interp4j.nativeconfig.cgroup.QuotaCgroup;
import io.github.interp4j.nativeconfig.cgroup.SystemCapture;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code diagnose}: the JVM's {@code numpy.show_config()} for the container it runs in; with
 * {@code --in-cpu-quota CPUS} the same in a child JVM inside a new cgroup with that CPU quota (root).
 */
final class Diagnose {
    private Diagnose() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        // --in-cpu-quota CPUS [--quota-on-parent]: the same diagnose, in a child JVM inside a CPU quota
        Double quotaCpus = null;
        boolean parentOnly = false;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--in-cpu-quota")) {
                quotaCpus = i + 1 < args.length ? parseCpus(args[++i]) : Double.NaN;
                if (quotaCpus.isNaN()) {
                    err.println("--in-cpu-quota needs a number of CPUs in (0, 1024], e.g. 1 or 1.5");
                    return 2;
                }
            } else if (args[i].equals("--quota-on-parent")) {
                parentOnly = true;
            } else {
                rest.add(args[i]);
            }
        }
        if (quotaCpus != null) {
            return runInQuota(quotaCpus, parentOnly, rest, out, err);
        }
        if (parentOnly) {
            err.println("--quota-on-parent goes with --in-cpu-quota");
            return 2;
        }
        args = rest.toArray(new String[0]);
        boolean json = false;
        Path root = null;
        Path capture = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--json":
                    json = true;
                    break;
                case "--root":
                case "--capture":
                    if (i + 1 >= args.length) {
                        err.println(args[i] + " needs a directory");
                        return 2;
                    }
                    if (args[i].equals("--root")) {
                        root = Paths.get(args[++i]);
                    } else {
                        capture = Paths.get(args[++i]);
                    }
                    break;
                default:
                    err.println("unknown option for diagnose: " + args[i]);
                    return 2;
            }
        }
        if (root != null && capture != null) {
            err.println("--root and --capture cannot be combined");
            return 2;
        }
        try {
            if (capture != null) {
                List<Path> files = SystemCapture.capture(Paths.get("/"), capture);
                out.println("captured " + files.size() + " files into " + capture.toAbsolutePath());
                for (Path f : files) {
                    out.println("  " + f);
                }
                out.println("check offline with: java -jar interp4j-examples.jar diagnose --root " + capture);
                return 0;
            }
            NativeReport report = root != null ? NativeConfig.decideFrom(root) : NativeConfig.report();
            out.println(json ? report.toJson() : report.toText());
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("diagnose failed: " + e.getMessage());
            return 1;
        }
    }

    private static double parseCpus(String s) {
        try {
            double cpus = Double.parseDouble(s);
            return cpus > 0 && cpus <= 1024 ? cpus : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * Runs {@code diagnose rest...} in a child JVM inside a new cgroup with a CPU quota of {@code cpus}
     * (on the group itself, or with {@code parentOnly} only on its parent: the nested limit the JDK
     * misses), copying the child's output. Needs permission to create cgroups (root, or a delegated
     * subtree); says so otherwise.
     */
    private static int runInQuota(double cpus, boolean parentOnly, List<String> rest, PrintStream out,
                                  PrintStream err) {
        List<String> args = new ArrayList<>();
        args.add("diagnose");
        args.addAll(rest);
        String name = "interp4j-diagnose-" + ProcessHandle.current().pid();
        try (QuotaCgroup group = QuotaCgroup.create(name, cpus, parentOnly)) {
            ProcessBuilder pb = new ProcessBuilder(group.wrap(ChildJvm.command(List.of(), args)));
            // the child decides from its cgroup, not from thread-count variables inherited from here
            pb.environment().keySet().removeIf(k -> k.endsWith("_NUM_THREADS"));
            Process p = pb.start();
            p.getOutputStream().close();
            Thread copyErr = new Thread(() -> copy(p.getErrorStream(), err), "diagnose-child-stderr");
            copyErr.start();
            copy(p.getInputStream(), out);
            int code = p.waitFor();
            copyErr.join();
            return code;
        } catch (IOException e) {
            err.println("diagnose: cannot run inside a CPU quota here: " + e.getMessage()
                    + " (creating a cgroup needs root or a delegated cgroup subtree; in a container use"
                    + " docker run --cpus=" + cpus + " instead)");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("diagnose: interrupted");
            return 1;
        }
    }

    private static void copy(InputStream in, PrintStream to) {
        try (in) {
            in.transferTo(to);
            to.flush();
        } catch (IOException e) {
            to.println("(output of the child lost: " + e.getMessage() + ")");
        }
    }
}
