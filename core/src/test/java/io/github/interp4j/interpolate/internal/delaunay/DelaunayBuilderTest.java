package io.github.interp4j.interpolate.internal.delaunay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Correctness of {@link DelaunayBuilder} on random, lattice, duplicate, nearly degenerate and clustered sets. */
class DelaunayBuilderTest {

    private static double[] uniform(int n, int d, long seed) {
        Random r = new Random(seed);
        double[] p = new double[n * d];
        for (int i = 0; i < p.length; i++) {
            p[i] = r.nextDouble();
        }
        return p;
    }

    @Test
    void random2d() {
        Mesh m = DelaunayBuilder.build(uniform(1500, 2, 1), 2);
        TriangulationChecker.check(m);
        assertEquals(0, m.leftOut().length);
    }

    @Test
    void random3d() {
        Mesh m = DelaunayBuilder.build(uniform(500, 3, 2), 3);
        TriangulationChecker.check(m);
    }

    @Test
    void smallestSets() {
        TriangulationChecker.check(DelaunayBuilder.build(new double[] {0, 0, 1, 0, 0, 1}, 2));
        TriangulationChecker.check(DelaunayBuilder.build(new double[] {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1}, 3));
        // clockwise input: still positively oriented
        Mesh m = DelaunayBuilder.build(new double[] {0, 0, 0, 1, 1, 0}, 2);
        TriangulationChecker.check(m);
        assertEquals(1, m.simplexCount());
        assertArrayEquals(new int[] {-1, -1, -1}, m.neighbors());
    }

