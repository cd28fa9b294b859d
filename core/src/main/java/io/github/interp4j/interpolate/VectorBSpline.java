package io.github.interp4j.interpolate;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;

/**
 * A B-spline with {@code m} value columns sharing one knot vector and degree, seen as a
 * {@link VectorInterpolant1D}: a view of a multi-column {@link BSpline} ({@link #asBSpline()}), to which every
 * method delegates. Made by the deprecated {@link BSpline#ofColumns(double[], double[][], int)} and
 * {@link BSpline#makeInterpSpline(double[], double[][], int)}; numbers, validation, out-of-range modes,
 * calculus and costs are those of {@link BSpline}, column by column: {@code value(x, out)} is
 * {@link BSpline#value(double, double[])}, {@code values(xs)} is {@link BSpline#valuesColumns(double[])}.
 *
 * <p>Thread-safety: immutable. Serialisation stores the {@link BSpline}, which re-validates on reading.
 *
 * @deprecated use {@link BSpline} itself, which holds m value columns: {@link BSpline#fromColumns(double[],
 *             double[][], int)}, {@link BSpline#makeInterpSplineColumns(double[], double[][], int)}
 */
@Deprecated
public final class VectorBSpline extends ColumnsView {
    private static final long serialVersionUID = 2L;

    VectorBSpline(BSpline spline) {
        super(spline);
    }

    /** @return the multi-column {@link BSpline} this view shows (shared, immutable) */
    public BSpline asBSpline() {
        return (BSpline) unwrap();
    }

    /**
     * Column {@code j} as a single-column {@link BSpline}, as {@link BSpline#column(int)}.
     *
     * @param j the column, {@code 0 <= j < columns()}
     * @return the column's spline
     * @throws IndexOutOfBoundsException if {@code j} is not a column
     */
    @Override
    public BSpline column(int j) {
        return asBSpline().column(j);
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
        return view(asBSpline().derivative(order));
    }

    /**
     * The antiderivative of every column, as {@link BSpline#antiderivative(int)}.
     *
     * @param order at least 0
     * @return the antiderivative
     * @throws IllegalArgumentException if {@code order < 0}
     */
    public VectorBSpline antiderivative(int order) {
        return view(asBSpline().antiderivative(order));
    }

    /**
     * The definite integral of every column, as {@link BSpline#integrateColumns(double, double)}.
     *
     * @param a lower limit
     * @param b upper limit
     * @return one integral per column
     * @throws OutOfRangeException if the mode is {@link OutOfRange#raise()} and a limit is out of range
     */
    public double[] integrate(double a, double b) {
        return asBSpline().integrateColumns(a, b);
    }

    /** @return a copy of the knots */
    public double[] knots() {
        return asBSpline().knots();
    }

    /** @return a copy of the coefficients, {@code c[i][j]} */
    public double[][] coefficients() {
        return asBSpline().coefficientsColumns();
    }

    /** @return the degree */
    public int degree() {
        return asBSpline().degree();
    }

    /**
     * @param newMode the new mode
     * @return the same data with another out-of-range mode
     * @throws NullPointerException if {@code newMode} is null
     */
    @Override
    public VectorBSpline withOutOfRange(OutOfRange newMode) {
        return view(asBSpline().withOutOfRange(newMode));
    }

    /** This view when {@code s} is its spline, else a view of {@code s}. */
    private VectorBSpline view(BSpline s) {
        return s == unwrap() ? this : new VectorBSpline(s);
    }

    @Override
    public String toString() {
        BSpline s = asBSpline();
        return "VectorBSpline[k=" + s.degree() + ", n=" + s.core().n + ", columns=" + s.columns() + ", base=["
                + s.lowerBound() + ", " + s.upperBound() + "], " + s.outOfRange() + "]";
    }

    /**
     * Reads the spline (validated by its own serial form) and checks it is one.
     *
     * @param in the stream
     * @throws IOException            if reading fails or the spline is missing
     * @throws ClassNotFoundException if a class is missing
     */
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (!(unwrap() instanceof BSpline)) {
            throw new InvalidObjectException("VectorBSpline without its BSpline");
        }
    }
}
