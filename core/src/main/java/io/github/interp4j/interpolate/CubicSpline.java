package io.github.interp4j.interpolate;

import io.github.interp4j.interpolate.internal.validation.SerialProxies;
import io.github.interp4j.interpolate.internal.linalg.TridiagonalSolver;
import io.github.interp4j.interpolate.internal.validation.Validation;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.util.Objects;

/**
 * Cubic spline interpolation (C2), exactly scipy's {@code scipy.interpolate.CubicSpline(x, y, bc_type=...)}.
 *
 * <p>The spline is the piecewise cubic Hermite interpolant whose slopes {@code s[i]} solve the tridiagonal
 * system of second-derivative continuity,
 * <pre>  dx[i] s[i-1] + 2 (dx[i-1] + dx[i]) s[i] + dx[i-1] s[i+1] = 3 (dx[i] d[i-1] + dx[i-1] d[i]),  0 &lt; i &lt; n-1</pre>
 * ({@code dx[i] = x[i+1] - x[i]}, {@code d[i]} the secant slopes), closed by the boundary conditions
 * ({@link BoundaryCondition}): not-a-knot (default), first or second derivative, or periodic (a cyclic
 * system, solved as scipy does by condensing it to a tridiagonal one of order n - 2 with two
 * right-hand sides). The system is solved by tridiagonal LU with partial pivoting, LAPACK's
 * {@code gtsv} algorithm, which scipy uses, in O(n).
 *
 * <p>Small n, as scipy: with n = 2 a not-a-knot or periodic end becomes "first derivative = the secant
 * slope" (a straight line, or a constant for periodic data); with n = 3 and not-a-knot at both ends
 * the spline is the parabola through the three points; with n = 3 and periodic conditions both slopes
 * equal {@code (d0/dx0 + d1/dx1) / (1/dx0 + 1/dx1)}.
 *
 * <p>Periodic conditions must be given at both ends and need {@code y[0] == y[n-1]} up to scipy's
 * tolerance {@code |y[0] - y[n-1]| <= 1e-15 + 1e-15 |y[n-1]|}. (scipy accepts {@code 'periodic'} only as a
 * single {@code bc_type} string; here {@code (periodic(), periodic())} means the same.)
 *
 * <p>Out-of-range default, as scipy: {@link OutOfRange#periodic()} for periodic conditions, otherwise
 * {@link OutOfRange#extrapolate()}.
 *
 * <p>Several value columns ({@code double[][] y} of shape {@code (n, m)}) are fitted at once, one
 * factorisation for m right-hand sides, into a {@code CubicSpline} with {@link #columns()} = m.
 *
 * <p>Thread-safety: immutable (inputs are copied); share freely. Serialisation stores {@code x, y} (one
 * column or the rows of several), the conditions and the mode; deserialisation re-runs the validating
 * constructor.
 */
public final class CubicSpline extends PiecewiseCubicInterpolant {
    private static final long serialVersionUID = 1L;
    private static final String NAME = "CubicSpline";
    /** scipy's periodic check is {@code np.allclose(y[0], y[-1], rtol=1e-15, atol=1e-15)}. */
    static final double PERIODIC_TOLERANCE = 1e-15;

    private final transient double[] x;
    private final transient double[] y;
    private final transient BoundaryCondition left;
    private final transient BoundaryCondition right;

    /**
     * The not-a-knot cubic spline (scipy's default {@code bc_type}). O(n).
     *
     * @param x abscissae, finite, strictly increasing, at least 2 (copied)
     * @param y values, finite, same length (copied)
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the lengths differ, there are fewer than 2 points, a value is not
     *                                  finite or {@code x} is not strictly increasing (messages name the
     *                                  offending index and value)
     */
    public CubicSpline(double[] x, double[] y) {
        this(x, y, BoundaryCondition.notAKnot(), BoundaryCondition.notAKnot());
    }

    /**
     * The cubic spline with the same condition at both ends (scipy's string {@code bc_type}).
     *
     * @param x  abscissae (copied)
     * @param y  values (copied)
     * @param bc the condition at both ends
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException as {@link #CubicSpline(double[], double[])}, or for periodic conditions
     *                                  when {@code y[0]} and {@code y[n-1]} differ (both named)
     */
    public CubicSpline(double[] x, double[] y, BoundaryCondition bc) {
        this(x, y, bc, bc);
    }