    @Test
    void grid2dAllCocircular() {
        int k = 40;
        double[] p = new double[k * k * 2];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                p[2 * (i * k + j)] = i * 0.1;
                p[2 * (i * k + j) + 1] = j * 0.25;
            }
        }
        Mesh m = DelaunayBuilder.build(p, 2);
        TriangulationChecker.check(m);
        assertEquals(2 * (k - 1) * (k - 1), m.simplexCount());
    }

    @Test
    void lattice3dAllCospherical() {
        int k = 8;
        double[] p = new double[k * k * k * 3];
        int i = 0;
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                for (int c = 0; c < k; c++) {
                    p[i++] = a;
                    p[i++] = b * 0.5;
                    p[i++] = c * 2;
                }
            }
        }
        Mesh m = DelaunayBuilder.build(p, 3);
        TriangulationChecker.check(m);
        assertEquals(0, m.leftOut().length);
    }

    @Test
    void duplicatesLeftOutOntoSmallestIndex() {
        for (int d = 2; d <= 3; d++) {
            Random r = new Random(3 + d);
            int base = 400;
            int n = base + 300;
            double[] p = new double[n * d];
            double[] u = uniform(base, d, 7 + d);
            // copies at random positions, some before their original, some triplicated
            int[] src = new int[n];
            for (int i = 0; i < n; i++) {
                src[i] = i < base ? i : r.nextInt(base / 2);
            }
            for (int i = n - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = src[i];
                src[i] = src[j];
                src[j] = t;
            }
            for (int i = 0; i < n; i++) {
                System.arraycopy(u, src[i] * d, p, i * d, d);
            }
            Mesh m = DelaunayBuilder.build(p, d);
            TriangulationChecker.check(m);
            assertEquals(300, m.leftOut().length);
        }
    }

    @Test
    void duplicatesOfTheFirstPoints() {
        double[] p = {0, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0.5, 0.5, 0, 0};
        Mesh m = DelaunayBuilder.build(p, 2);
        TriangulationChecker.check(m);
        assertArrayEquals(new int[] {1, 3, 6}, m.leftOut());
        assertArrayEquals(new int[] {0, 2, 0}, m.leftOutVertex());
    }

    @Test
    void nearlyCollinear2d() {
        Random r = new Random(11);
        int n = 600;
        double[] p = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double x = r.nextDouble();
            double y = 0.3 + 0.7 * x; // on a line, up to the rounding of the product
            for (int k = r.nextInt(5) - 2; k != 0; k += k > 0 ? -1 : 1) {
                y = k > 0 ? Math.nextUp(y) : Math.nextDown(y);
            }
            p[2 * i] = x;
            p[2 * i + 1] = y;
        }
        p[0] = 0.5; // make sure the set is not exactly collinear
        p[1] = 0.3 + 0.35 + 1e-3;
        TriangulationChecker.check(DelaunayBuilder.build(p, 2));
    }

    @Test
    void nearlyCoplanar3d() {
        Random r = new Random(12);
        int n = 150;
        double[] p = new double[3 * n];
        for (int i = 0; i < n; i++) {
            double x = r.nextDouble();
            double y = r.nextDouble();
            double z = 0.25 * x - 0.5 * y + 0.125;
            for (int k = r.nextInt(5) - 2; k != 0; k += k > 0 ? -1 : 1) {
                z = k > 0 ? Math.nextUp(z) : Math.nextDown(z);
            }
            p[3 * i] = x;
            p[3 * i + 1] = y;
            p[3 * i + 2] = z;
        }
        p[2] += 1e-3;
        TriangulationChecker.check(DelaunayBuilder.build(p, 3));
    }

    @Test
    void cocircularRingAndCenter() {
        // points on a circle of integer radius 5 (Pythagorean), all exactly cocircular, plus the center
        int[][] c = {{5, 0}, {4, 3}, {3, 4}, {0, 5}, {-3, 4}, {-4, 3}, {-5, 0}, {-4, -3}, {-3, -4}, {0, -5},
            {3, -4}, {4, -3}};
        double[] p = new double[2 * c.length];
        for (int i = 0; i < c.length; i++) {
            p[2 * i] = c[i][0];
            p[2 * i + 1] = c[i][1];
        }
        TriangulationChecker.check(DelaunayBuilder.build(p, 2));
    }

    @Test
    void clustered() {
        for (int d = 2; d <= 3; d++) {
            Random r = new Random(20 + d);
            int n = d == 2 ? 700 : 300;
            double[] p = new double[n * d];
            double[][] centers = new double[5][d];
            for (double[] ce : centers) {
                for (int k = 0; k < d; k++) {
                    ce[k] = r.nextDouble() * 100;
                }
            }
            for (int i = 0; i < n; i++) {
                double[] ce = centers[r.nextInt(5)];
                double s = r.nextInt(3) == 0 ? 1e-6 : 1.0;
                for (int k = 0; k < d; k++) {
                    p[i * d + k] = ce[k] + s * r.nextGaussian();
                }
            }
            TriangulationChecker.check(DelaunayBuilder.build(p, d));
        }
    }

    @Test
    void largerRandomStructure() {
        TriangulationChecker.check(DelaunayBuilder.build(uniform(20_000, 2, 31), 2), false);
        TriangulationChecker.check(DelaunayBuilder.build(uniform(5_000, 3, 32), 3), false);
    }

    @Test
    void degenerateInputNamesTheCause() {
        String msg = assertThrows(IllegalArgumentException.class,
                () -> DelaunayBuilder.build(new double[] {0, 0, 1, 1, 2, 2, 3, 3}, 2)).getMessage();
        assertTrue(msg.contains("collinear"), msg);
        msg = assertThrows(IllegalArgumentException.class, () -> DelaunayBuilder.build(
                new double[] {0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0, 0.5, 0.25, 0}, 3)).getMessage();
        assertTrue(msg.contains("coplanar"), msg);
        msg = assertThrows(IllegalArgumentException.class, () -> DelaunayBuilder.build(
                new double[] {0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3}, 3)).getMessage();
        assertTrue(msg.contains("collinear"), msg);
        msg = assertThrows(IllegalArgumentException.class,
                () -> DelaunayBuilder.build(new double[] {0, 0, 1, 1, 0, 0, 1, 1}, 2)).getMessage();
        assertTrue(msg.contains("fewer than 3 distinct points"), msg);
        msg = assertThrows(IllegalArgumentException.class,
                () -> DelaunayBuilder.build(new double[] {2, 2, 2, 2, 2, 2}, 2)).getMessage();
        assertTrue(msg.contains("fewer than 3 distinct points"), msg);
        msg = assertThrows(IllegalArgumentException.class,
                () -> DelaunayBuilder.build(new double[] {0, 0, 1, 0}, 2)).getMessage();
        assertTrue(msg.contains("fewer than 3"), msg);
        msg = assertThrows(IllegalArgumentException.class,
                () -> DelaunayBuilder.build(new double[] {0, 0, 1, 0, 0, Double.NaN}, 2)).getMessage();
        assertTrue(msg.contains("point 2 coordinate 1 = NaN"), msg);
        assertThrows(IllegalArgumentException.class, () -> DelaunayBuilder.build(new double[] {0, 0, 1}, 2));
        assertThrows(IllegalArgumentException.class, () -> DelaunayBuilder.build(new double[8], 4));
        assertThrows(NullPointerException.class, () -> DelaunayBuilder.build(null, 2));
    }

    @Test
    void impossibleSizeRefusedBeforeAllocating() {
        String msg = assertThrows(IllegalArgumentException.class,
                () -> DelaunayBuilder.checkCapacity(400_000_000, 3, 7L * 400_000_000, 0)).getMessage();
        assertTrue(msg.contains("needs about"), msg);
    }
}
