package io.github.interp4j.interpolate;

import java.io.Serializable;
import java.util.Locale;

/**
 * How an interpolant answers a query outside its data range {@code [a, b]}.
 *
 * <ul>
 *   <li>{@link #extrapolate()}: continue the first / last piece (scipy {@code extrapolate=True});</li>
 *   <li>{@link #nan()}: NaN (scipy {@code extrapolate=False});</li>
 *   <li>{@link #raise()}: throw {@link OutOfRangeException} naming the value and the range
 *       (scipy {@code interp1d}'s {@code bounds_error=True});</li>
 *   <li>{@link #clamp()}: the value at the nearer end, {@code f(min(max(x, a), b))};</li>
 *   <li>{@link #fill(double, double)}: a constant below and another above (scipy's
 *       {@code fill_value=(below, above)});</li>
 *   <li>{@link #periodic()}: {@code f(a + ((x - a) mod (b - a)))} (scipy {@code extrapolate='periodic'}).</li>
 * </ul>
 * A NaN query always gives NaN, whatever the mode.
 *
 * <p>Thread-safety: immutable.
 */
public final class OutOfRange implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The kinds of mode. */
    public enum Kind {
        /** Continue the end pieces. */
        EXTRAPOLATE,
        /** Answer NaN. */
        NAN,
        /** Throw {@link OutOfRangeException}. */
        RAISE,
        /** Use the value at the nearer end. */
        CLAMP,
        /** A constant per side. */
        FILL,
        /** Wrap into the range with period {@code b - a}. */
        PERIODIC
    }

    private static final OutOfRange EXTRAPOLATE = new OutOfRange(Kind.EXTRAPOLATE, Double.NaN, Double.NaN);
    private static final OutOfRange NAN = new OutOfRange(Kind.NAN, Double.NaN, Double.NaN);
    private static final OutOfRange RAISE = new OutOfRange(Kind.RAISE, Double.NaN, Double.NaN);
    private static final OutOfRange CLAMP = new OutOfRange(Kind.CLAMP, Double.NaN, Double.NaN);
    private static final OutOfRange PERIODIC = new OutOfRange(Kind.PERIODIC, Double.NaN, Double.NaN);

    /** @serial the kind of mode */
    private final Kind kind;
    /** @serial the fill value below the range (NaN unless FILL) */
    private final double below;
    /** @serial the fill value above the range (NaN unless FILL) */
    private final double above;

    private OutOfRange(Kind kind, double below, double above) {
        this.kind = kind;
        this.below = below;
        this.above = above;
    }

    /** @return the mode that continues the end pieces */
    public static OutOfRange extrapolate() {
        return EXTRAPOLATE;
    }

    /** @return the mode that answers NaN */
    public static OutOfRange nan() {
        return NAN;
    }

    /** @return the mode that throws {@link OutOfRangeException} */
    public static OutOfRange raise() {
        return RAISE;
    }

    /** @return the mode that answers the value at the nearer end */
    public static OutOfRange clamp() {
        return CLAMP;
    }

    /** @return the mode that wraps queries into the range periodically */
    public static OutOfRange periodic() {
        return PERIODIC;
    }

    /**
     * @param below the answer for {@code x < a} (any value, NaN allowed)
     * @param above the answer for {@code x > b} (any value, NaN allowed)
     * @return the mode answering a constant per side
     */
    public static OutOfRange fill(double below, double above) {
        return new OutOfRange(Kind.FILL, below, above);
    }

    /**
     * @param value the answer on both sides
     * @return the mode answering one constant outside the range
     */
    public static OutOfRange fill(double value) {
        return fill(value, value);
    }

    /** @return the kind of this mode */
    public Kind kind() {
        return kind;
    }

    /** @return the fill value below the range (NaN unless {@link Kind#FILL}) */
    public double below() {
        return below;
    }

    /** @return the fill value above the range (NaN unless {@link Kind#FILL}) */
    public double above() {
        return above;
    }

    /**
     * Keeps the shared constants unique and re-checks the kind.
     *
     * @return the canonical instance
     */
    private Object readResolve() {
        if (kind == null) {
            throw new IllegalStateException("missing kind");
        }
        switch (kind) {
            case EXTRAPOLATE:
                return EXTRAPOLATE;
            case NAN:
                return NAN;
            case RAISE:
                return RAISE;
            case CLAMP:
                return CLAMP;
            case PERIODIC:
                return PERIODIC;
            default:
                return fill(below, above);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof OutOfRange)) {
            return false;
        }
        OutOfRange m = (OutOfRange) o;
        return kind == m.kind && Double.compare(below, m.below) == 0 && Double.compare(above, m.above) == 0;
    }

    @Override
    public int hashCode() {
        return (kind.hashCode() * 31 + Double.hashCode(below)) * 31 + Double.hashCode(above);
    }

    @Override
    public String toString() {
        return kind == Kind.FILL ? "fill(" + below + ", " + above + ")" : kind.name().toLowerCase(Locale.ROOT);
    }
}
