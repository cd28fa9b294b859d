package io.github.interp4j.interpolate.internal.poly;

/**
 * The PCHIP node slopes of scipy's {@code PchipInterpolator} (Fritsch and Butland interior slopes,
 * Moler's one-sided three-point end slopes): the one implementation shared by the 1-D
 * {@code PchipInterpolator} and the grid interpolator's {@code pchip} method, so that both perform the
 * same floating-point operations in the same order (scipy's).
 *
 * <p>Notation: {@code h} an interval's width, {@code m} its secant slope {@code (y[k+1] - y[k]) / h}.
 *
 * <p>Thread-safety: stateless.
 */
public final class PchipSlopes {
    private PchipSlopes() {}

    /**
     * scipy's interior slope at the node between a left interval ({@code hl, ml}) and a right one
     * ({@code hr, mr}): 0 when the secants differ in sign or either is 0, otherwise the weighted harmonic
     * mean {@code 1 / ((w1 / ml + w2 / mr) / (w1 + w2))} with {@code w1 = 2 hr + hl}, {@code w2 = hr + 2 hl}.
     * O(1).
     *
     * @param hl the left interval's width
     * @param hr the right interval's width
     * @param ml the left secant
     * @param mr the right secant
     * @return the slope
     */
    public static double interior(double hl, double hr, double ml, double mr) {
        if (Math.signum(mr) != Math.signum(ml) || mr == 0 || ml == 0) {
            return 0.0;
        }
        double w1 = 2 * hr + hl;
        double w2 = hr + 2 * hl;
        double whmean = (w1 / ml + w2 / mr) / (w1 + w2);
        return 1.0 / whmean;
    }

    /**
     * scipy's {@code PchipInterpolator._edge_case}: the one-sided three-point end slope
     * {@code ((2 h0 + h1) m0 - h0 m1) / (h0 + h1)}, 0 when its sign differs from {@code m0}'s, and
     * {@code 3 m0} when {@code m0} and {@code m1} differ in sign and it exceeds {@code 3 |m0|}. O(1).
     *
     * @param h0 the end interval's width
     * @param h1 the next interval's width
     * @param m0 the end interval's secant
     * @param m1 the next interval's secant
     * @return the end slope
     */
    public static double edge(double h0, double h1, double m0, double m1) {
        double d = ((2 * h0 + h1) * m0 - h0 * m1) / (h0 + h1);
        double s0 = Math.signum(m0);
        if (Math.signum(d) != s0) {
            return 0.0;
        }
        if (s0 != Math.signum(m1) && Math.abs(d) > 3. * Math.abs(m0)) {
            return 3. * m0;
        }
        return d;
    }
}
