package io.github.interp4j.interpolate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.Random;

/**
 * The scattered-data interpolants on the inputs where a triangulation is not unique or not well posed
 * (issue 8: "degenerate sets are tested by properties"): regular grids and lattices (every point
 * cocircular / cospherical) with a linear function, which every method must reproduce exactly up to
 * rounding whatever diagonals the triangulation picked; duplicated points, which are left out while the
 * first occurrence keeps its value; nearly coplanar 3-D sets; and inputs that cannot be triangulated.
 */
class ScatteredDegenerateInputTest {
    /** Rounding allowance for a linear function of magnitude about 10 on the unit square / cube. */
    private static final double LINEAR_TOLERANCE = 1e-12;

    private static double linear2(double x, double y) {
        return 1.5 + 4 * x - 3 * y;
    }

    private static double linear3(double x, double y, double z) {
        return 1.5 + 4 * x - 3 * y + 2 * z;
    }

    private static double[][] grid2(int n) {
        double[][] p = new double[n * n][];
        for (int i = 0, k = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                p[k++] = new double[] {i / (n - 1.0), j / (n - 1.0)};
            }
        }
        return p;
    }

    @Test
    void regularGridWithALinearFunctionIsReproducedByEveryTwoDimensionalMethod() {
        double[][] p = grid2(9);
        double[] v = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            v[i] = linear2(p[i][0], p[i][1]);
        }
        Delaunay tri = new Delaunay(p);
        assertEquals(2 * 8 * 8, tri.simplexCount(), "a 9 x 9 grid has 128 triangles whatever the diagonals");
        InterpolantND[] methods = {
            new LinearNDInterpolator(tri, v, Double.NaN),
            new CloughTocher2DInterpolator(tri, column(v), Double.NaN, 1e-13, 400),
            new NaturalNeighborInterpolator(tri, v, Double.NaN),
        };
        Random rnd = new Random(11);
        for (int q = 0; q < 2000; q++) {
            // Half the queries on grid lines (where the diagonals' choice matters most).
            double x = q % 2 == 0 ? rnd.nextInt(9) / 8.0 : rnd.nextDouble();
            double y = rnd.nextDouble();
            for (InterpolantND m : methods) {
                assertEquals(linear2(x, y), m.value(x, y), LINEAR_TOLERANCE, m.getClass().getSimpleName()
                        + " at (" + x + ", " + y + ")");
            }
        }
        // Data points themselves are interpolated.
        for (int i = 0; i < p.length; i++) {
            for (InterpolantND m : methods) {
                assertEquals(v[i], m.value(p[i]), LINEAR_TOLERANCE, m.getClass().getSimpleName());
            }
        }
    }

    private static double[][] column(double[] v) {
        double[][] c = new double[v.length][1];
        for (int i = 0; i < v.length; i++) {
            c[i][0] = v[i];
        }
        return c;
    }

    @Test
    void regularLatticeWithALinearFunctionIsReproducedInThreeDimensions() {
        int n = 6;
        double[][] p = new double[n * n * n][];
        for (int i = 0, k = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int l = 0; l < n; l++) {
                    p[k++] = new double[] {i / (n - 1.0), j / (n - 1.0), l / (n - 1.0)};
                }
            }
        }
        double[] v = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            v[i] = linear3(p[i][0], p[i][1], p[i][2]);
        }
        LinearNDInterpolator ip = new LinearNDInterpolator(p, v);
        Random rnd = new Random(12);
        for (int q = 0; q < 2000; q++) {
            double x = rnd.nextDouble();
            double y = q % 3 == 0 ? rnd.nextInt(n) / (n - 1.0) : rnd.nextDouble();
            double z = rnd.nextDouble();
            assertEquals(linear3(x, y, z), ip.value(x, y, z), LINEAR_TOLERANCE);
        }
    }

    @Test
    void duplicatedPointsAreLeftOutAndTheFirstOccurrenceKeepsItsValue() {
        Random rnd = new Random(13);
        int n = 200;
        double[][] p = new double[n + 20][];
        double[] v = new double[n + 20];
        for (int i = 0; i < n; i++) {
            p[i] = new double[] {rnd.nextDouble(), rnd.nextDouble()};
            v[i] = linear2(p[i][0], p[i][1]);
        }
        for (int i = 0; i < 20; i++) {
            p[n + i] = p[3 * i].clone();
            v[n + i] = 1e6; // a different value at a duplicate: ignored, as scipy's coplanar points are
        }
        Delaunay tri = new Delaunay(p);
        assertEquals(20, tri.coplanar().length);
        for (int[] row : tri.coplanar()) {
            assertTrue(row[0] >= n, "the later copy is the one left out: " + row[0]);
            assertEquals(3 * (row[0] - n), row[2], "left-out point " + row[0] + " coincides with vertex " + row[2]);
        }
        InterpolantND[] methods = {
            new LinearNDInterpolator(p, v),
            new CloughTocher2DInterpolator(p, v, Double.NaN, 1e-13, 400, false),
            new NaturalNeighborInterpolator(p, v),
        };
        for (InterpolantND m : methods) {
            for (int i = 0; i < 20; i++) {
                double[] q = p[3 * i];
                assertEquals(v[3 * i], m.value(q), LINEAR_TOLERANCE, m.getClass().getSimpleName());
            }
            // A linear function is still reproduced inside the hull.
            for (int q = 0; q < 500; q++) {
                double x = 0.25 + 0.5 * rnd.nextDouble();
                double y = 0.25 + 0.5 * rnd.nextDouble();
                double got = m.value(x, y);
                if (got == got) {
                    assertEquals(linear2(x, y), got, 1e-9, m.getClass().getSimpleName());
                }
            }
        }
    }

    @Test
    void nearlyCoplanarThreeDimensionalSetsGiveFiniteLinearResultsInside() {
        Random rnd = new Random(14);
        int n = 400;
        double[][] p = new double[n + 4][];
        for (int i = 0; i < n; i++) {
            // Points within 1e-9 of the plane z = 0.5, plus four points that make the hull 3-D.
            p[i] = new double[] {rnd.nextDouble(), rnd.nextDouble(), 0.5 + 1e-9 * rnd.nextGaussian()};
        }
        p[n] = new double[] {0.5, 0.5, 0.0};
        p[n + 1] = new double[] {0.5, 0.5, 1.0};
        p[n + 2] = new double[] {-0.5, -0.5, 0.5};
        p[n + 3] = new double[] {1.5, 1.5, 0.5};
        double[] v = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            v[i] = linear3(p[i][0], p[i][1], p[i][2]);
        }
        LinearNDInterpolator ip = new LinearNDInterpolator(p, v);
        int inside = 0;
        for (int q = 0; q < 2000; q++) {
            double x = rnd.nextDouble();
            double y = rnd.nextDouble();
            double z = 0.5 + 0.3 * (rnd.nextDouble() - 0.5);
            double got = ip.value(x, y, z);
            if (got == got) {
                inside++;
                // Slivers amplify rounding: a linear function is still reproduced to a relative 1e-6.
                assertEquals(linear3(x, y, z), got, 1e-6);
            }
        }
        assertTrue(inside > 1000, "queries inside the hull: " + inside);
    }

    @Test
    void inputsThatCannotBeTriangulatedNameTheCause() {
        double[][] collinear = {{0, 0}, {1, 1}, {2, 2}, {3, 3}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LinearNDInterpolator(collinear, new double[] {1, 2, 3, 4}));
        assertTrue(e.getMessage().contains("collinear"), e.getMessage());
        double[][] coplanar = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {1, 1, 0}, {0.5, 0.5, 0}};
        e = assertThrows(IllegalArgumentException.class, () -> new Delaunay(coplanar));
        assertTrue(e.getMessage().contains("coplanar"), e.getMessage());
        double[][] twoDistinct = {{0, 0}, {1, 1}, {0, 0}};
        e = assertThrows(IllegalArgumentException.class, () -> new Delaunay(twoDistinct));
        assertTrue(e.getMessage().contains("distinct"), e.getMessage());
    }
}
