package io.github.interp4j.interpolate;

import io.github.interp4j.interpolate.internal.validation.SerialProxies;
import io.github.interp4j.interpolate.internal.validation.Validation;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.util.Objects;

/**
 * Akima's "visually pleasing" piecewise cubic interpolant (C1), exactly scipy 1.17's
 * {@code scipy.interpolate.Akima1DInterpolator(x, y, method=...)}.
 *
 * <p>With secants {@code d[i]}, extended by two linear extrapolations at each end
 * ({@code d[-1] = 2 d[0] - d[1]}, {@code d[-2] = 2 d[-1] - d[0]}, likewise on the right), the slope at
 * {@code x[i]} is {@code d[i-1] + f2 / (f1 + f2) (d[i] - d[i-1])} with weights
 * <ul>
 *   <li>{@link Method#AKIMA}: {@code f1 = |d[i+1] - d[i]|}, {@code f2 = |d[i-1] - d[i-2]|};</li>
 *   <li>{@link Method#MAKIMA}: {@code f1 = |d[i+1] - d[i]| + |d[i+1] + d[i]| / 2},
 *       {@code f2 = |d[i-1] - d[i-2]| + |d[i-1] + d[i-2]| / 2}.</li>
 * </ul>
 * Where {@code f1 + f2 <= 1e-9 * max(f1 + f2)} (flat regions, zero denominators) the slope is scipy's
 * fill value {@code (d[i-2] + d[i+1]) / 2}. With two points the interpolant is the straight line.
 *
 * <p>Out-of-range default: {@link OutOfRange#nan()} (scipy's {@code extrapolate=None} means False here).
 *
 * <p>Multi-column fits ({@link #fromColumns(double[], double[][], Method)}) take the maximum of {@code f1 + f2} per column, so that each
 * column equals its single-column fit bit for bit; scipy takes it over all columns together, which
 * differs only when a column's weights are all below {@code 1e-9} times another column's.
 *
 * <p>Thread-safety: immutable (inputs are copied); share freely. Serialisation stores {@code x, y} (one
 * column or the rows of several), the method and the mode; deserialisation re-runs the validating
 * constructor.
 */
public final class Akima1DInterpolator extends PiecewiseCubicInterpolant {
    private static final long serialVersionUID = 1L;
    private static final String NAME = "Akima1DInterpolator";
    /** scipy's {@code break_mult}: weights below this fraction of the largest use the fill value. */
    static final double BREAK_MULT = 1.e-9;

    /** The slope rule. */
    public enum Method {
        /** Akima (1970), scipy {@code method="akima"} (the default). */
        AKIMA,
        /** Modified Akima (Moler and Ionita, 2019), scipy {@code method="makima"}. */
        MAKIMA
    }

    private final transient double[] x;
    private final transient double[] y;
    private final transient Method method;

    /**
     * Fits Akima's interpolant ({@link Method#AKIMA}). O(n).
     *
     * @param x abscissae, finite, strictly increasing, at least 2 (copied)
     * @param y values, finite, same length (copied)
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the lengths differ, there are fewer than 2 points, a value is not
     *                                  finite or {@code x} is not strictly increasing (messages name the
     *                                  offending index and value)
     */
    public Akima1DInterpolator(double[] x, double[] y) {
        this(x, y, Method.AKIMA);
    }

    /**
     * Fits with the given slope rule. O(n) time, two passes over the secants.
     *
     * @param x      abscissae (copied)
     * @param y      values (copied)
     * @param method {@link Method#AKIMA} or {@link Method#MAKIMA}
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException as {@link #Akima1DInterpolator(double[], double[])}
     */
    public Akima1DInterpolator(double[] x, double[] y, Method method) {
        this(checked(x, y, method), y.clone(), 1, method);
    }

    /**
     * Fits Akima's interpolant ({@link Method#AKIMA}) to several value columns at once; see
     * {@link #fromColumns(double[], double[][], Method)}.
     *
     * @param x abscissae, finite, strictly increasing, at least 2 (copied)
     * @param y {@code n} rows of equal length {@code m >= 1}, finite (copied)
     * @return the interpolant with {@code y[0].length} value columns
     * @throws NullPointerException     if an argument or a row is null
     * @throws IllegalArgumentException for invalid data
     */
    public static Akima1DInterpolator fromColumns(double[] x, double[][] y) {
        return new Akima1DInterpolator(x, y);
    }

    private Akima1DInterpolator(double[] x, double[][] y) {
        this(x, y, Method.AKIMA);
    }

