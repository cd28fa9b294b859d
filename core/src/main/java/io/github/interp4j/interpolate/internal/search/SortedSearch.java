package io.github.interp4j.interpolate.internal.search;

/**
 * numpy's {@code searchsorted} on a sorted (non-decreasing, finite) array, answered through
 * {@link IntervalIndex} in O(1) expected time: {@link #countLess(double)} is {@code searchsorted(a, q,
 * 'left')} and {@link #countLessOrEqual(double)} is {@code searchsorted(a, q, 'right')}. Also the stable
 * argsort that scipy's {@code interp1d} uses ({@code numpy.argsort(kind='mergesort')}).
 *
 * <p>NaN queries are not handled here (callers answer them first). Thread-safety: immutable; the array is
 * shared, not copied, and must not be modified.
 */
public final class SortedSearch {
    private final double[] a;
    private final IntervalIndex index; // null when fewer than 2 elements

    /**
     * @param a the sorted array (may be empty; not copied)
     */
    public SortedSearch(double[] a) {
        this.a = a;
        this.index = a.length >= 2 ? new IntervalIndex(a) : null;
    }

    /**
     * The largest {@code i} in {@code [0, a.length - 2]} with {@code a[i] <= q}, or 0 (see
     * {@link IntervalIndex#find(double)}).
     *
     * @param q the query
     * @return the interval
     * @throws NullPointerException if the array has fewer than 2 elements
     */
    public int interval(double q) {
        return index.find(q);
    }

    /**
     * {@link #interval(double)} for a block of queries (see {@link IntervalIndex#findBlock}).
     *
     * @param qs      the queries
     * @param from    first index, inclusive
     * @param to      last index, exclusive
     * @param out     receives the intervals at {@code [0, to - from)}
     * @param scratch work space as long as {@code out}
     */
    public void intervalBlock(double[] qs, int from, int to, int[] out, int[] scratch) {
        index.findBlock(qs, from, to, out, scratch);
    }

    /**
     * numpy {@code searchsorted(a, q, side='right')}: the number of elements {@code <= q}.
     *
     * @param q a non-NaN query
     * @return the count, in {@code [0, a.length]}
     */
    public int countLessOrEqual(double q) {
        int len = a.length;
        if (len == 0 || q < a[0]) {
            return 0;
        }
        if (q >= a[len - 1]) {
            return len;
        }
        return index.find(q) + 1;
    }

    /**
     * numpy {@code searchsorted(a, q, side='left')}: the number of elements {@code < q}.
     *
     * @param q a non-NaN query
     * @return the count, in {@code [0, a.length]}
     */
    public int countLess(double q) {
        int len = a.length;
        if (len == 0 || q <= a[0]) {
            return 0;
        }
        if (q > a[len - 1]) {
            return len;
        }
        int j = index.find(q); // a[j] <= q < a[j + 1], j >= 0 and a[0] < q
        if (a[j] < q) {
            return j + 1;
        }
        return firstEqual(j, q);
    }

    /** The first index of the run of elements equal to {@code q} that ends at {@code j} ({@code a[j] == q}). */
    private int firstEqual(int j, double q) {
        if (a[j - 1] < q) {
            return j;
        }
        // bisection over [0, j]: a[lo] < q (a[0] < q holds here), a[hi] == q
        int lo = 0;
        int hi = j;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < q) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /**
     * A stable ascending argsort by the {@code <} order of doubles (equal values - including {@code -0.0}
     * and {@code 0.0} - keep their input order), as {@code numpy.argsort(kind='mergesort')}. O(n log n),
     * O(n) for already sorted input.
     *
     * @param x finite values
     * @return the permutation
     */
    public static int[] stableArgsort(double[] x) {
        int n = x.length;
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        if (isNonDecreasing(x)) {
            return idx;
        }
        int[] tmp = new int[n];
        // bottom-up merge sort, runs of 32 by insertion sort first
        final int run = 32;
        for (int lo = 0; lo < n; lo += run) {
            int hi = Math.min(lo + run, n);
            for (int i = lo + 1; i < hi; i++) {
                int v = idx[i];
                double xv = x[v];
                int j = i - 1;
                while (j >= lo && x[idx[j]] > xv) {
                    idx[j + 1] = idx[j];
                    j--;
                }
                idx[j + 1] = v;
            }
        }
        int[] src = idx;
        int[] dst = tmp;
        for (int width = run; width < n; width *= 2) {
            for (long lo0 = 0; lo0 < n; lo0 += 2L * width) {
                int lo = (int) lo0;
                int mid = (int) Math.min(lo0 + width, n);
                int hi = (int) Math.min(lo0 + 2L * width, n);
                int i = lo;
                int j = mid;
                int o = lo;
                while (i < mid && j < hi) {
                    // take from the right only when strictly smaller: stability
                    if (x[src[j]] < x[src[i]]) {
                        dst[o++] = src[j++];
                    } else {
                        dst[o++] = src[i++];
                    }
                }
                while (i < mid) {
                    dst[o++] = src[i++];
                }
                while (j < hi) {
                    dst[o++] = src[j++];
                }
            }
            int[] s = src;
            src = dst;
            dst = s;
            if (width >= n - width) {
                break; // one run covers everything; also keeps width * 2 from overflowing
            }
        }
        return src;
    }

    /**
     * @param x values
     * @return whether {@code x[i] <= x[i+1]} for all {@code i} (false if a NaN is present)
     */
    public static boolean isNonDecreasing(double[] x) {
        for (int i = 1; i < x.length; i++) {
            if (!(x[i - 1] <= x[i])) {
                return false;
            }
        }
        return true;
    }
}
