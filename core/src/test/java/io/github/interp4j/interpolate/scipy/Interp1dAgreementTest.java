package io.github.interp4j.interpolate.scipy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.interp4j.interpolate.Interp1d;
import io.github.interp4j.interpolate.OutOfRange;
import io.github.interp4j.interpolate.OutOfRangeException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Interp1d} against {@code scipy.interpolate.interp1d(x, y, kind=...)} for every kind (linear,
 * nearest, nearest-up, previous, next, zero, slinear, quadratic, cubic) with sorted, unsorted and
 * duplicate abscissae, and the out-of-range modes extrapolate, NaN, raise (scipy's default) and fill;
 * plus the inputs scipy rejects (duplicates for the spline kinds).
 */
class Interp1dAgreementTest {

    static Stream<ScipyFixture> fixtures() {
        return ScipyFixture.family("interp1d");
    }

    static Interp1d.Kind kind(String scipyKind) {
        return Interp1d.Kind.valueOf(scipyKind.replace('-', '_').toUpperCase(Locale.ROOT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void agreesWithScipy(ScipyFixture f) {
        double[] x = f.doubles("x");
        double[] y = f.doubles("y");
        Interp1d.Kind kind = kind(f.get("kind"));
        boolean sorted = Boolean.parseBoolean(f.get("assume_sorted"));
        if (f.expectsError()) {
            assertThrows(IllegalArgumentException.class, () -> new Interp1d(x, y, kind, sorted),
                    () -> f.name() + ": scipy raises " + f.get("expect_error"));
            return;
        }
        Interp1d fitted = new Interp1d(x, y, kind, sorted);
        assertEquals(f.defaultOor(), fitted.outOfRange(), () -> f.name() + ": default out-of-range mode");
        OutOfRange mode = f.oor();
        Interp1d p = fitted.withOutOfRange(mode);
        double lo = Arrays.stream(x).min().getAsDouble();
        double hi = Arrays.stream(x).max().getAsDouble();
        Agreement a = new Agreement(f, x, lo, hi);
        double[] q = f.doubles("query");
        double[] actual = new double[q.length];
        for (int i = 0; i < q.length; i++) {
            double qi = q[i];
            boolean outside = qi < lo || qi > hi;
            if (mode.kind() == OutOfRange.Kind.RAISE && outside) {
                try {
                    double v = p.value(qi);
                    a.record("raise mode: q = " + qi + " outside [" + lo + ", " + hi + "] gave " + v
                            + " instead of OutOfRangeException (scipy raises ValueError)");
                } catch (OutOfRangeException expected) {
                    // as scipy's bounds_error=True
                }
                actual[i] = Double.NaN;   // the fixture holds NaN for these queries
                continue;
            }
            try {
                actual[i] = p.value(qi);
            } catch (RuntimeException e) {
                a.record("value at q = " + qi + ": interp4j threw " + e);
                actual[i] = Double.NaN;
            }
        }
        a.pointwise("value", actual);
        if (mode.kind() != OutOfRange.Kind.RAISE) {
            a.guard("values (batch)", () -> {
                double[] batch = p.values(q);
                for (int i = 0; i < q.length; i++) {
                    if (Double.doubleToLongBits(batch[i]) != Double.doubleToLongBits(actual[i])) {
                        a.record("values(q)[" + i + "] = " + batch[i] + " differs from value(" + q[i] + ") = "
                                + actual[i]);
                    }
                }
            });
        }
        a.check();
    }
}
