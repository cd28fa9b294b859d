package io.github.interp4j.interpolate;

import io.github.interp4j.interpolate.internal.rbf.RbfEvaluation;
import io.github.interp4j.interpolate.internal.rbf.RbfKernel;
import io.github.interp4j.interpolate.internal.rbf.RbfModel;
import io.github.interp4j.interpolate.internal.rbf.RbfMonomials;
import io.github.interp4j.interpolate.internal.rbf.RbfSolver;
import io.github.interp4j.interpolate.internal.rbf.RbfValidation;
import io.github.interp4j.interpolate.internal.validation.QueryBatch;
import io.github.interp4j.interpolate.internal.validation.SerialProxies;
import io.github.interp4j.interpolate.internal.validation.Validation;
import io.github.interp4j.nativeconfig.NativeConfig;
import org.bytedeco.javacpp.Pointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Radial basis function interpolation in N &ge; 1 dimensions, exactly scipy's
 * {@code scipy.interpolate.RBFInterpolator(y, d, neighbors, smoothing, kernel, epsilon, degree)}
 * (scipy 1.17).
 *
 * <p>The interpolant of the data values {@code d} at the points {@code y_1 .. y_n} is
 * <pre>
 *   f(x) = sum_j a_j phi(epsilon |x - y_j|) + sum_t b_t p_t(xhat),   xhat = (x - shift) / scale
 * </pre>
 * where {@code phi} is the {@link Kernel}, {@code p_t} the monomials of total degree at most
 * {@code degree} (in scipy's order) of the coordinates shifted to the midpoint and scaled by the half
 * range of the data in each dimension (scale 1 where the range is 0), and the coefficients solve
 * <pre>
 *   (K + diag(smoothing)) a + P b = d,     P^T a = 0,
 *   K[i][j] = phi(epsilon |y_i - y_j|),    P[i][t] = p_t(yhat_i).
 * </pre>
 * With zero smoothing the interpolant reproduces the data; with large smoothing it approaches the
 * least-squares polynomial of the given degree. The system is uniquely solvable when the points are
 * distinct (for zero smoothing), {@code P} has full column rank, and the degree is at least the kernel's
 * {@linkplain Kernel#minDegree() minimum}.
 *
 * <h2>Solver</h2>
 * The saddle-point system is solved by LAPACK (OpenBLAS, through {@code NativeConfig}): for a positive
 * definite kernel, or a conditionally positive definite one with a sufficient degree, by the null-space
 * method (QR of {@code P}, Cholesky of {@code K + S} projected onto the null space of {@code P^T}); if
 * that factorisation fails numerically, if {@code P} is rank-deficient, or if the degree is below the
 * kernel's minimum, by LU with partial pivoting of the full system, as scipy. Results agree with scipy
 * to about its own rounding (the agreement tests use scipy's disagreement with itself on the same points
 * in another order as the yardstick).
 *
 * <h2>Local interpolation</h2>
 * With {@link Builder#neighbors(int) neighbors(k)}, the value at each query is that of the interpolant
 * fitted to its {@code min(k, n)} nearest data points (k-d tree, Euclidean distance), as scipy; queries
 * with the same neighbour set share one fit. Fitting then happens at evaluation time.
 *
 * <h2>Complexity</h2>
 * Fit: O(n^2) kernel evaluations and memory ({@code (n + r)^2} doubles off-heap, checked against the
 * container memory limit before allocating) and O(n^3) flops for the factorisation. Evaluation: O(n)
 * per query and value column (O(q n) for q queries), parallel within the CPU budget. Local mode:
 * O(n log n) construction, O(log n + k^3) per query (less when queries share neighbourhoods).
 *
 * <h2>Queries</h2>
 * A query with a NaN or infinite coordinate gives NaN (scipy propagates NaN through the arithmetic).
 * Batch results equal point results bit for bit (one value column), however the batch is split
 * between threads.
 *
 * <h2>Serialisation</h2>
 * Serializable (for example to broadcast an interpolant to cluster workers): the stream holds the
 * validated inputs (points, values, kernel, epsilon, degree, per-point smoothing, neighbors, memory
 * budget), never native memory; reading it back refits through the validating builder, O(n^3) as the
 * original fit. The refitted interpolant gives bit-for-bit the same values on the same platform (the same
 * BLAS build and thread count); elsewhere, the same to rounding.
 *
 * <p>Thread-safety: immutable (inputs are copied); evaluate from any number of threads.
 *
 * <p>Differences from scipy: the per-point API takes one value column ({@link #value(double...)},
 * {@link #values(double[][])}) or several ({@link #valueColumns(double...)},
 * {@link #valuesColumns(double[][])}) instead of numpy's trailing value shape; complex values are not
 * supported; negative smoothing and a non-positive epsilon are rejected (scipy accepts them);
 * duplicate points with zero smoothing and a rank-deficient polynomial matrix are reported by an
 * exception before the factorisation; among data points at exactly the same distance from a query the
 * {@code neighbors} search prefers the lower index (scipy's KDTree follows its traversal order).
 *
 * @see <a href="https://docs.scipy.org/doc/scipy/reference/generated/scipy.interpolate.RBFInterpolator.html">scipy.interpolate.RBFInterpolator</a>
 */
public final class RBFInterpolator implements InterpolantND {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RBFInterpolator.class);
    private static final String NAME = "RBFInterpolator";

    /** The default evaluation memory budget, 64 MiB. */
    public static final long DEFAULT_MEMORY_BUDGET_BYTES = 64L << 20;

    /**
     * The radial basis functions of scipy, with {@code r = epsilon * distance} and scipy's signs (chosen
     * so that the conditionally positive definite kernels are positive definite on the null space of the
     * polynomial constraints).
     */
    public enum Kernel {
        /** {@code -r}; conditionally positive definite of order 1, minimum degree 0; scale invariant. */
        LINEAR(RbfKernel.LINEAR, 0, true),
        /** {@code r^2 log r} (0 at r = 0); order 2, minimum degree 1; scale invariant. The default. */
        THIN_PLATE_SPLINE(RbfKernel.THIN_PLATE_SPLINE, 1, true),
        /** {@code r^3}; order 2, minimum degree 1; scale invariant. */
        CUBIC(RbfKernel.CUBIC, 1, true),
        /** {@code -r^5}; order 3, minimum degree 2; scale invariant. */
        QUINTIC(RbfKernel.QUINTIC, 2, true),
        /** {@code -sqrt(1 + r^2)}; order 1, minimum degree 0; needs epsilon. */
        MULTIQUADRIC(RbfKernel.MULTIQUADRIC, 0, false),
        /** {@code 1 / sqrt(1 + r^2)}; positive definite; needs epsilon. */
        INVERSE_MULTIQUADRIC(RbfKernel.INVERSE_MULTIQUADRIC, -1, false),
        /** {@code 1 / (1 + r^2)}; positive definite; needs epsilon. */
        INVERSE_QUADRATIC(RbfKernel.INVERSE_QUADRATIC, -1, false),
        /** {@code exp(-r^2)}; positive definite; needs epsilon. */
        GAUSSIAN(RbfKernel.GAUSSIAN, -1, false);

        private final RbfKernel impl;
        private final int minDegree;
        private final boolean scaleInvariant;

        Kernel(RbfKernel impl, int minDegree, boolean scaleInvariant) {
            this.impl = impl;
            this.minDegree = minDegree;
            this.scaleInvariant = scaleInvariant;
        }

        /**
         * The kernel's value (as the interpolant evaluates it).
         *
         * @param r the scaled distance {@code epsilon * |x - y|}, at least 0
         * @return {@code phi(r)}
         */
        public double apply(double r) {
            return impl.phi(r * r);
        }

        /**
         * @return the smallest polynomial degree for which the interpolation problem is well posed
         *         (scipy's {@code _NAME_TO_MIN_DEGREE}; Fasshauer, ch. 8), -1 for the positive definite kernels
         */
        public int minDegree() {
            return minDegree;
        }

        /** @return whether epsilon may be omitted (it then defaults to 1, and only rescales the smoothing) */
        public boolean scaleInvariant() {
            return scaleInvariant;
        }

        /** @return scipy's name, e.g. {@code "thin_plate_spline"} */
        public String scipyName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    // Every field is transient: instances are written as their SerializedForm (writeReplace).
    private final transient Kernel kernel;
    private final transient double epsilon;
    private final transient int degree;
    private final transient int dim;
    private final transient int size;
    private final transient int columns;
    private final transient int neighbors;
    private final transient long memoryBudget;
    private final transient double[] smoothing;
    /** The data points, row-major {@code size x dim} (kept for serialisation). */
    private final transient double[] points;
    /** The data values, row-major {@code size x columns} (kept for serialisation). */
    private final transient double[] data;
    /** The global model, or null in local mode. */
    private final transient RbfModel model;
    private final transient boolean cholesky;
    /** The local data, or null in global mode. */
    private final transient RbfEvaluation.Local local;

    /**
     * The interpolant with scipy's defaults: thin-plate spline, epsilon 1, no smoothing, degree 1.
     * O(n^3).
     *
     * @param points the data points, {@code points[i]} the coordinates of point i ({@code n >= 1} rows of
     *               the same length {@code d >= 1}, finite, distinct; copied)
     * @param values the data values, one per point, finite (copied)
     * @throws NullPointerException     if an argument or a row is null
     * @throws IllegalArgumentException as {@link Builder#build()}
     */
    public RBFInterpolator(double[][] points, double[] values) {
        this(builder(points, values).validate());
    }

    private RBFInterpolator(Builder b) {
        this.kernel = b.kernel;
        this.dim = b.dim;
        this.size = b.n;
        this.columns = b.m;
        double eps;
        if (b.epsilon == null) {
            if (!kernel.scaleInvariant()) {
                throw new IllegalArgumentException("epsilon must be specified if the kernel is not one of "
                        + "[linear, thin_plate_spline, cubic, quintic]; kernel is " + kernel.scipyName());
            }
            eps = 1.0;
        } else {
            eps = b.epsilon;
        }
        this.epsilon = eps;
        int minDegree = kernel.minDegree();
        int deg = b.degree == null ? Math.max(minDegree, 0) : b.degree;
        if (b.degree != null && -1 < deg && deg < minDegree) {
            LOG.warn("RBFInterpolator: degree should not be below {} except -1 when kernel is '{}'. The interpolant "
                    + "may not be uniquely solvable, and the smoothing parameter may have an unintuitive effect.",
                    minDegree, kernel.scipyName());
        }
        this.degree = deg;
        int n = b.n;
        double[] smooth;
        if (b.smoothingPerPoint != null) {
            RbfValidation.requireNonNegative("smoothing", b.smoothingPerPoint, "points", n);
            smooth = b.smoothingPerPoint.clone();
        } else {
            smooth = new double[n];
            Arrays.fill(smooth, b.smoothing);
        }
        this.smoothing = smooth;
        int k = b.neighbors == null ? 0 : Math.min(b.neighbors, n);
        this.neighbors = k;
        int nobs = k == 0 ? n : k;
        int r = RbfMonomials.count(dim, deg);
        if (r > nobs) {
            throw new IllegalArgumentException("At least " + r + " data points are required when degree is " + deg
                    + " and the number of dimensions is " + dim + "; got "
                    + (k == 0 ? n + " data points" : "neighbors = " + k));
        }
        long budget = b.memoryBudget;
        OptionalLong limit = NativeConfig.memoryLimit().bytes();
        if (limit.isPresent()) {
            budget = Math.min(budget, limit.getAsLong());
        }
        this.memoryBudget = budget;
        if (k == 0) {
            checkFitMemory(n, r, b.m);
        }
        // Copy the data (validated) into flat arrays.
        double[] pts = new double[Validation.checkedSize(NAME + " points", n, dim)];
        for (int i = 0; i < n; i++) {
            System.arraycopy(b.points[i], 0, pts, i * dim, dim);
        }
        double[] vals = new double[Validation.checkedSize(NAME + " values", n, b.m)];
        if (b.values1 != null) {
            System.arraycopy(b.values1, 0, vals, 0, n);
        } else {
            for (int i = 0; i < n; i++) {
                System.arraycopy(b.valuesM[i], 0, vals, i * b.m, b.m);
            }
        }
        if (k != 1) {
            int[] dup = RbfValidation.findZeroSmoothingDuplicate(pts, n, dim, smooth);
            if (dup != null) {
                throw new IllegalArgumentException("duplicate points with zero smoothing: points[" + dup[0]
                        + "] and points[" + dup[1] + "] are both " + Arrays.toString(b.points[dup[0]])
                        + " (the interpolation system is singular; remove one or give them positive smoothing)");
            }
        }
        this.points = pts;
        this.data = vals;
        int[] powers = RbfMonomials.powers(dim, deg);
        boolean choleskyAllowed = deg >= minDegree;
        if (k == 0) {
            RbfSolver.Result res = RbfSolver.solve(kernel.impl, eps, powers, choleskyAllowed, pts, n, dim, vals, b.m,
                    smooth, true);
            this.model = res.model;
            this.cholesky = res.method == RbfSolver.Method.CHOLESKY;
            this.local = null;
            LOG.debug("RBFInterpolator: fitted {} points in {}-D, kernel {}, degree {}, by {}", n, dim,
                    kernel.scipyName(), deg, res.method);
        } else {
            this.model = null;
            this.cholesky = false;
            this.local = new RbfEvaluation.Local(kernel.impl, eps, powers, choleskyAllowed, pts, n, dim, vals, b.m,
                    smooth, k);
        }
    }

    /** Checks the native memory of the fit fits the container limit and JavaCPP's limit, before allocating. */
    private static void checkFitMemory(int n, int r, int m) {
        long need = RbfSolver.estimateBytes(n, r, m);
        long available = Long.MAX_VALUE;
        String source = null;
        OptionalLong limit = NativeConfig.memoryLimit().bytes();
        Runtime rt = Runtime.getRuntime();
        long heapInUse = rt.totalMemory();
        if (limit.isPresent()) {
            available = limit.getAsLong() - heapInUse;
            source = "the container memory limit of " + limit.getAsLong() + " bytes minus " + heapInUse
                    + " bytes of committed Java heap";
        } else {
            OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
            if (os instanceof com.sun.management.OperatingSystemMXBean) {
                long total = ((com.sun.management.OperatingSystemMXBean) os).getTotalMemorySize();
                if (total > 0) {
                    available = total - heapInUse;
                    source = "the physical memory of " + total + " bytes minus " + heapInUse
                            + " bytes of committed Java heap";
                }
            }
        }
        long javacppMax = Pointer.maxBytes();
        if (javacppMax > 0) {
            long javacppFree = javacppMax - Pointer.totalBytes();
            if (javacppFree < available) {
                available = javacppFree;
                source = "JavaCPP's native allocation limit org.bytedeco.javacpp.maxBytes = " + javacppMax
                        + " bytes (default: the maximum heap; raise it with -Dorg.bytedeco.javacpp.maxBytes)"
                        + " minus " + Pointer.totalBytes() + " bytes in use";
            }
        }
        if (need > available) {
            throw new IllegalArgumentException(NAME + " with " + n + " points and " + r + " monomials needs a "
                    + (n + (long) r) + " x " + (n + (long) r) + " system: about " + need + " bytes of native memory, "
                    + "more than the " + Math.max(available, 0) + " bytes available (" + source + "). Use "
                    + "neighbors(k) for a local interpolant, or fewer points.");
        }
    }

    /**
     * A builder for one value column.
     *
     * @param points the data points ({@code points[n][d]}, copied at {@link Builder#build()})
     * @param values one value per point
     * @return the builder, with scipy's defaults
     * @throws NullPointerException if an argument is null
     */
    public static Builder builder(double[][] points, double[] values) {
        Validation.requireNonNull(points, "points");
        Validation.requireNonNull(values, "values");
        return new Builder(points, values, null);
    }

    /**
     * A builder for several value columns, {@code values[i][c]} the value of column c at point i (scipy's
     * {@code d} of shape {@code (n, m)}); evaluate with {@link #valuesColumns(double[][])}.
     *
     * @param points the data points ({@code points[n][d]})
     * @param values {@code values[n][m]}, {@code m >= 1}
     * @return the builder, with scipy's defaults
     * @throws NullPointerException if an argument is null
     */
    public static Builder builder(double[][] points, double[][] values) {
        Validation.requireNonNull(points, "points");
        Validation.requireNonNull(values, "values");
        return new Builder(points, null, values);
    }

    /**
     * Options of an {@link RBFInterpolator}, with scipy's defaults: kernel {@link Kernel#THIN_PLATE_SPLINE},
     * epsilon 1 (required for the kernels that are not scale invariant), smoothing 0, degree the kernel's
     * minimum (at least 0), all points (no neighbors), evaluation memory budget
     * {@link #DEFAULT_MEMORY_BUDGET_BYTES}.
     *
     * <p>Thread-safety: not thread-safe; use from one thread.
     */
    public static final class Builder {
        private final double[][] points;
        private final double[] values1;
        private final double[][] valuesM;
        private Kernel kernel = Kernel.THIN_PLATE_SPLINE;
        private Double epsilon;
        private double smoothing;
        private double[] smoothingPerPoint;
        private Integer degree;
        private Integer neighbors;
        private long memoryBudget = DEFAULT_MEMORY_BUDGET_BYTES;
        private int n;
        private int dim;
        private int m;

        private Builder(double[][] points, double[] values1, double[][] valuesM) {
            this.points = points;
            this.values1 = values1;
            this.valuesM = valuesM;
        }

        /**
         * @param k the kernel (default thin-plate spline)
         * @return this
         * @throws NullPointerException if {@code k} is null
         */
        public Builder kernel(Kernel k) {
            this.kernel = Objects.requireNonNull(k, "kernel");
            return this;
        }

        /**
         * @param e the shape parameter, finite and positive; scales distances ({@code r = e |x - y|})
         * @return this
         * @throws IllegalArgumentException if {@code e} is not finite or not positive
         */
        public Builder epsilon(double e) {
            if (!(e > 0.0) || Double.isInfinite(e)) {
                throw new IllegalArgumentException("epsilon must be finite and positive, was " + e);
            }
            this.epsilon = e;
            return this;
        }

        /**
         * @param s the smoothing of every point, finite and at least 0 (default 0: interpolation)
         * @return this
         * @throws IllegalArgumentException if {@code s} is negative or not finite
         */
        public Builder smoothing(double s) {
            if (!(s >= 0.0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("smoothing must be finite and at least 0, was " + s);
            }
            this.smoothing = s;
            this.smoothingPerPoint = null;
            return this;
        }

        /**
         * @param s the smoothing per point, one per point, finite and at least 0 (checked at {@link #build()};
         *          copied then)
         * @return this
         * @throws NullPointerException if {@code s} is null
         */
        public Builder smoothing(double[] s) {
            this.smoothingPerPoint = Objects.requireNonNull(s, "smoothing");
            return this;
        }

        /**
         * @param d the polynomial degree, -1 for none (default: the kernel's minimum degree, at least 0).
         *          Below the kernel's minimum (other than -1) a WARN is logged, as scipy warns.
         * @return this
         * @throws IllegalArgumentException if {@code d < -1}
         */
        public Builder degree(int d) {
            if (d < -1) {
                throw new IllegalArgumentException("degree must be at least -1, was " + d);
            }
            this.degree = d;
            return this;
        }

        /**
         * @param k evaluate each query with the interpolant of its k nearest data points (at least 1;
         *          values above n mean all points)
         * @return this
         * @throws IllegalArgumentException if {@code k < 1}
         */
        public Builder neighbors(int k) {
            if (k < 1) {
                throw new IllegalArgumentException("neighbors must be at least 1, was " + k);
            }
            this.neighbors = k;
            return this;
        }

        /**
         * @param bytes the memory for evaluation blocks, all threads together (default 64 MiB; capped at
         *              the container memory limit). Only chunking changes; results do not.
         * @return this
         * @throws IllegalArgumentException if {@code bytes < 1}
         */
        public Builder memoryBudgetBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("memoryBudgetBytes must be at least 1, was " + bytes);
            }
            this.memoryBudget = bytes;
            return this;
        }

        /**
         * Validates and fits. Checks, in order, before any allocation or native call: points (non-empty,
         * rectangular, finite), values (same number of rows, finite, at least one column), smoothing (one per
         * point, finite, at least 0), epsilon (required unless the kernel is scale invariant), the number of
         * points against the number of monomials, and the native memory of the system against the container
         * memory limit (or physical memory) and JavaCPP's limit; then duplicate points with zero smoothing.
         * O(n^3) (global), O(n log n) (neighbors).
         *
         * @return the interpolator
         * @throws NullPointerException     if a row of points or values is null
         * @throws IllegalArgumentException if the points are empty, ragged or not finite ({@code "points[4][1] =
         *                                  NaN is not finite"}); the values have another number of rows, no
         *                                  columns or a non-finite element; a smoothing is negative or not
         *                                  finite or the per-point array has another length; epsilon is missing
         *                                  for a kernel that needs it; there are fewer points (or neighbors) than
         *                                  monomials ({@code "At least 3 data points are required when degree is 1
         *                                  and the number of dimensions is 2; got 2 data points"}); the system
         *                                  needs more memory than is available (naming both numbers); two points
         *                                  are equal and both have zero smoothing (naming both indices); or the
         *                                  system is singular (scipy's {@code "Singular matrix."}, naming the rank
         *                                  of the monomial matrix when it is deficient)
         * @throws IllegalStateException    if OpenBLAS cannot be loaded or native memory cannot be allocated
         * @throws ArithmeticException      before any LAPACK call, if a kernel matrix entry overflows (coordinates
         *                                  times epsilon too far apart; the message names both points) or a
         *                                  right-hand side does (names the value column); after the solve, if a
         *                                  coefficient, or the bound on any value inside the data's box, is beyond
         *                                  the double range (values near {@link Double#MAX_VALUE}; values of
         *                                  magnitude 2^512 and above are solved scaled by a power of two, exactly)
         */
        public RBFInterpolator build() {
            return new RBFInterpolator(validate());
        }

        private Builder validate() {
            dim = RbfValidation.requirePoints("points", points);
            n = points.length;
            if (values1 != null) {
                RbfValidation.requireValues("values", values1, "points", n);
                m = 1;
            } else {
                m = RbfValidation.requireValueColumns("values", valuesM, "points", n);
            }
            return this;
        }
    }

    /**
     * The interpolant at one point (one value column). O(n), or a local fit O(k^3) with neighbors.
     *
     * @param point the coordinates, {@link #dimension()} of them (NaN or infinite gives NaN)
     * @return the value
     * @throws NullPointerException     if {@code point} is null
     * @throws IllegalArgumentException if {@code point} has another length
     * @throws IllegalStateException    if the interpolator has several value columns (use {@link #valueColumns})
     */
    @Override
    public double value(double... point) {
        requireOneColumn();
        RbfValidation.requireQuery("point", point, dim);
        if (model != null) {
            return model.value(point, 0, new RbfModel.Scratch(model));
        }
        return RbfEvaluation.local(local, QueryBatch.ofRows(new double[][] {point}, dim), memoryBudget)[0];
    }

    /**
     * The interpolant at many points (one value column), in parallel within the CPU budget. Equal bit for
     * bit to {@link #value(double...)} at each point. O(q n).
     *
     * @param points the query points, {@code points[i]} of {@link #dimension()} coordinates
     * @return the values
     * @throws NullPointerException     if {@code points} or a row is null
     * @throws IllegalArgumentException if a row has another length
     * @throws IllegalStateException    if the interpolator has several value columns
     */
    @Override
    public double[] values(double[][] points) {
        requireOneColumn();
        RbfValidation.requireQueries("points", points, dim);
        return columns(QueryBatch.ofRows(points, dim));
    }

    /**
     * As {@link #values(double[][])} for points given as one flat row-major array ({@code q * d}
     * coordinates, point {@code i} at {@code [i * d, i * d + d)}); the same values bit for bit. O(q n).
     *
     * @param flatRowMajor the coordinates (not modified)
     * @return the {@code q} values
     * @throws NullPointerException     if {@code flatRowMajor} is null
     * @throws IllegalArgumentException if its length is not a multiple of {@link #dimension()}
     * @throws IllegalStateException    if the interpolator has several value columns
     */
    @Override
    public double[] values(double[] flatRowMajor) {
        QueryBatch q = QueryBatch.ofFlat("flatRowMajor", flatRowMajor, dim, NAME);
        requireOneColumn();
        return columns(q);
    }

    /**
     * Every value column at one point.
     *
     * @param point the coordinates
     * @return a new array of {@link #columns()} values
     * @throws NullPointerException     if {@code point} is null
     * @throws IllegalArgumentException if {@code point} has another length
     */
    @Override
    public double[] valueColumns(double... point) {
        RbfValidation.requireQuery("point", point, dim);
        if (model != null) {
            double[] out = new double[columns];
            RbfModel.Scratch s = new RbfModel.Scratch(model);
            if (columns == 1) {
                out[0] = model.value(point, 0, s);
            } else {
                model.values(point, 0, out, 0, s);
            }
            return out;
        }
        return RbfEvaluation.local(local, QueryBatch.ofRows(new double[][] {point}, dim), memoryBudget);
    }

    /**
     * Every value column at many points (scipy's result of shape {@code (q, m)}), in parallel within the
     * CPU budget and in chunks within the memory budget. With few columns each query is one fused pass
     * over the centres, bit for bit {@link #valueColumns(double...)}; with
     * {@link RbfEvaluation#GEMM_MIN_COLUMNS} or more, evaluation rows are multiplied by the coefficients
     * with BLAS {@code dgemm} (equal to {@link #valueColumns(double...)} to rounding). O(q n m).
     *
     * @param points the query points
     * @return {@code out[i][c]}, column c at {@code points[i]}
     * @throws NullPointerException     if {@code points} or a row is null
     * @throws IllegalArgumentException if a row has another length
     */
    @Override
    public double[][] valuesColumns(double[][] points) {
        RbfValidation.requireQueries("points", points, dim);
        double[] flat = columns(QueryBatch.ofRows(points, dim));
        double[][] out = new double[points.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = Arrays.copyOfRange(flat, i * columns, i * columns + columns);
        }
        return out;
    }

    /**
     * Every value column at many points given as one flat row-major array, into one flat row-major array
     * {@code out[i * m + c]}; the same values as {@link #valuesColumns(double[][])} bit for bit. O(q n m).
     *
     * @param flatRowMajor {@code q * d} coordinates (not modified)
     * @return a new array of {@code q * columns()} values
     * @throws NullPointerException     if {@code flatRowMajor} is null
     * @throws IllegalArgumentException if its length is not a multiple of {@link #dimension()}
     */
    @Override
    public double[] valuesColumns(double[] flatRowMajor) {
        return columns(QueryBatch.ofFlat("flatRowMajor", flatRowMajor, dim, NAME));
    }

    /** Every column at every query, {@code out[i * m + c]}: the one batch path of every evaluation method. */
    private double[] columns(QueryBatch q) {
        if (model != null) {
            return RbfEvaluation.columns(model, q, memoryBudget, RbfEvaluation.ColumnStrategy.AUTO);
        }
        return RbfEvaluation.local(local, q, memoryBudget);
    }

    private void requireOneColumn() {
        if (columns != 1) {
            throw new IllegalStateException(NAME + " has " + columns + " value columns; use valueColumns or "
                    + "valuesColumns");
        }
    }

    /** @return the kernel */
    public Kernel kernel() {
        return kernel;
    }

    /** @return the shape parameter (1 when not given for a scale-invariant kernel) */
    public double epsilon() {
        return epsilon;
    }

    /** @return the polynomial degree, -1 for none */
    public int degree() {
        return degree;
    }

    /** @return the dimension d of the points */
    @Override
    public int dimension() {
        return dim;
    }

    /** @return the number n of data points */
    public int size() {
        return size;
    }

    /** @return the number m of value columns */
    @Override
    public int columns() {
        return columns;
    }

    /** @return the number of neighbours of the local interpolant ({@code min(k, n)}), or 0 when all points are used */
    public int neighbors() {
        return neighbors;
    }

    /** @return a copy of the per-point smoothing */
    public double[] smoothing() {
        return smoothing.clone();
    }

    /** @return the evaluation memory budget in bytes (after capping at the container limit) */
    public long memoryBudgetBytes() {
        return memoryBudget;
    }

    /**
     * @return whether the global system was solved by Cholesky (null-space method) rather than LU; false
     *         in local mode
     */
    public boolean solvedByCholesky() {
        return cholesky;
    }

    /**
     * The kernel coefficients {@code a} of column c (scipy's {@code _coeffs[:n, c]}).
     *
     * @param c the column
     * @return a copy
     * @throws IllegalStateException     in local mode (no global coefficients)
     * @throws IndexOutOfBoundsException if {@code c} is not a column
     */
    public double[] kernelCoefficients(int c) {
        return globalModel(c).kernelCoefficients(c);
    }

    /**
     * The polynomial coefficients {@code b} of column c (scipy's {@code _coeffs[n:, c]}), for the monomials in
     * scipy's order of the shifted and scaled coordinates.
     *
     * @param c the column
     * @return a copy
     * @throws IllegalStateException     in local mode
     * @throws IndexOutOfBoundsException if {@code c} is not a column
     */
    public double[] polynomialCoefficients(int c) {
        return globalModel(c).polynomialCoefficients(c);
    }

    private RbfModel globalModel(int c) {
        if (model == null) {
            throw new IllegalStateException(NAME + " with neighbors has no global coefficients");
        }
        Objects.checkIndex(c, columns);
        return model;
    }

    @Override
    public String toString() {
        return NAME + "[n=" + size + ", d=" + dim + ", m=" + columns + ", kernel=" + kernel.scipyName() + ", epsilon="
                + epsilon + ", degree=" + degree + (neighbors > 0 ? ", neighbors=" + neighbors : "") + "]";
    }

    /**
     * Serialises through a proxy holding the validated inputs (no native memory).
     *
     * @return the proxy
     */
    private Object writeReplace() {
        return new SerializedForm(this);
    }

    /**
     * Rejects direct deserialisation: instances are refitted, validated, by the proxy.
     *
     * @param in the stream
     * @throws InvalidObjectException always
     */
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException(NAME + " is deserialised through its serialisation proxy");
    }

    private static final class SerializedForm implements Serializable {
        private static final long serialVersionUID = 1L;
        /** @serial the kernel */
        private final Kernel kernel;
        /** @serial the shape parameter */
        private final double epsilon;
        /** @serial the polynomial degree */
        private final int degree;
        /** @serial the dimension */
        private final int dim;
        /** @serial the number of value columns */
        private final int columns;
        /** @serial the points, row-major n x dim */
        private final double[] points;
        /** @serial the values, row-major n x columns */
        private final double[] values;
        /** @serial the per-point smoothing */
        private final double[] smoothing;
        /** @serial the neighbours, 0 for all points */
        private final int neighbors;
        /** @serial the evaluation memory budget */
        private final long memoryBudget;

        SerializedForm(RBFInterpolator f) {
            this.kernel = f.kernel;
            this.epsilon = f.epsilon;
            this.degree = f.degree;
            this.dim = f.dim;
            this.columns = f.columns;
            this.points = f.points;
            this.values = f.data;
            this.smoothing = f.smoothing;
            this.neighbors = f.neighbors;
            this.memoryBudget = f.memoryBudget;
        }

        /**
         * @return the interpolant refitted through the validating builder
         * @throws ObjectStreamException if the data are invalid
         */
        private Object readResolve() throws ObjectStreamException {
            try {
                Builder b = columns == 1 ? builder(rows(points, dim), values)
                        : builder(rows(points, dim), rows(values, columns));
                b.kernel(kernel).epsilon(epsilon).degree(degree).smoothing(smoothing).memoryBudgetBytes(memoryBudget);
                if (neighbors > 0) {
                    b.neighbors(neighbors);
                }
                return b.build();
            } catch (RuntimeException e) {
                throw SerialProxies.invalid(NAME, e);
            }
        }

        /** Splits a row-major array into rows of {@code width} (validated: a ragged length is rejected). */
        private static double[][] rows(double[] flat, int width) {
            Validation.requireNonNull(flat, "data");
            if (width < 1 || flat.length % width != 0) {
                throw new IllegalArgumentException("inconsistent row width " + width + " for " + flat.length
                        + " values");
            }
            double[][] out = new double[flat.length / width][];
            for (int i = 0; i < out.length; i++) {
                out[i] = Arrays.copyOfRange(flat, i * width, i * width + width);
            }
            return out;
        }
    }
}
