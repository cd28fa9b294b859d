package io.github.interp4j.interpolate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/**
 * Property test of issue 11 (item 1): finite input never gives a silent non-finite output. Every family is
 * fed data of extreme magnitude (values alternating +-1e308 and +-2^1000, values near 2^-1000, abscissa
 * spacing 1e-300 and subnormal, spans near the double range, coordinates near 1e+-300) and each result must
 * be finite and equal (to a stated tolerance) to the same method run on data moved to ordinary magnitude by a
 * power of two and moved back, {@code f(x; y 2^-k) 2^k} - or the call must raise a documented exception
 * ({@link IllegalArgumentException} or {@link ArithmeticException}) with a message.
 *
 * <p>Some cases must not raise: where the answer and the fitted representation are representable (values
 * +-2^1000 on unit spacing, linear and B-spline fits on spacing 1e-300, every scattered interpolant on points
 * scaled by 1e+-300), the computation must give it.
 */
class ExtremeMagnitudeTest {
    /** Relative agreement with the power-of-two reference, in units of the largest reference magnitude. */
    private static final double TOLERANCE = 1e-9;

    private final List<String> failures = new ArrayList<>();
    private int answered;
    private int raised;

    // ------------------------------------------------------------------------------------------------
    // 1-D

    private record Family1D(String name, BiFunction<double[], double[], Interpolant1D> fit, boolean mustFit) {}

    private static List<Family1D> families1D(boolean periodicEnds) {
        List<Family1D> f = new ArrayList<>();
        f.add(new Family1D("CubicSpline not-a-knot", CubicSpline::new, false));
        f.add(new Family1D("CubicSpline natural",
                (x, y) -> new CubicSpline(x, y, BoundaryCondition.natural(), BoundaryCondition.natural()), false));
        f.add(new Family1D("CubicSpline clamped",
                (x, y) -> new CubicSpline(x, y, BoundaryCondition.clamped(), BoundaryCondition.clamped()), false));
        f.add(new Family1D("CubicSpline (1, y'), (2, y'')", (x, y) -> new CubicSpline(x, y,
                BoundaryCondition.firstDerivative(y[1] - y[0]), BoundaryCondition.secondDerivative(0.5 * y[0])),
                false));
        if (periodicEnds) {
            f.add(new Family1D("CubicSpline periodic",
                    (x, y) -> new CubicSpline(x, y, BoundaryCondition.periodic(), BoundaryCondition.periodic()),
                    false));
        }
        f.add(new Family1D("CubicHermiteSpline", (x, y) -> {
            double[] d = new double[y.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = 0.25 * y[(i + 1) % y.length];
            }
            return new CubicHermiteSpline(x, y, d);
        }, false));
        f.add(new Family1D("PchipInterpolator", PchipInterpolator::new, false));
        f.add(new Family1D("Akima", Akima1DInterpolator::new, false));
        f.add(new Family1D("makima", (x, y) -> new Akima1DInterpolator(x, y, Akima1DInterpolator.Method.MAKIMA),
                false));
        f.add(new Family1D("makeInterpSpline k=1", (x, y) -> BSpline.makeInterpSpline(x, y, 1), true));
        f.add(new Family1D("makeInterpSpline k=3", (x, y) -> BSpline.makeInterpSpline(x, y, 3), false));
        f.add(new Family1D("makeInterpSpline k=5", (x, y) -> BSpline.makeInterpSpline(x, y, 5), false));
        for (Interp1d.Kind k : Interp1d.Kind.values()) {
            boolean linearish = !k.isSpline() || k == Interp1d.Kind.ZERO || k == Interp1d.Kind.SLINEAR;
            f.add(new Family1D("Interp1d " + k, (x, y) -> new Interp1d(x, y, k), linearish));
        }
        return f;
    }

