package io.github.interp4j.interpolate.internal.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PerturbedPredicatesTest {
    /** All permutations of 0..n-1 with their signs (last element of each array). */
    private static List<int[]> permutations(int n) {
        List<int[]> out = new ArrayList<>();
        permute(new int[n], new boolean[n], 0, out);
        return out;
    }

    private static void permute(int[] p, boolean[] used, int k, List<int[]> out) {
        int n = p.length;
        if (k == n) {
            int inversions = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    inversions += p[i] > p[j] ? 1 : 0;
                }
            }
            int[] r = java.util.Arrays.copyOf(p, n + 1);
            r[n] = inversions % 2 == 0 ? 1 : -1;
            out.add(r);
            return;
        }
        for (int v = 0; v < n; v++) {
            if (!used[v]) {
                used[v] = true;
                p[k] = v;
                permute(p, used, k + 1, out);
                used[v] = false;
            }
        }
    }

    private static final List<int[]> PERM4 = permutations(4);
    private static final List<int[]> PERM5 = permutations(5);

    private static int insphereP(double[] xyz, int[] q) {
        return GeometricPredicates.inspherePerturbed(xyz, q[0], q[1], q[2], q[3], q[4]);
    }

    private static int incircleP(double[] xy, int[] q) {
        return GeometricPredicates.incirclePerturbed(xy, q[0], q[1], q[2], q[3]);
    }

    private static boolean allCoplanar(double[] xyz, int[] q) {
        for (int skip = 0; skip < 5; skip++) {
            int[] o = new int[4];
            for (int i = 0, j = 0; i < 5; i++) {
                if (i != skip) {
                    o[j++] = q[i];
                }
            }
            if (GeometricPredicates.orient3d(xyz, o[0], o[1], o[2], o[3]) != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean allCollinear(double[] xy, int[] q) {
        return GeometricPredicates.orient2d(xy, q[0], q[1], q[2]) == 0
                && GeometricPredicates.orient2d(xy, q[0], q[1], q[3]) == 0
                && GeometricPredicates.orient2d(xy, q[0], q[2], q[3]) == 0;
    }

    private static int[] distinct(SplittableRandom rnd, int n, int bound) {
        int[] q = new int[n];
        for (int i = 0; i < n; i++) {
            boolean again;
            do {
                q[i] = rnd.nextInt(bound);
                again = false;
                for (int j = 0; j < i; j++) {
                    again |= q[j] == q[i];
                }
            } while (again);
        }
        return q;
    }

    /** The 3x3x3 lattice (every face and many spheres degenerate), as a flat coordinate array. */
    private static double[] lattice3(int m, double step, double offset) {
        double[] xyz = new double[3 * m * m * m];
        int k = 0;
        for (int x = 0; x < m; x++) {
            for (int y = 0; y < m; y++) {
                for (int z = 0; z < m; z++) {
                    xyz[k++] = offset + step * x;
                    xyz[k++] = offset + step * y;
                    xyz[k++] = offset + step * z;
                }
            }
        }
        return xyz;
    }

    @Test
    void inspherePerturbedOnALatticeIsNeverZeroMatchesTheOracleAndFollowsPermutationParity() {
        SplittableRandom rnd = new SplittableRandom(21);
        double[][] lattices = {lattice3(3, 1, 0), lattice3(3, 0.125, -7.5), lattice3(3, 0x1p-600, 0)};
        int degenerate = 0;
        for (int t = 0; t < 600; t++) {
            double[] xyz = lattices[t % lattices.length];
            int[] q = distinct(rnd, 5, xyz.length / 3);
            int s = insphereP(xyz, q);
            assertEquals(Oracle.perturbed(3, xyz, q), s, () -> java.util.Arrays.toString(q));
            assertEquals(allCoplanar(xyz, q), s == 0);
            int exact = GeometricPredicates.insphere(xyz, q[0], q[1], q[2], q[3], q[4]);
            if (exact != 0) {
                assertEquals(exact, s);
            } else {
                degenerate++;
            }
            List<int[]> perms = t % 20 == 0 ? PERM5 : PERM5.subList(0, 0);
            for (int[] p : perms.isEmpty() ? List.of(PERM5.get(rnd.nextInt(120)), PERM5.get(rnd.nextInt(120))) : perms) {
                int[] qp = {q[p[0]], q[p[1]], q[p[2]], q[p[3]], q[p[4]]};
                assertEquals(p[5] * s, insphereP(xyz, qp));
            }
        }
        assertTrue(degenerate > 50, "many lattice draws are cospherical or coplanar: " + degenerate);
    }

    @Test
    void incirclePerturbedOnALatticeIsNeverZeroMatchesTheOracleAndFollowsPermutationParity() {
        SplittableRandom rnd = new SplittableRandom(22);
        double[] xy = new double[2 * 16];
        for (int i = 0; i < 16; i++) {
            xy[2 * i] = i / 4;
            xy[2 * i + 1] = i % 4;
        }
        int degenerate = 0;
        for (int t = 0; t < 800; t++) {
            int[] q = distinct(rnd, 4, 16);
            int s = incircleP(xy, q);
            assertEquals(Oracle.perturbed(2, xy, q), s);
            assertEquals(allCollinear(xy, q), s == 0);
            degenerate += GeometricPredicates.incircle(xy, q[0], q[1], q[2], q[3]) == 0 ? 1 : 0;
            for (int[] p : PERM4) {
                int[] qp = {q[p[0]], q[p[1]], q[p[2]], q[p[3]]};
                assertEquals(p[4] * s, incircleP(xy, qp));
            }
        }
        assertTrue(degenerate > 50, "many lattice draws are cocircular or collinear: " + degenerate);
    }

    /** Every 4-subset of a cospherical set with a nondegenerate tetrahedron: never 0, newest point outside. */
    @Test
    void cosphericalPointsAgainstAPositiveTetrahedron() {
        List<double[]> sphere = GeometricPredicatesTest.SPHERE3;
        int n = sphere.size();
        double[] xyz = new double[3 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(sphere.get(i), 0, xyz, 3 * i, 3);
        }
        SplittableRandom rnd = new SplittableRandom(23);
        for (int t = 0; t < 400; t++) {
            int[] q = distinct(rnd, 5, n);
            int o = GeometricPredicates.orient3d(xyz, q[0], q[1], q[2], q[3]);
            if (o == 0) {
                continue;
            }
            if (o < 0) {
                int swap = q[0];
                q[0] = q[1];
                q[1] = swap;
            }
            assertEquals(0, GeometricPredicates.insphere(xyz, q[0], q[1], q[2], q[3], q[4]));
            int s = insphereP(xyz, q);
            assertNotEquals(0, s);
            int max = Math.max(Math.max(q[0], q[1]), Math.max(Math.max(q[2], q[3]), q[4]));
            if (q[4] == max) {
                assertEquals(-1, s, "the largest index is perturbed outwards");
            }
        }
    }

    @Test
    void duplicatesAreDistinctPointsButRepeatedIndicesAreRejected() {
        double[] xyz = {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, -1, 0, 0, 0};
        // point 4 duplicates point 0: decided by the perturbation of the larger index, 4 (outside)
        assertEquals(-1, GeometricPredicates.inspherePerturbed(xyz, 0, 1, 2, 3, 4));
        assertEquals(1, GeometricPredicates.inspherePerturbed(xyz, 4, 1, 2, 3, 0));
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> GeometricPredicates.inspherePerturbed(xyz, 0, 1, 2, 3, 0));
        assertTrue(ex.getMessage().contains("index 0"), ex.getMessage());
        double[] xy = {1, 0, 0, 1, -1, 0, 0, -1};
        assertEquals(-1, GeometricPredicates.incirclePerturbed(xy, 0, 1, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> GeometricPredicates.incirclePerturbed(xy, 0, 1, 2, 1));
        // collinear and coplanar sets stay 0: no perturbation of the lift can separate them
        assertEquals(0, GeometricPredicates.incirclePerturbed(new double[] {0, 0, 1, 1, 2, 2, 3, 3}, 0, 1, 2, 3));
        double[] flat = {0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0, 5, 7, 0};
        assertEquals(0, GeometricPredicates.inspherePerturbed(flat, 0, 1, 2, 3, 4));
    }
}
