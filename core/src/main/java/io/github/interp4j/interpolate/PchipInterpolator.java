package io.github.interp4j.interpolate;

import io.github.interp4j.interpolate.internal.poly.PchipSlopes;
import io.github.interp4j.interpolate.internal.validation.SerialProxies;
import io.github.interp4j.interpolate.internal.validation.Validation;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.util.Objects;

/**
 * PCHIP, the shape-preserving piecewise cubic Hermite interpolant (C1), exactly scipy's
 * {@code scipy.interpolate.PchipInterpolator(x, y)}: monotone data give a monotone interpolant and
 * there is no overshoot.
 *
 * <p>Slopes (Fritsch and Butland): with {@code h[k] = x[k+1] - x[k]} and secants {@code d[k]}, an interior
 * slope is 0 when {@code d[k-1]} and {@code d[k]} differ in sign or either is 0, and otherwise the weighted
 * harmonic mean {@code (w1 + w2) / (w1 / d[k-1] + w2 / d[k])} with {@code w1 = 2 h[k] + h[k-1]},
 * {@code w2 = h[k] + 2 h[k-1]}. End slopes use scipy's one-sided three-point formula
 * {@code ((2 h0 + h1) d0 - h0 d1) / (h0 + h1)}, set to 0 when its sign differs from {@code d0}'s, and to
 * {@code 3 d0} when {@code d0} and {@code d1} differ in sign and it exceeds {@code 3 |d0|}. With two points
 * the interpolant is the straight line.
 *
 * <p>Out-of-range default: {@link OutOfRange#extrapolate()} (as scipy).
 *
 * <p>Several value columns ({@code double[][] y} of shape {@code (n, m)}) give a
 * {@code PchipInterpolator} with {@link #columns()} = m, each column's slopes computed as for one column.
 *
 * <p>Thread-safety: immutable (inputs are copied); share freely. Serialisation stores {@code x, y} (one
 * column or the rows of several) and the mode; deserialisation re-runs the validating constructor.
 */
public final class PchipInterpolator extends PiecewiseCubicInterpolant {
    private static final long serialVersionUID = 1L;
    private static final String NAME = "PchipInterpolator";

    private final transient double[] x;
    private final transient double[] y;

    /**
     * Fits PCHIP. O(n) time, one pass for the slopes and one for the coefficients.
     *
     * @param x abscissae, finite, strictly increasing, at least 2 (copied)
     * @param y values, finite, same length (copied)
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the lengths differ, there are fewer than 2 points, a value is not
     *                                  finite or {@code x} is not strictly increasing (messages name the
     *                                  offending index and value)
     */
    public PchipInterpolator(double[] x, double[] y) {
        this(checked(x, y), y.clone(), 1);
    }

    /**
     * Fits PCHIP to several value columns at once (scipy's {@code y} of shape {@code (n, m)}). The result has
     * {@link #columns()} = m; column {@code j} equals, bit for bit, the fit of that column alone. O(n m).
     *
     * @param x abscissae, finite, strictly increasing, at least 2 (copied)
     * @param y {@code n} rows of equal length {@code m >= 1}, finite (copied)
     * @return the interpolant with {@code y[0].length} value columns
     * @throws NullPointerException     if an argument or a row is null
     * @throws IllegalArgumentException as {@link #PchipInterpolator(double[], double[])}, or for ragged rows
     */
    public static PchipInterpolator fromColumns(double[] x, double[][] y) {
        return new PchipInterpolator(x, y);
    }

    private PchipInterpolator(double[] x, double[][] y) {
        this(checkedColumns(x, y), flatten(y, y[0].length), y[0].length);
    }

    /** Validates one-column data; returns a copy of {@code x}. */
    private static double[] checked(double[] x, double[] y) {
        Validation.checkXY(NAME, x, y, 2);
        return x.clone();
    }

    /** Validates data of {@code m} columns; returns a copy of {@code x}. */
    private static double[] checkedColumns(double[] x, double[][] y) {
        Validation.checkXYColumns(NAME, x, y, 2);
        return x.clone();
    }

    /** Fits validated, owned data of {@code m} row-major columns. */
    private PchipInterpolator(double[] x, double[] y, int m) {
        super(fitCubic(NAME, x, y, m, (xs, ys, mm, ex, ey) -> slopes(xs, ys, mm), OutOfRange.extrapolate()));
        this.x = x;
        this.y = y;
    }

    private PchipInterpolator(PchipInterpolator base, PPoly pp) {
        super(pp);
        this.x = base.x;
        this.y = base.y;
    }

