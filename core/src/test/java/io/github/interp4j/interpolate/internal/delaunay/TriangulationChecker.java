package io.github.interp4j.interpolate.internal.delaunay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.interp4j.interpolate.internal.geometry.GeometricPredicates;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An exact checker of a Delaunay {@link Mesh}, independent of the builder: positive orientation, mutual
 * neighbours sharing their facet, Euler's relation, the empty-sphere property by the exact (unperturbed)
 * predicate (locally across every facet always; against every point unless the caller opts out for size), volumes summing exactly (BigDecimal) to the convex hull's, and every input point a vertex or
 * left out onto a coinciding vertex of smaller index.
 */
final class TriangulationChecker {
    private TriangulationChecker() {}

    static void check(Mesh m) {
        check(m, true);
    }

    /** @param emptySphere whether to run the O(s n) global empty-sphere check (the local one always runs) */
    static void check(Mesh m, boolean emptySphere) {
        int d = m.dim();
        int d1 = d + 1;
        double[] p = m.points();
        int n = m.pointCount();
        int s = m.simplexCount();
        int[] v = m.simplices();
        int[] nb = m.neighbors();
        assertEquals(s * d1, nb.length);
        assertTrue(s > 0, "no simplices");
        // vertices and left-out points
        boolean[] isVertex = new boolean[n];
        for (int x : v) {
            assertTrue(x >= 0 && x < n, "vertex index " + x);
            isVertex[x] = true;
        }
        int[] lo = m.leftOut();
        int[] lov = m.leftOutVertex();
        assertEquals(lo.length, lov.length);
        boolean[] left = new boolean[n];
        for (int i = 0; i < lo.length; i++) {
            if (i > 0) {
                assertTrue(lo[i] > lo[i - 1], "leftOut not increasing");
            }
            assertTrue(!isVertex[lo[i]], "left-out point " + lo[i] + " is a vertex");
            assertTrue(isVertex[lov[i]], "leftOutVertex " + lov[i] + " is not a vertex");
            assertTrue(lov[i] < lo[i], "left out " + lo[i] + " onto larger index " + lov[i]);
            for (int k = 0; k < d; k++) {
                assertEquals(p[lo[i] * d + k], p[lov[i] * d + k], "left out " + lo[i] + " does not coincide");
            }
            left[lo[i]] = true;
        }
        for (int i = 0; i < n; i++) {
            assertTrue(isVertex[i] ^ left[i], "point " + i + " neither vertex nor left out (or both)");
        }
        // orientation
        for (int t = 0; t < s; t++) {
            assertEquals(1, orient(p, d, v, t * d1, -1, -1), "simplex " + t + " not positively oriented");
        }
        // neighbours mutual and sharing the facet; hull facets
        List<int[]> hull = new ArrayList<>();
        for (int t = 0; t < s; t++) {
            for (int k = 0; k < d1; k++) {
                int u = nb[t * d1 + k];
                int[] facet = facet(v, t, d1, k);
                if (u < 0) {
                    assertEquals(-1, u);
                    hull.add(orientedFacet(v, t, d1, k));
                    continue;
                }
                int back = -1;
                for (int j = 0; j < d1; j++) {
                    if (nb[u * d1 + j] == t) {
                        back = j;
                    }
                }
                assertTrue(back >= 0, "neighbour " + u + " of " + t + " not mutual");
                assertArrayEquals(facet, facet(v, u, d1, back), "simplices " + t + ", " + u + " share no facet");
            }
        }
        // Euler
        Set<Long> edges = new HashSet<>();
        for (int t = 0; t < s; t++) {
            for (int a = 0; a < d1; a++) {
                for (int b = a + 1; b < d1; b++) {
                    int x = v[t * d1 + a];
                    int y = v[t * d1 + b];
                    edges.add(((long) Math.min(x, y) << 32) | Math.max(x, y));
                }
            }
        }
        int nv = n - lo.length;
        if (d == 2) {
            // V - E + F = 1 (the triangles of a disk)
            assertEquals(1, nv - edges.size() + s, "Euler");
        } else {
            int faces = (4 * s + hull.size()) / 2;
            assertEquals(1, nv - edges.size() + faces - s, "Euler");
        }
        // every point on the inner side of every hull facet: the hull facets bound a convex region
        for (int[] f : hull) {
            for (int i = 0; i < n; i++) {
                int o = d == 2 ? GeometricPredicates.orient2d(p, f[0], f[1], i)
                        : GeometricPredicates.orient3d(p, f[0], f[1], f[2], i);
                assertTrue(o >= 0, "point " + i + " outside hull facet " + Arrays.toString(f));
            }
        }
        // volumes: the simplices fill the region bounded by the hull facets exactly
        BigDecimal sum = BigDecimal.ZERO;
        for (int t = 0; t < s; t++) {
            sum = sum.add(volume(p, d, v, t * d1));
        }
        BigDecimal hullVol = BigDecimal.ZERO;
        for (int[] f : hull) {
            hullVol = hullVol.add(d == 2 ? cross(p, f[0], f[1]) : tripleOrigin(p, f[0], f[1], f[2]));
        }
        assertEquals(0, sum.compareTo(hullVol), "volumes " + sum + " != hull " + hullVol);
        if (d == 2) {
            assertEquals(0, sum.compareTo(monotoneChainArea(p, n)), "area != monotone-chain hull area");
        }
        // locally Delaunay across every interior facet: with the checks above (a triangulation of the hull)
        // this is equivalent to the empty-sphere property (Delaunay's lemma), in O(s) exact tests
        for (int t = 0; t < s; t++) {
            int o = t * d1;
            for (int k = 0; k < d1; k++) {
                int u = nb[o + k];
                if (u < 0) {
                    continue;
                }
                for (int j = 0; j < d1; j++) {
                    int x = v[u * d1 + j];
                    int in = d == 2 ? GeometricPredicates.incircle(p, v[o], v[o + 1], v[o + 2], x)
                            : GeometricPredicates.insphere(p, v[o], v[o + 1], v[o + 2], v[o + 3], x);
                    if (in > 0) {
                        fail("vertex " + x + " of neighbour " + u + " strictly inside the circumsphere of " + t);
                    }
                }
            }
        }
        if (emptySphere) {
            for (int t = 0; t < s; t++) {
                int o = t * d1;
                for (int i = 0; i < n; i++) {
                    if (left[i]) {
                        continue;
                    }
                    int in = d == 2 ? GeometricPredicates.incircle(p, v[o], v[o + 1], v[o + 2], i)
                            : GeometricPredicates.insphere(p, v[o], v[o + 1], v[o + 2], v[o + 3], i);
                    if (in > 0) {
                        fail("point " + i + " strictly inside the circumsphere of simplex " + t);
                    }
                }
            }
        }
    }

