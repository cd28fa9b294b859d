package io.github.interp4j.interpolate.adapters.hipparchus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.interp4j.interpolate.RegularGridInterpolator;
import java.util.Random;
import org.hipparchus.analysis.BivariateFunction;
import org.hipparchus.analysis.CalculusFieldUnivariateFunction;
import org.hipparchus.analysis.MultivariateFunction;
import org.hipparchus.analysis.TrivariateFunction;
import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.hipparchus.analysis.differentiation.Gradient;
import org.hipparchus.analysis.differentiation.UnivariateDifferentiableFunction;
import org.hipparchus.analysis.interpolation.AkimaSplineInterpolator;
import org.hipparchus.analysis.interpolation.BivariateGridInterpolator;
import org.hipparchus.analysis.interpolation.LinearInterpolator;
import org.hipparchus.analysis.interpolation.MultivariateInterpolator;
import org.hipparchus.analysis.interpolation.SplineInterpolator;
import org.hipparchus.analysis.interpolation.TrivariateGridInterpolator;
import org.hipparchus.analysis.interpolation.UnivariateInterpolator;
import org.hipparchus.analysis.polynomials.PolynomialSplineFunction;
import org.hipparchus.dfp.Dfp;
import org.hipparchus.dfp.DfpField;
import org.hipparchus.exception.LocalizedCoreFormats;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.NullArgumentException;
import org.hipparchus.util.Binary64;
import org.junit.jupiter.api.Test;

/**
 * The Hipparchus adapters, tested as Hipparchus tests its interpolators: against its own interpolators,
 * derivatives through {@link DSFactory} and {@link Gradient}, field evaluation, and errors as
 * {@link MathIllegalArgumentException} checked by their {@code getSpecifier()}.
 */
class HipparchusAdaptersTest {
    /** Two implementations of the same spline (different solvers). */
    private static final double SAME_SPLINE = 1e-12;
    /** A method reproducing a polynomial exactly, up to rounding. */
    private static final double REPRODUCED = 1e-11;
    /** Field (Horner) evaluation against interp4j's double evaluation (a different operation order). */
    private static final double FIELD_VS_DOUBLE = 1e-14;

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

    private static void assertSpecifier(LocalizedCoreFormats expected, Runnable r) {
        MathIllegalArgumentException e = assertThrows(MathIllegalArgumentException.class, r::run);
        assertSame(expected, e.getSpecifier(), e.getMessage());
    }

    @Test
    void naturalSplineIsHipparchussSplineInterpolator() {
        Random r = new Random(21);
        double[] x = knots(r, 40);
        double[] y = sample(x, Math::sin);
        UnivariateInterpolator ours = new UnivariateInterpolatorAdapter();
        UnivariateDifferentiableFunction f = (UnivariateDifferentiableFunction) ours.interpolate(x, y);
        PolynomialSplineFunction hip = new SplineInterpolator().interpolate(x, y);
        DSFactory factory = new DSFactory(1, 2);
        for (int q = 0; q <= 1000; q++) {
            double t = x[0] + (x[x.length - 1] - x[0]) * q / 1000.0;
            assertEquals(hip.value(t), f.value(t), SAME_SPLINE);
            DerivativeStructure a = f.value(factory.variable(0, t));
            DerivativeStructure b = hip.value(factory.variable(0, t));
            for (int k = 0; k <= 2; k++) {
                assertEquals(b.getPartialDerivative(k), a.getPartialDerivative(k), SAME_SPLINE * 10);
            }
            Gradient g = f.value(Gradient.variable(1, 0, t));
            assertEquals(a.getPartialDerivative(1), g.getGradient()[0], 0.0);
        }
    }

    @Test
    void linearAndAkimaAgreeWithHipparchuss() {
        Random r = new Random(22);
        double[] x = knots(r, 25);
        double[] y = sample(x, t -> Math.sin(t) + 0.3 * t);
        UnivariateFunction lin = UnivariateInterpolatorAdapter.linear().interpolate(x, y);
        PolynomialSplineFunction hipLin = new LinearInterpolator().interpolate(x, y);
        UnivariateFunction akima = UnivariateInterpolatorAdapter.akima().interpolate(x, y);
        PolynomialSplineFunction hipAkima = new AkimaSplineInterpolator().interpolate(x, y);
        for (int q = 0; q <= 500; q++) {
            double t = x[0] + (x[x.length - 1] - x[0]) * q / 500.0;
            assertEquals(hipLin.value(t), lin.value(t), SAME_SPLINE);
            // Same interior slopes (Akima 1970); the end slopes are closed differently, so compare away from them.
            if (t >= x[3] && t <= x[x.length - 4]) {
                assertEquals(hipAkima.value(t), akima.value(t), SAME_SPLINE, "akima at " + t);
            }
        }
    }

