package io.github.interp4j.interpolate.scipy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.interp4j.interpolate.BSpline;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link BSpline} from knots and coefficients against {@code scipy.interpolate.BSpline(t, c, k,
 * extrapolate=...)} for k = 0..5, clamped and open knot vectors, double interior knots, extrapolation,
 * NaN outside and periodic: values, derivatives, antiderivative and integrals.
 */
class BSplineAgreementTest {

    static Stream<ScipyFixture> fixtures() {
        return ScipyFixture.family("bspline");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void agreesWithScipy(ScipyFixture f) {
        double[] t = f.doubles("t");
        double[] c = f.doubles("c");
        int k = (int) f.number("k");
        BSpline fitted = new BSpline(t, c, k);
        assertEquals(f.defaultOor(), fitted.outOfRange(), () -> f.name() + ": default out-of-range mode");
        BSpline b = fitted.withOutOfRange(f.oor());
        Agreement.checkAll(f, t, t[k], t[c.length], b, () -> b.antiderivative(1), b::integrate, null, null);
    }
}
