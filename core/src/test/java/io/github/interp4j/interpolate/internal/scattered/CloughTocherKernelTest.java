package io.github.interp4j.interpolate.internal.scattered;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.interp4j.interpolate.internal.delaunay.Mesh;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * {@link CloughTocherGradients} and {@link CloughTocherKernel} by properties, on scipy's triangulations from
 * the Clough-Tocher fixtures (their agreement with scipy is CloughTocher2DAgreementTest's).
 */
class CloughTocherKernelTest {

    static double[] gradients(Mesh m, double[] values, int maxiter, double tol) {
        int[][] csr = CloughTocherGradients.vertexNeighbors(m);
        double[] g = new double[2 * m.pointCount()];
        CloughTocherGradients.estimate(m.points(), csr[0], csr[1], values, 1, 0, maxiter, tol, g);
        return g;
    }

    /** the same triangles listed in another order, each with its vertices rotated: a different neighbour order. */
    static Mesh shuffled(Mesh m, long seed) {
        int s = m.simplexCount();
        int[] perm = new int[s];
        for (int i = 0; i < s; i++) {
            perm[i] = i;
        }
        Random rnd = new Random(seed);
        for (int i = s - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int tmp = perm[i];
            perm[i] = perm[j];
            perm[j] = tmp;
        }
        int[] where = new int[s];
        for (int i = 0; i < s; i++) {
            where[perm[i]] = i;
        }
        int[] tri = new int[3 * s];
        int[] nb = new int[3 * s];
        for (int i = 0; i < s; i++) {
            int old = perm[i];
            int rot = i % 3;
            for (int j = 0; j < 3; j++) {
                tri[3 * i + j] = m.simplices()[3 * old + (j + rot) % 3];
                int u = m.neighbors()[3 * old + (j + rot) % 3];
                nb[3 * i + j] = u < 0 ? -1 : where[u];
            }
        }
        return new Mesh(2, m.points(), tri, nb, new int[0], new int[0]);
    }

    @Test
    void neighbourOrderChangesTheSweepOnlyByRounding() {
        Mesh m = NaturalNeighborKernelTest.fixtureMesh("random_2000");
        double[] v = NaturalNeighborKernelTest.valuesOf(m, NaturalNeighborKernelTest::smooth);
        double[] g = gradients(m, v, 400, 1e-6);
        Mesh other = shuffled(m, 5);
        double[] h = gradients(other, v, 400, 1e-6);
        double worst = 0;
        for (int i = 0; i < g.length; i++) {
            worst = Math.max(worst, Math.abs(g[i] - h[i]));
        }
        // and the interpolant from the shuffled mesh at the same points (its triangles renumbered)
        CloughTocherKernel k1 = new CloughTocherKernel(m, CloughTocherKernel.edgeParameters(m), v, g, 1);
        CloughTocherKernel k2 = new CloughTocherKernel(other, CloughTocherKernel.edgeParameters(other), v, h, 1);
        Random rnd = new Random(1);
        double worstValue = 0;
        double[] o1 = new double[1];
        double[] o2 = new double[1];
        for (int q = 0; q < 500; q++) {
            double x = 0.1 + 0.8 * rnd.nextDouble();
            double y = 0.1 + 0.8 * rnd.nextDouble();
            int t1 = NaturalNeighborKernelTest.locate(m, x, y);
            int t2 = NaturalNeighborKernelTest.locate(other, x, y);
            double[] b1 = bary(m, t1, x, y);
            double[] b2 = bary(other, t2, x, y);
            k1.evaluate(m.points(), t1, b1[0], b1[1], b1[2], o1, 0);
            k2.evaluate(other.points(), t2, b2[0], b2[1], b2[2], o2, 0);
            worstValue = Math.max(worstValue, Math.abs(o1[0] - o2[0]));
        }
        System.out.printf("CloughTocher neighbour order: gradients differ by %.3g, values by %.3g%n", worst, worstValue);
        assertTrue(worst <= 1e-12, "gradient difference " + worst);
        assertTrue(worstValue <= 1e-13, "value difference " + worstValue);
    }

    static double[] bary(Mesh m, int t, double x, double y) {
        double[] p = m.points();
        int a = m.simplices()[3 * t];
        int b = m.simplices()[3 * t + 1];
        int c = m.simplices()[3 * t + 2];
        double t00 = p[2 * a] - p[2 * c];
        double t01 = p[2 * b] - p[2 * c];
        double t10 = p[2 * a + 1] - p[2 * c + 1];
        double t11 = p[2 * b + 1] - p[2 * c + 1];
        double det = t00 * t11 - t01 * t10;
        double b0 = (t11 * (x - p[2 * c]) - t01 * (y - p[2 * c + 1])) / det;
        double b1 = (-t10 * (x - p[2 * c]) + t00 * (y - p[2 * c + 1])) / det;
        return new double[] {b0, b1, 1 - b0 - b1};
    }

    @Test
    void linearDataHasExactGradientsAndIsReproduced() {
        Mesh m = NaturalNeighborKernelTest.fixtureMesh("clustered_200");
        double[] v = NaturalNeighborKernelTest.valuesOf(m, (x, y) -> 0.5 + 2.0 * x - 3.0 * y);
        // the exact gradient is the sweep's fixed point; run it to convergence (scipy's tol = 1e-6 stops ~1e-7 short)
        double[] g = gradients(m, v, 100000, 1e-15);
        for (int i = 0; i < m.pointCount(); i++) {
            assertEquals(2.0, g[2 * i], 1e-12);
            assertEquals(-3.0, g[2 * i + 1], 1e-12);
        }
        CloughTocherKernel k = new CloughTocherKernel(m, CloughTocherKernel.edgeParameters(m), v, g, 1);
        double[] out = new double[1];
        Random rnd = new Random(2);
        for (int q = 0; q < 500; q++) {
            double x = rnd.nextDouble();
            double y = rnd.nextDouble();
            int t = NaturalNeighborKernelTest.locate(m, x, y);
            if (t < 0) {
                continue;
            }
            double[] b = bary(m, t, x, y);
            k.evaluate(m.points(), t, b[0], b[1], b[2], out, 0);
            assertEquals(0.5 + 2.0 * x - 3.0 * y, out[0], 1e-12);
        }
    }

    @Test
    void aPointThatIsNoVertexGetsNaNAndDoesNotStopTheSweep() {
        Mesh m = NaturalNeighborKernelTest.fixtureMesh("random_60");
        int n = m.pointCount();
        // the same mesh with one more point (a duplicate of point 0) that no triangle uses, as scipy's coplanar
        double[] p = java.util.Arrays.copyOf(m.points(), 2 * n + 2);
        p[2 * n] = p[0];
        p[2 * n + 1] = p[1];
        Mesh dup = new Mesh(2, p, m.simplices(), m.neighbors(), new int[] {n}, new int[] {0});
        double[] v = java.util.Arrays.copyOf(NaturalNeighborKernelTest.valuesOf(m, NaturalNeighborKernelTest::smooth), n + 1);
        v[n] = v[0];
        int[][] csr = CloughTocherGradients.vertexNeighbors(dup);
        double[] g = new double[2 * (n + 1)];
        int sweeps = CloughTocherGradients.estimate(p, csr[0], csr[1], v, 1, 0, 400, 1e-6, g);
        assertTrue(sweeps > 0, "converged");
        assertTrue(Double.isNaN(g[2 * n]) && Double.isNaN(g[2 * n + 1]), "scipy gives NaN to a point that is no vertex");
        double[] ref = gradients(m, java.util.Arrays.copyOf(v, n), 400, 1e-6);
        assertEquals(0, java.util.Arrays.compare(ref, java.util.Arrays.copyOf(g, 2 * n)));
    }
}