    @Test
    void fieldEvaluationFollowsTheLocalPolynomial() {
        Random r = new Random(23);
        double[] x = knots(r, 15);
        double[] y = sample(x, Math::cos);
        PiecewisePolynomialFunction f = UnivariateInterpolatorAdapter.pchip().interpolate(x, y);
        DfpField field = new DfpField(40);
        CalculusFieldUnivariateFunction<Dfp> asField = f.toCalculusFieldUnivariateFunction(field);
        for (int q = 0; q <= 200; q++) {
            double t = x[0] + (x[x.length - 1] - x[0]) * q / 200.0;
            double v = f.value(t);
            assertEquals(v, f.value(new Binary64(t)).getReal(), FIELD_VS_DOUBLE * (1 + Math.abs(v)));
            assertEquals(v, asField.value(field.newDfp(t)).getReal(), FIELD_VS_DOUBLE * (1 + Math.abs(v)));
        }
        // not-a-knot reproduces a cubic: in 40-digit arithmetic the result is the cubic to double rounding
        double[] c = sample(x, s -> 1 - s + 0.5 * s * s * s);
        PiecewisePolynomialFunction cubic = UnivariateInterpolatorAdapter.cubicSpline().interpolate(x, c);
        Dfp t = field.newDfp(x[5] + 0.3);
        Dfp truth = field.getOne().subtract(t).add(t.multiply(t).multiply(t).multiply(0.5));
        double scale = Math.pow(x[x.length - 1], 3);
        assertEquals(truth.toDouble(), cubic.value(t).toDouble(), REPRODUCED * scale);
    }

    @Test
    void univariateErrorsAreHipparchuss() {
        UnivariateInterpolator i = new UnivariateInterpolatorAdapter();
        assertSpecifier(LocalizedCoreFormats.DIMENSIONS_MISMATCH,
                () -> i.interpolate(new double[] {0, 1, 2}, new double[] {0, 1}));
        assertSpecifier(LocalizedCoreFormats.NUMBER_OF_POINTS, () -> i.interpolate(new double[] {0}, new double[] {0}));
        assertSpecifier(LocalizedCoreFormats.NO_DATA, () -> i.interpolate(new double[0], new double[0]));
        assertSpecifier(LocalizedCoreFormats.NOT_STRICTLY_INCREASING_SEQUENCE,
                () -> i.interpolate(new double[] {0, 1, 1, 2}, new double[] {0, 1, 2, 3}));
        assertThrows(NullArgumentException.class, () -> i.interpolate(new double[] {0, 1}, null));
        MathIllegalArgumentException nan = assertThrows(MathIllegalArgumentException.class,
                () -> i.interpolate(new double[] {0, 1, 2}, new double[] {0, Double.NaN, 2}));
        assertSame(LocalizedCoreFormats.SIMPLE_MESSAGE, nan.getSpecifier());
        assertInstanceOf(IllegalArgumentException.class, nan.getCause());
        assertTrue(nan.getMessage().contains("NaN"), nan.getMessage());

        PiecewisePolynomialFunction f = UnivariateInterpolatorAdapter.makima().interpolate(
                new double[] {0, 1, 2, 3}, new double[] {0, 1, 0, 1});
        assertSpecifier(LocalizedCoreFormats.OUT_OF_RANGE_SIMPLE, () -> f.value(3.5));
        assertSpecifier(LocalizedCoreFormats.OUT_OF_RANGE_SIMPLE, () -> f.value(new DSFactory(1, 1).variable(0, -1)));
        assertSpecifier(LocalizedCoreFormats.OUT_OF_RANGE_SIMPLE, () -> f.value(new Binary64(4)));
        assertTrue(f.isValidPoint(3.0));
    }

