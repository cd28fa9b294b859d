package io.github.interp4j.interpolate.internal.delaunay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The insertion order of {@link DelaunayBuilder}: {@link SpatialOrder}'s Hilbert index and BRIO permutation. */
class DelaunayBuilderOrderTest {

    /** Skilling's transform as published (with branches), the reference of the branch-free one. */
    private static long skilling(int[] x, int bits) {
        int n = x.length;
        for (int q = 1 << (bits - 1); q > 1; q >>= 1) {
            int p = q - 1;
            for (int i = 0; i < n; i++) {
                if ((x[i] & q) != 0) {
                    x[0] ^= p;
                } else {
                    int t = (x[0] ^ x[i]) & p;
                    x[0] ^= t;
                    x[i] ^= t;
                }
            }
        }
        for (int i = 1; i < n; i++) {
            x[i] ^= x[i - 1];
        }
        int t = 0;
        for (int q = 1 << (bits - 1); q > 1; q >>= 1) {
            if ((x[n - 1] & q) != 0) {
                t ^= q - 1;
            }
        }
        long key = 0;
        for (int b = bits - 1; b >= 0; b--) {
            for (int i = 0; i < n; i++) {
                key = (key << 1) | (((x[i] ^ t) >>> b) & 1);
            }
        }
        return key;
    }

    @Test
    void branchFreeHilbertEqualsSkillingsTransform() {
        Random r = new Random(1);
        for (int i = 0; i < 20000; i++) {
            int a = r.nextInt(1 << 15);
            int b = r.nextInt(1 << 15);
            assertEquals(skilling(new int[] {a, b}, 15), SpatialOrder.hilbert(2, a, b, 0, 15));
            int c = r.nextInt(1 << 10);
            int[] x = {a >> 5, b >> 5, c};
            assertEquals(skilling(x.clone(), 10), SpatialOrder.hilbert(3, x[0], x[1], x[2], 10));
        }
    }

    @Test
    void hilbertIsABijectionWhoseStepsAreUnitMoves() {
        int bits = 4;
        int side = 1 << bits;
        int[][] at = new int[side * side][];
        for (int x = 0; x < side; x++) {
            for (int y = 0; y < side; y++) {
                int h = (int) SpatialOrder.hilbert(2, x, y, 0, bits);
                assertEquals(null, at[h]);
                at[h] = new int[] {x, y};
            }
        }
        for (int h = 1; h < at.length; h++) {
            assertEquals(1, Math.abs(at[h][0] - at[h - 1][0]) + Math.abs(at[h][1] - at[h - 1][1]));
        }
    }

    @Test
    void brioIsAPermutation() {
        Random r = new Random(2);
        double[] p = new double[3 * 5000];
        for (int i = 0; i < p.length; i++) {
            p[i] = r.nextDouble();
        }
        int[] o = SpatialOrder.brio(p, 3, 7L);
        int[] s = o.clone();
        Arrays.sort(s);
        for (int i = 0; i < s.length; i++) {
            assertEquals(i, s[i]);
        }
        assertTrue(!Arrays.equals(o, s));
    }
}
