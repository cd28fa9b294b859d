package io.github.interp4j.interpolate.scipy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.interp4j.interpolate.BSpline;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link BSpline#makeLsqSpline(double[], double[], double[], int, double[])} and
 * {@link BSpline#makeLsqSplineColumns(double[], double[][], double[], int, double[])} against
 * {@code scipy.interpolate.make_lsq_spline(x, y, t, k, w)} (scipy's default {@code method="qr"}) for k = 0..5,
 * weights, several value columns, repeated abscissae and knots beyond the data: the knots are the input,
 * coefficients and values within {@link #REL} of {@code max|y|}.
 */
class MakeLsqSplineAgreementTest {
    /** Coefficients and values: relative to {@code max|y|} (the bound). */
    static final double REL = 1e-10;

    static Stream<ScipyFixture> fixtures() {
        return ScipyFixture.family("make_lsq_spline");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void agreesWithScipy(ScipyFixture f) {
        double[] x = f.doubles("x");
        double[] y = f.doubles("y");
        double[] t = f.doubles("t");
        int k = f.integer("k");
        int ydim = f.integer("ydim");
        double[] w = f.has("w") ? f.doubles("w") : null;
        BSpline b;
        if (f.get("columns_api").equals("true")) {
            double[][] rows = new double[x.length][ydim];
            for (int i = 0; i < x.length; i++) {
                System.arraycopy(y, i * ydim, rows[i], 0, ydim);
            }
            b = BSpline.makeLsqSplineColumns(x, rows, t, k, w);
        } else {
            b = w == null ? BSpline.makeLsqSpline(x, y, t, k) : BSpline.makeLsqSpline(x, y, t, k, w);
        }
        double tol = REL * f.number("max_abs_y");
        assertArrayEquals(t, b.t(), 0.0, () -> f.name() + ": knots");
        assertEquals(ydim, b.columns());
        compare(f, "coefficients", f.doubles("c"), flat(b.coefficientsColumns()), tol);
        double[] q = f.doubles("q");
        double[] got = new double[q.length * ydim];
        b.valuesColumns(q, got);
        compare(f, "values", f.doubles("values"), got, tol);
    }

    static double[] flat(double[][] rows) {
        int m = rows[0].length;
        double[] out = new double[rows.length * m];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, out, i * m, m);
        }
        return out;
    }

    static void compare(ScipyFixture f, String what, double[] expected, double[] actual, double tol) {
        assertEquals(expected.length, actual.length, () -> f.name() + ": number of " + what);
        double worst = 0;
        int at = -1;
        for (int i = 0; i < expected.length; i++) {
            double d = Math.abs(expected[i] - actual[i]);
            if (!(d <= worst)) {
                worst = d;
                at = i;
            }
        }
        double w = worst;
        int a = at;
        assertTrue(w <= tol, () -> f.name() + ": " + what + " differ by " + w + " > " + tol + " at index " + a
                + " (scipy " + expected[a] + ", interp4j " + actual[a] + ")");
    }
}
