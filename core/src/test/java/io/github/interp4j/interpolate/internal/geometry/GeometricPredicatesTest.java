package io.github.interp4j.interpolate.internal.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GeometricPredicatesTest {
    // ---- the predicates applied to a flat coordinate vector (points one after another) ----

    static int orient2d(double[] c) {
        return GeometricPredicates.orient2d(c[0], c[1], c[2], c[3], c[4], c[5]);
    }

    static int orient3d(double[] c) {
        return GeometricPredicates.orient3d(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11]);
    }

    static int incircle(double[] c) {
        return GeometricPredicates.incircle(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
    }

    static int insphere(double[] c) {
        return GeometricPredicates.insphere(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11],
                c[12], c[13], c[14]);
    }

    /** Asserts every predicate whose arity fits {@code c} agrees with the oracle, and is antisymmetric. */
    private static int check(int dim, double[] c) {
        int n = c.length / dim;
        int got;
        int want;
        if (dim == 2 && n == 3) {
            got = orient2d(c);
            want = Oracle.orient2d(c);
        } else if (dim == 3 && n == 4) {
            got = orient3d(c);
            want = Oracle.orient3d(c);
        } else if (dim == 2 && n == 4) {
            got = incircle(c);
            want = Oracle.incircle(c);
        } else {
            got = insphere(c);
            want = Oracle.insphere(c);
        }
        assertEquals(want, got, () -> "predicate on " + java.util.Arrays.toString(c));
        return got;
    }

    /** Checks the predicate and its value after swapping points i and j (antisymmetry). */
    private static void checkWithSwap(int dim, double[] c, SplittableRandom rnd) {
        int s = check(dim, c);
        int n = c.length / dim;
        int i = rnd.nextInt(n);
        int j = (i + 1 + rnd.nextInt(n - 1)) % n;
        double[] sw = c.clone();
        for (int k = 0; k < dim; k++) {
            sw[dim * i + k] = c[dim * j + k];
            sw[dim * j + k] = c[dim * i + k];
        }
        assertEquals(-s, check(dim, sw), "antisymmetry");
    }

    private static double[] random(SplittableRandom rnd, int len, double lo, double hi) {
        double[] c = new double[len];
        for (int i = 0; i < len; i++) {
            c[i] = rnd.nextDouble(lo, hi);
        }
        return c;
    }

    /** Moves one random nonzero coordinate by -2..2 ulps (a zero would become subnormal: see the range tests). */
    private static double[] nudge(double[] c, SplittableRandom rnd) {
        double[] r = c.clone();
        int i = rnd.nextInt(r.length);
        while (r[i] == 0) {
            i = rnd.nextInt(r.length);
        }
        int k = rnd.nextInt(-2, 3);
        for (; k > 0; k--) {
            r[i] = Math.nextUp(r[i]);
        }
        for (; k < 0; k++) {
            r[i] = Math.nextDown(r[i]);
        }
        return r;
    }

    private static double[] scaled(double[] c, int k) {
        double[] r = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            r[i] = Math.scalb(c[i], k);
        }
        return r;
    }

    // ---- conventions ----

    @Test
    void signConventions() {
        assertEquals(1, GeometricPredicates.orient2d(0, 0, 1, 0, 0, 1));
        assertEquals(-1, GeometricPredicates.orient2d(0, 0, 0, 1, 1, 0));
        assertEquals(0, GeometricPredicates.orient2d(0, 0, 1, 1, 3, 3));
        assertEquals(1, GeometricPredicates.orient3d(0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, -1));
        assertEquals(-1, GeometricPredicates.orient3d(0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1));
        assertEquals(0, GeometricPredicates.orient3d(0, 0, 0, 1, 0, 0, 0, 1, 0, 5, 7, 0));
        // unit circle through (1,0), (0,1), (-1,0) counterclockwise
        assertEquals(1, GeometricPredicates.incircle(1, 0, 0, 1, -1, 0, 0.5, 0.1));
        assertEquals(-1, GeometricPredicates.incircle(1, 0, 0, 1, -1, 0, 3, 0));
        assertEquals(0, GeometricPredicates.incircle(1, 0, 0, 1, -1, 0, 0, -1));
        // positively oriented tetrahedron (orient3d > 0), centroid inside, far point outside
        double[] t = {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, -1};
        assertEquals(1, orient3d(t));
        assertEquals(1, GeometricPredicates.insphere(0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, -1, 0.25, 0.25, -0.25));
        assertEquals(-1, GeometricPredicates.insphere(0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, -1, 5, 5, 5));
        assertEquals(0, GeometricPredicates.insphere(0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, -1, 1, 1, -1));
    }

    @Test
    void flatArrayOverloadsReadPointsByIndex() {
        double[] xy = {9, 9, 0, 0, 1, 0, 0, 1, 0.5, 0.1};
        assertEquals(1, GeometricPredicates.orient2d(xy, 1, 2, 3));
        assertEquals(1, GeometricPredicates.incircle(new double[] {1, 0, 0, 1, -1, 0, 0.5, 0.1}, 0, 1, 2, 3));
        double[] xyz = {7, 7, 7, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, -1, 0.25, 0.25, -0.25};
        assertEquals(1, GeometricPredicates.orient3d(xyz, 1, 2, 3, 4));
        assertEquals(-1, GeometricPredicates.orient3d(xyz, 2, 1, 3, 4));
        assertEquals(1, GeometricPredicates.insphere(xyz, 1, 2, 3, 4, 5));
    }

    // ---- random input ----

    @Test
    void randomInputMatchesOracle() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int t = 0; t < 1500; t++) {
            checkWithSwap(2, random(rnd, 6, -1, 1), rnd);
            checkWithSwap(3, random(rnd, 12, -1, 1), rnd);
            checkWithSwap(2, random(rnd, 8, -1, 1), rnd);
            checkWithSwap(3, random(rnd, 15, -1, 1), rnd);
        }
    }

    @Test
    void randomInputTakesTheFilterPath() {
        SplittableRandom rnd = new SplittableRandom(12);
        ExactPredicates.CALLS.reset();
        for (int t = 0; t < 10_000; t++) {
            orient2d(random(rnd, 6, -1, 1));
            orient3d(random(rnd, 12, -1, 1));
            incircle(random(rnd, 8, 0, 1000));
            insphere(random(rnd, 15, -1e6, 1e6));
        }
        assertEquals(0, ExactPredicates.CALLS.sum(), "random input should never need the exact path");
        assertEquals(0, insphere(new double[] {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 0}));
        assertEquals(1, ExactPredicates.CALLS.sum(), "a cospherical input needs the exact path");
    }

    // ---- near-degenerate input ----

    /** Kettner et al.'s classroom example: a 256x256 grid of ulp-steps around the line y = x. */
    @Test
    void orient2dUlpGridAroundALine() {
        double u = Math.ulp(0.5);
        int zeros = 0;
        for (int i = 0; i < 128; i++) {
            for (int j = 0; j < 128; j++) {
                double[] c = {0.5 + i * u, 0.5 + j * u, 12, 12, 24, 24};
                zeros += check(2, c) == 0 ? 1 : 0;
            }
        }
        assertTrue(zeros > 0);
    }

    @Test
    void nearlyCollinearAndCoplanarPointsMatchOracle() {
        SplittableRandom rnd = new SplittableRandom(13);
        for (int t = 0; t < 1500; t++) {
            double[] ab = random(rnd, 4, -10, 10);
            double s = rnd.nextDouble(-2, 3);
            double[] c2 = {ab[0], ab[1], ab[2], ab[3], ab[0] + s * (ab[2] - ab[0]), ab[1] + s * (ab[3] - ab[1])};
            checkWithSwap(2, rnd.nextBoolean() ? c2 : nudge(c2, rnd), rnd);

            double[] p = random(rnd, 9, -10, 10);
            double u = rnd.nextDouble(-1, 2);
            double v = rnd.nextDouble(-1, 2);
            double[] c3 = new double[12];
            System.arraycopy(p, 0, c3, 0, 9);
            for (int k = 0; k < 3; k++) {
                c3[9 + k] = p[k] + u * (p[3 + k] - p[k]) + v * (p[6 + k] - p[k]);
            }
            checkWithSwap(3, rnd.nextBoolean() ? c3 : nudge(c3, rnd), rnd);
        }
    }

    @Test
    void nearlyCocircularAndCosphericalPointsMatchOracle() {
        SplittableRandom rnd = new SplittableRandom(14);
        for (int t = 0; t < 1000; t++) {
            double cx = rnd.nextDouble(-5, 5);
            double cy = rnd.nextDouble(-5, 5);
            double cz = rnd.nextDouble(-5, 5);
            double r = rnd.nextDouble(0.1, 10);
            double[] c2 = new double[8];
            for (int i = 0; i < 4; i++) {
                double th = rnd.nextDouble(0, 2 * Math.PI);
                c2[2 * i] = cx + r * Math.cos(th);
                c2[2 * i + 1] = cy + r * Math.sin(th);
            }
            checkWithSwap(2, rnd.nextBoolean() ? c2 : nudge(c2, rnd), rnd);
            double[] c3 = new double[15];
            for (int i = 0; i < 5; i++) {
                double th = rnd.nextDouble(0, 2 * Math.PI);
                double z = rnd.nextDouble(-1, 1);
                double rho = Math.sqrt(1 - z * z);
                c3[3 * i] = cx + r * rho * Math.cos(th);
                c3[3 * i + 1] = cy + r * rho * Math.sin(th);
                c3[3 * i + 2] = cz + r * z;
            }
            checkWithSwap(3, rnd.nextBoolean() ? c3 : nudge(c3, rnd), rnd);
        }
    }

    /** Integer points on the circle of radius 25 and the sphere of radius 3: exactly cocircular/cospherical. */
    static final List<double[]> CIRCLE25 = new ArrayList<>();
    static final List<double[]> SPHERE3 = new ArrayList<>();

    static {
        for (int x = -25; x <= 25; x++) {
            for (int y = -25; y <= 25; y++) {
                if (x * x + y * y == 625) {
                    CIRCLE25.add(new double[] {x, y});
                }
            }
        }
        for (int x = -3; x <= 3; x++) {
            for (int y = -3; y <= 3; y++) {
                for (int z = -3; z <= 3; z++) {
                    if (x * x + y * y + z * z == 9) {
                        SPHERE3.add(new double[] {x, y, z});
                    }
                }
            }
        }
    }

    private static double[] pick(List<double[]> pts, int n, SplittableRandom rnd) {
        int dim = pts.get(0).length;
        double[] c = new double[n * dim];
        for (int i = 0; i < n; i++) {
            System.arraycopy(pts.get(rnd.nextInt(pts.size())), 0, c, dim * i, dim);
        }
        return c;
    }

    @Test
    void exactlyCocircularAndCosphericalLatticePointsAtEveryScale() {
        SplittableRandom rnd = new SplittableRandom(15);
        int[] scales = {0, -3, 40, -1060, -700, 300, 900, 1000};
        int zeros = 0;
        for (int t = 0; t < 240; t++) {
            int k = scales[t % scales.length];
            double[] c2 = pick(CIRCLE25, 4, rnd);
            double[] c3 = pick(SPHERE3, 5, rnd);
            double off = rnd.nextInt(-1000, 1000);
            for (int i = 0; i < c2.length; i++) {
                c2[i] += off;
            }
            for (int i = 0; i < c3.length; i++) {
                c3[i] += off;
            }
            c2 = scaled(c2, k);
            c3 = scaled(c3, k);
            zeros += check(2, c2) == 0 ? 1 : 0;
            zeros += check(3, c3) == 0 ? 1 : 0;
            checkWithSwap(2, nudge(c2, rnd), rnd);
            checkWithSwap(3, nudge(c3, rnd), rnd);
            checkWithSwap(2, java.util.Arrays.copyOf(c2, 6), rnd);
            checkWithSwap(3, java.util.Arrays.copyOf(c3, 12), rnd);
        }
        assertTrue(zeros > 300, "most lattice draws are exactly degenerate: " + zeros);
    }

    @Test
    void integerLatticeMatchesOracle() {
        SplittableRandom rnd = new SplittableRandom(16);
        for (int t = 0; t < 3000; t++) {
            double[] c3 = new double[15];
            for (int i = 0; i < 15; i++) {
                c3[i] = rnd.nextInt(3);
            }
            checkWithSwap(3, c3, rnd);
            checkWithSwap(3, java.util.Arrays.copyOf(c3, 12), rnd);
            double[] c2 = java.util.Arrays.copyOf(c3, 8);
            checkWithSwap(2, c2, rnd);
            checkWithSwap(2, java.util.Arrays.copyOf(c2, 6), rnd);
        }
    }

    // ---- magnitudes and the documented range ----

    @Test
    void hugeAndTinyMagnitudesMatchOracle() {
        SplittableRandom rnd = new SplittableRandom(17);
        int[] scales = {1000, 1020, 700, -1000, -1074 + 60, -600, -160, 160};
        for (int t = 0; t < 120; t++) {
            int k = scales[t % scales.length];
            // coordinates with 10 significant bits, so the scaled values stay exact even near the subnormals
            double[] c = new double[15];
            for (int i = 0; i < 15; i++) {
                c[i] = Math.scalb((double) rnd.nextInt(-512, 512), k - 10);
            }
            checkWithSwap(2, java.util.Arrays.copyOf(c, 6), rnd);
            checkWithSwap(3, java.util.Arrays.copyOf(c, 12), rnd);
            checkWithSwap(2, java.util.Arrays.copyOf(c, 8), rnd);
            checkWithSwap(3, c, rnd);
            double[] sphere = scaled(pick(SPHERE3, 5, rnd), k - 2);
            checkWithSwap(3, nudge(sphere, rnd), rnd);
        }
        // overflow in the filter at full double range: the exact path rescales
        double big = 0x1p1000;
        assertEquals(1, GeometricPredicates.orient2d(-big, -big, big, -big, 0, big));
        assertEquals(1, GeometricPredicates.insphere(0, 0, 0, big, 0, 0, 0, big, 0, 0, 0, -big,
                big / 4, big / 4, -big / 4));
        assertEquals(0, GeometricPredicates.insphere(0, 0, 0, big, 0, 0, 0, big, 0, 0, 0, -big, big, big, -big));
        double tiny = Double.MIN_VALUE;
        assertEquals(1, GeometricPredicates.orient2d(0, 0, tiny, 0, 0, tiny));
        assertEquals(1, GeometricPredicates.insphere(0, 0, 0, 4 * tiny, 0, 0, 0, 4 * tiny, 0, 0, 0, -4 * tiny,
                tiny, tiny, -tiny));
    }

    @Test
    void mixedMagnitudesUpToTheDocumentedSpanAreExact() {
        // the span is measured from the largest exponent to the lowest set bit; a 1 ulp step at 1.0 costs 52
        int[] spans = {ExactPredicates.span(2), ExactPredicates.span(3), ExactPredicates.span(4), ExactPredicates.span(5)};
        assertEquals(1044, spans[0]);
        assertEquals(695, spans[1]);
        assertEquals(520, spans[2]);
        assertEquals(414, spans[3]);
        // exactly at the limit: one coordinate 1.0, one 2^-span; the other points make the filter undecided
        double s2 = Math.scalb(1.0, -spans[0]);
        assertEquals(Oracle.orient2d(s2, 0, 1, 0, 1.5, 0), GeometricPredicates.orient2d(s2, 0, 1, 0, 1.5, 0));
        assertEquals(1, GeometricPredicates.orient2d(0, s2, 0.5, 0.5, 1.5, 1.5));
        assertEquals(Oracle.orient2d(0, s2, 0.5, 0.5, 1.5, 1.5), GeometricPredicates.orient2d(0, s2, 0.5, 0.5, 1.5, 1.5));
        assertEquals(1, GeometricPredicates.orient2d(0, s2 / 2, 0.5, 0.5, 1.5, 1.5)); // beyond the span, first order
        double s3 = Math.scalb(1.0, -spans[1]);
        double[] o3 = {s3, 0, 0, 1, 1, 1, 0, 1, 1, 0, 0, 1};
        assertEquals(Oracle.orient3d(o3), orient3d(o3));
        double s4 = Math.scalb(1.0, -spans[2]);
        double[] ic = {1, 0, 0, 1, -1, 0, s4, -1};
        assertEquals(Oracle.incircle(ic), incircle(ic));
        assertEquals(-1, incircle(ic));
        double s5 = Math.scalb(1.0, -spans[3]);
        double[] is = {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, -1, s5, 0, 0};
        assertEquals(Oracle.insphere(is), insphere(is));
        assertEquals(1, insphere(is));
        // beyond the span, a first-order contribution of the tiny coordinate still decides (certified)
        double[] is2 = is.clone();
        is2[12] = s5 / 2;
        assertEquals(1, insphere(is2));
        double[] ic2 = ic.clone();
        ic2[6] = s4 / 2;
        assertEquals(-1, incircle(ic2));
        // a point moved tangentially off the circle/sphere by t: the determinant is of order t^2
        double t = 0x1p-400;
        double[] tan2 = {1, 0, 0, 1, -1, 0, 1, t};
        assertEquals(-1, Oracle.incircle(tan2));
        assertEquals(-1, incircle(tan2));
        double[] tan3 = {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, -1, 0x1p-500, 0, 0x1p-500};
        assertEquals(-1, Oracle.insphere(tan3));
        assertEquals(-1, insphere(tan3));
        // ... and when t^2 falls below the documented loss bound, refused rather than guessed
        tan2[7] = 0x1p-700;
        ArithmeticException ex = assertThrows(ArithmeticException.class, () -> incircle(tan2));
        assertTrue(ex.getMessage().contains("520"), ex.getMessage());
        tan3[12] = 0x1p-700;
        tan3[14] = 0x1p-700;
        assertThrows(ArithmeticException.class, () -> insphere(tan3));
        // beyond the span, but decided by the large coordinates: exact (certified against the loss bound)
        double[] far = {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, -1, 0.25, 0.25, -1e-300};
        assertEquals(1, insphere(far));
        double[] far2 = {1e-300, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, -1, 1, 1, -1};
        assertEquals(Oracle.insphere(far2), insphere(far2));
        SplittableRandom rnd = new SplittableRandom(18);
        for (int n = 0; n < 100; n++) {
            double[] c = random(rnd, 15, -1, 1);
            for (int i = 0; i < 15; i++) {
                if (rnd.nextInt(4) == 0) {
                    c[i] = Math.scalb(c[i], -rnd.nextInt(100, 1000));
                }
            }
            checkWithSwap(3, c, rnd);
            checkWithSwap(2, java.util.Arrays.copyOf(c, 8), rnd);
            checkWithSwap(3, java.util.Arrays.copyOf(c, 12), rnd);
            checkWithSwap(2, java.util.Arrays.copyOf(c, 6), rnd);
        }
    }

    @Test
    void nonFiniteCoordinatesAreRejected() {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> GeometricPredicates.orient2d(0, 0, Double.NaN, 1, 2, 2));
        assertTrue(ex.getMessage().contains("coordinate 2") && ex.getMessage().contains("NaN"), ex.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> GeometricPredicates.insphere(0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, Double.POSITIVE_INFINITY, 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> GeometricPredicates.orient3d(0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, Double.NEGATIVE_INFINITY));
        assertThrows(IllegalArgumentException.class,
                () -> GeometricPredicates.incircle(0, 0, 1, 0, 0, 1, Double.NaN, Double.NaN));
    }
}
