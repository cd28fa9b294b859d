package io.github.interp4j.interpolate.internal.geometry;

import static io.github.interp4j.interpolate.internal.geometry.Expansion.diff;
import static io.github.interp4j.interpolate.internal.geometry.Expansion.multiply;
import static io.github.interp4j.interpolate.internal.geometry.Expansion.sign;
import static io.github.interp4j.interpolate.internal.geometry.Expansion.subtract;
import static io.github.interp4j.interpolate.internal.geometry.Expansion.sum;

import java.util.concurrent.atomic.LongAdder;

/**
 * The slow, exact path of {@link GeometricPredicates}: every determinant evaluated with {@link Expansion}
 * arithmetic on the exact coordinate differences (each difference is a two-component expansion), after
 * an exact power-of-two rescaling that rules out overflow and underflow.
 *
 * <p><b>Range.</b> Let {@code E} be the largest binary exponent ({@link Math#getExponent}) of a nonzero
 * coordinate and {@code Q} the exponent of the lowest set bit of any nonzero coordinate (for an integer
 * lattice {@code Q >= 0}; for a double with a full 53-bit significand {@code Q = E - 52}). A predicate of
 * degree {@code d} (2 for orient2d, 3 for orient3d, 4 for incircle, 5 for insphere) is a sum of at most
 * {@code T} monomials ({@code T} = 2, 6, 12, 72) of {@code d} coordinate differences. Every difference is a
 * multiple of {@code 2^Q} below {@code 2^(E+2)} in magnitude, so every partial result is a multiple of
 * {@code 2^(dQ)} below {@code T 2^(d(E+2))}. The arithmetic is exact when {@code dQ >= -1074} (all
 * two-product errors representable) and {@code T 2^(d(E+2)) <= 2^1020} (no overflow), that is
 * {@code Q >= QMIN[d]} and {@code E <= EMAX[d]}. Multiplying every coordinate by {@code 2^k} is exact and
 * multiplies the determinant by {@code 2^(dk) > 0}, so the sign is unchanged; a suitable {@code k} exists
 * iff {@code E - Q <= SPAN[d] = EMAX[d] - QMIN[d]}: 1044, 695, 520 and 414 binary orders of magnitude.
 *
 * <p><b>Beyond the span</b> the coordinates are scaled so that {@code E = EMAX[d]} and the same expansion
 * arithmetic runs, now losing at most {@code 2^-1075} (half the smallest subnormal) in each rescaled
 * coordinate and in each two-product error term. Such a loss at a partial result of degree {@code j >= 1}
 * is multiplied by cofactors of degree at most {@code d - 1}, each below {@code T 2^((E+2)(d-1))}; at most
 * {@code 2^30} two-products are performed (an expansion has at most 2098 nonoverlapping components), so
 * the computed value differs from the exact one by less than
 * {@code LOSS[d] = 2^(40 + 7 - 1075 + (EMAX[d]+2)(d-1))} (2^-519, 2^-350, 2^-266, 2^-220). If the computed
 * expansion provably exceeds it in magnitude its sign is the exact sign; otherwise the exact value is not
 * representable with doubles and an {@link ArithmeticException} is thrown. In practice this happens only
 * when the large coordinates alone are exactly degenerate and the answer hinges on a coordinate (or
 * difference) hundreds of binary orders smaller.
 *
 * <p>Thread-safety: stateless apart from the diagnostic counter {@link #CALLS}.
 */
final class ExactPredicates {
    /** Number of calls that reached this slow path (diagnostics and tests; never read by the library). */
    static final LongAdder CALLS = new LongAdder();

    /** {@code QMIN[d] = ceil(-1074 / d)}. */
    private static final int[] QMIN = {0, 0, -537, -358, -268, -214};
    /** {@code EMAX[d]}: largest {@code E} with {@code log2(T) + d(E+2) <= 1020}. */
    private static final int[] EMAX = {0, 0, 507, 337, 252, 200};
    /** {@code LOSS[d]}: bound on the rounding loss of the scaled evaluation beyond the span. */
    private static final double[] LOSS = new double[6];

    static {
        for (int d = 2; d <= 5; d++) {
            LOSS[d] = Math.scalb(1.0, 40 + 7 - 1075 + (EMAX[d] + 2) * (d - 1));
        }
    }

    private ExactPredicates() {}

    /** The largest coordinate span (in binary orders of magnitude) the exact path supports for degree d. */
    static int span(int degree) {
        return EMAX[degree] - QMIN[degree];
    }

