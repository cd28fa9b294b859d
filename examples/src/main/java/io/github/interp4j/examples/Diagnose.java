package io.github.interp4j.examples;

import io.github.interp4j.nativeconfig.NativeConfig;
import io.github.interp4j.nativeconfig.NativeReport;
import io.github.interp4j.nativeconfig.cgroup.SystemCapture;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/** {@code diagnose}: the JVM's {@code numpy.show_config()} for the container it runs in. */
final class Diagnose {
    private Diagnose() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
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
}