    /**
     * The cubic spline with a condition per end (scipy's 2-tuple {@code bc_type}). O(n) time and memory.
     *
     * @param x     abscissae (copied)
     * @param y     values (copied)
     * @param left  the condition at {@code x[0]}
     * @param right the condition at {@code x[n-1]}
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException as {@link #CubicSpline(double[], double[], BoundaryCondition)}, or if
     *                                  only one end is periodic
     */
    public CubicSpline(double[] x, double[] y, BoundaryCondition left, BoundaryCondition right) {
        this(checked(x, y, left, right), y.clone(), 1, left, right);
    }

    /**
     * The not-a-knot cubic spline of several value columns fitted at once (scipy's {@code y} of shape
     * {@code (n, m)}); see {@link #fromColumns(double[], double[][], BoundaryCondition, BoundaryCondition)}.
     *
     * @param x abscissae, finite, strictly increasing, at least 2 (copied)
     * @param y {@code n} rows of equal length {@code m >= 1}, finite (copied)
     * @return the interpolant with {@code y[0].length} value columns
     * @throws NullPointerException     if an argument or a row is null
     * @throws IllegalArgumentException for invalid data (the offending index and value named)
     */
    public static CubicSpline fromColumns(double[] x, double[][] y) {
        return new CubicSpline(x, y);
    }

    private CubicSpline(double[] x, double[][] y) {
        this(x, y, BoundaryCondition.notAKnot(), BoundaryCondition.notAKnot());
    }

    /**
     * The cubic spline of several value columns with the same condition at both ends; see
     * {@link #fromColumns(double[], double[][], BoundaryCondition, BoundaryCondition)}.
     *
     * @param x  abscissae (copied)
     * @param y  {@code n} rows of equal length {@code m >= 1} (copied)
     * @param bc the condition at both ends
     * @return the interpolant with {@code y[0].length} value columns
     * @throws NullPointerException     if an argument or a row is null
     * @throws IllegalArgumentException for invalid data
     */
    public static CubicSpline fromColumns(double[] x, double[][] y, BoundaryCondition bc) {
        return new CubicSpline(x, y, bc);
    }

    private CubicSpline(double[] x, double[][] y, BoundaryCondition bc) {
        this(x, y, bc, bc);
    }

    /**
     * The cubic spline of several value columns fitted at once (scipy's {@code y} of shape {@code (n, m)}):
     * one factorisation of the system, {@code m} right-hand sides. A derivative condition's value applies to
     * every column. The result has {@link #columns()} = m; column {@code j} equals, bit for bit,
     * {@code new CubicSpline(x, column j, left, right)}. O(n m) time and memory.
     *
     * @param x     abscissae, finite, strictly increasing, at least 2 (copied)
     * @param y     {@code n} rows of equal length {@code m >= 1}, finite (copied)
     * @param left  the condition at {@code x[0]}
     * @param right the condition at {@code x[n-1]}
     * @return the interpolant with {@code y[0].length} value columns
     * @throws NullPointerException     if an argument or a row is null
     * @throws IllegalArgumentException as {@link #CubicSpline(double[], double[], BoundaryCondition, BoundaryCondition)}
     *                                  (periodic ends checked per column, named as {@code y[0][j]}), or if the
     *                                  rows are ragged or too large for memory
     */
    public static CubicSpline fromColumns(double[] x, double[][] y, BoundaryCondition left, BoundaryCondition right) {
        return new CubicSpline(x, y, left, right);
    }

    private CubicSpline(double[] x, double[][] y, BoundaryCondition left, BoundaryCondition right) {
        this(checkedColumns(x, y, left, right), flatten(y, y[0].length), y[0].length, left, right);
    }

    /** Validates one-column data; returns a copy of {@code x}. */
    private static double[] checked(double[] x, double[] y, BoundaryCondition left, BoundaryCondition right) {
        Validation.requireNonNull(left, "left");
        Validation.requireNonNull(right, "right");
        Validation.checkXY(NAME, x, y, 2);
        if (checkConditions(left, right)) {
            checkPeriodicEnds(y[0], y[y.length - 1], y.length, "");
        }
        return x.clone();
    }

    /** Validates data of {@code m} columns; returns a copy of {@code x}. */
    private static double[] checkedColumns(double[] x, double[][] y, BoundaryCondition left,
            BoundaryCondition right) {
        Validation.requireNonNull(left, "left");
        Validation.requireNonNull(right, "right");
        int m = Validation.checkXYColumns(NAME, x, y, 2);
        if (checkConditions(left, right)) {
            int n = y.length;
            for (int j = 0; j < m; j++) {
                checkPeriodicEnds(y[0][j], y[n - 1][j], n, "[" + j + "]");
            }
        }
        return x.clone();
    }

