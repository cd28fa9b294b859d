package io.github.interp4j.interpolate;

import io.github.interp4j.interpolate.internal.scattered.PointRescaling;
import io.github.interp4j.interpolate.internal.validation.FiniteResult;
import io.github.interp4j.interpolate.internal.scattered.ScatteredEvaluation;
import io.github.interp4j.interpolate.internal.validation.QueryBatch;
import io.github.interp4j.interpolate.internal.validation.SerialProxies;
import io.github.interp4j.interpolate.internal.validation.Validation;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamException;
import java.io.Serializable;

/**
 * What the interpolants on a Delaunay triangulation share ({@link LinearNDInterpolator},
 * {@link CloughTocher2DInterpolator}, {@link NaturalNeighborInterpolator}): the triangulation, the value
 * columns, the fill value and the rescaling, the input checks and the N-D contract's evaluation methods
 * over {@link ScatteredEvaluation#runLocated} (rescale, NaN, locate, fill outside the hull, then the
 * subclass's kernel on the located point).
 *
 * <p>Thread-safety: immutable; the workspace W is per chunk of a batch.
 *
 * @param <W> the kernel's per-thread workspace
 */
abstract class TriangulatedInterpolant<W> implements InterpolantND {
    private static final long serialVersionUID = 1L;

    final transient Delaunay tri;
    final transient double[] values;
    final transient int m;
    final transient double fillValue;
    final transient PointRescaling rescaling;
    private final transient String name;

    /** The triangulation and rescaling of prepared points. */
    record Prepared(Delaunay tri, PointRescaling rescaling) {}

    TriangulatedInterpolant(String name, Delaunay tri, double[] values, int m, double fillValue,
            PointRescaling rescaling) {
        this.name = name;
        this.tri = tri;
        this.values = values;
        this.m = m;
        this.fillValue = fillValue;
        this.rescaling = rescaling;
    }

    /**
     * Validates the points and values' shape, then rescales and triangulates.
     *
     * @param points  n rows of d finite coordinates
     * @param values  n rows of m finite values
     * @param rescale whether to rescale
     * @param type    the interpolant's name, for messages
     * @param maxDim  the largest dimension supported (2 or 3; the smallest is 2)
     * @return the triangulation and rescaling
     */
    static Prepared prepare(double[][] points, double[][] values, boolean rescale, String type, int maxDim) {
        double[] flat = ScatteredEvaluation.flattenPoints(points, type);
        ScatteredEvaluation.flattenValues(values, points.length);
        int d = points[0].length;
        if (d < 2 || d > maxDim) {
            throw new IllegalArgumentException(type + " supports dimension 2" + (maxDim == 3 ? " or 3" : "")
                    + ", got points of dimension " + d);
        }
        PointRescaling r = rescale ? PointRescaling.of(flat, d) : PointRescaling.exactFor(flat, d);
        if (r != null) {
            FiniteResult.requireFinite(type, r.scale(), k -> "the rescaling range of coordinate " + k);
        }
        return new Prepared(new Delaunay(r == null ? flat : r.apply(flat), d), r);
    }

    /**
     * @param tri    a prebuilt triangulation
     * @param type   the interpolant's name, for messages
     * @param maxDim the largest dimension supported
     * @return {@code tri}, checked
     */
    static Prepared prebuilt(Delaunay tri, String type, int maxDim) {
        Validation.requireNonNull(tri, "tri");
        if (tri.dimension() > maxDim) {
            throw new IllegalArgumentException(type + " supports dimension 2" + (maxDim == 3 ? " or 3" : "")
                    + ", got a triangulation of dimension " + tri.dimension());
        }
        return new Prepared(tri, null);
    }

    /** @return a new workspace for one chunk of a batch */
    abstract W workspace();

    /**
     * Every value column at a point inside the hull.
     *
     * @param x    the array holding the point in the triangulation's coordinates
     * @param xo   its first coordinate's index
     * @param t    a simplex containing it
     * @param out  the output
     * @param o    where the m columns go
     * @param work this chunk's workspace
     */
    abstract void evaluate(double[] x, int xo, int t, double[] out, int o, W work);

    private double[] run(QueryBatch q) {
        return ScatteredEvaluation.runLocated(q, m, tri.dimension(), tri.locator(), rescaling, fillValue,
                this::workspace, this::evaluate, name);
    }

