package io.github.interp4j.interpolate.scipy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.interp4j.interpolate.CubicHermiteSpline;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link CubicHermiteSpline} against {@code scipy.interpolate.CubicHermiteSpline(x, y, dydx)}: values,
 * derivatives, antiderivative, integrals, roots and solve.
 */
class CubicHermiteSplineAgreementTest {

    static Stream<ScipyFixture> fixtures() {
        return ScipyFixture.family("hermite");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void agreesWithScipy(ScipyFixture f) {
        double[] x = f.doubles("x");
        CubicHermiteSpline fitted = new CubicHermiteSpline(x, f.doubles("y"), f.doubles("dydx"));
        assertEquals(f.defaultOor(), fitted.outOfRange(), () -> f.name() + ": default out-of-range mode");
        CubicHermiteSpline s = fitted.withOutOfRange(f.oor());
        Agreement.checkAll(f, x, x[0], x[x.length - 1], s, () -> s.antiderivative(1), s::integrate, s::roots,
                s::solve);
    }
}