    private static int orient(double[] p, int d, int[] v, int o, int j, int q) {
        return d == 2 ? GeometricPredicates.orient2d(p, v[o], v[o + 1], v[o + 2])
                : GeometricPredicates.orient3d(p, v[o], v[o + 1], v[o + 2], v[o + 3]);
    }

    private static int[] facet(int[] v, int t, int d1, int k) {
        int[] f = new int[d1 - 1];
        for (int j = 0, m = 0; j < d1; j++) {
            if (j != k) {
                f[m++] = v[t * d1 + j];
            }
        }
        Arrays.sort(f);
        return f;
    }

    /**
     * The facet opposite position k, ordered so that the opposite vertex is on its positive side (the
     * simplex with vertex k replaced by a point x has the sign of orient(facet..., x)).
     */
    private static int[] orientedFacet(int[] v, int t, int d1, int k) {
        int[] a = Arrays.copyOfRange(v, t * d1, t * d1 + d1);
        // move position k to the end by adjacent transpositions, tracking the sign
        boolean flip = false;
        for (int j = k; j < d1 - 1; j++) {
            int x = a[j];
            a[j] = a[j + 1];
            a[j + 1] = x;
            flip = !flip;
        }
        int[] f = Arrays.copyOf(a, d1 - 1);
        if (flip) {
            int x = f[0];
            f[0] = f[1];
            f[1] = x;
        }
        return f;
    }

    private static BigDecimal bd(double x) {
        return new BigDecimal(x);
    }

    /** Twice the signed area (2-D) or six times the volume, with Shewchuk's orientation sign. */
    private static BigDecimal volume(double[] p, int d, int[] v, int o) {
        if (d == 2) {
            BigDecimal ax = bd(p[2 * v[o]]).subtract(bd(p[2 * v[o + 2]]));
            BigDecimal ay = bd(p[2 * v[o] + 1]).subtract(bd(p[2 * v[o + 2] + 1]));
            BigDecimal bx = bd(p[2 * v[o + 1]]).subtract(bd(p[2 * v[o + 2]]));
            BigDecimal by = bd(p[2 * v[o + 1] + 1]).subtract(bd(p[2 * v[o + 2] + 1]));
            return ax.multiply(by).subtract(ay.multiply(bx));
        }
        BigDecimal[][] r = new BigDecimal[3][3];
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                r[i][k] = bd(p[3 * v[o + i] + k]).subtract(bd(p[3 * v[o + 3] + k]));
            }
        }
        return det3(r);
    }

    private static BigDecimal det3(BigDecimal[][] r) {
        return r[0][0].multiply(r[1][1].multiply(r[2][2]).subtract(r[1][2].multiply(r[2][1])))
                .subtract(r[0][1].multiply(r[1][0].multiply(r[2][2]).subtract(r[1][2].multiply(r[2][0]))))
                .add(r[0][2].multiply(r[1][0].multiply(r[2][1]).subtract(r[1][1].multiply(r[2][0]))));
    }

    /** orient2d(a, b, origin) doubled area, exact: a x b. */
    private static BigDecimal cross(double[] p, int a, int b) {
        return bd(p[2 * a]).multiply(bd(p[2 * b + 1])).subtract(bd(p[2 * a + 1]).multiply(bd(p[2 * b])));
    }

    /** det[a; b; c] = orient3d(a, b, c, origin), exact. */
    private static BigDecimal tripleOrigin(double[] p, int a, int b, int c) {
        BigDecimal[][] r = new BigDecimal[3][3];
        int[] idx = {a, b, c};
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                r[i][k] = bd(p[3 * idx[i] + k]);
            }
        }
        return det3(r);
    }

    /** Twice the area of the convex hull by Andrew's monotone chain with exact orientation. */
    static BigDecimal monotoneChainArea(double[] p, int n) {
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> p[2 * a] != p[2 * b] ? Double.compare(p[2 * a], p[2 * b])
                : Double.compare(p[2 * a + 1], p[2 * b + 1]));
        int[] h = new int[2 * n + 1];
        int k = 0;
        for (int i = 0; i < n; i++) {
            while (k >= 2 && GeometricPredicates.orient2d(p, h[k - 2], h[k - 1], idx[i]) <= 0) {
                k--;
            }
            h[k++] = idx[i];
        }
        for (int i = n - 2, t = k + 1; i >= 0; i--) {
            while (k >= t && GeometricPredicates.orient2d(p, h[k - 2], h[k - 1], idx[i]) <= 0) {
                k--;
            }
            h[k++] = idx[i];
        }
        BigDecimal area = BigDecimal.ZERO;
        for (int i = 0; i + 1 < k; i++) {
            area = area.add(cross(p, h[i], h[i + 1]));
        }
        return area;
    }
}
