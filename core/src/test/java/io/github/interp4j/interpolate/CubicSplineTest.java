package io.github.interp4j.interpolate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

@SuppressWarnings("deprecation") // also exercises the deprecated ofColumns views
class CubicSplineTest {
    /** Agreement with scipy values printed with repr (17 significant digits). */
    private static final double SCIPY = 1e-13;
    /** Identities that hold up to a few roundings. */
    private static final double TIGHT = 1e-12;

    private static final double[] X = {0., 1., 2.5, 3., 4.5, 6.};
    private static final double[] Y = {1., -0.5, 2., 0.3, 0.3, -1.};
    private static final double[] Q = {-0.5, 0.3, 1.7, 2.9, 4.0, 5.5, 6.5};

    private static void assertAgrees(double[] expected, Interpolant1D f) {
        for (int i = 0; i < Q.length; i++) {
            assertEquals(expected[i], f.value(Q[i]), SCIPY * (1 + Math.abs(expected[i])), "at " + Q[i]);
        }
    }

    @Test
    void agreesWithScipy() {
        // CubicSpline(X, Y)(Q)
        assertAgrees(new double[] {6.2124999999999995, -0.43723333333333314, 1.4435111111111112, 0.6409111111111117,
            -0.34876543209876576, 0.5692901234567903, -4.498456790123459}, new CubicSpline(X, Y));
        // CubicSpline(X, Y, bc_type='natural')(Q)
        assertAgrees(new double[] {2.198068350668648, 0.22380624071322433, 1.1779946508172363, 0.6394199108469543,
            -0.15523636563755416, -0.26105883000385216, -1.738941169996148},
                new CubicSpline(X, Y, BoundaryCondition.natural()));
        // CubicSpline(X, Y, bc_type=((1, 0.5), (2, -1.0)))(Q)
        assertAgrees(new double[] {-1.0254082914572864, 0.7557314070351758, 0.9548837520938025, 0.6464737018425466,
            -0.19170854271356808, -0.14931137167318073, -2.10068862832682},
                new CubicSpline(X, Y, BoundaryCondition.firstDerivative(0.5), BoundaryCondition.secondDerivative(-1.0)));
        // CubicSpline(X, Yp, bc_type='periodic')(Q) with Yp = Y, Yp[-1] = Yp[0]
        double[] yp = Y.clone();
        yp[5] = yp[0];
        CubicSpline periodic = new CubicSpline(X, yp, BoundaryCondition.periodic());
        assertAgrees(new double[] {1.3315268329554044, 0.4175771428571428, 1.0850895238095237, 0.6521414965986398,
            -0.40492819349962206, 1.3315268329554044, -0.006870748299319773}, periodic);
        // CubicSpline(X, Yp, bc_type='periodic').integrate(-3.2, 14.1)
        assertEquals(8.840231947845808, periodic.integrate(-3.2, 14.1), SCIPY * 10);
        CubicSpline cs = new CubicSpline(X, Y);
        // cs.integrate(-1, 7), cs.integrate(0.5, 3.3)
        assertEquals(4.359799382716046, cs.integrate(-1, 7), SCIPY * 10);
        assertEquals(2.114843518518519, cs.integrate(0.5, 3.3), SCIPY * 10);
        // cs.roots(), cs.solve(0.5)
        assertArrayEquals(new double[] {0.18192977679120406, 1.2032561948998424, 3.107416037153354, 4.282083630543106,
            5.7462979976731905}, cs.roots(), SCIPY * 10);
        assertArrayEquals(new double[] {0.08155375803063673, 1.376275686480294, 2.939650679199263, 4.6553562621408515,
            5.540399574064906}, cs.solve(0.5), SCIPY * 10);
        // cs.antiderivative()(Q)
        assertAgrees(new double[] {-1.6385127314814816, 0.057288750000000006, -0.1745797685185187, 2.013780231481482,
            1.6875771604938277, 2.350106095679013, 1.0285783179012342}, cs.antiderivative(1));
    }

