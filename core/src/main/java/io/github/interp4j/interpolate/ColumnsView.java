package io.github.interp4j.interpolate;

import io.github.interp4j.interpolate.internal.validation.Validation;

/**
 * The {@link VectorInterpolant1D} face of a multi-column {@link Interpolant1D}: what the older
 * {@code ofColumns} factories return. Every method delegates to the one multi-column interpolant, so
 * there is a single code path for m = 1 and m &gt; 1.
 *
 * <p>The deprecated public views {@link VectorBSpline} and {@link VectorInterp1d} extend it with their typed
 * methods; nothing else does.
 *
 * <p>Thread-safety: immutable when the wrapped interpolant is (all of the library's are).
 */
class ColumnsView implements VectorInterpolant1D {
    private static final long serialVersionUID = 1L;

    /** @serial the multi-column interpolant */
    private final Interpolant1D f;

    ColumnsView(Interpolant1D f) {
        Validation.requireNonNull(f, "f");
        this.f = f;
    }

    /** @return the multi-column interpolant this view shows */
    Interpolant1D unwrap() {
        return f;
    }

    @Override
    public int columns() {
        return f.columns();
    }

    @Override
    public void value(double x, double[] out) {
        f.value(x, out);
    }

    @Override
    public double[][] values(double[] xs) {
        return f.valuesColumns(xs);
    }

    @Override
    public Interpolant1D column(int j) {
        return f.column(j);
    }

    @Override
    public VectorInterpolant1D derivative(int order) {
        return new ColumnsView(f.derivative(order));
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
    public VectorInterpolant1D withOutOfRange(OutOfRange mode) {
        Validation.requireNonNull(mode, "mode");
        return mode.equals(f.outOfRange()) ? this : new ColumnsView(f.withOutOfRange(mode));
    }

    @Override
    public String toString() {
        return f.toString();
    }
}
