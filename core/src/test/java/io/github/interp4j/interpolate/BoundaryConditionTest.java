package io.github.interp4j.interpolate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BoundaryConditionTest {

    @Test
    void factoriesAndAccessors() {
        assertEquals(BoundaryCondition.Kind.NOT_A_KNOT, BoundaryCondition.notAKnot().kind());
        assertEquals(0, BoundaryCondition.notAKnot().order());
        assertEquals(BoundaryCondition.Kind.PERIODIC, BoundaryCondition.periodic().kind());
        assertFalse(BoundaryCondition.periodic().isDerivative());

        BoundaryCondition natural = BoundaryCondition.natural();
        assertEquals(BoundaryCondition.Kind.SECOND_DERIVATIVE, natural.kind());
        assertEquals(2, natural.order());
        assertEquals(0.0, natural.value());
        assertEquals(natural, BoundaryCondition.secondDerivative(0.0));

        BoundaryCondition clamped = BoundaryCondition.clamped();
        assertEquals(BoundaryCondition.Kind.FIRST_DERIVATIVE, clamped.kind());
        assertEquals(1, clamped.order());
        assertEquals(clamped, BoundaryCondition.firstDerivative(0.0));

        BoundaryCondition d1 = BoundaryCondition.firstDerivative(2.5);
        assertEquals(1, d1.order());
        assertEquals(2.5, d1.value());
        assertTrue(d1.isDerivative());
        assertEquals(BoundaryCondition.derivative(2, -1.0), BoundaryCondition.secondDerivative(-1.0));
        assertEquals("(1, 2.5)", d1.toString());
        assertEquals("not-a-knot", BoundaryCondition.notAKnot().toString());
    }

    @Test
    void rejectsBadArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BoundaryCondition.derivative(3, 0.0));
        assertTrue(e.getMessage().contains("1 or 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BoundaryCondition.firstDerivative(Double.NaN));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BoundaryCondition.secondDerivative(Double.POSITIVE_INFINITY));
    }

    @Test
    void serialisationKeepsSingletonsAndValidates() throws Exception {
        assertSame(BoundaryCondition.natural(),
                CubicTestSupport.deserialize(CubicTestSupport.serialize(BoundaryCondition.natural())));
        assertSame(BoundaryCondition.periodic(),
                CubicTestSupport.deserialize(CubicTestSupport.serialize(BoundaryCondition.periodic())));
        BoundaryCondition d = BoundaryCondition.firstDerivative(0.123456789);
        assertEquals(d, CubicTestSupport.deserialize(CubicTestSupport.serialize(d)));
        byte[] tampered = CubicTestSupport.replaceDouble(CubicTestSupport.serialize(d), 0.123456789, Double.NaN);
        assertThrows(java.io.InvalidObjectException.class, () -> CubicTestSupport.deserialize(tampered));
    }
}
