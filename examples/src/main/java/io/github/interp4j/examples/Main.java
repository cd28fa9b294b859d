package io.github.interp4j.examples;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * Command-line entry of the self-contained jar {@code examples/target/interp4j-examples.jar}.
 *
 * <pre>
 *   java -jar interp4j-examples.jar demo [--cap-seconds S] [--no-quota] [--chart FILE | --no-chart] [--points N] [--fits K] [--queries Q]
 *   java -jar interp4j-examples.jar diagnose [--json] [--root DIR | --capture DIR] [--in-cpu-quota C [--quota-on-parent]]
 *   java -jar interp4j-examples.jar gallery --out DIR
 *   java -cp interp4j-examples.jar org.openjdk.jmh.Main [JMH options]      (benchmarks)
 * </pre>
 */
public final class Main {
    private Main() {}

    /**
     * @param args the command and its options
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs a command.
     *
     * @param args the command and its options
     * @param out  standard output
     * @param err  standard error
     * @return the process exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            usage(out);
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "diagnose":
                return Diagnose.run(rest, out, err);
            case "demo":
                return Demo.run(rest, out, err);
            case "gallery":
                return Gallery.run(rest, out, err);
            case "demo-worker":
                return DemoWorker.run(rest, out, err);
            default:
                err.println("unknown command: " + args[0]);
                usage(err);
                return 2;
        }
    }

    private static void usage(PrintStream s) {
        s.println("usage: java -jar interp4j-examples.jar <command> [options]");
        s.println("  demo                the same RBF workload in child JVMs: automatic budget, OpenBLAS unmanaged, 16 BLAS");
        s.println("                      threads; here and (as root) inside a 1-CPU cgroup quota");
        s.println("    --cap-seconds S   stop a run after S seconds of work and report it as '> cap' (default 15)");
        s.println("    --no-quota        skip the 1-CPU quota runs");
        s.println("    --chart FILE      write the results chart (PNG) to FILE (default interp4j-demo.png); --no-chart: none");
        s.println("    --points N --fits K --queries Q   workload size (default 1500 points, 5 fits, 20000 queries)");
        s.println("  diagnose            print what interp4j decides for this process: CPU budget, BLAS threads, backend");
        s.println("    --json            one JSON object instead of text");
        s.println("    --root DIR        decide from a captured tree instead of the live system (no BLAS part)");
        s.println("    --capture DIR     write the files diagnose reads from the live system into DIR");
        s.println("    --in-cpu-quota C  run it in a child JVM inside a new cgroup with a quota of C CPUs (needs root);");
        s.println("                      --quota-on-parent puts the quota only on the group's parent (the nested case)");
        s.println("  gallery --out DIR   one PNG per interpolation method (1-D curves, 2-D heatmaps) on the same data");
        s.println("benchmarks: java -cp interp4j-examples.jar org.openjdk.jmh.Main [JMH options]");
    }
}
