package io.github.interp4j.examples;

import io.github.interp4j.nativeconfig.CpuBudget;
import io.github.interp4j.nativeconfig.NativeConfig;
import io.github.interp4j.nativeconfig.cgroup.QuotaCgroup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code demo}: the same RBF workload in child JVMs three ways (interp4j's automatic budget; OpenBLAS
 * unmanaged at its own default; 16 BLAS threads as a 16-CPU host would give), on this machine and,
 * where a cgroup with a CPU quota can be created, inside a 1-CPU quota. Progress (the cell, a heartbeat,
 * the elapsed time) goes to standard error while it runs; the table to standard output, and a PNG chart
 * of the same numbers beside it ({@code --chart FILE}, default {@value #DEFAULT_CHART}).
 */
final class Demo {
    static final double DEFAULT_CAP_SECONDS = 15;
    /** The chart's default file, in the working directory. */
    static final String DEFAULT_CHART = "interp4j-demo.png";
    /** Seconds between two "still running" lines. */
    static final long HEARTBEAT_SECONDS = 5;

    /** One way to run the workload. */
    static final class Variant {
        final String label;
        final List<String> jvmArgs;

        Variant(String label, List<String> jvmArgs) {
            this.label = label;
            this.jvmArgs = jvmArgs;
        }
    }

    static final List<Variant> VARIANTS = List.of(
            new Variant("interp4j automatic budget", List.of()),
            new Variant("unmanaged (OpenBLAS default)", List.of("-Dinterp4j.blas.manage=false")),
            new Variant("16 BLAS threads", List.of("-Dinterp4j.blas.threads=16")));

    /** The outcome of one child run: seconds, or null when it exceeded the cap or failed. */
    static final class Outcome {
        final Double seconds;
        final String note;

        Outcome(Double seconds, String note) {
            this.seconds = seconds;
            this.note = note;
        }

        String cell(double cap) {
            if (seconds != null) {
                return String.format(Locale.ROOT, "%.3f s", seconds);
            }
            return note != null ? note : String.format(Locale.ROOT, "> %.0f s cap", cap);
        }
    }

    private Demo() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        double cap = DEFAULT_CAP_SECONDS;
        boolean quota = true;
        Path chart = Paths.get(DEFAULT_CHART);
        List<String> worker = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cap-seconds":
                    cap = Double.parseDouble(args[++i]);
                    break;
                case "--no-quota":
                    quota = false;
                    break;
                case "--chart":
                    chart = Paths.get(args[++i]);
                    break;
                case "--no-chart":
                    chart = null;
                    break;
                case "--points":
                case "--fits":
                case "--queries":
                    worker.add(args[i]);
                    worker.add(args[++i]);
                    break;
                default:
                    err.println("unknown option for demo: " + args[i]);
                    return 2;
            }
        }
        CpuBudget budget = NativeConfig.decision().budget();
        out.println("CPU budget detected here: " + budget.cpus() + " (" + budget.source() + ": " + budget.reason() + ")");
        out.println("Workload (in a child JVM per run): " + describe(worker));
        Progress progress = new Progress(err, VARIANTS.size() * (quota ? 2 : 1), cap);
        List<Outcome> here = new ArrayList<>();
        for (Variant v : VARIANTS) {
            here.add(progress.run("here", v, worker, null));
        }
        List<Outcome> quoted = null;
        String skipped = null;
        if (quota) {
            String name = "interp4j-demo-" + ProcessHandle.current().pid();
            try (QuotaCgroup group = QuotaCgroup.create(name, 1.0, false)) {
                quoted = new ArrayList<>();
                for (Variant v : VARIANTS) {
                    quoted.add(progress.run("1-CPU quota", v, worker, group));
                }
            } catch (IOException e) {
                skipped = "skipped the 1-CPU quota runs: cannot create a cgroup with a CPU quota here (" + e.getMessage()
                        + "; needs root on cgroup v1 or v2)";
            }
        } else {
            skipped = "skipped the 1-CPU quota runs (--no-quota)";
        }
        out.println();
        out.println(String.format(Locale.ROOT, "%-32s %-18s %s", "", "here", quoted != null ? "inside a 1-CPU quota" : ""));
        for (int i = 0; i < VARIANTS.size(); i++) {
            out.println(String.format(Locale.ROOT, "%-32s %-18s %s", VARIANTS.get(i).label, here.get(i).cell(cap),
                    quoted != null ? quoted.get(i).cell(cap) : ""));
        }
        if (skipped != null) {
            out.println(skipped);
        }
        if (chart != null) {
            try {
                DemoChart.write(chart, VARIANTS, here, quoted, cap, describe(worker));
                out.println("chart: " + chart.toAbsolutePath());
            } catch (IOException | RuntimeException e) {
                err.println("demo: could not write the chart " + chart + ": " + e);
            }
        }
        return 0;
    }

    /**
     * Progress on standard error while the children run: the cell that starts, a heartbeat every
     * {@link #HEARTBEAT_SECONDS} while it runs, and its time with the total elapsed when it ends.
     */
    static final class Progress {
        private final PrintStream err;
        private final int cells;
        private final double cap;
        private final long start = System.nanoTime();
        private int cell;

        Progress(PrintStream err, int cells, double cap) {
            this.err = err;
            this.cells = cells;
            this.cap = cap;
        }

        Outcome run(String where, Variant v, List<String> worker, QuotaCgroup group) {
            cell++;
            String name = String.format(Locale.ROOT, "[%d/%d] %s, %s", cell, cells, where, v.label);
            err.println(name + ": running (elapsed " + elapsed() + ")");
            Outcome o = runChild(v, worker, group, cap,
                    s -> err.println(String.format(Locale.ROOT, "%s: still running, %d s", name, s)));
            err.println(name + ": " + o.cell(cap) + " (elapsed " + elapsed() + ")");
            return o;
        }

        private String elapsed() {
            return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - start) / 1e9);
        }
    }

    private static String describe(List<String> worker) {
        int points = DemoWorker.DEFAULT_POINTS;
        int fits = DemoWorker.DEFAULT_FITS;
        int queries = DemoWorker.DEFAULT_QUERIES;
        for (int i = 0; i + 1 < worker.size(); i += 2) {
            int v = Integer.parseInt(worker.get(i + 1));
            switch (worker.get(i)) {
                case "--points":
                    points = v;
                    break;
                case "--fits":
                    fits = v;
                    break;
                default:
                    queries = v;
            }
        }
        return fits + " thin-plate RBF fits of " + points + " points in 2-D, each evaluated at " + queries + " points";
    }

    static Outcome runChild(Variant v, List<String> worker, QuotaCgroup group, double capSeconds) {
        return runChild(v, worker, group, capSeconds, s -> { });
    }

    /**
     * Runs one cell in a child JVM.
     *
     * @param heartbeat called with the seconds elapsed every {@link #HEARTBEAT_SECONDS} while it runs
     */
    static Outcome runChild(Variant v, List<String> worker, QuotaCgroup group, double capSeconds,
                            LongConsumer heartbeat) {
        List<String> args = new ArrayList<>();
        args.add("demo-worker");
        args.addAll(worker);
        List<String> cmd = ChildJvm.command(v.jvmArgs, args);
        if (group != null) {
            cmd = group.wrap(cmd);
        }
        ProcessBuilder pb = new ProcessBuilder(cmd);
        // Every variant starts from the same environment: no thread-count variables inherited.
        pb.environment().keySet().removeIf(k -> k.endsWith("_NUM_THREADS"));
        Path outFile = null;
        Path errFile = null;
        try {
            outFile = Files.createTempFile("interp4j-demo", ".out");
            errFile = Files.createTempFile("interp4j-demo", ".err");
            pb.redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
            Process p = pb.start();
            // The cap covers the workload; JVM start and the OpenBLAS load get a fixed allowance on top.
            if (!waitFor(p, Math.round(capSeconds * 1000) + 5_000, heartbeat)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                return new Outcome(null, null);
            }
            String text = Files.readString(outFile, StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("\"seconds\":([0-9.Ee+-]+)").matcher(text);
            if (p.exitValue() != 0 || !m.find()) {
                String errText = Files.readString(errFile, StandardCharsets.UTF_8).strip();
                return new Outcome(null, "failed (exit " + p.exitValue() + "): "
                        + (errText.isEmpty() ? text.strip() : errText.lines().reduce((a, b) -> b).orElse("")));
            }
            double s = Double.parseDouble(m.group(1));
            return s > capSeconds ? new Outcome(null, null) : new Outcome(s, null);
        } catch (IOException e) {
            return new Outcome(null, "failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted");
        } finally {
            deleteQuietly(outFile);
            deleteQuietly(errFile);
        }
    }

    /** Waits up to {@code millis} for the child, with a heartbeat; true if it ended. */
    private static boolean waitFor(Process p, long millis, LongConsumer heartbeat) throws InterruptedException {
        long start = System.nanoTime();
        long beats = 0;
        while (true) {
            long waited = (System.nanoTime() - start) / 1_000_000;
            if (waited >= millis) {
                return !p.isAlive();
            }
            long nextBeat = (beats + 1) * HEARTBEAT_SECONDS * 1000;
            if (p.waitFor(Math.min(millis, nextBeat) - waited, TimeUnit.MILLISECONDS)) {
                return true;
            }
            if ((System.nanoTime() - start) / 1_000_000 >= nextBeat && nextBeat < millis) {
                beats++;
                heartbeat.accept(beats * HEARTBEAT_SECONDS);
            }
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // a temp file left behind is harmless
            }
        }
    }
}
