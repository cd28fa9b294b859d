package io.github.interp4j.interpolate;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;

/**
 * scipy's {@code interp1d} with {@code y} of shape {@code (n, m)}, seen as a {@link VectorInterpolant1D}: a view
 * of a multi-column {@link Interp1d} ({@link #asInterp1d()}), to which every method delegates. Made by the
 * deprecated {@link Interp1d#ofColumns(double[], double[][], Interp1d.Kind)}. Kinds, validation, sorting,
 * out-of-range modes, costs and scipy's 2-D semantics (LINEAR by {@code _call_linear}; a NaN makes every
 * QUADRATIC / CUBIC column NaN) are those of {@link Interp1d} made from columns.
 *
 * <p>Thread-safety: immutable. Serialisation stores the {@link Interp1d}, which re-validates on reading.
 *
 * @deprecated use {@link Interp1d} itself, which holds m value columns:
 *             {@link Interp1d#fromColumns(double[], double[][], Interp1d.Kind)}
 */
@Deprecated
public final class VectorInterp1d implements VectorInterpolant1D {
    private static final long serialVersionUID = 2L;

    /** @serial the multi-column interpolant this view shows */
    private final Interp1d f;

    VectorInterp1d(Interp1d f) {
        this.f = f;
    }

    /** @return the multi-column {@link Interp1d} this view shows (shared, immutable) */
    public Interp1d asInterp1d() {
        return f;
    }

    /** @return m, the number of columns */
    @Override
    public int columns() {
        return f.columns();
    }

    /**
     * Evaluates every column at {@code q}, as {@link Interp1d#value(double, double[])}.
     *
     * @param q   the query
     * @param out receives column {@code j} at {@code out[j]}
     * @throws NullPointerException     if {@code out} is null
     * @throws IllegalArgumentException if {@code out.length < columns()}
     * @throws OutOfRangeException      if out of range and the mode is {@link OutOfRange#raise()}
     */
    @Override
    public void value(double q, double[] out) {
        f.value(q, out);
    }

    /**
     * Evaluates at many points, as {@link Interp1d#valuesColumns(double[])}.
     *
     * @param qs the queries
     * @return {@code out[i][j]} = column {@code j} at {@code qs[i]}
     * @throws NullPointerException if {@code qs} is null
     * @throws OutOfRangeException  for the first out-of-range query when the mode is {@link OutOfRange#raise()}
     */
    @Override
    public double[][] values(double[] qs) {
        return f.valuesColumns(qs);
    }

    /**
     * Column {@code j} as a single-column {@link Interp1d} with this object's semantics, as
     * {@link Interp1d#column(int)}.
     *
     * @param j the column
     * @return the column's interpolant
     * @throws IndexOutOfBoundsException if {@code j} is not a column index
     */
    @Override
    public Interpolant1D column(int j) {
        return f.column(j);
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
        return order == 0 ? this : new VectorBSpline(f.derivativeSpline(order));
    }

    /** @return the kind */
    public Interp1d.Kind kind() {
        return f.kind();
    }

    /** @return a copy of the sorted abscissae */
    public double[] x() {
        return f.x();
    }

    /** @return a copy of the ordinates, {@code y[i][j]}, in the order of {@link #x()} */
    public double[][] y() {
        return f.yColumns();
    }

    @Override
    public double lowerBound() {
        return f.lowerBound();
    }

    @Override
    public double upperBound() {
        return f.upperBound();
    }

    @Override
    public OutOfRange outOfRange() {
        return f.outOfRange();
    }

    @Override
    public VectorInterp1d withOutOfRange(OutOfRange newMode) {
        Interp1d g = f.withOutOfRange(newMode);
        return g == f ? this : new VectorInterp1d(g);
    }

    @Override
    public String toString() {
        return "VectorInterp1d[" + f.kind() + ", n=" + f.x().length + ", columns=" + f.columns() + ", range=["
                + f.lowerBound() + ", " + f.upperBound() + "], " + f.outOfRange() + "]";
    }

    /**
     * Reads the interpolant (validated by its own serial form) and checks it is there.
     *
     * @param in the stream
     * @throws IOException            if reading fails or the interpolant is missing
     * @throws ClassNotFoundException if a class is missing
     */
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (f == null) {
            throw new InvalidObjectException("VectorInterp1d without its interpolant");
        }
    }
}
