package io.github.interp4j.interpolate;

import io.github.interp4j.interpolate.internal.validation.SerialProxies;
import io.github.interp4j.interpolate.internal.validation.FiniteResult;
import io.github.interp4j.interpolate.internal.validation.Validation;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.util.Objects;

/**
 * Piecewise-cubic interpolant matching given values and first derivatives (C1), as scipy's
 * {@code scipy.interpolate.CubicHermiteSpline(x, y, dydx)}.
 *
 * <p>On {@code [x[i], x[i+1]]}, with {@code h = x[i+1] - x[i]}, {@code d = (y[i+1] - y[i]) / h} and
 * {@code t = (dydx[i] + dydx[i+1] - 2 d) / h}, the cubic is
 * {@code (t / h) s^3 + ((d - dydx[i]) / h - t) s^2 + dydx[i] s + y[i]} with {@code s = x - x[i]}.
 * Out-of-range queries extrapolate by default (scipy's {@code extrapolate=None}).
 *
 * <p>Several value columns ({@code double[][] y, dydx} of shape {@code (n, m)}) give a
 * {@code CubicHermiteSpline} with {@link #columns()} = m.
 *
 * <p>Thread-safety: immutable (inputs are copied); share freely. Serialisation stores {@code x, y, dydx}
 * (one column or the rows of several) and the mode; deserialisation re-runs the validating constructor.
 */
public final class CubicHermiteSpline extends PiecewiseCubicInterpolant {
    private static final long serialVersionUID = 1L;
    private static final String NAME = "CubicHermiteSpline";

    private final transient double[] x;
    private final transient double[] y;
    private final transient double[] dydx;

    /**
     * Fits the Hermite cubic. O(n) time, validation before any allocation.
     *
     * @param x    abscissae, finite, strictly increasing, at least 2 (copied)
     * @param y    values at {@code x}, finite (copied)
     * @param dydx first derivatives at {@code x}, finite (copied)
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the lengths differ (both named), fewer than 2 points, a value is
     *                                  not finite (index and value named) or {@code x} is not strictly
     *                                  increasing (the offending pair named)
     */
    public CubicHermiteSpline(double[] x, double[] y, double[] dydx) {
        this(checked(x, y, dydx), y.clone(), dydx.clone(), 1);
    }

    /**
     * Fits several value columns at once: {@code y[i][j]} and {@code dydx[i][j]} are column {@code j} at
     * {@code x[i]} (scipy's shape {@code (n, m)}). The result has {@link #columns()} = m; column {@code j}
     * equals, bit for bit, the fit of that column alone. Default mode: extrapolate. O(n m).
     *
     * @param x    abscissae, finite, strictly increasing, at least 2 (copied)
     * @param y    values, {@code n} rows of equal length {@code m >= 1}, finite (copied)
     * @param dydx derivatives, same shape as {@code y}, finite (copied)
     * @return the interpolant with {@code y[0].length} value columns
     * @throws NullPointerException     if an argument or a row is null
     * @throws IllegalArgumentException as {@link #CubicHermiteSpline(double[], double[], double[])}, or if the
     *                                  rows are ragged, or the shapes of {@code y} and {@code dydx} differ
     */
    public static CubicHermiteSpline fromColumns(double[] x, double[][] y, double[][] dydx) {
        return new CubicHermiteSpline(x, y, dydx);
    }

    private CubicHermiteSpline(double[] x, double[][] y, double[][] dydx) {
        this(checkedColumns(x, y, dydx), flatten(y, y[0].length), flatten(dydx, y[0].length), y[0].length);
    }

    /** Validates one-column data; returns a copy of {@code x}. */
    private static double[] checked(double[] x, double[] y, double[] dydx) {
        Validation.requireNonNull(x, "x");
        Validation.requireNonNull(y, "y");
        Validation.requireNonNull(dydx, "dydx");
        Validation.requireSameLength("y", y.length, "dydx", dydx.length);
        Validation.checkXY(NAME, x, y, 2);
        Validation.requireFinite("dydx", dydx);
        return x.clone();
    }

    /** Validates data of {@code m} columns; returns a copy of {@code x}. */
    private static double[] checkedColumns(double[] x, double[][] y, double[][] dydx) {
        Validation.requireNonNull(dydx, "dydx");
        int m = Validation.checkXYColumns(NAME, x, y, 2);
        Validation.requireSameLength("y", y.length, "dydx", dydx.length);
        Validation.requireFiniteRows("dydx", dydx, m);
        return x.clone();
    }

