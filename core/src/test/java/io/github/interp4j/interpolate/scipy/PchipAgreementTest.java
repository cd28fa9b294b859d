package io.github.interp4j.interpolate.scipy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.interp4j.interpolate.PchipInterpolator;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link PchipInterpolator} against {@code scipy.interpolate.PchipInterpolator(x, y)} (including plateaus
 * and monotone data): values, derivatives, antiderivative, integrals, roots and solve.
 */
class PchipAgreementTest {

    static Stream<ScipyFixture> fixtures() {
        return ScipyFixture.family("pchip");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void agreesWithScipy(ScipyFixture f) {
        double[] x = f.doubles("x");
        PchipInterpolator fitted = new PchipInterpolator(x, f.doubles("y"));
        assertEquals(f.defaultOor(), fitted.outOfRange(), () -> f.name() + ": default out-of-range mode");
        PchipInterpolator p = fitted.withOutOfRange(f.oor());
        Agreement.checkAll(f, x, x[0], x[x.length - 1], p, () -> p.antiderivative(1), p::integrate, p::roots,
                p::solve);
    }
}
