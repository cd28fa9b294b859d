package io.github.interp4j.interpolate;

import io.github.interp4j.interpolate.internal.parallel.ParallelEvaluation;
import io.github.interp4j.interpolate.internal.spline.SplineCore;
import io.github.interp4j.interpolate.internal.validation.Validation;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.util.Objects;

/**
 * A B-spline with {@code m} value columns sharing one knot vector and degree: scipy's {@code BSpline} with a
 * coefficient array {@code c} of shape {@code (n, m)} (for example a parametric curve). Column {@code j} is
 * {@code S_j(x) = sum_i c[i][j] B_{i,k;t}(x)}; all columns are evaluated with one interval search and one set
 * of basis values per point.
 *
 * <p>Made by {@link BSpline#ofColumns(double[], double[][], int)} or
 * {@link BSpline#makeInterpSpline(double[], double[][], int)}. Everything else - validation, evaluation,
 * out-of-range modes, calculus, complexity - is as {@link BSpline}, column by column.
 *
 * <p>Thread-safety: immutable; arrays are copied in and out. Serialisation stores {@code (t, c, k, mode)} and
 * re-validates on reading.
 */
public final class VectorBSpline implements VectorInterpolant1D {
    private static final long serialVersionUID = 1L;

    private final transient SplineCore core;
    private final transient OutOfRange mode;
    private final transient OutOfRange.Kind modeKind;

    VectorBSpline(double[] t, double[][] c, int k, OutOfRange mode) {
        Validation.requireNonNull(t, "t");
        Validation.requireNonNull(c, "c");
        Validation.requireNonNull(mode, "mode");
        if (c.length == 0) {
            SplineCore.validate(t, k, 0);
        }
        Validation.requireNonNull(c[0], "c[0]");
        int m = c[0].length;
        if (m < 1) {
            throw new IllegalArgumentException("c must have at least 1 column, c[0].length = 0");
        }
        for (int i = 0; i < c.length; i++) {
            if (c[i] == null) {
                throw new NullPointerException("c[" + i + "] must not be null");
            }
            if (c[i].length != m) {
                throw new IllegalArgumentException("c must be rectangular: c[" + i + "].length = " + c[i].length
                        + ", expected " + m);
            }
        }
        SplineCore.validate(t, k, c.length);
        this.core = new SplineCore(t.clone(), BSpline.flatten(c, m), k, m);
        this.mode = mode;
        this.modeKind = mode.kind();
    }

    VectorBSpline(SplineCore core, OutOfRange mode) {
        this.core = core;
        this.mode = mode;
        this.modeKind = mode.kind();
    }

    /** @return m, the number of columns */
    @Override
    public int columns() {
        return core.m;
    }

    /**
     * Evaluates every column at {@code x} (NaN row for NaN); out-of-range queries as {@link BSpline#value(double)}.
     *
     * @param x   the point
     * @param out receives column {@code j} at {@code out[j]}
     * @throws NullPointerException     if {@code out} is null
     * @throws IllegalArgumentException if {@code out.length < columns()}
     * @throws OutOfRangeException      if out of range and the mode is {@link OutOfRange#raise()}
     */
    @Override
    public void value(double x, double[] out) {
        Objects.requireNonNull(out, "out");
        if (out.length < core.m) {
            throw new IllegalArgumentException("out.length = " + out.length + " < columns = " + core.m);
        }
        eval(x, out, 0, new double[core.k + 1]);
    }

    private void eval(double x, double[] out, int off, double[] work) {
        final SplineCore s = core;
        if (x == x) {
            if (modeKind == OutOfRange.Kind.PERIODIC) {
                x = s.wrap(x);
            } else if (x < s.lo || x > s.hi) {
                switch (modeKind) {
                    case EXTRAPOLATE:
                        break;
                    case NAN:
                        x = Double.NaN;
                        break;
                    case RAISE:
                        throw new OutOfRangeException(x, s.lo, s.hi);
                    case CLAMP:
                        x = x < s.lo ? s.lo : s.hi;
                        break;
                    default: { // FILL
                        double v = x < s.lo ? mode.below() : mode.above();
                        for (int j = 0; j < s.m; j++) {
                            out[off + j] = v;
                        }
                        return;
                    }
                }
            }
        }
        s.values(x, out, off, work);
    }

    /**
     * Evaluates every column at many points, in parallel for large batches; row {@code i} equals
     * {@code value(xs[i])} bit for bit.
     *
     * @param xs the points
     * @return {@code out[i][j]} = column {@code j} at {@code xs[i]}
     * @throws NullPointerException if {@code xs} is null
     * @throws OutOfRangeException  for the first out-of-range point when the mode is {@link OutOfRange#raise()}
     */
    @Override
    public double[][] values(double[] xs) {
        Objects.requireNonNull(xs, "xs");
        final int m = core.m;
        final int k1 = core.k + 1;
        double[][] out = new double[xs.length][];
        ParallelEvaluation.forRange(xs.length, (from, to) -> {
            double[] work = new double[k1];
            for (int i = from; i < to; i++) {
                double[] row = new double[m];
                eval(xs[i], row, 0, work);
                out[i] = row;
            }
        });
        return out;
    }

