package io.github.interp4j.interpolate;

import io.github.interp4j.interpolate.internal.delaunay.PointLocator;
import io.github.interp4j.interpolate.internal.scattered.CloughTocherKernel;
import io.github.interp4j.interpolate.internal.scattered.PointRescaling;
import io.github.interp4j.interpolate.internal.scattered.ScatteredEvaluation;
import io.github.interp4j.interpolate.internal.validation.QueryBatch;
import io.github.interp4j.interpolate.internal.validation.FiniteResult;
import io.github.interp4j.interpolate.internal.validation.Validation;


import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Piecewise cubic, C1 interpolation of scattered 2-D data on its Delaunay triangulation:
 * {@code scipy.interpolate.CloughTocher2DInterpolator(points, values, fill_value=nan, tol=1e-6,
 * maxiter=400, rescale=False)}.
 *
 * <p>Method, as scipy's. (1) Gradients at the vertices by scipy's global estimation: the gradients that
 * minimise the curvature of the piecewise cubic along the triangulation's edges (Nielson 1983; Renka and
 * Cline 1984), found by Gauss-Seidel sweeps over the points in index order, each point's 2x2 system
 * summed over its Delaunay neighbours in scipy's {@code vertex_neighbor_vertices} order, stopping after
 * the first sweep whose largest change is below {@code tol} (relative to the gradient's size, scipy's
 * rule) or after {@code maxiter} sweeps; scipy's result depends on where that sweep stops (with the
 * default {@code tol} it differs from the converged gradients by a few 1e-9), so the sweep is replayed
 * exactly. If it does not converge, scipy's warning "Gradient estimation did not converge, the results
 * may be inaccurate" is logged at WARN (slf4j) and the interpolant is still built. (2) In each triangle
 * the Clough-Tocher split-triangle cubic (Clough and Tocher 1965; Bezier form after Farin 1986): the
 * triangle is split at its centroid into three cubic patches fitted to the vertex values and gradients,
 * with the cross-boundary derivatives chosen so that neighbouring triangles join C1.
 *
 * <p>Outside the convex hull (beyond scipy's {@code 100 * DBL_EPSILON} tolerance in barycentric
 * coordinates): {@code fillValue}. A query with a NaN coordinate gives NaN. {@code rescale}: as
 * {@link LinearNDInterpolator}. Duplicate points: the first occurrence's value is used (the others are
 * not vertices; their gradients are NaN, as scipy's, and never used).
 *
 * <p>Differences from scipy: the triangulation is this library's ({@link Delaunay}) rather than Qhull's.
 * For points in general position the triangles are the same, but the order in which a vertex's neighbours
 * are listed can differ, which changes the order of the neighbour sums of the gradient sweep and so the
 * gradients at the 1e-15 level (the values agree with scipy's to 1e-10 relative to max|values|, checked
 * against scipy 1.17.1 fixtures). For points not in general position (cocircular sets) the triangulation,
 * and so the interpolant, can differ from scipy's where Qhull breaks the ties differently.
 *
 * <p>Complexity: construction is the triangulation plus O(maxiter * n) per value column for the
 * gradients (usually far fewer sweeps) and O(n * m) memory; evaluation O(1) expected per query whatever
 * the query order (see {@link Delaunay}) plus O(m), batches visited bucket by bucket and run in parallel
 * within the CPU budget, bit for bit equal to single-point evaluation. Thread-safety: immutable.
 * Serialisation stores the triangulation, values, options and rescaling; reading back validates them and
 * recomputes the gradients (deterministic, so the result is the same bit for bit).
 *
 * <p>References: R. W. Clough, J. L. Tocher, Finite element stiffness matrices for analysis of plates in
 * bending (1965); G. M. Nielson, A method for interpolating scattered data based upon a minimum norm
 * network, Math. Comp. 40 (1983); R. J. Renka, A. K. Cline, A triangle-based C1 interpolation method,
 * Rocky Mountain J. Math. 14 (1984); G. Farin, Triangular Bernstein-Bezier patches, CAGD 3 (1986).
 */
public final class CloughTocher2DInterpolator extends TriangulatedInterpolant<double[]> {
    private static final long serialVersionUID = 1L;
    private static final String NAME = "CloughTocher2DInterpolator";
    private static final Logger LOG = LoggerFactory.getLogger(CloughTocher2DInterpolator.class);
    /** scipy's default {@code tol}. */
    public static final double DEFAULT_TOL = 1e-6;
    /** scipy's default {@code maxiter}. */
    public static final int DEFAULT_MAXITER = 400;

    private final transient double tol;
    private final transient int maxiter;
    private final transient CloughTocherKernel kernel;
    /** Per column, the power of two the values were divided by for the fit (0: not scaled). */
    private final transient int[] valueExponent;
    /** Whether any column was scaled. */
    private final transient boolean valuesScaled;

