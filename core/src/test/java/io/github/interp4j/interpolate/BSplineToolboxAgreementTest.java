package io.github.interp4j.interpolate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.interp4j.interpolate.scipy.ScipyFixture;

import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The B-spline toolbox against scipy 1.17 (fixtures of family {@code toolbox}, generator
 * {@code fixturegen/toolbox.py}): {@link BSpline#designMatrix}, {@link BSpline#insertKnot(double, int)},
 * {@link BSpline#value(double, int)} (derivatives at points, also at knots of full multiplicity and above the
 * degree), {@link BSpline#derivative(int)} above the degree, {@link PPoly#fromSpline(BSpline)},
 * {@link BSpline#fromPowerBasis(CubicSpline, BoundaryCondition)},
 * {@link BSpline#makeInterpSpline(double[], double[], int, double[])} and {@link PPoly#roots()} order.
 *
 * <p>Agreement rule (issue 9): knots equal exactly; coefficients and values within {@link #REL_TOL} relative
 * to max|y| of the case ({@code scale}); a derivative of order nu within {@code REL_TOL} relative to
 * {@code max(scale, max|scipy's derivative values|)}; design-matrix entries (B-spline values in [0, 1])
 * within {@code REL_TOL}, their column offsets equal.
 */
class BSplineToolboxAgreementTest {
    static final double REL_TOL = 1e-10;

    static Stream<ScipyFixture> kind(String kind) {
        return ScipyFixture.family("toolbox").filter(f -> f.get("kind").trim().equals(kind));
    }

    static Stream<ScipyFixture> designMatrix() {
        return kind("design_matrix");
    }

    static Stream<ScipyFixture> insertKnot() {
        return kind("insert_knot");
    }

    static Stream<ScipyFixture> evalNu() {
        return kind("eval_nu");
    }

    static Stream<ScipyFixture> fromSpline() {
        return kind("from_spline");
    }

    static Stream<ScipyFixture> fromPowerBasis() {
        return kind("from_power_basis");
    }

    static Stream<ScipyFixture> interpT() {
        return kind("interp_t");
    }

    static Stream<ScipyFixture> roots() {
        return kind("roots");
    }

    static Stream<ScipyFixture> ppolyDescending() {
        return kind("ppoly_descending");
    }

    /** Every element of {@code ours} within {@code tol} of {@code exp}; lengths equal. */
    static void close(String what, double[] exp, double[] ours, double tol) {
        assertEquals(exp.length, ours.length, what + ": length");
        for (int i = 0; i < exp.length; i++) {
            if (Double.isNaN(exp[i])) {
                assertTrue(Double.isNaN(ours[i]), what + "[" + i + "]: scipy NaN, ours " + ours[i]);
                continue;
            }
            if (!(Math.abs(exp[i] - ours[i]) <= tol)) {
                fail(what + "[" + i + "]: scipy " + exp[i] + ", ours " + ours[i] + ", diff "
                        + Math.abs(exp[i] - ours[i]) + " > tol " + tol);
            }
        }
    }

    static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            if (Double.isFinite(v)) {
                m = Math.max(m, Math.abs(v));
            }
        }
        return m;
    }

    /** scipy's {@code extrapolate} token of a toolbox fixture: true, false (NaN outside) or periodic. */
    static OutOfRange mode(String token) {
        String t = token.trim();
        return ScipyFixture.parseOor(t.equals("true") ? "extrapolate" : t.equals("false") ? "nan" : t);
    }

    static BSpline spline(ScipyFixture f, OutOfRange mode) {
        double[] t = f.doubles("t");
        int k = f.integer("k");
        int m = f.has("m") ? f.integer("m") : 1;
        double[] c = f.doubles("c");
        return m == 1 ? new BSpline(t, c, k, mode) : BSpline.fromColumns(t, f.matrix("c", c.length / m, m), k, mode);
    }

    static double[] flat(double[][] rows) {
        return Arrays.stream(rows).flatMapToDouble(Arrays::stream).toArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("designMatrix")
    void designMatrixAgrees(ScipyFixture f) {
        double[] x = f.doubles("x");
        double[] t = f.doubles("t");
        int k = f.integer("k");
        String ext = f.get("extrapolate").trim();
        OutOfRange mode = ext.equals("periodic") ? OutOfRange.periodic()
                : ext.equals("true") ? OutOfRange.extrapolate() : OutOfRange.raise();
        if (f.expectsError()) {
            assertThrows(OutOfRangeException.class, () -> BSpline.designMatrix(x, t, k), f.get("expect_error"));
            return;
        }
        DesignMatrix a = BSpline.designMatrix(x, t, k, mode);
        assertEquals(f.integer("rows"), a.rows());
        assertEquals(f.integer("cols"), a.columns());
        int[] off = Arrays.stream(f.get("offsets").trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
        assertArrayEquals(off, a.firstColumns(), f.name() + " offsets");
        close(f.name() + " data", f.doubles("data"), a.valuesFlat(), REL_TOL);
        if (!ext.equals("periodic")) {
            assertArrayEquals(a.valuesFlat(), BSpline.designMatrix(x, t, k, ext.equals("true")).valuesFlat());
        }
        // each row is the spline of a unit coefficient vector: A c equals the spline's values
        double[] c = new double[a.columns()];
        for (int j = 0; j < c.length; j++) {
            c[j] = Math.sin(j + 1.0);
        }
        BSpline s = new BSpline(t, c, k, mode);
        close(f.name() + " A c", s.values(x), a.multiply(c), REL_TOL * maxAbs(c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("insertKnot")
    void insertKnotAgrees(ScipyFixture f) {
        BSpline s = spline(f, mode(f.get("extrapolate")));
        double at = f.number("at");
        int mult = f.integer("mult");
        int m = s.columns();
        double scale = f.number("scale");
        double[] q = f.doubles("query");
        double[] before = new double[q.length * m];
        s.valuesColumns(q, before);
        close(f.name() + " value before", f.doubles("value_before"), before, REL_TOL * scale);
        if (f.expectsError()) {
            assertThrows(IllegalArgumentException.class, () -> s.insertKnot(at, mult), f.get("expect_error"));
            return;
        }
        BSpline s2 = s.insertKnot(at, mult);
        assertArrayEquals(f.doubles("new_t"), s2.knots(), f.name() + " knots");
        close(f.name() + " coefficients", f.doubles("new_c"), flat(s2.coefficientsColumns()), REL_TOL * scale);
        double[] after = new double[q.length * m];
        s2.valuesColumns(q, after);
        close(f.name() + " value after", f.doubles("value"), after, REL_TOL * scale);
        assertEquals(s.outOfRange(), s2.outOfRange());
        for (int j = 0; j < m && m > 1; j++) {
            assertArrayEquals(s.column(j).insertKnot(at, mult).coefficients(), s2.column(j).coefficients(),
                    f.name() + " column " + j);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("evalNu")
    void derivativeAtPointsAgrees(ScipyFixture f) {
        BSpline s = spline(f, OutOfRange.extrapolate());
        int k = f.integer("k");
        int m = s.columns();
        double[] q = f.doubles("query");
        double scale = f.number("scale");
        for (int nu = 0; nu <= k + 2; nu++) {
            double[] exp = f.doubles("d" + nu);
            double tol = REL_TOL * Math.max(scale, maxAbs(exp));
            double[] ours = new double[q.length * m];
            s.valuesColumns(q, nu, ours);
            close(f.name() + " d" + nu, exp, ours, tol);
            double[] row = new double[m];
            for (int i = 0; i < q.length; i++) {
                s.value(q[i], nu, row);
                assertArrayEquals(Arrays.copyOfRange(ours, i * m, i * m + m), row, "batch equals point");
            }
            if (m == 1) {
                assertArrayEquals(ours, s.values(q, nu));
                assertEquals(ours[0], s.value(q[0], nu));
            }
        }
        String err = f.get("derivative_error").trim();
        if (!err.equals("none")) {
            // scipy 1.17 refuses BSpline.derivative(nu) for nu > k (while __call__(x, nu) gives 0)
            assertThrows(IllegalArgumentException.class, () -> s.derivative(k + 1), err);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fromSpline")
    void fromSplineAgrees(ScipyFixture f) {
        BSpline s = spline(f, OutOfRange.extrapolate());
        int k = f.integer("k");
        PPoly pp = PPoly.fromSpline(s);
        double[] x = f.doubles("x");
        assertArrayEquals(x, pp.breakpoints(), "breakpoints");
        assertEquals(k, pp.degree());
        double[] exp = f.doubles("pc");
        double[] ours = flat(pp.coefficients());
        // row nu of the coefficients is S^(k - row)(t[i]) / (k - row)!: scale by that row's size
        int n = x.length - 1;
        for (int r = 0; r <= k; r++) {
            double[] e = Arrays.copyOfRange(exp, r * n, (r + 1) * n);
            close(f.name() + " row " + r, e, Arrays.copyOfRange(ours, r * n, (r + 1) * n),
                    REL_TOL * Math.max(f.number("scale"), maxAbs(e)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fromPowerBasis")
    void fromPowerBasisAgrees(ScipyFixture f) {
        int m = f.integer("m");
        double[] x = f.doubles("x");
        double[][] y = f.matrix("y", x.length, m);
        BoundaryCondition bc = f.bcLeft();
        CubicSpline cs = m == 1 ? new CubicSpline(x, flat(y), bc, bc) : CubicSpline.fromColumns(x, y, bc, bc);
        BSpline b = BSpline.fromPowerBasis(cs, ScipyFixture.parseBc(f.get("bc_type")));
        double scale = f.number("scale");
        assertArrayEquals(f.doubles("t"), b.knots(), "knots");
        close(f.name() + " coefficients", f.doubles("c"), flat(b.coefficientsColumns()), REL_TOL * scale);
        double[] q = f.doubles("query");
        double[] v = new double[q.length * m];
        b.valuesColumns(q, v);
        close(f.name() + " values", f.doubles("value"), v, REL_TOL * scale);
        if (f.get("bc_type").trim().equals("not-a-knot") && m == 1) {
            assertArrayEquals(BSpline.fromPowerBasis(cs).coefficients(), b.coefficients());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("interpT")
    void interpolationOnGivenKnotsAgrees(ScipyFixture f) {
        int m = f.integer("m");
        int k = f.integer("k");
        double[] x = f.doubles("x");
        double[][] y = f.matrix("y", x.length, m);
        double[] t = f.doubles("t");
        if (f.expectsError()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> BSpline.makeInterpSplineColumns(x, y, k, t), f.get("expect_error"));
            if (f.name().contains("violates")) {
                assertTrue(e.getMessage().contains("Schoenberg-Whitney"), e.getMessage());
            }
            return;
        }
        double scale = f.number("scale");
        BSpline s = BSpline.makeInterpSplineColumns(x, y, k, t);
        assertArrayEquals(t, s.knots());
        close(f.name() + " coefficients", f.doubles("c"), flat(s.coefficientsColumns()), REL_TOL * scale);
        double[] q = f.doubles("query");
        double[] v = new double[q.length * m];
        s.valuesColumns(q, v);
        close(f.name() + " values", f.doubles("value"), v, REL_TOL * scale);
        for (int j = 0; j < m; j++) {
            double[] yj = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                yj[i] = y[i][j];
            }
            assertArrayEquals(s.column(j).coefficients(), BSpline.makeInterpSpline(x, yj, k, t).coefficients(),
                    "column " + j + " equals its single-column fit");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("roots")
    void rootsInScipysOrder(ScipyFixture f) {
        double[] x = f.doubles("x");
        int k = f.integer("k");
        double[][] c = f.matrix("c", k + 1, x.length - 1);
        PPoly pp = new PPoly(c, x, mode(f.get("extrapolate")));
        double[] exp = f.doubles("roots");
        double[] ours = pp.roots();
        close(f.name() + " roots", exp, ours, REL_TOL * f.number("scale"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ppolyDescending")
    void descendingBreakpointsAgree(ScipyFixture f) {
        int k = f.integer("k");
        int m = f.integer("m");
        double[] x = f.doubles("x");
        int n = x.length - 1;
        PPoly pp = PPoly.fromColumns(BPolyAgreementTest.cube(f.doubles("c"), k + 1, n, m), x,
                mode(f.get("extrapolate")));
        double scale = f.number("scale");
        double[] q = f.doubles("query");
        double[] row = new double[m];
        for (int nu = 0; nu <= k + 1; nu++) {
            double[] exp = f.doubles("d" + nu);
            double[] ours = new double[q.length * m];
            for (int i = 0; i < q.length; i++) {
                pp.value(q[i], nu, row);
                System.arraycopy(row, 0, ours, i * m, m);
            }
            close(f.name() + " d" + nu, exp, ours, REL_TOL * Math.max(scale, maxAbs(exp)));
            double[] batch = new double[q.length * m];
            pp.valuesColumns(q, nu, batch);
            assertArrayEquals(ours, batch, "batch equals point");
            if (nu == 0) {
                pp.valuesColumns(q, batch);
                assertArrayEquals(ours, batch, "batch equals point");
            }
            if (m == 1) {
                assertArrayEquals(ours, pp.values(q, nu));
            }
        }
        double[] anti = new double[q.length * m];
        pp.antiderivative(1).valuesColumns(q, anti);
        double[] expAnti = f.doubles("anti");
        close(f.name() + " antiderivative", expAnti, anti, REL_TOL * Math.max(scale, maxAbs(expAnti)));
        for (double[] r : f.rows("integral")) {
            double[] exp = Arrays.copyOfRange(r, 2, r.length);
            close(f.name() + " integral(" + r[0] + ", " + r[1] + ")", exp, pp.integrateColumns(r[0], r[1]),
                    REL_TOL * Math.max(scale * (x[0] - x[n]), maxAbs(exp)));
        }
        if (m == 1) {
            close(f.name() + " roots", f.doubles("roots"), pp.roots(), REL_TOL * Math.max(1.0, x[0] - x[n]));
        }
    }
}
