package io.github.interp4j.interpolate;

import io.github.interp4j.interpolate.internal.validation.SerialProxies;
import io.github.interp4j.interpolate.internal.search.IntervalIndex;
import io.github.interp4j.interpolate.internal.poly.PPolyKernel;
import io.github.interp4j.interpolate.internal.parallel.ParallelEvaluation;
import io.github.interp4j.interpolate.internal.validation.Validation;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.util.Objects;

/**
 * Several piecewise polynomials over the same breakpoints (scipy's PPoly with {@code c} of shape
 * {@code (k + 1, m, cols)}). Coefficients are flat, interval-major, then power, then column
 * ({@link PPolyKernel}), so one interval search serves all columns and the coefficients of one query
 * are contiguous. Column {@code j} is evaluated by exactly the operations {@link PPoly} uses, so
 * {@link #column(int)} agrees bit for bit with this object.
 *
 * <p>When built by a fitting factory ({@code CubicSpline.ofColumns} etc.) the instance keeps a
 * {@link Recipe} — the validated input data — and serialises it, so deserialisation re-runs the
 * validating factory. Otherwise the coefficients are serialised and validated on reading.
 *
 * <p>Thread-safety: immutable.
 */
final class PPolyColumns implements VectorInterpolant1D {
    private static final long serialVersionUID = 1L;

    /** The validated input of a fit; {@link #fit()} re-runs the public, validating factory. */
    interface Recipe extends Serializable {
        /** @return the fitted columns (with the factory's default mode) */
        VectorInterpolant1D fit();
    }

    private final transient double[] x;
    private final transient double[] c;
    private final transient int order;
    private final transient int cols;
    private final transient OutOfRange mode;
    private final transient IntervalIndex index;
    private final transient Recipe recipe;
    private final transient double lo;
    private final transient double hi;

    PPolyColumns(double[] x, double[] c, int order, int cols, OutOfRange mode, IntervalIndex index, Recipe recipe) {
        this.x = x;
        this.c = c;
        this.order = order;
        this.cols = cols;
        this.mode = mode;
        this.index = index;
        this.recipe = recipe;
        this.lo = x[0];
        this.hi = x[x.length - 1];
    }

    @Override
    public int columns() {
        return cols;
    }

    @Override
    public void value(double t, double[] out) {
        Validation.requireNonNull(out, "out");
        if (out.length < cols) {
            throw new IllegalArgumentException("out.length = " + out.length + " < columns() = " + cols);
        }
        evaluateInto(t, out);
    }

    private void evaluateInto(double t, double[] out) {
        double q = t;
        switch (mode.kind()) {
            case PERIODIC:
                q = PPolyKernel.wrap(t, lo, hi - lo);
                break;
            case EXTRAPOLATE:
                break;
            default:
                if (!(t >= lo && t <= hi) && t == t) {
                    switch (mode.kind()) {
                        case NAN:
                            q = Double.NaN;
                            break;
                        case RAISE:
                            throw new OutOfRangeException(t, lo, hi);
                        case CLAMP:
                            q = t < lo ? lo : hi;
                            break;
                        default: { // FILL
                            double v = t < lo ? mode.below() : mode.above();
                            for (int j = 0; j < cols; j++) {
                                out[j] = v;
                            }
                            return;
                        }
                    }
                }
                break;
        }
        if (q != q) {
            for (int j = 0; j < cols; j++) {
                out[j] = Double.NaN;
            }
            return;
        }
        int i = index.find(q);
        double s = q - x[i];
        int base = i * order * cols;
        double[] cc = c;
        // scipy's evaluate_poly1 order, as PPoly: lowest power first, powers by repeated products.
        int row = base + (order - 1) * cols;
        for (int j = 0; j < cols; j++) {
            out[j] = 0.0 + cc[row + j];
        }
        double z = 1.0;
        for (int p = 1; p < order; p++) {
            z *= s;
            row -= cols;
            for (int j = 0; j < cols; j++) {
                out[j] = out[j] + cc[row + j] * z;
            }
        }
    }

    @Override
    public double[][] values(double[] xs) {
        Validation.requireNonNull(xs, "xs");
        double[][] out = new double[xs.length][];
        ParallelEvaluation.forRange(xs.length, (from, to) -> {
            for (int k = from; k < to; k++) {
                double[] row = new double[cols];
                evaluateInto(xs[k], row);
                out[k] = row;
            }
        });
        return out;
    }