    @Test
    void smallNSpecialCasesAsScipy() {
        // CubicSpline([0, 1, 3], [1, 2, 0])(Q): the parabola through the points
        assertAgrees(new double[] {-3.885780586188048e-16, 1.44, 1.9066666666666667, 0.22666666666666657,
            -3.000000000000001, -10.000000000000002, -16.333333333333336},
                new CubicSpline(new double[] {0, 1, 3}, new double[] {1, 2, 0}));
        assertEquals(0.0, new CubicSpline(new double[] {0, 1, 3}, new double[] {1, 2, 0}).derivative(3).value(1.5),
                TIGHT);
        // CubicSpline([0, 2], [1, 2])(Q): the straight line
        assertAgrees(new double[] {0.75, 1.15, 1.85, 2.45, 3.0, 3.75, 4.25},
                new CubicSpline(new double[] {0, 2}, new double[] {1, 2}));
        // CubicSpline([0, 1, 3], [1, 2, 1], bc_type='periodic')(Q)
        assertAgrees(new double[] {1.0625, 1.258, 1.7865000000000002, 0.9644999999999997, 2.0, 1.0625, 1.5},
                new CubicSpline(new double[] {0, 1, 3}, new double[] {1, 2, 1}, BoundaryCondition.periodic()));
        // n = 2 periodic: a constant.
        CubicSpline constant = new CubicSpline(new double[] {0, 2}, new double[] {3, 3}, BoundaryCondition.periodic());
        assertEquals(3.0, constant.value(0.7));
        assertEquals(OutOfRange.periodic(), constant.outOfRange());
        // n = 2 with a not-a-knot end and a derivative end.
        CubicSpline mixed = new CubicSpline(new double[] {0, 1}, new double[] {0, 1}, BoundaryCondition.notAKnot(),
                BoundaryCondition.firstDerivative(3.0));
        assertEquals(1.0, mixed.derivative(1).value(0.0), TIGHT);
        assertEquals(3.0, mixed.derivative(1).value(1.0), TIGHT);
    }

    @Test
    void boundaryConditionsHold() {
        Random r = new Random(3);
        double[] x = CubicTestSupport.randomAbscissae(r, 25);
        double[] y = CubicTestSupport.randomValues(r, 25);
        double a = x[0];
        double b = x[24];
        CubicSpline clamped = new CubicSpline(x, y, BoundaryCondition.clamped());
        assertEquals(0.0, clamped.derivative(1).value(a), TIGHT);
        assertEquals(0.0, clamped.derivative(1).value(b), TIGHT);
        CubicSpline natural = new CubicSpline(x, y, BoundaryCondition.natural());
        assertEquals(0.0, natural.derivative(2).value(a), TIGHT);
        assertEquals(0.0, natural.derivative(2).value(b), 1e-10);
        CubicSpline mixed = new CubicSpline(x, y, BoundaryCondition.secondDerivative(1.5),
                BoundaryCondition.firstDerivative(-0.75));
        assertEquals(1.5, mixed.derivative(2).value(a), TIGHT);
        assertEquals(-0.75, mixed.derivative(1).value(b), TIGHT);
        assertEquals(BoundaryCondition.secondDerivative(1.5), mixed.leftCondition());
        assertEquals(BoundaryCondition.firstDerivative(-0.75), mixed.rightCondition());
        // Not-a-knot: the third derivative is continuous at x[1] and x[n-2].
        PPoly nak = new CubicSpline(x, y).toPPoly();
        for (int knot : new int[] {1, 23}) {
            double left = CubicTestSupport.pieceDerivative(nak, knot - 1, x[knot] - x[knot - 1], 3);
            double right = CubicTestSupport.pieceDerivative(nak, knot, 0, 3);
            assertEquals(right, left, 1e-8 * (1 + Math.abs(right)));
        }
        // Periodic: value, first and second derivatives match at both ends.
        y[24] = y[0];
        CubicSpline periodic = new CubicSpline(x, y, BoundaryCondition.periodic());
        PPoly p = periodic.toPPoly();
        for (int d = 0; d <= 2; d++) {
            double start = CubicTestSupport.pieceDerivative(p, 0, 0, d);
            double end = CubicTestSupport.pieceDerivative(p, 23, b - x[23], d);
            assertEquals(start, end, 1e-9 * (1 + Math.abs(start)), "derivative " + d);
        }
    }