    /** Fits validated, owned data of {@code m} row-major columns. */
    private CubicSpline(double[] x, double[] y, int m, BoundaryCondition left, BoundaryCondition right) {
        super(fitCubic(NAME, x, y, m, new SlopeRule() {
            @Override
            public double[] slopes(double[] xs, double[] ys, int mm, int ex, int ey) {
                return CubicSpline.slopes(xs, ys, mm, scaledCondition(left, ex, ey), scaledCondition(right, ex, ey));
            }

            @Override
            public int dataExponent(int ex) {
                return Math.max(conditionExponent(left, ex), conditionExponent(right, ex));
            }
        }, defaultMode(left)));
        this.x = x;
        this.y = y;
        this.left = left;
        this.right = right;
    }

    private CubicSpline(CubicSpline base, PPoly pp) {
        super(pp);
        this.x = base.x;
        this.y = base.y;
        this.left = base.left;
        this.right = base.right;
    }

    /**
     * Several columns fitted at once, as the {@link VectorInterpolant1D} view of
     * {@link #fromColumns(double[], double[][], BoundaryCondition, BoundaryCondition)}. Column {@code j}
     * of the result equals, bit for bit, {@code new CubicSpline(x, column j, left, right)}.
     * O(n m) time and memory.
     *
     * @param x     abscissae, finite, strictly increasing, at least 2 (copied)
     * @param y     {@code n} rows of equal length {@code m >= 1}, finite (copied)
     * @param left  the condition at {@code x[0]}
     * @param right the condition at {@code x[n-1]}
     * @return the fitted columns; mode periodic for periodic conditions, otherwise extrapolate
     * @throws NullPointerException     if an argument or a row is null
     * @throws IllegalArgumentException as {@link #fromColumns(double[], double[][], BoundaryCondition, BoundaryCondition)}
     * @deprecated use {@link #fromColumns(double[], double[][], BoundaryCondition, BoundaryCondition)}, a
     *             {@code CubicSpline} with m columns that also integrates and finds roots per column
     */
    @Deprecated
    public static VectorInterpolant1D ofColumns(double[] x, double[][] y, BoundaryCondition left,
            BoundaryCondition right) {
        return new ColumnsView(new CubicSpline(x, y, left, right));
    }

    /**
     * Several columns with not-a-knot conditions; see
     * {@link #ofColumns(double[], double[][], BoundaryCondition, BoundaryCondition)}.
     *
     * @param x abscissae, finite, strictly increasing, at least 2 (copied)
     * @param y {@code n} rows of equal length {@code m >= 1}, finite (copied)
     * @return the fitted columns, mode extrapolate
     * @throws NullPointerException     if an argument or a row is null
     * @throws IllegalArgumentException for invalid data
     * @deprecated use {@link #fromColumns(double[], double[][])}
     */
    @Deprecated
    public static VectorInterpolant1D ofColumns(double[] x, double[][] y) {
        return new ColumnsView(new CubicSpline(x, y));
    }

    private static OutOfRange defaultMode(BoundaryCondition left) {
        return left.kind() == BoundaryCondition.Kind.PERIODIC ? OutOfRange.periodic() : OutOfRange.extrapolate();
    }

    /** @return whether the conditions are periodic; throws if only one end is */
    private static boolean checkConditions(BoundaryCondition left, BoundaryCondition right) {
        boolean pl = left.kind() == BoundaryCondition.Kind.PERIODIC;
        boolean pr = right.kind() == BoundaryCondition.Kind.PERIODIC;
        if (pl != pr) {
            throw new IllegalArgumentException("periodic boundary conditions must be used at both ends, got left = "
                    + left + ", right = " + right);
        }
        return pl;
    }

    /** An end condition for data with x divided by 2^ex and y by 2^ey (the condition itself when both are 0). */
    private static BoundaryCondition scaledCondition(BoundaryCondition bc, int ex, int ey) {
        if (!bc.isDerivative() || (ex == 0 && ey == 0)) {
            return bc;
        }
        double v = Math.scalb(bc.value(), bc.order() * ex - ey);
        if (!Double.isFinite(v)) {
            throw new ArithmeticException(NAME + ": the end condition " + bc + " overflows on data scaled to avoid"
                    + " overflow (y by 2^" + (-ey) + ", x by 2^" + (-ex) + ")");
        }
        return BoundaryCondition.derivative(bc.order(), v);
    }

