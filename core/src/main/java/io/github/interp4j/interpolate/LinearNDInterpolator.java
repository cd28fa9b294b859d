package io.github.interp4j.interpolate;

import io.github.interp4j.interpolate.internal.delaunay.PointLocator;
import io.github.interp4j.interpolate.internal.scattered.PointRescaling;
import io.github.interp4j.interpolate.internal.scattered.ScatteredEvaluation;
import io.github.interp4j.interpolate.internal.validation.QueryBatch;
import io.github.interp4j.interpolate.internal.validation.SerialProxies;
import io.github.interp4j.interpolate.internal.validation.Validation;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamException;
import java.io.Serializable;

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
public final class LinearNDInterpolator implements InterpolantND {
    private static final long serialVersionUID = 1L;
    private static final String NAME = "LinearNDInterpolator";

    private final transient Delaunay tri;
    private final transient double[] values;
    private final transient int m;
    private final transient double fillValue;
    private final transient PointRescaling rescaling;

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
        this(new Prepared(requireTri(tri), null), ScatteredEvaluation.flattenValues(values, tri.pointCount()),
                values[0].length, fillValue);
    }

    /** The triangulation and rescaling of prepared points. */
    record Prepared(Delaunay tri, PointRescaling rescaling) {}

    private static Delaunay requireTri(Delaunay tri) {
        Validation.requireNonNull(tri, "tri");
        return tri;
    }

    private LinearNDInterpolator(Prepared p, double[] values, int m, double fillValue) {
        this(p.tri(), values, m, fillValue, p.rescaling());
    }

    /** Core constructor (trusted arguments): values row-major, {@code tri.pointCount() * m}. */
    LinearNDInterpolator(Delaunay tri, double[] values, int m, double fillValue, PointRescaling rescaling) {
        this.tri = tri;
        this.values = values;
        this.m = m;
        this.fillValue = fillValue;
        this.rescaling = rescaling;
    }

    /** Validates the points and values' shape, then rescales and triangulates. */
    private static Prepared prepare(double[][] points, double[][] values, boolean rescale) {
        double[] flat = ScatteredEvaluation.flattenPoints(points, NAME);
        ScatteredEvaluation.flattenValues(values, points.length);
        int d = points[0].length;
        if (d != 2 && d != 3) {
            throw new IllegalArgumentException(NAME + " supports dimension 2 or 3, got points of dimension " + d);
        }
        PointRescaling r = rescale ? PointRescaling.of(flat, d) : null;
        return new Prepared(new Delaunay(r == null ? flat : r.apply(flat), d), r);
    }

    private void kernel(double[] q, int off, double[] out, int o, double[] s) {
        int d = tri.dimension();
        double[] x = q;
        int xo = off;
        if (rescaling != null) { // the rescaled point in s[4..], the barycentric coordinates in s[0..d]
            rescaling.apply(q, off, s, 4);
            x = s;
            xo = 4;
        }
        for (int k = 0; k < d; k++) {
            if (Double.isNaN(x[xo + k])) {
                java.util.Arrays.fill(out, o, o + m, Double.NaN);
                return;
            }
        }
        int t = tri.locator().locate(x, xo);
        if (t < 0) {
            java.util.Arrays.fill(out, o, o + m, fillValue);
            return;
        }
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

    /** Batches at least this large are evaluated bucket by bucket (see {@link Delaunay}). */
    static final int ORDERED_MIN = 1 << 12;

    private double[] run(QueryBatch q) {
        if (q.count() < ORDERED_MIN) {
            return ScatteredEvaluation.run(q, m, () -> new double[8], this::kernel, NAME);
        }
        PointLocator loc = tri.locator();
        int[] order = ScatteredEvaluation.orderByKey(q.count(), loc.buckets() + 1, j -> {
            if (rescaling == null) {
                return loc.bucketOf(q.array(j), q.offset(j));
            }
            double[] x = new double[tri.dimension()];
            rescaling.apply(q.array(j), q.offset(j), x, 0);
            return loc.bucketOf(x, 0);
        });
        return ScatteredEvaluation.runInOrder(q, m, order, () -> new double[8], this::kernel, NAME);
    }

    private void requireOneColumn() {
        if (m != 1) {
            throw new IllegalStateException(NAME + " has " + m + " value columns; use the column methods");
        }
    }

    @Override
    public int dimension() {
        return tri.dimension();
    }

    @Override
    public int columns() {
        return m;
    }

    /** @return the triangulation (of the rescaled points when rescaling) */
    public Delaunay triangulation() {
        return tri;
    }

    /** @return the fill value */
    public double fillValue() {
        return fillValue;
    }

    /** @return whether the points were rescaled */
    public boolean rescaled() {
        return rescaling != null;
    }

    @Override
    public double value(double... point) {
        requireOneColumn();
        return run(ScatteredEvaluation.one(point, dimension(), NAME))[0];
    }

    @Override
    public double[] values(double[][] points) {
        requireOneColumn();
        return run(ScatteredEvaluation.rows(points, dimension(), NAME));
    }

    @Override
    public double[] values(double[] flatRowMajor) {
        requireOneColumn();
        return run(QueryBatch.ofFlat("flatRowMajor", flatRowMajor, dimension(), NAME));
    }

    @Override
    public double[] valueColumns(double... point) {
        return run(ScatteredEvaluation.one(point, dimension(), NAME));
    }

    @Override
    public double[][] valuesColumns(double[][] points) {
        return ScatteredEvaluation.reshape(run(ScatteredEvaluation.rows(points, dimension(), NAME)), m);
    }

    @Override
    public double[] valuesColumns(double[] flatRowMajor) {
        return run(QueryBatch.ofFlat("flatRowMajor", flatRowMajor, dimension(), NAME));
    }

    @Override
    public String toString() {
        return NAME + "[" + tri + ", columns=" + m + ", fillValue=" + fillValue + ", rescale=" + rescaled() + "]";
    }

    private Object writeReplace() {
        return new SerializedForm(this);
    }

    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException(NAME + " is read through its serialized form");
    }

    /** The serialised form: the triangulation (itself validated on reading), values, fill and rescaling. */
    private static final class SerializedForm implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Delaunay tri;
        private final double[] values;
        private final int m;
        private final double fillValue;
        private final double[] offset;
        private final double[] scale;

        SerializedForm(LinearNDInterpolator ip) {
            tri = ip.tri;
            values = ip.values;
            m = ip.m;
            fillValue = ip.fillValue;
            offset = ip.rescaling == null ? null : ip.rescaling.offset();
            scale = ip.rescaling == null ? null : ip.rescaling.scale();
        }

        private Object readResolve() throws ObjectStreamException {
            try {
                Validation.requireNonNull(tri, "tri");
                Validation.requireNonNull(values, "values");
                if (m < 1 || values.length != (long) tri.pointCount() * m) {
                    throw new IllegalArgumentException("values.length = " + values.length + " does not match "
                            + tri.pointCount() + " points * " + m + " columns");
                }
                Validation.requireFinite("values", values);
                PointRescaling r = null;
                if (offset != null || scale != null) {
                    if (offset == null || scale == null || offset.length != tri.dimension()
                            || scale.length != tri.dimension()) {
                        throw new IllegalArgumentException("rescaling arrays are inconsistent");
                    }
                    Validation.requireFinite("offset", offset);
                    Validation.requireFinite("scale", scale);
                    for (int k = 0; k < scale.length; k++) {
                        if (!(scale[k] > 0)) {
                            throw new IllegalArgumentException("scale[" + k + "] = " + scale[k] + " is not positive");
                        }
                    }
                    r = new PointRescaling(offset.clone(), scale.clone());
                }
                return new LinearNDInterpolator(tri, values.clone(), m, fillValue, r);
            } catch (RuntimeException e) {
                throw SerialProxies.invalid(NAME, e);
            }
        }
    }
}