    /**
     * Same as {@code CloughTocher2DInterpolator(points, values, NaN, 1e-6, 400, false)}.
     *
     * @param points n rows of 2 finite coordinates
     * @param values n finite values
     */
    public CloughTocher2DInterpolator(double[][] points, double[] values) {
        this(points, values, Double.NaN, DEFAULT_TOL, DEFAULT_MAXITER, false);
    }

    /**
     * @param points    n rows of 2 finite coordinates, not all collinear, n at least 3
     * @param values    n finite values (not modified)
     * @param fillValue the value outside the convex hull (scipy's {@code fill_value})
     * @param tol       the gradient sweep's stopping tolerance, finite and non-negative (scipy's {@code tol})
     * @param maxiter   the maximum number of sweeps, at least 1 (scipy's {@code maxiter})
     * @param rescale   rescale the points to the unit box before triangulating (scipy's {@code rescale})
     * @throws NullPointerException     if an argument or row is null
     * @throws IllegalArgumentException if shapes differ, a number is not finite, the points are not 2-D or
     *                                  are degenerate, or tol / maxiter are out of range
     * @throws ArithmeticException      if an estimated gradient is beyond the double range (named; points whose
     *                                  distances are subnormal against their value differences)
     */
    public CloughTocher2DInterpolator(double[][] points, double[] values, double fillValue, double tol,
            int maxiter, boolean rescale) {
        this(points, ScatteredEvaluation.column(values), fillValue, tol, maxiter, rescale);
    }

    /**
     * Several value columns at once ({@code values[i][c]}: column c at point i); each column's gradients
     * are estimated independently, as scipy does.
     *
     * @param points    n rows of 2 finite coordinates
     * @param values    n rows of m finite values
     * @param fillValue the value outside the convex hull
     * @param tol       the gradient sweep's stopping tolerance
     * @param maxiter   the maximum number of sweeps
     * @param rescale   rescale the points before triangulating
     * @throws NullPointerException     if an argument or row is null
     * @throws IllegalArgumentException as {@link #CloughTocher2DInterpolator(double[][], double[], double, double, int, boolean)}
     */
    public CloughTocher2DInterpolator(double[][] points, double[][] values, double fillValue, double tol,
            int maxiter, boolean rescale) {
        this(prepare(points, values, rescale, tol, maxiter), values, fillValue, tol, maxiter);
    }

    /**
     * On a prebuilt 2-D triangulation with the default tol and maxiter.
     *
     * @param tri       the triangulation
     * @param values    {@code tri.pointCount()} finite values
     * @param fillValue the value outside the convex hull
     */
    public CloughTocher2DInterpolator(Delaunay tri, double[] values, double fillValue) {
        this(tri, ScatteredEvaluation.column(values), fillValue, DEFAULT_TOL, DEFAULT_MAXITER);
    }

    /**
     * On a prebuilt 2-D triangulation (scipy's {@code CloughTocher2DInterpolator(tri, values)}; rescaling
     * is not available then, as in scipy).
     *
     * @param tri       the triangulation, of dimension 2
     * @param values    {@code tri.pointCount()} rows of m finite values
     * @param fillValue the value outside the convex hull
     * @param tol       the gradient sweep's stopping tolerance
     * @param maxiter   the maximum number of sweeps
     * @throws IllegalArgumentException if the triangulation is not 2-D, or as the other constructors
     */
    public CloughTocher2DInterpolator(Delaunay tri, double[][] values, double fillValue, double tol, int maxiter) {
        this(requireTri2(tri, tol, maxiter), values, fillValue, tol,
                maxiter);
    }

    private CloughTocher2DInterpolator(Prepared p, double[][] values, double fillValue,
            double tol, int maxiter) {
        this(p.tri(), ScatteredEvaluation.flattenValues(values, p.tri().pointCount()), values[0].length, fillValue,
                tol, maxiter, p.rescaling());
    }

