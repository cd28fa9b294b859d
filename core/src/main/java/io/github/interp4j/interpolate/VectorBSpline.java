package io.github.interp4j.interpolate;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;

/**
 * A B-spline with {@code m} value columns sharing one knot vector and degree, seen as a
 * {@link VectorInterpolant1D}: a view of a multi-column {@link BSpline} ({@link #asBSpline()}), to which every
 * method delegates. Made by the deprecated {@link BSpline#ofColumns(double[], double[][], int)} and
 * {@link BSpline#makeInterpSpline(double[], double[][], int)}; numbers, validation, out-of-range modes,
 * calculus and costs are those of {@link BSpline}, column by column.
 *
 * <p>Thread-safety: immutable. Serialisation stores the {@link BSpline}, which re-validates on reading.
 *
 * @deprecated use {@link BSpline} itself, which holds m value columns: {@link BSpline#fromColumns(double[],
 *             double[][], int)}, {@link BSpline#makeInterpSplineColumns(double[], double[][], int)}
 */
@Deprecated
public final class VectorBSpline implements VectorInterpolant1D {
    private static final long serialVersionUID = 2L;

    /** @serial the multi-column spline this view shows */
    private final BSpline spline;

    VectorBSpline(BSpline spline) {
        this.spline = spline;
    }

    /** @return the multi-column {@link BSpline} this view shows (shared, immutable) */
    public BSpline asBSpline() {
        return spline;
    }

    /** @return m, the number of columns */
    @Override
    public int columns() {
        return spline.columns();
    }

    /**
     * Evaluates every column at {@code x}, as {@link BSpline#value(double, double[])}.
     *
     * @param x   the point
     * @param out receives column {@code j} at {@code out[j]}
     * @throws NullPointerException     if {@code out} is null
     * @throws IllegalArgumentException if {@code out.length < columns()}
     * @throws OutOfRangeException      if out of range and the mode is {@link OutOfRange#raise()}
     */
    @Override
    public void value(double x, double[] out) {
        spline.value(x, out);
    }

    /**
     * Evaluates every column at many points, as {@link BSpline#valuesColumns(double[])}.
     *
     * @param xs the points
     * @return {@code out[i][j]} = column {@code j} at {@code xs[i]}
     * @throws NullPointerException if {@code xs} is null
     * @throws OutOfRangeException  for the first out-of-range point when the mode is {@link OutOfRange#raise()}
     */
    @Override
    public double[][] values(double[] xs) {
        return spline.valuesColumns(xs);
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
        return spline.column(j);
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
        return wrap(spline.derivative(order));
    }

    /**
     * The antiderivative of every column, as {@link BSpline#antiderivative(int)}.
     *
     * @param order at least 0
     * @return the antiderivative
     * @throws IllegalArgumentException if {@code order < 0}
     */
    public VectorBSpline antiderivative(int order) {
        return wrap(spline.antiderivative(order));
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
        return spline.integrateColumns(a, b);
    }

    /** @return a copy of the knots */
    public double[] knots() {
        return spline.knots();
    }

    /** @return a copy of the coefficients, {@code c[i][j]} */
    public double[][] coefficients() {
        return spline.coefficientsColumns();
    }

    /** @return the degree */
    public int degree() {
        return spline.degree();
    }

    @Override
    public double lowerBound() {
        return spline.lowerBound();
    }

    @Override
    public double upperBound() {
        return spline.upperBound();
    }

    @Override
    public OutOfRange outOfRange() {
        return spline.outOfRange();
    }

    @Override
    public VectorBSpline withOutOfRange(OutOfRange newMode) {
        return wrap(spline.withOutOfRange(newMode));
    }

    /** This view when {@code s} is its spline, else a view of {@code s}. */
    private VectorBSpline wrap(BSpline s) {
        return s == spline ? this : new VectorBSpline(s);
    }

    @Override
    public String toString() {
        return "VectorBSpline[k=" + spline.degree() + ", n=" + spline.core().n + ", columns=" + spline.columns()
                + ", base=[" + spline.lowerBound() + ", " + spline.upperBound() + "], " + spline.outOfRange() + "]";
    }

    /**
     * Reads the spline (validated by its own serial form) and checks it is there.
     *
     * @param in the stream
     * @throws IOException            if reading fails or the spline is missing
     * @throws ClassNotFoundException if a class is missing
     */
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (spline == null) {
            throw new InvalidObjectException("VectorBSpline without its spline");
        }
    }
}
