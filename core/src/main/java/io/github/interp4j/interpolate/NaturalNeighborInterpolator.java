package io.github.interp4j.interpolate;

import io.github.interp4j.interpolate.internal.scattered.NaturalNeighborKernel;
import io.github.interp4j.interpolate.internal.scattered.PointRescaling;
import io.github.interp4j.interpolate.internal.scattered.ScatteredEvaluation;
import io.github.interp4j.interpolate.internal.validation.QueryBatch;
import io.github.interp4j.interpolate.internal.validation.Validation;


/**
 * Natural-neighbour (Sibson) interpolation of scattered 2-D data on its Delaunay triangulation, as
 * MATLAB's {@code scatteredInterpolant(..., 'natural')} (scipy has no counterpart): the value at q is
 * {@code sum_i w_i f_i}, where {@code w_i} is the fraction of q's Voronoi cell (in the diagram with q
 * inserted) taken from the cell of data point i (Sibson 1981).
 *
 * <p>Computation (Watson 1992): the triangles whose circumcircle strictly contains q (decided by the exact
 * in-circle predicate) form the Bowyer-Watson cavity; its boundary vertices are q's natural neighbours, and
 * each weight is the area of a polygon of circumcentres (the old Voronoi vertices inside q's cell and q's
 * new ones), all coordinates taken relative to q. The interpolant reproduces linear functions, interpolates
 * the data, stays within the range of the natural neighbours' values (weights are non-negative) and is
 * continuous (C1 away from the data points).
 *
 * <p>Outside the convex hull: {@code fillValue} (default NaN); on a hull edge: the linear interpolation
 * along the edge (the limit of Sibson's interpolant there); at a data point: its value. A query with a NaN
 * coordinate gives NaN. {@code rescale} and duplicate points: as {@link LinearNDInterpolator}.
 *
 * <p>Complexity: construction is the triangulation; evaluation O(1) expected per query whatever the query
 * order (location as {@link Delaunay}, then a cavity of about 4 to 5 triangles for well-spread points)
 * plus O(m) per value column; batches visited bucket by bucket and run in parallel within the CPU budget
 * (one working store per chunk), bit for bit equal to single-point evaluation. Thread-safety: immutable.
 * Serialisation stores the triangulation, the values, the fill value and the rescaling; reading back
 * validates them.
 *
 * <p>References: R. Sibson, A brief description of natural neighbour interpolation, in Interpreting
 * Multivariate Data (1981); D. F. Watson, Contouring: A Guide to the Analysis and Display of Spatial Data
 * (1992).
 */
public final class NaturalNeighborInterpolator extends TriangulatedInterpolant<NaturalNeighborInterpolator.Work> {
    private static final long serialVersionUID = 1L;
    private static final String NAME = "NaturalNeighborInterpolator";

    private final transient NaturalNeighborKernel kernel;

    /**
     * Same as {@code NaturalNeighborInterpolator(points, values, NaN, false)}.
     *
     * @param points n rows of 2 finite coordinates
     * @param values n finite values
     */
    public NaturalNeighborInterpolator(double[][] points, double[] values) {
        this(points, values, Double.NaN, false);
    }

    /**
     * @param points    n rows of 2 finite coordinates, not all collinear, n at least 3
     * @param values    n finite values (not modified)
     * @param fillValue the value outside the convex hull
     * @param rescale   rescale the points to the unit box before triangulating (as scipy's {@code rescale})
     * @throws NullPointerException     if an argument or row is null
     * @throws IllegalArgumentException if shapes differ, a number is not finite, the points are not 2-D or
     *                                  are degenerate
     */
    public NaturalNeighborInterpolator(double[][] points, double[] values, double fillValue, boolean rescale) {
        this(points, ScatteredEvaluation.column(values), fillValue, rescale);
    }

    /**
     * Several value columns at once ({@code values[i][c]}: column c at point i).
     *
     * @param points    n rows of 2 finite coordinates
     * @param values    n rows of m finite values
     * @param fillValue the value outside the convex hull
     * @param rescale   rescale the points before triangulating
     * @throws NullPointerException     if an argument or row is null
     * @throws IllegalArgumentException as {@link #NaturalNeighborInterpolator(double[][], double[], double, boolean)}
     */
    public NaturalNeighborInterpolator(double[][] points, double[][] values, double fillValue, boolean rescale) {
        this(prepare(points, values, rescale, NAME, 2), values, fillValue);
    }

    /**
     * On a prebuilt 2-D triangulation.
     *
     * @param tri       the triangulation
     * @param values    {@code tri.pointCount()} finite values
     * @param fillValue the value outside the convex hull
     */
    public NaturalNeighborInterpolator(Delaunay tri, double[] values, double fillValue) {
        this(tri, ScatteredEvaluation.column(values), fillValue);
    }

    /**
     * On a prebuilt 2-D triangulation with value columns (no rescaling then, as the scipy classes).
     *
     * @param tri       the triangulation, of dimension 2
     * @param values    {@code tri.pointCount()} rows of m finite values
     * @param fillValue the value outside the convex hull
     * @throws IllegalArgumentException if the triangulation is not 2-D, or as the other constructors
     */
    public NaturalNeighborInterpolator(Delaunay tri, double[][] values, double fillValue) {
        this(prebuilt(tri, NAME, 2), values, fillValue);
    }

    private NaturalNeighborInterpolator(Prepared p, double[][] values, double fillValue) {
        this(p.tri(), ScatteredEvaluation.flattenValues(values, p.tri().pointCount()), values[0].length, fillValue,
                p.rescaling());
    }

    /** Core constructor (trusted arguments). */
    NaturalNeighborInterpolator(Delaunay tri, double[] values, int m, double fillValue,
            PointRescaling rescaling) {
        super(NAME, tri, values, m, fillValue, rescaling);
        this.kernel = new NaturalNeighborKernel(tri.mesh(), values, m);
    }

    /** One evaluating thread's working store (wraps the kernel's, which is not part of the exported API). */
    static final class Work {
        final NaturalNeighborKernel.Scratch scratch;

        Work(NaturalNeighborKernel.Scratch scratch) {
            this.scratch = scratch;
        }
    }

    @Override
    Work workspace() {
        return new Work(kernel.newScratch());
    }

    @Override
    void evaluate(double[] x, int xo, int t, double[] out, int o, Work w) {
        kernel.evaluate(x[xo], x[xo + 1], t, w.scratch, fillValue, out, o);
    }

    @Override
    Form form() {
        return new PlainForm(this, Plain.NATURAL);
    }
}
