package io.github.interp4j.interpolate.internal.parallel;

/**
 * {@link ParallelEvaluation#forRange} for items that each cost many elementary steps (an RBF query
 * against thousands of centres, a kernel-matrix column): the range handed to the evaluator is
 * {@code items * weight} work units, so its size threshold ({@link ParallelEvaluation#MIN_CHUNK}) is
 * measured in units of work instead of items, and each chunk {@code [from, to)} of units is mapped back
 * to the items {@code [ceil(from / w), ceil(to / w))}. Those item ranges partition {@code [0, items)},
 * each item is still handled by exactly one call, and so results do not depend on the split.
 *
 * <p>Thread-safety: stateless.
 */
public final class Weighted {
    private Weighted() {}

    /**
     * @param items  the number of items, at least 0
     * @param weight the approximate work per item, at least 1
     * @param body   the work on items {@code [from, to)}
     */
    public static void forItems(int items, long weight, ParallelEvaluation.RangeBody body) {
        if (items <= 0) {
            return;
        }
        long w = Math.max(1L, Math.min(weight, (Integer.MAX_VALUE - 8L) / items));
        long units = items * w;
        ParallelEvaluation.forRange((int) units, (from, to) -> {
            int a = (int) ((from + w - 1) / w);
            int b = (int) ((to + w - 1) / w);
            if (a < b) {
                body.run(a, b);
            }
        });
    }
}