    /**
     * Fits several value columns at once (scipy's {@code y} of shape {@code (n, m)}). The result has
     * {@link #columns()} = m; column {@code j} equals, bit for bit, the fit of that column alone (see the
     * class note on the flat-region threshold). O(n m).
     *
     * @param x      abscissae (copied)
     * @param y      {@code n} rows of equal length {@code m >= 1}, finite (copied)
     * @param method the slope rule
     * @return the interpolant with {@code y[0].length} value columns
     * @throws NullPointerException     if an argument or a row is null
     * @throws IllegalArgumentException as {@link #Akima1DInterpolator(double[], double[])}, or for ragged rows
     */
    public static Akima1DInterpolator fromColumns(double[] x, double[][] y, Method method) {
        return new Akima1DInterpolator(x, y, method);
    }

    private Akima1DInterpolator(double[] x, double[][] y, Method method) {
        this(checkedColumns(x, y, method), flatten(y, y[0].length), y[0].length, method);
    }

    /** Validates one-column data; returns a copy of {@code x}. */
    private static double[] checked(double[] x, double[] y, Method method) {
        Validation.requireNonNull(method, "method");
        Validation.checkXY(NAME, x, y, 2);
        return x.clone();
    }

    /** Validates data of {@code m} columns; returns a copy of {@code x}. */
    private static double[] checkedColumns(double[] x, double[][] y, Method method) {
        Validation.requireNonNull(method, "method");
        Validation.checkXYColumns(NAME, x, y, 2);
        return x.clone();
    }

    /** Fits validated, owned data of {@code m} row-major columns. */
    private Akima1DInterpolator(double[] x, double[] y, int m, Method method) {
        super(fitCubic(NAME, x, y, m, (xs, ys, mm, ex, ey) -> slopes(xs, ys, mm, method), OutOfRange.nan()));
        this.x = x;
        this.y = y;
        this.method = method;
    }

    private Akima1DInterpolator(Akima1DInterpolator base, PPoly pp) {
        super(pp);
        this.x = base.x;
        this.y = base.y;
        this.method = base.method;
    }

    /**
     * Several columns at once, as the {@link VectorInterpolant1D} view of
     * {@link #fromColumns(double[], double[][], Method)}; column {@code j} equals, bit for bit, the
     * fit of that column alone. O(n m).
     *
     * @param x      abscissae (copied)
     * @param y      {@code n} rows of equal length {@code m >= 1}, finite (copied)
     * @param method the slope rule
     * @return the fitted columns, mode nan
     * @throws NullPointerException     if an argument or a row is null
     * @throws IllegalArgumentException as {@link #fromColumns(double[], double[][], Method)}
     * @deprecated use {@link #fromColumns(double[], double[][], Method)}, an
     *             {@code Akima1DInterpolator} with m columns that also integrates and finds roots per column
     */
    @Deprecated
    public static VectorInterpolant1D ofColumns(double[] x, double[][] y, Method method) {
        return new ColumnsView(new Akima1DInterpolator(x, y, method));
    }

    /**
     * Several columns with {@link Method#AKIMA}; see {@link #ofColumns(double[], double[][], Method)}.
     *
     * @param x abscissae, finite, strictly increasing, at least 2 (copied)
     * @param y {@code n} rows of equal length {@code m >= 1}, finite (copied)
     * @return the fitted columns, mode nan
     * @throws NullPointerException     if an argument or a row is null
     * @throws IllegalArgumentException for invalid data
     * @deprecated use {@link #fromColumns(double[], double[][])}
     */
    @Deprecated
    public static VectorInterpolant1D ofColumns(double[] x, double[][] y) {
        return new ColumnsView(new Akima1DInterpolator(x, y));
    }

    /** Akima slopes for {@code m} row-major columns, in scipy's arithmetic. O(n m). */
    static double[] slopes(double[] x, double[] y, int m, Method method) {
        int n = x.length;
        double[] t = new double[Validation.checkedSize("Akima1DInterpolator slopes", n, m)];
        if (n == 2) {
            double h = x[1] - x[0];
            for (int j = 0; j < m; j++) {
                double mk = (y[m + j] - y[j]) / h;
                t[j] = mk;
                t[m + j] = mk;
            }
            return t;
        }
        double[] e = new double[n + 3];
        for (int j = 0; j < m; j++) {
            slopesOfColumn(x, y, m, j, method == Method.MAKIMA, e, t);
        }
        return t;
    }