    /** Abscissae 0..n-1 times 2^e plus an offset, the queries at knots and midpoints. */
    private static double[] grid(int n, int e, double offset) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = offset + Math.scalb((double) i, e);
        }
        return x;
    }

    private static double[] queries(double[] x) {
        double[] q = new double[2 * x.length - 1];
        for (int i = 0; i < x.length; i++) {
            q[2 * i] = x[i];
            if (i + 1 < x.length) {
                q[2 * i + 1] = 0.5 * x[i] + 0.5 * x[i + 1];
            }
        }
        return q;
    }

    private static double[] alternating(int n, double a, boolean periodicEnds) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = (i % 2 == 0 ? a : -a) * (1 + 0.1 * (i % 3));
        }
        if (periodicEnds) {
            y[n - 1] = y[0];
        }
        return y;
    }

    /**
     * Checks one 1-D case: the fit on (x, y) evaluated at q against the fit on (x 2^-ex, y 2^-ey) evaluated at
     * q 2^-ex, times 2^ey.
     */
    private void check1D(String what, Family1D fam, double[] x, double[] y, int ex, int ey, boolean mustFit) {
        double[] q = queries(x);
        String id = fam.name() + " on " + what;
        double[] got;
        try {
            Interpolant1D f = fam.fit().apply(x, y);
            got = f.values(q);
        } catch (IllegalArgumentException | ArithmeticException e) {
            raised++;
            if (e.getMessage() == null || e.getMessage().isEmpty()) {
                failures.add(id + ": raised " + e.getClass().getSimpleName() + " without a message");
            }
            if (mustFit) {
                failures.add(id + ": must be representable but raised " + e);
            }
            return;
        } catch (RuntimeException e) {
            failures.add(id + ": undocumented " + e);
            return;
        }
        answered++;
        double[] xs = new double[x.length];
        double[] ys = new double[y.length];
        double[] qs = new double[q.length];
        for (int i = 0; i < x.length; i++) {
            xs[i] = Math.scalb(x[i], -ex);
            ys[i] = Math.scalb(y[i], -ey);
        }
        for (int i = 0; i < q.length; i++) {
            qs[i] = Math.scalb(q[i], -ex);
        }
        double[] ref = fam.fit().apply(xs, ys).values(qs);
        compare(id, got, ref, ey, q);
    }

    private void compare(String id, double[] got, double[] ref, int ey, double[] q) {
        double scale = 0.0;
        for (double r : ref) {
            scale = Math.max(scale, Math.abs(r));
        }
        for (int i = 0; i < got.length; i++) {
            if (!Double.isFinite(got[i])) {
                failures.add(id + ": silent non-finite " + got[i] + " at query " + i + " (" + (q == null ? "" : q[i])
                        + ")");
                return;
            }
            double want = Math.scalb(ref[i], ey);
            double err = Math.abs(Math.scalb(got[i], -ey) - ref[i]);
            if (!(err <= TOLERANCE * scale + Double.MIN_NORMAL)) {
                failures.add(id + ": query " + i + " gives " + got[i] + ", the scaled computation " + want);
                return;
            }
        }
    }

    @Test
    void oneDimensionalFamiliesAreFiniteAndRightOrRaise() {
        int n = 9;
        for (boolean periodicEnds : new boolean[] {false, true}) {
            for (Family1D fam : families1D(periodicEnds)) {
                double[] unit = grid(n, 0, 0.0);
                // values: +-1e308 (the coefficients may not be representable: raise or right),
                // +-2^1000 on unit spacing (representable: must fit), +-2^-1000 (tiny)
                check1D("y alternating +-1e308", fam, unit, alternating(n, 1e308, periodicEnds), 0, 1023, false);
                check1D("y alternating +-2^1000", fam, unit, alternating(n, 0x1p1000, periodicEnds), 0, 1000, true);
                check1D("y alternating +-2^-1000", fam, unit, alternating(n, 0x1p-1000, periodicEnds), 0, -1000,
                        false);
                double[] y = alternating(n, 1.0, periodicEnds);
                // abscissae: spacing 2^-996 (about 1e-300), subnormal spacing, a span near the double range,
                // a huge offset
                check1D("x spacing 2^-996", fam, grid(n, -996, 0.0), y, -996, 0, fam.mustFit());
                check1D("x spacing 8 * MIN_VALUE", fam, grid(n, -1071, 0.0), y, -1071, 0, false);
                check1D("x spanning 0 .. 8 * 2^1020", fam, grid(n, 1020, 0.0), y, 1020, 0, false);
                check1D("x spanning -1e308 .. 1.4e308", fam, new double[] {-1e308, -5e307, 0, 5e307, 1e308,
                    1.1e308, 1.2e308, 1.3e308, 1.4e308}, y, 1000, 0, false);
            }
        }
        report();
    }

    // ------------------------------------------------------------------------------------------------
    // N-D

    private void checkND(String id, Supplier<double[]> call, Supplier<double[]> scaledReference, int ey,
            boolean mustFit) {
        double[] got;
        try {
            got = call.get();
        } catch (IllegalArgumentException | ArithmeticException e) {
            raised++;
            if (e.getMessage() == null || e.getMessage().isEmpty()) {
                failures.add(id + ": raised " + e.getClass().getSimpleName() + " without a message");
            }
            if (mustFit) {
                failures.add(id + ": must be representable but raised " + e);
            }
            return;
        } catch (RuntimeException e) {
            failures.add(id + ": undocumented " + e);
            return;
        }
        answered++;
        compare(id, got, scaledReference.get(), ey, null);
    }

    @Test
    void regularGridEveryMethodIsFiniteAndRightOrRaises() {
        int n = 6;
        for (RegularGridInterpolator.Method method : RegularGridInterpolator.Method.values()) {
            for (int ey : new int[] {1023, 1000, -1000, 0}) {
                for (int ex : new int[] {0, -996, -1071, 1016}) {
                    double[] axis = grid(n, ex, 0.0);
                    double[][] g = {axis, axis};
                    double[][] gs = scale2(g, -ex);
                    double[] v = new double[n * n];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = Math.scalb(((i / n + i % n) % 2 == 0 ? 1.0 : -1.0) * (1 + 0.1 * (i % 5)), ey);
                    }
                    double[] vs = new double[v.length];
                    for (int i = 0; i < v.length; i++) {
                        vs[i] = Math.scalb(v[i], -ey);
                    }
                    // queries scaled to the axes (rounded to the subnormal grid there) and back, exactly
                    double[][] qx = scale2(new double[][] {{0.5, 0.5}, {1, 2}, {2.25, 3.75}, {4.5, 0.1}, {5, 5}}, ex);
                    double[][] q = scale2(qx, -ex);
                    // slinear refuses subnormal spacings (named), the B-spline recurrence divides by them
                    boolean mustFit = ey <= 1000 && (method == RegularGridInterpolator.Method.LINEAR
                            || method == RegularGridInterpolator.Method.NEAREST
                            || method == RegularGridInterpolator.Method.SLINEAR && ex >= Double.MIN_EXPONENT);
                    checkND("RegularGridInterpolator " + method + " values 2^" + ey + " spacing 2^" + ex,
                            () -> new RegularGridInterpolator(g, v, method).values(qx),
                            () -> new RegularGridInterpolator(gs, vs, method).values(q), ey, mustFit);
                }
            }
        }
        report();
    }

    @Test
    void scatteredInterpolantsAreFiniteAndRightOrRaise() {
        double[][] base = {{0, 0}, {1, 0}, {0, 1}, {1, 1}, {0.5, 0.25}, {0.25, 0.75}, {0.75, 0.6}, {0.1, 0.4}};
        double[][] q = {{0.25, 0.25}, {0.5, 0.5}, {0.8, 0.3}, {0.3, 0.9}};
        for (int ex : new int[] {0, 996, -996, -1068, 1015}) {
            for (int ey : new int[] {0, 1023, 1000}) {
                double[][] p = scale2(base, ex);
                double[][] qx = scale2(q, ex);
                double[] v = new double[base.length];
                double[] vs = new double[base.length];
                for (int i = 0; i < v.length; i++) {
                    vs[i] = (i % 2 == 0 ? 1 : -1) * (1 + 0.125 * i);
                    v[i] = Math.scalb(vs[i], ey);
                }
                String s = " points 2^" + ex + ", values 2^" + ey;
                // Subnormal coordinates are rounded to the subnormal grid, which changes the data: the reference
                // is then the same scaled points moved back up (exact).
                double[][] ps = scale2(p, -ex);
                double[][] qs = scale2(qx, -ex);
                boolean mustFit = ey <= 1000;
                checkND("LinearNDInterpolator" + s, () -> new LinearNDInterpolator(p, v).values(qx),
                        () -> new LinearNDInterpolator(ps, vs).values(qs), ey, true);
                checkND("CloughTocher2DInterpolator" + s, () -> new CloughTocher2DInterpolator(p, v).values(qx),
                        () -> new CloughTocher2DInterpolator(ps, vs).values(qs), ey, mustFit);
                checkND("NaturalNeighborInterpolator" + s, () -> new NaturalNeighborInterpolator(p, v).values(qx),
                        () -> new NaturalNeighborInterpolator(ps, vs).values(qs), ey, true);
                checkND("NearestNDInterpolator" + s, () -> new NearestNDInterpolator(p, v).values(qx),
                        () -> new NearestNDInterpolator(ps, vs).values(qs), ey, true);
                for (Griddata.Method gm : Griddata.Method.values()) {
                    checkND("griddata " + gm + s, () -> Griddata.griddata(p, v, qx, gm),
                            () -> Griddata.griddata(ps, vs, qs, gm), ey,
                            gm != Griddata.Method.CUBIC || mustFit);
                }
                if (ex == 0) {
                    // RBF kernels are not scale-invariant in the coordinates; in the values the fit is linear.
                    checkND("RBFInterpolator" + s, () -> new RBFInterpolator(p, v).values(qx),
                            () -> new RBFInterpolator(ps, vs).values(qs), ey, false);
                } else {
                    checkND("RBFInterpolator" + s, () -> new RBFInterpolator(p, v).values(qx),
                            () -> new RBFInterpolator(p, v).values(qx), 0, false);
                }
            }
        }
        report();
    }

    private static double[][] scale2(double[][] a, int e) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = new double[a[i].length];
            for (int k = 0; k < a[i].length; k++) {
                out[i][k] = Math.scalb(a[i][k], e);
            }
        }
        return out;
    }

    private void report() {
        assertTrue(answered > 0, "no case answered");
        assertTrue(failures.isEmpty(), failures.size() + " failures (" + answered + " answered, " + raised
                + " raised):\n" + String.join("\n", failures));
    }
}
