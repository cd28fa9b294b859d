package io.github.interp4j.interpolate.internal.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The two exact routes of the slow path, each against the oracle on its own. */
class ExactPredicatesTest {
    @Test
    void expansionRouteMatchesOracleOnLatticeInput() {
        // lattice input would normally take the rounding-free route; force the expansion route
        SplittableRandom rnd = new SplittableRandom(31);
        int[] scales = {0, -5, 7, -1000, 900};
        for (int t = 0; t < 250; t++) {
            int k = scales[t % scales.length];
            double[] c = new double[15];
            for (int i = 0; i < 15; i++) {
                c[i] = Math.scalb((double) rnd.nextInt(-3, 4), k);
            }
            assertEquals(Oracle.orient2d(java.util.Arrays.copyOf(c, 6)),
                    ExactPredicates.orient2dExpansion(java.util.Arrays.copyOf(c, 6)));
            assertEquals(Oracle.orient3d(java.util.Arrays.copyOf(c, 12)),
                    ExactPredicates.orient3dExpansion(java.util.Arrays.copyOf(c, 12)));
            assertEquals(Oracle.incircle(java.util.Arrays.copyOf(c, 8)),
                    ExactPredicates.incircleExpansion(java.util.Arrays.copyOf(c, 8)));
            assertEquals(Oracle.insphere(c), ExactPredicates.insphereExpansion(c.clone()));
        }
    }

    @Test
    void roundingFreeRecognisesSmallLatticesOnly() {
        double[] cube = {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1};
        assertTrue(ExactPredicates.roundingFree(cube, 3, 5, 72));
        double[] fine = cube.clone();
        for (int i = 0; i < fine.length; i++) {
            fine[i] = fine[i] * 0x1p-100 + 0x1p-60; // exact (41 bits), a fine lattice away from the origin
        }
        assertTrue(ExactPredicates.roundingFree(fine, 3, 5, 72));
        double[] wide = cube.clone();
        wide[0] = 1000;                           // 72 * 1000^5 > 2^52: partial results could round
        assertFalse(ExactPredicates.roundingFree(wide, 3, 5, 72));
        assertTrue(ExactPredicates.roundingFree(java.util.Arrays.copyOf(wide, 12), 3, 3, 6));
        double[] inexact = cube.clone();
        inexact[0] = 0.1;                         // 0.1 - 1 is exact, but 0.1 and 1 share no small grid
        assertFalse(ExactPredicates.roundingFree(inexact, 3, 5, 72));
        double[] tail = cube.clone();
        tail[12] = 0x1p60;                        // 1 - 2^60 is not a double: the difference has a tail
        assertFalse(ExactPredicates.roundingFree(tail, 3, 5, 72));
        double[] tiny = cube.clone();
        for (int i = 0; i < tiny.length; i++) {
            tiny[i] *= 0x1p-300;                  // products of five differences would underflow
        }
        assertFalse(ExactPredicates.roundingFree(tiny, 3, 5, 72));
        assertTrue(ExactPredicates.roundingFree(java.util.Arrays.copyOf(tiny, 6), 2, 2, 2));
        double[] nan = cube.clone();
        nan[3] = Double.NaN;
        assertFalse(ExactPredicates.roundingFree(nan, 3, 5, 72));
    }
}
