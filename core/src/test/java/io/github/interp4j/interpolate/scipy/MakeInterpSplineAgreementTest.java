package io.github.interp4j.interpolate.scipy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.interp4j.interpolate.BSpline;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link BSpline#makeInterpSpline(double[], double[], int, io.github.interp4j.interpolate.BoundaryCondition,
 * io.github.interp4j.interpolate.BoundaryCondition)} against {@code scipy.interpolate.make_interp_spline(x, y,
 * k, bc_type=...)} for k = 0..5 (not-a-knot) and, for k = 3, natural, clamped, periodic and explicit/mixed
 * derivative conditions: values, derivatives, antiderivative, integrals, the default out-of-range mode, and
 * the degenerate inputs scipy rejects.
 */
class MakeInterpSplineAgreementTest {

    static Stream<ScipyFixture> fixtures() {
        return ScipyFixture.family("make_interp_spline");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void agreesWithScipy(ScipyFixture f) {
        double[] x = f.doubles("x");
        double[] y = f.doubles("y");
        int k = (int) f.number("k");
        if (f.expectsError()) {
            assertThrows(IllegalArgumentException.class,
                    () -> BSpline.makeInterpSpline(x, y, k, f.bcLeft(), f.bcRight()),
                    () -> f.name() + ": scipy raises " + f.get("expect_error"));
            return;
        }
        BSpline fitted = BSpline.makeInterpSpline(x, y, k, f.bcLeft(), f.bcRight());
        assertEquals(f.defaultOor(), fitted.outOfRange(), () -> f.name() + ": default out-of-range mode");
        BSpline b = fitted.withOutOfRange(f.oor());
        Agreement.checkAll(f, x, x[0], x[x.length - 1], b, () -> b.antiderivative(1), b::integrate, null, null);
    }
}