    /**
     * Checks that all coordinates are finite and rescales them in place by a power of two so that the
     * degree-{@code degree} determinant is computed exactly, or with a loss below {@link #LOSS} beyond the
     * span.
     *
     * @return -1 if all coordinates are zero (every determinant is then zero), 0 if the evaluation will be
     *         exact, else the bound on its loss
     * @throws IllegalArgumentException for a NaN or infinite coordinate
     */
    static double rescale(double[] c, int degree) {
        CALLS.increment();
        int e = Integer.MIN_VALUE;
        int q = Integer.MAX_VALUE;
        for (int i = 0; i < c.length; i++) {
            double v = c[i];
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(
                        "coordinate " + i + " of the predicate's points is not finite: " + v);
            }
            if (v != 0) {
                e = Math.max(e, Math.getExponent(v));
                q = Math.min(q, lowestBitExponent(v));
            }
        }
        if (e == Integer.MIN_VALUE) {
            return -1;
        }
        double loss = 0;
        int k = 0;
        if (e - q > span(degree)) {
            k = EMAX[degree] - e;
            loss = LOSS[degree];
        } else if (q < QMIN[degree]) {
            k = QMIN[degree] - q;
        } else if (e > EMAX[degree]) {
            k = EMAX[degree] - e;
        }
        if (k != 0) {
            for (int i = 0; i < c.length; i++) {
                c[i] = Math.scalb(c[i], k);
            }
        }
        return loss;
    }

    /**
     * The sign of {@code det}: exact when {@code loss == 0}, else certified by
     * {@code |det| >= |top| - sum|rest| > loss} (the factors 2 absorb the rounding of that estimate).
     */
    private static int decide(double[] det, double loss, double[] c, int degree) {
        if (loss == 0) {
            return sign(det);
        }
        double rest = 0;
        for (int i = 0; i < det.length - 1; i++) {
            rest += Math.abs(det[i]);
        }
        if (det.length > 0 && Math.abs(det[det.length - 1]) > 2 * (loss + rest)) {
            return sign(det);
        }
        throw new ArithmeticException("the exact degree-" + degree + " predicate cannot be decided with doubles: "
                + "its coordinates span more than " + span(degree) + " binary orders of magnitude and the "
                + "largest ones alone are degenerate (rescaled coordinates " + java.util.Arrays.toString(c) + ")");
    }

    /**
     * True if the filter's double evaluation of the degree-{@code degree} determinant, whose partial results
     * of degree {@code j} are bounded by {@code bound * M^j} for the largest difference {@code M}, was free
     * of rounding, so that its value is exact. That holds when every coordinate difference from the last
     * point is exact, all differences are multiples of {@code 2^q} with {@code degree * q >= -1074} (no
     * underflow), {@code M <= 2^(EMAX[degree]+2)} (no overflow) and {@code bound (M / 2^q)^degree < 2^52}:
     * then every partial result of degree {@code j} is a multiple of {@code 2^(jq)} below
     * {@code 2^(53 + jq)}, hence a double. Typical of lattices and other small-integer inputs, where exactly
     * degenerate configurations are common.
     */
    static boolean roundingFree(double[] c, int dim, int degree, double bound) {
        int ref = c.length - dim;
        double max = 0;
        int q = Integer.MAX_VALUE;
        for (int i = 0; i < ref; i++) {
            double a = c[i];
            double b = c[ref + i % dim];
            double x = a - b;
            double bVirtual = a - x;
            double aVirtual = x + bVirtual;
            double tail = (a - aVirtual) + (bVirtual - b);
            if (tail != 0 || !Double.isFinite(x)) {
                return false;
            }
            if (x != 0) {
                max = Math.max(max, Math.abs(x));
                q = Math.min(q, lowestBitExponent(x));
            }
        }
        if (max == 0) {
            return true;
        }
        if (q < QMIN[degree] || Math.getExponent(max) > EMAX[degree] + 1) {
            return false;
        }
        double r = Math.scalb(max, -q);
        return bound * Math.pow(r, degree) < 0x1p52;
    }

    /** {@code bound} of {@link #roundingFree} per degree: partial results of degree j are below bound M^j. */
    private static final double[] ROUNDING_FREE_BOUND = {0, 0, 2, 6, 12, 72};

    /**
     * The exact sign of the degree-{@code degree} predicate (2 orient2d, 3 orient3d, 4 incircle, 5 insphere)
     * of the points in {@code c} (in argument order, modified in place), given the filter's value
     * {@code filterDet} computed from them: that value's sign when it was {@link #roundingFree}, else the
     * expansion evaluation.
     */
    static int exactSign(double[] c, int degree, double filterDet) {
        int dim = degree == 2 || degree == 4 ? 2 : 3;
        if (roundingFree(c, dim, degree, ROUNDING_FREE_BOUND[degree])) {
            CALLS.increment();
            return filterDet > 0 ? 1 : (filterDet < 0 ? -1 : 0);
        }
        switch (degree) {
            case 2:
                return orient2dExpansion(c);
            case 3:
                return orient3dExpansion(c);
            case 4:
                return incircleExpansion(c);
            default:
                return insphereExpansion(c);
        }
    }

    /** The exponent of the lowest set bit of a nonzero finite double. */
    static int lowestBitExponent(double v) {
        long bits = Double.doubleToRawLongBits(v);
        int biased = (int) ((bits >>> 52) & 0x7ff);
        long mantissa = bits & 0x000f_ffff_ffff_ffffL;
        if (biased == 0) {
            return -1074 + Long.numberOfTrailingZeros(mantissa);
        }
        return biased - 1075 + Long.numberOfTrailingZeros(mantissa | (1L << 52));
    }

    /** Exact sign of orient2d by expansion arithmetic, after {@link #rescale}; {@code c} is modified in place. */
    static int orient2dExpansion(double[] c) {
        double loss = rescale(c, 2);
        if (loss < 0) {
            return 0;
        }
        double[] acx = diff(c[0], c[4]);
        double[] acy = diff(c[1], c[5]);
        double[] bcx = diff(c[2], c[4]);
        double[] bcy = diff(c[3], c[5]);
        return decide(subtract(multiply(acx, bcy), multiply(acy, bcx)), loss, c, 2);
    }

    /** Exact sign of orient3d by expansion arithmetic, after {@link #rescale}; {@code c} is modified in place. */
    static int orient3dExpansion(double[] c) {
        double loss = rescale(c, 3);
        if (loss < 0) {
            return 0;
        }
        double[][] ad = diffs3(c, 0, 9);
        double[][] bd = diffs3(c, 3, 9);
        double[][] cd = diffs3(c, 6, 9);
        return decide(det3(ad, bd, cd), loss, c, 3);
    }

    /** Exact sign of incircle by expansion arithmetic, after {@link #rescale}; {@code c} is modified in place. */
    static int incircleExpansion(double[] c) {
        double loss = rescale(c, 4);
        if (loss < 0) {
            return 0;
        }
        double[] adx = diff(c[0], c[6]);
        double[] ady = diff(c[1], c[7]);
        double[] bdx = diff(c[2], c[6]);
        double[] bdy = diff(c[3], c[7]);
        double[] cdx = diff(c[4], c[6]);
        double[] cdy = diff(c[5], c[7]);
        double[] alift = sum(multiply(adx, adx), multiply(ady, ady));
        double[] blift = sum(multiply(bdx, bdx), multiply(bdy, bdy));
        double[] clift = sum(multiply(cdx, cdx), multiply(cdy, cdy));
        double[] bc = det2(bdx, bdy, cdx, cdy);
        double[] ca = det2(cdx, cdy, adx, ady);
        double[] ab = det2(adx, ady, bdx, bdy);
        return decide(sum(sum(multiply(alift, bc), multiply(blift, ca)), multiply(clift, ab)), loss, c, 4);
    }

    /** Exact sign of insphere by expansion arithmetic, after {@link #rescale}; {@code c} is modified in place. */
    static int insphereExpansion(double[] c) {
        double loss = rescale(c, 5);
        if (loss < 0) {
            return 0;
        }
        double[][] ae = diffs3(c, 0, 12);
        double[][] be = diffs3(c, 3, 12);
        double[][] ce = diffs3(c, 6, 12);
        double[][] de = diffs3(c, 9, 12);
        // det4 of rows [p - e, |p - e|^2] expanded along the lift column
        double[] abc = det3(ae, be, ce);
        double[] bcd = det3(be, ce, de);
        double[] acd = det3(ae, ce, de);
        double[] abd = det3(ae, be, de);
        double[] det = subtract(multiply(lift(de), abc), multiply(lift(ce), abd));
        det = sum(det, subtract(multiply(lift(be), acd), multiply(lift(ae), bcd)));
        return decide(det, loss, c, 5);
    }

    private static double[][] diffs3(double[] c, int p, int o) {
        return new double[][] {diff(c[p], c[o]), diff(c[p + 1], c[o + 1]), diff(c[p + 2], c[o + 2])};
    }

    private static double[] lift(double[][] v) {
        return sum(sum(multiply(v[0], v[0]), multiply(v[1], v[1])), multiply(v[2], v[2]));
    }

    /** {@code px qy - qx py}. */
    private static double[] det2(double[] px, double[] py, double[] qx, double[] qy) {
        return subtract(multiply(px, qy), multiply(qx, py));
    }

    /** The 3x3 determinant with rows p, q, r (each {x, y, z}), expanded along z. */
    private static double[] det3(double[][] p, double[][] q, double[][] r) {
        double[] t = multiply(p[2], det2(q[0], q[1], r[0], r[1]));
        t = sum(t, multiply(q[2], det2(r[0], r[1], p[0], p[1])));
        return sum(t, multiply(r[2], det2(p[0], p[1], q[0], q[1])));
    }
}