    /** The exponent of the value magnitude an end derivative implies over a spacing of 2^ex. */
    private static int conditionExponent(BoundaryCondition bc, int ex) {
        if (!bc.isDerivative() || bc.value() == 0.0) {
            return Integer.MIN_VALUE / 2;
        }
        return Math.getExponent(bc.value()) + bc.order() * ex;
    }

    /** scipy's {@code np.allclose(y[0], y[-1], rtol=1e-15, atol=1e-15)} for one column. */
    private static void checkPeriodicEnds(double first, double last, int n, String column) {
        if (!(Math.abs(first - last) <= PERIODIC_TOLERANCE + PERIODIC_TOLERANCE * Math.abs(last))) {
            throw new IllegalArgumentException("periodic boundary conditions need the first and last y to be"
                    + " identical (within 1e-15 + 1e-15 * |y[n-1]|, as scipy): y[0]" + column + " = " + first
                    + ", y[" + (n - 1) + "]" + column + " = " + last);
        }
    }

    /**
     * The spline slopes at the data points, row-major for {@code m} columns, in scipy's arithmetic.
     * Inputs are validated. O(n m).
     */
    static double[] slopes(double[] x, double[] y, int m, BoundaryCondition left, BoundaryCondition right) {
        int n = x.length;
        BoundaryCondition.Kind lk = left.kind();
        BoundaryCondition.Kind rk = right.kind();
        boolean periodic = lk == BoundaryCondition.Kind.PERIODIC;
        double[] s = new double[Validation.checkedSize("CubicSpline slopes", n, m)];

        if (n == 3 && lk == BoundaryCondition.Kind.NOT_A_KNOT && rk == BoundaryCondition.Kind.NOT_A_KNOT) {
            // The parabola through the three points (scipy solves the equivalent 3x3 system; this closed
            // form is at least as accurate).
            double h0 = x[1] - x[0];
            double h1 = x[2] - x[1];
            for (int j = 0; j < m; j++) {
                double m0 = secant(x, y, m, 0, j);
                double m1 = secant(x, y, m, 1, j);
                double s1 = (h1 * m0 + h0 * m1) / (h0 + h1);
                s[j] = 2 * m0 - s1;
                s[m + j] = s1;
                s[2 * m + j] = 2 * m1 - s1;
            }
            return s;
        }
        if (n == 3 && periodic) {
            double h0 = x[1] - x[0];
            double h1 = x[2] - x[1];
            for (int j = 0; j < m; j++) {
                double t = (secant(x, y, m, 0, j) / h0 + secant(x, y, m, 1, j) / h1) / (1. / h0 + 1. / h1);
                s[j] = t;
                s[m + j] = t;
                s[2 * m + j] = t;
            }
            return s;
        }
        if (periodic && n > 3) {
            periodicSlopes(x, y, n, m, s);
            return s;
        }

        // General tridiagonal system, built in one pass without storing the spacings or secants;
        // with n == 2, not-a-knot and periodic ends become "slope = secant".
        boolean leftSecant = n == 2 && (lk == BoundaryCondition.Kind.NOT_A_KNOT || periodic);
        boolean rightSecant = n == 2 && (rk == BoundaryCondition.Kind.NOT_A_KNOT || periodic);
        double[] lower = new double[n - 1];
        double[] diag = new double[n];
        double[] upper = new double[n - 1];
        double[] b = s;
        if (m == 1) {
            double hPrev = x[1] - x[0];
            double dPrev = (y[1] - y[0]) / hPrev;
            for (int i = 1; i < n - 1; i++) {
                double h = x[i + 1] - x[i];
                double d = (y[i + 1] - y[i]) / h;
                diag[i] = 2 * (hPrev + h);
                upper[i] = hPrev;
                lower[i - 1] = h;
                b[i] = 3 * (h * dPrev + hPrev * d);
                hPrev = h;
                dPrev = d;
            }
        } else {
            double[] dPrev = new double[m];
            double hPrev = x[1] - x[0];
            for (int j = 0; j < m; j++) {
                dPrev[j] = (y[m + j] - y[j]) / hPrev;
            }
            for (int i = 1; i < n - 1; i++) {
                double h = x[i + 1] - x[i];
                diag[i] = 2 * (hPrev + h);
                upper[i] = hPrev;
                lower[i - 1] = h;
                int r = i * m;
                for (int j = 0; j < m; j++) {
                    double d = (y[r + m + j] - y[r + j]) / h;
                    b[r + j] = 3 * (h * dPrev[j] + hPrev * d);
                    dPrev[j] = d;
                }
                hPrev = h;
            }
        }
        double h0 = x[1] - x[0];
        if (leftSecant) {
            diag[0] = 1;
            upper[0] = 0;
            for (int j = 0; j < m; j++) {
                b[j] = secant(x, y, m, 0, j);
            }
        } else if (lk == BoundaryCondition.Kind.NOT_A_KNOT) {
            double h1 = x[2] - x[1];
            double d = x[2] - x[0];
            diag[0] = h1;
            upper[0] = d;
            for (int j = 0; j < m; j++) {
                b[j] = ((h0 + 2 * d) * h1 * secant(x, y, m, 0, j) + h0 * h0 * secant(x, y, m, 1, j)) / d;
            }
        } else if (lk == BoundaryCondition.Kind.FIRST_DERIVATIVE) {
            diag[0] = 1;
            upper[0] = 0;
            for (int j = 0; j < m; j++) {
                b[j] = left.value();
            }
        } else { // SECOND_DERIVATIVE
            diag[0] = 2 * h0;
            upper[0] = h0;
            for (int j = 0; j < m; j++) {
                b[j] = -0.5 * left.value() * (h0 * h0) + 3 * (y[m + j] - y[j]);
            }
        }
        int last = (n - 1) * m;
        double hl = x[n - 1] - x[n - 2];
        if (rightSecant) {
            diag[n - 1] = 1;
            lower[n - 2] = 0;
            for (int j = 0; j < m; j++) {
                b[last + j] = secant(x, y, m, 0, j);
            }
        } else if (rk == BoundaryCondition.Kind.NOT_A_KNOT) {
            double d = x[n - 1] - x[n - 3];
            double hp = x[n - 2] - x[n - 3];
            diag[n - 1] = hp;
            lower[n - 2] = d;
            for (int j = 0; j < m; j++) {
                b[last + j] = (hl * hl * secant(x, y, m, n - 3, j) + (2 * d + hl) * hp * secant(x, y, m, n - 2, j)) / d;
            }
        } else if (rk == BoundaryCondition.Kind.FIRST_DERIVATIVE) {
            diag[n - 1] = 1;
            lower[n - 2] = 0;
            for (int j = 0; j < m; j++) {
                b[last + j] = right.value();
            }
        } else { // SECOND_DERIVATIVE
            diag[n - 1] = 2 * hl;
            lower[n - 2] = hl;
            for (int j = 0; j < m; j++) {
                b[last + j] = 0.5 * right.value() * (hl * hl) + 3 * (y[last + j] - y[last - m + j]);
            }
        }
        TridiagonalSolver.defaultSolver().solve(lower, diag, upper, b, n, m);
        return s;
    }

