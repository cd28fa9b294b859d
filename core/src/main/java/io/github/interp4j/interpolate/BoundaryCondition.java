package io.github.interp4j.interpolate;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;

/**
 * A boundary condition at one end of an interpolating spline, as scipy's {@code bc_type}
 * ({@link CubicSpline}, {@code make_interp_spline}).
 *
 * <ul>
 *   <li>{@link #notAKnot()}: the first two (last two) pieces are one polynomial (scipy {@code 'not-a-knot'});</li>
 *   <li>{@link #natural()}: second derivative 0 at the end (scipy {@code 'natural'}, same as
 *       {@code secondDerivative(0)});</li>
 *   <li>{@link #clamped()}: first derivative 0 at the end (scipy {@code 'clamped'}, same as
 *       {@code firstDerivative(0)});</li>
 *   <li>{@link #firstDerivative(double)}, {@link #secondDerivative(double)}: scipy's
 *       {@code (1, value)} and {@code (2, value)};</li>
 *   <li>{@link #periodic()}: periodic conditions (scipy {@code 'periodic'}); must be used at both ends.</li>
 * </ul>
 *
 * <p>{@code natural()} and {@code secondDerivative(0.0)} are equal (kind {@link Kind#SECOND_DERIVATIVE}),
 * as are {@code clamped()} and {@code firstDerivative(0.0)}, because scipy treats them identically.
 *
 * <p>Thread-safety: immutable.
 */
public final class BoundaryCondition implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The kinds of boundary condition. */
    public enum Kind {
        /** The two end pieces form one polynomial (third derivative continuous at the second knot). */
        NOT_A_KNOT,
        /** Periodic: value, first and second derivatives equal at both ends. */
        PERIODIC,
        /** A prescribed first derivative at the end. */
        FIRST_DERIVATIVE,
        /** A prescribed second derivative at the end. */
        SECOND_DERIVATIVE
    }

    private static final BoundaryCondition NOT_A_KNOT = new BoundaryCondition(Kind.NOT_A_KNOT, 0.0);
    private static final BoundaryCondition PERIODIC = new BoundaryCondition(Kind.PERIODIC, 0.0);
    private static final BoundaryCondition CLAMPED = new BoundaryCondition(Kind.FIRST_DERIVATIVE, 0.0);
    private static final BoundaryCondition NATURAL = new BoundaryCondition(Kind.SECOND_DERIVATIVE, 0.0);

    /** @serial the kind of condition */
    private final Kind kind;
    /** @serial the derivative value (0 for the kinds without one) */
    private final double value;

    private BoundaryCondition(Kind kind, double value) {
        this.kind = kind;
        this.value = value;
    }

    /** @return the not-a-knot condition (scipy's default) */
    public static BoundaryCondition notAKnot() {
        return NOT_A_KNOT;
    }

    /** @return second derivative 0 at the end (scipy {@code 'natural'}) */
    public static BoundaryCondition natural() {
        return NATURAL;
    }

    /** @return first derivative 0 at the end (scipy {@code 'clamped'}) */
    public static BoundaryCondition clamped() {
        return CLAMPED;
    }

    /** @return the periodic condition; only valid at both ends together */
    public static BoundaryCondition periodic() {
        return PERIODIC;
    }

    /**
     * @param v the first derivative at the end (scipy {@code (1, v)})
     * @return the condition
     * @throws IllegalArgumentException if {@code v} is not finite
     */
    public static BoundaryCondition firstDerivative(double v) {
        return derivative(1, v);
    }

    /**
     * @param v the second derivative at the end (scipy {@code (2, v)})
     * @return the condition
     * @throws IllegalArgumentException if {@code v} is not finite
     */
    public static BoundaryCondition secondDerivative(double v) {
        return derivative(2, v);
    }

    /**
     * A prescribed derivative, as scipy's {@code (order, value)} tuple.
     *
     * @param order the derivative order, 1 or 2
     * @param v     the derivative value
     * @return the condition
     * @throws IllegalArgumentException if {@code order} is not 1 or 2, or {@code v} is not finite
     */
    public static BoundaryCondition derivative(int order, double v) {
        if (order != 1 && order != 2) {
            throw new IllegalArgumentException("The specified derivative order must be 1 or 2, was " + order);
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("derivative value must be finite, was " + v);
        }
        Kind k = order == 1 ? Kind.FIRST_DERIVATIVE : Kind.SECOND_DERIVATIVE;
        if (Double.doubleToRawLongBits(v) == 0L) {
            return order == 1 ? CLAMPED : NATURAL;
        }
        return new BoundaryCondition(k, v);
    }

    /** @return the kind of condition */
    public Kind kind() {
        return kind;
    }

    /** @return 1 or 2 for the derivative kinds, 0 for {@link Kind#NOT_A_KNOT} and {@link Kind#PERIODIC} */
    public int order() {
        switch (kind) {
            case FIRST_DERIVATIVE:
                return 1;
            case SECOND_DERIVATIVE:
                return 2;
            default:
                return 0;
        }
    }

    /** @return the prescribed derivative value; 0.0 for {@link Kind#NOT_A_KNOT} and {@link Kind#PERIODIC} */
    public double value() {
        return value;
    }

    /** @return true for {@link Kind#FIRST_DERIVATIVE} and {@link Kind#SECOND_DERIVATIVE} */
    public boolean isDerivative() {
        return kind == Kind.FIRST_DERIVATIVE || kind == Kind.SECOND_DERIVATIVE;
    }

    /**
     * Reads and validates the fields.
     *
     * @param in the stream
     * @throws java.io.IOException    if the data are invalid or cannot be read
     * @throws ClassNotFoundException if a class of the stream is missing
     */
    private void readObject(ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (kind == null) {
            throw new InvalidObjectException("missing kind");
        }
        if (!Double.isFinite(value)) {
            throw new InvalidObjectException("derivative value must be finite, was " + value);
        }
        if (!isDerivative() && value != 0.0) {
            throw new InvalidObjectException(kind + " carries no value, got " + value);
        }
    }

    /** @return the canonical instance */
    private Object readResolve() {
        switch (kind) {
            case NOT_A_KNOT:
                return NOT_A_KNOT;
            case PERIODIC:
                return PERIODIC;
            default:
                return derivative(order(), value);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof BoundaryCondition)) {
            return false;
        }
        BoundaryCondition b = (BoundaryCondition) o;
        return kind == b.kind && Double.compare(value, b.value) == 0;
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Double.hashCode(value);
    }

    @Override
    public String toString() {
        switch (kind) {
            case NOT_A_KNOT:
                return "not-a-knot";
            case PERIODIC:
                return "periodic";
            default:
                return "(" + order() + ", " + value + ")";
        }
    }
}
