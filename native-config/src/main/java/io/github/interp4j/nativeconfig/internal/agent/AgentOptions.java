package io.github.interp4j.nativeconfig.internal.agent;

import io.github.interp4j.nativeconfig.NativeConfigOptions;
import io.github.interp4j.nativeconfig.Rounding;
import io.github.interp4j.nativeconfig.ThreadPolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The agent's options, parsed from the text after {@code -javaagent:<jar>=}: comma-separated
 * {@code key=value} entries, keys case-insensitive.
 *
 * <table>
 *   <caption>Options</caption>
 *   <tr><th>Option</th><th>Values</th><th>Default</th></tr>
 *   <tr><td>{@code budget}</td><td>CPUs, a whole number &gt;= 1</td><td>detected from cgroups</td></tr>
 *   <tr><td>{@code blasThreads}</td><td>a whole number &gt;= 1</td><td>the policy over the budget</td></tr>
 *   <tr><td>{@code policy}</td><td>{@code auto}, {@code sequential}, {@code fixed:N}, {@code perWorker:K}</td>
 *       <td>{@code auto}</td></tr>
 *   <tr><td>{@code rounding}</td><td>{@code floor}, {@code ceil}</td><td>{@code floor}</td></tr>
 *   <tr><td>{@code manage}</td><td>{@code true}, {@code false} (false: leave the environment alone)</td>
 *       <td>{@code true}</td></tr>
 *   <tr><td>{@code fjp}</td><td>{@code true}, {@code false}</td><td>{@code true}</td></tr>
 *   <tr><td>{@code quiet}</td><td>{@code true}, {@code false}; {@code quiet} alone means true (print the
 *       line only when it carries a warning)</td><td>{@code false}</td></tr>
 * </table>
 * A malformed or unknown entry is ignored with a warning; the other entries still apply. Parsing never
 * throws.
 *
 * <p>Thread-safety: immutable.
 *
 * @param budget        explicit CPU budget, or null
 * @param blasThreads   explicit BLAS thread count, or null
 * @param policy        explicit thread policy, or null
 * @param rounding      explicit rounding, or null
 * @param manage        explicit manage flag, or null
 * @param forkJoinPool  whether to size the common ForkJoinPool to the budget (see {@link AgentDecision})
 * @param quiet         print the line only when it carries a warning
 * @param warnings      one entry per ignored option
 */
public record AgentOptions(Integer budget, Integer blasThreads, ThreadPolicy policy, Rounding rounding,
                           Boolean manage, boolean forkJoinPool, boolean quiet, List<String> warnings) {

    /**
     * Copies the warnings.
     *
     * @param budget       as in the record header
     * @param blasThreads  as in the record header
     * @param policy       as in the record header
     * @param rounding     as in the record header
     * @param manage       as in the record header
     * @param forkJoinPool as in the record header
     * @param quiet        as in the record header
     * @param warnings     as in the record header
     */
    public AgentOptions {
        warnings = List.copyOf(warnings);
    }

    /**
     * Parses the option text. Cost: linear in its length.
     *
     * @param text the text after {@code =} in {@code -javaagent:<jar>=...}; null or blank for no options
     * @return the options, with a warning for every entry that was ignored
     */
    public static AgentOptions parse(String text) {
        Integer budget = null;
        Integer blasThreads = null;
        ThreadPolicy policy = null;
        Rounding rounding = null;
        Boolean manage = null;
        boolean fjp = true;
        boolean quiet = false;
        List<String> warnings = new ArrayList<>();
        if (text != null) {
            for (String raw : text.split(",", -1)) {
                String entry = raw.trim();
                if (entry.isEmpty()) {
                    continue;
                }
                int eq = entry.indexOf('=');
                String key = (eq < 0 ? entry : entry.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
                String value = eq < 0 ? null : entry.substring(eq + 1).trim();
                String expected = null;
                switch (key) {
                    case "budget":
                        budget = positive(value);
                        expected = budget == null ? "a whole number >= 1" : null;
                        break;
                    case "blasthreads":
                        blasThreads = positive(value);
                        expected = blasThreads == null ? "a whole number >= 1" : null;
                        break;
                    case "policy":
                        policy = policy(value);
                        expected = policy == null ? "auto, sequential, fixed:N or perWorker:K with N, K >= 1" : null;
                        break;
                    case "rounding":
                        rounding = "floor".equalsIgnoreCase(value) ? Rounding.FLOOR
                                : "ceil".equalsIgnoreCase(value) ? Rounding.CEIL : null;
                        expected = rounding == null ? "floor or ceil" : null;
                        break;
                    case "manage":
                        manage = bool(value);
                        expected = manage == null ? "true or false" : null;
                        break;
                    case "fjp":
                        Boolean f = bool(value);
                        fjp = f == null ? fjp : f;
                        expected = f == null ? "true or false" : null;
                        break;
                    case "quiet":
                        Boolean q = value == null ? Boolean.TRUE : bool(value);
                        quiet = q == null ? quiet : q;
                        expected = q == null ? "true or false" : null;
                        break;
                    default:
                        warnings.add("ignored unknown option '" + entry
                                + "' (known: budget, blasThreads, policy, rounding, manage, fjp, quiet)");
                        continue;
                }
                if (expected != null) {
                    warnings.add("ignored option '" + entry + "' (expected " + expected + ")");
                }
            }
        }
        return new AgentOptions(budget, blasThreads, policy, rounding, manage, fjp, quiet, warnings);
    }

    /** @return the options native-config's planning takes (the agent-only ones left out) */
    public NativeConfigOptions toNativeConfigOptions() {
        NativeConfigOptions.Builder b = NativeConfigOptions.builder();
        if (budget != null) {
            b.cpuBudget(budget);
        }
        if (blasThreads != null) {
            b.blasThreads(blasThreads);
        }
        if (policy != null) {
            b.threadPolicy(policy);
        }
        if (rounding != null) {
            b.rounding(rounding);
        }
        if (manage != null) {
            b.manageBlas(manage);
        }
        return b.build();
    }

    private static Integer positive(String v) {
        if (v == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(v);
            return n >= 1 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Boolean bool(String v) {
        return "true".equalsIgnoreCase(v) ? Boolean.TRUE : "false".equalsIgnoreCase(v) ? Boolean.FALSE : null;
    }

    private static ThreadPolicy policy(String v) {
        if (v == null) {
            return null;
        }
        String p = v.toLowerCase(Locale.ROOT);
        if (p.equals("auto")) {
            return ThreadPolicy.auto();
        }
        if (p.equals("sequential")) {
            return ThreadPolicy.sequential();
        }
        if (p.startsWith("fixed:")) {
            Integer n = positive(p.substring("fixed:".length()).trim());
            return n == null ? null : ThreadPolicy.fixed(n);
        }
        if (p.startsWith("perworker:")) {
            Integer k = positive(p.substring("perworker:".length()).trim());
            return k == null ? null : ThreadPolicy.perWorker(k);
        }
        return null;
    }
}
