package io.github.interp4j.interpolate.internal.scattered;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.interp4j.interpolate.internal.delaunay.Mesh;
import io.github.interp4j.interpolate.internal.geometry.GeometricPredicates;
import io.github.interp4j.interpolate.scipy.ScipyFixture;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.tinfour.common.Vertex;
import org.tinfour.interpolation.IVertexValuator;
import org.tinfour.interpolation.NaturalNeighborInterpolator;
import org.tinfour.standard.IncrementalTin;

/**
 * {@link NaturalNeighborKernel} by its properties and against Tinfour's {@code NaturalNeighborInterpolator}
 * (an independent implementation on its own triangulation of the same points).
 *
 * <p>Meshes: scipy's Delaunay triangulations from the Clough-Tocher fixtures (random and clustered sets in
 * general position), and hand-built regular grids (every cell cocircular, so the triangulation is not
 * unique: Sibson's coordinates do not depend on the choice).
 */
class NaturalNeighborKernelTest {
    static final String[] FIXTURES = {"random_300_m3", "clustered_200", "random_2000", "random_60"};

    static int[] ints(double[] d) {
        int[] out = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = (int) d[i];
        }
        return out;
    }

    static Mesh fixtureMesh(String name) {
        ScipyFixture f = ScipyFixture.load("clough_tocher/" + name + ".txt");
        return new Mesh(2, f.doubles("tri_points"), ints(f.doubles("simplices")), ints(f.doubles("neighbors")),
                new int[0], new int[0]);
    }

    /** an nx x ny grid on [0, 1]^2 (spacing h), each cell split along the same diagonal; neighbours by search. */
    static Mesh gridMesh(int nx, int ny) {
        double[] p = new double[2 * nx * ny];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                p[2 * (j * nx + i)] = i / (nx - 1.0);
                p[2 * (j * nx + i) + 1] = j / (ny - 1.0);
            }
        }
        int s = 2 * (nx - 1) * (ny - 1);
        int[] tri = new int[3 * s];
        int t = 0;
        for (int j = 0; j < ny - 1; j++) {
            for (int i = 0; i < nx - 1; i++) {
                int v00 = j * nx + i;
                int v10 = v00 + 1;
                int v01 = v00 + nx;
                int v11 = v01 + 1;
                tri[3 * t] = v00;
                tri[3 * t + 1] = v10;
                tri[3 * t + 2] = v11;
                t++;
                tri[3 * t] = v00;
                tri[3 * t + 1] = v11;
                tri[3 * t + 2] = v01;
                t++;
            }
        }
        return new Mesh(2, p, tri, neighbours(tri), new int[0], new int[0]);
    }

    static int[] neighbours(int[] tri) {
        java.util.Map<Long, Integer> edge = new java.util.HashMap<>();
        int s = tri.length / 3;
        int[] nb = new int[3 * s];
        java.util.Arrays.fill(nb, -1);
        for (int t = 0; t < s; t++) {
            for (int j = 0; j < 3; j++) {
                int u = tri[3 * t + (j + 1) % 3];
                int w = tri[3 * t + (j + 2) % 3];
                Integer other = edge.remove(((long) w << 32) | u);
                if (other != null) {
                    nb[3 * t + j] = other / 3;
                    nb[other] = t;
                } else {
                    edge.put(((long) u << 32) | w, 3 * t + j);
                }
            }
        }
        return nb;
    }

    /** the first triangle containing (x, y) (closed), by exact orientation tests, or -1. */
    static int locate(Mesh m, double x, double y) {
        double[] p = m.points();
        int[] tri = m.simplices();
        for (int t = 0; t < m.simplexCount(); t++) {
            int a = tri[3 * t];
            int b = tri[3 * t + 1];
            int c = tri[3 * t + 2];
            if (GeometricPredicates.orient2d(p[2 * a], p[2 * a + 1], p[2 * b], p[2 * b + 1], x, y) >= 0
                    && GeometricPredicates.orient2d(p[2 * b], p[2 * b + 1], p[2 * c], p[2 * c + 1], x, y) >= 0
                    && GeometricPredicates.orient2d(p[2 * c], p[2 * c + 1], p[2 * a], p[2 * a + 1], x, y) >= 0) {
                return t;
            }
        }
        return -1;
    }

    static double smooth(double x, double y) {
        return Math.sin(2.0 + 3.0 * x) * Math.cos(1.0 + 2.0 * y) + 0.3 * y * y;
    }

    static double[] valuesOf(Mesh m, java.util.function.DoubleBinaryOperator f) {
        double[] p = m.points();
        double[] v = new double[m.pointCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = f.applyAsDouble(p[2 * i], p[2 * i + 1]);
        }
        return v;
    }

    static double[] box(Mesh m) {
        double[] p = m.points();
        double[] b = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < p.length; i += 2) {
            b[0] = Math.min(b[0], p[i]);
            b[1] = Math.max(b[1], p[i]);
            b[2] = Math.min(b[2], p[i + 1]);
            b[3] = Math.max(b[3], p[i + 1]);
        }
        return b;
    }

    static double value(NaturalNeighborKernel k, Mesh m, double x, double y, NaturalNeighborKernel.Scratch s) {
        double[] out = new double[1];
        k.evaluate(x, y, locate(m, x, y), s, Double.NaN, out, 0);
        return out[0];
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"random_300_m3", "clustered_200", "random_60"})
    void reproducesLinearFunctionsAndStaysWithinNeighbours(String name) {
        Mesh m = fixtureMesh(name);
        double[] lin = valuesOf(m, (x, y) -> 1.5 - 2.0 * x + 0.75 * y);
        double[] sm = valuesOf(m, NaturalNeighborKernelTest::smooth);
        NaturalNeighborKernel kl = new NaturalNeighborKernel(m, lin, 1);
        NaturalNeighborKernel ks = new NaturalNeighborKernel(m, sm, 1);
        NaturalNeighborKernel.Scratch s = kl.newScratch();
        double[] b = box(m);
        Random rnd = new Random(name.hashCode());
        double worstLinear = 0;
        int inside = 0;
        for (int q = 0; q < 2000; q++) {
            double x = b[0] + rnd.nextDouble() * (b[1] - b[0]);
            double y = b[2] + rnd.nextDouble() * (b[3] - b[2]);
            int t = locate(m, x, y);
            double[] out = new double[1];
            kl.evaluate(x, y, t, s, -99.0, out, 0);
            if (t < 0) {
                assertEquals(-99.0, out[0], 0.0);
                continue;
            }
            inside++;
            double exact = 1.5 - 2.0 * x + 0.75 * y;
            worstLinear = Math.max(worstLinear, Math.abs(out[0] - exact) / 3.0);
            // weights: non-negative, summing to 1; the value within the natural neighbours' range
            int k = ks.coordinates(x, y, t, s);
            double sum = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < k; i++) {
                assertTrue(s.weight(i) >= 0, "negative weight");
                sum += s.weight(i);
                lo = Math.min(lo, sm[s.neighbor(i)]);
                hi = Math.max(hi, sm[s.neighbor(i)]);
            }
            assertEquals(1.0, sum, 1e-14);
            ks.evaluate(x, y, t, s, Double.NaN, out, 0);
            assertTrue(out[0] >= lo - 1e-15 && out[0] <= hi + 1e-15, out[0] + " outside [" + lo + ", " + hi + "]");
        }
        System.out.printf("NaturalNeighbor %s: linear reproduction max relative error %.3g over %d queries%n", name,
                worstLinear, inside);
        // rounding: the areas are sums of O(k) products of circumcentre coordinates (relative to the query)
        assertTrue(worstLinear <= 1e-12, "linear reproduction error " + worstLinear);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"random_300_m3", "clustered_200"})
    void interpolatesTheDataAndIsContinuousAcrossEdges(String name) {
        Mesh m = fixtureMesh(name);
        double[] sm = valuesOf(m, NaturalNeighborKernelTest::smooth);
        NaturalNeighborKernel k = new NaturalNeighborKernel(m, sm, 1);
        NaturalNeighborKernel.Scratch s = k.newScratch();
        double[] p = m.points();
        double[] out = new double[1];
        for (int v = 0; v < m.pointCount(); v++) {
            double x = p[2 * v];
            double y = p[2 * v + 1];
            k.evaluate(x, y, locate(m, x, y), s, Double.NaN, out, 0);
            assertEquals(sm[v], out[0], 0.0, "data point " + v);
        }
        // every interior edge: a point on it evaluated from both triangles, and points just off it on either side
        int[] tri = m.simplices();
        int[] nb = m.neighbors();
        double worstOn = 0;
        double worstAcross = 0;
        for (int t = 0; t < m.simplexCount(); t++) {
            for (int j = 0; j < 3; j++) {
                int u = nb[3 * t + j];
                if (u < t) {
                    continue;
                }
                int a = tri[3 * t + (j + 1) % 3];
                int c = tri[3 * t + (j + 2) % 3];
                double ex = p[2 * c] - p[2 * a];
                double ey = p[2 * c + 1] - p[2 * a + 1];
                double x = p[2 * a] + 0.37 * ex;
                double y = p[2 * a + 1] + 0.37 * ey;
                double[] o1 = new double[1];
                double[] o2 = new double[1];
                k.evaluate(x, y, t, s, Double.NaN, o1, 0);
                k.evaluate(x, y, u, s, Double.NaN, o2, 0);
                worstOn = Math.max(worstOn, Math.abs(o1[0] - o2[0]));
                // continuity: the jump between the two sides at distance h shrinks with h (a discontinuity J
                // would leave about J at every h); Sibson's slope can be large next to the hull, so no fixed bound
                double len = Math.hypot(ex, ey);
                double d9 = acrossDifference(k, s, t, u, x, y, -ey / len, ex / len, 1e-9);
                double d7 = acrossDifference(k, s, t, u, x, y, -ey / len, ex / len, 1e-7);
                assertTrue(d9 <= 0.02 * d7 + 1e-13, "jump across edge (" + t + ", " + u + "): " + d9 + " at h = 1e-9, "
                        + d7 + " at h = 1e-7");
                worstAcross = Math.max(worstAcross, d9);
            }
        }
        System.out.printf("NaturalNeighbor %s: on-edge from both sides %.3g, across edges at +-1e-9 %.3g%n", name,
                worstOn, worstAcross);
        assertTrue(worstOn <= 1e-13, "same point from both triangles differs by " + worstOn);
    }

    static double acrossDifference(NaturalNeighborKernel k, NaturalNeighborKernel.Scratch s, int t, int u, double x,
            double y, double nx, double ny, double h) {
        double[] o1 = new double[1];
        double[] o2 = new double[1];
        k.evaluate(x + h * nx, y + h * ny, t, s, Double.NaN, o1, 0);
        k.evaluate(x - h * nx, y - h * ny, u, s, Double.NaN, o2, 0);
        return Math.abs(o1[0] - o2[0]);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"random_300_m3", "clustered_200"})
    void approachesTheHullEdgesLinearInterpolation(String name) {
        Mesh m = fixtureMesh(name);
        double[] sm = valuesOf(m, NaturalNeighborKernelTest::smooth);
        NaturalNeighborKernel k = new NaturalNeighborKernel(m, sm, 1);
        NaturalNeighborKernel.Scratch s = k.newScratch();
        double[] p = m.points();
        int[] tri = m.simplices();
        int[] nb = m.neighbors();
        double[] hs = {1e-4, 1e-7, 1e-10, 0.0};
        double[] worst = new double[hs.length];
        double[] out = new double[1];
        for (int t = 0; t < m.simplexCount(); t++) {
            for (int j = 0; j < 3; j++) {
                if (nb[3 * t + j] >= 0) {
                    continue;
                }
                int a = tri[3 * t + (j + 1) % 3];
                int c = tri[3 * t + (j + 2) % 3];
                double ex = p[2 * c] - p[2 * a];
                double ey = p[2 * c + 1] - p[2 * a + 1];
                double edgeValue = 0.7 * sm[a] + 0.3 * sm[c];
                for (int r = 0; r < hs.length; r++) {
                    // inwards (the interior is to the left of a -> c), h relative to the edge's length
                    double x = p[2 * a] + 0.3 * ex - hs[r] * ey;
                    double y = p[2 * a + 1] + 0.3 * ey + hs[r] * ex;
                    int loc = locate(m, x, y);
                    if (loc < 0 && hs[r] == 0.0) {
                        continue;   // the point rounded onto the edge fell just outside: the fill value, tested elsewhere
                    }
                    assertTrue(loc >= 0, "inside at h = " + hs[r]);
                    k.evaluate(x, y, loc, s, Double.NaN, out, 0);
                    assertTrue(Double.isFinite(out[0]), "finite near the hull");
                    worst[r] = Math.max(worst[r], Math.abs(out[0] - edgeValue));
                }
            }
        }
        System.out.printf("NaturalNeighbor %s: distance to the hull edge's linear interpolation at h = 1e-4, 1e-7, "
                + "1e-10, 0: %.3g %.3g %.3g %.3g%n", name, worst[0], worst[1], worst[2], worst[3]);
        // on the edge (h = 0, up to the rounding of the point onto it) the linear interpolation; it is approached
        assertTrue(worst[3] <= 1e-12, "on the hull edge: " + worst[3]);
        assertTrue(worst[2] <= worst[1] && worst[1] <= worst[0], "approach to the hull edge");
    }

    @Test
    void regularGridIsExactForLinearFunctions() {
        Mesh m = gridMesh(11, 7);
        double[] lin = valuesOf(m, (x, y) -> -0.25 + 3.0 * x - 1.25 * y);
        NaturalNeighborKernel k = new NaturalNeighborKernel(m, lin, 1);
        NaturalNeighborKernel.Scratch s = k.newScratch();
        Random rnd = new Random(7);
        double worst = 0;
        for (int q = 0; q < 3000; q++) {
            double x = rnd.nextDouble();
            double y = rnd.nextDouble();
            if (q % 10 == 0) {
                x = Math.rint(x * 10) / 10;      // on grid lines, at grid points, on the hull
            }
            if (q % 7 == 0) {
                y = Math.rint(y * 6) / 6;
            }
            double v = value(k, m, x, y, s);
            worst = Math.max(worst, Math.abs(v - (-0.25 + 3.0 * x - 1.25 * y)));
        }
        System.out.printf("NaturalNeighbor grid 11x7: linear reproduction max error %.3g%n", worst);
        assertTrue(worst <= 1e-13, "grid linear error " + worst);
        assertTrue(Double.isNaN(value(k, m, 1.0 + 1e-12, 0.5, s)), "outside the hull");
        assertTrue(Double.isNaN(value(k, m, -0.1, 0.5, s)), "outside the hull");
    }

    @Test
    void severalColumnsAreTheColumnsOneByOne() {
        Mesh m = fixtureMesh("random_60");
        int n = m.pointCount();
        double[] v3 = new double[3 * n];
        double[][] cols = new double[3][n];
        Random rnd = new Random(3);
        for (int i = 0; i < 3 * n; i++) {
            v3[i] = rnd.nextGaussian();
            cols[i % 3][i / 3] = v3[i];
        }
        NaturalNeighborKernel k3 = new NaturalNeighborKernel(m, v3, 3);
        NaturalNeighborKernel.Scratch s = k3.newScratch();
        double[] out = new double[3];
        double[] one = new double[1];
        for (int q = 0; q < 200; q++) {
            double x = rnd.nextDouble();
            double y = rnd.nextDouble();
            int t = locate(m, x, y);
            k3.evaluate(x, y, t, s, 5.0, out, 0);
            for (int c = 0; c < 3; c++) {
                new NaturalNeighborKernel(m, cols[c], 1).evaluate(x, y, t, s, 5.0, one, 0);
                assertEquals(one[0], out[c], 0.0);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"random_300_m3", "clustered_200", "random_2000"})
    void agreesWithTinfour(String name) {
        Mesh m = fixtureMesh(name);
        double[] p = m.points();
        double[] sm = valuesOf(m, NaturalNeighborKernelTest::smooth);
        List<Vertex> vs = new ArrayList<>();
        for (int i = 0; i < m.pointCount(); i++) {
            vs.add(new Vertex(p[2 * i], p[2 * i + 1], sm[i], i));
        }
        IncrementalTin tin = new IncrementalTin(1.0);
        tin.add(vs, null);
        NaturalNeighborInterpolator tinfour = new NaturalNeighborInterpolator(tin);
        // Tinfour keeps a vertex's z as a float: the values are read from our double array by vertex index
        IVertexValuator exact = v -> sm[v.getIndex()];
        NaturalNeighborKernel k = new NaturalNeighborKernel(m, sm, 1);
        NaturalNeighborKernel.Scratch s = k.newScratch();
        double[] b = box(m);
        Random rnd = new Random(11);
        double worst = 0;
        int compared = 0;
        int tinfourNaN = 0;
        for (int q = 0; q < 3000; q++) {
            double x = b[0] + rnd.nextDouble() * (b[1] - b[0]);
            double y = b[2] + rnd.nextDouble() * (b[3] - b[2]);
            double mine = value(k, m, x, y, s);
            double theirs = tinfour.interpolate(x, y, exact);
            if (Double.isNaN(mine)) {
                assertTrue(Double.isNaN(theirs), "outside for us, not for Tinfour at " + x + ", " + y);
                continue;
            }
            if (Double.isNaN(theirs)) {
                tinfourNaN++;
                continue;
            }
            compared++;
            worst = Math.max(worst, Math.abs(mine - theirs));
        }
        System.out.printf("NaturalNeighbor %s vs Tinfour: max |difference| %.3g over %d queries (Tinfour NaN at %d inside)%n",
                name, worst, compared, tinfourNaN);
        assertTrue(compared > 1000);
        // both compute the areas from circumcentres in double precision: rounding of order eps times (circumradius /
        // cell size)^2 per term; 1e-12 leaves some thousand ulps of the values (about 1.3 here)
        assertTrue(worst <= 1e-12, "differs from Tinfour by " + worst);
    }
}
