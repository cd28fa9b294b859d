package io.github.interp4j.interpolate;

import io.github.interp4j.interpolate.internal.spline.InterpSplineSolver;
import io.github.interp4j.interpolate.internal.search.IntervalIndex;
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
 * nothing is allocated per query point in {@link #values(double[][])} and {@link #valuesOnGrid}.
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
 * <p>Thread-safety: immutable (inputs are copied); instances may be shared freely between threads.
 * Serialisation stores the (ascending) grid, the values, the method and the mode; deserialisation
 * re-runs the validating constructor.
 */
public final class RegularGridInterpolator implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The interpolation methods, scipy's {@code method} strings. */
    public enum Method {
        /** Multilinear ({@code "linear"}, scipy's default). */
        LINEAR("linear", 1, -1),
        /** Nearest node, ties rounding down ({@code "nearest"}). */
        NEAREST("nearest", 1, -1),
        /** Tensor-product spline of degree 1 ({@code "slinear"}). */
        SLINEAR("slinear", 2, 1),
        /** Tensor-product not-a-knot cubic spline ({@code "cubic"}). */
        CUBIC("cubic", 4, 3),
        /** Tensor-product not-a-knot quintic spline ({@code "quintic"}). */
        QUINTIC("quintic", 6, 5),
        /** 1-D PCHIP applied axis by axis, last axis first ({@code "pchip"}). */
        PCHIP("pchip", 4, 3);

        private final String scipyName;
        private final int minPoints;
        private final int degree;

        Method(String scipyName, int minPoints, int degree) {
            this.scipyName = scipyName;
            this.minPoints = minPoints;
            this.degree = degree;
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

    private static final int K_LINEAR = 0;
    private static final int K_NEAREST = 1;
    private static final int K_SPLINE = 2;
    private static final int K_PCHIP = 3;

    /** The numeric state, shared by the instances that differ only in their out-of-range mode. */
    private final transient Core core;
    /** The interpolation method. */
    private final Method method;
    /** The out-of-range mode. */
    private final OutOfRange mode;
    /** The answer outside the grid for the fill and NaN modes. */
    private final transient double fill;

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
     *                                  offending pair); the grid has more points than a Java array can hold
     *                                  or the heap can store; {@code values.length} is not the number of
     *                                  grid points; a value is not finite for a spline method or pchip
     *                                  (names the index); or (splines) a collocation matrix is singular
     */
    public RegularGridInterpolator(double[][] grid, double[] values, Method method) {
        this(new Core(grid, values, method, checkAll(grid, values, method)), method, OutOfRange.raise());
    }

    private RegularGridInterpolator(Core core, Method method, OutOfRange mode) {
        this.core = core;
        this.method = method;
        this.mode = mode;
        this.fill = mode.kind() == OutOfRange.Kind.FILL ? mode.below() : Double.NaN;
    }

    /**
     * The same interpolant with another out-of-range mode; the numeric data are shared, not copied. O(1).
     *
     * @param mode {@link OutOfRange#raise()}, {@link OutOfRange#nan()}, {@link OutOfRange#fill(double)}
     *             (or {@code fill(v, v)}), {@link OutOfRange#extrapolate()} or {@link OutOfRange#clamp()}
     * @return the interpolant with that mode
     * @throws NullPointerException     if {@code mode} is null
     * @throws IllegalArgumentException for {@link OutOfRange#periodic()}, or a fill whose two values differ
     */
    public RegularGridInterpolator withOutOfRange(OutOfRange mode) {
        checkMode(mode);
        return mode.equals(this.mode) ? this : new RegularGridInterpolator(core, method, mode);
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

    /** All constructor checks, in order, before any allocation; returns the number of grid points. */
    private static int checkAll(double[][] grid, double[] values, Method method) {
        int total = checkGrid(grid, method);
        Validation.requireNonNull(values, "values");
        if (values.length != total) {
            throw new IllegalArgumentException("values.length = " + values.length + ", but the grid has "
                    + shapeText(grid) + " = " + total + " points");
        }
        if (method.isSpline() || method == Method.PCHIP) {
            for (int i = 0; i < values.length; i++) {
                double v = values[i];
                if (v - v != 0.0) {
                    throw new IllegalArgumentException("values[" + i + "] = " + v + " is not finite (method "
                            + method.scipyName() + " needs finite values)");
                }
            }
        }
        return total;
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
            double[] g = grid[a];
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

    /** @return the number of axes {@code d} */
    public int ndim() {
        return core.d;
    }

    /** @return the number of points per axis (a copy) */
    public int[] shape() {
        return core.shape.clone();
    }

    /**
     * scipy's {@code grid} attribute: the coordinates per axis, ascending (a descending axis is returned
     * reversed). O(sum n_a).
     *
     * @return a copy of the grid
     */
    public double[][] grid() {
        double[][] g = new double[core.d][];
        for (int a = 0; a < core.d; a++) {
            g[a] = core.grid[a].clone();
        }
        return g;
    }

    /**
     * scipy's {@code values} attribute: the data, row-major, matching {@link #grid()} (reversed along the
     * descending axes). O(N).
     *
     * @return a copy of the data
     */
    public double[] gridValues() {
        return core.values.clone();
    }

    // ------------------------------------------------------------------------------------------------
    // evaluation
    // ------------------------------------------------------------------------------------------------

    /**
     * The interpolant at one point. O(d) expected plus the method's combination cost; allocates only a
     * small work area for {@code d != 3} or non-linear methods.
     *
     * @param point the {@code d} coordinates (not modified)
     * @return the value; NaN if a coordinate is NaN; outside the grid as {@link #outOfRange()} says
     * @throws NullPointerException     if {@code point} is null
     * @throws IllegalArgumentException if {@code point.length != ndim()}
     * @throws OutOfGridException       if the point is out of range and the mode is raise
     */
    public double value(double... point) {
        Validation.requireNonNull(point, "point");
        if (point.length != core.d) {
            throw new IllegalArgumentException("point has " + point.length + " coordinates, but this "
                    + "RegularGridInterpolator has dimension " + core.d);
        }
        if (core.linear3) {
            return linear3(point, -1);
        }
        return evaluate(point, -1, new Work(core));
    }

    /**
     * The interpolant at many points (scipy's {@code __call__(xi)} with {@code xi} of shape
     * {@code (m, d)}): {@code out[j] = value(points[j])} bit for bit, in parallel for large batches.
     * O(m) times the per-point cost; no allocation per point.
     *
     * @param points {@code m} rows of {@code d} coordinates (not modified)
     * @return the {@code m} values
     * @throws NullPointerException     if {@code points} or a row is null
     * @throws IllegalArgumentException if a row's length is not {@code ndim()} (names the row)
     * @throws OutOfGridException       for the first out-of-range point (lowest index) when the mode is raise
     */
    public double[] values(double[][] points) {
        checkPoints(points, core.d);
        double[] out = new double[points.length];
        if (core.linear3) {
            ParallelEvaluation.forRange(points.length, (from, to) -> linear3Batch(points, out, from, to));
        } else {
            ParallelEvaluation.forRange(points.length, (from, to) -> {
                Work wk = new Work(core);
                for (int j = from; j < to; j++) {
                    out[j] = evaluate(points[j], j, wk);
                }
            });
        }
        return out;
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

    /**
     * The interpolant on the outer product of per-axis coordinates, without building the mesh:
     * {@code out[((j_0 * m_1 + j_1) * m_2 + j_2) ...] = value(axes[0][j_0], ..., axes[d-1][j_{d-1}])} bit for
     * bit (scipy's {@code interp(np.meshgrid(*axes, indexing='ij'))} raveled in C order). The per-axis
     * interval searches and weights are computed once per coordinate, so the cost is
     * {@code O(sum m_a)} plus the combination cost per output point; in parallel for large outputs.
     *
     * @param axes {@code d} arrays of coordinates, any lengths {@code m_a >= 0}, any order (not modified)
     * @return the {@code m_0 * ... * m_{d-1}} values, row-major
     * @throws NullPointerException     if {@code axes} or one of its arrays is null
     * @throws IllegalArgumentException if {@code axes.length != ndim()}, or the output is too large for an
     *                                  array
     * @throws OutOfGridException       for the first out-of-range output point (row-major order) when the
     *                                  mode is raise; its {@code point()} is the flat output index
     */
    public double[] valuesOnGrid(double[]... axes) {
        Validation.requireNonNull(axes, "axes");
        final int d = core.d;
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
        final int count = (int) total;
        final MeshTables tables = new MeshTables(core, mode, axes);
        double[] out = new double[count];
        if (count == 0) {
            return out;
        }
        final int[] m = new int[d];
        for (int a = 0; a < d; a++) {
            m[a] = axes[a].length;
        }
        ParallelEvaluation.forRange(count, (from, to) -> {
            Work wk = new Work(core);
            int[] idx = new int[d];
            int rem = from;
            for (int a = d - 1; a >= 0; a--) {
                idx[a] = rem % m[a];
                rem /= m[a];
            }
            for (int j = from; j < to; j++) {
                out[j] = tables.evaluate(this, idx, j, wk, axes);
                for (int a = d - 1; a >= 0; a--) {
                    if (++idx[a] < m[a]) {
                        break;
                    }
                    idx[a] = 0;
                }
            }
        });
        return out;
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
        checkAll(grid, values, method);
        checkMode(mode);
        checkPoints(xi, grid.length);
        if (mode.kind() == OutOfRange.Kind.RAISE) {
            for (int j = 0; j < xi.length; j++) {
                for (int a = 0; a < grid.length; a++) {
                    double[] g = grid[a];
                    double lo = Math.min(g[0], g[g.length - 1]);
                    double hi = Math.max(g[0], g[g.length - 1]);
                    double x = xi[j][a];
                    if (x < lo || x > hi) {
                        throw new OutOfGridException(x, lo, hi, a, j);
                    }
                }
            }
        }
        return new RegularGridInterpolator(grid, values, method).withOutOfRange(mode).values(xi);
    }

    // ------------------------------------------------------------------------------------------------
    // the per-point kernel: classify, (clamp), locate per axis, combine
    // ------------------------------------------------------------------------------------------------

    private double evaluate(double[] p, int pointIndex, Work wk) {
        final Core c = core;
        final int d = c.d;
        boolean outside = false;
        for (int a = 0; a < d; a++) {
            double x = p[a];
            if (!(x >= c.lo[a] && x <= c.hi[a])) {
                if (x != x) {
                    return Double.NaN;
                }
                outside = true;
            }
        }
        double[] q = p;
        if (outside) {
            switch (mode.kind()) {
                case RAISE:
                    throw outOfGrid(p, pointIndex);
                case FILL:
                case NAN:
                    return fill;
                case CLAMP:
                    q = wk.coords;
                    for (int a = 0; a < d; a++) {
                        q[a] = Math.min(Math.max(p[a], c.lo[a]), c.hi[a]);
                    }
                    break;
                default:
                    break;
            }
        }
        for (int a = 0; a < d; a++) {
            c.locate(a, q[a], wk);
        }
        return c.combine(wk);
    }

    private OutOfGridException outOfGrid(double[] p, int pointIndex) {
        for (int a = 0; a < core.d; a++) {
            double x = p[a];
            if (x < core.lo[a] || x > core.hi[a]) {
                return new OutOfGridException(x, core.lo[a], core.hi[a], a, pointIndex);
            }
        }
        throw new AssertionError("no coordinate out of range");
    }

    /** Points per block of the 3-D multilinear batch: the located offsets and weights stay in L1. */
    private static final int LINEAR3_BLOCK = 128;

    /**
     * The 3-D multilinear fast path (every axis with at least 2 points) for one point: the same operations,
     * in the same order, as {@link Core#locate} and {@link Core#combine} for linear, without the work area.
     */
    private double linear3(double[] p, int pointIndex) {
        double[] ys = new double[3];
        int o = linear3Locate(p, pointIndex, ys, 0);
        return o < 0 ? linear3Special(p) : core.linear3Combine(o, ys[0], ys[1], ys[2]);
    }

    /**
     * The 3-D multilinear batch {@code out[j] = linear3(points[j])} for {@code j in [from, to)}, in two
     * phases per block of {@link #LINEAR3_BLOCK} points: first the interval searches and weights (no
     * access to the data), then the 8 data loads and the sum per point. Keeping the loads of many points
     * independent and close together lets the processor overlap their cache misses.
     */
    private void linear3Batch(double[][] points, double[] out, int from, int to) {
        final Core c = core;
        final int[] off = new int[LINEAR3_BLOCK];
        final double[] ys = new double[3 * LINEAR3_BLOCK];
        for (int j0 = from; j0 < to; j0 += LINEAR3_BLOCK) {
            final int m = Math.min(LINEAR3_BLOCK, to - j0);
            for (int b = 0; b < m; b++) {
                off[b] = linear3Locate(points[j0 + b], j0 + b, ys, 3 * b);
            }
            for (int b = 0; b < m; b++) {
                int o = off[b];
                out[j0 + b] = o < 0 ? linear3Special(points[j0 + b])
                        : c.linear3Combine(o, ys[3 * b], ys[3 * b + 1], ys[3 * b + 2]);
            }
        }
    }

    /**
     * Classifies and locates a 3-D point: writes {@code y_0, y_1, y_2} to {@code ys[at..at+2]} and returns the
     * offset of the cell's first corner, or -1 when the answer is NaN or the fill value
     * ({@link #linear3Special}); throws in the raise mode.
     */
    private int linear3Locate(double[] p, int pointIndex, double[] ys, int at) {
        final Core c = core;
        double x0 = p[0];
        double x1 = p[1];
        double x2 = p[2];
        if (!(x0 >= c.lo0 && x0 <= c.hi0 && x1 >= c.lo1 && x1 <= c.hi1 && x2 >= c.lo2 && x2 <= c.hi2)) {
            if (x0 != x0 || x1 != x1 || x2 != x2) {
                return -1;
            }
            switch (mode.kind()) {
                case RAISE:
                    throw outOfGrid(p, pointIndex);
                case FILL:
                case NAN:
                    return -1;
                case CLAMP:
                    x0 = Math.min(Math.max(x0, c.lo0), c.hi0);
                    x1 = Math.min(Math.max(x1, c.lo1), c.hi1);
                    x2 = Math.min(Math.max(x2, c.lo2), c.hi2);
                    break;
                default:
                    break;
            }
        }
        final double[] g0 = c.g0;
        final double[] g1 = c.g1;
        final double[] g2 = c.g2;
        int i0 = c.idx0.find(x0);
        int i1 = c.idx1.find(x1);
        int i2 = c.idx2.find(x2);
        ys[at] = (x0 - g0[i0]) / (g0[i0 + 1] - g0[i0]);
        ys[at + 1] = (x1 - g1[i1]) / (g1[i1 + 1] - g1[i1]);
        ys[at + 2] = (x2 - g2[i2]) / (g2[i2 + 1] - g2[i2]);
        return i0 * c.stride0 + i1 * c.stride1 + i2;
    }

    /** The answer for a point {@link #linear3Locate} did not locate: NaN for a NaN coordinate, else the fill. */
    private double linear3Special(double[] p) {
        return (p[0] != p[0] || p[1] != p[1] || p[2] != p[2]) ? Double.NaN : fill;
    }

    /** Per-thread scratch for one query: the per-axis results of {@link Core#locate} and the combination buffer. */
    private static final class Work {
        final int[] off;
        final int[] step;
        final int[] ival;
        final double[] y;
        final double[][] basis;
        final double[] tmp;
        final int[] digit;
        final double[] coords;

        Work(Core c) {
            int d = c.d;
            off = new int[d];
            step = new int[d];
            ival = new int[d];
            y = new double[d];
            coords = new double[d];
            digit = new int[d];
            if (c.kind == K_SPLINE) {
                basis = new double[d][c.k + 1];
                tmp = new double[pow(c.k + 1, d - 1)];
            } else {
                basis = null;
                tmp = c.kind == K_PCHIP ? new double[pow(4, d - 1)] : null;
            }
        }
    }

    private static int pow(int b, int e) {
        int r = 1;
        for (int i = 0; i < e; i++) {
            r = Math.multiplyExact(r, b);
        }
        return r;
    }

    // ------------------------------------------------------------------------------------------------
    // valuesOnGrid: per-axis tables of the locate results
    // ------------------------------------------------------------------------------------------------

    /** The result of {@link Core#locate} for every coordinate of every axis, and its range status. */
    private static final class MeshTables {
        static final byte INSIDE = 0;
        static final byte OUTSIDE = 1;
        static final byte NAN = 2;

        final Core c;
        final byte[][] status;
        final int[][] off;
        final int[][] step;
        final int[][] ival;
        final double[][] y;
        final double[][] basis; // [a][j * (k + 1) + b]

        MeshTables(Core c, OutOfRange mode, double[][] axes) {
            this.c = c;
            int d = c.d;
            status = new byte[d][];
            off = new int[d][];
            step = new int[d][];
            ival = new int[d][];
            y = new double[d][];
            basis = c.kind == K_SPLINE ? new double[d][] : null;
            Work wk = new Work(c);
            boolean clamp = mode.kind() == OutOfRange.Kind.CLAMP;
            int kk = c.k + 1;
            for (int a = 0; a < d; a++) {
                double[] xs = axes[a];
                int m = xs.length;
                status[a] = new byte[m];
                off[a] = new int[m];
                step[a] = new int[m];
                ival[a] = new int[m];
                y[a] = new double[m];
                if (basis != null) {
                    basis[a] = new double[Validation.checkedSize("valuesOnGrid basis table", m, kk)];
                }
                for (int j = 0; j < m; j++) {
                    double x = xs[j];
                    if (x != x) {
                        status[a][j] = NAN;
                        continue;
                    }
                    if (!(x >= c.lo[a] && x <= c.hi[a])) {
                        status[a][j] = OUTSIDE;
                        if (clamp) {
                            x = Math.min(Math.max(x, c.lo[a]), c.hi[a]);
                        }
                    }
                    c.locate(a, x, wk);
                    off[a][j] = wk.off[a];
                    step[a][j] = wk.step[a];
                    ival[a][j] = wk.ival[a];
                    y[a][j] = wk.y[a];
                    if (basis != null) {
                        System.arraycopy(wk.basis[a], 0, basis[a], j * kk, kk);
                    }
                }
            }
        }

        double evaluate(RegularGridInterpolator r, int[] idx, int flat, Work wk, double[][] axes) {
            int d = c.d;
            boolean outside = false;
            for (int a = 0; a < d; a++) {
                byte s = status[a][idx[a]];
                if (s == NAN) {
                    return Double.NaN;
                }
                if (s == OUTSIDE) {
                    outside = true;
                }
            }
            if (outside) {
                switch (r.mode.kind()) {
                    case RAISE:
                        for (int a = 0; a < d; a++) {
                            if (status[a][idx[a]] == OUTSIDE) {
                                throw new OutOfGridException(axes[a][idx[a]], c.lo[a], c.hi[a], a, flat);
                            }
                        }
                        throw new AssertionError("no coordinate out of range");
                    case FILL:
                    case NAN:
                        return r.fill;
                    default:
                        break;
                }
            }
            int kk = c.k + 1;
            for (int a = 0; a < d; a++) {
                int j = idx[a];
                wk.off[a] = off[a][j];
                wk.step[a] = step[a][j];
                wk.ival[a] = ival[a][j];
                wk.y[a] = y[a][j];
                if (basis != null) {
                    System.arraycopy(basis[a], j * kk, wk.basis[a], 0, kk);
                }
            }
            return c.combine(wk);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // the numeric core
    // ------------------------------------------------------------------------------------------------

    private static final class Core {
        final int d;
        final int kind;
        final int k;
        final int[] shape;
        final int[] stride;
        final boolean[] descending;
        /** Ascending coordinates per axis. */
        final double[][] grid;
        final double[] lo;
        final double[] hi;
        /** Interval search per axis (null for a single-point axis). */
        final IntervalIndex[] index;
        /** The data reordered to ascending axes (scipy's {@code values}). */
        final double[] values;
        /** What the kernels read: the values, or the spline coefficients. */
        final double[] data;
        /** Spline knots per axis and the interval search on their base interval. */
        final double[][] knots;
        final IntervalIndex[] knotIndex;

        // 3-D linear fast path
        final boolean linear3;
        final double[] g0;
        final double[] g1;
        final double[] g2;
        final IntervalIndex idx0;
        final IntervalIndex idx1;
        final IntervalIndex idx2;
        final double lo0;
        final double lo1;
        final double lo2;
        final double hi0;
        final double hi1;
        final double hi2;
        final int stride0;
        final int stride1;

        /**
         * @param grid         validated axes
         * @param values       validated data
         * @param method       the method
         * @param checkedTotal the number of grid points, returned by the checks (which thereby run before
         *                     anything here is allocated)
         */
        Core(double[][] grid, double[] values, Method method, int checkedTotal) {
            if (values.length != checkedTotal) {
                throw new AssertionError("unchecked values");
            }
            d = grid.length;
            switch (method) {
                case LINEAR:
                    kind = K_LINEAR;
                    break;
                case NEAREST:
                    kind = K_NEAREST;
                    break;
                case PCHIP:
                    kind = K_PCHIP;
                    break;
                default:
                    kind = K_SPLINE;
                    break;
            }
            k = method.isSpline() ? method.degree : 0;
            shape = new int[d];
            stride = new int[d];
            descending = new boolean[d];
            this.grid = new double[d][];
            lo = new double[d];
            hi = new double[d];
            index = new IntervalIndex[d];
            int s = 1;
            for (int a = d - 1; a >= 0; a--) {
                double[] g = grid[a];
                int n = g.length;
                shape[a] = n;
                stride[a] = s;
                s *= n;
                boolean desc = n >= 2 && g[1] < g[0];
                descending[a] = desc;
                double[] asc = new double[n];
                for (int i = 0; i < n; i++) {
                    asc[i] = desc ? g[n - 1 - i] : g[i];
                }
                this.grid[a] = asc;
                lo[a] = asc[0];
                hi[a] = asc[n - 1];
                index[a] = n >= 2 ? new IntervalIndex(asc) : null;
            }
            double[] v = values.clone();
            for (int a = 0; a < d; a++) {
                if (descending[a]) {
                    reverseAxis(v, a);
                }
            }
            this.values = v;
            if (kind == K_SPLINE) {
                knots = new double[d][];
                knotIndex = new IntervalIndex[d];
                BandFactor[] factors = new BandFactor[d];
                for (int a = 0; a < d; a++) {
                    double[] t = InterpSplineSolver.notAKnotKnots(this.grid[a], k);
                    knots[a] = t;
                    int nt = t.length - k - 1;
                    knotIndex[a] = new IntervalIndex(Arrays.copyOfRange(t, k, nt + 1));
                    factors[a] = collocation(this.grid[a], t, k, knotIndex[a], a);
                }
                double[] coef = v.clone();
                for (int a = 0; a < d; a++) {
                    solveAlongAxis(coef, factors[a], shape, stride, a);
                }
                data = coef;
            } else {
                knots = null;
                knotIndex = null;
                data = v;
            }
            linear3 = kind == K_LINEAR && d == 3 && shape[0] >= 2 && shape[1] >= 2 && shape[2] >= 2;
            if (linear3) {
                g0 = this.grid[0];
                g1 = this.grid[1];
                g2 = this.grid[2];
                idx0 = index[0];
                idx1 = index[1];
                idx2 = index[2];
                lo0 = lo[0];
                lo1 = lo[1];
                lo2 = lo[2];
                hi0 = hi[0];
                hi1 = hi[1];
                hi2 = hi[2];
                stride0 = stride[0];
                stride1 = stride[1];
            } else {
                g0 = g1 = g2 = null;
                idx0 = idx1 = idx2 = null;
                lo0 = lo1 = lo2 = hi0 = hi1 = hi2 = 0;
                stride0 = stride1 = 0;
            }
        }

        /** Reverses {@code v} along axis {@code a} in place. */
        private void reverseAxis(double[] v, int a) {
            int n = shape[a];
            int post = stride[a];
            int block = n * post;
            for (int base = 0; base < v.length; base += block) {
                for (int i = 0, j = n - 1; i < j; i++, j--) {
                    int pi = base + i * post;
                    int pj = base + j * post;
                    for (int q = 0; q < post; q++) {
                        double tmp = v[pi + q];
                        v[pi + q] = v[pj + q];
                        v[pj + q] = tmp;
                    }
                }
            }
        }

        /**
         * Per axis, for a coordinate {@code x} (never NaN): the offset contribution and weights of the
         * method, written to {@code wk} at index {@code a}.
         */
        void locate(int a, double x, Work wk) {
            IntervalIndex ix = index[a];
            switch (kind) {
                case K_LINEAR:
                case K_NEAREST: {
                    int i;
                    double y;
                    int st;
                    if (ix == null) {
                        i = 0;
                        y = 0.0;
                        st = 0;
                    } else {
                        double[] g = grid[a];
                        i = ix.find(x);
                        y = (x - g[i]) / (g[i + 1] - g[i]);
                        st = stride[a];
                    }
                    if (kind == K_LINEAR) {
                        wk.off[a] = i * stride[a];
                        wk.step[a] = st;
                        wk.y[a] = y;
                    } else {
                        wk.off[a] = (y <= 0.5 ? i : i + 1) * stride[a];
                    }
                    break;
                }
                case K_SPLINE: {
                    int l = k + knotIndex[a].find(x);
                    SplineCore.basis(knots[a], k, x, l, wk.basis[a]);
                    wk.off[a] = (l - k) * stride[a];
                    break;
                }
                default: { // PCHIP
                    int i = ix.find(x);
                    int lw = Math.max(0, Math.min(i - 1, shape[a] - 4));
                    wk.off[a] = lw * stride[a];
                    wk.ival[a] = i;
                    wk.y[a] = x;
                    break;
                }
            }
        }

        /** Combines the located axes into the value. */
        double combine(Work wk) {
            switch (kind) {
                case K_LINEAR:
                    return combineLinear(wk);
                case K_NEAREST: {
                    int o = 0;
                    for (int a = 0; a < d; a++) {
                        o += wk.off[a];
                    }
                    return data[o];
                }
                case K_SPLINE:
                    return combineSpline(wk);
                default:
                    return combinePchip(wk);
            }
        }

        /**
         * The 3-D multilinear sum of the fast path (every axis with at least 2 points), scipy's corner order
         * and weight products; identical to {@link #combineLinear} for such grids.
         */
        double linear3Combine(int o, double y0, double y1, double y2) {
            final double[] v = data;
            final int s0 = stride0;
            final int s1 = stride1;
            double w0 = 1 - y0;
            double w1 = 1 - y1;
            double w2 = 1 - y2;
            double a00 = w0 * w1;
            double a01 = w0 * y1;
            double a10 = y0 * w1;
            double a11 = y0 * y1;
            int o1 = o + s1;
            int o2 = o + s0;
            int o3 = o2 + s1;
            double r = 0.0;
            r = r + v[o] * (a00 * w2);
            r = r + v[o + 1] * (a00 * y2);
            r = r + v[o1] * (a01 * w2);
            r = r + v[o1 + 1] * (a01 * y2);
            r = r + v[o2] * (a10 * w2);
            r = r + v[o2 + 1] * (a10 * y2);
            r = r + v[o3] * (a11 * w2);
            r = r + v[o3 + 1] * (a11 * y2);
            return r;
        }

        /**
         * scipy's sum over the {@code 2^d} corners, corner bits with axis 0 the most significant, weight
         * {@code prod_a w_a} multiplied left to right, terms added in corner order to 0; in 2-D scipy's
         * fast path {@code ((v * w_0) * w_1)} association.
         */
        private double combineLinear(Work wk) {
            final double[] v = data;
            final int[] off = wk.off;
            final int[] step = wk.step;
            final double[] y = wk.y;
            if (d == 2) {
                double y0 = y[0];
                double y1 = y[1];
                int o = off[0] + off[1];
                int s0 = step[0];
                int s1 = step[1];
                return v[o] * (1 - y0) * (1 - y1) + v[o + s1] * (1 - y0) * y1 + v[o + s0] * y0 * (1 - y1)
                        + v[o + s0 + s1] * y0 * y1;
            }
            if (d == 3) {
                double y0 = y[0];
                double y1 = y[1];
                double y2 = y[2];
                double w0 = 1 - y0;
                double w1 = 1 - y1;
                double w2 = 1 - y2;
                int o = off[0] + off[1] + off[2];
                int s0 = step[0];
                int s1 = step[1];
                int s2 = step[2];
                double a00 = w0 * w1;
                double a01 = w0 * y1;
                double a10 = y0 * w1;
                double a11 = y0 * y1;
                int o1 = o + s1;
                int o2 = o + s0;
                int o3 = o2 + s1;
                double r = 0.0;
                r = r + v[o] * (a00 * w2);
                r = r + v[o + s2] * (a00 * y2);
                r = r + v[o1] * (a01 * w2);
                r = r + v[o1 + s2] * (a01 * y2);
                r = r + v[o2] * (a10 * w2);
                r = r + v[o2 + s2] * (a10 * y2);
                r = r + v[o3] * (a11 * w2);
                r = r + v[o3 + s2] * (a11 * y2);
                return r;
            }
            int base = 0;
            for (int a = 0; a < d; a++) {
                base += off[a];
            }
            double r = 0.0;
            int corners = 1 << d;
            for (int cnr = 0; cnr < corners; cnr++) {
                double w = 1.0;
                int o = base;
                for (int a = 0; a < d; a++) {
                    if (((cnr >>> (d - 1 - a)) & 1) != 0) {
                        w = w * y[a];
                        o += step[a];
                    } else {
                        w = w * (1 - y[a]);
                    }
                }
                r = r + v[o] * w;
            }
            return r;
        }

        /**
         * Tensor-product de Boor: for every combination of the {@code k + 1} non-zero B-splines on axes
         * {@code 0..d-2}, the dot product along the last axis (contiguous coefficients); then reduce axis
         * {@code d-2}, ..., 0 with their basis values.
         */
        private double combineSpline(Work wk) {
            final int kk = k + 1;
            final double[] c = data;
            final int last = d - 1;
            final double[] bl = wk.basis[last];
            final int offLast = wk.off[last];
            if (d == 1) {
                double s = 0.0;
                for (int j = 0; j < kk; j++) {
                    s += c[offLast + j] * bl[j];
                }
                return s;
            }
            if (d == 3) {
                return combineSpline3(wk);
            }
            final double[] tmp = wk.tmp;
            final int[] digit = wk.digit;
            final int[] off = wk.off;
            int base = offLast;
            for (int a = 0; a < last; a++) {
                digit[a] = 0;
                base += off[a];
            }
            int count = tmp.length;
            for (int q = 0; q < count; q++) {
                double s = 0.0;
                for (int j = 0; j < kk; j++) {
                    s += c[base + j] * bl[j];
                }
                tmp[q] = s;
                // odometer over axes last-1 .. 0
                for (int a = last - 1; a >= 0; a--) {
                    if (++digit[a] < kk) {
                        base += stride[a];
                        break;
                    }
                    digit[a] = 0;
                    base -= (kk - 1) * stride[a];
                }
            }
            for (int a = last - 1; a >= 0; a--) {
                final double[] b = wk.basis[a];
                count /= kk;
                for (int q = 0; q < count; q++) {
                    int src = q * kk;
                    double s = 0.0;
                    for (int j = 0; j < kk; j++) {
                        s += tmp[src + j] * b[j];
                    }
                    tmp[q] = s;
                }
            }
            return tmp[0];
        }

        /** {@link #combineSpline} for {@code d == 3}, the same operations in the same order, without the buffer. */
        private double combineSpline3(Work wk) {
            final int kk = k + 1;
            final double[] c = data;
            final double[] b0 = wk.basis[0];
            final double[] b1 = wk.basis[1];
            final double[] b2 = wk.basis[2];
            final int s0 = stride[0];
            final int s1 = stride[1];
            final int base = wk.off[0] + wk.off[1] + wk.off[2];
            double r = 0.0;
            for (int i0 = 0; i0 < kk; i0++) {
                double t1 = 0.0;
                final int o0 = base + i0 * s0;
                for (int i1 = 0; i1 < kk; i1++) {
                    final int o = o0 + i1 * s1;
                    double s = 0.0;
                    for (int j = 0; j < kk; j++) {
                        s += c[o + j] * b2[j];
                    }
                    t1 += s * b1[i1];
                }
                r += t1 * b0[i0];
            }
            return r;
        }

        /**
         * scipy's pchip: 1-D PCHIP along the last axis for the 4 x ... x 4 window of lines that the later
         * passes need, then along axis d-2, ..., 0.
         */
        private double combinePchip(Work wk) {
            final double[] v = data;
            final int last = d - 1;
            final int offLast = wk.off[last];
            if (d == 1) {
                return pchipLocal(last, wk.ival[last], wk.y[last], v[offLast], v[offLast + 1], v[offLast + 2],
                        v[offLast + 3]);
            }
            final double[] tmp = wk.tmp;
            final int[] digit = wk.digit;
            final int[] off = wk.off;
            int base = offLast;
            for (int a = 0; a < last; a++) {
                digit[a] = 0;
                base += off[a];
            }
            final int il = wk.ival[last];
            final double xl = wk.y[last];
            int count = tmp.length;
            for (int q = 0; q < count; q++) {
                tmp[q] = pchipLocal(last, il, xl, v[base], v[base + 1], v[base + 2], v[base + 3]);
                for (int a = last - 1; a >= 0; a--) {
                    if (++digit[a] < 4) {
                        base += stride[a];
                        break;
                    }
                    digit[a] = 0;
                    base -= 3 * stride[a];
                }
            }
            for (int a = last - 1; a >= 0; a--) {
                count >>= 2;
                final int ia = wk.ival[a];
                final double xa = wk.y[a];
                for (int q = 0; q < count; q++) {
                    int src = q << 2;
                    tmp[q] = pchipLocal(a, ia, xa, tmp[src], tmp[src + 1], tmp[src + 2], tmp[src + 3]);
                }
            }
            return tmp[0];
        }

        /**
         * scipy's {@code PchipInterpolator(g_a, line)(x)} for a line whose data at nodes
         * {@code lw .. lw + 3} ({@code lw = clamp(i - 1, 0, n - 4)}) are {@code u0 .. u3}, with {@code x} in
         * (or extrapolated from) interval {@code i}: the slopes at nodes {@code i} and {@code i + 1}
         * (Fritsch-Butland interior, one-sided three-point ends), the Hermite cubic's power-basis
         * coefficients as scipy's {@code CubicHermiteSpline}, and {@code PPoly}'s evaluation
         * {@code c3 + c2 s + c1 s^2 + c0 s^3} with the powers formed by repeated multiplication.
         */
        private double pchipLocal(int a, int i, double x, double u0, double u1, double u2, double u3) {
            final double[] g = grid[a];
            final int n = shape[a];
            final int lw = Math.max(0, Math.min(i - 1, n - 4));
            // local node r = lw + r; secants m_r between nodes lw + r and lw + r + 1
            double h0 = g[lw + 1] - g[lw];
            double h1 = g[lw + 2] - g[lw + 1];
            double h2 = g[lw + 3] - g[lw + 2];
            double m0 = (u1 - u0) / h0;
            double m1 = (u2 - u1) / h1;
            double m2 = (u3 - u2) / h2;
            int r = i - lw; // local index of the interval: 0, 1 or 2
            double sL = slopeAt(i, n, r, h0, h1, h2, m0, m1, m2);
            double sR = slopeAt(i + 1, n, r + 1, h0, h1, h2, m0, m1, m2);
            double yL;
            double yR;
            double h;
            if (r == 0) {
                yL = u0;
                yR = u1;
                h = h0;
            } else if (r == 1) {
                yL = u1;
                yR = u2;
                h = h1;
            } else {
                yL = u2;
                yR = u3;
                h = h2;
            }
            double slope = (yR - yL) / h;
            double t = (sL + sR - 2 * slope) / h;
            double c0 = t / h;
            double c1 = (slope - sL) / h - t;
            double s = x - g[i];
            double res = 0.0;
            double z = 1.0;
            res = res + yL * z;
            z *= s;
            res = res + sL * z;
            z *= s;
            res = res + c1 * z;
            z *= s;
            res = res + c0 * z;
            return res;
        }

        /** The PCHIP slope at global node {@code j} (local node {@code r} in the 4-node window). */
        private static double slopeAt(int j, int n, int r, double h0, double h1, double h2, double m0, double m1,
                                      double m2) {
            if (j == 0) {
                return edge(h0, h1, m0, m1);
            }
            if (j == n - 1) {
                // the window ends at the last node: local nodes 0..3 = n-4..n-1, r == 3
                return edge(h2, h1, m2, m1);
            }
            // interior: secants r-1 and r of the window
            if (r == 1) {
                return interior(h0, h1, m0, m1);
            }
            return interior(h1, h2, m1, m2);
        }

        /** scipy's interior PCHIP slope from the secants left ({@code hl, ml}) and right ({@code hr, mr}). */
        private static double interior(double hl, double hr, double ml, double mr) {
            if (Math.signum(mr) != Math.signum(ml) || mr == 0 || ml == 0) {
                return 0.0;
            }
            double w1 = 2 * hr + hl;
            double w2 = hr + 2 * hl;
            double whmean = (w1 / ml + w2 / mr) / (w1 + w2);
            return 1.0 / whmean;
        }

        /** scipy's {@code PchipInterpolator._edge_case}. */
        private static double edge(double h0, double h1, double m0, double m1) {
            double dd = ((2 * h0 + h1) * m0 - h0 * m1) / (h0 + h1);
            double s0 = Math.signum(m0);
            if (Math.signum(dd) != s0) {
                return 0.0;
            }
            if (s0 != Math.signum(m1) && Math.abs(dd) > 3. * Math.abs(m0)) {
                return 3. * m0;
            }
            return dd;
        }
    }

    // ------------------------------------------------------------------------------------------------
    // spline construction: per-axis collocation matrices, factored once, applied along the axis
    // ------------------------------------------------------------------------------------------------

    /**
     * The collocation matrix {@code A[r][j] = B_j(x_r)} of the not-a-knot spline of degree {@code k} on
     * axis {@code axis}, in band storage, LU-factored. The rows are evaluated as scipy's design matrix
     * ({@code x_r} in interval {@code l} with {@code t[l] <= x_r < t[l + 1]}, the last point in the last
     * interval).
     */
    private static BandFactor collocation(double[] x, double[] t, int k, IntervalIndex knotIndex, int axis) {
        int n = x.length;
        int[] left = new int[n];
        int kl = 0;
        int ku = 0;
        for (int r = 0; r < n; r++) {
            int l = k + knotIndex.find(x[r]);
            left[r] = l;
            kl = Math.max(kl, r - (l - k));
            ku = Math.max(ku, l - r);
        }
        int w = 2 * kl + ku + 1;
        double[] ab = new double[Validation.checkedSize("collocation matrix", n, w)];
        double[] h = new double[k + 1];
        for (int r = 0; r < n; r++) {
            int l = left[r];
            SplineCore.basis(t, k, x[r], l, h);
            int rowBase = r * w + kl - r;
            for (int b = 0; b <= k; b++) {
                ab[rowBase + l - k + b] = h[b];
            }
        }
        try {
            return new BandFactor(n, kl, ku, ab);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("The collocation matrix of dimension " + axis + " is singular ("
                    + e.getMessage() + ")", e);
        }
    }

    /** Lines per block in {@link #solveAlongAxis}: the block of {@code n * lines} doubles stays in L1/L2. */
    private static int blockLines(int n) {
        return Math.max(1, Math.min(64, 8192 / n));
    }

    /**
     * Applies {@code A^-1} along axis {@code a} of the row-major tensor {@code c}: every line
     * {@code c[p, :, q]} (p over the axes before, q over the axes after) is replaced by the solution of
     * {@code A z = line}. Lines are gathered in blocks into a contiguous {@code n x lines} scratch array,
     * solved as many right-hand sides at once, and scattered back; blocks run in parallel.
     */
    private static void solveAlongAxis(double[] c, BandFactor f, int[] shape, int[] stride, int a) {
        final int n = shape[a];
        final int post = stride[a];
        final int lineCount = c.length / n;
        // forRange over elements (n per line) so that the parallel threshold counts work, not lines
        ParallelEvaluation.forRange(c.length, (from, to) -> {
            int l0 = (from + n - 1) / n;
            int l1 = (to + n - 1) / n;
            if (l1 > lineCount) {
                l1 = lineCount;
            }
            if (l0 >= l1) {
                return;
            }
            final int bl = blockLines(n);
            double[] blk = new double[n * bl];
            int[] base = new int[bl];
            for (int start = l0; start < l1; start += bl) {
                int m = Math.min(bl, l1 - start);
                for (int b = 0; b < m; b++) {
                    int line = start + b;
                    int p = line / post;
                    int q = line - p * post;
                    base[b] = p * n * post + q;
                }
                for (int i = 0; i < n; i++) {
                    int ro = i * m;
                    int co = i * post;
                    for (int b = 0; b < m; b++) {
                        blk[ro + b] = c[base[b] + co];
                    }
                }
                f.solve(blk, m);
                for (int i = 0; i < n; i++) {
                    int ro = i * m;
                    int co = i * post;
                    for (int b = 0; b < m; b++) {
                        c[base[b] + co] = blk[ro + b];
                    }
                }
            }
        });
    }

    /**
     * A banded LU factorisation with partial pivoting (LAPACK {@code dgbtrf}'s algorithm) that keeps its
     * multipliers and pivots, so that one factorisation serves any number of right-hand sides
     * ({@code dgbtrs}). Band storage as {@link io.github.interp4j.interpolate.internal.linalg.BandedLU}: row
     * {@code i} holds columns {@code i - kl .. i + kl + ku} at {@code ab[i * w + (j - i + kl)]}.
     */
    private static final class BandFactor {
        final int n;
        final int kl;
        final int kv;
        final int w;
        final double[] u;
        final double[] lmul;
        final int[] piv;

        BandFactor(int n, int kl, int ku, double[] ab) {
            this.n = n;
            this.kl = kl;
            this.kv = kl + ku;
            this.w = 2 * kl + ku + 1;
            this.lmul = new double[Math.max(1, n * kl)];
            this.piv = new int[n];
            int ju = 0;
            for (int i = 0; i < n; i++) {
                final int rowsBelow = Math.min(kl, n - 1 - i);
                final int di = i * w + kl;
                int p = i;
                double best = Math.abs(ab[di]);
                for (int r = 1; r <= rowsBelow; r++) {
                    double v = Math.abs(ab[(i + r) * w + kl - r]);
                    if (v > best) {
                        best = v;
                        p = i + r;
                    }
                }
                if (ab[p * w + (i - p + kl)] == 0.0) {
                    throw new ArithmeticException("zero pivot in column " + i);
                }
                piv[i] = p;
                ju = Math.max(ju, Math.min(p + ku, n - 1));
                final int span = ju - i;
                if (p != i) {
                    final int dp = p * w + (i - p + kl);
                    for (int j = 0; j <= span; j++) {
                        double tmp = ab[di + j];
                        ab[di + j] = ab[dp + j];
                        ab[dp + j] = tmp;
                    }
                }
                final double pivot = ab[di];
                for (int r = 1; r <= rowsBelow; r++) {
                    final int dr = (i + r) * w + kl - r;
                    final double f = ab[dr] / pivot;
                    lmul[i * kl + r - 1] = f;
                    if (f == 0.0) {
                        continue;
                    }
                    ab[dr] = 0.0;
                    for (int j = 1; j <= span; j++) {
                        ab[dr + j] -= f * ab[di + j];
                    }
                }
            }
            this.u = ab;
        }

        /**
         * Solves {@code A X = B} in place for {@code m} right-hand sides stored row-major ({@code b[i * m + c]}).
         * O(n (kl + kv) m).
         */
        void solve(double[] b, int m) {
            for (int i = 0; i < n; i++) {
                final int p = piv[i];
                final int ri = i * m;
                if (p != i) {
                    final int rp = p * m;
                    for (int c = 0; c < m; c++) {
                        double tmp = b[ri + c];
                        b[ri + c] = b[rp + c];
                        b[rp + c] = tmp;
                    }
                }
                final int rowsBelow = Math.min(kl, n - 1 - i);
                for (int r = 1; r <= rowsBelow; r++) {
                    final double f = lmul[i * kl + r - 1];
                    if (f == 0.0) {
                        continue;
                    }
                    final int rr = (i + r) * m;
                    for (int c = 0; c < m; c++) {
                        b[rr + c] -= f * b[ri + c];
                    }
                }
            }
            for (int i = n - 1; i >= 0; i--) {
                final int di = i * w + kl;
                final int jmax = Math.min(kv, n - 1 - i);
                final int ri = i * m;
                for (int j = 1; j <= jmax; j++) {
                    final double uij = u[di + j];
                    if (uij == 0.0) {
                        continue;
                    }
                    final int rj = (i + j) * m;
                    for (int c = 0; c < m; c++) {
                        b[ri + c] -= uij * b[rj + c];
                    }
                }
                final double piv = u[di];
                for (int c = 0; c < m; c++) {
                    b[ri + c] /= piv;
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Object, serialisation
    // ------------------------------------------------------------------------------------------------

    @Override
    public String toString() {
        return "RegularGridInterpolator[method=" + method.scipyName() + ", shape=" + Arrays.toString(core.shape)
                + ", outOfRange=" + mode + "]";
    }

    /**
     * Serialises through a proxy holding the ascending grid, the values, the method and the mode.
     *
     * @return the proxy
     */
    private Object writeReplace() {
        return new SerializedForm(grid(), core.values, method, mode);
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
        private final double[][] grid;
        private final double[] values;
        private final Method method;
        private final OutOfRange mode;

        SerializedForm(double[][] grid, double[] values, Method method, OutOfRange mode) {
            this.grid = grid;
            this.values = values;
            this.method = method;
            this.mode = mode;
        }

        private Object readResolve() throws ObjectStreamException {
            try {
                return new RegularGridInterpolator(grid, values, method).withOutOfRange(Objects.requireNonNull(mode,
                        "mode"));
            } catch (RuntimeException e) {
                InvalidObjectException ex = new InvalidObjectException("invalid RegularGridInterpolator data: "
                        + e.getMessage());
                ex.initCause(e);
                throw ex;
            }
        }
    }
}
