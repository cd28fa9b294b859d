package io.github.interp4j.examples.spark;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code key=value} command-line options with defaults; an unknown key or a malformed number is an
 * error naming it.
 *
 * <p>Thread-safety: immutable after construction.
 */
final class Options {
    private final Map<String, String> values = new HashMap<>();

    /**
     * @param args     the command line
     * @param from     the index of the first option in {@code args}
     * @param defaults every known key with its default
     * @throws IllegalArgumentException for an argument without {@code =} or an unknown key
     */
    Options(String[] args, int from, Map<String, String> defaults) {
        values.putAll(defaults);
        Set<String> known = defaults.keySet();
        for (int i = from; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("argument " + i + " '" + args[i] + "' is not key=value; keys: "
                        + known);
            }
            String key = args[i].substring(0, eq);
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown option '" + key + "'; keys: " + known);
            }
            values.put(key, args[i].substring(eq + 1));
        }
    }

    String string(String key) {
        return values.get(key);
    }

    long positiveLong(String key) {
        String v = values.get(key);
        try {
            long n = Long.parseLong(v.replace("_", ""));
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("option " + key + "=" + v + " must be a whole number >= 1");
    }

    int positiveInt(String key) {
        long n = positiveLong(key);
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("option " + key + "=" + n + " exceeds " + Integer.MAX_VALUE);
        }
        return (int) n;
    }
}
