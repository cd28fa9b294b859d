package io.github.interp4j.interpolate;

import io.github.interp4j.interpolate.internal.parallel.ParallelEvaluation;
import io.github.interp4j.interpolate.internal.validation.Validation;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.util.Objects;

/**
 * scipy's {@code interp1d} with {@code y} of shape {@code (n, m)}: {@code m} columns interpolated over the same
 * abscissae, made by {@link Interp1d#ofColumns(double[], double[][], Interp1d.Kind)}. Kinds, validation, sorting,
 * out-of-range modes and costs are those of {@link Interp1d}, with two scipy differences for multi-column data
 * that are reproduced here:
 * <ul>
 *   <li>LINEAR always uses scipy's {@code _call_linear} formula ({@code numpy.interp} only serves 1-D
 *       {@code y}): {@code s (q - x[lo]) + y[lo]} with {@code lo} from {@code searchsorted(x, q, 'left')}, so at
 *       a repeated abscissa the first {@code y} is taken and a NaN in a column spreads to both neighbouring
 *       segments of that column;</li>
 *   <li>QUADRATIC / CUBIC: a NaN anywhere in {@code y} makes every column NaN.</li>
 * </ul>
 * {@link #column(int)} gives a view with exactly these semantics for one column.
 *
 * <p>Thread-safety: immutable; inputs are copied. Serialisation stores the sorted data, kind and mode and
 * re-validates on reading.
 */
public final class VectorInterp1d implements VectorInterpolant1D {
    private static final long serialVersionUID = 1L;

    private final transient Interp1dData data;
    private final transient OutOfRange mode;
    private final transient OutOfRange.Kind modeKind;

    VectorInterp1d(double[] x, double[][] y, Interp1d.Kind kind, boolean assumeSorted, OutOfRange mode) {
        Validation.requireNonNull(x, "x");
        Validation.requireNonNull(y, "y");
        Validation.requireNonNull(kind, "kind");
        Validation.requireNonNull(mode, "mode");
        Validation.requireSameLength("x", x.length, "y", y.length);
        Validation.requireMinPoints("Interp1d(" + kind + ")", x.length, kind.minPoints());
        Validation.requireNonNull(y[0], "y[0]");
        int m = y[0].length;
        if (m < 1) {
            throw new IllegalArgumentException("y must have at least 1 column, y[0].length = 0");
        }
        for (int i = 0; i < y.length; i++) {
            if (y[i] == null) {
                throw new NullPointerException("y[" + i + "] must not be null");
            }
            if (y[i].length != m) {
                throw new IllegalArgumentException("y must be rectangular: y[" + i + "].length = " + y[i].length
                        + ", expected " + m);
            }
        }
        this.data = Interp1dData.build("Interp1d", x, BSpline.flatten(y, m), m, kind, assumeSorted, true);
        this.mode = mode;
        this.modeKind = mode.kind();
    }

    private VectorInterp1d(Interp1dData data, OutOfRange mode) {
        this.data = data;
        this.mode = mode;
        this.modeKind = mode.kind();
    }

    /** @return m, the number of columns */
    @Override
    public int columns() {
        return data.m;
    }

    /**
     * Evaluates every column at {@code q}. O(m) after an O(1)-expected search.
     *
     * @param q   the query
     * @param out receives column {@code j} at {@code out[j]}
     * @throws NullPointerException     if {@code out} is null
     * @throws IllegalArgumentException if {@code out.length < columns()}
     * @throws OutOfRangeException      if out of range and the mode is {@link OutOfRange#raise()}
     */
    @Override
    public void value(double q, double[] out) {
        Objects.requireNonNull(out, "out");
        if (out.length < data.m) {
            throw new IllegalArgumentException("out.length = " + out.length + " < columns = " + data.m);
        }
        int wl = data.workLength();
        data.values(q, mode, modeKind, out, 0, wl == 0 ? null : new double[wl]);
    }

    /**
     * Evaluates at many points, in parallel for large batches; row {@code i} equals {@code value(qs[i])} bit for
     * bit.
     *
     * @param qs the queries
     * @return {@code out[i][j]} = column {@code j} at {@code qs[i]}
     * @throws NullPointerException if {@code qs} is null
     * @throws OutOfRangeException  for the first out-of-range query when the mode is {@link OutOfRange#raise()}
     */
    @Override
    public double[][] values(double[] qs) {
        Objects.requireNonNull(qs, "xs");
        final Interp1dData d = data;
        final OutOfRange md = mode;
        final OutOfRange.Kind mk = modeKind;
        final int wl = d.workLength();
        double[][] out = new double[qs.length][];
        ParallelEvaluation.forRange(qs.length, (from, to) -> {
            double[] work = wl == 0 ? null : new double[wl];
            for (int i = from; i < to; i++) {
                double[] row = new double[d.m];
                d.values(qs[i], md, mk, row, 0, work);
                out[i] = row;
            }
        });
        return out;
    }

    /**
     * Column {@code j} as a scalar interpolant with this object's semantics (a view; shares the data).
     *
     * @param j the column
     * @return the view
     * @throws IndexOutOfBoundsException if {@code j} is not a column index
     */
    @Override
    public Interpolant1D column(int j) {
        Objects.checkIndex(j, data.m);
        return new Column(this, j);
    }