    @Test
    void gridsReproducePolynomialsAndRaiseOutside() {
        Random r = new Random(24);
        double[] x = knots(r, 6);
        double[] y = knots(r, 5);
        double[] z = knots(r, 4);
        double[][] f2 = new double[x.length][y.length];
        double[][][] f3 = new double[x.length][y.length][z.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y.length; j++) {
                f2[i][j] = 1 + x[i] * x[i] * x[i] - 2 * x[i] * y[j] * y[j] + 0.3 * y[j];
                for (int k = 0; k < z.length; k++) {
                    f3[i][j][k] = 2 - x[i] + 3 * y[j] * z[k] + x[i] * y[j] * z[k];
                }
            }
        }
        BivariateGridInterpolator bi = new BivariateGridInterpolatorAdapter();
        TrivariateGridInterpolator tri = new TrivariateGridInterpolatorAdapter(RegularGridInterpolator.Method.LINEAR);
        BivariateFunction g2 = bi.interpolate(x, y, f2);
        TrivariateFunction g3 = tri.interpolate(x, y, z, f3);
        for (int q = 0; q < 300; q++) {
            double u = x[0] + (x[x.length - 1] - x[0]) * r.nextDouble();
            double v = y[0] + (y[y.length - 1] - y[0]) * r.nextDouble();
            double w = z[0] + (z[z.length - 1] - z[0]) * r.nextDouble();
            assertEquals(1 + u * u * u - 2 * u * v * v + 0.3 * v, g2.value(u, v), REPRODUCED * 1000);
            assertEquals(2 - u + 3 * v * w + u * v * w, g3.value(u, v, w), REPRODUCED * 100);
        }
        assertSpecifier(LocalizedCoreFormats.OUT_OF_RANGE_SIMPLE, () -> g2.value(x[0], y[y.length - 1] + 0.5));
        assertSpecifier(LocalizedCoreFormats.OUT_OF_RANGE_SIMPLE, () -> g3.value(x[0] - 1, y[0], z[0]));
        assertSpecifier(LocalizedCoreFormats.NUMBER_OF_POINTS,
                () -> bi.interpolate(new double[] {0, 1, 2}, y, new double[3][y.length]));
        assertSpecifier(LocalizedCoreFormats.DIMENSIONS_MISMATCH, () -> bi.interpolate(x, y, new double[x.length][2]));
        assertSpecifier(LocalizedCoreFormats.NOT_STRICTLY_INCREASING_SEQUENCE,
                () -> tri.interpolate(x, new double[] {0, 2, 1, 3, 4}, z, f3));
    }

    @Test
    void multivariateReproducesALinearFunctionWithHipparchussErrors() {
        Random r = new Random(25);
        int n = 50;
        double[][] p = new double[n][];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = new double[] {r.nextDouble(), r.nextDouble(), r.nextDouble()};
            v[i] = 1 + 2 * p[i][0] - 3 * p[i][1] + p[i][2];
        }
        MultivariateInterpolator rbf = new MultivariateInterpolatorAdapter();
        MultivariateFunction fr = rbf.interpolate(p, v);
        MultivariateFunction fl = MultivariateInterpolatorAdapter.linear(-1).interpolate(p, v);
        for (int q = 0; q < 100; q++) {
            double[] pt = {0.4 + 0.2 * r.nextDouble(), 0.4 + 0.2 * r.nextDouble(), 0.4 + 0.2 * r.nextDouble()};
            double truth = 1 + 2 * pt[0] - 3 * pt[1] + pt[2];
            assertEquals(truth, fr.value(pt), 1e-9);
            assertEquals(truth, fl.value(pt), REPRODUCED);
        }
        assertEquals(-1.0, fl.value(new double[] {9, 9, 9}), 0.0);
        assertSpecifier(LocalizedCoreFormats.DIMENSIONS_MISMATCH, () -> fr.value(new double[] {0.5, 0.5}));
        assertSpecifier(LocalizedCoreFormats.NO_DATA, () -> rbf.interpolate(new double[0][], new double[0]));
        assertSpecifier(LocalizedCoreFormats.DIMENSIONS_MISMATCH,
                () -> rbf.interpolate(new double[][] {{0, 0}, {1, 0}}, new double[] {1, 2, 3}));
        assertSpecifier(LocalizedCoreFormats.SIMPLE_MESSAGE, () -> MultivariateInterpolatorAdapter.nearest()
                .interpolate(new double[][] {{0, Double.NaN}}, new double[] {1}));
    }
}
