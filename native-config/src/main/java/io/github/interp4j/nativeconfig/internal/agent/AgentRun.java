package io.github.interp4j.nativeconfig.internal.agent;

import io.github.interp4j.nativeconfig.CpuBudget;
import io.github.interp4j.nativeconfig.internal.cgroup.CgroupSnapshot;
import io.github.interp4j.nativeconfig.internal.cgroup.SystemReader;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The agent's work, run inside its isolated class loader by {@link AgentMain}: parse the options, load the
 * JNI stub, read the cgroups ({@link SystemReader} over {@code /}), decide ({@link AgentDecision}), set the
 * variables in the C environment and the common-pool property, and compose the one line to print.
 *
 * <p>Loads no numeric library and never throws for an expected failure: a missing or unloadable stub, a
 * failed {@code setenv} and an unreadable cgroup tree each become a warning in the line.
 *
 * <p>Thread-safety: meant to run once, before {@code main}.
 */
public final class AgentRun {
    private AgentRun() {}

    /**
     * Runs the agent.
     *
     * @param options the text after {@code =} in {@code -javaagent:<jar>=...}, or null
     * @param inst    the JVM's instrumentation, or null (then {@code ForkJoinPool} is assumed not loaded)
     * @return the line to print on stderr, or null when {@code quiet} and there is no warning
     */
    public static String run(String options, Instrumentation inst) {
        return run(options, inst, Paths.get("/"));
    }

    /**
     * Runs the agent over the system below {@code root} ({@code /} in production).
     *
     * @param options as in {@link #run(String, Instrumentation)}
     * @param inst    as in {@link #run(String, Instrumentation)}
     * @param root    the directory standing for {@code /} when reading cgroups
     * @return as in {@link #run(String, Instrumentation)}
     */
    static String run(String options, Instrumentation inst, Path root) {
        long start = System.nanoTime();
        AgentOptions opts = AgentOptions.parse(options);
        List<String> warnings = new ArrayList<>();

        String stubFailure = null;
        try {
            CEnvironment.load();
        } catch (IOException | LinkageError | SecurityException e) {
            stubFailure = e.getMessage() != null ? e.getMessage() : e.toString();
        }
        Map<String, String> env = new HashMap<>();
        for (String name : AgentDecision.THREAD_VARIABLES) {
            String v = stubFailure == null ? CEnvironment.getString(name) : System.getenv(name);
            if (v != null) {
                env.put(name, v);
            }
        }

        CgroupSnapshot snapshot = new SystemReader(root).read();
        if (snapshot.cpuVersion() == 0) {
            warnings.add("no readable cgroup cpu controller: the budget is the host's CPUs");
        }
        AgentDecision d = AgentDecision.decide(snapshot, opts, properties(), env,
                Runtime.getRuntime().availableProcessors(), inst != null && loaded(inst));
        warnings.addAll(d.warnings());

        Map<String, String> set = new LinkedHashMap<>();
        if (!d.toSet().isEmpty()) {
            if (stubFailure != null) {
                warnings.add("environment unchanged: " + stubFailure);
            } else {
                for (Map.Entry<String, String> e : d.toSet().entrySet()) {
                    int rc = CEnvironment.set(e.getKey(), e.getValue());
                    String now = CEnvironment.getString(e.getKey());
                    if (rc == 0 && e.getValue().equals(now)) {
                        set.put(e.getKey(), e.getValue());
                    } else {
                        warnings.add("setenv " + e.getKey() + "=" + e.getValue() + " failed (errno " + rc + ")");
                    }
                }
            }
        }
        if (d.commonParallelism() != null) {
            System.setProperty(AgentDecision.COMMON_PARALLELISM, Integer.toString(d.commonParallelism()));
        }
        if (opts.quiet() && warnings.isEmpty()) {
            return null;
        }
        return line(d, opts, set, warnings, (System.nanoTime() - start) / 1_000_000);
    }

    /** The one line: budget, variables set and kept, the common pool, elapsed time, then warnings. */
    static String line(AgentDecision d, AgentOptions opts, Map<String, String> set, List<String> warnings,
                       long millis) {
        StringBuilder sb = new StringBuilder(AgentMain.PREFIX);
        CpuBudget b = d.budget();
        sb.append("budget ").append(AgentDecision.cpus(b.cpus())).append(" (").append(source(d, opts)).append(')');
        if (!d.decision().plan().manageBlas()) {
            sb.append("; manage=false, environment left alone");
        } else if (!set.isEmpty()) {
            sb.append("; set");
            set.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        }
        if (!d.kept().isEmpty()) {
            sb.append("; kept");
            d.kept().forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        }
        if (d.commonParallelism() != null) {
            sb.append("; ").append(AgentDecision.COMMON_PARALLELISM).append('=').append(d.commonParallelism())
                    .append(" (availableProcessors ").append(d.availableProcessors()).append(')');
        }
        sb.append("; ").append(millis).append(" ms");
        for (String w : warnings) {
            sb.append("; WARN ").append(w);
        }
        return sb.toString();
    }

    private static String source(AgentDecision d, AgentOptions opts) {
        CpuBudget b = d.budget();
        switch (b.source()) {
            case CGROUP_V1_QUOTA:
            case CGROUP_V2_CPU_MAX:
                return "cgroup v" + b.cgroupVersion() + " quota " + b.quotaUs() + "/" + b.periodUs() + " us on "
                        + b.quotaCgroup() + ", " + b.rounding().name().toLowerCase(java.util.Locale.ROOT);
            case CPUSET:
                return "cpuset/affinity";
            case OVERRIDE:
                return (opts.budget() != null ? "option budget" : "system property interp4j.threads")
                        + ", detected " + d.decision().detected().cpus();
            case HOST:
            default:
                return "host CPUs, no quota";
        }
    }

    private static boolean loaded(Instrumentation inst) {
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (c.getName().equals("java.util.concurrent.ForkJoinPool")) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> properties() {
        Map<String, String> props = new HashMap<>();
        Properties p = System.getProperties();
        for (String key : p.stringPropertyNames()) {
            String v = p.getProperty(key);
            if (v != null) {
                props.put(key, v);
            }
        }
        return props;
    }
}
