package io.github.interp4j.interpolate;

import io.github.interp4j.interpolate.internal.scattered.NearestPointIndex;
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
 * Nearest-neighbour interpolation of scattered points in any dimension:
 * {@code scipy.interpolate.NearestNDInterpolator(x, y, rescale=False)}.
 *
 * <p>The value at a query is the value of the data point nearest to it in Euclidean distance (after
 * scipy's rescaling when {@code rescale}: points centred on their mean and divided by their range per
 * coordinate, queries mapped the same way). Every finite query gets a value (there is no "outside"); a
 * query with a NaN coordinate gives NaN.
 *
 * <p>Ties (several data points at exactly the same smallest distance, e.g. duplicates or a query
 * equidistant from two points): the lowest data index wins. scipy's {@code cKDTree} picks whichever its
 * traversal meets first, so the two can differ at exact ties only.
 *
 * <p>Complexity: construction O(n log n) (a k-d tree specialised to the single nearest point); a query
 * O(log n) expected for well-spread points, plus O(m) for m value columns; batches of at least 4096
 * queries are visited in the order of a coarse grid over the data (counting sort), results in input order. Batches run in parallel within
 * the CPU budget, bit for bit equal to single-point evaluation. Thread-safety: immutable. Serialisation
 * stores the points, values and rescaling; reading back validates them and rebuilds the tree.
 */
public final class NearestNDInterpolator implements InterpolantND {
    private static final long serialVersionUID = 1L;
    private static final String NAME = "NearestNDInterpolator";

    private final transient int dim;
    private final transient int m;
    private final transient double[] points;
    private final transient double[] values;
    private final transient PointRescaling rescaling;
    private final transient NearestPointIndex tree;

    /**
     * Same as {@code NearestNDInterpolator(points, values, false)}.
     *
     * @param points n rows of d finite coordinates
     * @param values n finite values
     */
    public NearestNDInterpolator(double[][] points, double[] values) {
        this(points, values, false);
    }

    /**
     * @param points  n rows of d finite coordinates, n and d at least 1 (not modified)
     * @param values  n finite values (not modified)
     * @param rescale rescale the points (and queries) to the unit box first (scipy's {@code rescale})
     * @throws NullPointerException     if an argument or row is null
     * @throws IllegalArgumentException if shapes differ or a number is not finite
     */
    public NearestNDInterpolator(double[][] points, double[] values, boolean rescale) {
        this(points, ScatteredEvaluation.column(values), rescale);
    }

    /**
     * Several value columns at once ({@code values[i][c]}: column c at point i).
     *
     * @param points  n rows of d finite coordinates
     * @param values  n rows of m finite values
     * @param rescale rescale the points first
     * @throws NullPointerException     if an argument or row is null
     * @throws IllegalArgumentException if shapes differ or a number is not finite
     */
    public NearestNDInterpolator(double[][] points, double[][] values, boolean rescale) {
        this(ScatteredEvaluation.flattenPoints(points, NAME), points[0].length,
                ScatteredEvaluation.flattenValues(values, points.length), values[0].length, rescale);
    }

    private NearestNDInterpolator(double[] pts, int dim, double[] vals, int m, boolean rescale) {
        // Without scipy's rescale, points of extreme magnitude (beyond 2^+-60) are divided by a power of two
        // (exact; the nearest point is the same, and squared distances stay in range).
        this(pts, dim, vals, m, rescale ? PointRescaling.of(pts, dim) : PointRescaling.exactFor(pts, dim));
    }

    private NearestNDInterpolator(double[] pts, int dim, double[] vals, int m, PointRescaling r) {
        this.dim = dim;
        this.m = m;
        this.points = pts;
        this.values = vals;
        this.rescaling = r;
        this.tree = new NearestPointIndex(r == null ? pts : r.apply(pts), dim);
    }

    private void kernel(double[] q, int off, double[] out, int o, NearestPointIndex.Query w) {
        double[] x = w.point();
        if (rescaling != null) {
            rescaling.apply(q, off, x, 0);
        } else {
            System.arraycopy(q, off, x, 0, dim);
        }
        for (int k = 0; k < dim; k++) {
            if (Double.isNaN(x[k])) {
                java.util.Arrays.fill(out, o, o + m, Double.NaN);
                return;
            }
        }
        int i = tree.nearest(w);
        if (m == 1) {
            out[o] = values[i];
        } else {
            System.arraycopy(values, i * m, out, o, m);
        }
    }