    /** Fits validated, owned data of {@code m} row-major columns. */
    private CubicHermiteSpline(double[] x, double[] y, double[] dydx, int m) {
        super(fitCubic(NAME, x, y, m, new SlopeRule() {
            @Override
            public double[] slopes(double[] xs, double[] ys, int mm, int ex, int ey) {
                return ex == 0 && ey == 0 ? dydx : FiniteResult.scaled(dydx, ey - ex);
            }

            @Override
            public int dataExponent(int ex) {
                return FiniteResult.scaleExponent(dydx) + ex;
            }
        }, OutOfRange.extrapolate()));
        this.x = x;
        this.y = y;
        this.dydx = dydx;
    }

    private CubicHermiteSpline(CubicHermiteSpline base, PPoly pp) {
        super(pp);
        this.x = base.x;
        this.y = base.y;
        this.dydx = base.dydx;
    }

    /**
     * Several columns at once, as the {@link VectorInterpolant1D} view of
     * {@link #fromColumns(double[], double[][], double[][])}. Column {@code j} of the result equals,
     * bit for bit, the fit of that column alone. Default mode: extrapolate. O(n m).
     *
     * @param x    abscissae, finite, strictly increasing, at least 2 (copied)
     * @param y    values, {@code n} rows of equal length {@code m >= 1}, finite (copied)
     * @param dydx derivatives, same shape as {@code y}, finite (copied)
     * @return the fitted columns
     * @throws NullPointerException     if an argument or a row is null
     * @throws IllegalArgumentException as {@link #fromColumns(double[], double[][], double[][])}
     * @deprecated use {@link #fromColumns(double[], double[][], double[][])}, a
     *             {@code CubicHermiteSpline} with m columns that also integrates and finds roots per column
     */
    @Deprecated
    public static VectorInterpolant1D ofColumns(double[] x, double[][] y, double[][] dydx) {
        return new ColumnsView(new CubicHermiteSpline(x, y, dydx));
    }

    /**
     * The same spline with another out-of-range mode (shares the data). O(1).
     *
     * @throws NullPointerException if {@code mode} is null
     */
    @Override
    public CubicHermiteSpline withOutOfRange(OutOfRange mode) {
        Validation.requireNonNull(mode, "mode");
        return mode.equals(outOfRange()) ? this : new CubicHermiteSpline(this, pp.withOutOfRange(mode));
    }

    /** @return the serialisation proxy, which is what gets written */
    private Object writeReplace() {
        int m = columns();
        return m == 1 ? new SerializedForm(x, y, dydx, null, null, outOfRange())
                : new SerializedForm(x, null, null, rows(y, m), rows(dydx, m), outOfRange());
    }

    /**
     * Rejects streams that bypass the serialisation proxy.
     *
     * @param in the stream
     * @throws InvalidObjectException always
     */
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("CubicHermiteSpline is deserialised through its serialisation proxy");
    }

    /** Serial form: the data ({@code y, dydx} for one column, the row forms for several) and the mode. */
    private static final class SerializedForm implements Serializable {
        private static final long serialVersionUID = 1L;
        /** @serial the x */
        private final double[] x;
        /** @serial the y of a single-column spline, or null */
        private final double[] y;
        /** @serial the dydx of a single-column spline, or null */
        private final double[] dydx;
        /** @serial the rows y[n][m] of a multi-column spline, or null */
        private final double[][] yColumns;
        /** @serial the rows dydx[n][m] of a multi-column spline, or null */
        private final double[][] dydxColumns;
        /** @serial the mode */
        private final OutOfRange mode;

        SerializedForm(double[] x, double[] y, double[] dydx, double[][] yColumns, double[][] dydxColumns,
                OutOfRange mode) {
            this.x = x;
            this.y = y;
            this.dydx = dydx;
            this.yColumns = yColumns;
            this.dydxColumns = dydxColumns;
            this.mode = mode;
        }

        /**
         * @return the object rebuilt through the validating public API
         * @throws ObjectStreamException if the data are invalid
         */
        private Object readResolve() throws ObjectStreamException {
            try {
                requireOneOf(y, yColumns);
                CubicHermiteSpline s = y != null ? new CubicHermiteSpline(x, y, dydx)
                        : new CubicHermiteSpline(x, yColumns, dydxColumns);
                return s.withOutOfRange(Objects.requireNonNull(mode, "mode"));
            } catch (RuntimeException e) {
                throw SerialProxies.invalid("CubicHermiteSpline", e);
            }
        }
    }
}