    /** The secant slope of column {@code j} on interval {@code i}, as scipy's {@code np.diff(y) / dx}. */
    private static double secant(double[] x, double[] y, int m, int i, int j) {
        return (y[(i + 1) * m + j] - y[i * m + j]) / (x[i + 1] - x[i]);
    }

    /**
     * Periodic slopes for n >= 4: the cyclic system of order n - 1 (unknowns s[0..n-2], s[n-1] = s[0])
     * condensed, as in scipy, to a tridiagonal system of order n - 2 solved for two right-hand sides.
     */
    private static void periodicSlopes(double[] x, double[] y, int n, int m, double[] s) {
        double[] dx = new double[n - 1];
        double[] slope = new double[Validation.checkedSize("CubicSpline secants", n - 1, m)];
        for (int i = 0; i < n - 1; i++) {
            dx[i] = x[i + 1] - x[i];
            for (int j = 0; j < m; j++) {
                slope[i * m + j] = secant(x, y, m, i, j);
            }
        }
        int nc = n - 2;
        double[] diag = new double[nc];
        double[] upper = new double[Math.max(nc - 1, 0)];
        double[] lower = new double[Math.max(nc - 1, 0)];
        diag[0] = 2 * (dx[n - 2] + dx[0]);
        upper[0] = dx[n - 2];
        for (int i = 1; i < nc; i++) {
            diag[i] = 2 * (dx[i - 1] + dx[i]);
            lower[i - 1] = dx[i];
            if (i < nc - 1) {
                upper[i] = dx[i - 1];
            }
        }
        // Right-hand side of order n - 1; rows 0..n-3 are b1, row n-2 enters s[n-2].
        double[] b1 = new double[nc * m];
        double[] bLast = new double[m];
        for (int j = 0; j < m; j++) {
            b1[j] = 3 * (dx[0] * slope[(n - 2) * m + j] + dx[n - 2] * slope[j]);
        }
        for (int i = 1; i < nc; i++) {
            int r = i * m;
            for (int j = 0; j < m; j++) {
                b1[r + j] = 3 * (dx[i] * slope[r - m + j] + dx[i - 1] * slope[r + j]);
            }
        }
        for (int j = 0; j < m; j++) {
            bLast[j] = 3 * (dx[n - 2] * slope[(n - 3) * m + j] + dx[n - 3] * slope[(n - 2) * m + j]);
        }
        double am10 = dx[n - 3];
        double am1m2 = dx[n - 2];
        double am1m1 = 2 * (dx[n - 2] + dx[n - 3]);
        double am2m1 = dx[n - 4];
        double a0m1 = dx[0];
        double[] b2 = new double[nc];
        b2[0] = -a0m1;
        b2[nc - 1] = -am2m1;
        TridiagonalSolver.Factorization lu = TridiagonalSolver.defaultSolver().factor(lower, diag, upper, nc);
        lu.solve(b1, m);
        lu.solve(b2, 1);
        double denominator = am1m1 + am10 * b2[0] + am1m2 * b2[nc - 1];
        for (int j = 0; j < m; j++) {
            double sm1 = (bLast[j] - am10 * b1[j] - am1m2 * b1[(nc - 1) * m + j]) / denominator;
            for (int i = 0; i < nc; i++) {
                s[i * m + j] = b1[i * m + j] + sm1 * b2[i];
            }
            s[(n - 2) * m + j] = sm1;
            s[(n - 1) * m + j] = s[j];
        }
    }

