package io.github.interp4j.interpolate;

import static io.github.interp4j.interpolate.BSplineToolboxAgreementTest.close;
import static io.github.interp4j.interpolate.BSplineToolboxAgreementTest.maxAbs;
import static io.github.interp4j.interpolate.BSplineToolboxAgreementTest.mode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.interp4j.interpolate.scipy.ScipyFixture;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link BPoly} against scipy 1.17's {@code BPoly} (fixtures of family {@code toolbox}, generator
 * {@code fixturegen/toolbox.py}, kinds {@code bpoly}, {@code bpoly_from_power}, {@code from_derivatives}): values
 * and derivatives of every order at points (inside, at breakpoints, outside; extrapolate, NaN and periodic
 * modes), the coefficients of {@code derivative(1)}, {@code antiderivative(1)} and {@code antiderivative(2)},
 * integrals, {@code PPoly.from_bernstein_basis}, {@code BPoly.from_power_basis} and {@code from_derivatives}
 * (ragged derivative counts, integer and per-interval orders, scipy's refusal of an order it cannot meet).
 *
 * <p>Agreement rule: within {@link BSplineToolboxAgreementTest#REL_TOL} (1e-10) relative to
 * {@code max(scale, max|scipy's array|)} per quantity, {@code scale} being max|c| of the case.
 */
class BPolyAgreementTest {
    static final double REL_TOL = BSplineToolboxAgreementTest.REL_TOL;

    static Stream<ScipyFixture> bpoly() {
        return BSplineToolboxAgreementTest.kind("bpoly");
    }

    static Stream<ScipyFixture> fromPower() {
        return BSplineToolboxAgreementTest.kind("bpoly_from_power");
    }

    static Stream<ScipyFixture> fromDerivatives() {
        return BSplineToolboxAgreementTest.kind("from_derivatives");
    }

    /** scipy's {@code c[a, i, col]} (row-major) as {@code double[order][n][m]}. */
    static double[][][] cube(double[] flat, int order, int n, int m) {
        assertEquals((long) order * n * m, flat.length);
        double[][][] c = new double[order][n][m];
        for (int a = 0; a < order; a++) {
            for (int i = 0; i < n; i++) {
                System.arraycopy(flat, (a * n + i) * m, c[a][i], 0, m);
            }
        }
        return c;
    }

    static double[] flat(double[][][] c) {
        return Arrays.stream(c).flatMap(Arrays::stream).flatMapToDouble(Arrays::stream).toArray();
    }

    static void closeScaled(String what, double[] exp, double[] ours, double scale) {
        close(what, exp, ours, REL_TOL * Math.max(scale, maxAbs(exp)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bpoly")
    void bpolyAgrees(ScipyFixture f) {
        int k = f.integer("k");
        int m = f.integer("m");
        double[] x = f.doubles("x");
        int n = x.length - 1;
        OutOfRange mode = mode(f.get("extrapolate"));
        BPoly bp = BPoly.fromColumns(cube(f.doubles("c"), k + 1, n, m), x, mode);
        double scale = f.number("scale");
        double[] q = f.doubles("query");
        for (int nu = 0; nu <= k + 1; nu++) {
            double[] ours = new double[q.length * m];
            bp.valuesColumns(q, nu, ours);
            closeScaled(f.name() + " d" + nu, f.doubles("d" + nu), ours, scale);
            if (nu == 0) {
                double[] v = new double[q.length * m];
                bp.valuesColumns(q, v);
                assertArrayEquals(ours, v, "nu = 0 is the value");
            }
            if (m == 1) {
                assertArrayEquals(ours, bp.values(q, nu));
            }
        }
        BPoly d1 = bp.derivative(1);
        assertEquals(f.integer("deriv1_order"), d1.degree() + 1);
        closeScaled(f.name() + " derivative(1)", f.doubles("deriv1"), flat(d1.coefficientsColumns()), scale);
        assertEquals(mode, d1.outOfRange());
        BPoly a1 = bp.antiderivative(1);
        closeScaled(f.name() + " antiderivative(1)", f.doubles("anti1"), flat(a1.coefficientsColumns()), scale);
        closeScaled(f.name() + " antiderivative(2)", f.doubles("anti2"),
                flat(bp.antiderivative(2).coefficientsColumns()), scale);
        if (mode.kind() == OutOfRange.Kind.PERIODIC) {
            assertEquals(OutOfRange.nan(), a1.outOfRange());
        }
        double span = x[n] - x[0];
        for (double[] row : f.rows("integral")) {
            double a = row[0];
            double b = row[1];
            double[] exp = Arrays.copyOfRange(row, 2, row.length);
            double[] ours = bp.integrateColumns(a, b);
            closeScaled(f.name() + " integral(" + a + ", " + b + ")", exp, ours,
                    scale * Math.max(span, Math.abs(b - a)));
            if (m == 1) {
                assertEquals(ours[0], bp.integrate(a, b));
            }
        }
        PPoly pp = PPoly.fromBernsteinBasis(bp);
        assertArrayEquals(x, pp.breakpoints());
        assertEquals(mode, pp.outOfRange());
        closeScaled(f.name() + " from_bernstein_basis", f.doubles("to_power"), flat(pp.coefficientsColumns()),
                scale * Math.pow(1.0 / minStep(x), k));
        for (int j = 0; j < m && m > 1; j++) {
            double[] col = new double[q.length];
            double[] all = new double[q.length * m];
            bp.column(j).values(q, col);
            bp.valuesColumns(q, all);
            for (int i = 0; i < q.length; i++) {
                assertEquals(all[i * m + j], col[i], "column " + j + " bit for bit");
            }
        }
    }

    static double minStep(double[] x) {
        double h = Double.POSITIVE_INFINITY;
        for (int i = 1; i < x.length; i++) {
            h = Math.min(h, Math.abs(x[i] - x[i - 1]));
        }
        return Math.min(h, 1.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fromPower")
    void fromPowerBasisAgrees(ScipyFixture f) {
        int k = f.integer("k");
        int m = f.integer("m");
        double[] x = f.doubles("x");
        int n = x.length - 1;
        PPoly pp = PPoly.fromColumns(cube(f.doubles("pc"), k + 1, n, m), x);
        BPoly bp = BPoly.fromPowerBasis(pp);
        closeScaled(f.name() + " from_power_basis", f.doubles("bc"), flat(bp.coefficientsColumns()),
                f.number("scale"));
        // and back: the round trip reproduces the power-basis coefficients
        closeScaled(f.name() + " round trip", f.doubles("pc"), flat(PPoly.fromBernsteinBasis(bp).coefficientsColumns()),
                f.number("scale") * Math.pow(1.0 / minStep(x), k));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fromDerivatives")
    void fromDerivativesAgrees(ScipyFixture f) {
        int m = f.integer("m");
        double[] xi = f.doubles("xi");
        List<double[]> rows = f.rows("yi");
        double[][][] yi = new double[rows.size()][][];
        for (int i = 0; i < yi.length; i++) {
            double[] r = rows.get(i);
            yi[i] = new double[r.length / m][m];
            for (int j = 0; j < r.length / m; j++) {
                System.arraycopy(r, j * m, yi[i][j], 0, m);
            }
        }
        String kind = f.get("orders_kind").trim();
        int[] orders = kind.equals("none") ? null
                : Arrays.stream(f.get("orders").trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
        if (kind.equals("int")) {
            int[] all = new int[xi.length - 1];
            Arrays.fill(all, orders[0]);
            orders = all;
        }
        final int[] ord = orders;
        if (f.expectsError()) {
            assertThrows(IllegalArgumentException.class, () -> BPoly.fromDerivativesColumns(xi, yi, ord),
                    f.get("expect_error"));
            if (m == 1 && kind.equals("int")) {
                double[][] y1 = single(yi);
                assertThrows(IllegalArgumentException.class, () -> BPoly.fromDerivatives(xi, y1, ord[0]));
            }
            return;
        }
        BPoly bp = BPoly.fromDerivativesColumns(xi, yi, ord);
        int order = f.integer("order");
        assertEquals(order, bp.degree() + 1);
        double scale = f.number("scale");
        closeScaled(f.name() + " coefficients", f.doubles("c"), flat(bp.coefficientsColumns()), scale);
        double[] q = f.doubles("query");
        double[] v = new double[q.length * m];
        bp.valuesColumns(q, v);
        closeScaled(f.name() + " values", f.doubles("value"), v, scale);
        if (m == 1) {
            double[][] y1 = single(yi);
            BPoly one = kind.equals("int") ? BPoly.fromDerivatives(xi, y1, ord[0]) : BPoly.fromDerivatives(xi, y1, ord);
            assertArrayEquals(flat(bp.coefficientsColumns()), flat(one.coefficientsColumns()));
            if (ord == null) {
                assertArrayEquals(flat(bp.coefficientsColumns()), flat(BPoly.fromDerivatives(xi, y1).coefficientsColumns()));
            }
        }
        for (int j = 0; j < m && m > 1; j++) {
            double[][][] yj = new double[yi.length][][];
            for (int i = 0; i < yi.length; i++) {
                yj[i] = new double[yi[i].length][];
                for (int d = 0; d < yi[i].length; d++) {
                    yj[i][d] = new double[] {yi[i][d][j]};
                }
            }
            assertArrayEquals(flat(bp.column(j).coefficientsColumns()),
                    flat(BPoly.fromDerivativesColumns(xi, yj, ord).coefficientsColumns()), "column " + j + " bit for bit");
        }
        // the derivatives used are met at the breakpoints
        for (int i = 0; i < xi.length; i++) {
            for (int j = 0; j < yi[i].length && ord == null && j < 2; j++) {
                boolean usedLeft = i < xi.length - 1;
                double[] got = new double[m];
                bp.value(xi[i], j, got);
                if (usedLeft) {
                    for (int col = 0; col < m; col++) {
                        assertEquals(yi[i][j][col], got[col], 1e-9 * Math.max(1, Math.abs(yi[i][j][col])),
                                f.name() + " derivative " + j + " at xi[" + i + "]");
                    }
                }
            }
        }
    }

    private static double[][] single(double[][][] yi) {
        double[][] y1 = new double[yi.length][];
        for (int i = 0; i < yi.length; i++) {
            y1[i] = new double[yi[i].length];
            for (int j = 0; j < yi[i].length; j++) {
                y1[i][j] = yi[i][j][0];
            }
        }
        return y1;
    }
}
