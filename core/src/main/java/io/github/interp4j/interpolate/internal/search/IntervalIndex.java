package io.github.interp4j.interpolate.internal.search;

/**
 * Finds the interval of a sorted breakpoint array that holds a query, in O(1) expected time for
 * roughly even breakpoints and O(log n) at worst.
 *
 * <p>The range {@code [x[0], x[n-1]]} is cut into {@code n - 1} equal buckets by the monotone map
 * {@code f(q) = clamp((int) ((q - x[0]) * inv), 0, buckets - 1)}. For bucket {@code b} the table holds
 * {@code start[b]}, the first interval whose right end maps to a bucket {@code >= b}. Every query
 * with {@code f(q) = b} then lies in an interval in {@code [start[b], start[b + 1]]}, which is
 * scanned linearly when short and bisected otherwise. Because {@code f} is evaluated in the same
 * floating-point arithmetic at build and query time, rounding cannot put a query outside its
 * candidate range.
 *
 * <p>Convention (numpy {@code searchsorted(x, q, 'right') - 1}, clamped): the result is the largest
 * {@code i} in {@code [0, n - 2]} with {@code x[i] <= q}; queries left of {@code x[0]} give 0, queries
 * at or right of {@code x[n-1]} give {@code n - 2}. NaN, infinities and huge values give an index in
 * {@code [0, n - 2]} (callers treat NaN themselves). Breakpoints may repeat (non-decreasing) and
 * must be finite.
 *
 * <p>Thread-safety: immutable after construction; the breakpoint array is shared, not copied, and must
 * not be modified.
 */
public final class IntervalIndex {
    private static final int SCAN_LIMIT = 8;

    private final double[] x;
    private final double x0;
    private final double inv;
    private final int buckets;
    private final int[] start;

    /**
     * Builds the index in O(n).
     *
     * @param x finite, non-decreasing breakpoints, at least 2 (not copied)
     * @throws IllegalArgumentException if fewer than 2 breakpoints
     */
    public IntervalIndex(double[] x) {
        if (x.length < 2) {
            throw new IllegalArgumentException("need at least 2 breakpoints, got " + x.length);
        }
        this.x = x;
        int n = x.length;
        this.x0 = x[0];
        this.buckets = n - 1;
        double span = x[n - 1] - x[0];
        double scale = span > 0 ? buckets / span : 0.0;
        this.inv = Double.isFinite(scale) ? scale : 0.0;
        int[] s = new int[buckets + 1];
        // start[b] = min i (interval) with f(x[i+1]) >= b; sweep intervals in order.
        int b = 0;
        for (int i = 0; i < n - 1 && b <= buckets; i++) {
            int fb = bucket(x[i + 1]);
            while (b <= fb && b <= buckets) {
                s[b++] = i;
            }
        }
        while (b <= buckets) {
            s[b++] = n - 2;
        }
        s[buckets] = n - 2;
        this.start = s;
    }

    private int bucket(double q) {
        double t = (q - x0) * inv;
        // (int) of NaN is 0 and of +-Inf saturates, so the clamp below keeps every query in range.
        int f = (int) t;
        if (f < 0) {
            return 0;
        }
        return Math.min(f, buckets - 1);
    }

    /** @return the number of breakpoints */
    public int size() {
        return x.length;
    }

    /** Queries handled per block by {@link #findBlock}: enough independent loads to overlap cache misses. */
    public static final int BLOCK = 64;

    /**
     * {@link #find(double)} for {@code qs[from..to)} into {@code out[0..to-from)}, in passes (all bucket
     * loads, then all refinements) so that the memory loads of different queries overlap instead of
     * forming one dependent chain per query. Same results as {@code find}, element by element.
     *
     * @param qs      the queries
     * @param from    first index, inclusive
     * @param to      last index, exclusive; {@code to - from <= out.length}
     * @param out     receives the intervals
     * @param scratch work space, at least as long as {@code out}
     */
    public void findBlock(double[] qs, int from, int to, int[] out, int[] scratch) {
        int len = to - from;
        final int[] st = start;
        for (int k = 0; k < len; k++) {
            int b = bucket(qs[from + k]);
            out[k] = st[b];
            scratch[k] = st[b + 1];
        }
        for (int k = 0; k < len; k++) {
            double q = qs[from + k];
            int lo = out[k];
            int hi = scratch[k];
            if (hi - lo <= SCAN_LIMIT) {
                while (lo < hi && x[lo + 1] <= q) {
                    lo++;
                }
                out[k] = lo;
            } else {
                out[k] = find(q);
            }
        }
    }

    /**
     * The interval of {@code q}: the largest {@code i} in {@code [0, n - 2]} with {@code x[i] <= q},
     * or 0 when there is none.
     *
     * @param q the query (any double)
     * @return an interval index in {@code [0, n - 2]}
     */
    public int find(double q) {
        int b = bucket(q);
        int lo = start[b];
        int hi = start[b + 1];
        if (hi - lo <= SCAN_LIMIT) {
            while (lo < hi && x[lo + 1] <= q) {
                lo++;
            }
            return lo;
        }
        // Bisection for the largest i in [lo, hi] with x[i] <= q (x[lo] <= q holds or lo is the answer).
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] <= q) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (x[hi] <= q && hi <= x.length - 2) ? hi : lo;
    }
}