    /**
     * Several columns at once, as the {@link VectorInterpolant1D} view of
     * {@link #fromColumns(double[], double[][])}; column {@code j} equals, bit for bit, the fit of that
     * column alone. O(n m).
     *
     * @param x abscissae (copied)
     * @param y {@code n} rows of equal length {@code m >= 1}, finite (copied)
     * @return the fitted columns, mode extrapolate
     * @throws NullPointerException     if an argument or a row is null
     * @throws IllegalArgumentException as {@link #fromColumns(double[], double[][])}
     * @deprecated use {@link #fromColumns(double[], double[][])}, a {@code PchipInterpolator} with m
     *             columns that also integrates and finds roots per column
     */
    @Deprecated
    public static VectorInterpolant1D ofColumns(double[] x, double[][] y) {
        return new ColumnsView(new PchipInterpolator(x, y));
    }

    /** PCHIP slopes for {@code m} row-major columns, in scipy's arithmetic. O(n m). */
    static double[] slopes(double[] x, double[] y, int m) {
        int n = x.length;
        double[] s = new double[Validation.checkedSize("PchipInterpolator slopes", n, m)];
        for (int j = 0; j < m; j++) {
            slopesOfColumn(x, y, m, j, s);
        }
        return s;
    }

    /** Column {@code j}: one pass with running spacings and secants, no temporary arrays. */
    private static void slopesOfColumn(double[] x, double[] y, int m, int j, double[] s) {
        int n = x.length;
        double h0 = x[1] - x[0];
        double d0 = (y[m + j] - y[j]) / h0;
        if (n == 2) {
            // Two points: the straight line.
            s[j] = d0;
            s[m + j] = d0;
            return;
        }
        double hPrev = h0;
        double dPrev = d0;
        double d1 = 0.0;
        double hBefore = h0;
        double dBefore = d0;
        for (int k = 1, p = m + j; k < n - 1; k++, p += m) {
            double h = x[k + 1] - x[k];
            double d = (y[p + m] - y[p]) / h;
            if (k == 1) {
                d1 = d;
            }
            s[p] = PchipSlopes.interior(hPrev, h, dPrev, d);
            hBefore = hPrev;
            dBefore = dPrev;
            hPrev = h;
            dPrev = d;
        }
        // One-sided end slopes (Moler's pchiptx), as scipy; hPrev, dPrev now belong to the last interval.
        s[j] = PchipSlopes.edge(h0, x[2] - x[1], d0, d1);
        s[(n - 1) * m + j] = PchipSlopes.edge(hPrev, hBefore, dPrev, dBefore);
    }

    /**
     * The same interpolant with another out-of-range mode (shares the data). O(1).
     *
     * @throws NullPointerException if {@code mode} is null
     */
    @Override
    public PchipInterpolator withOutOfRange(OutOfRange mode) {
        Validation.requireNonNull(mode, "mode");
        return mode.equals(outOfRange()) ? this : new PchipInterpolator(this, pp.withOutOfRange(mode));
    }

    /** @return the serialisation proxy, which is what gets written */
    private Object writeReplace() {
        int m = columns();
        return m == 1 ? new SerializedForm(x, y, null, outOfRange())
                : new SerializedForm(x, null, rows(y, m), outOfRange());
    }

    /**
     * Rejects streams that bypass the serialisation proxy.
     *
     * @param in the stream
     * @throws InvalidObjectException always
     */
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("PchipInterpolator is deserialised through its serialisation proxy");
    }

    /** Serial form: the data ({@code y} for one column, {@code yColumns} for several) and the mode. */
    private static final class SerializedForm implements Serializable {
        private static final long serialVersionUID = 1L;
        /** @serial the x */
        private final double[] x;
        /** @serial the y of a single-column interpolant, or null */
        private final double[] y;
        /** @serial the rows y[n][m] of a multi-column interpolant, or null */
        private final double[][] yColumns;
        /** @serial the mode */
        private final OutOfRange mode;

        SerializedForm(double[] x, double[] y, double[][] yColumns, OutOfRange mode) {
            this.x = x;
            this.y = y;
            this.yColumns = yColumns;
            this.mode = mode;
        }

        /**
         * @return the object rebuilt through the validating public API
         * @throws ObjectStreamException if the data are invalid
         */
        private Object readResolve() throws ObjectStreamException {
            try {
                requireOneOf(y, yColumns);
                PchipInterpolator p = y != null ? new PchipInterpolator(x, y) : new PchipInterpolator(x, yColumns);
                return p.withOutOfRange(Objects.requireNonNull(mode, "mode"));
            } catch (RuntimeException e) {
                throw SerialProxies.invalid("PchipInterpolator", e);
            }
        }
    }
}
