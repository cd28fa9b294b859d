package io.github.interp4j.interpolate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.interp4j.interpolate.scipy.ScipyFixture;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link BSpline#makeSmoothingSpline} against {@code scipy.interpolate.make_smoothing_spline} (scipy 1.17) and a
 * 60-digit mpmath reference of the same problem: fixtures of family {@code smoothing} (generator
 * {@code fixturegen/smoothing.py}), kinds {@code lam} and {@code gcv}.
 *
 * <p>Agreement rules (issue 9, item 6):
 * <ul>
 *   <li>at the fixture's {@code lam} (given, or scipy's GCV choice): knots equal to scipy's; coefficients within
 *       {@link #REF_TOL} {@code * max|y|} of the reference, and within
 *       {@code max(REF_TOL, SCIPY_FACTOR * scipy's own error against the reference) * max|y|} of scipy;
 *       the GCV score at that {@code lam} within {@link #GCV_REL} of the reference's;</li>
 *   <li>with {@code lam} chosen: interp4j's score at its {@code lam} at most scipy's score at scipy's
 *       {@code lam} times {@code 1 + }{@link #GCV_MARGIN}.</li>
 * </ul>
 */
class SmoothingSplineAgreementTest {
    static final double REF_TOL = 1e-10;
    static final double SCIPY_FACTOR = 10.0;
    static final double GCV_REL = 1e-9;
    static final double GCV_MARGIN = 1e-6;

    static Stream<ScipyFixture> fixtures() {
        return ScipyFixture.family("smoothing").filter(f -> !f.get("kind").trim().equals("fails"));
    }

    static double[][] y(ScipyFixture f) {
        return f.matrix("y", f.integer("n"), f.integer("m"));
    }

    static double[] w(ScipyFixture f) {
        return f.has("w") ? f.doubles("w") : null;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void agreesAtTheFixturesLam(ScipyFixture f) {
        int n = f.integer("n");
        int m = f.integer("m");
        double[] x = f.doubles("x");
        double[] lams = f.doubles("lam");
        double scale = f.number("scale");
        double scipyErr = f.number("scipy_err");
        double[] ref = f.doubles("ref_c");
        double[] sc = f.doubles("scipy_c");
        double[] refGcv = f.doubles("ref_gcv");
        double[][] y = y(f);
        for (int j = 0; j < m; j++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) {
                col[i] = y[i][j];
            }
            SmoothingSpline s = BSpline.makeSmoothingSpline(x, col, w(f), lams[j]);
            double[] c = s.spline().coefficients();
            assertEquals(n + 2, c.length);
            double[] t = s.spline().knots();
            for (int i = 0; i < n + 6; i++) {
                assertEquals(x[Math.min(n - 1, Math.max(0, i - 3))], t[i], 0.0, f.name() + " knot " + i);
            }
            double vsRef = 0;
            double vsScipy = 0;
            for (int i = 0; i < n + 2; i++) {
                vsRef = Math.max(vsRef, Math.abs(c[i] - ref[i * m + j]));
                vsScipy = Math.max(vsScipy, Math.abs(c[i] - sc[i * m + j]));
            }
            assertTrue(vsRef <= REF_TOL * scale, f.name() + " column " + j + ": off the reference by " + vsRef / scale);
            double scipyTol = Math.max(REF_TOL, SCIPY_FACTOR * scipyErr) * scale;
            assertTrue(vsScipy <= scipyTol, f.name() + " column " + j + ": off scipy by " + vsScipy / scale
                    + " relative (scipy's own error " + scipyErr + ")");
            if (lams[j] > 0) {
                assertEquals(refGcv[j], s.gcv(), GCV_REL * refGcv[j], f.name() + " gcv at lam, column " + j);
            }
            assertEquals(lams[j], s.lam(), 0.0);
        }
        if (m > 1 && f.get("kind").trim().equals("lam")) {
            SmoothingSpline all = BSpline.makeSmoothingSplineColumns(x, y, w(f), lams[0]);
            double[][] cc = all.spline().coefficientsColumns();
            for (int i = 0; i < n + 2; i++) {
                for (int j = 0; j < m; j++) {
                    assertEquals(ref[i * m + j], cc[i][j], REF_TOL * scale, f.name() + " columns fit " + i + "," + j);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void gcvChoiceIsAtLeastAsGoodAsScipys(ScipyFixture f) {
        if (!f.get("kind").trim().equals("gcv")) {
            return;
        }
        int m = f.integer("m");
        double[] x = f.doubles("x");
        double[] scipyGcv = f.doubles("scipy_gcv");
        double[][] y = y(f);
        SmoothingSpline s = m == 1 ? BSpline.makeSmoothingSpline(x, f.doubles("y"), w(f))
                : BSpline.makeSmoothingSplineColumns(x, y, w(f));
        assertEquals(m, s.columns());
        for (int j = 0; j < m; j++) {
            double ours = s.gcv(j);
            assertTrue(ours <= scipyGcv[j] * (1 + GCV_MARGIN), f.name() + " column " + j + ": GCV " + ours
                    + " at lam " + s.lam(j) + " above scipy's " + scipyGcv[j] + " at lam " + f.doubles("lam")[j]);
            // the score reported is the score of the spline returned: refit at the reported lam
            double[] col = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                col[i] = y[i][j];
            }
            SmoothingSpline again = BSpline.makeSmoothingSpline(x, col, w(f), s.lam(j));
            assertEquals(ours, again.gcv(), 1e-12 * ours, f.name());
            double[] c1 = again.spline().coefficients();
            double[][] c2 = s.spline().coefficientsColumns();
            double[] c2j = new double[c1.length];
            for (int i = 0; i < c1.length; i++) {
                c2j[i] = c2[i][j];
            }
            assertArrayEquals(c1, c2j, 1e-12 * f.number("scale"), f.name());
        }
    }
}
