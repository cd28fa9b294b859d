package io.github.interp4j.interpolate.scipy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.interp4j.interpolate.OutOfRange;
import io.github.interp4j.interpolate.RegularGridInterpolator;
import io.github.interp4j.interpolate.RegularGridInterpolator.Method;
import io.github.interp4j.interpolate.RegularGridInterpolator.OutOfGridException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link RegularGridInterpolator} and {@code interpn} against scipy 1.17.1's
 * {@code scipy.interpolate.RegularGridInterpolator} / {@code interpn}: every method in 1-D, 2-D, 3-D and
 * 4-D, ascending and descending axes, even, uneven and clustered spacing, the minimum sizes, single-point
 * axes, out-of-range handling (raise, fill, NaN fill, extrapolate), NaN and infinite coordinates, and
 * outer-product evaluation ({@code valuesOnGrid} against scipy on the {@code meshgrid}).
 *
 * <p>The fixtures (each with a provenance header) are in {@code src/test/resources/scipy-fixtures/regular_grid},
 * written by {@code scipy-fixtures/generate.py} (module {@code fixturegen/regular_grid.py}) and read by
 * {@link ScipyFixture}. The spline references come from scipy's exact sparse solve
 * ({@code solver=scipy.sparse.linalg.spsolve}); scipy's default iterative solver is inexact.
 *
 * <p>Error measure: {@code |java - scipy| <= TOL * max|values|}; NaN must match NaN and infinities must
 * match exactly. Known, deliberate difference (not in the fixtures): a NaN coordinate answers NaN even in
 * the raise mode, where scipy raises; and scipy's pchip raises for a non-finite last coordinate.
 */
class RegularGridInterpolatorAgreementTest {
    /** linear, nearest and pchip: the same formulas as scipy, so agreement to rounding. */
    static final double TOL_LOCAL = 1e-12;
    /** slinear, cubic, quintic: scipy's sparse LU versus the per-axis banded LU, both exact solves. */
    static final double TOL_SPLINE = 1e-10;

    static Stream<ScipyFixture> fixtures() {
        return ScipyFixture.family("regular_grid");
    }

    static int ndim(ScipyFixture f) {
        return f.integer("ndim");
    }

    static double[][] grid(ScipyFixture f) {
        double[][] g = new double[ndim(f)][];
        for (int a = 0; a < g.length; a++) {
            g[a] = f.doubles("grid" + a);
        }
        return g;
    }

    static double[][] xi(ScipyFixture f) {
        return f.matrix("xi", f.integer("npoints"), ndim(f));
    }

    static Method method(ScipyFixture f) {
        return Method.ofScipyName(f.get("method"));
    }

    static double tolerance(ScipyFixture f) {
        return (method(f).isSpline() ? TOL_SPLINE : TOL_LOCAL) * Double.parseDouble(f.get("max_abs_values"));
    }

    static void assertClose(ScipyFixture f, String what, double[] expected, double[] actual, double tol) {
        assertEquals(expected.length, actual.length, () -> f.name() + " " + what + ": length");
        double worst = 0;
        int worstAt = -1;
        for (int j = 0; j < expected.length; j++) {
            double e = expected[j];
            double a = actual[j];
            if (Double.isNaN(e) || Double.isInfinite(e)) {
                final int jj = j;
                assertEquals(e, a, 0.0, () -> f.name() + " " + what + "[" + jj + "]: scipy " + e + ", java " + a
                        + " (" + f.call() + ")");
                continue;
            }
            double err = Math.abs(a - e);
            if (!(err <= worst)) {
                worst = Double.isNaN(err) ? Double.POSITIVE_INFINITY : err;
                worstAt = j;
            }
        }
        if (worst > tol) {
            fail(f.name() + " " + what + "[" + worstAt + "]: scipy " + expected[worstAt] + ", java " + actual[worstAt]
                    + ", error " + worst + " > tolerance " + tol + " (" + f.call() + ")");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void agreesWithScipy(ScipyFixture f) {
        double[][] grid = grid(f);
        double[] values = f.doubles("values");
        double[][] xi = xi(f);
        double[] expected = f.doubles("result");
        Method method = method(f);
        OutOfRange mode = f.oor();
        double tol = tolerance(f);
        double[] actual;
        if (f.get("api").equals("interpn")) {
            actual = mode.kind() == OutOfRange.Kind.RAISE
                    ? RegularGridInterpolator.interpn(grid, values, xi, method)
                    : RegularGridInterpolator.interpn(grid, values, xi, method, mode);
            for (String p : f.all("raise_xi")) {
                double[][] one = {ScipyFixture.parseDoubles(p)};
                assertThrows(OutOfGridException.class,
                        () -> RegularGridInterpolator.interpn(grid, values, one, method), () -> f.name() + ": " + p);
            }
        } else {
            RegularGridInterpolator rgi = new RegularGridInterpolator(grid, values, method).withOutOfRange(mode);
            assertEquals(mode, rgi.outOfRange());
            actual = rgi.values(xi);
            for (int j = 0; j < xi.length; j++) {
                double single = rgi.value(xi[j]);
                assertEquals(Double.doubleToLongBits(actual[j]), Double.doubleToLongBits(single),
                        f.name() + ": value(point) != values(points) at " + j);
            }
            for (String p : f.all("raise_xi")) {
                double[] pt = ScipyFixture.parseDoubles(p);
                OutOfGridException e = assertThrows(OutOfGridException.class, () -> rgi.value(pt),
                        () -> f.name() + ": " + p);
                assertTrue(e.axis() >= 0 && e.axis() < grid.length);
            }
            if (f.has("mesh_result")) {
                double[][] mesh = new double[grid.length][];
                for (int a = 0; a < mesh.length; a++) {
                    mesh[a] = f.doubles("mesh" + a);
                }
                assertClose(f, "valuesOnGrid", f.doubles("mesh_result"), rgi.valuesOnGrid(mesh), tol);
            }
        }
        assertClose(f, "result", expected, actual, tol);
    }

    @Test
    void everyMethodDimensionAndModeIsCovered() {
        Map<String, Boolean> seen = new LinkedHashMap<>();
        fixtures().forEach(f -> {
            seen.put(f.get("method") + "/" + ndim(f) + "d", true);
            seen.put(f.get("method") + "/" + f.get("oor").split(" ")[0], true);
            seen.put(f.get("method") + "/" + f.get("api"), true);
        });
        for (Method m : Method.values()) {
            for (String k : new String[] {"1d", "2d", "3d", "4d", "raise", "fill", "extrapolate", "rgi", "interpn"}) {
                assertTrue(seen.containsKey(m.scipyName() + "/" + k), "no fixture for " + m.scipyName() + "/" + k);
            }
        }
    }
}