    /**
     * Column {@code j} as a scalar {@link BSpline} with the same knots, degree and mode (coefficients copied).
     *
     * @param j the column, {@code 0 <= j < columns()}
     * @return the column's spline
     * @throws IndexOutOfBoundsException if {@code j} is not a column
     */
    @Override
    public BSpline column(int j) {
        Objects.checkIndex(j, core.m);
        int rows = core.rows();
        double[] c = new double[rows];
        for (int i = 0; i < rows; i++) {
            c[i] = core.c[i * core.m + j];
        }
        return new BSpline(new SplineCore(core.t, c, core.k, 1), mode);
    }

    /**
     * The derivative of every column, as {@link BSpline#derivative(int)}.
     *
     * @param order {@code 0 <= order <= k}
     * @return the derivative
     * @throws IllegalArgumentException if {@code order < 0} or {@code order > k}, or knots are too repeated
     */
    @Override
    public VectorBSpline derivative(int order) {
        if (order == 0) {
            return this;
        }
        return new VectorBSpline(core.derivative(order), mode);
    }

    /**
     * The antiderivative of every column, as {@link BSpline#antiderivative(int)}.
     *
     * @param order at least 0
     * @return the antiderivative
     * @throws IllegalArgumentException if {@code order < 0}
     */
    public VectorBSpline antiderivative(int order) {
        if (order == 0) {
            return this;
        }
        return new VectorBSpline(core.antiderivative(order),
                modeKind == OutOfRange.Kind.PERIODIC ? OutOfRange.nan() : mode);
    }

    /**
     * The definite integral of every column, as {@link BSpline#integrate(double, double)}. (With
     * {@link OutOfRange#nan()} and both limits outside the base interval on one side the result is 0, as for
     * scipy's 1-D splines; scipy's multi-column path returns NaN there.)
     *
     * @param a lower limit
     * @param b upper limit
     * @return one integral per column
     * @throws OutOfRangeException if the mode is {@link OutOfRange#raise()} and a limit is out of range
     */
    public double[] integrate(double a, double b) {
        return core.integrate(a, b, mode);
    }

    /** @return a copy of the knots */
    public double[] knots() {
        return core.t.clone();
    }

    /** @return a copy of the coefficients, {@code c[i][j]} */
    public double[][] coefficients() {
        int rows = core.rows();
        int m = core.m;
        double[][] c = new double[rows][m];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(core.c, i * m, c[i], 0, m);
        }
        return c;
    }

    /** @return the degree */
    public int degree() {
        return core.k;
    }

    @Override
    public double lowerBound() {
        return core.lo;
    }

    @Override
    public double upperBound() {
        return core.hi;
    }

    @Override
    public OutOfRange outOfRange() {
        return mode;
    }

    @Override
    public VectorBSpline withOutOfRange(OutOfRange newMode) {
        Objects.requireNonNull(newMode, "mode");
        return newMode.equals(mode) ? this : new VectorBSpline(core, newMode);
    }

    SplineCore core() {
        return core;
    }

    @Override
    public String toString() {
        return "VectorBSpline[k=" + core.k + ", n=" + core.n + ", columns=" + core.m + ", base=[" + core.lo + ", "
                + core.hi + "], " + mode + "]";
    }

    /**
     * Serialises the validated data through a serial-form object.
     *
     * @return the serial form
     */
    private Object writeReplace() {
        return new Serialized(core.t, coefficients(), core.k, mode);
    }

    /**
     * Rejects streams that bypass the serial form (which re-runs the validating constructor).
     *
     * @param in the stream
     * @throws InvalidObjectException always
     */
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("VectorBSpline is deserialised through its validating serial form");
    }

    /** The serial form, re-validated on reading. */
    private static final class Serialized implements Serializable {
        private static final long serialVersionUID = 1L;
        private final double[] t;
        private final double[][] c;
        private final int k;
        private final OutOfRange mode;

        Serialized(double[] t, double[][] c, int k, OutOfRange mode) {
            this.t = t;
            this.c = c;
            this.k = k;
            this.mode = mode;
        }

        private Object readResolve() throws ObjectStreamException {
            try {
                return new VectorBSpline(t, c, k, mode);
            } catch (RuntimeException e) {
                InvalidObjectException ex = new InvalidObjectException("invalid VectorBSpline data: " + e.getMessage());
                ex.initCause(e);
                throw ex;
            }
        }
    }
}
