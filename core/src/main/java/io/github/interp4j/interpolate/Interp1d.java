package io.github.interp4j.interpolate;

import io.github.interp4j.interpolate.internal.parallel.ParallelEvaluation;
import io.github.interp4j.interpolate.internal.range.RangePolicy;
import io.github.interp4j.interpolate.internal.search.IntervalIndex;
import io.github.interp4j.interpolate.internal.validation.SerialProxies;
import io.github.interp4j.interpolate.internal.validation.Validation;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * One-dimensional interpolation of data {@code (x[i], y[i])}, the port of scipy's (legacy)
 * {@code scipy.interpolate.interp1d} for the string kinds.
 *
 * <h2>Kinds</h2>
 * <ul>
 *   <li>{@link Kind#LINEAR}: the broken line; inside the range exactly {@code numpy.interp} (which scipy
 *       delegates to): {@code y[j]} at a data abscissa, {@code s_j (q - x[j]) + y[j]} with
 *       {@code s_j = (y[j+1] - y[j]) / (x[j+1] - x[j])} precomputed, a NaN result retried from
 *       {@code x[j+1]}. With {@link OutOfRange#extrapolate()} scipy switches to its own formula for
 *       <em>all</em> queries ({@code searchsorted(x, q, 'left')} clipped to {@code [1, n-1]}, then
 *       {@code s (q - x[lo]) + y[lo]}), and so does this class: values at data abscissae can then differ in the
 *       last bit, and at repeated abscissae the first rather than the last {@code y} is taken.</li>
 *   <li>{@link Kind#NEAREST} / {@link Kind#NEAREST_UP}: the {@code y} of the nearest abscissa, halfway points
 *       going down / up (the midpoints are {@code x[i]/2 + x[i+1]/2}, as scipy).</li>
 *   <li>{@link Kind#PREVIOUS} / {@link Kind#NEXT}: the {@code y} of the last abscissa {@code <= q} / the first
 *       {@code >= q}.</li>
 *   <li>{@link Kind#ZERO}, {@link Kind#SLINEAR}, {@link Kind#QUADRATIC}, {@link Kind#CUBIC}: the interpolating
 *       B-spline of degree 0, 1, 2, 3 of {@link BSpline#makeInterpSpline(double[], double[], int)} (not-a-knot).
 *       For QUADRATIC and CUBIC a NaN anywhere in {@code y} makes every value NaN (scipy's behaviour); ZERO and
 *       SLINEAR pass NaNs through locally.</li>
 * </ul>
 * Minimum numbers of points: 1 for LINEAR, NEAREST, NEAREST_UP, PREVIOUS, NEXT and ZERO; 2 for SLINEAR; 3 for
 * QUADRATIC; 4 for CUBIC.
 *
 * <h2>Data</h2>
 * {@code x} must be finite ({@code y} may hold NaN and infinities, which propagate as in scipy). Unless
 * {@code assumeSorted}, the points are sorted by a stable sort (scipy: {@code argsort(kind='mergesort')}), so
 * equal abscissae keep their input order. Repeated abscissae are accepted for LINEAR, NEAREST, NEAREST_UP,
 * PREVIOUS and NEXT, with scipy's results there (e.g. LINEAR gives the last of the repeated {@code y}, PREVIOUS
 * the last, NEXT the first); the spline kinds need distinct abscissae.
 *
 * <h2>Out of range</h2>
 * The default mode is {@link OutOfRange#raise()} (scipy's {@code bounds_error=None} with the default fill);
 * {@link #withOutOfRange(OutOfRange)} gives the others: {@link OutOfRange#nan()} (scipy
 * {@code bounds_error=False}), {@link OutOfRange#fill(double, double)} (scipy {@code fill_value=(below, above)}),
 * {@link OutOfRange#extrapolate()} (scipy {@code fill_value="extrapolate"}: LINEAR continues the end segments,
 * NEAREST the end values, the spline kinds their end pieces, PREVIOUS gives NaN below and {@code y[n-1]} above,
 * NEXT {@code y[0]} below and NaN above - all as scipy), and - not in scipy - {@link OutOfRange#clamp()}
 * ({@code f(clamp(q))}) and {@link OutOfRange#periodic()} ({@code f(x[0] + (q - x[0]) mod (x[n-1] - x[0]))}
 * for queries outside the range). A NaN query gives NaN in every mode (scipy answers {@code y[n-1]} for the
 * nearest/previous/next kinds; this class follows the {@link Interpolant1D} contract instead).
 *
 * <h2>Value columns</h2>
 * One interpolant holds {@code m >= 1} value columns over the same abscissae (scipy's {@code y} of shape
 * {@code (n, m)}): the constructors make {@code m = 1}, {@link #fromColumns(double[], double[][], Kind, boolean)}
 * any {@code m}, with one sort, one search per query ({@link #value(double, double[])},
 * {@link #valuesColumns(double[], double[])}) and, for the spline kinds, one fit with {@code m} right-hand
 * sides. Data made from columns follows scipy's 2-D {@code y} paths, even for one column: LINEAR always uses
 * {@code _call_linear} ({@code s (q - x[lo]) + y[lo]} with {@code lo} from {@code searchsorted(x, q, 'left')},
 * so at a repeated abscissa the first {@code y} is taken and a NaN spreads to both neighbouring segments of
 * its column), and for QUADRATIC / CUBIC a NaN anywhere in {@code y} makes every column NaN.
 * {@link #column(int)} keeps these semantics. With {@code m > 1} the single-column methods
 * ({@link #value(double)}, {@link #values(double[], double[])}, {@link #y()}) throw
 * {@link IllegalStateException}.
 *
 * <h2>Cost</h2>
 * Construction O(n) for sorted input (O(n log n) otherwise) plus, for the spline kinds, the O(n) banded fit.
 * Each query takes O(1) expected time (bucketed interval search, no allocation for the non-spline kinds);
 * {@link #values(double[], double[])} runs large batches in parallel, bit-for-bit as {@link #value(double)}.
 *
 * <p>Extreme data: LINEAR segment values whose slope form overflows (values alternating near +-1e308) are
 * computed as weighted means, which cannot overflow inside a segment; the spline kinds fit as
 * {@link BSpline#makeInterpSpline} does (scaled solves, {@link ArithmeticException} naming a coefficient that
 * is not a double). A single point gives its value at that point for every kind (scipy's 2-D LINEAR path gives
 * NaN there) and NaN elsewhere for LINEAR, as scipy.
 *
 * <p>Thread-safety: immutable; inputs are copied. Serialisation stores the sorted data, kind, columns and
 * mode; deserialisation validates it again.
 */
public final class Interp1d implements Interpolant1D {
    private static final long serialVersionUID = 1L;

    /** scipy's string kinds of {@code interp1d}. */
    public enum Kind {
        /** Broken line ({@code 'linear'}). */
        LINEAR(1, -1),
        /** Nearest point, halfway rounds down ({@code 'nearest'}). */
        NEAREST(1, -1),
        /** Nearest point, halfway rounds up ({@code 'nearest-up'}). */
        NEAREST_UP(1, -1),
        /** Previous point's value ({@code 'previous'}). */
        PREVIOUS(1, -1),
        /** Next point's value ({@code 'next'}). */
        NEXT(1, -1),
        /** Spline of degree 0 ({@code 'zero'}). */
        ZERO(1, 0),
        /** Spline of degree 1 ({@code 'slinear'}). */
        SLINEAR(2, 1),
        /** Spline of degree 2 ({@code 'quadratic'}). */
        QUADRATIC(3, 2),
        /** Spline of degree 3 ({@code 'cubic'}). */
        CUBIC(4, 3);

        private final int minPoints;
        private final int order;

        Kind(int minPoints, int order) {
            this.minPoints = minPoints;
            this.order = order;
        }

        /** @return the minimum number of data points for this kind */
        public int minPoints() {
            return minPoints;
        }

        /** @return the spline degree for the spline kinds, -1 for the others */
        public int order() {
            return order;
        }

        /** @return whether this is one of the spline kinds (ZERO, SLINEAR, QUADRATIC, CUBIC) */
        public boolean isSpline() {
            return order >= 0;
        }
    }

    private final transient Interp1dData data;
    private final transient OutOfRange mode;
    private final transient RangePolicy policy;
    /** LINEAR answered by numpy.interp: 1-D y, not extrapolating. */
    private final transient boolean npLinear;
    /** npLinear with at least two points: the hot path of {@link #value(double)} and {@link #values}. */
    private final transient boolean linearFast;

    /**
     * Linear interpolation, raising outside the range (scipy {@code interp1d(x, y)}).
     *
     * @param x the abscissae, finite, any order
     * @param y the ordinates, same length
     * @throws NullPointerException     if an array is null
     * @throws IllegalArgumentException as {@link #Interp1d(double[], double[], Kind, boolean)}
     */
    public Interp1d(double[] x, double[] y) {
        this(x, y, Kind.LINEAR, false);
    }

    /**
     * Interpolation of the given kind (scipy {@code interp1d(x, y, kind)}), raising outside the range.
     *
     * @param x    the abscissae, finite, any order
     * @param y    the ordinates, same length
     * @param kind the kind
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException as {@link #Interp1d(double[], double[], Kind, boolean)}
     */
    public Interp1d(double[] x, double[] y, Kind kind) {
        this(x, y, kind, false);
    }

    /**
     * Interpolation of the given kind (scipy {@code interp1d(x, y, kind, assume_sorted=assumeSorted)}),
     * raising outside the range.
     *
     * @param x            the abscissae, finite; non-decreasing if {@code assumeSorted}, else any order
     * @param y            the ordinates, same length (NaN and infinities allowed)
     * @param kind         the kind
     * @param assumeSorted skip sorting ({@code x} is then checked to be non-decreasing)
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the lengths differ; if there are fewer points than
     *                                  {@link Kind#minPoints()}; if an {@code x} is not finite; if
     *                                  {@code assumeSorted} and {@code x} decreases; if a spline kind gets
     *                                  repeated abscissae (messages name the index and value)
     */
    public Interp1d(double[] x, double[] y, Kind kind, boolean assumeSorted) {
        this(checked(x, y, kind, assumeSorted), OutOfRange.raise());
    }

    private static Interp1dData checked(double[] x, double[] y, Kind kind, boolean assumeSorted) {
        Validation.requireNonNull(x, "x");
        Validation.requireNonNull(y, "y");
        Validation.requireNonNull(kind, "kind");
        Validation.requireSameLength("x", x.length, "y", y.length);
        return Interp1dData.build("Interp1d", x, y, 1, kind, assumeSorted, false, false);
    }

    private Interp1d(Interp1dData data, OutOfRange mode) {
        this.data = data;
        this.mode = mode;
        this.policy = RangePolicy.of(mode, data.lo, data.hi);
        this.npLinear = data.eff == Kind.LINEAR && !data.twoD && !policy.extrapolates();
        this.linearFast = npLinear && data.n >= 2;
    }

    /**
     * Interpolation of {@code m} value columns (scipy {@code interp1d(x, y, kind, axis=0)} with {@code y} of
     * shape {@code (n, m)}), raising outside the range; see the class documentation for scipy's 2-D
     * semantics.
     *
     * @param x    the abscissae, finite, any order
     * @param y    {@code y[i][j]} = column {@code j} at {@code x[i]}; rectangular (NaN and infinities allowed)
     * @param kind the kind
     * @return the interpolant, {@link #columns()} = m
     * @throws NullPointerException     if an argument or a row is null
     * @throws IllegalArgumentException as {@link #Interp1d(double[], double[], Kind, boolean)}, or if {@code y}
     *                                  is ragged or has no columns
     */
    public static Interp1d fromColumns(double[] x, double[][] y, Kind kind) {
        return fromColumns(x, y, kind, false);
    }

    /**
     * As {@link #fromColumns(double[], double[][], Kind)} with scipy's {@code assume_sorted}.
     *
     * @param x            the abscissae
     * @param y            the ordinates {@code y[i][j]}
     * @param kind         the kind
     * @param assumeSorted skip sorting ({@code x} is then checked to be non-decreasing)
     * @return the interpolant, {@link #columns()} = m
     * @throws NullPointerException     if an argument or a row is null
     * @throws IllegalArgumentException as {@link #fromColumns(double[], double[][], Kind)}
     */
    public static Interp1d fromColumns(double[] x, double[][] y, Kind kind, boolean assumeSorted) {
        Validation.requireNonNull(x, "x");
        Validation.requireNonNull(y, "y");
        Validation.requireNonNull(kind, "kind");
        Validation.requireSameLength("x", x.length, "y", y.length);
        Validation.requireMinPoints("Interp1d(" + kind + ")", x.length, kind.minPoints());
        int m = ColumnLayout.requireRectangular("y", y);
        return new Interp1d(Interp1dData.build("Interp1d", x, ColumnLayout.flatten(y, m), m, kind, assumeSorted,
                true, false), OutOfRange.raise());
    }

    /**
     * Multi-column interpolation as a {@link VectorInterp1d}.
     *
     * @param x    the abscissae, finite, any order
     * @param y    {@code y[i][j]} = column {@code j} at {@code x[i]}; rectangular
     * @param kind the kind
     * @return the interpolant
     * @throws NullPointerException     if an argument or a row is null
     * @throws IllegalArgumentException as {@link #fromColumns(double[], double[][], Kind)}
     * @deprecated use {@link #fromColumns(double[], double[][], Kind)}, which gives an {@code Interp1d} with the
     *             same numbers
     */
    @Deprecated
    public static VectorInterp1d ofColumns(double[] x, double[][] y, Kind kind) {
        return ofColumns(x, y, kind, false);
    }

    /**
     * As {@link #ofColumns(double[], double[][], Kind)} with scipy's {@code assume_sorted}.
     *
     * @param x            the abscissae
     * @param y            the ordinates {@code y[i][j]}
     * @param kind         the kind
     * @param assumeSorted skip sorting ({@code x} is then checked to be non-decreasing)
     * @return the interpolant
     * @throws NullPointerException     if an argument or a row is null
     * @throws IllegalArgumentException as {@link #ofColumns(double[], double[][], Kind)}
     * @deprecated use {@link #fromColumns(double[], double[][], Kind, boolean)}
     */
    @Deprecated
    public static VectorInterp1d ofColumns(double[] x, double[][] y, Kind kind, boolean assumeSorted) {
        return new VectorInterp1d(fromColumns(x, y, kind, assumeSorted));
    }

    // ------------------------------------------------------------------------------------------------
    // evaluation

    /**
     * Evaluates the single-column interpolant at {@code q}. O(1) expected; allocates nothing except the
     * spline kinds' work array.
     *
     * @param q the query
     * @return the interpolated value; NaN for NaN; outside the range as the mode says
     * @throws OutOfRangeException   if {@code q} is out of range and the mode is {@link OutOfRange#raise()}
     * @throws IllegalStateException if the interpolant has several value columns
     */
    @Override
    public double value(double q) {
        ColumnLayout.requireOneColumn(this, data.m);
        if (linearFast && q >= data.lo && q < data.hi) {
            return data.npInterpAt(q, data.xs.interval(q));
        }
        return eval(q, work());
    }

    /** The abscissa at which to evaluate {@code q}, or NaN when {@link RangePolicy#answer} gives the value. */
    private double settled(double q) {
        return q >= data.lo && q <= data.hi ? q : policy.adjust(q);
    }

    /** The single column at {@code q}: the range policy, then the kind's formula. */
    private double eval(double q, double[] work) {
        double a = settled(q);
        return a == a ? data.value(a, npLinear, work) : policy.answer(q);
    }

    /** Every column at {@code q} into {@code out[off ..]}: the range policy, then the kind's formulas. */
    private void eval(double q, double[] out, int off, double[] work) {
        double a = settled(q);
        if (a != a) {
            Arrays.fill(out, off, off + data.m, policy.answer(q));
        } else {
            data.values(a, npLinear, out, off, work);
        }
    }

    /** A work array for the spline kinds, null for the others. */
    private double[] work() {
        int wl = data.workLength();
        return wl == 0 ? null : new double[wl];
    }

    /**
     * Evaluates the single-column interpolant at many points, in parallel for large batches; bit-for-bit
     * {@link #value(double)}.
     *
     * @param qs  the queries (not modified)
     * @param out receives {@code value(qs[i])} at {@code i}
     * @throws NullPointerException     if an array is null
     * @throws IllegalArgumentException if {@code out.length < qs.length}
     * @throws OutOfRangeException      for the first out-of-range query when the mode is {@link OutOfRange#raise()}
     * @throws IllegalStateException    if the interpolant has several value columns
     */
    @Override
    public void values(double[] qs, double[] out) {
        ColumnLayout.requireOneColumn(this, data.m);
        ColumnLayout.checkBatch(qs, out, 1);
        if (linearFast) {
            ParallelEvaluation.forRange(qs.length, (from, to) -> linearRange(qs, out, from, to));
            return;
        }
        final Interp1dData d = data;
        final RangePolicy p = policy;
        final boolean np = npLinear;
        ParallelEvaluation.forRange(qs.length, (from, to) -> {
            double[] work = work();
            for (int i = from; i < to; i++) {
                double q = qs[i];
                double a = q >= d.lo && q <= d.hi ? q : p.adjust(q); // eval(q, work), with the fields in locals
                out[i] = a == a ? d.value(a, np, work) : p.answer(q);
            }
        });
    }

    /**
     * The numpy.interp loop, bit-for-bit {@link #value(double)}: in-range queries go straight to the blocked
     * interval search and the packed {@code (y, slope)} pair; nothing is allocated per query.
     */
    private void linearRange(double[] qs, double[] out, int from, int to) {
        final Interp1dData d = data;
        final double lo = d.lo;
        final double hi = d.hi;
        int[] idx = new int[IntervalIndex.BLOCK];
        int[] scratch = new int[IntervalIndex.BLOCK];
        for (int b = from; b < to; b += IntervalIndex.BLOCK) {
            int e = Math.min(to, b + IntervalIndex.BLOCK);
            d.xs.intervalBlock(qs, b, e, idx, scratch);
            for (int i = b; i < e; i++) {
                double q = qs[i];
                out[i] = q >= lo && q < hi ? d.npInterpAt(q, idx[i - b]) : eval(q, null);
            }
        }
    }

    /** @return m, the number of value columns (1 unless made by {@code fromColumns}) */
    @Override
    public int columns() {
        return data.m;
    }

    /**
     * Evaluates every column at {@code q} with one search. O(m) after an O(1)-expected search.
     *
     * @param q   the query
     * @param out receives column {@code j} at {@code out[j]}
     * @throws NullPointerException     if {@code out} is null
     * @throws IllegalArgumentException if {@code out.length < columns()}
     * @throws OutOfRangeException      if out of range and the mode is {@link OutOfRange#raise()}
     */
    @Override
    public void value(double q, double[] out) {
        ColumnLayout.checkRow(out, data.m);
        eval(q, out, 0, work());
    }

    /**
     * Evaluates every column at many points, {@code out[i * m + j]} = column {@code j} at {@code qs[i]}, in
     * parallel for large batches; bit for bit {@link #value(double, double[])}.
     *
     * @param qs  the queries (not modified)
     * @param out receives the values; at least {@code qs.length * columns()} long
     * @throws NullPointerException     if an array is null
     * @throws IllegalArgumentException if {@code out} is too short
     * @throws OutOfRangeException      for the first out-of-range query when the mode is {@link OutOfRange#raise()}
     */
    @Override
    public void valuesColumns(double[] qs, double[] out) {
        ColumnLayout.checkBatch(qs, out, data.m);
        final int m = data.m;
        ParallelEvaluation.forRange(qs.length, (from, to) -> {
            double[] work = work();
            for (int i = from; i < to; i++) {
                eval(qs[i], out, i * m, work);
            }
        });
    }

    /**
     * Column {@code j} as a single-column interpolant with this one's kind, mode and semantics (for data made
     * from columns: scipy's 2-D paths); its values equal column {@code j} of this interpolant bit for bit.
     * O(n), plus the O(n) fit for the spline kinds.
     *
     * @param j the column, {@code 0 <= j < columns()}
     * @return the column's interpolant ({@code this} when {@code columns() == 1})
     * @throws IndexOutOfBoundsException if {@code j} is not a column index
     */
    @Override
    public Interp1d column(int j) {
        Objects.checkIndex(j, data.m);
        return data.m == 1 ? this : new Interp1d(data.column(j), mode);
    }

    // ------------------------------------------------------------------------------------------------
    // derivative

    /**
     * A derivative of every column (scipy's {@code interp1d} has none):
     * <ul>
     *   <li>spline kinds: the derivative {@link BSpline} of the interpolating spline
     *       ({@link BSpline#derivative(int)}), with this interpolant's mode;</li>
     *   <li>LINEAR with distinct abscissae: the derivative of the equal degree-1 spline, i.e. the piecewise
     *       constant slopes, continuous from the right at the data abscissae (the last segment's slope at
     *       {@code x[n-1]}); orders above 1 are rejected as for a degree-1 spline;</li>
     *   <li>NEAREST, NEAREST_UP, PREVIOUS, NEXT (and LINEAR with repeated abscissae): not supported - the
     *       derivative is zero between data and undefined at the jumps.</li>
     * </ul>
     *
     * @param order the order; 0 returns this interpolant
     * @return the derivative (a {@link BSpline} with {@link #columns()} columns for {@code order >= 1})
     * @throws IllegalArgumentException      if {@code order < 0} or above the spline degree
     * @throws UnsupportedOperationException for the piecewise-constant kinds and LINEAR with repeated abscissae
     */
    @Override
    public Interpolant1D derivative(int order) {
        return order == 0 ? this : derivativeSpline(order);
    }

    /** The derivative of order {@code order >= 1} (or a negative order, rejected) as a spline. */
    BSpline derivativeSpline(int order) {
        if (order < 0) {
            throw new IllegalArgumentException("derivative order must be >= 0, was " + order);
        }
        return new BSpline(data.derivativeCore(order), mode);
    }

    // ------------------------------------------------------------------------------------------------
    // accessors

    /** @return the kind */
    public Kind kind() {
        return data.kind;
    }

    /** @return a copy of the (sorted) abscissae */
    public double[] x() {
        return data.x.clone();
    }

    /**
     * @return a copy of the ordinates in the order of {@link #x()}
     * @throws IllegalStateException if the interpolant has several value columns (use {@link #yColumns()})
     */
    public double[] y() {
        ColumnLayout.requireOneColumn(this, data.m);
        return data.y.clone();
    }

    /** @return a copy of the ordinates of every column, {@code y[i][j]}, in the order of {@link #x()} */
    public double[][] yColumns() {
        return ColumnLayout.rows(data.y, data.m);
    }

    /** @return the smallest abscissa */
    @Override
    public double lowerBound() {
        return data.lo;
    }

    /** @return the largest abscissa */
    @Override
    public double upperBound() {
        return data.hi;
    }

    @Override
    public OutOfRange outOfRange() {
        return mode;
    }

    /**
     * The same data answering out-of-range queries another way (scipy's {@code bounds_error} /
     * {@code fill_value}); O(1), shares the data.
     *
     * @param newMode the mode
     * @return the interpolant
     * @throws NullPointerException if {@code newMode} is null
     */
    @Override
    public Interp1d withOutOfRange(OutOfRange newMode) {
        Objects.requireNonNull(newMode, "mode");
        return newMode.equals(mode) ? this : new Interp1d(data, newMode);
    }

    @Override
    public String toString() {
        return "Interp1d[" + data.kind + ", n=" + data.n + (data.m == 1 ? "" : ", columns=" + data.m) + ", range=["
                + data.lo + ", " + data.hi + "], " + mode + "]";
    }

    // ------------------------------------------------------------------------------------------------
    // serialisation

    /**
     * Serialises the validated data through a serial-form object.
     *
     * @return the serial form
     */
    private Object writeReplace() {
        return new Serialized(data, mode);
    }

    /**
     * Rejects streams that bypass the serial form (which re-runs the validation).
     *
     * @param in the stream
     * @throws InvalidObjectException always
     */
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("Interp1d is deserialised through its validating serial form");
    }

    /** The serial form: sorted data, kind, columns, semantics and mode, re-validated on reading. */
    private static final class Serialized implements Serializable {
        private static final long serialVersionUID = 1L;
        private final double[] x;
        /** Row-major, {@code columns} per row. */
        private final double[] y;
        private final Kind kind;
        private final OutOfRange mode;
        /** The number of value columns; 0 in streams written before multi-column data, meaning 1. */
        private final int columns;
        /** Made from columns: scipy's 2-D semantics. */
        private final boolean twoD;
        /** The spline kinds answer NaN whatever {@code y} holds (a column of NaN-holding data). */
        private final boolean nanSpline;

        Serialized(Interp1dData d, OutOfRange mode) {
            this.x = d.x;
            this.y = d.y;
            this.kind = d.kind;
            this.mode = mode;
            this.columns = d.m;
            this.twoD = d.twoD;
            this.nanSpline = d.nanSpline;
        }

        private Object readResolve() throws ObjectStreamException {
            try {
                Validation.requireNonNull(mode, "mode");
                Validation.requireNonNull(x, "x");
                Validation.requireNonNull(y, "y");
                return new Interp1d(Interp1dData.build("Interp1d", x, y, Math.max(columns, 1), kind, true, twoD,
                        nanSpline), mode);
            } catch (RuntimeException e) {
                throw SerialProxies.invalid("Interp1d", e);
            }
        }
    }
}