    /**
     * The derivative of every column, as {@link Interp1d#derivative(int)}.
     *
     * @param order the order; 0 returns this interpolant
     * @return the derivative (a {@link VectorBSpline} for {@code order >= 1})
     * @throws IllegalArgumentException      if {@code order < 0} or above the spline degree
     * @throws UnsupportedOperationException for the piecewise-constant kinds and LINEAR with repeated abscissae
     */
    @Override
    public VectorInterpolant1D derivative(int order) {
        if (order < 0) {
            throw new IllegalArgumentException("derivative order must be >= 0, was " + order);
        }
        if (order == 0) {
            return this;
        }
        return new VectorBSpline(data.derivativeCore(order), mode);
    }

    /** @return the kind */
    public Interp1d.Kind kind() {
        return data.kind;
    }

    /** @return a copy of the sorted abscissae */
    public double[] x() {
        return data.x.clone();
    }

    /** @return a copy of the ordinates, {@code y[i][j]}, in the order of {@link #x()} */
    public double[][] y() {
        int n = data.n;
        int m = data.m;
        double[][] r = new double[n][m];
        for (int i = 0; i < n; i++) {
            System.arraycopy(data.y, i * m, r[i], 0, m);
        }
        return r;
    }

    @Override
    public double lowerBound() {
        return data.lo;
    }

    @Override
    public double upperBound() {
        return data.hi;
    }

    @Override
    public OutOfRange outOfRange() {
        return mode;
    }

    @Override
    public VectorInterp1d withOutOfRange(OutOfRange newMode) {
        Objects.requireNonNull(newMode, "mode");
        return newMode.equals(mode) ? this : new VectorInterp1d(data, newMode);
    }

    @Override
    public String toString() {
        return "VectorInterp1d[" + data.kind + ", n=" + data.n + ", columns=" + data.m + ", range=[" + data.lo + ", "
                + data.hi + "], " + mode + "]";
    }

    /**
     * Serialises the validated data through a serial-form object.
     *
     * @return the serial form
     */
    private Object writeReplace() {
        return new Serialized(data.x, y(), data.kind, mode);
    }

    /**
     * Rejects streams that bypass the serial form (which re-runs the validating constructor).
     *
     * @param in the stream
     * @throws InvalidObjectException always
     */
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("VectorInterp1d is deserialised through its validating serial form");
    }

    /** The serial form, re-validated on reading. */
    private static final class Serialized implements Serializable {
        private static final long serialVersionUID = 1L;
        private final double[] x;
        private final double[][] y;
        private final Interp1d.Kind kind;
        private final OutOfRange mode;

        Serialized(double[] x, double[][] y, Interp1d.Kind kind, OutOfRange mode) {
            this.x = x;
            this.y = y;
            this.kind = kind;
            this.mode = mode;
        }

        private Object readResolve() throws ObjectStreamException {
            try {
                return new VectorInterp1d(x, y, kind, true, mode);
            } catch (RuntimeException e) {
                InvalidObjectException ex = new InvalidObjectException("invalid VectorInterp1d data: " + e.getMessage());
                ex.initCause(e);
                throw ex;
            }
        }
    }

    /** One column of a {@link VectorInterp1d}, evaluated with the multi-column semantics. */
    private static final class Column implements Interpolant1D {
        private static final long serialVersionUID = 1L;
        private final VectorInterp1d parent;
        private final int j;

        Column(VectorInterp1d parent, int j) {
            this.parent = parent;
            this.j = j;
        }

        @Override
        public double value(double q) {
            Interp1dData d = parent.data;
            if (d.m == 1) {
                int wl = d.workLength();
                return d.value1(q, parent.mode, parent.modeKind, wl == 0 ? null : new double[wl]);
            }
            double[] row = new double[d.m];
            parent.value(q, row);
            return row[j];
        }

        @Override
        public void values(double[] qs, double[] out) {
            Objects.requireNonNull(qs, "xs");
            Objects.requireNonNull(out, "out");
            if (out.length < qs.length) {
                throw new IllegalArgumentException("out.length = " + out.length + " < xs.length = " + qs.length);
            }
            final Interp1dData d = parent.data;
            final int wl = d.workLength();
            ParallelEvaluation.forRange(qs.length, (from, to) -> {
                double[] work = wl == 0 ? null : new double[wl];
                double[] row = new double[d.m];
                for (int i = from; i < to; i++) {
                    if (d.m == 1) {
                        out[i] = d.value1(qs[i], parent.mode, parent.modeKind, work);
                    } else {
                        d.values(qs[i], parent.mode, parent.modeKind, row, 0, work);
                        out[i] = row[j];
                    }
                }
            });
        }

        @Override
        public Interpolant1D derivative(int order) {
            if (order == 0) {
                return this;
            }
            return parent.derivative(order).column(j);
        }

        @Override
        public double lowerBound() {
            return parent.lowerBound();
        }

        @Override
        public double upperBound() {
            return parent.upperBound();
        }

        @Override
        public OutOfRange outOfRange() {
            return parent.mode;
        }

        @Override
        public Interpolant1D withOutOfRange(OutOfRange newMode) {
            return parent.withOutOfRange(newMode).column(j);
        }

        @Override
        public String toString() {
            return "column " + j + " of " + parent;
        }

        private Object readResolve() throws ObjectStreamException {
            if (parent == null || j < 0 || j >= parent.columns()) {
                throw new InvalidObjectException("invalid column view: column " + j + " of " + parent);
            }
            return parent.column(j);
        }
    }
}
