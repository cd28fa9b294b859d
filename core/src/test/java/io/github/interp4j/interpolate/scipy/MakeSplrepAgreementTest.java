package io.github.interp4j.interpolate.scipy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.interp4j.interpolate.BSpline;
import io.github.interp4j.interpolate.SplineFit;
import io.github.interp4j.interpolate.SplrepOptions;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link BSpline#fitSplrep(double[], double[], SplrepOptions)}, {@link BSpline#makeSplprep(double[][],
 * SplrepOptions)} and {@link BSpline#generateKnots(double[], double[], SplrepOptions)} against scipy 1.17's
 * FITPACK-free {@code make_splrep}, {@code make_splprep} and {@code generate_knots}: k = 1..5, weights,
 * {@code xb/xe}, given knots, {@code nest}, {@code s = 0}, the least-squares polynomial, noisy data, 2-D and
 * 3-D curves. Knots (and every generated knot vector) equal, {@code ier} equal, coefficients and values within
 * {@link MakeLsqSplineAgreementTest#REL} of {@code max|y|}, the curve parameters {@code u} within 1e-15.
 */
class MakeSplrepAgreementTest {

    static Stream<ScipyFixture> fixtures() {
        return ScipyFixture.family("make_splrep");
    }

    private static SplrepOptions options(ScipyFixture f) {
        SplrepOptions o = SplrepOptions.defaults().withDegree(f.integer("k")).withSmoothing(f.number("s"));
        if (f.has("w")) {
            o = o.withWeights(f.doubles("w"));
        }
        if (f.has("xb")) {
            o = o.withBounds(f.number("xb"), f.number("xe"));
        }
        if (f.has("t_in")) {
            o = o.withKnots(f.doubles("t_in"));
        }
        if (f.has("nest")) {
            o = o.withNest(f.integer("nest"));
        }
        return o;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void agreesWithScipy(ScipyFixture f) {
        double[] x = f.doubles("x");
        double[] y = f.doubles("y");
        int ydim = f.integer("ydim");
        SplrepOptions o = options(f);
        String kind = f.get("kind");
        if (kind.equals("generate_knots")) {
            List<double[]> steps;
            if (ydim == 1) {
                steps = BSpline.generateKnots(x, y, o);
            } else {
                double[][] rows = new double[x.length][ydim];
                for (int i = 0; i < x.length; i++) {
                    System.arraycopy(y, i * ydim, rows[i], 0, ydim);
                }
                steps = BSpline.generateKnotsColumns(x, rows, o);
            }
            List<String> expected = f.all("knots_step");
            assertEquals(expected.size(), steps.size(), () -> f.name() + ": number of knot vectors");
            for (int i = 0; i < steps.size(); i++) {
                int s = i;
                assertArrayEquals(ScipyFixture.parseDoubles(expected.get(i)), steps.get(i), 0.0,
                        () -> f.name() + ": knot vector " + s);
            }
            return;
        }
        if (f.expectsError()) {
            SplrepOptions given = o;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> BSpline.fitSplrep(x, y, given),
                    () -> f.name() + ": scipy raises " + f.get("expect_error"));
            assertTrue(e.getMessage().contains("Schoenberg-Whitney"), e::getMessage);
            return;
        }
        double tol = MakeLsqSplineAgreementTest.REL * f.number("max_abs_y");
        SplineFit fit;
        if (kind.equals("splrep")) {
            fit = BSpline.fitSplrep(x, y, o);
            if (f.integer("k") == 3 && !f.has("w") && !f.has("xb") && !f.has("t_in") && !f.has("nest")) {
                BSpline plain = BSpline.makeSplrep(x, y, 3, f.number("s"));
                assertArrayEquals(fit.spline().t(), plain.t(), 0.0, () -> f.name() + ": makeSplrep knots");
            }
        } else {
            int m = x.length;
            double[][] pts = new double[ydim][m];
            for (int i = 0; i < m; i++) {
                for (int d = 0; d < ydim; d++) {
                    pts[d][i] = y[i * ydim + d];
                }
            }
            if (f.get("u_given").equals("true")) {
                o = o.withParameters(x);
            }
            fit = BSpline.makeSplprep(pts, o);
            assertArrayEquals(x, fit.parameters(), 1e-15, () -> f.name() + ": parameters u");
        }
        BSpline b = fit.spline();
        assertArrayEquals(f.doubles("t"), b.t(), 0.0, () -> f.name() + ": knots");
        assertEquals(f.integer("ier"), fit.ier(), () -> f.name() + ": ier (" + fit.message() + ")");
        assertEquals(ydim, b.columns());
        MakeLsqSplineAgreementTest.compare(f, "coefficients", f.doubles("c"),
                MakeLsqSplineAgreementTest.flat(b.coefficientsColumns()), tol);
        double[] q = f.doubles("q");
        double[] got = new double[q.length * ydim];
        b.valuesColumns(q, got);
        MakeLsqSplineAgreementTest.compare(f, "values", f.doubles("values"), got, tol);
    }
}
