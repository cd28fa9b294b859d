package io.github.interp4j.interpolate.internal.search;

import io.github.interp4j.interpolate.internal.validation.Validation;

/**
 * Breakpoints that run either way, as scipy's piecewise polynomials allow ({@code np.all(dx >= 0) or
 * np.all(dx <= 0)}): the check, and the interval index of descending breakpoints as the index of their mirror
 * image. For descending {@code x} the index is built over {@code -x} and queried at {@code -t}, which gives scipy's
 * convention for descending breakpoints: interval {@code i} holds {@code x[i] >= t > x[i+1]}, the last interval is
 * closed, queries outside are clamped to the first or last interval.
 *
 * <p>Thread-safety: stateless.
 */
public final class MonotoneBreakpoints {
    private MonotoneBreakpoints() {}

    /**
     * @param x monotone breakpoints, at least 1
     * @return whether {@code x} runs downwards: {@code x[n] < x[0]}
     */
    public static boolean descending(double[] x) {
        return x[x.length - 1] < x[0];
    }

    /**
     * Checks that {@code x} is monotone: non-decreasing, or (when {@code x[n] < x[0]}) non-increasing; with
     * {@code strict}, strictly. O(n).
     *
     * @param name   the array's name for messages
     * @param x      finite breakpoints, at least 2
     * @param strict whether repeated breakpoints are refused
     * @throws IllegalArgumentException naming the first offending index and value
     */
    public static void requireMonotone(String name, double[] x, boolean strict) {
        if (!descending(x)) {
            if (strict) {
                Validation.requireStrictlyIncreasing(name, x);
            } else {
                Validation.requireNonDecreasing(name, x);
            }
            return;
        }
        for (int i = 1; i < x.length; i++) {
            if (strict ? !(x[i] < x[i - 1]) : !(x[i] <= x[i - 1])) {
                throw new IllegalArgumentException(name + " must be " + (strict ? "strictly " : "")
                        + "increasing or decreasing (scipy: monotonic): " + name + "[0] = " + x[0] + " > " + name + "["
                        + (x.length - 1) + "] = " + x[x.length - 1] + " but " + name + "[" + i + "] = " + x[i]
                        + (strict ? " >= " : " > ") + name + "[" + (i - 1) + "] = " + x[i - 1]);
            }
        }
    }

    /**
     * The interval index: over {@code x} when ascending, over {@code -x} when descending (query it at {@code -t}).
     * O(n).
     *
     * @param x monotone breakpoints, at least 2 (not copied when ascending)
     * @return the index
     */
    public static IntervalIndex index(double[] x) {
        if (!descending(x)) {
            return new IntervalIndex(x);
        }
        double[] neg = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            neg[i] = -x[i];
        }
        return new IntervalIndex(neg);
    }
}