    private void requireOneColumn() {
        if (m != 1) {
            throw new IllegalStateException(name + " has " + m + " value columns; use the column methods");
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

    /**
     * @return the triangulation (of the rescaled points when rescaling; of the points divided by a power of two
     *         when their magnitude is extreme, at or beyond 2^60 or below 2^-60, which keeps the exact
     *         predicates in range and changes no result)
     */
    public Delaunay triangulation() {
        return tri;
    }

    /** @return the fill value */
    public double fillValue() {
        return fillValue;
    }

    /** @return whether the points were rescaled (scipy's {@code rescale}; not the exact power-of-two map) */
    public boolean rescaled() {
        return rescaling != null && !rescaling.isExactScaling();
    }

    @Override
    public double value(double... point) {
        requireOneColumn();
        return run(ScatteredEvaluation.one(point, dimension(), name))[0];
    }

    @Override
    public double[] values(double[][] points) {
        requireOneColumn();
        return run(ScatteredEvaluation.rows(points, dimension(), name));
    }

    @Override
    public double[] values(double[] flatRowMajor) {
        requireOneColumn();
        return run(QueryBatch.ofFlat("flatRowMajor", flatRowMajor, dimension(), name));
    }

    @Override
    public double[] valueColumns(double... point) {
        return run(ScatteredEvaluation.one(point, dimension(), name));
    }

    @Override
    public double[][] valuesColumns(double[][] points) {
        return ScatteredEvaluation.reshape(run(ScatteredEvaluation.rows(points, dimension(), name)), m);
    }

    @Override
    public double[] valuesColumns(double[] flatRowMajor) {
        return run(QueryBatch.ofFlat("flatRowMajor", flatRowMajor, dimension(), name));
    }

    @Override
    public String toString() {
        return name + "[" + tri + ", columns=" + m + ", fillValue=" + fillValue + ", rescale=" + rescaled() + "]";
    }

    /** @return the serialised form */
    abstract Form form();

    final Object writeReplace() {
        return form();
    }

    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException(name + " is read through its serialized form");
    }

    /**
     * The serialised form of the subclasses: the triangulation (itself validated on reading), the values,
     * the fill value and the rescaling, all validated again on reading; subclasses add their options.
     */
    abstract static class Form implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Delaunay tri;
        private final double[] values;
        private final int m;
        private final double fillValue;
        private final double[] offset;
        private final double[] scale;

        Form(TriangulatedInterpolant<?> ip) {
            tri = ip.tri;
            values = ip.values;
            m = ip.m;
            fillValue = ip.fillValue;
            offset = PointRescaling.offsetOf(ip.rescaling);
            scale = PointRescaling.scaleOf(ip.rescaling);
        }

        /**
         * @param tri       the triangulation (its dimension still to be checked against the interpolant's)
         * @param values    the checked values (a copy)
         * @param m         the number of columns
         * @param fillValue the fill value
         * @param r         the checked rescaling, or null
         * @return the interpolant (its own options checked here, throwing IllegalArgumentException)
         */
        abstract Object rebuild(Delaunay tri, double[] values, int m, double fillValue, PointRescaling r);

        /** @return the interpolant's name, for messages */
        String type() {
            return getClass().getEnclosingClass().getSimpleName();
        }

        final Object readResolve() throws ObjectStreamException {
            try {
                Validation.requireNonNull(tri, "tri");
                double[] v = ScatteredEvaluation.restoreValues(values, tri.pointCount(), m);
                return rebuild(tri, v, m, fillValue, PointRescaling.restore(offset, scale, tri.dimension()));
            } catch (RuntimeException e) {
                throw SerialProxies.invalid(type(), e);
            }
        }
    }

    /** The interpolants whose serialised form has no options beyond the shared ones. */
    enum Plain {
        /** {@link LinearNDInterpolator} */
        LINEAR,
        /** {@link NaturalNeighborInterpolator} */
        NATURAL
    }

    /** The serialised form of the interpolants without further options, told apart by {@link Plain}. */
    static final class PlainForm extends Form {
        private static final long serialVersionUID = 1L;
        private final Plain kind;

        PlainForm(TriangulatedInterpolant<?> ip, Plain kind) {
            super(ip);
            this.kind = kind;
        }

        @Override
        String type() {
            return kind == Plain.NATURAL ? "NaturalNeighborInterpolator" : "LinearNDInterpolator";
        }

        @Override
        Object rebuild(Delaunay tri, double[] values, int m, double fillValue, PointRescaling r) {
            Validation.requireNonNull(kind, "kind");
            if (kind == Plain.LINEAR) {
                prebuilt(tri, "LinearNDInterpolator", 3);
                return new LinearNDInterpolator(tri, values, m, fillValue, r);
            }
            prebuilt(tri, "NaturalNeighborInterpolator", 2);
            return new NaturalNeighborInterpolator(tri, values, m, fillValue, r);
        }
    }
}
