package io.github.interp4j.interpolate.scipy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.interp4j.interpolate.RBFInterpolator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link RBFInterpolator} against {@code scipy.interpolate.RBFInterpolator} (scipy 1.17): every kernel,
 * with and without smoothing (scalar and per point), degrees -1 to 3, neighbors, 1-D to 4-D points,
 * several value columns, ill-conditioned systems. The fixtures and their provenance headers are written
 * by {@code core/src/test/resources/scipy-fixtures/generate.py} (family {@code rbf}, module
 * {@code fixturegen/rbf.py}) and read by {@link ScipyFixture}.
 *
 * <h2>Agreement rule</h2>
 * Each value must agree within {@code tol * scale}, {@code scale = max(max|values|, max|scipy result|)}:
 * <ul>
 *   <li>{@code tol = REL_TOL} (1e-10) where the system is well conditioned
 *       ({@code cond <= WELL_CONDITIONED_COND}, the 2-norm condition number of scipy's matrix, computed
 *       by the generator; neighbor fits are local systems of at most a few dozen points and count as well
 *       conditioned);</li>
 *   <li>{@code tol = SELFDIFF_FACTOR * selfdiff_rel} elsewhere, where {@code selfdiff_rel} is scipy's
 *       disagreement with itself when the same points are given in another order (the largest over three
 *       random permutations, relative to the same scale), with at least {@code MIN_REL_TOL} (a few ulps,
 *       for scipy cases whose permutations happen to agree to the last bit).</li>
 * </ul>
 */
class RBFInterpolatorAgreementTest {
    /** Relative agreement required where scipy's system is well conditioned. */
    static final double REL_TOL = 1e-10;
    /** The largest condition number counted as well conditioned: cond * eps is then about 2e-10. */
    static final double WELL_CONDITIONED_COND = 1e6;
    /** Elsewhere, this many times scipy's disagreement with itself. */
    static final double SELFDIFF_FACTOR = 10.0;
    /** A floor of a few ulps (relative) for ill-conditioned cases where scipy happened to agree with itself exactly. */
    static final double MIN_REL_TOL = 1e-14;

    static Stream<ScipyFixture> fixtures() {
        return ScipyFixture.family("rbf");
    }

    /** The relative tolerance of a fixture under the agreement rule. */
    static double tolerance(ScipyFixture f) {
        double cond = f.number("cond");
        if (Double.isNaN(cond) || cond <= WELL_CONDITIONED_COND) {
            return REL_TOL; // well conditioned: 1e-10, whatever scipy's self-disagreement
        }
        return Math.max(MIN_REL_TOL, SELFDIFF_FACTOR * f.number("selfdiff_rel"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void agreesWithScipy(ScipyFixture f) {
        int n = f.integer("n");
        int d = f.integer("d");
        int m = f.integer("m");
        int q = f.integer("q");
        double[][] points = f.matrix("points", n, d);
        double[][] values = f.matrix("values", n, m);
        double[][] queries = f.matrix("queries", q, d);
        double[][] expected = f.matrix("expected", q, m);
        boolean oneD = Boolean.parseBoolean(f.get("values_1d"));
        RBFInterpolator.Builder b;
        if (oneD) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = values[i][0];
            }
            b = RBFInterpolator.builder(points, v);
        } else {
            b = RBFInterpolator.builder(points, values);
        }
        b.kernel(RBFInterpolator.Kernel.valueOf(f.get("kernel").toUpperCase(Locale.ROOT)));
        if (!f.get("epsilon").equals("none")) {
            b.epsilon(f.number("epsilon"));
        }
        if (!f.get("degree").equals("none")) {
            b.degree(f.integer("degree"));
        }
        if (!f.get("neighbors").equals("none")) {
            b.neighbors(f.integer("neighbors"));
        }
        if (f.has("smoothing_per_point")) {
            b.smoothing(f.doubles("smoothing_per_point"));
        } else {
            b.smoothing(f.number("smoothing"));
        }
        RBFInterpolator rbf = b.build();
        assertEquals(m, rbf.columns());

        double[][] actual;
        if (oneD) {
            double[] v = rbf.values(queries);
            actual = new double[q][1];
            for (int i = 0; i < q; i++) {
                actual[i][0] = v[i];
                // point API equals the batch bit for bit
                assertEquals(Double.doubleToLongBits(v[i]), Double.doubleToLongBits(rbf.value(queries[i])),
                        () -> f.name() + ": value(point) differs from values(points)");
            }
        } else {
            actual = rbf.valuesColumns(queries);
        }
        if (Boolean.parseBoolean(f.get("warns"))) {
            assertFalse(rbf.solvedByCholesky(), f.name() + ": degree below the kernel's minimum must be solved by LU");
        }
        double scale = f.number("scale");
        double tol = tolerance(f);
        double worst = 0.0;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < q; i++) {
            for (int c = 0; c < m; c++) {
                double err = Math.abs(actual[i][c] - expected[i][c]);
                worst = Math.max(worst, err / scale);
                if (!(err <= tol * scale)) {
                    failures.add(String.format(Locale.ROOT, "query %d %s col %d: scipy %.17g, interp4j %.17g, diff %.3e,"
                            + " tol %.3e", i, java.util.Arrays.toString(queries[i]), c, expected[i][c], actual[i][c],
                            err, tol * scale));
                }
            }
        }
        System.out.printf(Locale.ROOT, "RBF %-42s cond %9.2e selfdiff %9.2e tol %9.2e worst %9.2e (%.2f x selfdiff) %s%n",
                f.name(), f.number("cond"), f.number("selfdiff_rel"), tol, worst,
                f.number("selfdiff_rel") > 0 ? worst / f.number("selfdiff_rel") : Double.NaN,
                rbf.neighbors() > 0 ? "local" : (rbf.solvedByCholesky() ? "cholesky" : "lu"));
        if (!failures.isEmpty()) {
            fail(f.name() + " (" + f.call() + "): " + failures.size() + " of " + (q * m)
                    + " values disagree:\n  " + String.join("\n  ", failures.subList(0, Math.min(10, failures.size()))));
        }
        assertTrue(worst <= tol);
    }
}
