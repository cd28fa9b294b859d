package io.github.interp4j.interpolate.internal.spline;

import io.github.interp4j.interpolate.BoundaryCondition;
import io.github.interp4j.interpolate.internal.validation.FiniteResult;
import io.github.interp4j.interpolate.internal.validation.Validation;

import java.util.Arrays;

/**
 * scipy's {@code make_interp_spline} on validated data, for {@code m} value columns at once: chooses the
 * knots for the degree and boundary conditions, checks the condition count as scipy does, and solves the
 * collocation system once with {@code m} right-hand sides ({@link InterpSplineSolver}). The result is a
 * {@link SplineCore} and whether it is periodic. Every interpolating spline of the library ({@code BSpline}'s
 * {@code makeInterpSpline} family and the spline kinds of {@code Interp1d}) is fitted here.
 *
 * <p>Thread-safety: immutable.
 */
public final class InterpSpline {
    /** The fitted spline, {@code m} columns. */
    public final SplineCore core;
    /** Whether the spline was fitted with periodic conditions (and so evaluates periodically). */
    public final boolean periodic;

    private InterpSpline(SplineCore core, boolean periodic) {
        this.core = core;
        this.periodic = periodic;
    }

    /**
     * Fits the interpolating spline.
     *
     * @param x  abscissae, finite and strictly increasing, at least 2
     * @param y  ordinates, {@code n * m} row-major (finite, unless the caller reproduces a scipy path that
     *           lets NaN through, as {@code interp1d} does for degrees 0 and 1)
     * @param m  the number of columns, at least 1
     * @param k  the degree
     * @param bc the boundary conditions, made for {@code m} columns
     * @return the spline
     * @throws IllegalArgumentException if {@code k < 0}; if periodic and {@code y[0] != y[n-1]} (scipy's
     *                                  {@code allclose}); if {@code k <= 1} and a derivative condition is
     *                                  given; if a derivative order is outside {@code [0, k]}; if the number of
     *                                  conditions does not match the knots; if the system is singular
     */
    public static InterpSpline fit(double[] x, double[] y, int m, int k, Conditions bc) {
        final int n = x.length;
        if (k < 0) {
            throw new IllegalArgumentException("Expect non-negative k, got k = " + k);
        }
        Validation.checkedSize("knot vector", 1, (long) n + 2L * k + 2);
        FiniteResult.requireFiniteSpan("x", x);
        FiniteResult.requireSpacingExponent("x", x, Double.MIN_EXPONENT, Double.MAX_EXPONENT,
                "the B-spline recurrence divides by knot differences (a subnormal one overflows its reciprocal)");
        if (bc.periodic) {
            checkPeriodicEnds(y, n, m);
        }
        if (k == 0 || k == 1) {
            if (bc.hasDerivatives()) {
                throw new IllegalArgumentException("Too much info for k=" + k + ": bc_type can only be not-a-knot"
                        + " (scipy None) at both ends");
            }
            return new InterpSpline(new SplineCore(lowDegreeKnots(x, k), y.clone(), k, m), false);
        }
        if (bc.periodic) {
            double[] t = InterpSplineSolver.periodicKnots(x, k);
            double[] c = solveFinite(y, null, null, m, (ys, lvs, rvs) -> InterpSplineSolver.solvePeriodic(x, ys, m, t, k));
            return new InterpSpline(new SplineCore(t, c, k, m), true);
        }
        double[] t = bc.hasDerivatives() ? InterpSplineSolver.augmentedKnots(x, k)
                : InterpSplineSolver.notAKnotKnots(x, k);
        int[] lo = bc.leftOrders == null ? new int[0] : bc.leftOrders;
        int[] ro = bc.rightOrders == null ? new int[0] : bc.rightOrders;
        double[] lv = bc.leftValues == null ? new double[0] : bc.leftValues;
        double[] rv = bc.rightValues == null ? new double[0] : bc.rightValues;
        checkOrders(lo, k, x[0]);
        checkOrders(ro, k, x[n - 1]);
        int nt = t.length - k - 1;
        if (nt - n != lo.length + ro.length) {
            throw new IllegalArgumentException("The number of derivatives at boundaries does not match: expected "
                    + (nt - n) + ", got " + lo.length + "+" + ro.length + " (degree k = " + k + ", " + n + " points"
                    + (bc.hasDerivatives() ? "" : "; not-a-knot needs at least " + (k + 1) + " points")
                    + ")");
        }
        double[] c = solveFinite(y, lv, rv, m,
                (ys, lvs, rvs) -> InterpSplineSolver.solve(x, ys, m, t, k, lo, lvs, ro, rvs));
        return new InterpSpline(new SplineCore(t, c, k, m), false);
    }

