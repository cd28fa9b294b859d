package io.github.interp4j.interpolate.adapters.commonsmath3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.interp4j.interpolate.BoundaryCondition;
import io.github.interp4j.interpolate.CubicSpline;
import io.github.interp4j.interpolate.PchipInterpolator;
import io.github.interp4j.interpolate.RegularGridInterpolator;
import java.util.Random;
import org.apache.commons.math3.analysis.BivariateFunction;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.analysis.TrivariateFunction;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.analysis.differentiation.UnivariateDifferentiableFunction;
import org.apache.commons.math3.analysis.interpolation.AkimaSplineInterpolator;
import org.apache.commons.math3.analysis.interpolation.BivariateGridInterpolator;
import org.apache.commons.math3.analysis.interpolation.LinearInterpolator;
import org.apache.commons.math3.analysis.interpolation.MultivariateInterpolator;
import org.apache.commons.math3.analysis.interpolation.SplineInterpolator;
import org.apache.commons.math3.analysis.interpolation.TrivariateGridInterpolator;
import org.apache.commons.math3.analysis.interpolation.UnivariateInterpolator;
import org.apache.commons.math3.analysis.polynomials.PolynomialSplineFunction;
import org.apache.commons.math3.exception.DimensionMismatchException;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.NoDataException;
import org.apache.commons.math3.exception.NonMonotonicSequenceException;
import org.apache.commons.math3.exception.NullArgumentException;
import org.apache.commons.math3.exception.NumberIsTooSmallException;
import org.apache.commons.math3.exception.OutOfRangeException;
import org.junit.jupiter.api.Test;

/**
 * The Commons Math 3 adapters, tested as Commons Math tests its interpolators: against its own
 * interpolators ({@code SplineInterpolator}, {@code LinearInterpolator}, {@code AkimaSplineInterpolator})
 * and on polynomials each method reproduces, with its exception types.
 */
class CommonsMathAdaptersTest {
    /** Two implementations of the same spline (different solvers): relative to max |y|. */
    private static final double SAME_SPLINE = 1e-12;
    /** A method reproducing a polynomial exactly, up to rounding. */
    private static final double REPRODUCED = 1e-11;

    private static double[] knots(Random r, int n) {
        double[] x = new double[n];
        for (int i = 1; i < n; i++) {
            x[i] = x[i - 1] + 0.1 + r.nextDouble();
        }
        return x;
    }