    /**
     * Column {@code j}; {@code e} (length n + 3) receives scipy's extended secants {@code m}: the data
     * secants at 2..n and two linear extrapolations at each end. The weights are kept in running
     * variables: {@code w[k] = |e[k+1] - e[k]|} (+ {@code |e[k+1] + e[k]| / 2} for makima),
     * {@code f1 = w[i+2]}, {@code f2 = w[i]}.
     */
    private static void slopesOfColumn(double[] x, double[] y, int m, int j, boolean makima, double[] e,
            double[] t) {
        int n = x.length;
        for (int i = 0, p = j; i < n - 1; i++, p += m) {
            e[i + 2] = (y[p + m] - y[p]) / (x[i + 1] - x[i]);
        }
        e[1] = 2. * e[2] - e[3];
        e[0] = 2. * e[1] - e[2];
        e[n + 1] = 2. * e[n] - e[n - 1];
        e[n + 2] = 2. * e[n + 1] - e[n];
        double w0start = weight(e[1], e[0], makima);
        double w1start = weight(e[2], e[1], makima);
        // First pass: the largest f1 + f2 (NaN propagates, as numpy's max).
        double max = Double.NEGATIVE_INFINITY;
        double w0 = w0start;
        double w1 = w1start;
        for (int i = 0; i < n; i++) {
            double w2 = weight(e[i + 3], e[i + 2], makima);
            double f12 = w2 + w0;
            max = (f12 > max || f12 != f12) && max == max ? f12 : max;
            w0 = w1;
            w1 = w2;
        }
        double threshold = BREAK_MULT * max;
        // Second pass: the slopes; where f1 + f2 is too small, scipy's fill value.
        w0 = w0start;
        w1 = w1start;
        for (int i = 0, p = j; i < n; i++, p += m) {
            double a = e[i + 3];
            double b = e[i + 2];
            double w2 = weight(a, b, makima);
            double f12 = w2 + w0;
            double e1 = e[i + 1];
            t[p] = f12 > threshold ? e1 + (w0 / f12) * (b - e1) : .5 * (a + e[i]);
            w0 = w1;
            w1 = w2;
        }
    }

    /** scipy's dm[k] (+ pm[k] / 2 for makima) for a = e[k+1], b = e[k]. */
    private static double weight(double a, double b, boolean makima) {
        double dm = Math.abs(a - b);
        return makima ? dm + 0.5 * Math.abs(a + b) : dm;
    }

    /** @return the slope rule */
    public Method method() {
        return method;
    }

    /**
     * The same interpolant with another out-of-range mode (shares the data). O(1).
     *
     * @throws NullPointerException if {@code mode} is null
     */
    @Override
    public Akima1DInterpolator withOutOfRange(OutOfRange mode) {
        Validation.requireNonNull(mode, "mode");
        return mode.equals(outOfRange()) ? this : new Akima1DInterpolator(this, pp.withOutOfRange(mode));
    }

    /** @return the serialisation proxy, which is what gets written */
    private Object writeReplace() {
        int m = columns();
        return m == 1 ? new SerializedForm(x, y, null, method, outOfRange())
                : new SerializedForm(x, null, rows(y, m), method, outOfRange());
    }

    /**
     * Rejects streams that bypass the serialisation proxy.
     *
     * @param in the stream
     * @throws InvalidObjectException always
     */
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("Akima1DInterpolator is deserialised through its serialisation proxy");
    }

    /** Serial form: the data ({@code y} for one column, {@code yColumns} for several), method and mode. */
    private static final class SerializedForm implements Serializable {
        private static final long serialVersionUID = 1L;
        /** @serial the x */
        private final double[] x;
        /** @serial the y of a single-column interpolant, or null */
        private final double[] y;
        /** @serial the rows y[n][m] of a multi-column interpolant, or null */
        private final double[][] yColumns;
        /** @serial the method */
        private final Method method;
        /** @serial the mode */
        private final OutOfRange mode;

        SerializedForm(double[] x, double[] y, double[][] yColumns, Method method, OutOfRange mode) {
            this.x = x;
            this.y = y;
            this.yColumns = yColumns;
            this.method = method;
            this.mode = mode;
        }

        /**
         * @return the object rebuilt through the validating public API
         * @throws ObjectStreamException if the data are invalid
         */
        private Object readResolve() throws ObjectStreamException {
            try {
                requireOneOf(y, yColumns);
                Akima1DInterpolator a = y != null ? new Akima1DInterpolator(x, y, method)
                        : new Akima1DInterpolator(x, yColumns, method);
                return a.withOutOfRange(Objects.requireNonNull(mode, "mode"));
            } catch (RuntimeException e) {
                throw SerialProxies.invalid("Akima1DInterpolator", e);
            }
        }
    }
}