    /** @return the condition at the left end */
    public BoundaryCondition leftCondition() {
        return left;
    }

    /** @return the condition at the right end */
    public BoundaryCondition rightCondition() {
        return right;
    }

    /**
     * The same spline with another out-of-range mode (shares the data). O(1).
     *
     * @throws NullPointerException if {@code mode} is null
     */
    @Override
    public CubicSpline withOutOfRange(OutOfRange mode) {
        Validation.requireNonNull(mode, "mode");
        return mode.equals(outOfRange()) ? this : new CubicSpline(this, pp.withOutOfRange(mode));
    }

    /** @return the serialisation proxy, which is what gets written */
    private Object writeReplace() {
        int m = columns();
        return m == 1 ? new SerializedForm(x, y, null, left, right, outOfRange())
                : new SerializedForm(x, null, rows(y, m), left, right, outOfRange());
    }

    /**
     * Rejects streams that bypass the serialisation proxy.
     *
     * @param in the stream
     * @throws InvalidObjectException always
     */
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("CubicSpline is deserialised through its serialisation proxy");
    }

    /** Serial form: the data ({@code y} for one column, {@code yColumns} for several), conditions and mode. */
    private static final class SerializedForm implements Serializable {
        private static final long serialVersionUID = 1L;
        /** @serial the x */
        private final double[] x;
        /** @serial the y of a single-column spline, or null */
        private final double[] y;
        /** @serial the rows y[n][m] of a multi-column spline, or null */
        private final double[][] yColumns;
        /** @serial the left */
        private final BoundaryCondition left;
        /** @serial the right */
        private final BoundaryCondition right;
        /** @serial the mode */
        private final OutOfRange mode;

        SerializedForm(double[] x, double[] y, double[][] yColumns, BoundaryCondition left, BoundaryCondition right,
                OutOfRange mode) {
            this.x = x;
            this.y = y;
            this.yColumns = yColumns;
            this.left = left;
            this.right = right;
            this.mode = mode;
        }

        /**
         * @return the object rebuilt through the validating public API
         * @throws ObjectStreamException if the data are invalid
         */
        private Object readResolve() throws ObjectStreamException {
            try {
                requireOneOf(y, yColumns);
                CubicSpline s = y != null ? new CubicSpline(x, y, left, right)
                        : new CubicSpline(x, yColumns, left, right);
                return s.withOutOfRange(Objects.requireNonNull(mode, "mode"));
            } catch (RuntimeException e) {
                throw SerialProxies.invalid("CubicSpline", e);
            }
        }
    }
}