    private double[] run(QueryBatch q) {
        if (q.count() < 1 << 12) {
            return ScatteredEvaluation.run(q, m, () -> new NearestPointIndex.Query(dim), this::kernel, NAME);
        }
        // large batches: visited cell by cell of a coarse grid (results still at their input positions)
        int[] order = ScatteredEvaluation.orderByKey(q.count(), tree.cells(), j -> {
            double[] x = new double[dim];
            if (rescaling != null) {
                rescaling.apply(q.array(j), q.offset(j), x, 0);
            } else {
                System.arraycopy(q.array(j), q.offset(j), x, 0, dim);
            }
            return tree.cellOf(x);
        });
        return ScatteredEvaluation.runInOrder(q, m, order, () -> new NearestPointIndex.Query(dim), this::kernel, NAME);
    }

    private void requireOneColumn() {
        if (m != 1) {
            throw new IllegalStateException(NAME + " has " + m + " value columns; use the column methods");
        }
    }

    @Override
    public int dimension() {
        return dim;
    }

    @Override
    public int columns() {
        return m;
    }

    /** @return the number of data points */
    public int size() {
        return points.length / dim;
    }

    /** @return whether the points are rescaled */
    public boolean rescaled() {
        return rescaling != null && !rescaling.isExactScaling();
    }

    @Override
    public double value(double... point) {
        requireOneColumn();
        return run(ScatteredEvaluation.one(point, dim, NAME))[0];
    }

    @Override
    public double[] values(double[][] pts) {
        requireOneColumn();
        return run(ScatteredEvaluation.rows(pts, dim, NAME));
    }

    @Override
    public double[] values(double[] flatRowMajor) {
        requireOneColumn();
        return run(QueryBatch.ofFlat("flatRowMajor", flatRowMajor, dim, NAME));
    }

    @Override
    public double[] valueColumns(double... point) {
        return run(ScatteredEvaluation.one(point, dim, NAME));
    }

    @Override
    public double[][] valuesColumns(double[][] pts) {
        return ScatteredEvaluation.reshape(run(ScatteredEvaluation.rows(pts, dim, NAME)), m);
    }

    @Override
    public double[] valuesColumns(double[] flatRowMajor) {
        return run(QueryBatch.ofFlat("flatRowMajor", flatRowMajor, dim, NAME));
    }

    @Override
    public String toString() {
        return NAME + "[dim=" + dim + ", points=" + size() + ", columns=" + m + ", rescale=" + rescaled() + "]";
    }

    /** Instances are read back only through their serialized form, which validates the data. */
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException(NAME + " is read through its serialized form");
    }

    private Object writeReplace() {
        return new SerializedForm(this);
    }

    /** The serialised form: points, values and whether to rescale; validated and rebuilt on reading. */
    private static final class SerializedForm implements Serializable {
        private static final long serialVersionUID = 1L;
        private final int dim;
        private final int m;
        private final double[] points;
        private final double[] values;
        private final boolean rescale;

        SerializedForm(NearestNDInterpolator ip) {
            dim = ip.dim;
            m = ip.m;
            points = ip.points;
            values = ip.values;
            rescale = ip.rescaled();
        }

        private Object readResolve() throws ObjectStreamException {
            try {
                Validation.requireNonNull(points, "points");
                Validation.requireNonNull(values, "values");
                if (dim < 1 || m < 1 || points.length == 0 || points.length % dim != 0
                        || values.length != (long) (points.length / dim) * m) {
                    throw new IllegalArgumentException("inconsistent shapes: dim " + dim + ", columns " + m
                            + ", points.length " + points.length + ", values.length " + values.length);
                }
                Validation.requireFinite("points", points);
                Validation.requireFinite("values", values);
                return new NearestNDInterpolator(points.clone(), dim, values.clone(), m, rescale);
            } catch (RuntimeException e) {
                throw SerialProxies.invalid(NAME, e);
            }
        }
    }
}
