package io.github.interp4j.interpolate;

import io.github.interp4j.interpolate.internal.delaunay.PointLocator;
import io.github.interp4j.interpolate.internal.scattered.PointRescaling;
import io.github.interp4j.interpolate.internal.scattered.ScatteredEvaluation;
import io.github.interp4j.interpolate.internal.validation.QueryBatch;
import io.github.interp4j.interpolate.internal.validation.Validation;


/**
 * Piecewise-linear interpolation on the Delaunay triangulation of scattered points in 2-D or 3-D:
 * {@code scipy.interpolate.LinearNDInterpolator(points, values, fill_value=nan, rescale=False)}.
 *
 * <p>At a query x inside the convex hull: the simplex T containing x ({@link Delaunay#findSimplex}), its
 * barycentric coordinates c (scipy's affine transform, {@code c_d = 1 - sum c_j}), and the value
 * {@code sum_j c_j values[T_j]}, accumulated in vertex order as scipy does. Outside the hull (beyond
 * scipy's tolerance {@code 100 * DBL_EPSILON} in barycentric coordinates): {@code fillValue} (default
 * NaN). A query with a NaN coordinate gives NaN.
 *
 * <p>{@code rescale}: as scipy, the points are centred on their mean and divided by their range per
 * coordinate before triangulating, and every query gets the same map. Duplicate points: the first
 * occurrence's value is used.
 *
 * <p>Complexity: construction is the triangulation; evaluation O(1) expected per query for well-spread
 * points whatever the query order (bucket grid and short walk, see {@link Delaunay}), plus O(m) for m
 * value columns. Batches of at least 4096 queries are visited bucket by bucket (a counting sort of the
 * query indices by bucket, O(n)), results returned in input order. Batches run in parallel within the CPU budget, bit for bit equal to single-point
 * evaluation. Thread-safety: immutable. Serialisation stores the triangulation, the values, the fill
 * value and the rescaling; reading back validates them again.
 */
public final class LinearNDInterpolator extends TriangulatedInterpolant<double[]> {
    private static final long serialVersionUID = 1L;
    private static final String NAME = "LinearNDInterpolator";


    /**
     * Same as {@code LinearNDInterpolator(points, values, NaN, false)}.
     *
     * @param points n rows of d = 2 or 3 finite coordinates
     * @param values n finite values
     */
    public LinearNDInterpolator(double[][] points, double[] values) {
        this(points, values, Double.NaN, false);
    }

    /**
     * @param points    n rows of d = 2 or 3 finite coordinates, not all collinear (coplanar), n at least d + 1
     * @param values    n finite values (not modified)
     * @param fillValue the value outside the convex hull (scipy's {@code fill_value})
     * @param rescale   rescale the points to the unit box before triangulating (scipy's {@code rescale})
     * @throws NullPointerException     if an argument or row is null
     * @throws IllegalArgumentException if shapes differ, a number is not finite, d is not 2 or 3, or the
     *                                  points are degenerate
     */
    public LinearNDInterpolator(double[][] points, double[] values, double fillValue, boolean rescale) {
        this(points, ScatteredEvaluation.column(values), fillValue, rescale);
    }

    /**
     * Several value columns at once ({@code values[i][c]}: column c at point i).
     *
     * @param points    n rows of d = 2 or 3 finite coordinates
     * @param values    n rows of m finite values
     * @param fillValue the value outside the convex hull
     * @param rescale   rescale the points before triangulating
     * @throws NullPointerException     if an argument or row is null
     * @throws IllegalArgumentException as {@link #LinearNDInterpolator(double[][], double[], double, boolean)}
     */
    public LinearNDInterpolator(double[][] points, double[][] values, double fillValue, boolean rescale) {
        this(prepare(points, values, rescale), ScatteredEvaluation.flattenValues(values, points.length),
                values[0].length, fillValue);
    }

    /**
     * On a prebuilt triangulation (scipy's {@code LinearNDInterpolator(tri, values)}; rescaling is not
     * available then, as in scipy).
     *
     * @param tri       the triangulation
     * @param values    {@code tri.pointCount()} finite values
     * @param fillValue the value outside the convex hull
     */
    public LinearNDInterpolator(Delaunay tri, double[] values, double fillValue) {
        this(tri, ScatteredEvaluation.column(values), fillValue);
    }

    /**
     * On a prebuilt triangulation with value columns.
     *
     * @param tri       the triangulation
     * @param values    {@code tri.pointCount()} rows of m finite values
     * @param fillValue the value outside the convex hull
     */
    public LinearNDInterpolator(Delaunay tri, double[][] values, double fillValue) {
        this(prebuilt(tri, NAME, 3), ScatteredEvaluation.flattenValues(values, tri.pointCount()),
                values[0].length, fillValue);
    }

    private LinearNDInterpolator(Prepared p, double[] values, int m, double fillValue) {
        this(p.tri(), values, m, fillValue, p.rescaling());
    }

    /** Core constructor (trusted arguments): values row-major, {@code tri.pointCount() * m}. */
    LinearNDInterpolator(Delaunay tri, double[] values, int m, double fillValue, PointRescaling rescaling) {
        super(NAME, tri, values, m, fillValue, rescaling);
    }

    /** Validates the points and values' shape, then rescales and triangulates. */
    private static Prepared prepare(double[][] points, double[][] values, boolean rescale) {
        return prepare(points, values, rescale, NAME, 3);
    }

    @Override
    double[] workspace() {
        return new double[4];
    }

    @Override
    void evaluate(double[] x, int xo, int t, double[] out, int o, double[] s) {
        int d = tri.dimension();
        int[] simp = tri.mesh().simplices();
        PointLocator.barycentric(d, tri.mesh().points(), simp, t, x, xo, s);
        int base = t * (d + 1);
        for (int c = 0; c < m; c++) {
            double v = 0.0;
            for (int j = 0; j <= d; j++) {
                v += s[j] * values[simp[base + j] * m + c];
            }
            out[o + c] = v;
        }
    }

    @Override
    Form form() {
        return new PlainForm(this, Plain.LINEAR);
    }
}
