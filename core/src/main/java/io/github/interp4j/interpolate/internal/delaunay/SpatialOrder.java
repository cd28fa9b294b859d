package io.github.interp4j.interpolate.internal.delaunay;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Insertion order for incremental Delaunay construction: a biased randomized insertion order (BRIO) whose
 * rounds are each sorted along a Hilbert curve.
 *
 * <p>Amenta, Choi and Rote, "Incremental constructions con BRIO" (SoCG 2003): the points are shuffled, then
 * cut into rounds of geometrically growing size (the last round holds half the points, the one before a
 * quarter, ...), and within each round sorted along a space-filling curve. The randomness between rounds
 * keeps the expected total work of Bowyer-Watson insertion optimal; the curve order within a round keeps
 * consecutive points close, so that a walk from the previously inserted simplex is short.
 *
 * <p>The Hilbert index is computed by Skilling's transposition algorithm (J. Skilling, "Programming the
 * Hilbert curve", AIP Conf. Proc. 707 (2004)) on coordinates quantized to 15 bits (2-D) or 10 bits (3-D)
 * in the bounding box; the index and the point's position are packed in one {@code long} and sorted as
 * primitives.
 *
 * <p>Thread-safety: stateless. Complexity: O(n log n) time, O(n) memory.
 */
final class SpatialOrder {
    /** Rounds smaller than this are merged into the first round. */
    private static final int MIN_ROUND = 64;

    private SpatialOrder() {}

    /**
     * @param points row-major coordinates, finite
     * @param dim    2 or 3
     * @param seed   seed of the shuffle (fixed by the caller, so that builds are reproducible)
     * @return every point index once, in insertion order
     */
    static int[] brio(double[] points, int dim, long seed) {
        int n = points.length / dim;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        double[] lo = new double[dim];
        double[] scale = new double[dim];
        bounds(points, dim, lo, scale);
        int bits = dim == 2 ? 15 : 10;
        long[] keys = new long[n];
        int end = n;
        while (end > 0) {
            int start = end / 2;
            if (start < MIN_ROUND) {
                start = 0;
            }
            sortRound(points, dim, order, start, end, lo, scale, bits, keys);
            end = start;
        }
        return order;
    }

    private static void bounds(double[] points, int dim, double[] lo, double[] scale) {
        int n = points.length / dim;
        double[] hi = new double[dim];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < dim; k++) {
                double v = points[i * dim + k];
                lo[k] = Math.min(lo[k], v);
                hi[k] = Math.max(hi[k], v);
            }
        }
        for (int k = 0; k < dim; k++) {
            double w = hi[k] - lo[k];
            scale[k] = w > 0 && Double.isFinite(w) ? 1.0 / w : 0.0;
        }
    }

    private static void sortRound(double[] points, int dim, int[] order, int start, int end, double[] lo,
            double[] scale, int bits, long[] keys) {
        int len = end - start;
        double cells = (1 << bits) - 1;
        for (int r = 0; r < len; r++) {
            int o = order[start + r] * dim;
            int x0 = cell(points[o], lo[0], scale[0], cells);
            int x1 = cell(points[o + 1], lo[1], scale[1], cells);
            int x2 = dim == 3 ? cell(points[o + 2], lo[2], scale[2], cells) : 0;
            keys[r] = (hilbert(dim, x0, x1, x2, bits) << 32) | r;
        }
        Arrays.sort(keys, 0, len);
        int[] sorted = new int[len];
        for (int r = 0; r < len; r++) {
            sorted[r] = order[start + (int) (keys[r] & 0xffffffffL)];
        }
        System.arraycopy(sorted, 0, order, start, len);
    }

    /** The cell of coordinate v: its position in the box scaled to [0, cells], truncated. */
    private static int cell(double v, double lo, double scale, double cells) {
        return (int) Math.max(0.0, Math.min(cells, (v - lo) * scale * cells));
    }

    /**
     * The Hilbert index of a 2-D or 3-D cell with {@code bits}-bit integer coordinates, at most
     * {@code bits * dim <= 31} bits: Skilling's transform with its bit tests turned into masks (branch-free
     * but for the predictable tests of {@code dim}: the bit tests' outcomes are random, and mispredicted
     * branches dominated the sort), on locals rather than an array.
     *
     * @param x2 the third coordinate, ignored in 2-D
     */
    static long hilbert(int dim, int x0, int x1, int x2, int bits) {
        boolean three = dim == 3;
        for (int b = bits - 1; b > 0; b--) { // inverse undo of the excess work
            int p = (1 << b) - 1;
            x0 ^= p & -((x0 >>> b) & 1); // coordinate 0: invert if its bit is set (else exchange with itself)
            int m = -((x1 >>> b) & 1); // all ones if the bit is set: invert, else exchange
            x0 ^= p & m;
            int t = (x0 ^ x1) & p & ~m;
            x0 ^= t;
            x1 ^= t;
            if (three) {
                m = -((x2 >>> b) & 1);
                x0 ^= p & m;
                t = (x0 ^ x2) & p & ~m;
                x0 ^= t;
                x2 ^= t;
            }
        }
        x1 ^= x0; // Gray encode
        x2 ^= x1;
        int last = three ? x2 : x1;
        int t = 0;
        for (int b = bits - 1; b > 0; b--) {
            t ^= ((1 << b) - 1) & -((last >>> b) & 1);
        }
        x0 ^= t;
        x1 ^= t;
        x2 ^= t;
        long key = 0;
        for (int b = bits - 1; b >= 0; b--) {
            key = (key << 1) | ((x0 >>> b) & 1);
            key = (key << 1) | ((x1 >>> b) & 1);
            if (three) {
                key = (key << 1) | ((x2 >>> b) & 1);
            }
        }
        return key;
    }
}
