package io.github.interp4j.interpolate.scipy;

import static org.junit.jupiter.api.Assertions.fail;

import io.github.interp4j.interpolate.Interpolant1D;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Compares interp4j results with one scipy fixture under the project's agreement rule:
 *
 * <blockquote>Values, derivatives, integrals and roots agree with scipy to 1e-12 relative to max|y|
 * where the ratio of largest to smallest spacing is at most 1e3, and elsewhere to within 10x scipy's
 * disagreement with itself on the mirrored data; roots to about sqrt(eps) near double roots.</blockquote>
 *
 * <p>How the rule is applied, query by query:
 * <ul>
 *   <li><b>Scale.</b> "Relative to max|y|" is read in the units of each quantity. With {@code U = max|y|},
 *       {@code k} the degree, {@code h} the width of the mesh interval holding the query (the right one
 *       at a breakpoint, the end interval outside the range) and {@code d} the distance outside the
 *       range (0 inside): a polynomial piece known to {@code 1e-12 U} has its {@code nu}-th derivative
 *       known to {@code 1e-12 U / h^nu}, and continued a distance {@code d}, to
 *       {@code 1e-12 U / h^nu (1 + d/h)^(k - nu)}. So the scale of value, d1, d2 is
 *       {@code S_nu = max(U / h^nu (1 + d/h)^max(k - nu, 0), |scipy|)} (inside the range a value's scale
 *       is exactly {@code max|y|}); of the antiderivative {@code max(U max(hi - lo, h (1 + d/h)^(k+1)),
 *       |scipy|)}; of an integral over {@code [a, b]}
 *       {@code max(U max(hi - lo, |b - a|, h_a (1 + d_a/h_a)^(k+1), h_b (1 + d_b/h_b)^(k+1)), |scipy|)}.
 *       The generator computes scipy's self-disagreement with the same scales (class Scales in
 *       {@code scipy-fixtures/fixturegen/oned.py}).</li>
 *   <li><b>Spacing ratio.</b> In range it is the data's max/min spacing. A query outside
 *       {@code [lo, hi]} is treated as one more interval of length {@code d} (its distance to the
 *       range): ratio {@code max(hmax, d) / hmin}. Extrapolating a piece fitted on a tiny interval far
 *       out amplifies rounding by {@code (d / h)^k}; scipy itself then disagrees with its mirror image.</li>
 *   <li><b>Tolerance.</b> {@code REL_TOL * s_i} where the ratio is at most {@code WELL_CONDITIONED_RATIO},
 *       else {@code max(REL_TOL, SELFDIFF_FACTOR * selfdiff_rel) * s_i}, where {@code selfdiff_rel} is the
 *       fixture's largest |scipy(q) - scipy_mirrored(-q)| / s (computed by the generator with the same
 *       scales).</li>
 *   <li><b>Roots.</b> A root {@code r} of scipy with slope {@code |f'(r)|} gets
 *       {@code REL_TOL * max(X, S_0(r) / |f'(r)|)} ({@code X = max(|lo|, |hi|, hi - lo)}): a residual of
 *       1e-12 S_0 moves a simple root by that much. Where that exceeds {@code DOUBLE_ROOT_REL * X}
 *       the root is (nearly) double and the tolerance is {@code DOUBLE_ROOT_REL * X} (sqrt(eps)); there
 *       scipy's eigenvalues may give two roots, one, or none, so counts are compared only when every
 *       root is simple, and an unmatched root on either side passes when the interp4j function itself
 *       is within {@code REL_TOL * max|y|} of the level there. NaN markers (identically-zero pieces)
 *       must match in number.</li>
 * </ul>
 * Failures are collected and reported together by {@link #check()}, each with the case, the scipy call,
 * the query, scipy's value, interp4j's value, the difference and the tolerance.
 */
final class Agreement {
    /** Relative agreement where the spacing ratio is at most {@link #WELL_CONDITIONED_RATIO}. */
    static final double REL_TOL = 1e-12;
    /** The largest max/min spacing ratio for which {@link #REL_TOL} applies alone. */
    static final double WELL_CONDITIONED_RATIO = 1e3;
    /** Elsewhere, this many times scipy's disagreement with its own mirror image. */
    static final double SELFDIFF_FACTOR = 10.0;
    /** Root accuracy near double roots, relative to the abscissa scale: sqrt(eps). */
    static final double DOUBLE_ROOT_REL = Math.sqrt(Math.ulp(1.0));
    /** Failures printed per fixture (the count of the rest is given). */
    static final int MAX_REPORTED = 10;

    private final ScipyFixture f;
    private final double lo;
    private final double hi;
    private final double span;
    private final double unit;
    private final double xscale;
    private final double hMin;
    private final double hMax;
    private final double ratio;
    private final double[] mesh;
    private final int degree;
    private final List<String> failures = new ArrayList<>();
    private int failureCount;

    /**
     * @param f    the fixture
     * @param mesh the abscissae whose spacings define the ratio (data x, or the knots of a BSpline)
     * @param lo   left end of the base interval
     * @param hi   right end of the base interval
     */
    Agreement(ScipyFixture f, double[] mesh, double lo, double hi) {
        this.f = f;
        this.lo = lo;
        this.hi = hi;
        this.span = hi > lo ? hi - lo : 1.0;
        this.unit = f.number("max_abs_y");
        this.xscale = Math.max(Math.max(Math.abs(lo), Math.abs(hi)), span);
        double[] s = Arrays.stream(mesh).sorted().distinct().toArray();
        double mn = Double.POSITIVE_INFINITY;
        double mx = 0.0;
        for (int i = 1; i < s.length; i++) {
            double d = s[i] - s[i - 1];
            mn = Math.min(mn, d);
            mx = Math.max(mx, d);
        }
        if (s.length < 2) {
            mn = 1.0;
            mx = 1.0;
        }
        this.mesh = s;
        this.degree = (int) f.number("degree");
        this.hMin = mn;
        this.hMax = mx;
        this.ratio = mx / mn;
    }

    /** @return the data's max/min spacing ratio */
    double spacingRatio() {
        return ratio;
    }

    /**
     * @param q a query
     * @return the spacing ratio that governs the tolerance at {@code q}
     */
    double effectiveRatio(double q) {
        if (!(q < lo) && !(q > hi)) {
            return ratio;
        }
        double d = q < lo ? lo - q : q - hi;
        return Math.max(hMax, d) / hMin;
    }

    /** @return {h, d} at q: the width of the mesh interval used at q and the distance outside the range */
    private double[] hd(double q) {
        if (mesh.length < 2) {
            return new double[] {span, 0.0};
        }
        int n = mesh.length;
        int i;
        if (q != q) {
            i = 0;
        } else {
            // largest i with mesh[i] <= q, clamped to [0, n - 2] (numpy searchsorted(..., 'right') - 1)
            int pos = Arrays.binarySearch(mesh, q);
            if (pos >= 0) {
                i = pos;
            } else {
                i = -pos - 2;
            }
            i = Math.max(0, Math.min(n - 2, i));
        }
        double h = mesh[i + 1] - mesh[i];
        double d = q < lo ? lo - q : (q > hi ? q - hi : 0.0);
        return new double[] {h, Math.abs(d)};
    }

    /**
     * @param q   a query
     * @param nu  derivative order (0 for values)
     * @param ref scipy's result there
     * @return the scale S_nu(q)
     */
    double pointScale(double q, int nu, double ref) {
        double[] hd = hd(q);
        double h = hd[0];
        double s = unit / Math.pow(h, nu) * Math.pow(1.0 + hd[1] / h, Math.max(degree - nu, 0));
        return Double.isFinite(ref) ? Math.max(s, Math.abs(ref)) : s;
    }

    /**
     * @param q   a query
     * @param ref scipy's antiderivative there
     * @return the antiderivative's scale at q
     */
    double antiScale(double q, double ref) {
        double[] hd = hd(q);
        double s = unit * Math.max(span, hd[0] * Math.pow(1.0 + hd[1] / hd[0], degree + 1));
        return Double.isFinite(ref) ? Math.max(s, Math.abs(ref)) : s;
    }

    /**
     * @param a   lower limit
     * @param b   upper limit
     * @param ref scipy's integral
     * @return the integral's scale
     */
    double integralScale(double a, double b, double ref) {
        double[] ha = hd(a);
        double[] hb = hd(b);
        double ea = ha[0] * Math.pow(1.0 + ha[1] / ha[0], degree + 1);
        double eb = hb[0] * Math.pow(1.0 + hb[1] / hb[0], degree + 1);
        double s = unit * Math.max(Math.max(span, Math.abs(b - a)), Math.max(ea, eb));
        return Double.isFinite(ref) ? Math.max(s, Math.abs(ref)) : s;
    }

    private double tolerance(String quantity, double scale, double effRatio) {
        double rel = REL_TOL;
        if (effRatio > WELL_CONDITIONED_RATIO) {
            double sd = f.selfdiffRel(quantity);
            if (sd == sd) {
                rel = Math.max(rel, SELFDIFF_FACTOR * sd);
            }
        }
        return rel * scale;
    }

    /**
     * Compares a pointwise quantity.
     *
     * @param quantity value, d1, d2 or anti (the fixture key and selfdiff name)
     * @param actual   interp4j's results at the fixture's queries
     */
    void pointwise(String quantity, double[] actual) {
        double[] q = f.doubles("query");
        double[] expected = f.doubles(quantity);
        if (actual.length != expected.length) {
            record(String.format(Locale.ROOT, "%s: %d results for %d queries", quantity, actual.length,
                    expected.length));
            return;
        }
        boolean anti = "anti".equals(quantity);
        int nu = quantity.startsWith("d") ? Integer.parseInt(quantity.substring(1)) : 0;
        for (int i = 0; i < q.length; i++) {
            double e = expected[i];
            double a = actual[i];
            if (Double.isNaN(e) || Double.isInfinite(e)) {
                if (Double.compare(e, a) != 0 && !(Double.isNaN(e) && Double.isNaN(a))) {
                    record(pointMessage(quantity, q[i], e, a, Double.NaN, Double.NaN));
                }
                continue;
            }
            double s = anti ? antiScale(q[i], e) : pointScale(q[i], nu, e);
            double tol = tolerance(quantity, s, effectiveRatio(q[i]));
            double diff = Math.abs(a - e);
            if (!(diff <= tol)) {
                record(pointMessage(quantity, q[i], e, a, diff, tol));
            }
        }
    }

    private String pointMessage(String quantity, double q, double e, double a, double diff, double tol) {
        return String.format(Locale.ROOT, "%s at q = %s: scipy %s, interp4j %s, |diff| %.3g > tol %.3g (spacing ratio %.3g)",
                quantity, repr(q), repr(e), repr(a), diff, tol, effectiveRatio(q));
    }

    /**
     * Compares every {@code integral: a b v} line.
     *
     * @param integral interp4j's definite integral
     */
    void integrals(DoubleBinaryOperator integral) {
        for (double[] row : f.rows("integral")) {
            double a = row[0];
            double b = row[1];
            double e = row[2];
            double act;
            try {
                act = integral.applyAsDouble(a, b);
            } catch (RuntimeException ex) {
                record(String.format(Locale.ROOT, "integral(%s, %s): scipy %s, interp4j threw %s", repr(a), repr(b),
                        repr(e), ex));
                continue;
            }
            if (Double.isNaN(e) || Double.isInfinite(e)) {
                if (Double.compare(e, act) != 0 && !(Double.isNaN(e) && Double.isNaN(act))) {
                    record(String.format(Locale.ROOT, "integral(%s, %s): scipy %s, interp4j %s", repr(a), repr(b),
                            repr(e), repr(act)));
                }
                continue;
            }
            double s = integralScale(a, b, e);
            double eff = Math.max(effectiveRatio(a), effectiveRatio(b));
            double tol = tolerance("integral", s, eff);
            double diff = Math.abs(act - e);
            if (!(diff <= tol)) {
                record(String.format(Locale.ROOT, "integral(%s, %s): scipy %s, interp4j %s, |diff| %.3g > tol %.3g",
                        repr(a), repr(b), repr(e), repr(act), diff, tol));
            }
        }
    }

    /**
     * Compares {@code roots:} (level 0).
     *
     * @param actual interp4j's roots
     * @param fn     interp4j's function (to judge unmatched roots near double roots)
     */
    void roots(double[] actual, DoubleUnaryOperator fn) {
        rootSet("roots", 0.0, f.doubles("roots"), f.doubles("roots_slope"), actual, fn);
    }

    /**
     * Compares every {@code solve: y0 r...} line.
     *
     * @param solver interp4j's solve(y0)
     * @param fn     interp4j's function
     */
    void solve(java.util.function.DoubleFunction<double[]> solver, DoubleUnaryOperator fn) {
        List<double[]> sols = f.rows("solve");
        List<double[]> slopes = f.rows("solve_slope");
        for (int j = 0; j < sols.size(); j++) {
            double y0 = sols.get(j)[0];
            double[] expected = Arrays.copyOfRange(sols.get(j), 1, sols.get(j).length);
            double[] slope = Arrays.copyOfRange(slopes.get(j), 1, slopes.get(j).length);
            rootSet("solve(" + repr(y0) + ")", y0, expected, slope, solver.apply(y0), fn);
        }
    }

    private void rootSet(String what, double level, double[] expected, double[] slope, double[] actualAll,
            DoubleUnaryOperator fn) {
        double[] win = f.doubles("roots_window");
        String quantity = what.startsWith("solve") ? "solve" : "roots";
        int nanE = 0;
        int nanA = 0;
        List<Double> e = new ArrayList<>();
        List<Double> es = new ArrayList<>();
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i])) {
                nanE++;
            } else {
                e.add(expected[i]);
                es.add(slope[i]);
            }
        }
        List<Double> a = new ArrayList<>();
        for (double r : actualAll) {
            if (Double.isNaN(r)) {
                nanA++;
            } else if (r >= win[0] && r <= win[1]) {
                a.add(r);
            }
        }
        if (nanE != nanA) {
            record(String.format(Locale.ROOT, "%s: scipy marks %d identically-zero pieces (NaN), interp4j %d; scipy %s, interp4j %s",
                    what, nanE, nanA, Arrays.toString(expected), Arrays.toString(actualAll)));
        }
        double[] tol = new double[e.size()];
        boolean[] nearDouble = new boolean[e.size()];
        boolean allSimple = true;
        for (int i = 0; i < e.size(); i++) {
            double sl = es.get(i);
            double base = REL_TOL * Math.max(xscale, sl > 0 ? pointScale(e.get(i), 0, 0.0) / sl
                    : Double.POSITIVE_INFINITY);
            double cap = DOUBLE_ROOT_REL * xscale;
            if (!(base <= cap)) {
                allSimple = false;
                nearDouble[i] = true;
                base = cap;
            }
            if (effectiveRatio(e.get(i)) > WELL_CONDITIONED_RATIO) {
                double sd = f.selfdiffRel(quantity);
                if (sd == sd) {
                    base = Math.max(base, SELFDIFF_FACTOR * sd * xscale);
                }
            }
            tol[i] = base;
        }
        double residualTol = REL_TOL * unit;
        for (int i = 0; i < e.size(); i++) {
            double r = e.get(i);
            double best = Double.POSITIVE_INFINITY;
            for (double x : a) {
                best = Math.min(best, Math.abs(x - r));
            }
            if (!(best <= tol[i]) && !nearLevel(fn, r, level, residualTol, nearDouble[i])) {
                record(String.format(Locale.ROOT, "%s: scipy root %s (|f'| %.3g) has no interp4j root within %.3g (nearest at distance %.3g); scipy %s, interp4j %s",
                        what, repr(r), es.get(i), tol[i], best, e, a));
            }
        }
        for (double x : a) {
            double best = Double.POSITIVE_INFINITY;
            int bi = -1;
            for (int i = 0; i < e.size(); i++) {
                double d = Math.abs(x - e.get(i));
                if (d < best) {
                    best = d;
                    bi = i;
                }
            }
            double t = bi >= 0 ? tol[bi] : REL_TOL * xscale;
            if (!(best <= t) && !nearLevel(fn, x, level, residualTol, true)) {
                record(String.format(Locale.ROOT, "%s: interp4j root %s is not a scipy root (nearest at distance %.3g > tol %.3g); scipy %s, interp4j %s",
                        what, repr(x), best, t, e, a));
            }
        }
        if (allSimple && clusters(e, tol) != clusters(a, tol, e)) {
            record(String.format(Locale.ROOT, "%s: scipy finds %d roots, interp4j %d (all simple); scipy %s, interp4j %s",
                    what, e.size(), a.size(), e, a));
        }
    }

    /** Number of groups of sorted roots closer than their tolerance (scipy may repeat a root a few ulps apart). */
    private static int clusters(List<Double> roots, double[] tol) {
        int n = 0;
        for (int i = 0; i < roots.size(); i++) {
            if (i == 0 || roots.get(i) - roots.get(i - 1) > Math.max(tol[i], tol[i - 1])) {
                n++;
            }
        }
        return n;
    }

    /** As {@link #clusters(List, double[])} for interp4j's roots, each with the tolerance of its nearest scipy root. */
    private static int clusters(List<Double> roots, double[] tolE, List<Double> e) {
        List<Double> sorted = new ArrayList<>(roots);
        sorted.sort(null);
        double[] t = new double[sorted.size()];
        for (int i = 0; i < t.length; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < e.size(); j++) {
                double d = Math.abs(sorted.get(i) - e.get(j));
                if (d < best) {
                    best = d;
                    t[i] = tolE[j];
                }
            }
        }
        return clusters(sorted, t);
    }

    /** An unmatched root passes only at a (near) double root where the function touches the level. */
    private static boolean nearLevel(DoubleUnaryOperator fn, double r, double level, double tol, boolean nearDouble) {
        if (!nearDouble || fn == null) {
            return false;
        }
        double v = fn.applyAsDouble(r);
        return Math.abs(v - level) <= tol;
    }

    /**
     * Runs every comparison a fixture has for a piecewise-polynomial interpolant: value, d1, d2 (when the
     * fixture has them), the antiderivative, integrals, roots and solve; then {@link #check()}.
     *
     * @param f        the fixture
     * @param mesh     abscissae defining the spacing ratio
     * @param lo       left end of the range
     * @param hi       right end of the range
     * @param fn       the interpolant, already in the fixture's out-of-range mode
     * @param anti     its first antiderivative (null if the fixture has none)
     * @param integral its definite integral (null if none)
     * @param roots    its roots (null if none)
     * @param solve    its solve(y) (null if none)
     */
    static void checkAll(ScipyFixture f, double[] mesh, double lo, double hi, Interpolant1D fn,
            java.util.function.Supplier<Interpolant1D> anti, DoubleBinaryOperator integral,
            java.util.function.Supplier<double[]> roots, java.util.function.DoubleFunction<double[]> solve) {
        Agreement a = new Agreement(f, mesh, lo, hi);
        double[] q = f.doubles("query");
        a.guard("value", () -> a.pointwise("value", fn.values(q)));
        for (int nu = 1; nu <= 2; nu++) {
            String key = "d" + nu;
            if (f.has(key)) {
                int order = nu;
                if (f.has(key + "_derivative_error")) {
                    // scipy's .derivative(nu) raises here (its __call__(x, nu) still evaluates):
                    // throwing IllegalArgumentException agrees with scipy, and so do matching values
                    Interpolant1D d;
                    try {
                        d = fn.derivative(order);
                    } catch (IllegalArgumentException e) {
                        continue;
                    }
                    a.guard(key, () -> a.pointwise(key, d.values(q)));
                } else {
                    a.guard(key, () -> a.pointwise(key, fn.derivative(order).values(q)));
                }
            }
        }
        if (anti != null && f.has("anti")) {
            a.guard("anti", () -> a.pointwise("anti", anti.get().values(q)));
        }
        if (integral != null) {
            a.integrals(integral);
        }
        if (roots != null && f.has("roots")) {
            a.guard("roots", () -> a.roots(roots.get(), fn));
        }
        if (solve != null && f.has("solve")) {
            a.guard("solve", () -> a.solve(solve, fn));
        }
        a.check();
    }

    /**
     * Runs one comparison, recording an exception as a failure instead of stopping.
     *
     * @param what the quantity
     * @param body the comparison
     */
    void guard(String what, Runnable body) {
        try {
            body.run();
        } catch (RuntimeException e) {
            record(what + ": interp4j threw " + e);
        }
    }

    /**
     * Records a failure found by the caller.
     *
     * @param message what went wrong
     */
    void record(String message) {
        failureCount++;
        if (failures.size() < MAX_REPORTED) {
            failures.add(message);
        }
    }

    /** Fails the test with every recorded disagreement, if any. */
    void check() {
        if (failureCount == 0) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(failureCount).append(" disagreement(s) with scipy in ").append(f.name())
                .append("\n  scipy call: ").append(f.call())
                .append("\n  fixture: src/test/resources").append(ScipyFixture.ROOT).append(f.path());
        for (String m : failures) {
            sb.append("\n  - ").append(m);
        }
        if (failureCount > failures.size()) {
            sb.append("\n  - ... and ").append(failureCount - failures.size()).append(" more");
        }
        fail(sb.toString());
    }

    /**
     * @param v a double
     * @return its shortest round-trip text
     */
    static String repr(double v) {
        return Double.toString(v);
    }
}