    @Test
    void reproducesCubicsWithNotAKnotAndExactDerivatives() {
        double[] x = {-1.0, -0.3, 0.4, 1.0, 2.2, 3.0};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = cubic(x[i]);
        }
        CubicSpline nak = new CubicSpline(x, y);
        CubicSpline exact = new CubicSpline(x, y, BoundaryCondition.firstDerivative(cubicPrime(-1.0)),
                BoundaryCondition.firstDerivative(cubicPrime(3.0)));
        for (double t : CubicTestSupport.grid(-1.0, 3.0, 0.5, 101)) {
            assertEquals(cubic(t), nak.value(t), TIGHT * 100);
            assertEquals(cubic(t), exact.value(t), TIGHT * 100);
        }
    }

    private static double cubic(double t) {
        return ((0.5 * t - 1.0) * t + 2.0) * t - 3.0;
    }

    private static double cubicPrime(double t) {
        return (1.5 * t - 2.0) * t + 2.0;
    }

    @Test
    void periodicChecks() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CubicSpline(new double[] {0, 1, 2}, new double[] {1, 2, 1.5}, BoundaryCondition.periodic()));
        assertTrue(e.getMessage().contains("y[0] = 1.0, y[2] = 1.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new CubicSpline(new double[] {0, 1, 2},
                new double[] {1, 2, 1}, BoundaryCondition.periodic(), BoundaryCondition.natural()));
        assertTrue(e.getMessage().contains("both ends"), e.getMessage());
        // scipy's tolerance: |y0 - y[-1]| <= 1e-15 + 1e-15 |y[-1]| is accepted.
        new CubicSpline(new double[] {0, 1, 2}, new double[] {1, 2, 1 + 1e-15}, BoundaryCondition.periodic());
        e = assertThrows(IllegalArgumentException.class, () -> CubicSpline.ofColumns(new double[] {0, 1, 2},
                new double[][] {{1, 0}, {2, 1}, {1, 0.5}}, BoundaryCondition.periodic(), BoundaryCondition.periodic()));
        assertTrue(e.getMessage().contains("y[0][1] = 0.0, y[2][1] = 0.5"), e.getMessage());
        assertThrows(NullPointerException.class, () -> new CubicSpline(new double[] {0, 1}, new double[] {0, 1}, null));
    }

    @Test
    void periodicSplineWrapsAndIntegratesOverPeriods() {
        int n = 9;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 2 * Math.PI * i / (n - 1);
            y[i] = Math.sin(x[i]);
        }
        y[n - 1] = y[0];
        CubicSpline s = new CubicSpline(x, y, BoundaryCondition.periodic());
        assertEquals(s.value(1.0), s.value(1.0 + 4 * Math.PI), TIGHT);
        double period = s.integrate(0, 2 * Math.PI);
        assertEquals(3 * period + s.integrate(0.5, 1.5), s.integrate(0.5, 1.5 + 6 * Math.PI), TIGHT);
        assertEquals(-s.integrate(-2.0, 9.0), s.integrate(9.0, -2.0), TIGHT);
        // Antiderivatives of periodic splines are not periodic: scipy switches to extrapolate=False.
        assertEquals(OutOfRange.nan(), s.antiderivative(1).outOfRange());
        assertEquals(OutOfRange.periodic(), s.derivative(1).outOfRange());
    }

    @Test
    void columnsShareOneFit() {
        double[] x = {0, 1, 2, 3.5, 4};
        double[][] y = {{0, 1}, {1, 0}, {0, -1}, {2, 0}, {1, 1}};
        VectorInterpolant1D v = CubicSpline.ofColumns(x, y);
        double[] out = new double[2];
        v.value(2.7, out);
        assertEquals(new CubicSpline(x, new double[] {0, 1, 0, 2, 1}).value(2.7), out[0]);
        assertEquals(new CubicSpline(x, new double[] {1, 0, -1, 0, 1}).value(2.7), out[1]);
        assertEquals(0.0, v.lowerBound());
        assertEquals(4.0, v.upperBound());
    }
}