    /**
     * Fits the interpolating spline on user-given knots, scipy {@code make_interp_spline(x, y, k, t=t)} without
     * boundary conditions: {@code t.length - k - 1} must equal {@code n}, and the knots must satisfy the
     * Schoenberg-Whitney conditions ({@link SchoenbergWhitney}), checked before the collocation system is set up.
     *
     * @param x abscissae, finite and strictly increasing, at least 2
     * @param y ordinates, {@code n * m} row-major, finite
     * @param m the number of columns, at least 1
     * @param k the degree, at least 1
     * @param t the knots (not copied; the caller passes a copy), finite and non-decreasing
     * @return the spline
     * @throws IllegalArgumentException if {@code k < 1} (scipy: too much info for k = 0), the knots are not
     *                                  finite or decrease, there are too few or too many knots, a site lies
     *                                  outside {@code [t[k], t[n]]}, or the Schoenberg-Whitney conditions fail
     */
    public static InterpSpline fitWithKnots(double[] x, double[] y, int m, int k, double[] t) {
        int n = x.length;
        if (k < 0) {
            throw new IllegalArgumentException("Expect non-negative k, got k = " + k);
        }
        if (k == 0) {
            throw new IllegalArgumentException("Too much info for k=0: t and bc_type can only be None.");
        }
        Validation.requireFinite("t", t);
        Validation.requireNonDecreasing("t", t);
        if (t.length < (long) n + k + 1) {
            throw new IllegalArgumentException("Got " + t.length + " knots, need at least " + ((long) n + k + 1)
                    + " (n + k + 1 with n = " + n + " points, k = " + k + ")");
        }
        int nt = t.length - k - 1;
        if (nt != n) {
            throw new IllegalArgumentException("The number of derivatives at boundaries does not match: expected "
                    + (nt - n) + ", got 0+0 (" + t.length + " knots give " + nt + " coefficients for " + n
                    + " points; without boundary conditions t.length must be n + k + 1 = " + (n + k + 1) + ")");
        }
        SplineCore.validate(t, k, nt);
        if (x[0] < t[k] || x[n - 1] > t[nt]) {
            int j = x[0] < t[k] ? 0 : n - 1;
            throw new IllegalArgumentException("Out of bounds: x[" + j + "] = " + x[j] + " is outside the base "
                    + "interval [t[" + k + "], t[" + nt + "]] = [" + t[k] + ", " + t[nt] + "]");
        }
        SchoenbergWhitney.requireInterpolation(x, t, k);
        double[] c = solveFinite(y, null, null, m, (yy, lv, rv) -> InterpSplineSolver.solve(x, yy, m, t, k,
                new int[0], new double[0], new int[0], new double[0]));
        return new InterpSpline(new SplineCore(t, c, k, m), false);
    }

    /** One collocation solve for data {@code y} and derivative conditions {@code lv, rv} (may be null). */
    @FunctionalInterface
    private interface Solve {
        double[] apply(double[] y, double[] lv, double[] rv);
    }

    /**
     * The coefficients, never non-finite from finite data: the plain solve first (ordinary data keep their
     * bits); if it overflowed, the solve of the data and conditions divided by {@code 2^e} (the exponent of
     * the largest of them; the solve is linear in them, and the scaling exact), multiplied back, and a
     * coefficient still beyond the double range is named.
     */
    private static double[] solveFinite(double[] y, double[] lv, double[] rv, int m, Solve solve) {
        double[] c = solve.apply(y, lv, rv);
        if (FiniteResult.firstNonFinite(c) < 0) {
            return c;
        }
        int e = FiniteResult.scaleExponent(y);
        if (lv != null) {
            e = Math.max(e, FiniteResult.scaleExponent(lv));
        }
        if (rv != null) {
            e = Math.max(e, FiniteResult.scaleExponent(rv));
        }
        double[] cs = solve.apply(FiniteResult.scaled(y, e), lv == null ? null : FiniteResult.scaled(lv, e),
                rv == null ? null : FiniteResult.scaled(rv, e));
        double[] out = FiniteResult.scaled(cs, -e);
        int scale = -e;
        FiniteResult.requireFinite("interpolating spline", out, i -> "B-spline coefficient " + (i / m)
                + (m > 1 ? " of column " + (i % m) : "") + " (solved on the data scaled by 2^" + scale + ")");
        return out;
    }

