package io.github.interp4j.interpolate.internal.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExpansionTest {
    private static BigDecimal value(double[] e) {
        BigDecimal s = BigDecimal.ZERO;
        for (double c : e) {
            s = s.add(new BigDecimal(c));
        }
        return s;
    }

    /** Nonzero components, increasing magnitude, nonoverlapping (each below the next one's lowest bit). */
    private static void assertWellFormed(double[] e) {
        for (int i = 0; i < e.length; i++) {
            assertTrue(e[i] != 0 && Double.isFinite(e[i]), "component " + i);
            if (i > 0) {
                int lowBit = ExactPredicates.lowestBitExponent(e[i]);
                assertTrue(Math.abs(e[i - 1]) < Math.scalb(1.0, lowBit), "components " + (i - 1) + ", " + i + " overlap");
            }
        }
    }

    private static double randomDouble(SplittableRandom rnd) {
        double v = rnd.nextDouble(-1, 1);
        switch (rnd.nextInt(4)) {
            case 0:
                return v;
            case 1:
                return Math.scalb(v, rnd.nextInt(-60, 60));
            case 2:
                return Math.rint(v * 1000);
            default:
                return rnd.nextBoolean() ? 0.0 : Math.scalb(v, -40);
        }
    }

    private static double[] randomExpansion(SplittableRandom rnd) {
        double[] e = Expansion.ZERO;
        int n = rnd.nextInt(5);
        for (int i = 0; i < n; i++) {
            e = Expansion.sum(e, Expansion.product(randomDouble(rnd), randomDouble(rnd)));
        }
        return e;
    }

    @Test
    void twoTermOperationsAreExact() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (int t = 0; t < 5000; t++) {
            double a = randomDouble(rnd);
            double b = randomDouble(rnd);
            double[] d = Expansion.diff(a, b);
            assertWellFormed(d);
            assertEquals(0, value(d).compareTo(new BigDecimal(a).subtract(new BigDecimal(b))));
            double[] p = Expansion.product(a, b);
            assertWellFormed(p);
            assertEquals(0, value(p).compareTo(new BigDecimal(a).multiply(new BigDecimal(b))));
        }
    }

    @Test
    void sumScaleMultiplyAreExactAndWellFormed() {
        SplittableRandom rnd = new SplittableRandom(2);
        for (int t = 0; t < 3000; t++) {
            double[] e = randomExpansion(rnd);
            double[] f = randomExpansion(rnd);
            double b = randomDouble(rnd);
            BigDecimal ev = value(e);
            BigDecimal fv = value(f);
            double[] s = Expansion.sum(e, f);
            assertWellFormed(s);
            assertEquals(0, value(s).compareTo(ev.add(fv)));
            double[] d = Expansion.subtract(e, f);
            assertWellFormed(d);
            assertEquals(0, value(d).compareTo(ev.subtract(fv)));
            assertEquals(ev.subtract(fv).signum(), Expansion.sign(d));
            double[] sc = Expansion.scale(e, b);
            assertWellFormed(sc);
            assertEquals(0, value(sc).compareTo(ev.multiply(new BigDecimal(b))));
            double[] m = Expansion.multiply(e, f);
            assertWellFormed(m);
            assertEquals(0, value(m).compareTo(ev.multiply(fv)));
            assertEquals(ev.multiply(fv).signum(), Expansion.sign(m));
        }
    }

    @Test
    void cancellationGivesTheEmptyExpansion() {
        double[] e = Expansion.sum(Expansion.product(0.1, 0.3), Expansion.diff(1.0, 0x1p-60));
        assertEquals(0, Expansion.sign(Expansion.subtract(e, e)));
        assertEquals(0, Expansion.subtract(e, e).length);
    }

    @Test
    void lowestBitExponent() {
        assertEquals(0, ExactPredicates.lowestBitExponent(1.0));
        assertEquals(0, ExactPredicates.lowestBitExponent(-3.0));
        assertEquals(2, ExactPredicates.lowestBitExponent(12.0));
        assertEquals(-52, ExactPredicates.lowestBitExponent(Math.nextUp(1.0)));
        assertEquals(-1074, ExactPredicates.lowestBitExponent(Double.MIN_VALUE));
        assertEquals(-1073, ExactPredicates.lowestBitExponent(2 * Double.MIN_VALUE));
        assertEquals(1023, ExactPredicates.lowestBitExponent(0x1p1023));
    }
}
