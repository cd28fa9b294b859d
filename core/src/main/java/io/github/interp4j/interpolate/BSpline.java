package io.github.interp4j.interpolate;

import io.github.interp4j.interpolate.internal.parallel.ParallelEvaluation;
import io.github.interp4j.interpolate.internal.range.RangePolicy;
import io.github.interp4j.interpolate.internal.spline.InterpSpline;
import io.github.interp4j.interpolate.internal.spline.InterpSpline.Conditions;
import io.github.interp4j.interpolate.internal.spline.InterpSplineSolver;
import io.github.interp4j.interpolate.internal.spline.BasisConversion;
import io.github.interp4j.interpolate.internal.spline.KnotInsertion;
import io.github.interp4j.interpolate.internal.spline.SplineCore;
import io.github.interp4j.interpolate.internal.validation.FiniteResult;
import io.github.interp4j.interpolate.internal.validation.SerialProxies;
import io.github.interp4j.interpolate.internal.validation.Validation;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
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
     * The cubic smoothing spline with the smoothing parameter chosen by generalised cross-validation, scipy
     * {@code make_smoothing_spline(x, y)}. As {@link #makeSmoothingSpline(double[], double[], double[], double)}
     * with unit weights and {@code lam} minimising scipy's GCV score.
     *
     * @param x the abscissae, finite and strictly increasing, at least 5
     * @param y the ordinates, finite, same length
     * @return the spline, the {@code lam} chosen and its GCV score
     * @throws NullPointerException     if an array is null
     * @throws IllegalArgumentException as {@link #makeSmoothingSpline(double[], double[], double[], double)}
     */
    public static SmoothingSpline makeSmoothingSpline(double[] x, double[] y) {
        return SmoothingSpline.fit(x, y, null, Double.NaN, false);
    }

    /**
     * The cubic smoothing spline for a given smoothing parameter, scipy {@code make_smoothing_spline(x, y, lam=lam)};
     * see {@link #makeSmoothingSpline(double[], double[], double[], double)}.
     *
     * @param x   the abscissae, finite and strictly increasing, at least 5
     * @param y   the ordinates, finite, same length
     * @param lam the smoothing parameter, finite and {@code >= 0} ({@code 0}: the natural interpolating spline)
     * @return the spline, {@code lam} and the GCV score at {@code lam}
     * @throws NullPointerException     if an array is null
     * @throws IllegalArgumentException as {@link #makeSmoothingSpline(double[], double[], double[], double)}
     */
    public static SmoothingSpline makeSmoothingSpline(double[] x, double[] y, double lam) {
        return SmoothingSpline.fit(x, y, null, lam, true);
    }

    /**
     * The weighted cubic smoothing spline with {@code lam} chosen by generalised cross-validation, scipy
     * {@code make_smoothing_spline(x, y, w)}; see {@link #makeSmoothingSpline(double[], double[], double[], double)}.
     *
     * @param x the abscissae, finite and strictly increasing, at least 5
     * @param y the ordinates, finite, same length
     * @param w the weights, finite and positive, same length (not squared: the residual term is
     *          {@code sum w_i (y_i - f(x_i))^2})
     * @return the spline, the {@code lam} chosen and its GCV score
     * @throws NullPointerException     if {@code x} or {@code y} is null ({@code w} null means unit weights)
     * @throws IllegalArgumentException as {@link #makeSmoothingSpline(double[], double[], double[], double)}
     */
    public static SmoothingSpline makeSmoothingSpline(double[] x, double[] y, double[] w) {
        return SmoothingSpline.fit(x, y, w, Double.NaN, false);
    }

    /**
     * The weighted cubic smoothing spline, scipy {@code make_smoothing_spline(x, y, w, lam)}: the natural cubic
     * spline {@code f} with knots {@code x} minimising
     * <pre>
     *     sum_i w_i (y_i - f(x_i))^2 + lam int_{x_0}^{x_{n-1}} f''(u)^2 du,
     * </pre>
     * returned in scipy's B-spline form: degree 3, knots {@code [x_0]*3 + x + [x_{n-1}]*3}, {@code n + 2}
     * coefficients (the same knots as scipy, and its coefficients up to scipy's rounding error), extrapolating
     * (scipy's {@code BSpline} default).
     *
     * <p>Method: Reinsch's form (C. H. Reinsch, "Smoothing by spline functions", Numer. Math. 10 (1967)
     * 177-183) on abscissae scaled to {@code [0, 1]} and weights scaled to mean 1: the second derivatives at
     * the interior knots solve {@code M gamma = Q^T y}, {@code M = R + lam Q^T W^-1 Q} symmetric positive definite
     * and pentadiagonal; the fitted values follow, and the B-spline coefficients are the blossoms of the resulting
     * piecewise cubic. The returned fit factors {@code M} by Givens rotations of the stacked rows
     * {@code [R^1/2; sqrt(lam) W^-1/2 Q]}, never forming {@code M} (the approach of de Hoog and Hutchinson 1987),
     * which keeps about 1e-12 relative accuracy where closely spaced abscissae make {@code Q}'s rows differ by many
     * orders of magnitude. The GCV score (P. Craven and G. Wahba, "Smoothing noisy data with spline functions",
     * Numer. Math. 31 (1979) 377-403; scipy's formula, see {@link SmoothingSpline}) needs the trace of the
     * influence matrix {@code S}: from the five central bands of {@code M^-1} by the recurrence of M. F. Hutchinson
     * and F. R. de Hoog ("Smoothing noisy data with spline functions", Numer. Math. 47 (1985) 99-106), as
     * {@code tr(I - S) = lam tr(M^-1 Q^T W^-1 Q)} near interpolation and {@code tr(S) = 2 + tr(M^-1 R)} otherwise
     * (both exact; each free of cancellation where it is used); never a dense inverse. When {@code lam} is chosen,
     * the score is minimised over {@code ln lam} on a grid spanning the whole transition from interpolation to the
     * least-squares line (half-decade steps; decade steps at the small end), then refined by Brent's method
     * around the lowest grid minima (the search itself factors by {@code L D L^T}, faster, falling back to
     * rotations; grid points where the trace is not monotone in {@code lam}, a sign of lost accuracy for very
     * large {@code lam}, are left out).
     *
     * <p>Differences from scipy: scipy solves the problem in a natural-spline basis through the normal
     * equations {@code X^T W X + lam X^T E}, whose Cholesky factorisation breaks down for closely spaced
     * abscissae ({@code ValueError: Seems like the problem is ill-posed}, for example 1e5 uniform random points
     * on [0, 100]) and whose coefficients carry errors of 1e-9 to 1e-8 relative at a few hundred points;
     * the Reinsch form on scaled data avoids both (and forms {@code 1 - tr(S)/n} without cancellation).
     * scipy minimises GCV by one bounded Brent search on {@code lam} in {@code (0, n)}, which finds a local
     * minimum; the search here is global over {@code ln lam} and not limited to {@code (0, n)}, so its score is
     * at most scipy's up to the refinement tolerance.
     *
     * <p>Complexity: {@code O(n)} time and memory for a given {@code lam}; when it is chosen, one {@code O(n)}
     * score evaluation per grid point (about {@code 8 log10 n} plus one per decade of the smallest relative
     * spacing below the mean) and about 30 more for the refinement. Thread-safety: no shared state.
     *
     * @param x   the abscissae, finite and strictly increasing, at least 5
     * @param y   the ordinates, finite, same length
     * @param w   the weights, finite and positive, same length; null for unit weights
     * @param lam the smoothing parameter, finite and {@code >= 0} ({@code 0}: the natural interpolating spline)
     * @return the spline, {@code lam} and the GCV score at {@code lam}
     * @throws NullPointerException     if {@code x} or {@code y} is null
     * @throws IllegalArgumentException before any work: if the lengths differ, fewer than 5 points, a value of
     *                                  {@code x}, {@code y} or {@code w} is not finite, {@code x} is not strictly
     *                                  increasing, a weight is not positive (messages name the index and value),
     *                                  or {@code lam} is negative, NaN or infinite
     * @throws ArithmeticException      if {@code lam}'s unit (mean weight times {@code (x[n-1] - x[0])^3}), the
     *                                  chosen {@code lam}, the GCV score or a coefficient is beyond the double
     *                                  range (named)
     */
    public static SmoothingSpline makeSmoothingSpline(double[] x, double[] y, double[] w, double lam) {
        return SmoothingSpline.fit(x, y, w, lam, true);
    }

    /**
     * Smoothing splines of several value columns ({@code y[i][j]}, scipy's {@code y} of shape {@code (n, m)})
     * with {@code lam} chosen per column by GCV, as scipy 1.17 does for 2-D {@code y}; see
     * {@link #makeSmoothingSpline(double[], double[], double[], double)}.
     *
     * @param x the abscissae, finite and strictly increasing, at least 5
     * @param y the ordinates, one row of {@code m >= 1} finite values per abscissa
     * @return the spline with {@code m} columns, each column's {@code lam} and score
     * @throws NullPointerException     if an array or a row is null
     * @throws IllegalArgumentException as {@link #makeSmoothingSpline(double[], double[], double[], double)}, or
     *                                  if {@code y} is ragged
     */
    public static SmoothingSpline makeSmoothingSplineColumns(double[] x, double[][] y) {
        return SmoothingSpline.fit(x, y, null, Double.NaN, false);
    }

    /**
     * Smoothing splines of several value columns with one given {@code lam}; see
     * {@link #makeSmoothingSplineColumns(double[], double[][])}.
     *
     * @param x   the abscissae
     * @param y   the ordinates, {@code y[i][j]}
     * @param lam the smoothing parameter, finite and {@code >= 0}
     * @return the spline with {@code m} columns, {@code lam} and each column's score
     * @throws NullPointerException     if an array or a row is null
     * @throws IllegalArgumentException as {@link #makeSmoothingSplineColumns(double[], double[][])}
     */
    public static SmoothingSpline makeSmoothingSplineColumns(double[] x, double[][] y, double lam) {
        return SmoothingSpline.fit(x, y, null, lam, true);
    }

    /**
     * Weighted smoothing splines of several value columns, {@code lam} chosen per column by GCV; see
     * {@link #makeSmoothingSplineColumns(double[], double[][])}.
     *
     * @param x the abscissae
     * @param y the ordinates, {@code y[i][j]}
     * @param w the weights, finite and positive; null for unit weights
     * @return the spline with {@code m} columns, each column's {@code lam} and score
     * @throws NullPointerException     if {@code x}, {@code y} or a row is null
     * @throws IllegalArgumentException as {@link #makeSmoothingSplineColumns(double[], double[][])}
     */
    public static SmoothingSpline makeSmoothingSplineColumns(double[] x, double[][] y, double[] w) {
        return SmoothingSpline.fit(x, y, w, Double.NaN, false);
    }

    /**
     * Weighted smoothing splines of several value columns with one given {@code lam}; see
     * {@link #makeSmoothingSplineColumns(double[], double[][])}.
     *
     * @param x   the abscissae
     * @param y   the ordinates, {@code y[i][j]}
     * @param w   the weights, finite and positive; null for unit weights
     * @param lam the smoothing parameter, finite and {@code >= 0}
     * @return the spline with {@code m} columns, {@code lam} and each column's score
     * @throws NullPointerException     if {@code x}, {@code y} or a row is null
     * @throws IllegalArgumentException as {@link #makeSmoothingSplineColumns(double[], double[][])}
     */
    public static SmoothingSpline makeSmoothingSplineColumns(double[] x, double[][] y, double[] w, double lam) {
        return SmoothingSpline.fit(x, y, w, lam, true);
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

    // ------------------------------------------------------------------------------------------------
    // make_lsq_spline, make_splrep, make_splprep, generate_knots

    /**
     * The weighted least-squares spline on given knots, scipy {@code make_lsq_spline(x, y, t, k)} (its default
     * {@code method="qr"}): the coefficients minimise {@code sum_i (S(x[i]) - y[i])^2}. See
     * {@link #makeLsqSpline(double[], double[], double[], int, double[])}.
     *
     * @param x the abscissae, finite and non-decreasing (repeats allowed), inside {@code [t[k], t[n]]}
     * @param y the ordinates, finite, same length
     * @param t the knots, finite and non-decreasing, at least {@code 2k + 2}
     * @param k the degree, at least 0
     * @return the spline, extrapolating
     * @throws NullPointerException     if an array is null
     * @throws IllegalArgumentException as {@link #makeLsqSpline(double[], double[], double[], int, double[])}
     */
    public static BSpline makeLsqSpline(double[] x, double[] y, double[] t, int k) {
        return SplineFits.lsq(x, y, t, k, null);
    }

    /**
     * The weighted least-squares spline on given knots, scipy {@code make_lsq_spline(x, y, t, k, w)}: the
     * coefficients {@code c} minimise {@code sum_i (w[i] (S(x[i]) - y[i]))^2} with
     * {@code S = sum_j c[j] B_{j,k;t}}. Solved as scipy does: the weighted collocation rows (the {@code k + 1}
     * non-zero B-splines per point, Cox-de Boor) are reduced to an upper-triangular band by Givens rotations,
     * then back substitution - never the normal equations, never a dense matrix. scipy rotates each row
     * against every later row of the factor; the rotations after the {@code (k+1)}-th are identities for
     * sorted data and are skipped, with bit-identical arithmetic otherwise. Complexity {@code O(m k^2)} time,
     * {@code O(n k)} extra memory ({@code m} points, {@code n = t.length - k - 1} coefficients).
     *
     * <p>Unlike scipy, the knots are checked against the data first (FITPACK's {@code fpchec}): every
     * B-spline {@code j} needs its own data point strictly inside its knot interval
     * {@code (t[j], t[j+k+1])} (the Schoenberg-Whitney conditions, without which the problem is singular and
     * scipy returns non-finite coefficients).
     *
     * <p>Thread-safety: a pure function of its arguments, which are not modified.
     *
     * @param x the abscissae, finite and non-decreasing, inside {@code [t[k], t[n]]}
     * @param y the ordinates, finite, same length
     * @param t the knots, finite and non-decreasing, at least {@code 2k + 2}, {@code t[k] < t[n]}
     * @param k the degree, at least 0
     * @param w the weights, finite and positive, same length (null for ones)
     * @return the spline, extrapolating
     * @throws NullPointerException     if {@code x}, {@code y} or {@code t} is null
     * @throws IllegalArgumentException if the lengths differ; a value, knot or weight is not finite; a weight
     *                                  is not positive; {@code x} decreases; {@code k < 0}; the knots are
     *                                  invalid (as {@link #BSpline(double[], double[], int)}); fewer than
     *                                  {@code k + 1} points; a point lies outside {@code [t[k], t[n]]}; or the
     *                                  Schoenberg-Whitney conditions fail (the message names the first B-spline
     *                                  and its knot interval without a data point). Messages name the offending
     *                                  index and value.
     * @throws ArithmeticException      if a coefficient is beyond the double range (named); values and weights
     *                                  far from 1 are solved scaled by powers of two, so only a solution itself
     *                                  that large raises
     */
    public static BSpline makeLsqSpline(double[] x, double[] y, double[] t, int k, double[] w) {
        return SplineFits.lsq(x, y, t, k, w);
    }

    /**
     * The least-squares spline of several value columns on given knots, scipy
     * {@code make_lsq_spline(x, y, t, k)} with {@code y} of shape {@code (m, ncols)}: one factorisation, every
     * column solved with it; column {@code j} equals {@code makeLsqSpline(x, y[.][j], t, k)} bit for bit.
     *
     * @param x the abscissae, as {@link #makeLsqSpline(double[], double[], double[], int, double[])}
     * @param y the ordinates {@code y[i][j]}, rectangular, finite
     * @param t the knots
     * @param k the degree
     * @return the spline, {@link #columns()} = {@code y[0].length}
     * @throws NullPointerException     if an array or a row is null
     * @throws IllegalArgumentException as {@link #makeLsqSpline(double[], double[], double[], int, double[])},
     *                                  or if {@code y} is ragged or empty
     */
    public static BSpline makeLsqSplineColumns(double[] x, double[][] y, double[] t, int k) {
        return SplineFits.lsqColumns(x, y, t, k, null);
    }

    /**
     * As {@link #makeLsqSplineColumns(double[], double[][], double[], int)} with weights.
     *
     * @param x the abscissae
     * @param y the ordinates {@code y[i][j]}
     * @param t the knots
     * @param k the degree
     * @param w the weights, finite and positive (null for ones)
     * @return the spline
     * @throws NullPointerException     if an array or a row is null
     * @throws IllegalArgumentException as {@link #makeLsqSplineColumns(double[], double[][], double[], int)}
     */
    public static BSpline makeLsqSplineColumns(double[] x, double[][] y, double[] t, int k, double[] w) {
        return SplineFits.lsqColumns(x, y, t, k, w);
    }

    /**
     * The smoothing spline of degree {@code k} with the fewest knots scipy's knot placement needs for
     * {@code sum_i (y[i] - g(x[i]))^2 <= s}, scipy {@code make_splrep(x, y, k=k, s=s)}; see
     * {@link #fitSplrep(double[], double[], SplrepOptions)}. The knots are {@link #t()}.
     *
     * @param x the abscissae, finite and non-decreasing ({@code s = 0}: strictly increasing)
     * @param y the ordinates, finite
     * @param k the degree, 1 to 5
     * @param s the residual bound, finite and non-negative; 0 interpolates
     * @return the spline, extrapolating
     * @throws NullPointerException     if an array is null
     * @throws IllegalArgumentException as {@link #fitSplrep(double[], double[], SplrepOptions)}
     */
    public static BSpline makeSplrep(double[] x, double[] y, int k, double s) {
        return SplineFits.splrep(x, y, SplrepOptions.defaults().withDegree(k).withSmoothing(s)).spline();
    }

    /**
     * scipy {@code make_splrep(x, y, w=, xb=, xe=, k=, s=, t=, nest=)}: as
     * {@link #fitSplrep(double[], double[], SplrepOptions)}, returning only the spline.
     *
     * @param x       the abscissae
     * @param y       the ordinates
     * @param options {@code w, xb, xe, k, s, t, nest}
     * @return the spline
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException as {@link #fitSplrep(double[], double[], SplrepOptions)}
     */
    public static BSpline makeSplrep(double[] x, double[] y, SplrepOptions options) {
        return SplineFits.splrep(x, y, options).spline();
    }

    /**
     * The smoothing spline with bounded residual, scipy 1.15+'s FITPACK-free {@code make_splrep}
     * ({@code scipy/interpolate/_fitpack_repro.py}, Dierckx's {@code curfit} algorithm), with its convergence
     * report. Among splines of degree {@code k} on the knots chosen below it minimises the sum of squared jumps
     * of the {@code k}-th derivative at the interior knots subject to
     * {@code fp = sum_i (w[i] (g(x[i]) - y[i]))^2 <= s} (equality to {@code 0.001 s} when the knots allow):
     * <ol>
     *   <li>knots (unless given): starting from none, least-squares splines are fitted and knots are added at
     *       the data point in the middle of the knot interval with the largest residual sum, more at a time as
     *       the residual falls slowly, until {@code fp <= s}, until {@code nest} knots, or up to the
     *       interpolating spline's {@code m + k + 1} ({@link #generateKnots(double[], double[], SplrepOptions)}
     *       lists the steps);</li>
     *   <li>the smoothing parameter {@code p}: the least-squares problem augmented by the derivative-jump rows
     *       weighted {@code 1/p} is updated by Givens rotations from the data's banded factor for each trial
     *       {@code p}, and {@code f(p) = fp(p) - s} is solved by Dierckx's rational iteration (at most 20
     *       steps).</li>
     * </ol>
     * Same operations in the same order as scipy (down to LAPACK's {@code dlartg} and numpy's pairwise sum for
     * the initial {@code p}), so the knots are scipy's and the coefficients too (bit for bit on every scipy 1.17
     * fixture of the test suite, whose bound is {@code 1e-10} relative to {@code max|y|}). With {@code s = 0} the result is {@link #makeInterpSpline(double[], double[], int)}
     * ({@code ier = -1}); if no interior knot is needed, the least-squares polynomial ({@code ier = -2}). When
     * scipy would warn ({@code ier} 2 or 3) a WARN is logged and the approximation returned.
     *
     * <p>Complexity: each knot trial is one least-squares fit, {@code O(m k^2)}; each {@code p} trial
     * {@code O(n^2 k)} for {@code n} coefficients. Thread-safety: a pure function of its arguments.
     *
     * @param x       the abscissae, finite and non-decreasing (repeats allowed for {@code s > 0})
     * @param y       the ordinates, finite, same length
     * @param options {@code w, xb, xe, k, s, t, nest}
     * @return the spline with {@code fp}, {@code ier} and {@code p}
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the lengths differ; a value or weight is not finite; a weight is not
     *                                  positive; {@code x} decreases; fewer than {@code k + 1} points;
     *                                  {@code xb > x[0]} or {@code xe < x[m-1]}; {@code nest < 2 (k + 1)};
     *                                  both {@code t} and {@code nest} are given; {@code t}, {@code w} or
     *                                  {@code nest} with {@code s = 0}; or given knots fail FITPACK's
     *                                  {@code fpchec} (interior knots distinct, Schoenberg-Whitney); or (for
     *                                  {@code s > 0}) a spacing of {@code x}, or {@code xe - xb}, outside
     *                                  {@code [2^-L, 2^L]}, {@code L = 1020 / (2 (k + 1))}, where FITPACK's powers
     *                                  of the spacings leave the double range. Messages name the offending index
     *                                  and value.
     * @throws ArithmeticException      if a coefficient, {@code fp} or {@code p} of the fit is beyond the double
     *                                  range (named; values and weights far from 1 are fitted scaled by powers
     *                                  of two, with {@code s} scaled to match, so only results that large raise)
     */
    public static SplineFit fitSplrep(double[] x, double[] y, SplrepOptions options) {
        return SplineFits.splrep(x, y, options);
    }

    /**
     * The smoothing parametric curve with bounded residual, scipy {@code make_splprep(x, k=k, s=s)} in any
     * dimension: as {@link #fitSplrep(double[], double[], SplrepOptions)} with one value column per dimension
     * and the residual summed over the dimensions.
     *
     * @param points the coordinates as scipy takes them, {@code points[d][i]} = coordinate {@code d} of point
     *               {@code i}; finite, equal lengths
     * @param k      the degree, 1 to 5
     * @param s      the residual bound, finite and non-negative
     * @return the curve and its parameter values {@link SplineFit#parameters()}
     * @throws NullPointerException     if an array is null
     * @throws IllegalArgumentException as {@link #makeSplprep(double[][], SplrepOptions)}
     */
    public static SplineFit makeSplprep(double[][] points, int k, double s) {
        return SplineFits.splprep(points, SplrepOptions.defaults().withDegree(k).withSmoothing(s));
    }

    /**
     * The smoothing parametric curve with bounded residual, scipy
     * {@code make_splprep(x, w=, u=, ub=, ue=, k=, s=, t=, nest=)}: the curve {@code g(u)} with one value
     * column per dimension minimising the summed squared {@code k}-th derivative jumps subject to
     * {@code sum_i sum_d (w[i] (g_d(u[i]) - points[d][i]))^2 <= s}. The parameters default to scipy's
     * normalised cumulative chord length ({@code u[0] = 0}, {@code u[i] = u[i-1] + |p_i - p_{i-1}|}, divided
     * by the total); {@code ub, ue} are {@link SplrepOptions#withBounds(double, double)}, {@code u}
     * {@link SplrepOptions#withParameters(double[])}. Algorithm, complexity and report as
     * {@link #fitSplrep(double[], double[], SplrepOptions)}.
     *
     * @param points  {@code points[d][i]} = coordinate {@code d} of point {@code i}
     * @param options {@code w, u, ub, ue, k, s, t, nest}
     * @return the curve (value columns = dimensions) and its parameter values
     * @throws NullPointerException     if an argument or coordinate array is null
     * @throws IllegalArgumentException if there are no dimensions or fewer than 2 points; the coordinate
     *                                  arrays differ in length; a coordinate is not finite; all points coincide
     *                                  (no default parameters); or as
     *                                  {@link #fitSplrep(double[], double[], SplrepOptions)} for {@code u}
     */
    public static SplineFit makeSplprep(double[][] points, SplrepOptions options) {
        return SplineFits.splprep(points, options);
    }

    /**
     * The knot vectors scipy's {@code generate_knots(x, y, k=k, s=s)} yields; see
     * {@link #generateKnots(double[], double[], SplrepOptions)}.
     *
     * @param x the abscissae
     * @param y the ordinates
     * @param k the degree, 1 to 5
     * @param s the residual bound
     * @return the knot vectors, fewest knots first
     * @throws NullPointerException     if an array is null
     * @throws IllegalArgumentException as {@link #generateKnots(double[], double[], SplrepOptions)}
     */
    public static List<double[]> generateKnots(double[] x, double[] y, int k, double s) {
        return SplineFits.generateKnots(x, y, SplrepOptions.defaults().withDegree(k).withSmoothing(s));
    }

    /**
     * The knot vectors tried by {@link #fitSplrep(double[], double[], SplrepOptions)}, scipy
     * {@code list(generate_knots(x, y, w=, xb=, xe=, k=, s=, nest=))}: from {@code 2 (k + 1)} knots (none
     * interior) upward, the last one being the first with {@code fp <= s}, the first with at least
     * {@code nest} knots, or the interpolating spline's knots ({@code m + k + 1}). With {@code s = 0} the only
     * entry is the interpolating spline's not-a-knot vector. At most {@code m} entries (bounded by
     * {@code nest}), each costing one least-squares fit.
     *
     * @param x       the abscissae
     * @param y       the ordinates
     * @param options {@code w, xb, xe, k, s, nest} ({@code t} not allowed)
     * @return an unmodifiable list of new knot arrays
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException as {@link #fitSplrep(double[], double[], SplrepOptions)}, or if knots
     *                                  are given
     */
    public static List<double[]> generateKnots(double[] x, double[] y, SplrepOptions options) {
        return SplineFits.generateKnots(x, y, options);
    }

    /**
     * The knot vectors for several value columns (a curve), scipy {@code list(generate_knots(x, y, ...))} with
     * {@code y} of shape {@code (m, ncols)}: as {@link #generateKnots(double[], double[], SplrepOptions)} with the
     * residuals summed over the columns (the knots {@link #makeSplprep(double[][], SplrepOptions)} uses for
     * parameters {@code x}).
     *
     * @param x       the abscissae (curve parameters)
     * @param y       the values {@code y[i][j]}, rectangular, finite
     * @param options {@code w, xb, xe, k, s, nest}
     * @return an unmodifiable list of new knot arrays
     * @throws NullPointerException     if an argument or a row is null
     * @throws IllegalArgumentException as {@link #generateKnots(double[], double[], SplrepOptions)}, or if
     *                                  {@code y} is ragged or empty
     */
    public static List<double[]> generateKnotsColumns(double[] x, double[][] y, SplrepOptions options) {
        return SplineFits.generateKnotsColumns(x, y, options);
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

    /** @return a copy of the knot vector {@code t} (scipy's attribute name; same as {@link #knots()}) */
    public double[] t() {
        return knots();
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

    // ------------------------------------------------------------------------------------------------
    // the B-spline toolbox (issue 9): derivatives of order nu at points, design matrix, knot insertion,
    // basis conversion, interpolation on given knots

    /**
     * The derivative of order {@code nu} of the single-column spline at {@code x}, evaluated directly (scipy
     * {@code BSpline.__call__(x, nu)}): the {@code nu}-th derivatives of the non-zero B-splines on the interval
     * holding {@code x} (de Boor's recurrence, scipy's {@code _deBoor_D}), so it works where
     * {@link #derivative(int)} cannot build the derivative spline, for instance right at an interior knot of full
     * multiplicity (where it gives the derivative of the piece on the right; at {@code t[n]}, of the last piece).
     * {@code nu > k} gives 0, as scipy. Out of range as {@link #value(double)} (in
     * {@link OutOfRange#clamp()} mode the derivative at the nearer end, in fill mode the fill value). O(k^2).
     *
     * @param x  the point
     * @param nu the derivative order, at least 0 ({@code 0} is {@link #value(double)})
     * @return {@code S^(nu)(x)}; NaN for NaN
     * @throws IllegalArgumentException if {@code nu < 0}
     * @throws OutOfRangeException      if {@code x} is out of range and the mode is {@link OutOfRange#raise()}
     * @throws IllegalStateException    if the spline has several value columns
     */
    public double value(double x, int nu) {
        requireOrder(nu);
        ColumnLayout.requireOneColumn(this, core.m);
        double[] out = new double[1];
        evalDerivativeRow(x, nu, out, 0, new double[core.k + 1], new double[core.k + 1]);
        return out[0];
    }

    /**
     * {@link #value(double, int)} at many points, in parallel for large batches, bit for bit equal to it.
     *
     * @param xs the points (not modified)
     * @param nu the derivative order, at least 0
     * @return a new array, {@code value(xs[i], nu)} at {@code i}
     * @throws NullPointerException     if {@code xs} is null
     * @throws IllegalArgumentException if {@code nu < 0}
     * @throws OutOfRangeException      for the first out-of-range point when the mode is {@link OutOfRange#raise()}
     * @throws IllegalStateException    if the spline has several value columns
     */
    public double[] values(double[] xs, int nu) {
        Validation.requireNonNull(xs, "xs");
        requireOrder(nu);
        ColumnLayout.requireOneColumn(this, core.m);
        double[] out = new double[xs.length];
        derivativeBatch(xs, nu, out);
        return out;
    }

    /**
     * The derivative of order {@code nu} of every column at {@code x}, as {@link #value(double, int)} per column.
     * O(k^2 + m k).
     *
     * @param x   the point
     * @param nu  the derivative order, at least 0
     * @param out receives column {@code j} at {@code out[j]}
     * @throws NullPointerException     if {@code out} is null
     * @throws IllegalArgumentException if {@code nu < 0} or {@code out.length < columns()}
     * @throws OutOfRangeException      if out of range and the mode is {@link OutOfRange#raise()}
     */
    public void value(double x, int nu, double[] out) {
        requireOrder(nu);
        ColumnLayout.checkRow(out, core.m);
        evalDerivativeRow(x, nu, out, 0, new double[core.k + 1], new double[core.k + 1]);
    }

    /**
     * The derivative of order {@code nu} of every column at many points, {@code out[i * m + j]} = column {@code j}
     * at {@code xs[i]}, in parallel for large batches; bit for bit {@link #value(double, int, double[])}.
     *
     * @param xs  the points (not modified)
     * @param nu  the derivative order, at least 0
     * @param out receives the values; at least {@code xs.length * columns()} long
     * @throws NullPointerException     if an array is null
     * @throws IllegalArgumentException if {@code nu < 0} or {@code out} is too short
     * @throws OutOfRangeException      for the first out-of-range point when the mode is {@link OutOfRange#raise()}
     */
    public void valuesColumns(double[] xs, int nu, double[] out) {
        requireOrder(nu);
        ColumnLayout.checkBatch(xs, out, core.m);
        derivativeBatch(xs, nu, out);
    }

    private static void requireOrder(int nu) {
        if (nu < 0) {
            throw new IllegalArgumentException("derivative order nu must be >= 0, was " + nu
                    + " (use antiderivative(-nu))");
        }
    }

    private void derivativeBatch(double[] xs, int nu, double[] out) {
        final int m = core.m;
        final int k1 = core.k + 1;
        ParallelEvaluation.forRange(xs.length, (from, to) -> {
            double[] h = new double[k1];
            double[] hh = new double[k1];
            for (int i = from; i < to; i++) {
                evalDerivativeRow(xs[i], nu, out, i * m, h, hh);
            }
        });
    }

    private void evalDerivativeRow(double x, int nu, double[] out, int off, double[] h, double[] hh) {
        double q = at(x);
        if (q == q) {
            core.derivativeValues(q, nu, out, off, h, hh);
        } else {
            Arrays.fill(out, off, off + core.m, policy.answer(x));
        }
    }

    /**
     * Inserts the knot {@code x} once (scipy {@code BSpline.insert_knot(x)}); see
     * {@link #insertKnot(double, int)}.
     *
     * @param x the new knot, in the base interval
     * @return the spline with the knot inserted
     * @throws IllegalArgumentException as {@link #insertKnot(double, int)}
     */
    public BSpline insertKnot(double x) {
        return insertKnot(x, 1);
    }

    /**
     * The same function with the knot {@code x} inserted {@code m} times (scipy {@code BSpline.insert_knot(x, m)},
     * Boehm's algorithm as in FITPACK's {@code insert}), every column: {@code m} more knots and coefficients, the
     * degree and the out-of-range mode kept. For a periodic spline ({@link OutOfRange#periodic()}) the boundary
     * knots and coefficients are kept periodic, as scipy does, which needs at least {@code k} interior knots on one
     * side of {@code x}. Values agree with this spline's on the base interval up to rounding (inserting at an end
     * of the base interval changes the continued end piece outside it, as in scipy). O(m (n + k) columns) time.
     *
     * @param x the new knot, finite, {@code t[k] <= x <= t[n]}
     * @param m the multiplicity, at least 1
     * @return the spline with the knot inserted
     * @throws IllegalArgumentException if {@code x} is not finite or outside the base interval, {@code m < 1},
     *                                  a periodic spline has too few interior knots, or the result does not fit in
     *                                  an array
     */
    public BSpline insertKnot(double x, int m) {
        if (!(x >= core.lo && x <= core.hi)) {
            throw new IllegalArgumentException("Cannot insert a knot at x = " + x + ": outside the base interval [t["
                    + core.k + "], t[" + core.n + "]] = [" + core.lo + ", " + core.hi + "]");
        }
        if (m <= 0) {
            throw new IllegalArgumentException("`m` must be positive, got m = " + m);
        }
        return new BSpline(KnotInsertion.insert(core, x, m, wrapsInside), mode);
    }

    /**
     * The B-spline design matrix {@code A[i][j] = B_{j,k;t}(x[i])} (scipy
     * {@code BSpline.design_matrix(x, t, k)}, {@code extrapolate=False}): every {@code x[i]} must lie in the base
     * interval {@code [t[k], t[n]]}.
     *
     * @param x the abscissae, finite, any order
     * @param t the knots, finite and non-decreasing, at least {@code 2k + 2}, {@code t[k] < t[n]}
     * @param k the degree, at least 0
     * @return the sparse matrix, {@code x.length} rows, {@code t.length - k - 1} columns
     * @throws NullPointerException     if an array is null
     * @throws IllegalArgumentException as {@link #designMatrix(double[], double[], int, OutOfRange)}
     */
    public static DesignMatrix designMatrix(double[] x, double[] t, int k) {
        return designMatrix(x, t, k, OutOfRange.raise());
    }

    /**
     * The design matrix with scipy's {@code extrapolate} flag: {@code true} evaluates the end pieces' B-splines
     * outside the base interval, {@code false} refuses points outside.
     *
     * @param x           the abscissae, finite
     * @param t           the knots
     * @param k           the degree
     * @param extrapolate whether points outside the base interval are allowed
     * @return the sparse matrix
     * @throws NullPointerException     if an array is null
     * @throws IllegalArgumentException as {@link #designMatrix(double[], double[], int, OutOfRange)}
     */
    public static DesignMatrix designMatrix(double[] x, double[] t, int k, boolean extrapolate) {
        return designMatrix(x, t, k, extrapolate ? OutOfRange.extrapolate() : OutOfRange.raise());
    }

    /**
     * The B-spline design matrix, scipy {@code BSpline.design_matrix(x, t, k, extrapolate)}: row {@code i} holds
     * the {@code k + 1} B-splines non-zero on the knot interval {@code l} of {@code x[i]} ({@code t[l] <= x < t[l+1]},
     * the last interval closed), in columns {@code l - k .. l}, computed by the Cox-de Boor recurrence of the
     * spline evaluation. Modes: {@link OutOfRange#raise()} (scipy {@code False}, the default): a point outside
     * {@code [t[k], t[n]]} is refused; {@link OutOfRange#extrapolate()} ({@code True}): the first / last interval's
     * B-splines are continued; {@link OutOfRange#periodic()} ({@code 'periodic'}): every point is first mapped to
     * {@code t[k] + (x - t[k]) mod (t[n] - t[k])}. O(x.length k^2) time, O(x.length k) memory.
     *
     * @param x    the abscissae, finite, any order
     * @param t    the knots, finite and non-decreasing, at least {@code 2k + 2}, {@code t[k] < t[n]}
     * @param k    the degree, at least 0
     * @param mode raise, extrapolate or periodic
     * @return the sparse matrix, {@code x.length} rows, {@code t.length - k - 1} columns
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code k < 0}; the knots are too few, not finite, decrease, or have an
     *                                  empty base interval; a point is not finite (named); another mode is given;
     *                                  the matrix does not fit in an array
     * @throws OutOfRangeException      in raise mode, naming the first point outside the base interval
     */
    public static DesignMatrix designMatrix(double[] x, double[] t, int k, OutOfRange mode) {
        Validation.requireNonNull(x, "x");
        Validation.requireNonNull(t, "t");
        Validation.requireNonNull(mode, "mode");
        OutOfRange.Kind kind = mode.kind();
        if (kind != OutOfRange.Kind.RAISE && kind != OutOfRange.Kind.EXTRAPOLATE && kind != OutOfRange.Kind.PERIODIC) {
            throw new IllegalArgumentException("designMatrix supports the modes raise, extrapolate and periodic"
                    + " (scipy extrapolate=False, True, 'periodic'), got " + mode);
        }
        int n = t.length - k - 1;
        SplineCore.validate(t, k, Math.max(n, 0));
        Validation.requireFinite("x", x);
        RangePolicy range = RangePolicy.of(mode, t[k], t[n]);
        for (double v : x) {
            range.adjust(v); // raise: the first point outside throws
        }
        int k1 = k + 1;
        double[] values = new double[Validation.checkedSize("design matrix entries", x.length, k1)];
        int[] first = new int[x.length];
        SplineCore basis = new SplineCore(t.clone(), new double[n], k, 1);
        boolean wraps = range.wrapsInside();
        ParallelEvaluation.forRange(x.length, (from, to) -> {
            double[] h = new double[k1];
            for (int i = from; i < to; i++) {
                double q = wraps ? range.adjust(x[i]) : x[i];
                int l = basis.interval(q);
                basis.basis(q, l, h);
                first[i] = l - k;
                System.arraycopy(h, 0, values, i * k1, k1);
            }
        });
        return new DesignMatrix(x.length, n, k, first, values);
    }

    /**
     * The cubic spline {@code cs} in the B-spline basis with not-a-knot knots (scipy
     * {@code BSpline.from_power_basis(cs)}); see {@link #fromPowerBasis(CubicSpline, BoundaryCondition)}.
     *
     * @param cs the cubic spline
     * @return the same piecewise cubic as a B-spline
     * @throws NullPointerException if {@code cs} is null
     */
    public static BSpline fromPowerBasis(CubicSpline cs) {
        return fromPowerBasis(cs, BoundaryCondition.notAKnot());
    }

    /**
     * A cubic spline in the B-spline basis, scipy {@code BSpline.from_power_basis(cs, bc_type)} (which, like this
     * method, accepts {@code CubicSpline}s only): the knots come from {@code bc}'s kind, as scipy's
     * {@code bc_type} string - not-a-knot: the not-a-knot knots of the breakpoints; {@link BoundaryCondition#natural()}
     * or {@link BoundaryCondition#clamped()}: the breakpoints with each end repeated 4 times; periodic: the
     * periodic knots - and the coefficients from the piecewise cubic by Marsden's identity (Lyche and Morken,
     * <i>Spline methods</i>, 3.1.2; see scipy's notes). The knots must be those the spline was built with for the
     * result to represent it (as in scipy, {@code bc} is not read from {@code cs}). Every column is converted; the
     * result keeps {@code cs}'s out-of-range mode. O(n m).
     *
     * @param cs the cubic spline
     * @param bc the boundary condition naming the knot vector: not-a-knot, natural, clamped or periodic
     * @return the spline of degree 3
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code bc} is a derivative condition other than natural or clamped (scipy:
     *                                  unknown boundary condition), or the knots of so few breakpoints are not a
     *                                  valid knot vector
     * @throws ArithmeticException      if a B-spline coefficient is beyond the double range (named)
     */
    public static BSpline fromPowerBasis(CubicSpline cs, BoundaryCondition bc) {
        Validation.requireNonNull(cs, "cs");
        Validation.requireNonNull(bc, "bc");
        double[] x = cs.breakpoints();
        final int k = 3;
        double[] t;
        if (bc.kind() == BoundaryCondition.Kind.NOT_A_KNOT) {
            t = InterpSplineSolver.notAKnotKnots(x, k);
        } else if (bc.kind() == BoundaryCondition.Kind.PERIODIC) {
            t = InterpSplineSolver.periodicKnots(x, k);
        } else if (bc.equals(BoundaryCondition.natural()) || bc.equals(BoundaryCondition.clamped())) {
            t = InterpSplineSolver.augmentedKnots(x, k);
        } else {
            throw new IllegalArgumentException("Unknown boundary condition for from_power_basis: " + bc
                    + " (not-a-knot, natural, clamped or periodic)");
        }
        double[] c = BasisConversion.fromCubicPowerBasis(x, cs.coefficientsColumns(), t);
        int m = cs.columns();
        FiniteResult.requireFinite("BSpline.fromPowerBasis", c, i -> "coefficient " + i / m
                + (m > 1 ? " of column " + i % m : ""));
        SplineCore.validate(t, k, c.length / m);
        return new BSpline(new SplineCore(t, c, k, m), cs.outOfRange());
    }

    /**
     * The interpolating spline of degree {@code k} on the given knots, scipy
     * {@code make_interp_spline(x, y, k, t=t)}: the coefficients solve the collocation system
     * {@code sum_j c[j] B_{j,k;t}(x[i]) = y[i]} by banded LU ({@code O(n k^2)}), as
     * {@link #makeInterpSpline(double[], double[], int)}. There must be exactly {@code t.length = n + k + 1} knots,
     * and they must satisfy the Schoenberg-Whitney conditions, {@code t[i] < x[i] < t[i+k+1]} (equality allowed at
     * an end knot of full multiplicity), which make the system non-singular; they are checked before the system is
     * set up, and the error names the first site and knot interval that fail (scipy does not check, and reports a
     * singular matrix or returns a spline that does not interpolate).
     *
     * @param x the abscissae, finite and strictly increasing, at least 2
     * @param y the ordinates, finite, same length
     * @param k the degree, at least 1 (scipy refuses knots for {@code k = 0})
     * @param t the knots, finite and non-decreasing, {@code x.length + k + 1} of them (copied)
     * @return the spline, extrapolating
     * @throws NullPointerException     if an array is null
     * @throws IllegalArgumentException if the lengths differ, a value is not finite or {@code x} is not strictly
     *                                  increasing (index and value named), {@code k < 1}, the knot count is wrong,
     *                                  a point lies outside {@code [t[k], t[n]]}, or the Schoenberg-Whitney
     *                                  conditions fail
     */
    public static BSpline makeInterpSpline(double[] x, double[] y, int k, double[] t) {
        Validation.checkXY("make_interp_spline", x, y, 2);
        Validation.requireNonNull(t, "t");
        InterpSpline fit = InterpSpline.fitWithKnots(x.clone(), y.clone(), 1, k, t.clone());
        return new BSpline(fit.core, OutOfRange.extrapolate());
    }

    /**
     * As {@link #makeInterpSpline(double[], double[], int, double[])} for {@code m} value columns
     * ({@code y[i][j]}), one factorisation for all of them; column {@code j} equals the single-column fit of that
     * column bit for bit. O(n k^2 + n k m).
     *
     * @param x the abscissae
     * @param y the ordinates, {@code n} rows of equal length {@code m >= 1}, finite
     * @param k the degree, at least 1
     * @param t the knots, {@code x.length + k + 1} (copied)
     * @return the spline with {@code m} columns
     * @throws NullPointerException     if an array or a row is null
     * @throws IllegalArgumentException as {@link #makeInterpSpline(double[], double[], int, double[])}, or if
     *                                  {@code y} is ragged
     */
    public static BSpline makeInterpSplineColumns(double[] x, double[][] y, int k, double[] t) {
        int m = Validation.checkXYColumns("make_interp_spline", x, y, 2);
        Validation.requireNonNull(t, "t");
        InterpSpline fit = InterpSpline.fitWithKnots(x.clone(), ColumnLayout.flatten(y, m), m, k, t.clone());
        return new BSpline(fit.core, OutOfRange.extrapolate());
    }
}
