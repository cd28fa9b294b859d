package io.github.interp4j.interpolate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.interp4j.interpolate.internal.validation.Validation;
import org.junit.jupiter.api.Test;

/** The messages of the shared 1-D data checks. */
class ValidationTest {

    @Test
    void messagesNameTheOffendingElement() {
        assertEquals("y must not be null",
                assertThrows(NullPointerException.class, () -> Validation.requireNonNull(null, "y")).getMessage());
        assertEquals("x and y must have the same length: x.length = 5, y.length = 4",
                assertThrows(IllegalArgumentException.class,
                        () -> Validation.requireSameLength("x", 5, "y", 4)).getMessage());
        assertEquals("CubicSpline needs at least 2 points, got 1",
                assertThrows(IllegalArgumentException.class,
                        () -> Validation.requireMinPoints("CubicSpline", 1, 2)).getMessage());
        double[] y = new double[20];
        y[17] = Double.NaN;
        assertEquals("y[17] = NaN is not finite",
                assertThrows(IllegalArgumentException.class, () -> Validation.requireFinite("y", y)).getMessage());
        assertEquals("x must be strictly increasing: x[4] = 2.0 <= x[3] = 2.0",
                assertThrows(IllegalArgumentException.class,
                        () -> Validation.requireStrictlyIncreasing("x", new double[] {-1, 0, 1, 2, 2, 3}))
                        .getMessage());
        assertEquals("t must be non-decreasing: t[2] = 0.5 < t[1] = 1.0",
                assertThrows(IllegalArgumentException.class,
                        () -> Validation.requireNonDecreasing("t", new double[] {0, 1, 0.5})).getMessage());
        double[][] rows = {{1, 2}, {3, Double.NEGATIVE_INFINITY}};
        assertEquals("y[1][1] = -Infinity is not finite",
                assertThrows(IllegalArgumentException.class,
                        () -> Validation.requireFiniteRows("y", rows, 2)).getMessage());
        assertEquals("y must be rectangular: y[1].length = 1, expected 2",
                assertThrows(IllegalArgumentException.class,
                        () -> Validation.requireFiniteRows("y", new double[][] {{1, 2}, {3}}, 2)).getMessage());
    }

    @Test
    void sizeCheckUsesLongArithmetic() {
        assertEquals(12, Validation.checkedSize("c", 3, 4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Validation.checkedSize("CubicSpline coefficients", 4, 1_000_000_000L));
        assertEquals(true, e.getMessage().startsWith("CubicSpline coefficients too large: 4 * 1000000000 = 4000000000"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Validation.checkedSize("c", Long.MAX_VALUE, 3));
    }

    @Test
    void checkXyRunsInScipyOrder() {
        // Non-finite x is reported before a non-finite y and before the ordering.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Validation.checkXY("M", new double[] {3, 2, Double.NaN}, new double[] {Double.NaN, 0, 0}, 2));
        assertEquals("x[2] = NaN is not finite", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Validation.checkXY("M", new double[] {3, 2, 1}, new double[] {0, Double.NaN, 0}, 2));
        assertEquals("y[1] = NaN is not finite", e.getMessage());
    }
}
