package io.github.interp4j.interpolate.scipy;

import io.github.interp4j.interpolate.PPoly;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link PPoly} against {@code scipy.interpolate.PPoly(c, x, extrapolate=...)}: values, first and second
 * derivatives, antiderivative, integrals, roots and solve, with {@link Agreement}'s tolerances.
 */
class PPolyAgreementTest {

    static Stream<ScipyFixture> fixtures() {
        return ScipyFixture.family("ppoly");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void agreesWithScipy(ScipyFixture f) {
        double[] x = f.doubles("x");
        List<double[]> rows = f.rows("coef");
        PPoly p = new PPoly(rows.toArray(new double[0][]), x, f.oor());
        Agreement.checkAll(f, x, x[0], x[x.length - 1], p, () -> p.antiderivative(1), p::integrate, p::roots,
                p::solve);
    }
}