    private static double[] sample(double[] x, java.util.function.DoubleUnaryOperator f) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = f.applyAsDouble(x[i]);
        }
        return y;
    }

    // ---------------------------------------------------------------------------------------- 1-D

    @Test
    void naturalSplineIsCommonsMathsSplineInterpolatorWithDerivatives() {
        Random r = new Random(11);
        double[] x = knots(r, 40);
        double[] y = sample(x, Math::sin);
        UnivariateInterpolator ours = new UnivariateInterpolatorAdapter();
        UnivariateDifferentiableFunction f = (UnivariateDifferentiableFunction) ours.interpolate(x, y);
        PolynomialSplineFunction cm = new SplineInterpolator().interpolate(x, y);
        for (int q = 0; q <= 1000; q++) {
            double t = x[0] + (x[x.length - 1] - x[0]) * q / 1000.0;
            assertEquals(cm.value(t), f.value(t), SAME_SPLINE, "value at " + t);
            DerivativeStructure ds = new DerivativeStructure(1, 2, 0, t);
            DerivativeStructure a = f.value(ds);
            DerivativeStructure b = cm.value(ds);
            for (int k = 0; k <= 2; k++) {
                assertEquals(b.getPartialDerivative(k), a.getPartialDerivative(k), SAME_SPLINE * 10,
                        "derivative " + k + " at " + t);
            }
        }
    }

    @Test
    void linearIsCommonsMathsLinearInterpolator() {
        Random r = new Random(12);
        double[] x = knots(r, 30);
        double[] y = sample(x, t -> Math.exp(0.1 * t) * Math.cos(t));
        UnivariateFunction f = UnivariateInterpolatorAdapter.linear().interpolate(x, y);
        PolynomialSplineFunction cm = new LinearInterpolator().interpolate(x, y);
        for (int q = 0; q <= 500; q++) {
            double t = x[0] + (x[x.length - 1] - x[0]) * q / 500.0;
            assertEquals(cm.value(t), f.value(t), SAME_SPLINE);
        }
    }

    /**
     * Commons Math's Akima and scipy's (interp4j's) use the same interior slopes (Akima 1970) but close
     * the two ends differently (Commons Math: three-point differentiation at the first and last two knots;
     * scipy: two extrapolated secants), so they agree away from the ends.
     */
    @Test
    void akimaAgreesWithCommonsMathsAwayFromTheEnds() {
        Random r = new Random(13);
        double[] x = knots(r, 25);
        double[] y = sample(x, t -> Math.sin(t) + 0.3 * t);
        UnivariateFunction f = UnivariateInterpolatorAdapter.akima().interpolate(x, y);
        PolynomialSplineFunction cm = new AkimaSplineInterpolator().interpolate(x, y);
        double lo = x[3];
        double hi = x[x.length - 4];
        for (int q = 0; q <= 500; q++) {
            double t = lo + (hi - lo) * q / 500.0;
            assertEquals(cm.value(t), f.value(t), SAME_SPLINE, "at " + t);
        }
    }

    @Test
    void everyMethodReproducesLinesAndValuesAreInterp4jsBitForBit() {
        Random r = new Random(14);
        double[] x = knots(r, 12);
        double[] line = sample(x, t -> 3 - 2 * t);
        for (UnivariateInterpolatorAdapter a : new UnivariateInterpolatorAdapter[] {
            UnivariateInterpolatorAdapter.linear(), UnivariateInterpolatorAdapter.naturalCubicSpline(),
            UnivariateInterpolatorAdapter.cubicSpline(), UnivariateInterpolatorAdapter.pchip(),
            UnivariateInterpolatorAdapter.akima(), UnivariateInterpolatorAdapter.makima()}) {
            PiecewisePolynomialFunction f = a.interpolate(x, line);
            for (int q = 0; q <= 200; q++) {
                double t = x[0] + (x[x.length - 1] - x[0]) * q / 200.0;
                assertEquals(3 - 2 * t, f.value(t), REPRODUCED * 10, a + " at " + t);
                DerivativeStructure d = f.value(new DerivativeStructure(1, 3, 0, t));
                assertEquals(-2, d.getPartialDerivative(1), REPRODUCED * 10, a + " slope at " + t);
                assertEquals(0, d.getPartialDerivative(2), REPRODUCED * 100, a + " curvature at " + t);
            }
        }
        double[] y = sample(x, Math::cos);
        PiecewisePolynomialFunction natural = new UnivariateInterpolatorAdapter().interpolate(x, y);
        CubicSpline cs = new CubicSpline(x, y, BoundaryCondition.natural());
        PiecewisePolynomialFunction pchip = UnivariateInterpolatorAdapter.pchip().interpolate(x, y);
        PchipInterpolator p = new PchipInterpolator(x, y);
        for (int q = 0; q <= 300; q++) {
            double t = x[0] + (x[x.length - 1] - x[0]) * q / 300.0;
            assertEquals(cs.value(t), natural.value(t), 0.0);
            assertEquals(p.value(t), pchip.value(t), 0.0);
        }
    }

    @Test
    void notAKnotSplineReproducesACubicWithAllItsDerivatives() {
        Random r = new Random(15);
        double[] x = knots(r, 9);
        double[] y = sample(x, t -> 1 + t * (-2 + t * (0.5 + 0.25 * t)));
        UnivariateDifferentiableFunction f = UnivariateInterpolatorAdapter.cubicSpline().interpolate(x, y);
        double scale = Math.pow(x[x.length - 1], 3);
        for (int q = 0; q <= 100; q++) {
            double t = x[0] + (x[x.length - 1] - x[0]) * q / 100.0;
            DerivativeStructure d = f.value(new DerivativeStructure(1, 4, 0, t));
            assertEquals(1 + t * (-2 + t * (0.5 + 0.25 * t)), d.getValue(), REPRODUCED * scale);
            assertEquals(-2 + t * (1 + 0.75 * t), d.getPartialDerivative(1), REPRODUCED * scale);
            assertEquals(1 + 1.5 * t, d.getPartialDerivative(2), REPRODUCED * scale);
            assertEquals(1.5, d.getPartialDerivative(3), REPRODUCED * scale);
            assertEquals(0, d.getPartialDerivative(4), 0.0);
        }
    }

    @Test
    void univariateErrorsAreCommonsMaths() {
        UnivariateInterpolator i = new UnivariateInterpolatorAdapter();
        assertThrows(DimensionMismatchException.class, () -> i.interpolate(new double[] {0, 1, 2}, new double[] {0, 1}));
        assertThrows(NumberIsTooSmallException.class, () -> i.interpolate(new double[] {0}, new double[] {0}));
        assertThrows(NoDataException.class, () -> i.interpolate(new double[0], new double[0]));
        NonMonotonicSequenceException nm = assertThrows(NonMonotonicSequenceException.class,
                () -> i.interpolate(new double[] {0, 1, 1, 2}, new double[] {0, 1, 2, 3}));
        assertEquals(2, nm.getIndex());
        assertThrows(NonMonotonicSequenceException.class,
                () -> i.interpolate(new double[] {0, 2, 1}, new double[] {0, 1, 2}));
        assertThrows(NullArgumentException.class, () -> i.interpolate(null, new double[] {0, 1}));
        MathIllegalArgumentException nan = assertThrows(MathIllegalArgumentException.class,
                () -> i.interpolate(new double[] {0, 1, 2}, new double[] {0, Double.NaN, 2}));
        assertInstanceOf(IllegalArgumentException.class, nan.getCause());
        assertTrue(nan.getMessage().contains("NaN"), nan.getMessage());
        for (UnivariateInterpolatorAdapter a : new UnivariateInterpolatorAdapter[] {
            UnivariateInterpolatorAdapter.linear(), UnivariateInterpolatorAdapter.cubicSpline(),
            UnivariateInterpolatorAdapter.pchip(), UnivariateInterpolatorAdapter.akima(),
            UnivariateInterpolatorAdapter.makima()}) {
            MathIllegalArgumentException e = assertThrows(MathIllegalArgumentException.class,
                    () -> a.interpolate(new double[] {0, 1, 2}, new double[] {0, 1, Double.POSITIVE_INFINITY}), a + "");
            assertTrue(e.getMessage().contains("Infinity"), a + ": " + e.getMessage());
        }

        UnivariateDifferentiableFunction f = (UnivariateDifferentiableFunction) i.interpolate(
                new double[] {0, 1, 2}, new double[] {0, 1, 0});
        OutOfRangeException out = assertThrows(OutOfRangeException.class, () -> f.value(2.5));
        assertEquals(2.0, out.getHi().doubleValue());
        assertThrows(OutOfRangeException.class, () -> f.value(new DerivativeStructure(1, 1, 0, -0.1)));
        assertEquals(1.0, f.value(1.0), 0.0);
        assertTrue(Double.isNaN(f.value(Double.NaN)));
    }

    // ---------------------------------------------------------------------------------------- grids

    private static double bicubic(double x, double y) {
        return 1 + x - 2 * y + 0.5 * x * y + 0.1 * x * x * x - 0.2 * y * y * y + 0.05 * x * x * y * y;
    }

    @Test
    void bivariateGridReproducesPolynomialsOfItsDegree() {
        Random r = new Random(16);
        double[] x = knots(r, 7);
        double[] y = knots(r, 6);
        double[][] bilinear = new double[x.length][y.length];
        double[][] cubic = new double[x.length][y.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y.length; j++) {
                bilinear[i][j] = 2 + 3 * x[i] - 4 * y[j] + 0.5 * x[i] * y[j];
                cubic[i][j] = bicubic(x[i], y[j]);
            }
        }
        BivariateGridInterpolator lin = new BivariateGridInterpolatorAdapter(RegularGridInterpolator.Method.LINEAR);
        BivariateGridInterpolator cub = new BivariateGridInterpolatorAdapter();
        BivariateFunction fl = lin.interpolate(x, y, bilinear);
        BivariateFunction fc = cub.interpolate(x, y, cubic);
        for (int q = 0; q < 400; q++) {
            double u = x[0] + (x[x.length - 1] - x[0]) * r.nextDouble();
            double v = y[0] + (y[y.length - 1] - y[0]) * r.nextDouble();
            assertEquals(2 + 3 * u - 4 * v + 0.5 * u * v, fl.value(u, v), REPRODUCED * 100);
            assertEquals(bicubic(u, v), fc.value(u, v), REPRODUCED * 1000);
        }
        assertThrows(OutOfRangeException.class, () -> fc.value(x[0] - 1e-9, y[0]));
    }

    @Test
    void bivariateErrorsAreCommonsMaths() {
        BivariateGridInterpolator cub = new BivariateGridInterpolatorAdapter();
        double[] a4 = {0, 1, 2, 3};
        double[][] f44 = new double[4][4];
        assertThrows(NoDataException.class, () -> cub.interpolate(new double[0], a4, new double[0][]));
        assertThrows(DimensionMismatchException.class, () -> cub.interpolate(a4, a4, new double[3][4]));
        assertThrows(DimensionMismatchException.class, () -> cub.interpolate(a4, a4, new double[4][3]));
        assertThrows(NonMonotonicSequenceException.class, () -> cub.interpolate(new double[] {0, 1, 3, 2}, a4, f44));
        assertThrows(NumberIsTooSmallException.class,
                () -> cub.interpolate(new double[] {0, 1, 2}, a4, new double[3][4]));
        f44[1][2] = Double.NaN;
        BivariateGridInterpolator lin = new BivariateGridInterpolatorAdapter(RegularGridInterpolator.Method.LINEAR);
        for (BivariateGridInterpolator g : new BivariateGridInterpolator[] {cub, lin}) {
            MathIllegalArgumentException e = assertThrows(MathIllegalArgumentException.class,
                    () -> g.interpolate(a4, a4, f44));
            assertTrue(e.getMessage().contains("fval[1][2] = NaN"), e.getMessage());
        }
    }

    @Test
    void trivariateGridReproducesATrilinearFunctionAndRaisesOutside() {
        Random r = new Random(17);
        double[] x = knots(r, 5);
        double[] y = knots(r, 4);
        double[] z = knots(r, 6);
        double[][][] f = new double[x.length][y.length][z.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y.length; j++) {
                for (int k = 0; k < z.length; k++) {
                    f[i][j][k] = 1 + x[i] - y[j] + 2 * z[k] + 0.5 * x[i] * y[j] * z[k];
                }
            }
        }
        for (RegularGridInterpolator.Method m : new RegularGridInterpolator.Method[] {
            RegularGridInterpolator.Method.LINEAR, RegularGridInterpolator.Method.CUBIC}) {
            TrivariateGridInterpolator tri = new TrivariateGridInterpolatorAdapter(m);
            TrivariateFunction g = tri.interpolate(x, y, z, f);
            for (int q = 0; q < 200; q++) {
                double u = x[0] + (x[x.length - 1] - x[0]) * r.nextDouble();
                double v = y[0] + (y[y.length - 1] - y[0]) * r.nextDouble();
                double w = z[0] + (z[z.length - 1] - z[0]) * r.nextDouble();
                assertEquals(1 + u - v + 2 * w + 0.5 * u * v * w, g.value(u, v, w), REPRODUCED * 1000, m + "");
            }
            assertThrows(OutOfRangeException.class, () -> g.value(x[0], y[0], z[z.length - 1] + 1));
        }
        TrivariateGridInterpolator tri = new TrivariateGridInterpolatorAdapter();
        assertThrows(DimensionMismatchException.class, () -> tri.interpolate(x, y, z, new double[x.length][y.length][2]));
        assertThrows(NonMonotonicSequenceException.class,
                () -> tri.interpolate(x, y, new double[] {0, 1, 2, 3, 5, 4}, f));
    }

    // ---------------------------------------------------------------------------------------- scattered

    @Test
    void multivariateMethodsReproduceALinearFunction() {
        Random r = new Random(18);
        int n = 60;
        double[][] p = new double[n][];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = new double[] {r.nextDouble(), r.nextDouble()};
            v[i] = 1 + 2 * p[i][0] - 3 * p[i][1];
        }
        MultivariateInterpolator rbf = new MultivariateInterpolatorAdapter();
        MultivariateInterpolator lin = MultivariateInterpolatorAdapter.linear(Double.NaN);
        MultivariateFunction fr = rbf.interpolate(p, v);
        MultivariateFunction fl = lin.interpolate(p, v);
        MultivariateFunction fn = MultivariateInterpolatorAdapter.nearest().interpolate(p, v);
        for (int q = 0; q < 100; q++) {
            double[] pt = {0.3 + 0.4 * r.nextDouble(), 0.3 + 0.4 * r.nextDouble()};
            double truth = 1 + 2 * pt[0] - 3 * pt[1];
            assertEquals(truth, fr.value(pt), 1e-9, "rbf (degree 1 reproduces linear functions)");
            assertEquals(truth, fl.value(pt), REPRODUCED, "linear inside the hull");
        }
        for (int i = 0; i < n; i++) {
            assertEquals(v[i], fn.value(p[i]), 0.0);
        }
        assertTrue(Double.isNaN(fl.value(new double[] {5, 5})), "outside the hull: the fill value");
        assertThrows(DimensionMismatchException.class, () -> fr.value(new double[] {0.5}));
    }

    @Test
    void multivariateErrorsAreCommonsMaths() {
        MultivariateInterpolator rbf = new MultivariateInterpolatorAdapter();
        assertThrows(NoDataException.class, () -> rbf.interpolate(new double[0][], new double[0]));
        assertThrows(DimensionMismatchException.class,
                () -> rbf.interpolate(new double[][] {{0, 0}, {1, 0}}, new double[] {1}));
        assertThrows(DimensionMismatchException.class,
                () -> rbf.interpolate(new double[][] {{0, 0}, {1, 0, 2}}, new double[] {1, 2}));
        assertThrows(NullArgumentException.class, () -> rbf.interpolate(null, new double[] {1}));
        MathIllegalArgumentException collinear = assertThrows(MathIllegalArgumentException.class,
                () -> MultivariateInterpolatorAdapter.linear(Double.NaN).interpolate(
                        new double[][] {{0, 0}, {1, 1}, {2, 2}, {3, 3}}, new double[] {0, 1, 2, 3}));
        assertInstanceOf(IllegalArgumentException.class, collinear.getCause());
    }
}
