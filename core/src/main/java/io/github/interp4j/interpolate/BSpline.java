package io.github.interp4j.interpolate;

import io.github.interp4j.interpolate.internal.spline.InterpSplineSolver;
import io.github.interp4j.interpolate.internal.parallel.ParallelEvaluation;
import io.github.interp4j.interpolate.internal.spline.SplineCore;
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
 * <h2>Evaluation</h2>
 * {@link #value(double)} finds the interval {@code l} with {@code t[l] <= x < t[l+1]} ({@code l = n-1} at
 * {@code x = t[n]}) by bucketed search ({@code IntervalIndex}, O(1) expected for reasonably spread knots,
 * O(log n) worst case - never a linear walk), computes the {@code k + 1} non-zero B-splines by the de Boor
 * recurrence and sums them against the coefficients: {@code O(k^2)} per point, the same arithmetic as scipy.
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
 * A NaN query gives NaN. Coefficients may be NaN or infinite (they propagate as in scipy); knots must be
 * finite.
 *
 * <p>Multi-column splines (scipy's {@code c} of shape {@code (n, m)}) are {@link VectorBSpline}s, made by
 * {@link #ofColumns(double[], double[][], int)} or the {@code double[][]} overloads of
 * {@link #makeInterpSpline(double[], double[][], int)}.
 *
 * <p>Thread-safety: immutable; the arrays are copied in and out, so instances can be shared freely.
 * Serialisation stores {@code (t, c, k, mode)} and deserialisation runs the validating constructor again.
 */
public final class BSpline implements Interpolant1D {
    private static final long serialVersionUID = 1L;

    private final transient SplineCore core;
    private final transient OutOfRange mode;
    private final transient OutOfRange.Kind modeKind;

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
     *                                  {@code t[k] == t[n]}; or if {@code c.length < n}
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
        this.core = new SplineCore(t.clone(), c.clone(), k, 1);
        this.mode = mode;
        this.modeKind = mode.kind();
    }

    BSpline(SplineCore core, OutOfRange mode) {
        this.core = core;
        this.mode = mode;
        this.modeKind = mode.kind();
    }

    /**
     * A multi-column B-spline: column {@code j} has coefficients {@code c[i][j]} (scipy's {@code c} of shape
     * {@code (n, m)}), extrapolating its end pieces.
     *
     * @param t the knots, as {@link #BSpline(double[], double[], int)}
     * @param c the coefficients, {@code c.length >= n} rows of equal length {@code m >= 1}
     * @param k the degree
     * @return the spline
     * @throws NullPointerException     if {@code t}, {@code c} or a row is null
     * @throws IllegalArgumentException as {@link #BSpline(double[], double[], int)}, or if {@code c} is ragged
     *                                  or has no columns
     */
    public static VectorBSpline ofColumns(double[] t, double[][] c, int k) {
        return new VectorBSpline(t, c, k, OutOfRange.extrapolate());
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
     */
    public static VectorBSpline ofColumns(double[] t, double[][] c, int k, OutOfRange mode) {
        return new VectorBSpline(t, c, k, mode);
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
        checkScalarData(x, y, true);
        Conditions bc = Conditions.of(left, right, 1);
        return fit(x, y, 1, k, bc).scalar();
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
        checkScalarData(x, y, true);
        Conditions bc = Conditions.explicit(leftOrders, toRows(leftValues, "leftValues"), rightOrders,
                toRows(rightValues, "rightValues"), 1);
        return fit(x, y, 1, k, bc).scalar();
    }

    /**
     * The multi-column interpolating spline with scipy's defaults (scipy {@code make_interp_spline(x, y, k)}
     * for {@code y} of shape {@code (n, m)}): one fit, one factorisation, {@code m} right-hand sides.
     *
     * @param x the abscissae, finite and strictly increasing, at least 2
     * @param y the ordinates, {@code y[i][j]} = column {@code j} at {@code x[i]}; rectangular, finite
     * @param k the degree, at least 0
     * @return the spline
     * @throws NullPointerException     if an argument or a row is null
     * @throws IllegalArgumentException as {@link #makeInterpSpline(double[], double[], int)}, or if {@code y} is
     *                                  ragged
     */
    public static VectorBSpline makeInterpSpline(double[] x, double[][] y, int k) {
        return makeInterpSpline(x, y, k, BoundaryCondition.notAKnot(), BoundaryCondition.notAKnot());
    }

    /**
     * The multi-column interpolating spline with boundary conditions; a derivative condition's value applies
     * to every column. Otherwise as
     * {@link #makeInterpSpline(double[], double[], int, BoundaryCondition, BoundaryCondition)}.
     *
     * @param x     the abscissae
     * @param y     the ordinates {@code y[i][j]}
     * @param k     the degree
     * @param left  the condition at {@code x[0]}
     * @param right the condition at {@code x[n-1]}
     * @return the spline
     * @throws NullPointerException     if an argument or a row is null
     * @throws IllegalArgumentException as the scalar version, or if {@code y} is ragged
     */
    public static VectorBSpline makeInterpSpline(double[] x, double[][] y, int k, BoundaryCondition left,
                                                 BoundaryCondition right) {
        int m = Validation.checkXYColumns("makeInterpSpline", x, y, 2);
        Conditions bc = Conditions.of(left, right, m);
        return fit(x, flatten(y, m), m, k, bc).vector();
    }

    static void checkScalarData(double[] x, double[] y, boolean finiteY) {
        Validation.requireNonNull(x, "x");
        Validation.requireNonNull(y, "y");
        Validation.requireSameLength("x", x.length, "y", y.length);
        Validation.requireMinPoints("makeInterpSpline", x.length, 2);
        Validation.requireFinite("x", x);
        if (finiteY) {
            Validation.requireFinite("y", y);
        }
        Validation.requireStrictlyIncreasing("x", x);
    }

    static double[] flatten(double[][] y, int m) {
        double[] f = new double[Validation.checkedSize("y", y.length, m)];
        for (int i = 0; i < y.length; i++) {
            System.arraycopy(y[i], 0, f, i * m, m);
        }
        return f;
    }

    private static double[][] toRows(double[] v, String name) {
        Validation.requireNonNull(v, name);
        double[][] r = new double[v.length][1];
        for (int i = 0; i < v.length; i++) {
            r[i][0] = v[i];
        }
        return r;
    }

    /** Boundary conditions in scipy's form: per side either None ({@code null} orders) or (order, value) pairs. */
    static final class Conditions {
        final boolean periodic;
        final int[] leftOrders;   // null: None
        final double[] leftValues; // leftOrders.length * m
        final int[] rightOrders;
        final double[] rightValues;

        private Conditions(boolean periodic, int[] lo, double[] lv, int[] ro, double[] rv) {
            this.periodic = periodic;
            this.leftOrders = lo;
            this.leftValues = lv;
            this.rightOrders = ro;
            this.rightValues = rv;
        }

        static Conditions none() {
            return new Conditions(false, null, null, null, null);
        }

        static Conditions of(BoundaryCondition left, BoundaryCondition right, int m) {
            Validation.requireNonNull(left, "left");
            Validation.requireNonNull(right, "right");
            boolean lp = left.kind() == BoundaryCondition.Kind.PERIODIC;
            boolean rp = right.kind() == BoundaryCondition.Kind.PERIODIC;
            if (lp != rp) {
                throw new IllegalArgumentException("periodic boundary conditions must be used at both ends, got left = "
                        + left + ", right = " + right);
            }
            if (lp) {
                return new Conditions(true, null, null, null, null);
            }
            int[] lo = null;
            double[] lv = null;
            int[] ro = null;
            double[] rv = null;
            if (left.isDerivative()) {
                lo = new int[] {left.order()};
                lv = new double[m];
                Arrays.fill(lv, left.value());
            }
            if (right.isDerivative()) {
                ro = new int[] {right.order()};
                rv = new double[m];
                Arrays.fill(rv, right.value());
            }
            return new Conditions(false, lo, lv, ro, rv);
        }

        static Conditions explicit(int[] lo, double[][] lv, int[] ro, double[][] rv, int m) {
            Validation.requireNonNull(lo, "leftOrders");
            Validation.requireNonNull(ro, "rightOrders");
            return new Conditions(false, lo.clone(), values(lo, lv, m, "left"), ro.clone(), values(ro, rv, m, "right"));
        }

        private static double[] values(int[] orders, double[][] v, int m, String side) {
            if (v.length != orders.length) {
                throw new IllegalArgumentException(side + " derivative orders and values must have the same length: "
                        + orders.length + " orders, " + v.length + " values");
            }
            double[] f = new double[orders.length * m];
            for (int i = 0; i < v.length; i++) {
                if (v[i].length != m) {
                    throw new IllegalArgumentException(side + " derivative value " + i + " has " + v[i].length
                            + " columns, expected " + m);
                }
                for (int j = 0; j < m; j++) {
                    double val = v[i][j];
                    if (!Double.isFinite(val)) {
                        throw new IllegalArgumentException(side + " derivative value " + i + " = " + val
                                + " is not finite");
                    }
                    f[i * m + j] = val;
                }
            }
            return f;
        }

        boolean hasDerivatives() {
            return leftOrders != null || rightOrders != null;
        }
    }

    /** The result of a fit: a core and whether it is periodic. */
    static final class Fit {
        final SplineCore core;
        final boolean periodic;

        Fit(SplineCore core, boolean periodic) {
            this.core = core;
            this.periodic = periodic;
        }

        OutOfRange mode() {
            return periodic ? OutOfRange.periodic() : OutOfRange.extrapolate();
        }

        BSpline scalar() {
            return new BSpline(core, mode());
        }

        VectorBSpline vector() {
            return new VectorBSpline(core, mode());
        }
    }

    /**
     * scipy's {@code make_interp_spline} on validated data ({@code x} finite and strictly increasing, at least
     * 2 points; {@code y} flat {@code n * m}, finite unless the caller mimics {@code check_finite=False}).
     */
    static Fit fit(double[] x, double[] y, int m, int k, Conditions bc) {
        final int n = x.length;
        if (k < 0) {
            throw new IllegalArgumentException("Expect non-negative k, got k = " + k);
        }
        Validation.checkedSize("knot vector", 1, (long) n + 2L * k + 2);
        if (bc.periodic) {
            for (int j = 0; j < m; j++) {
                double a = y[j];
                double b = y[(n - 1) * m + j];
                // numpy.allclose(a, b, rtol=1e-5, atol=1e-15)
                if (!(Math.abs(a - b) <= 1e-15 + 1e-5 * Math.abs(b))) {
                    throw new IllegalArgumentException("First and last points does not match while periodic case "
                            + "expected: y[0] = " + a + ", y[" + (n - 1) + "] = " + b
                            + (m > 1 ? " (column " + j + ")" : ""));
                }
            }
        }
        if (k == 0 || k == 1) {
            if (bc.hasDerivatives()) {
                throw new IllegalArgumentException("Too much info for k=" + k + ": bc_type can only be not-a-knot"
                        + " (scipy None) at both ends");
            }
            double[] t;
            if (k == 0) {
                t = Arrays.copyOf(x, n + 1);
                t[n] = x[n - 1];
            } else {
                t = new double[n + 2];
                t[0] = x[0];
                System.arraycopy(x, 0, t, 1, n);
                t[n + 1] = x[n - 1];
            }
            return new Fit(new SplineCore(t, y.clone(), k, m), false);
        }
        if (bc.periodic) {
            double[] t = InterpSplineSolver.periodicKnots(x, k);
            double[] c = InterpSplineSolver.solvePeriodic(x, y, m, t, k);
            return new Fit(new SplineCore(t, c, k, m), true);
        }
        double[] t = bc.hasDerivatives() ? InterpSplineSolver.augmentedKnots(x, k)
                : InterpSplineSolver.notAKnotKnots(x, k);
        int[] lo = bc.leftOrders == null ? new int[0] : bc.leftOrders;
        int[] ro = bc.rightOrders == null ? new int[0] : bc.rightOrders;
        double[] lv = bc.leftValues == null ? new double[0] : bc.leftValues;
        double[] rv = bc.rightValues == null ? new double[0] : bc.rightValues;
        for (int o : lo) {
            if (o < 0 || o > k) {
                throw new IllegalArgumentException("Bad boundary conditions at " + x[0] + ": derivative order " + o
                        + " is not in [0, " + k + "]");
            }
        }
        for (int o : ro) {
            if (o < 0 || o > k) {
                throw new IllegalArgumentException("Bad boundary conditions at " + x[n - 1] + ": derivative order " + o
                        + " is not in [0, " + k + "]");
            }
        }
        int nt = t.length - k - 1;
        if (nt - n != lo.length + ro.length) {
            throw new IllegalArgumentException("The number of derivatives at boundaries does not match: expected "
                    + (nt - n) + ", got " + lo.length + "+" + ro.length + " (degree k = " + k + ", " + n + " points"
                    + (bc.hasDerivatives() ? "" : "; not-a-knot needs at least " + (k + 1) + " points")
                    + ")");
        }
        double[] c = InterpSplineSolver.solve(x, y, m, t, k, lo, lv, ro, rv);
        return new Fit(new SplineCore(t, c, k, m), false);
    }

    // ------------------------------------------------------------------------------------------------
    // evaluation

    /**
     * Evaluates the spline at {@code x}; see the class documentation for the out-of-range modes.
     * O(k^2) after an O(1)-expected interval search.
     *
     * @param x the point
     * @return {@code S(x)}; NaN for NaN
     * @throws OutOfRangeException if {@code x} is outside {@code [t[k], t[n]]} and the mode is
     *                             {@link OutOfRange#raise()}
     */
    @Override
    public double value(double x) {
        return eval(x, new double[core.k + 1]);
    }

    private double eval(double x, double[] work) {
        if (x != x) {
            return Double.NaN;
        }
        final SplineCore s = core;
        if (modeKind == OutOfRange.Kind.PERIODIC) {
            x = s.wrap(x);
            if (x != x) {
                return Double.NaN;
            }
        } else if (x < s.lo || x > s.hi) {
            switch (modeKind) {
                case EXTRAPOLATE:
                    break;
                case NAN:
                    return Double.NaN;
                case RAISE:
                    throw new OutOfRangeException(x, s.lo, s.hi);
                case CLAMP:
                    x = x < s.lo ? s.lo : s.hi;
                    break;
                default: // FILL
                    return x < s.lo ? mode.below() : mode.above();
            }
        }
        return s.value(x, 0, work);
    }

    /**
     * Evaluates at many points, in parallel for large batches; bit-for-bit equal to {@link #value(double)}.
     *
     * @param xs  the points (not modified)
     * @param out receives {@code value(xs[i])} at {@code i}
     * @throws NullPointerException     if an array is null
     * @throws IllegalArgumentException if {@code out.length < xs.length}
     * @throws OutOfRangeException      for the first out-of-range point when the mode is {@link OutOfRange#raise()}
     */
    @Override
    public void values(double[] xs, double[] out) {
        Objects.requireNonNull(xs, "xs");
        Objects.requireNonNull(out, "out");
        if (out.length < xs.length) {
            throw new IllegalArgumentException("out.length = " + out.length + " < xs.length = " + xs.length);
        }
        final int k1 = core.k + 1;
        ParallelEvaluation.forRange(xs.length, (from, to) -> {
            double[] work = new double[k1];
            for (int i = from; i < to; i++) {
                out[i] = eval(xs[i], work);
            }
        });
    }

    // ------------------------------------------------------------------------------------------------
    // calculus

    /**
     * The derivative of order {@code order} as a spline of degree {@code k - order} (scipy
     * {@code BSpline.derivative}, via {@code splder}): knots {@code t[order : len - order]}, coefficients by
     * repeated differencing {@code c'[i] = k (c[i+1] - c[i]) / (t[i+k+1] - t[i+1])}, padded with zeros to the
     * knot count as scipy does. Same out-of-range mode. O(order * n).
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
     * The antiderivative of order {@code order}, a spline of degree {@code k + order} that is zero at
     * {@code t[0]} (scipy {@code BSpline.antiderivative}, via {@code splantider}). The mode is kept, except
     * that {@link OutOfRange#periodic()} becomes {@link OutOfRange#nan()} (scipy sets
     * {@code extrapolate=False}: the antiderivative of a periodic function is not periodic). O(order * n).
     *
     * @param order the order, at least 0; 0 returns this spline
     * @return the antiderivative
     * @throws IllegalArgumentException if {@code order < 0}
     */
    public BSpline antiderivative(int order) {
        if (order == 0) {
            return this;
        }
        SplineCore a = core.antiderivative(order);
        return new BSpline(a, modeKind == OutOfRange.Kind.PERIODIC ? OutOfRange.nan() : mode);
    }

    /**
     * The definite integral over {@code [a, b]} (negative if {@code b < a}), scipy {@code BSpline.integrate}:
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
     * @throws OutOfRangeException if the mode is {@link OutOfRange#raise()} and a limit is outside the base
     *                             interval
     */
    public double integrate(double a, double b) {
        return core.integrate(a, b, mode)[0];
    }

    // ------------------------------------------------------------------------------------------------
    // accessors

    /** @return a copy of the knot vector {@code t} */
    public double[] knots() {
        return core.t.clone();
    }

    /** @return a copy of the coefficients {@code c} (all of them, including any beyond {@code n}) */
    public double[] coefficients() {
        return core.c.clone();
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
        return "BSpline[k=" + core.k + ", n=" + core.n + ", base=[" + core.lo + ", " + core.hi + "], " + mode + "]";
    }

    // ------------------------------------------------------------------------------------------------
    // serialisation

    /**
     * Serialises the validated data through a serial-form object.
     *
     * @return the serial form
     */
    private Object writeReplace() {
        return new Serialized(core.t, core.c, core.k, mode);
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
        private final double[] c;
        private final int k;
        private final OutOfRange mode;

        Serialized(double[] t, double[] c, int k, OutOfRange mode) {
            this.t = t;
            this.c = c;
            this.k = k;
            this.mode = mode;
        }

        private Object readResolve() throws ObjectStreamException {
            try {
                return new BSpline(t, c, k, mode);
            } catch (RuntimeException e) {
                InvalidObjectException ex = new InvalidObjectException("invalid BSpline data: " + e.getMessage());
                ex.initCause(e);
                throw ex;
            }
        }
    }
}
