package io.github.interp4j.interpolate;

import io.github.interp4j.interpolate.internal.grid.Grid;
import io.github.interp4j.interpolate.internal.grid.GridEvaluator;
import io.github.interp4j.interpolate.internal.grid.GridKernel;
import io.github.interp4j.interpolate.internal.grid.LinearKernel;
import io.github.interp4j.interpolate.internal.grid.NearestKernel;
import io.github.interp4j.interpolate.internal.grid.PchipKernel;
import io.github.interp4j.interpolate.internal.grid.ScaledKernel;
import io.github.interp4j.interpolate.internal.grid.SplineKernel;
import io.github.interp4j.interpolate.internal.range.RangePolicy;
import io.github.interp4j.interpolate.internal.search.IntervalIndex;
import io.github.interp4j.interpolate.internal.validation.FiniteResult;
import io.github.interp4j.interpolate.internal.validation.QueryBatch;
import io.github.interp4j.interpolate.internal.validation.SerialProxies;
import io.github.interp4j.interpolate.internal.validation.Validation;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * Interpolation on a rectilinear grid in {@code d >= 1} dimensions: a port of scipy's
 * {@code scipy.interpolate.RegularGridInterpolator(points, values, method, bounds_error, fill_value)}
 * and {@code scipy.interpolate.interpn}.
 *
 * <h2>Data</h2>
 * The grid is given per axis ({@code grid[a]} holds the {@code n_a} coordinates of axis {@code a}), each
 * strictly ascending or strictly descending; {@code values} holds the {@code n_0 * ... * n_{d-1}} data in
 * row-major order (the last axis fastest): the datum at grid node {@code (i_0, ..., i_{d-1})} is
 * {@code values[((i_0 * n_1 + i_1) * n_2 + i_2) ...]}, scipy's C-ordered {@code values[i_0, ..., i_{d-1}]}.
 * A descending axis is handled as scipy does: the axis and the values along it are reversed once at
 * construction, which does not change the interpolant.
 *
 * <h2>Value columns</h2>
 * {@link #fromColumns(double[][], double[][], Method)} fits {@code m >= 1} value columns at once (scipy's
 * {@code values} with a trailing dimension of length m): each query is located once and every column is
 * combined from it, so column {@code c} equals, bit for bit, the single-column interpolant of that
 * column. The single-column constructors are the m = 1 case of the same code. Evaluate several columns
 * with {@link #valueColumns(double...)} and {@link #valuesColumns(double[][])}.
 *
 * <h2>Methods</h2>
 * <ul>
 *   <li>{@link Method#LINEAR}: multilinear interpolation in the cell {@code [g_a[i_a], g_a[i_a + 1]]} of
 *       each axis: with {@code y_a = (x_a - g_a[i_a]) / (g_a[i_a + 1] - g_a[i_a])}, the value is
 *       {@code sum over the 2^d cell corners c of v[c] * prod_a (c_a ? y_a : 1 - y_a)}, summed in scipy's
 *       order (scipy's 2-D fast path association in 2-D).</li>
 *   <li>{@link Method#NEAREST}: the datum at the nearest node per axis; a tie ({@code y_a == 0.5})
 *       rounds down, as scipy.</li>
 *   <li>{@link Method#SLINEAR}, {@link Method#CUBIC}, {@link Method#QUINTIC}: the tensor-product spline of
 *       degree {@code k = 1, 3, 5} that interpolates every datum, with scipy's not-a-knot knots
 *       ({@code make_interp_spline}'s) on every axis (scipy's {@code make_ndbspl} / {@code NdBSpline}).
 *       The coefficients solve {@code (A_0 (x) A_1 (x) ... (x) A_{d-1}) c = v}, where {@code A_a} is the
 *       banded collocation matrix of axis {@code a}; each {@code A_a} is LU-factored once (partial
 *       pivoting) and applied along its axis of the value tensor, which is the exact solution scipy
 *       obtains with {@code solver=scipy.sparse.linalg.spsolve} (scipy's default {@code gcrotmk} is an
 *       iterative, inexact solve). Evaluation is tensor-product de Boor: the {@code k + 1} non-zero
 *       B-splines per axis, then a contraction axis by axis.</li>
 *   <li>{@link Method#PCHIP}: not a tensor-product spline: exactly as scipy, 1-D PCHIP
 *       ({@link PchipInterpolator}'s formulas) is applied along the last axis, then along the one before,
 *       down to axis 0, per query point. Since a PCHIP value only depends on the 4 data around the
 *       query's interval, each pass reads only a 4-wide window per axis ({@code 4^(d-1) + ... + 1}
 *       local PCHIP evaluations per point) and gives scipy's values.</li>
 * </ul>
 * Minimum points per axis ({@link Method#minPoints()}): linear and nearest 1 (a single-point axis is
 * constant along it), slinear 2, cubic 4, quintic 6, pchip 4 (scipy's checks).
 *
 * <h2>Out of range</h2>
 * A query is out of range when a coordinate lies outside {@code [min g_a, max g_a]}. The mode
 * ({@link #withOutOfRange(OutOfRange)}, default {@link OutOfRange#raise()}) maps to scipy's arguments:
 * <ul>
 *   <li>{@link OutOfRange#raise()}: scipy's {@code bounds_error=True} (the default): throws
 *       {@link OutOfGridException};</li>
 *   <li>{@link OutOfRange#nan()}: {@code bounds_error=False} (scipy's default {@code fill_value=nan});</li>
 *   <li>{@link OutOfRange#fill(double)}: {@code bounds_error=False, fill_value=v} (a two-sided
 *       {@code fill(below, above)} must have {@code below == above}: which side applies is undefined in
 *       several dimensions);</li>
 *   <li>{@link OutOfRange#extrapolate()}: {@code bounds_error=False, fill_value=None}: linear extrapolates
 *       the end cells, nearest repeats the end values, the splines and PCHIP continue their end
 *       pieces;</li>
 *   <li>{@link OutOfRange#clamp()} (not in scipy): each coordinate is clamped to its axis range first;</li>
 *   <li>{@link OutOfRange#periodic()} is not supported.</li>
 * </ul>
 * A query with a NaN coordinate gives NaN in every mode (as in the library's 1-D interpolants; scipy
 * answers NaN too, except that with {@code bounds_error=True} it raises, and that its {@code pchip}
 * raises for a non-finite last coordinate).
 *
 * <h2>Cost</h2>
 * Construction: O(N) for linear, nearest and pchip ({@code N = n_0 ... n_{d-1}}; the data are copied),
 * plus O(N k d) for the spline solves. A query: O(d) expected for the interval searches
 * ({@link IntervalIndex}) plus O(2^d) (linear), O(d) (nearest), O((k + 1)^d) (splines) or O(4^d) (pchip);
 * nothing is allocated per query point in {@link #values(double[][])}, {@link #values(double[])},
 * {@link #valuesColumns} and {@link #valuesOnGrid}. With m columns, the combination cost is paid per
 * column, the searches once.
 * Batches are evaluated in parallel by the library's CPU-budget-aware evaluator, bit for bit as
 * sequentially.
 *
 * <h2>Accuracy</h2>
 * linear, nearest and pchip perform scipy's floating-point operations in scipy's order (on the agreement
 * fixtures they reproduce scipy 1.17.1 bit for bit). The spline methods agree with scipy's exact
 * ({@code spsolve}) construction to rounding, amplified by the conditioning of the per-axis collocation
 * matrices: the not-a-knot quintic on few uneven points has coefficients far larger than the data, so in
 * 4-D and 5-D even the values at the nodes carry errors around {@code 1e-11} relative (as scipy's own).
 *
 * <h2>Per-axis solver</h2>
 * The per-axis systems are small ({@code n_a} unknowns, band width {@code <= 2k + 1}) with
 * {@code N / n_a} right-hand sides. A Java banded LU that keeps its multipliers, applied to blocks of 64
 * lines gathered into contiguous scratch (the inner loops run over right-hand sides), was measured
 * against OpenBLAS {@code LAPACKE_dgbtrf} + {@code dgbtrs} on {@code n = 100} with {@code 10^4}
 * right-hand sides stored as LAPACK wants them (the contiguous last axis, the favourable case): cubic
 * 4.2 ms vs 12.2 ms, quintic 4.9 ms vs 18.7 ms, slinear 2.9 ms vs 2.9 ms (best of 30, JNI copies
 * included; the other axes would also need transposes for LAPACK). The Java solver is used; no native
 * call is made.
 *
 * <h2>Structure</h2>
 * This class holds the API and the validation; each method family is a {@code GridKernel} in
 * {@code internal.grid} (named by its {@link Method} constant), evaluated, with the out-of-range policy
 * applied per axis, by {@code GridEvaluator}; the per-axis solves use the library's one banded LU.
 *
 * <p>Thread-safety: immutable (inputs are copied); instances may be shared freely between threads.
 * Serialisation stores the (ascending) grid, the values, the number of columns, the method and the
 * mode; deserialisation re-runs the validating factory.
 * <p>Extreme values: columns whose magnitude reaches {@code 2^512} are fitted (splines, pchip) on values
 * divided by a power of two and the results multiplied back, exactly; a value that is then beyond the double
 * range (a spline overshooting data near {@link Double#MAX_VALUE}) raises {@link ArithmeticException} from
 * the evaluation instead of returning an infinity. Linear and nearest never overflow on finite data.
 *
 */
public final class RegularGridInterpolator implements InterpolantND {
    private static final long serialVersionUID = 1L;
    private static final String NAME = "RegularGridInterpolator";

    /**
     * The interpolation methods, scipy's {@code method} strings. Each constant names the kernel that
     * computes it; adding a method means adding a constant and its kernel.
     */
    public enum Method {
        /** Multilinear ({@code "linear"}, scipy's default). */
        LINEAR("linear", 1, false, LinearKernel::new),
        /** Nearest node, ties rounding down ({@code "nearest"}). */
        NEAREST("nearest", 1, false, NearestKernel::new),
        /** Tensor-product spline of degree 1 ({@code "slinear"}). */
        SLINEAR("slinear", 2, true, ScaledKernel.wrap(SplineKernel.ofDegree(1), "slinear")),
        /** Tensor-product not-a-knot cubic spline ({@code "cubic"}). */
        CUBIC("cubic", 4, true, ScaledKernel.wrap(SplineKernel.ofDegree(3), "cubic")),
        /** Tensor-product not-a-knot quintic spline ({@code "quintic"}). */
        QUINTIC("quintic", 6, true, ScaledKernel.wrap(SplineKernel.ofDegree(5), "quintic")),
        /** 1-D PCHIP applied axis by axis, last axis first ({@code "pchip"}). */
        PCHIP("pchip", 4, true, ScaledKernel.wrap(PchipKernel::new, "pchip"));

        private final String scipyName;
        private final int minPoints;
        /** Whether the values must be finite (the methods that solve or take slopes). */
        private final boolean finiteValues;
        private final GridKernel.Factory kernel;

        Method(String scipyName, int minPoints, boolean finiteValues, GridKernel.Factory kernel) {
            this.scipyName = scipyName;
            this.minPoints = minPoints;
            this.finiteValues = finiteValues;
            this.kernel = kernel;
        }

        /** @return scipy's name of the method, e.g. {@code "cubic"} */
        public String scipyName() {
            return scipyName;
        }

        /** @return the minimum number of grid points per axis the method needs */
        public int minPoints() {
            return minPoints;
        }

        /** @return whether the method is a tensor-product interpolating spline (slinear, cubic, quintic) */
        public boolean isSpline() {
            return this == SLINEAR || this == CUBIC || this == QUINTIC;
        }

        /**
         * @param name scipy's name ({@code "linear"}, {@code "nearest"}, {@code "slinear"}, {@code "cubic"},
         *             {@code "quintic"}, {@code "pchip"})
         * @return the method
         * @throws NullPointerException     if {@code name} is null
         * @throws IllegalArgumentException for any other name
         */
        public static Method ofScipyName(String name) {
            Validation.requireNonNull(name, "name");
            for (Method m : values()) {
                if (m.scipyName.equals(name)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("Method '" + name + "' is not defined; expected one of "
                    + "linear, nearest, slinear, cubic, quintic, pchip");
        }
    }

    /**
     * Thrown for a query outside the grid when the mode is {@link OutOfRange#raise()} (scipy's
     * {@code ValueError("One of the requested xi is out of bounds in dimension i")}); names the axis,
     * the coordinate, the axis range and, for a batch, the point's index.
     */
    public static final class OutOfGridException extends OutOfRangeException {
        private static final long serialVersionUID = 1L;
        /** The axis whose coordinate is out of range. */
        private final int axis;
        /** The index of the query point in its batch, or -1. */
        private final int point;

        /**
         * @param value the offending coordinate
         * @param lower the axis's smallest grid coordinate
         * @param upper the axis's largest grid coordinate
         * @param axis  the axis
         * @param point the index of the query point in its batch, or -1 for a single query
         */
        public OutOfGridException(double value, double lower, double upper, int axis, int point) {
            super(value, lower, upper);
            this.axis = axis;
            this.point = point;
        }

        /** @return the axis whose coordinate is out of range */
        public int axis() {
            return axis;
        }

        /** @return the index of the query point in its batch, or -1 for a single query */
        public int point() {
            return point;
        }

        @Override
        public String getMessage() {
            String where = point < 0 ? "point[" + axis + "]" : "points[" + point + "][" + axis + "]";
            return where + " = " + value() + " is out of bounds in dimension " + axis + ": outside the grid range ["
                    + lower() + ", " + upper() + "]";
        }
    }

    /** The most axes {@link Method#LINEAR} accepts (only reachable with single-point axes). */
    public static final int MAX_LINEAR_DIMENSIONS = 30;
    /** pchip axes need spacings in {@code [2^-480, 2^481)} (see the constructor). */
    private static final int PCHIP_SPACING_EXPONENT = 480;

    /** The numeric state, shared by the instances that differ only in their out-of-range mode. */
    private final transient Fitted fitted;
    /** The kernel under this instance's mode. */
    private final transient GridEvaluator evaluator;
    /** The interpolation method. */
    private final Method method;
    /** The out-of-range mode. */
    private final OutOfRange mode;

    /** The grid, the values per column on it (ascending axes) and the method's kernel. */
    private static final class Fitted {
        final Grid grid;
        final double[][] values;
        final GridKernel kernel;

        /**
         * @param grid   validated axes
         * @param values validated data, {@code values[p * m + c]}
         * @param m      the number of columns
         * @param method the method
         */
        Fitted(double[][] grid, double[] values, int m, Method method) {
            this.grid = new Grid(grid);
            this.values = new double[m][];
            for (int c = 0; c < m; c++) {
                this.values[c] = this.grid.ascendingColumn(values, m, c);
            }
            this.kernel = method.kernel.build(this.grid, this.values);
        }
    }

    /**
     * The multilinear interpolant (scipy's default {@code method="linear"}), raising for out-of-range
     * queries. See {@link #RegularGridInterpolator(double[][], double[], Method)}.
     *
     * @param grid   the coordinates per axis
     * @param values the data, row-major
     * @throws NullPointerException     as the three-argument constructor
     * @throws IllegalArgumentException as the three-argument constructor
     */
    public RegularGridInterpolator(double[][] grid, double[] values) {
        this(grid, values, Method.LINEAR);
    }

    /**
     * Builds the interpolant, raising for out-of-range queries (scipy's {@code bounds_error=True}); use
     * {@link #withOutOfRange(OutOfRange)} for another mode. Every check runs before anything is allocated.
     * One value column: the same as {@link #fromColumns(double[][], double[], int, Method)} with 1 column.
     *
     * <p>Cost: O(N) (the data are copied and, for descending axes, reversed); for the spline methods plus
     * one banded LU per axis (O(n_a k^2)) and its application along the axis, O(N k) per axis, in
     * parallel for large grids.
     *
     * @param grid   {@code d >= 1} axes; axis {@code a} holds {@code n_a >= method.minPoints()} finite
     *               coordinates, strictly ascending or strictly descending (copied)
     * @param values the {@code n_0 * ... * n_{d-1}} data, row-major, last axis fastest (copied); any
     *               doubles for linear and nearest (NaN propagates locally, as in scipy), finite for the
     *               spline methods and pchip
     * @param method the method
     * @throws NullPointerException     if {@code grid}, an axis, {@code values} or {@code method} is null
     * @throws IllegalArgumentException if {@code grid} has no axis (or, for linear, more than
     *                                  {@link #MAX_LINEAR_DIMENSIONS}); an axis has fewer points than the
     *                                  method needs (message names the axis and counts); a coordinate is
     *                                  NaN or infinite (names axis, index and value); an axis is neither
     *                                  strictly ascending nor strictly descending (names the first
     *                                  offending pair); an axis spans more than {@link Double#MAX_VALUE}, or
     *                                  (spline methods) has a subnormal spacing or (pchip) a spacing outside
     *                                  {@code [2^-480, 2^481)} (names the axis and pair);
     *                                  the grid has more points than a Java array can hold
     *                                  or the heap can store; {@code values.length} is not the number of
     *                                  grid points; a value is not finite for a spline method or pchip
     *                                  (names the index); or (splines) a collocation matrix is singular
     */
    public RegularGridInterpolator(double[][] grid, double[] values, Method method) {
        this(new Fitted(grid, values, checkValues(grid, values, 1, method), method), method, OutOfRange.raise());
    }

    private RegularGridInterpolator(Fitted fitted, Method method, OutOfRange mode) {
        this.fitted = fitted;
        this.method = method;
        this.mode = mode;
        this.evaluator = new GridEvaluator(fitted.kernel, fitted.grid, fitted.values.length, mode);
    }

    /**
     * Several value columns at once (scipy's {@code values} of shape {@code (n_0, ..., n_{d-1}, m)}),
     * raising for out-of-range queries: column {@code c} equals, bit for bit, the single-column
     * interpolant of {@code values[.][c]}. Cost: as the constructor, times m for the data and the spline
     * solves.
     *
     * @param grid   the coordinates per axis, as {@link #RegularGridInterpolator(double[][], double[], Method)}
     * @param values {@code values[p][c]}: the {@code n_0 * ... * n_{d-1}} grid points in row-major order,
     *               each a row of the same length {@code m >= 1} (copied)
     * @param method the method
     * @return the interpolant, {@link #columns()} = m
     * @throws NullPointerException     as the constructor, or if a row of {@code values} is null
     * @throws IllegalArgumentException as the constructor (value messages name {@code values[p][c]}), if
     *                                  a row is empty or ragged (names the row), or the data are too large
     */
    public static RegularGridInterpolator fromColumns(double[][] grid, double[][] values, Method method) {
        checkGrid(grid, method);
        Validation.requireNonNull(values, "values");
        int total = pointCount(grid);
        if (values.length != total) {
            throw new IllegalArgumentException("values has " + values.length + " rows, but the grid has "
                    + shapeText(grid) + " = " + total + " points");
        }
        int m = -1;
        for (int p = 0; p < values.length; p++) {
            double[] row = values[p];
            if (row == null) {
                throw new NullPointerException("values[" + p + "] must not be null");
            }
            if (m < 0) {
                m = row.length;
                if (m == 0) {
                    throw new IllegalArgumentException("values[0] is empty: each grid point needs at least 1 "
                            + "value column");
                }
            } else if (row.length != m) {
                throw new IllegalArgumentException("values[" + p + "].length = " + row.length
                        + ", but values[0].length = " + m + " (every grid point has the same number of columns)");
            }
            if (method.finiteValues) {
                for (int c = 0; c < m; c++) {
                    double v = row[c];
                    if (v - v != 0.0) {
                        throw new IllegalArgumentException("values[" + p + "][" + c + "] = " + v
                                + " is not finite (method " + method.scipyName() + " needs finite values)");
                    }
                }
            }
        }
        checkColumnsSize(total, m, method);
        double[] flat = new double[total * m];
        for (int p = 0; p < total; p++) {
            System.arraycopy(values[p], 0, flat, p * m, m);
        }
        return new RegularGridInterpolator(new Fitted(grid, flat, m, method), method, OutOfRange.raise());
    }

    /**
     * Several value columns at once from one flat array, {@code values[p * columns + c]} the value of
     * column {@code c} at grid point {@code p} (row-major), scipy's {@code values} of shape
     * {@code (n_0, ..., n_{d-1}, m)} raveled in C order. As {@link #fromColumns(double[][], double[][], Method)}.
     *
     * @param grid    the coordinates per axis
     * @param values  {@code n_0 * ... * n_{d-1} * columns} values (copied)
     * @param columns the number m of value columns, at least 1
     * @param method  the method
     * @return the interpolant
     * @throws NullPointerException     as the constructor
     * @throws IllegalArgumentException as the constructor (the length must be the number of grid points
     *                                  times {@code columns}), or if {@code columns < 1}
     */
    public static RegularGridInterpolator fromColumns(double[][] grid, double[] values, int columns, Method method) {
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be at least 1, was " + columns);
        }
        checkValues(grid, values, columns, method);
        return new RegularGridInterpolator(new Fitted(grid, values, columns, method), method, OutOfRange.raise());
    }

    /**
     * The same interpolant with another out-of-range mode; the numeric data are shared, not copied. O(d).
     *
     * @param mode {@link OutOfRange#raise()}, {@link OutOfRange#nan()}, {@link OutOfRange#fill(double)}
     *             (or {@code fill(v, v)}), {@link OutOfRange#extrapolate()} or {@link OutOfRange#clamp()}
     * @return the interpolant with that mode
     * @throws NullPointerException     if {@code mode} is null
     * @throws IllegalArgumentException for {@link OutOfRange#periodic()}, or a fill whose two values differ
     */
    public RegularGridInterpolator withOutOfRange(OutOfRange mode) {
        checkMode(mode);
        return mode.equals(this.mode) ? this : new RegularGridInterpolator(fitted, method, mode);
    }

    private static void checkMode(OutOfRange mode) {
        Validation.requireNonNull(mode, "mode");
        if (mode.kind() == OutOfRange.Kind.PERIODIC) {
            throw new IllegalArgumentException("RegularGridInterpolator does not support the periodic mode");
        }
        if (mode.kind() == OutOfRange.Kind.FILL && Double.compare(mode.below(), mode.above()) != 0) {
            throw new IllegalArgumentException("RegularGridInterpolator needs one fill value (scipy's fill_value), got "
                    + mode + ": which side applies is undefined for a point below on one axis and above on another");
        }
    }

    // ------------------------------------------------------------------------------------------------
    // validation
    // ------------------------------------------------------------------------------------------------

    /**
     * All constructor checks of flat values with {@code m} columns, in order, before any allocation;
     * returns {@code m}.
     */
    private static int checkValues(double[][] grid, double[] values, int m, Method method) {
        int total = checkGrid(grid, method);
        Validation.requireNonNull(values, "values");
        if (values.length != (long) total * m) {
            throw new IllegalArgumentException("values.length = " + values.length + ", but the grid has "
                    + shapeText(grid) + " = " + total + " points" + (m == 1 ? "" : " times " + m + " columns"));
        }
        if (method.finiteValues) {
            for (int i = 0; i < values.length; i++) {
                double v = values[i];
                if (v - v != 0.0) {
                    throw new IllegalArgumentException("values[" + i + "] = " + v + " is not finite (method "
                            + method.scipyName() + " needs finite values)");
                }
            }
        }
        checkColumnsSize(total, m, method);
        return m;
    }

    /** The data of m columns (and, for the splines, their coefficients) must fit arrays and the heap. */
    private static void checkColumnsSize(int total, int m, Method method) {
        if (m > 1) {
            Validation.checkedSize("RegularGridInterpolator data", total, Math.multiplyExact(m,
                    method.isSpline() ? 3 : 2));
        }
    }

    /** Checks the grid and returns its number of points (an int: the product is checked for overflow). */
    private static int checkGrid(double[][] grid, Method method) {
        Validation.requireNonNull(grid, "grid");
        Validation.requireNonNull(method, "method");
        if (grid.length == 0) {
            throw new IllegalArgumentException("grid must have at least 1 axis, got 0");
        }
        if (method == Method.LINEAR && grid.length > MAX_LINEAR_DIMENSIONS) {
            throw new IllegalArgumentException("method linear sums over the 2^d cell corners and supports at most "
                    + MAX_LINEAR_DIMENSIONS + " dimensions, got " + grid.length);
        }
        for (int a = 0; a < grid.length; a++) {
            checkAxis(grid[a], a, method);
            FiniteResult.requireFiniteSpan("grid[" + a + "]", grid[a]);
            if (method == Method.PCHIP) {
                FiniteResult.requireSpacingExponent("grid[" + a + "]", grid[a], -PCHIP_SPACING_EXPONENT,
                        PCHIP_SPACING_EXPONENT, "pchip's weighted harmonic mean of slopes (spacing squared over"
                        + " value differences) over- or underflows; rescale the axis");
            } else if (method.isSpline()) {
                FiniteResult.requireSpacingExponent("grid[" + a + "]", grid[a], Double.MIN_EXPONENT,
                        Double.MAX_EXPONENT, "the B-spline recurrence divides by knot differences");
            }
        }
        long total = 1;
        for (double[] g : grid) {
            total *= g.length;
            if (total > Validation.MAX_ARRAY_LENGTH) {
                throw new IllegalArgumentException("grid too large: " + shapeText(grid)
                        + " points exceed the maximum array length " + Validation.MAX_ARRAY_LENGTH);
            }
        }
        int t = (int) total;
        // a copy of the values plus, for the splines, the coefficients must fit in the heap
        Validation.checkedSize("RegularGridInterpolator data", t, method.isSpline() ? 2 : 1);
        return t;
    }

    private static void checkAxis(double[] g, int a, Method method) {
        if (g == null) {
            throw new NullPointerException("grid[" + a + "] must not be null");
        }
        if (g.length < method.minPoints()) {
            throw new IllegalArgumentException("There are " + g.length + " points in dimension " + a
                    + " (grid[" + a + "]), but method " + method.scipyName() + " requires at least "
                    + method.minPoints() + " points per dimension");
        }
        for (int i = 0; i < g.length; i++) {
            double v = g[i];
            if (v - v != 0.0) {
                throw new IllegalArgumentException("grid[" + a + "][" + i + "] = " + v + " is not finite");
            }
        }
        if (g.length >= 2) {
            boolean ascending = g[1] > g[0];
            for (int i = 1; i < g.length; i++) {
                if (ascending ? !(g[i] > g[i - 1]) : !(g[i] < g[i - 1])) {
                    throw new IllegalArgumentException("The points in dimension " + a
                            + " must be strictly ascending or descending: grid[" + a + "][" + i + "] = " + g[i]
                            + (ascending ? " <= " : " >= ") + "grid[" + a + "][" + (i - 1) + "] = " + g[i - 1]);
                }
            }
        }
    }

    /** The number of points of a checked grid. */
    private static int pointCount(double[][] grid) {
        int t = 1;
        for (double[] g : grid) {
            t *= g.length;
        }
        return t;
    }

    private static String shapeText(double[][] grid) {
        StringBuilder sb = new StringBuilder();
        for (int a = 0; a < grid.length; a++) {
            if (a > 0) {
                sb.append(" * ");
            }
            sb.append(grid[a] == null ? 0 : grid[a].length);
        }
        return sb.toString();
    }

    private void checkPoint(double[] point) {
        Validation.requireNonNull(point, "point");
        if (point.length != dimension()) {
            throw new IllegalArgumentException("point has " + point.length + " coordinates, but this "
                    + "RegularGridInterpolator has dimension " + dimension());
        }
    }

    private static void checkPoints(double[][] points, int d) {
        Validation.requireNonNull(points, "points");
        for (int j = 0; j < points.length; j++) {
            double[] p = points[j];
            if (p == null) {
                throw new NullPointerException("points[" + j + "] must not be null");
            }
            if (p.length != d) {
                throw new IllegalArgumentException("points[" + j + "] has " + p.length + " coordinates, but this "
                        + "RegularGridInterpolator has dimension " + d);
            }
        }
    }

    private void requireOneColumn() {
        if (columns() != 1) {
            throw new IllegalStateException(NAME + " has " + columns() + " value columns; use valueColumns or "
                    + "valuesColumns");
        }
    }

    // ------------------------------------------------------------------------------------------------
    // accessors
    // ------------------------------------------------------------------------------------------------

    /** @return the method */
    public Method method() {
        return method;
    }

    /** @return the out-of-range mode (default {@link OutOfRange#raise()}) */
    public OutOfRange outOfRange() {
        return mode;
    }

    /** @return the number of axes {@code d} (the same as {@link #dimension()}) */
    public int ndim() {
        return fitted.grid.dimension();
    }

    /** @return the number of axes {@code d} */
    @Override
    public int dimension() {
        return fitted.grid.dimension();
    }

    /** @return the number m of value columns (1 unless built by {@code ofColumns}) */
    @Override
    public int columns() {
        return fitted.values.length;
    }

    /** @return the number of points per axis (a copy) */
    public int[] shape() {
        return fitted.grid.shape();
    }

    /**
     * scipy's {@code grid} attribute: the coordinates per axis, ascending (a descending axis is returned
     * reversed). O(sum n_a).
     *
     * @return a copy of the grid
     */
    public double[][] grid() {
        int d = dimension();
        double[][] g = new double[d][];
        for (int a = 0; a < d; a++) {
            g[a] = fitted.grid.axis(a);
        }
        return g;
    }

    /**
     * scipy's {@code values} attribute: the data, row-major, matching {@link #grid()} (reversed along the
     * descending axes); with m columns, column {@code c} of grid point {@code p} at {@code p * m + c}. O(N m).
     *
     * @return a copy of the data
     */
    public double[] gridValues() {
        double[][] v = fitted.values;
        int m = v.length;
        if (m == 1) {
            return v[0].clone();
        }
        int n = fitted.grid.size();
        double[] out = new double[n * m];
        for (int c = 0; c < m; c++) {
            double[] vc = v[c];
            for (int p = 0; p < n; p++) {
                out[p * m + c] = vc[p];
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------
    // evaluation
    // ------------------------------------------------------------------------------------------------

    /**
     * The interpolant at one point. O(d) expected plus the method's combination cost; allocates only a
     * small work area.
     *
     * @param point the {@code d} coordinates (not modified)
     * @return the value; NaN if a coordinate is NaN; outside the grid as {@link #outOfRange()} says
     * @throws NullPointerException     if {@code point} is null
     * @throws IllegalArgumentException if {@code point.length != ndim()}
     * @throws IllegalStateException    if the interpolant has several value columns
     * @throws OutOfGridException       if the point is out of range and the mode is raise
     */
    @Override
    public double value(double... point) {
        checkPoint(point);
        requireOneColumn();
        return evaluator.value(point);
    }

    /**
     * The interpolant at many points (scipy's {@code __call__(xi)} with {@code xi} of shape
     * {@code (n, d)}): {@code out[j] = value(points[j])} bit for bit, in parallel for large batches.
     * O(n) times the per-point cost; no allocation per point.
     *
     * @param points {@code n} rows of {@code d} coordinates (not modified)
     * @return the {@code n} values
     * @throws NullPointerException     if {@code points} or a row is null
     * @throws IllegalArgumentException if a row's length is not {@code ndim()} (names the row)
     * @throws IllegalStateException    if the interpolant has several value columns
     * @throws OutOfGridException       for the first out-of-range point (lowest index) when the mode is raise
     */
    @Override
    public double[] values(double[][] points) {
        checkPoints(points, dimension());
        requireOneColumn();
        return evaluator.values(QueryBatch.ofRows(points, dimension()));
    }

    /**
     * As {@link #values(double[][])} for points given as one flat row-major array ({@code n * d}
     * coordinates, point {@code j} at {@code [j * d, j * d + d)}); the same values bit for bit.
     *
     * @param flatRowMajor the coordinates (not modified)
     * @return the {@code n} values
     * @throws NullPointerException     if {@code flatRowMajor} is null
     * @throws IllegalArgumentException if its length is not a multiple of {@code d}
     * @throws IllegalStateException    if the interpolant has several value columns
     * @throws OutOfGridException       for the first out-of-range point when the mode is raise; its
     *                                  {@code point()} is the point's index {@code j}
     */
    @Override
    public double[] values(double[] flatRowMajor) {
        QueryBatch q = QueryBatch.ofFlat("flatRowMajor", flatRowMajor, dimension(), NAME);
        requireOneColumn();
        return evaluator.values(q);
    }

    /**
     * Every value column at one point; column {@code c} equals the single-column interpolant of that
     * column at the point, bit for bit.
     *
     * @param point the {@code d} coordinates (not modified)
     * @return a new array of {@link #columns()} values
     * @throws NullPointerException     if {@code point} is null
     * @throws IllegalArgumentException if {@code point.length != ndim()}
     * @throws OutOfGridException       if the point is out of range and the mode is raise
     */
    @Override
    public double[] valueColumns(double... point) {
        checkPoint(point);
        double[] out = new double[columns()];
        evaluator.value(point, out);
        return out;
    }

    /**
     * Every value column at many points, {@code out[j][c]}, each row bit for bit
     * {@link #valueColumns(double...)}; in parallel for large batches.
     *
     * @param points {@code n} rows of {@code d} coordinates (not modified)
     * @return a new {@code n x columns()} array
     * @throws NullPointerException     if {@code points} or a row is null
     * @throws IllegalArgumentException if a row's length is not {@code ndim()}
     * @throws OutOfGridException       for the first out-of-range point when the mode is raise
     */
    @Override
    public double[][] valuesColumns(double[][] points) {
        checkPoints(points, dimension());
        double[] flat = evaluator.values(QueryBatch.ofRows(points, dimension()));
        int m = columns();
        double[][] out = new double[points.length][];
        for (int j = 0; j < out.length; j++) {
            out[j] = Arrays.copyOfRange(flat, j * m, j * m + m);
        }
        return out;
    }

    /**
     * Every value column at many points given as one flat row-major array, into one flat row-major
     * array {@code out[j * m + c]}; the same values as {@link #valuesColumns(double[][])} bit for bit.
     *
     * @param flatRowMajor {@code n * d} coordinates (not modified)
     * @return a new array of {@code n * columns()} values
     * @throws NullPointerException     if {@code flatRowMajor} is null
     * @throws IllegalArgumentException if its length is not a multiple of {@code d}
     * @throws OutOfGridException       for the first out-of-range point when the mode is raise
     */
    @Override
    public double[] valuesColumns(double[] flatRowMajor) {
        return evaluator.values(QueryBatch.ofFlat("flatRowMajor", flatRowMajor, dimension(), NAME));
    }

    /**
     * The interpolant on the outer product of per-axis coordinates, without building the mesh:
     * {@code out[((j_0 * m_1 + j_1) * m_2 + j_2) ...] = value(axes[0][j_0], ..., axes[d-1][j_{d-1}])} bit for
     * bit (scipy's {@code interp(np.meshgrid(*axes, indexing='ij'))} raveled in C order); with m value
     * columns, column {@code c} of output point {@code i} at {@code out[i * m + c]}. The per-axis interval
     * searches and weights are computed once per coordinate, so the cost is {@code O(sum m_a)} plus the
     * combination cost per output point; in parallel for large outputs.
     *
     * @param axes {@code d} arrays of coordinates, any lengths {@code m_a >= 0}, any order (not modified)
     * @return the {@code m_0 * ... * m_{d-1}} values (times the number of columns), row-major
     * @throws NullPointerException     if {@code axes} or one of its arrays is null
     * @throws IllegalArgumentException if {@code axes.length != ndim()}, or the output is too large for an
     *                                  array
     * @throws OutOfGridException       for the first out-of-range output point (row-major order) when the
     *                                  mode is raise; its {@code point()} is the flat output index
     */
    public double[] valuesOnGrid(double[]... axes) {
        Validation.requireNonNull(axes, "axes");
        final int d = dimension();
        if (axes.length != d) {
            throw new IllegalArgumentException("axes has " + axes.length + " arrays, but this "
                    + "RegularGridInterpolator has dimension " + d);
        }
        long total = 1;
        for (int a = 0; a < d; a++) {
            if (axes[a] == null) {
                throw new NullPointerException("axes[" + a + "] must not be null");
            }
            total = Validation.checkedSize("valuesOnGrid output", total, axes[a].length);
        }
        Validation.checkedSize("valuesOnGrid output", total, columns());
        return evaluator.valuesOnGrid(axes, (int) total);
    }

    /**
     * scipy's {@code scipy.interpolate.interpn(points, values, xi, method)} with its default
     * {@code bounds_error=True}: builds the interpolant and evaluates it at {@code xi}; out-of-range points
     * are detected before the (spline) construction. Spline methods use the exact solve (scipy's
     * {@code interpn} uses the inexact iterative default).
     *
     * @param grid   the coordinates per axis (see the constructor)
     * @param values the data, row-major
     * @param xi     {@code m} query points of {@code d} coordinates
     * @param method the method
     * @return the {@code m} values
     * @throws NullPointerException     as the constructor and {@link #values(double[][])}
     * @throws IllegalArgumentException as the constructor and {@link #values(double[][])}
     * @throws OutOfGridException       for the first point outside the grid
     */
    public static double[] interpn(double[][] grid, double[] values, double[][] xi, Method method) {
        return interpn(grid, values, xi, method, OutOfRange.raise());
    }

    /**
     * scipy's {@code interpn} with an out-of-range mode: {@link OutOfRange#raise()} is
     * {@code bounds_error=True}, {@link OutOfRange#nan()} / {@link OutOfRange#fill(double)} are
     * {@code bounds_error=False, fill_value=v}, {@link OutOfRange#extrapolate()} is
     * {@code fill_value=None}.
     *
     * @param grid   the coordinates per axis (see the constructor)
     * @param values the data, row-major
     * @param xi     {@code m} query points of {@code d} coordinates
     * @param method the method
     * @param mode   the out-of-range mode (see {@link #withOutOfRange(OutOfRange)})
     * @return the {@code m} values
     * @throws NullPointerException     as the constructor and {@link #values(double[][])}, or if {@code mode}
     *                                  is null
     * @throws IllegalArgumentException as the constructor, {@link #values(double[][])} and
     *                                  {@link #withOutOfRange(OutOfRange)}
     * @throws OutOfGridException       for the first point outside the grid when the mode is raise
     */
    public static double[] interpn(double[][] grid, double[] values, double[][] xi, Method method,
                                   OutOfRange mode) {
        checkValues(grid, values, 1, method);
        checkMode(mode);
        checkPoints(xi, grid.length);
        if (mode.kind() == OutOfRange.Kind.RAISE) {
            RangePolicy[] range = new RangePolicy[grid.length];
            for (int a = 0; a < grid.length; a++) {
                double[] g = grid[a];
                range[a] = RangePolicy.of(mode, Math.min(g[0], g[g.length - 1]), Math.max(g[0], g[g.length - 1]));
            }
            for (int j = 0; j < xi.length; j++) {
                for (int a = 0; a < grid.length; a++) {
                    range[a].adjustOnAxis(xi[j][a], a, j);
                }
            }
        }
        return new RegularGridInterpolator(grid, values, method).withOutOfRange(mode).values(xi);
    }

    // ------------------------------------------------------------------------------------------------
    // Object, serialisation
    // ------------------------------------------------------------------------------------------------

    @Override
    public String toString() {
        return "RegularGridInterpolator[method=" + method.scipyName() + ", shape=" + Arrays.toString(shape())
                + (columns() > 1 ? ", columns=" + columns() : "") + ", outOfRange=" + mode + "]";
    }

    /**
     * Serialises through a proxy holding the ascending grid, the values, the number of columns, the
     * method and the mode.
     *
     * @return the proxy
     */
    private Object writeReplace() {
        return new SerializedForm(grid(), gridValues(), columns(), method, mode);
    }

    /**
     * Rejects direct deserialisation: instances are rebuilt, validated, by the proxy.
     *
     * @param in the stream
     * @throws InvalidObjectException always
     */
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("RegularGridInterpolator is deserialised through its serialisation proxy");
    }

    private static final class SerializedForm implements Serializable {
        private static final long serialVersionUID = 1L;
        /** @serial the ascending grid */
        private final double[][] grid;
        /** @serial the values, {@code values[p * columns + c]} */
        private final double[] values;
        /** @serial the number of value columns (absent, so 0, in streams written before columns existed) */
        private final int columns;
        /** @serial the method */
        private final Method method;
        /** @serial the mode */
        private final OutOfRange mode;

        SerializedForm(double[][] grid, double[] values, int columns, Method method, OutOfRange mode) {
            this.grid = grid;
            this.values = values;
            this.columns = columns;
            this.method = method;
            this.mode = mode;
        }

        private Object readResolve() throws ObjectStreamException {
            try {
                return fromColumns(grid, values, columns == 0 ? 1 : columns, method)
                        .withOutOfRange(Objects.requireNonNull(mode, "mode"));
            } catch (RuntimeException e) {
                throw SerialProxies.invalid(NAME, e);
            }
        }
    }
}
