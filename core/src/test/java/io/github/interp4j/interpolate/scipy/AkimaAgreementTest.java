package io.github.interp4j.interpolate.scipy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.interp4j.interpolate.Akima1DInterpolator;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Akima1DInterpolator} (both {@code akima} and {@code makima}) against
 * {@code scipy.interpolate.Akima1DInterpolator(x, y, method=...)}, in scipy's default NaN-outside mode and
 * extrapolating: values, derivatives, antiderivative, integrals, roots and solve.
 */
class AkimaAgreementTest {

    static Stream<ScipyFixture> fixtures() {
        return ScipyFixture.family("akima");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void agreesWithScipy(ScipyFixture f) {
        double[] x = f.doubles("x");
        Akima1DInterpolator.Method method = "makima".equals(f.get("akima_method"))
                ? Akima1DInterpolator.Method.MAKIMA : Akima1DInterpolator.Method.AKIMA;
        Akima1DInterpolator fitted = new Akima1DInterpolator(x, f.doubles("y"), method);
        assertEquals(f.defaultOor(), fitted.outOfRange(), () -> f.name() + ": default out-of-range mode");
        Akima1DInterpolator p = fitted.withOutOfRange(f.oor());
        Agreement.checkAll(f, x, x[0], x[x.length - 1], p, () -> p.antiderivative(1), p::integrate, p::roots,
                p::solve);
    }
}
