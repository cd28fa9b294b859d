package io.github.interp4j.interpolate.internal.delaunay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The insertion order of {@link DelaunayBuilder}: {@link SpatialOrder}'s Hilbert index and BRIO permutation. */
class DelaunayBuilderOrderTest {

    @Test
    void branchFreeHilbertEqualsSkillingsTransform() {
        Random r = new Random(1);
        for (int i = 0; i < 20000; i++) {
            int a = r.nextInt(1 << 15);
            int b = r.nextInt(1 << 15);
            assertEquals(SpatialOrder.hilbert(new int[] {a, b}, 15), SpatialOrder.hilbert2(a, b, 15));
            int c = r.nextInt(1 << 10);
            int a3 = a >> 5;
            int b3 = b >> 5;
            assertEquals(SpatialOrder.hilbert(new int[] {a3, b3, c}, 10), SpatialOrder.hilbert3(a3, b3, c, 10));
        }
    }

    @Test
    void hilbertIsABijectionWhoseStepsAreUnitMoves() {
        int bits = 4;
        int side = 1 << bits;
        int[][] at = new int[side * side][];
        for (int x = 0; x < side; x++) {
            for (int y = 0; y < side; y++) {
                int h = (int) SpatialOrder.hilbert2(x, y, bits);
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