    /** numpy.allclose(y[0], y[n-1], rtol=1e-5, atol=1e-15), per column, as scipy's periodic check. */
    private static void checkPeriodicEnds(double[] y, int n, int m) {
        for (int j = 0; j < m; j++) {
            double a = y[j];
            double b = y[(n - 1) * m + j];
            if (!(Math.abs(a - b) <= 1e-15 + 1e-5 * Math.abs(b))) {
                throw new IllegalArgumentException("First and last points does not match while periodic case "
                        + "expected: y[0] = " + a + ", y[" + (n - 1) + "] = " + b
                        + (m > 1 ? " (column " + j + ")" : ""));
            }
        }
    }

    /** k = 0: {@code [x..., x[n-1]]}; k = 1: {@code [x[0], x..., x[n-1]]}. */
    private static double[] lowDegreeKnots(double[] x, int k) {
        int n = x.length;
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
        return t;
    }

    private static void checkOrders(int[] orders, int k, double at) {
        for (int o : orders) {
            if (o < 0 || o > k) {
                throw new IllegalArgumentException("Bad boundary conditions at " + at + ": derivative order " + o
                        + " is not in [0, " + k + "]");
            }
        }
    }

    /**
     * Boundary conditions in scipy's form for {@code m} columns: periodic, or per side either None
     * ({@code null} orders) or (order, value) pairs with one value per column.
     *
     * <p>Thread-safety: immutable (the arrays are never exposed).
     */
    public static final class Conditions {
        private static final Conditions NONE = new Conditions(false, null, null, null, null);

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

        /** @return no conditions: scipy's default (not-a-knot for {@code k >= 2}) */
        public static Conditions none() {
            return NONE;
        }

        /**
         * One condition per side as {@link BoundaryCondition}s; a derivative value applies to every column.
         *
         * @param left  the condition at {@code x[0]}
         * @param right the condition at {@code x[n-1]}
         * @param m     the number of columns
         * @return the conditions
         * @throws NullPointerException     if a side is null
         * @throws IllegalArgumentException if only one side is periodic
         */
        public static Conditions of(BoundaryCondition left, BoundaryCondition right, int m) {
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
            return new Conditions(false, orderOf(left), valuesOf(left, m), orderOf(right), valuesOf(right, m));
        }

        private static int[] orderOf(BoundaryCondition bc) {
            return bc.isDerivative() ? new int[] {bc.order()} : null;
        }

        private static double[] valuesOf(BoundaryCondition bc, int m) {
            if (!bc.isDerivative()) {
                return null;
            }
            double[] v = new double[m];
            Arrays.fill(v, bc.value());
            return v;
        }

        /**
         * Any derivative conditions, scipy {@code bc_type=([(o, v), ...], [(o, v), ...])}.
         *
         * @param lo orders at {@code x[0]} (may be empty)
         * @param lv their values, {@code lv[i][j]} for column {@code j}, finite
         * @param ro orders at {@code x[n-1]} (may be empty)
         * @param rv their values
         * @param m  the number of columns
         * @return the conditions
         * @throws NullPointerException     if an array is null
         * @throws IllegalArgumentException if an orders array and its values differ in length, a value row
         *                                  does not have {@code m} values, or a value is not finite
         */
        public static Conditions explicit(int[] lo, double[][] lv, int[] ro, double[][] rv, int m) {
            Validation.requireNonNull(lo, "leftOrders");
            Validation.requireNonNull(ro, "rightOrders");
            Validation.requireNonNull(lv, "leftValues");
            Validation.requireNonNull(rv, "rightValues");
            return new Conditions(false, lo.clone(), values(lo, lv, m, "left"), ro.clone(), values(ro, rv, m, "right"));
        }

        private static double[] values(int[] orders, double[][] v, int m, String side) {
            if (v.length != orders.length) {
                throw new IllegalArgumentException(side + " derivative orders and values must have the same length: "
                        + orders.length + " orders, " + v.length + " values");
            }
            double[] f = new double[orders.length * m];
            for (int i = 0; i < v.length; i++) {
                Validation.requireNonNull(v[i], side + "Values[" + i + "]");
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
}