    /** Core constructor (trusted arguments): fits the gradients. */
    private CloughTocher2DInterpolator(Delaunay tri, double[] values, int m, double fillValue, double tol,
            int maxiter, PointRescaling rescaling) {
        super(NAME, tri, values, m, fillValue, rescaling);
        Validation.checkedSize(NAME + " gradients", 2L * tri.pointCount(), m);
        this.tol = tol;
        this.maxiter = maxiter;
        // The fit and the evaluation are linear in the values: columns of magnitude 2^512 and above are fitted
        // divided by a power of two (exact) and the results multiplied back, so the gradients and Bezier
        // control values cannot overflow; a result beyond the double range then raises.
        this.valueExponent = new int[m];
        boolean scaled = false;
        double[] fitValues = values;
        for (int c = 0; c < m; c++) {
            valueExponent[c] = FiniteResult.largeValueExponent(values, c, m);
            scaled |= valueExponent[c] != 0;
        }
        if (scaled) {
            fitValues = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                fitValues[i] = Math.scalb(values[i], -valueExponent[i % m]);
            }
        }
        this.valuesScaled = scaled;
        this.kernel = CloughTocherKernel.fit(tri.mesh(), fitValues, m, maxiter, tol);
        requireFiniteGradients(kernel, tri.mesh().simplices(), m);
        if (!kernel.converged()) {
            LOG.warn("{}: Gradient estimation did not converge, the results may be inaccurate", NAME);
        }
    }

    /**
     * Refuses gradients beyond the double range: value differences over point distances that small (subnormal
     * coordinates) have no representable slope, and the patches would be NaN even at the data points. Only
     * vertices are checked (a point left out of the triangulation, a duplicate, has no gradient).
     */
    private static void requireFiniteGradients(CloughTocherKernel kernel, int[] simplices, int m) {
        for (int i : simplices) {
            for (int c = 0; c < m; c++) {
                for (int k = 0; k < 2; k++) {
                    double g = kernel.gradient(i, c, k);
                    if (g - g != 0.0) {
                        throw new ArithmeticException(NAME + ": the estimated gradient at point " + i
                                + (m > 1 ? " of column " + c : "") + " is " + g + ", beyond the double range"
                                + " (value differences over distances this small have no representable slope)");
                    }
                }
            }
        }
    }

    private static void checkOptions(double tol, int maxiter) {
        if (!(tol >= 0) || Double.isInfinite(tol)) {
            throw new IllegalArgumentException("tol = " + tol + " must be finite and non-negative");
        }
        if (maxiter < 1) {
            throw new IllegalArgumentException("maxiter = " + maxiter + " must be at least 1");
        }
    }

    private static Prepared prepare(double[][] points, double[][] values, boolean rescale,
            double tol, int maxiter) {
        checkOptions(tol, maxiter);
        return prepare(points, values, rescale, NAME, 2);
    }

    private static Prepared requireTri2(Delaunay tri, double tol, int maxiter) {
        Prepared p = prebuilt(tri, NAME, 2);
        checkOptions(tol, maxiter);
        return p;
    }

    @Override
    double[] workspace() {
        return new double[3];
    }

    @Override
    void evaluate(double[] x, int xo, int t, double[] out, int o, double[] s) {
        PointLocator.barycentric(2, tri.mesh().points(), tri.mesh().simplices(), t, x, xo, s);
        kernel.evaluate(tri.mesh().points(), t, s[0], s[1], s[2], out, o);
        if (valuesScaled) {
            for (int c = 0; c < m; c++) {
                double r = out[o + c];
                double v = Math.scalb(r, valueExponent[c]);
                if (v - v != 0.0 && r - r == 0.0) {
                    throw new ArithmeticException(NAME + ": the interpolated value of column " + c + " in triangle "
                            + t + " is " + r + " * 2^" + valueExponent[c] + ", beyond the double range (the cubic"
                            + " patch overshoots values near the limit)");
                }
                out[o + c] = v;
            }
        }
    }

    /** @return the gradient sweep's tolerance */
    public double tol() {
        return tol;
    }

    /** @return the maximum number of gradient sweeps */
    public int maxiter() {
        return maxiter;
    }

    /** @return whether the points were rescaled (scipy's {@code rescale}) */
    @Override
    public boolean rescaled() {
        return super.rescaled();
    }

    /** @return whether every column's gradient sweep met {@code tol} within {@code maxiter} sweeps */
    public boolean converged() {
        return kernel.converged();
    }

    /**
     * The estimated gradient at a data point (in the triangulation's coordinates, so of the rescaled
     * points when rescaling, as scipy's {@code grad}).
     *
     * @param i      the point, in {@code [0, n)}
     * @param column the value column, in {@code [0, columns())}
     * @return {@code {df/dx, df/dy}} (NaN for a duplicate point that is no vertex, as scipy)
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public double[] gradient(int i, int column) {
        java.util.Objects.checkIndex(i, tri.pointCount());
        java.util.Objects.checkIndex(column, m);
        int e = valueExponent[column];
        return new double[] {Math.scalb(kernel.gradient(i, column, 0), e), Math.scalb(kernel.gradient(i, column, 1), e)};
    }

    @Override
    public String toString() {
        return super.toString() + "[tol=" + tol + ", maxiter=" + maxiter + "]";
    }

    @Override
    Form form() {
        return new SerializedForm(this);
    }

    /** The serialised form: the shared one plus tol and maxiter. */
    private static final class SerializedForm extends Form {
        private static final long serialVersionUID = 1L;
        private final double tol;
        private final int maxiter;

        SerializedForm(CloughTocher2DInterpolator ip) {
            super(ip);
            tol = ip.tol;
            maxiter = ip.maxiter;
        }

        @Override
        Object rebuild(Delaunay tri, double[] values, int m, double fillValue, PointRescaling r) {
            prebuilt(tri, NAME, 2);
            checkOptions(tol, maxiter);
            return new CloughTocher2DInterpolator(tri, values, m, fillValue, tol, maxiter, r);
        }
    }
}
