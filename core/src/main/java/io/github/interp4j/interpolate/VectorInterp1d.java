package io.github.interp4j.interpolate;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;

/**
 * scipy's {@code interp1d} with {@code y} of shape {@code (n, m)}, seen as a {@link VectorInterpolant1D}: a view
 * of a multi-column {@link Interp1d} ({@link #asInterp1d()}), to which every method delegates. Made by the
 * deprecated {@link Interp1d#ofColumns(double[], double[][], Interp1d.Kind)}. Kinds, validation, sorting,
 * out-of-range modes, costs and scipy's 2-D semantics (LINEAR by {@code _call_linear}; a NaN makes every
 * QUADRATIC / CUBIC column NaN) are those of {@link Interp1d} made from columns: {@code value(q, out)} is
 * {@link Interp1d#value(double, double[])}, {@code values(qs)} is {@link Interp1d#valuesColumns(double[])},
 * {@code column(j)} is {@link Interp1d#column(int)}.
 *
 * <p>Thread-safety: immutable. Serialisation stores the {@link Interp1d}, which re-validates on reading.
 *
 * @deprecated use {@link Interp1d} itself, which holds m value columns:
 *             {@link Interp1d#fromColumns(double[], double[][], Interp1d.Kind)}
 */
@Deprecated
public final class VectorInterp1d extends ColumnsView {
    private static final long serialVersionUID = 2L;

    VectorInterp1d(Interp1d f) {
        super(f);
    }

    /** @return the multi-column {@link Interp1d} this view shows (shared, immutable) */
    public Interp1d asInterp1d() {
        return (Interp1d) unwrap();
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
        return order == 0 ? this : new VectorBSpline(asInterp1d().derivativeSpline(order));
    }

    /** @return the kind */
    public Interp1d.Kind kind() {
        return asInterp1d().kind();
    }

    /** @return a copy of the sorted abscissae */
    public double[] x() {
        return asInterp1d().x();
    }

    /** @return a copy of the ordinates, {@code y[i][j]}, in the order of {@link #x()} */
    public double[][] y() {
        return asInterp1d().yColumns();
    }

    /**
     * @param newMode the new mode
     * @return the same data with another out-of-range mode
     * @throws NullPointerException if {@code newMode} is null
     */
    @Override
    public VectorInterp1d withOutOfRange(OutOfRange newMode) {
        Interp1d g = asInterp1d().withOutOfRange(newMode);
        return g == unwrap() ? this : new VectorInterp1d(g);
    }

    @Override
    public String toString() {
        Interp1d f = asInterp1d();
        return "VectorInterp1d[" + f.kind() + ", n=" + f.x().length + ", columns=" + f.columns() + ", range=["
                + f.lowerBound() + ", " + f.upperBound() + "], " + f.outOfRange() + "]";
    }

    /**
     * Reads the interpolant (validated by its own serial form) and checks it is one.
     *
     * @param in the stream
     * @throws IOException            if reading fails or the interpolant is missing
     * @throws ClassNotFoundException if a class is missing
     */
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (!(unwrap() instanceof Interp1d)) {
            throw new InvalidObjectException("VectorInterp1d without its Interp1d");
        }
    }
}