    @Override
    public PPoly column(int j) {
        Objects.checkIndex(j, cols);
        int pieces = x.length - 1;
        double[] cj = new double[pieces * order];
        for (int k = 0; k < cj.length; k++) {
            cj[k] = c[k * cols + j];
        }
        return new PPoly(x, cj, order, mode, index);
    }

    @Override
    public VectorInterpolant1D derivative(int nu) {
        if (nu < 0) {
            throw new IllegalArgumentException("derivative order must be at least 0, was " + nu);
        }
        if (nu == 0) {
            return this;
        }
        double[] dc = PPolyKernel.derivative(c, x.length - 1, order, cols, nu);
        return new PPolyColumns(x, dc, Math.max(order - nu, 1), cols, mode, index, null);
    }

    @Override
    public double lowerBound() {
        return lo;
    }

    @Override
    public double upperBound() {
        return hi;
    }

    @Override
    public OutOfRange outOfRange() {
        return mode;
    }

    @Override
    public VectorInterpolant1D withOutOfRange(OutOfRange mode) {
        Validation.requireNonNull(mode, "mode");
        return mode.equals(this.mode) ? this : new PPolyColumns(x, c, order, cols, mode, index, recipe);
    }

    @Override
    public String toString() {
        return "PPolyColumns[degree=" + (order - 1) + ", intervals=" + (x.length - 1) + ", columns=" + cols
                + ", range=[" + lo + ", " + hi + "], outOfRange=" + mode + "]";
    }

    /** @return the serialisation proxy, which is what gets written */
    private Object writeReplace() {
        return recipe != null ? new FittedForm(recipe, mode) : new CoefficientForm(x, c, order, cols, mode);
    }

    /**
     * Rejects streams that bypass the serialisation proxy.
     *
     * @param in the stream
     * @throws InvalidObjectException always
     */
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("PPolyColumns is deserialised through its serialisation proxy");
    }


    /** Serial form of fitted columns: the fit's validated input, re-fitted on reading. */
    private static final class FittedForm implements Serializable {
        private static final long serialVersionUID = 1L;
        /** @serial the recipe */
        private final Recipe recipe;
        /** @serial the mode */
        private final OutOfRange mode;

        FittedForm(Recipe recipe, OutOfRange mode) {
            this.recipe = recipe;
            this.mode = mode;
        }

        /**
         * @return the object rebuilt through the validating public API
         * @throws ObjectStreamException if the data are invalid
         */
        private Object readResolve() throws ObjectStreamException {
            try {
                Objects.requireNonNull(recipe, "recipe");
                return recipe.fit().withOutOfRange(Objects.requireNonNull(mode, "mode"));
            } catch (RuntimeException e) {
                throw SerialProxies.invalid("interpolant", e);
            }
        }
    }

    /** Serial form of coefficient-defined columns (derivatives), validated on reading. */
    private static final class CoefficientForm implements Serializable {
        private static final long serialVersionUID = 1L;
        /** @serial the x */
        private final double[] x;
        /** @serial the c */
        private final double[] c;
        /** @serial the order */
        private final int order;
        /** @serial the cols */
        private final int cols;
        /** @serial the mode */
        private final OutOfRange mode;

        CoefficientForm(double[] x, double[] c, int order, int cols, OutOfRange mode) {
            this.x = x;
            this.c = c;
            this.order = order;
            this.cols = cols;
            this.mode = mode;
        }

        /**
         * @return the object rebuilt through the validating public API
         * @throws ObjectStreamException if the data are invalid
         */
        private Object readResolve() throws ObjectStreamException {
            try {
                Validation.requireNonNull(x, "x");
                Validation.requireNonNull(c, "c");
                Validation.requireNonNull(mode, "mode");
                Validation.requireMinPoints("PPolyColumns", x.length, 2);
                if (order < 1 || cols < 1) {
                    throw new IllegalArgumentException("order and columns must be at least 1: " + order + ", " + cols);
                }
                int size = Validation.checkedSize("PPolyColumns coefficients", (long) (x.length - 1) * order, cols);
                if (c.length != size) {
                    throw new IllegalArgumentException("c.length = " + c.length + ", expected " + size);
                }
                Validation.requireFinite("x", x);
                Validation.requireFinite("c", c);
                Validation.requireNonDecreasing("x", x);
                double[] xs = x.clone();
                return new PPolyColumns(xs, c.clone(), order, cols, mode, new IntervalIndex(xs), null);
            } catch (RuntimeException e) {
                throw SerialProxies.invalid("interpolant", e);
            }
        }
    }
}
