package io.github.interp4j.interpolate;

import io.github.interp4j.interpolate.internal.parallel.ParallelEvaluation;
import io.github.interp4j.interpolate.internal.range.RangePolicy;
import io.github.interp4j.interpolate.internal.spline.InterpSpline;
import io.github.interp4j.interpolate.internal.spline.InterpSpline.Conditions;
import io.github.interp4j.interpolate.internal.spline.SplineCore;
import io.github.interp4j.interpolate.internal.validation.SerialProxies;
import io.github.interp4j.interpolate.internal.validation.Validation;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * A univariate spline in the B-spline basis, the port of {@code scipy.interpolate.BSpline}:
 * <pre>
 *     S(x) = sum_{j=0}^{n-1} c[j] B_{j,k;t}(x),    n = t.length - k - 1,
 * </pre>
 * with the B-splines of degree {@code k} on knots {@code t} defined by the Cox-de Boor recurrence
 * <pre>
 *     B_{i,0}(x) = 1 if t[i] &lt;= x &lt; t[i+1], else 0
 *     B_{i,k}(x) = (x - t[i]) / (t[i+k] - t[i]) B_{i,k-1}(x) + (t[i+k+1] - x) / (t[i+k+1] - t[i+1]) B_{i+1,k-1}(x)
 * </pre>
 * The <em>base interval</em> {@code [t[k], t[n]]} is the interpolation range ({@link #lowerBound()},
 * {@link #upperBound()}); on it the B-splines form a partition of unity.
 *
 * <h2>Value columns</h2>
 * A spline holds {@code m >= 1} value columns sharing the knots and degree (scipy's {@code c} of shape
 * {@code (n, m)}, for example a parametric curve): column {@code j} is {@code S_j(x) = sum_i c[i][j] B_{i,k;t}(x)}.
 * The constructors and {@code makeInterpSpline} make single-column splines ({@code m = 1});
 * {@link #fromColumns(double[], double[][], int, OutOfRange)} and
 * {@link #makeInterpSplineColumns(double[], double[][], int, BoundaryCondition, BoundaryCondition)} make
 * multi-column ones, evaluated with one interval search and one set of basis values per point
 * ({@link #value(double, double[])}, {@link #valuesColumns(double[], double[])}). Column {@code j} of a
 * multi-column spline equals, bit for bit, the single-column spline {@link #column(int)} and the spline fitted
 * to that column alone. With {@code m > 1} the single-column methods ({@link #value(double)},
 * {@link #values(double[], double[])}, {@link #integrate(double, double)}, {@link #coefficients()}) throw
 * {@link IllegalStateException}; {@link #derivative(int)}, {@link #antiderivative(int)} and
 * {@link #integrateColumns(double, double)} work column by column.
 *
 * <h2>Evaluation</h2>
 * {@link #value(double)} finds the interval {@code l} with {@code t[l] <= x < t[l+1]} ({@code l = n-1} at
 * {@code x = t[n]}) by bucketed search ({@code IntervalIndex}, O(1) expected for reasonably spread knots,
 * O(log n) worst case - never a linear walk), computes the {@code k + 1} non-zero B-splines by the de Boor
 * recurrence and sums them against the coefficients: {@code O(k^2 + m k)} per point, the same arithmetic as scipy.
 * Out-of-range modes ({@link OutOfRange}):
 * <ul>
 *   <li>{@link OutOfRange#extrapolate()} (the default, scipy {@code extrapolate=True}): the first / last
 *       polynomial piece is continued;</li>
 *   <li>{@link OutOfRange#nan()} (scipy {@code extrapolate=False}): NaN outside;</li>
 *   <li>{@link OutOfRange#periodic()} (scipy {@code extrapolate='periodic'}): <em>every</em> query is mapped to
 *       {@code t[k] + (x - t[k]) mod (t[n] - t[k])} first, exactly as scipy does (so {@code x = t[n]} is
 *       evaluated at {@code t[k]}); infinite queries give NaN;</li>
 *   <li>{@link OutOfRange#raise()}, {@link OutOfRange#clamp()}, {@link OutOfRange#fill(double, double)}:
 *       as documented there (not in scipy).</li>
 * </ul>
 * A NaN query gives NaN. Coefficients and knots must be finite (scipy lets non-finite coefficients
 * propagate; here, as for {@link PPoly}, they are refused with the offending index), and the knot span
 * {@code t[last] - t[0]} must not overflow.
 *
 * <p>Extreme data: knot differences must be normal doubles (a subnormal one overflows the recurrence's
 * reciprocal) and the knot span finite; {@link #makeInterpSpline} solves data near {@link Double#MAX_VALUE}
 * scaled by a power of two and raises {@link ArithmeticException} naming a coefficient that is not a double; a
 * value beyond the double range raises {@link ArithmeticException} instead of returning an infinity.
 *
 * <p>Thread-safety: immutable; the arrays are copied in and out, so instances can be shared freely.
 * Serialisation stores {@code (t, c, k, m, mode)} and deserialisation runs the validating constructor again.
 */
public final class BSpline implements Interpolant1D {
    private static final long serialVersionUID = 1L;

    private final transient SplineCore core;
    private final transient OutOfRange mode;
    private final transient RangePolicy policy;
    /** Periodic mode maps queries inside the base interval too (scipy: {@code t[n]} goes to {@code t[k]}). */
    private final transient boolean wrapsInside;

    /**
     * A B-spline that extrapolates its end pieces (scipy {@code BSpline(t, c, k)}).
     *
     * @param t the knots, {@code n + k + 1} finite non-decreasing values with {@code t[k] < t[n]}
     * @param c the coefficients, at least {@code n = t.length - k - 1} (extra ones are kept and ignored,
     *          as scipy does)
     * @param k the degree, at least 0
     * @throws NullPointerException     if {@code t} or {@code c} is null
     * @throws IllegalArgumentException if {@code k < 0}; if {@code t.length < 2k + 2}; if a knot is not finite
     *                                  or the knots decrease (the message names the index and value); if
     *                                  {@code t[last] - t[0]} overflows; if {@code t[k] == t[n]}; if
     *                                  {@code c.length < n}; or if a coefficient is not finite (names the index)
     */
    public BSpline(double[] t, double[] c, int k) {
        this(t, c, k, OutOfRange.extrapolate());
    }

    /**
     * A B-spline with the given out-of-range mode (scipy {@code BSpline(t, c, k, extrapolate)}:
     * {@code True} is {@link OutOfRange#extrapolate()}, {@code False} is {@link OutOfRange#nan()},
     * {@code 'periodic'} is {@link OutOfRange#periodic()}).
     *
     * @param t    the knots, as {@link #BSpline(double[], double[], int)}
     * @param c    the coefficients, as {@link #BSpline(double[], double[], int)}
     * @param k    the degree, at least 0
     * @param mode the out-of-range mode
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException as {@link #BSpline(double[], double[], int)}
     */
    public BSpline(double[] t, double[] c, int k, OutOfRange mode) {
        Validation.requireNonNull(t, "t");
        Validation.requireNonNull(c, "c");
        Validation.requireNonNull(mode, "mode");
        SplineCore.validate(t, k, c.length);
        Validation.requireFinite("c", c);
        this.core = new SplineCore(t.clone(), c.clone(), k, 1);
        this.mode = mode;
        this.policy = RangePolicy.of(mode, core.lo, core.hi);
        this.wrapsInside = policy.wrapsInside();
    }

    BSpline(SplineCore core, OutOfRange mode) {
        this.core = core;
        this.mode = mode;
        this.policy = RangePolicy.of(mode, core.lo, core.hi);
        this.wrapsInside = policy.wrapsInside();
    }

    /**
     * A spline with {@code m} value columns that extrapolates its end pieces: column {@code j} has
     * coefficients {@code c[i][j]} (scipy's {@code BSpline(t, c, k)} with {@code c} of shape {@code (n, m)}).
     *
     * @param t the knots, as {@link #BSpline(double[], double[], int)}
     * @param c the coefficients, {@code c.length >= n} rows of equal length {@code m >= 1}
     * @param k the degree
     * @return the spline, {@link #columns()} = m
     * @throws NullPointerException     if {@code t}, {@code c} or a row is null
     * @throws IllegalArgumentException as {@link #BSpline(double[], double[], int)}, or if {@code c} is ragged
     *                                  or has no columns
     */
    public static BSpline fromColumns(double[] t, double[][] c, int k) {
        return fromColumns(t, c, k, OutOfRange.extrapolate());
    }

    /**
     * As {@link #fromColumns(double[], double[][], int)} with an out-of-range mode. O(n m) to copy.
     *
     * @param t    the knots
     * @param c    the coefficients, {@code c[i][j]}
     * @param k    the degree
     * @param mode the out-of-range mode
     * @return the spline, {@link #columns()} = m
     * @throws NullPointerException     if an argument or a row is null
     * @throws IllegalArgumentException as {@link #fromColumns(double[], double[][], int)}
     */
    public static BSpline fromColumns(double[] t, double[][] c, int k, OutOfRange mode) {
        Validation.requireNonNull(t, "t");
        Validation.requireNonNull(c, "c");
        Validation.requireNonNull(mode, "mode");
        if (c.length == 0) {
            SplineCore.validate(t, k, 0);
        }
        int m = ColumnLayout.requireRectangular("c", c);
        SplineCore.validate(t, k, c.length);
        Validation.requireFiniteRows("c", c, m);
        return new BSpline(new SplineCore(t.clone(), ColumnLayout.flatten(c, m), k, m), mode);
    }

    /**
     * A multi-column B-spline as a {@link VectorBSpline}.
     *
     * @param t the knots, as {@link #BSpline(double[], double[], int)}
     * @param c the coefficients, {@code c.length >= n} rows of equal length {@code m >= 1}
     * @param k the degree
     * @return the spline
     * @throws NullPointerException     if {@code t}, {@code c} or a row is null
     * @throws IllegalArgumentException as {@link #fromColumns(double[], double[][], int)}
     * @deprecated use {@link #fromColumns(double[], double[][], int)}, which gives a {@code BSpline} with the
     *             same numbers and the whole single-column API per column
     */
    @Deprecated
    public static VectorBSpline ofColumns(double[] t, double[][] c, int k) {
        return new VectorBSpline(fromColumns(t, c, k));
    }

    /**
     * As {@link #ofColumns(double[], double[][], int)} with an out-of-range mode.
     *
     * @param t    the knots
     * @param c    the coefficients, {@code c[i][j]}
     * @param k    the degree
     * @param mode the out-of-range mode
     * @return the spline
     * @throws NullPointerException     if an argument or a row is null
     * @throws IllegalArgumentException as {@link #ofColumns(double[], double[][], int)}
     * @deprecated use {@link #fromColumns(double[], double[][], int, OutOfRange)}
     */
    @Deprecated
    public static VectorBSpline ofColumns(double[] t, double[][] c, int k, OutOfRange mode) {
        return new VectorBSpline(fromColumns(t, c, k, mode));
    }

    // ------------------------------------------------------------------------------------------------
    // make_interp_spline

    /**
     * The cubic not-a-knot interpolating spline, scipy {@code make_interp_spline(x, y)}.
     *
     * @param x the abscissae, finite and strictly increasing, at least 4
     * @param y the ordinates, finite
     * @return the spline, extrapolating
     * @throws NullPointerException     if an array is null
     * @throws IllegalArgumentException as {@link #makeInterpSpline(double[], double[], int)}
     */
    public static BSpline makeInterpSpline(double[] x, double[] y) {
        return makeInterpSpline(x, y, 3);
    }

    /**
     * The interpolating spline of degree {@code k} with scipy's default boundary conditions, scipy
     * {@code make_interp_spline(x, y, k)}:
     * <ul>
     *   <li>{@code k = 0}: knots {@code [x..., x[n-1]]}, coefficients {@code y} (piecewise constant,
     *       continuous from the right);</li>
     *   <li>{@code k = 1}: knots {@code [x[0], x..., x[n-1]]}, coefficients {@code y} (broken line);</li>
     *   <li>{@code k >= 2}: not-a-knot knots (odd {@code k}: the data sites without the first and last
     *       {@code (k+1)/2}; even {@code k}: the midpoints between sites without the first and last
     *       {@code k/2}), each end repeated {@code k + 1} times; the {@code n x n} collocation system is solved
     *       by banded LU with partial pivoting in {@code O(n k^2)} time and {@code O(n k)} memory.</li>
     * </ul>
     * Not-a-knot needs {@code n >= k + 1} points (scipy's knot-count rule). The knot vectors are scipy's
     * exactly; the banded LU replays LAPACK's {@code dgbtf2}/{@code dgbtrs} in scipy's operation order (with fused
     * multiply-adds where the JVM has hardware FMA, as OpenBLAS does), so on such hardware the coefficients are
     * scipy's bit for bit.
     *
     * @param x the abscissae, finite and strictly increasing, at least 2
     * @param y the ordinates, finite, same length
     * @param k the degree, at least 0
     * @return the spline, extrapolating
     * @throws NullPointerException     if an array is null
     * @throws IllegalArgumentException if the lengths differ, fewer than 2 points, a value is not finite,
     *                                  {@code x} is not strictly increasing (messages name the index and
     *                                  value), {@code k < 0}, or too few points for the knot vector
     */
    public static BSpline makeInterpSpline(double[] x, double[] y, int k) {
        return makeInterpSpline(x, y, k, BoundaryCondition.notAKnot(), BoundaryCondition.notAKnot());
    }

    /**
     * The interpolating spline with boundary conditions, scipy
     * {@code make_interp_spline(x, y, k, bc_type=(left, right))}:
     * <ul>
     *   <li>both {@link BoundaryCondition#notAKnot()}: as {@link #makeInterpSpline(double[], double[], int)};</li>
     *   <li>both {@link BoundaryCondition#periodic()}: scipy {@code bc_type='periodic'} - {@code y[0]} must
     *       equal {@code y[n-1]} within scipy's {@code allclose(atol=1e-15)}; the knots are the data sites
     *       (for even {@code k} moved half a step) extended periodically by {@code k} on each side; the result
     *       has mode {@link OutOfRange#periodic()}. For {@code k = 0, 1} scipy ignores the periodicity and
     *       returns the ordinary spline; so does this method;</li>
     *   <li>otherwise each side is either a derivative condition ({@link BoundaryCondition#clamped()},
     *       {@link BoundaryCondition#natural()}, {@code firstDerivative(v)}, {@code secondDerivative(v)}: scipy
     *       {@code [(order, value)]}) or {@code notAKnot()} meaning no condition on that side (scipy
     *       {@code None}); the knots are then {@code x} with each end repeated {@code k + 1} times, and the
     *       number of conditions must be {@code k - 1} in total (e.g. one per side for cubics, exactly one for
     *       quadratics), as in scipy.</li>
     * </ul>
     *
     * @param x     the abscissae, finite and strictly increasing, at least 2
     * @param y     the ordinates, finite
     * @param k     the degree, at least 0
     * @param left  the condition at {@code x[0]}
     * @param right the condition at {@code x[n-1]}
     * @return the spline
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException as {@link #makeInterpSpline(double[], double[], int)}; if only one side
     *                                  is periodic; if {@code k <= 1} and a derivative condition is given
     *                                  ("too much info"); if the number of conditions does not match the
     *                                  knots; if periodic and {@code y[0] != y[n-1]}
     */
    public static BSpline makeInterpSpline(double[] x, double[] y, int k, BoundaryCondition left,
                                           BoundaryCondition right) {
        Validation.checkXY("makeInterpSpline", x, y, 2);
        return fitted(x, y, 1, k, Conditions.of(left, right, 1));
    }

    /**
     * The interpolating spline with any derivative conditions, scipy
     * {@code make_interp_spline(x, y, k, bc_type=([(o, v), ...], [(o, v), ...]))}. The knots are {@code x}
     * with each end repeated {@code k + 1} times and {@code leftOrders.length + rightOrders.length} must be
     * {@code k - 1}. For example a quintic with first and second derivatives zero at both ends:
     * {@code makeInterpSpline(x, y, 5, new int[]{1, 2}, new double[]{0, 0}, new int[]{1, 2}, new double[]{0, 0})}.
     *
     * @param x           the abscissae, finite and strictly increasing, at least 2
     * @param y           the ordinates, finite
     * @param k           the degree, at least 2
     * @param leftOrders  derivative orders at {@code x[0]}, each in {@code [0, k]} (may be empty)
     * @param leftValues  their values, finite, same length
     * @param rightOrders derivative orders at {@code x[n-1]}, each in {@code [0, k]} (may be empty)
     * @param rightValues their values, finite, same length
     * @return the spline, extrapolating
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException as {@link #makeInterpSpline(double[], double[], int, BoundaryCondition,
     *                                  BoundaryCondition)}, if an order is out of range, a value is not
     *                                  finite, or an orders array and its values differ in length
     */
    public static BSpline makeInterpSpline(double[] x, double[] y, int k, int[] leftOrders, double[] leftValues,
                                           int[] rightOrders, double[] rightValues) {
        Validation.checkXY("makeInterpSpline", x, y, 2);
        Conditions bc = Conditions.explicit(leftOrders, oneColumn(leftValues, "leftValues"), rightOrders,
                oneColumn(rightValues, "rightValues"), 1);
        return fitted(x, y, 1, k, bc);
    }

    /**
     * The interpolating spline of {@code m} value columns with scipy's defaults (scipy
     * {@code make_interp_spline(x, y, k)} for {@code y} of shape {@code (n, m)}): one fit, one factorisation,
     * {@code m} right-hand sides; column {@code j} equals bit for bit the spline fitted to that column alone.
     *
     * @param x the abscissae, finite and strictly increasing, at least 2
     * @param y the ordinates, {@code y[i][j]} = column {@code j} at {@code x[i]}; rectangular, finite
     * @param k the degree, at least 0
     * @return the spline, {@link #columns()} = m
     * @throws NullPointerException     if an argument or a row is null
     * @throws IllegalArgumentException as {@link #makeInterpSpline(double[], double[], int)}, or if {@code y} is
     *                                  ragged or has no columns
     */
    public static BSpline makeInterpSplineColumns(double[] x, double[][] y, int k) {
        return makeInterpSplineColumns(x, y, k, BoundaryCondition.notAKnot(), BoundaryCondition.notAKnot());
    }

    /**
     * The interpolating spline of {@code m} value columns with boundary conditions; a derivative condition's
     * value applies to every column. Otherwise as
     * {@link #makeInterpSpline(double[], double[], int, BoundaryCondition, BoundaryCondition)}.
     *
     * @param x     the abscissae
     * @param y     the ordinates {@code y[i][j]}
     * @param k     the degree
     * @param left  the condition at {@code x[0]}
     * @param right the condition at {@code x[n-1]}
     * @return the spline, {@link #columns()} = m
     * @throws NullPointerException     if an argument or a row is null
     * @throws IllegalArgumentException as the single-column version, or if {@code y} is ragged
     */
    public static BSpline makeInterpSplineColumns(double[] x, double[][] y, int k, BoundaryCondition left,
                                                  BoundaryCondition right) {
        int m = Validation.checkXYColumns("makeInterpSpline", x, y, 2);
        return fitted(x, ColumnLayout.flatten(y, m), m, k, Conditions.of(left, right, m));
    }

    /**
     * The interpolating spline of {@code m} value columns with any derivative conditions, as
     * {@link #makeInterpSpline(double[], double[], int, int[], double[], int[], double[])} with one value per
     * column for each condition: {@code leftValues[i][j]} is the value of derivative {@code leftOrders[i]} of
     * column {@code j} at {@code x[0]}.
     *
     * @param x           the abscissae, finite and strictly increasing, at least 2
     * @param y           the ordinates {@code y[i][j]}, rectangular, finite
     * @param k           the degree, at least 2
     * @param leftOrders  derivative orders at {@code x[0]}, each in {@code [0, k]} (may be empty)
     * @param leftValues  their values, {@code leftOrders.length} rows of {@code m} finite values
     * @param rightOrders derivative orders at {@code x[n-1]}, each in {@code [0, k]} (may be empty)
     * @param rightValues their values, {@code rightOrders.length} rows of {@code m} finite values
     * @return the spline, {@link #columns()} = m, extrapolating
     * @throws NullPointerException     if an argument or a row is null
     * @throws IllegalArgumentException as the single-column version, or if {@code y} or a value row does not
     *                                  have {@code m} columns
     */
    public static BSpline makeInterpSplineColumns(double[] x, double[][] y, int k, int[] leftOrders,
                                                  double[][] leftValues, int[] rightOrders, double[][] rightValues) {
        int m = Validation.checkXYColumns("makeInterpSpline", x, y, 2);
        Conditions bc = Conditions.explicit(leftOrders, leftValues, rightOrders, rightValues, m);
        return fitted(x, ColumnLayout.flatten(y, m), m, k, bc);
    }

    /**
     * The multi-column interpolating spline as a {@link VectorBSpline}.
     *
     * @param x the abscissae, finite and strictly increasing, at least 2
     * @param y the ordinates, {@code y[i][j]} = column {@code j} at {@code x[i]}; rectangular, finite
     * @param k the degree, at least 0
     * @return the spline
     * @throws NullPointerException     if an argument or a row is null
     * @throws IllegalArgumentException as {@link #makeInterpSplineColumns(double[], double[][], int)}
     * @deprecated use {@link #makeInterpSplineColumns(double[], double[][], int)}, which gives a {@code BSpline}
     *             with the same numbers
     */
    @Deprecated
    public static VectorBSpline makeInterpSpline(double[] x, double[][] y, int k) {
        return new VectorBSpline(makeInterpSplineColumns(x, y, k));
    }

    /**
     * The multi-column interpolating spline with boundary conditions as a {@link VectorBSpline}.
     *
     * @param x     the abscissae
     * @param y     the ordinates {@code y[i][j]}
     * @param k     the degree
     * @param left  the condition at {@code x[0]}
     * @param right the condition at {@code x[n-1]}
     * @return the spline
     * @throws NullPointerException     if an argument or a row is null
     * @throws IllegalArgumentException as {@link #makeInterpSplineColumns(double[], double[][], int,
     *                                  BoundaryCondition, BoundaryCondition)}
     * @deprecated use {@link #makeInterpSplineColumns(double[], double[][], int, BoundaryCondition,
     *             BoundaryCondition)}
     */
    @Deprecated
    public static VectorBSpline makeInterpSpline(double[] x, double[][] y, int k, BoundaryCondition left,
                                                 BoundaryCondition right) {
        return new VectorBSpline(makeInterpSplineColumns(x, y, k, left, right));
    }

    /** The fitted spline, periodic mode for periodic conditions, extrapolating otherwise. */
    private static BSpline fitted(double[] x, double[] y, int m, int k, Conditions bc) {
        InterpSpline fit = InterpSpline.fit(x, y, m, k, bc);
        return new BSpline(fit.core, fit.periodic ? OutOfRange.periodic() : OutOfRange.extrapolate());
    }

    /** Derivative values of one column as rows of one value. */
    private static double[][] oneColumn(double[] v, String name) {
        Validation.requireNonNull(v, name);
        double[][] r = new double[v.length][1];
        for (int i = 0; i < v.length; i++) {
            r[i][0] = v[i];
        }
        return r;
    }

    // ------------------------------------------------------------------------------------------------
    // evaluation

    /**
     * Evaluates the single-column spline at {@code x}; see the class documentation for the out-of-range
     * modes. O(k^2) after an O(1)-expected interval search.
     *
     * @param x the point
     * @return {@code S(x)}; NaN for NaN
     * @throws OutOfRangeException   if {@code x} is outside {@code [t[k], t[n]]} and the mode is
     *                               {@link OutOfRange#raise()}
     * @throws IllegalStateException if the spline has several value columns
     */
    @Override
    public double value(double x) {
        ColumnLayout.requireOneColumn(this, core.m);
        return eval(x, new double[core.k + 1]);
    }

    /** The abscissa at which to evaluate {@code x}, or NaN when {@link RangePolicy#answer} gives the value. */
    private double at(double x) {
        return wrapsInside || !(x >= core.lo && x <= core.hi) ? policy.adjust(x) : x;
    }

    private double eval(double x, double[] work) {
        double q = at(x);
        return q == q ? core.value(q, 0, work) : policy.answer(x);
    }

    private void evalRow(double x, double[] out, int off, double[] work) {
        double q = at(x);
        if (q == q) {
            core.values(q, out, off, work);
        } else {
            Arrays.fill(out, off, off + core.m, policy.answer(x));
        }
    }

    /**
     * Evaluates the single-column spline at many points, in parallel for large batches; bit-for-bit equal to
     * {@link #value(double)}.
     *
     * @param xs  the points (not modified)
     * @param out receives {@code value(xs[i])} at {@code i}
     * @throws NullPointerException     if an array is null
     * @throws IllegalArgumentException if {@code out.length < xs.length}
     * @throws OutOfRangeException      for the first out-of-range point when the mode is {@link OutOfRange#raise()}
     * @throws IllegalStateException    if the spline has several value columns
     */
    @Override
    public void values(double[] xs, double[] out) {
        ColumnLayout.requireOneColumn(this, core.m);
        ColumnLayout.checkBatch(xs, out, 1);
        final int k1 = core.k + 1;
        ParallelEvaluation.forRange(xs.length, (from, to) -> {
            double[] work = new double[k1];
            for (int i = from; i < to; i++) {
                out[i] = eval(xs[i], work);
            }
        });
    }

    /** @return m, the number of value columns (1 unless made by the {@code Columns} factories) */
    @Override
    public int columns() {
        return core.m;
    }

    /**
     * Evaluates every column at {@code x} (a NaN row for NaN) with one interval search. O(k^2 + m k).
     *
     * @param x   the point
     * @param out receives column {@code j} at {@code out[j]}
     * @throws NullPointerException     if {@code out} is null
     * @throws IllegalArgumentException if {@code out.length < columns()}
     * @throws OutOfRangeException      if out of range and the mode is {@link OutOfRange#raise()}
     */
    @Override
    public void value(double x, double[] out) {
        ColumnLayout.checkRow(out, core.m);
        evalRow(x, out, 0, new double[core.k + 1]);
    }

    /**
     * Evaluates every column at many points, {@code out[i * m + j]} = column {@code j} at {@code xs[i]}, in
     * parallel for large batches; bit for bit {@link #value(double, double[])}.
     *
     * @param xs  the points (not modified)
     * @param out receives the values; at least {@code xs.length * columns()} long
     * @throws NullPointerException     if an array is null
     * @throws IllegalArgumentException if {@code out} is too short
     * @throws OutOfRangeException      for the first out-of-range point when the mode is {@link OutOfRange#raise()}
     */
    @Override
    public void valuesColumns(double[] xs, double[] out) {
        ColumnLayout.checkBatch(xs, out, core.m);
        final int m = core.m;
        final int k1 = core.k + 1;
        ParallelEvaluation.forRange(xs.length, (from, to) -> {
            double[] work = new double[k1];
            for (int i = from; i < to; i++) {
                evalRow(xs[i], out, i * m, work);
            }
        });
    }

    /**
     * Column {@code j} as a single-column spline with the same knots, degree and mode; its values equal
     * column {@code j} of this spline bit for bit. O(n) to copy the coefficients.
     *
     * @param j the column, {@code 0 <= j < columns()}
     * @return the column's spline ({@code this} when {@code columns() == 1})
     * @throws IndexOutOfBoundsException if {@code j} is not a column
     */
    @Override
    public BSpline column(int j) {
        Objects.checkIndex(j, core.m);
        if (core.m == 1) {
            return this;
        }
        return new BSpline(new SplineCore(core.t, ColumnLayout.column(core.c, core.m, j), core.k, 1), mode);
    }

    // ------------------------------------------------------------------------------------------------
    // calculus

    /**
     * The derivative of order {@code order} as a spline of degree {@code k - order} (scipy
     * {@code BSpline.derivative}, via {@code splder}), every column: knots {@code t[order : len - order]},
     * coefficients by repeated differencing {@code c'[i] = k (c[i+1] - c[i]) / (t[i+k+1] - t[i+1])}, padded
     * with zeros to the knot count as scipy does. Same out-of-range mode. O(order * n * m).
     *
     * @param order the order, {@code 0 <= order <= k}; 0 returns this spline
     * @return the derivative
     * @throws IllegalArgumentException if {@code order < 0} or {@code order > k}, or the spline has an interior
     *                                  knot too repeated to be differentiated {@code order} times
     */
    @Override
    public BSpline derivative(int order) {
        if (order == 0) {
            return this;
        }
        return new BSpline(core.derivative(order), mode);
    }

    /**
     * The antiderivative of order {@code order}, every column, a spline of degree {@code k + order} that is
     * zero at {@code t[0]} (scipy {@code BSpline.antiderivative}, via {@code splantider}). The mode is kept,
     * except that {@link OutOfRange#periodic()} becomes {@link OutOfRange#nan()} (scipy sets
     * {@code extrapolate=False}: the antiderivative of a periodic function is not periodic). O(order * n * m).
     *
     * @param order the order, at least 0, with {@code k + order <= 1000}; 0 returns this spline
     * @return the antiderivative
     * @throws IllegalArgumentException if {@code order < 0} or {@code k + order > 1000} (refused up front: the
     *                                  work grows as {@code order * (knots + order)})
     * @throws ArithmeticException      if a coefficient of the result overflows (the message names it)
     */
    public BSpline antiderivative(int order) {
        if (order == 0) {
            return this;
        }
        return new BSpline(core.antiderivative(order), wrapsInside ? OutOfRange.nan() : mode);
    }

    /**
     * The definite integral of the single-column spline over {@code [a, b]} (negative if {@code b < a}),
     * scipy {@code BSpline.integrate}:
     * <ul>
     *   <li>{@link OutOfRange#extrapolate()}: of the extrapolated spline;</li>
     *   <li>{@link OutOfRange#nan()}: the spline is taken as zero outside the base interval (scipy
     *       {@code extrapolate=False});</li>
     *   <li>{@link OutOfRange#periodic()}: whole periods plus the remainder, as scipy;</li>
     *   <li>{@link OutOfRange#clamp()} and {@link OutOfRange#fill(double, double)}: of the function that
     *       {@link #value(double)} defines (constant outside);</li>
     *   <li>{@link OutOfRange#raise()}: as {@code extrapolate()} for limits inside the base interval.</li>
     * </ul>
     * Computed from the antiderivative in O(n).
     *
     * @param a the lower limit
     * @param b the upper limit
     * @return the integral; NaN if a limit is NaN
     * @throws OutOfRangeException   if the mode is {@link OutOfRange#raise()} and a limit is outside the base
     *                               interval
     * @throws IllegalStateException if the spline has several value columns
     */
    public double integrate(double a, double b) {
        ColumnLayout.requireOneColumn(this, core.m);
        return core.integrate(a, b, policy)[0];
    }

    /**
     * The definite integral of every column over {@code [a, b]}, as {@link #integrate(double, double)} per
     * column (bit for bit). (With {@link OutOfRange#nan()} and both limits outside the base interval on one
     * side the result is 0, as for scipy's 1-D splines; scipy's multi-column path returns NaN there.) O(n m).
     *
     * @param a the lower limit
     * @param b the upper limit
     * @return a new array, the integral of column {@code j} at index {@code j}
     * @throws OutOfRangeException if the mode is {@link OutOfRange#raise()} and a limit is out of range
     */
    public double[] integrateColumns(double a, double b) {
        return core.integrate(a, b, policy);
    }

    // ------------------------------------------------------------------------------------------------
    // accessors

    /** @return a copy of the knot vector {@code t} */
    public double[] knots() {
        return core.t.clone();
    }

    /**
     * @return a copy of the coefficients {@code c} of the single-column spline (all of them, including any
     *         beyond {@code n})
     * @throws IllegalStateException if the spline has several value columns (use {@link #coefficientsColumns()})
     */
    public double[] coefficients() {
        ColumnLayout.requireOneColumn(this, core.m);
        return core.c.clone();
    }

    /**
     * @return a copy of the coefficients of every column, {@code c[i][j]} (all rows, including any beyond
     *         {@code n}); one column per row for a single-column spline
     */
    public double[][] coefficientsColumns() {
        return ColumnLayout.rows(core.c, core.m);
    }

    /** @return the degree {@code k} */
    public int degree() {
        return core.k;
    }

    /** @return {@code t[k]}, the left end of the base interval */
    @Override
    public double lowerBound() {
        return core.lo;
    }

    /** @return {@code t[n]}, the right end of the base interval */
    @Override
    public double upperBound() {
        return core.hi;
    }

    @Override
    public OutOfRange outOfRange() {
        return mode;
    }

    /**
     * The same spline with another out-of-range mode (scipy's {@code extrapolate} attribute); shares the data.
     *
     * @param newMode the mode
     * @return the spline
     * @throws NullPointerException if {@code newMode} is null
     */
    @Override
    public BSpline withOutOfRange(OutOfRange newMode) {
        Objects.requireNonNull(newMode, "mode");
        return newMode.equals(mode) ? this : new BSpline(core, newMode);
    }

    SplineCore core() {
        return core;
    }

    @Override
    public String toString() {
        return "BSpline[k=" + core.k + ", n=" + core.n + (core.m == 1 ? "" : ", columns=" + core.m) + ", base=["
                + core.lo + ", " + core.hi + "], " + mode + "]";
    }

    // ------------------------------------------------------------------------------------------------
    // serialisation

    /**
     * Serialises the validated data through a serial-form object.
     *
     * @return the serial form
     */
    private Object writeReplace() {
        return new Serialized(core.t, core.c, core.k, core.m, mode);
    }

    /**
     * Rejects streams that bypass the serial form (which re-runs the validating constructor).
     *
     * @param in the stream
     * @throws InvalidObjectException always
     */
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("BSpline is deserialised through its validating serial form");
    }

    /** The serial form: the constructor's arguments, re-validated on reading. */
    private static final class Serialized implements Serializable {
        private static final long serialVersionUID = 1L;
        private final double[] t;
        /** Row-major, {@code columns} per row. */
        private final double[] c;
        private final int k;
        /** The number of value columns; 0 in streams written before multi-column splines, meaning 1. */
        private final int columns;
        private final OutOfRange mode;

        Serialized(double[] t, double[] c, int k, int columns, OutOfRange mode) {
            this.t = t;
            this.c = c;
            this.k = k;
            this.columns = columns;
            this.mode = mode;
        }

        private Object readResolve() throws ObjectStreamException {
            try {
                if (columns <= 1) {
                    return new BSpline(t, c, k, mode);
                }
                Validation.requireNonNull(c, "c");
                if (c.length % columns != 0) {
                    throw new IllegalArgumentException(c.length + " coefficients do not fill rows of " + columns);
                }
                return fromColumns(t, ColumnLayout.rows(c, columns), k, mode);
            } catch (RuntimeException e) {
                throw SerialProxies.invalid("BSpline", e);
            }
        }
    }
}
