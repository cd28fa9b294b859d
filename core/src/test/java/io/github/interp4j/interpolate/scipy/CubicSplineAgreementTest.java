package io.github.interp4j.interpolate.scipy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.interp4j.interpolate.CubicSpline;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link CubicSpline} against {@code scipy.interpolate.CubicSpline(x, y, bc_type=...)} for every boundary
 * condition (not-a-knot, natural, clamped, periodic, explicit first/second derivatives, mixed sides):
 * values, derivatives, antiderivative, integrals, roots, solve, the default out-of-range mode, and the
 * inputs scipy rejects.
 */
class CubicSplineAgreementTest {

    static Stream<ScipyFixture> fixtures() {
        return ScipyFixture.family("cubic_spline");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void agreesWithScipy(ScipyFixture f) {
        double[] x = f.doubles("x");
        double[] y = f.doubles("y");
        if (f.expectsError()) {
            assertThrows(IllegalArgumentException.class, () -> new CubicSpline(x, y, f.bcLeft(), f.bcRight()),
                    () -> f.name() + ": scipy raises " + f.get("expect_error"));
            return;
        }
        CubicSpline fitted = new CubicSpline(x, y, f.bcLeft(), f.bcRight());
        assertEquals(f.defaultOor(), fitted.outOfRange(), () -> f.name() + ": default out-of-range mode");
        CubicSpline s = fitted.withOutOfRange(f.oor());
        Agreement.checkAll(f, x, x[0], x[x.length - 1], s, () -> s.antiderivative(1), s::integrate, s::roots,
                s::solve);
    }
}
