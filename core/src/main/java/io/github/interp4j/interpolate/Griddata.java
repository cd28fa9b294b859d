package io.github.interp4j.interpolate;

import io.github.interp4j.interpolate.internal.scattered.ScatteredEvaluation;
import io.github.interp4j.interpolate.internal.validation.Validation;

/**
 * {@code scipy.interpolate.griddata(points, values, xi, method, fill_value=nan, rescale=False)}: interpolate
 * scattered data at the points {@code xi} in one call.
 *
 * <ul>
 *   <li>{@link Method#NEAREST}: {@link NearestNDInterpolator} (any dimension; {@code fillValue} unused, as scipy);</li>
 *   <li>{@link Method#LINEAR}: {@link LinearNDInterpolator} (2-D, 3-D), {@code fillValue} outside the hull;</li>
 *   <li>{@link Method#CUBIC}: {@link CloughTocher2DInterpolator} with scipy's default tol and maxiter (2-D);</li>
 *   <li>{@link Method#NATURAL}: natural-neighbour (Sibson) interpolation, {@link NaturalNeighborInterpolator}
 *       (2-D; beyond scipy, as MATLAB's {@code griddata(..., 'natural')}).</li>
 * </ul>
 * One-dimensional points follow scipy: {@link Interp1d} of kind {@code nearest} (extrapolating),
 * {@code linear} or {@code cubic} with {@code fillValue} outside the data range; {@code rescale} is then
 * ignored.
 *
 * <p>Complexity: building the interpolant (a triangulation, O(n log n) expected, or a k-d tree) plus one
 * evaluation per query, in parallel for large batches. Thread-safety: stateless.
 */
public final class Griddata {
    private Griddata() {}

    /** scipy's {@code method} argument, plus natural neighbour. */
    public enum Method {
        /** Value of the nearest data point ({@code 'nearest'}). */
        NEAREST,
        /** Piecewise linear on the Delaunay triangulation ({@code 'linear'}, scipy's default). */
        LINEAR,
        /** Clough-Tocher piecewise cubic, C1, 2-D only ({@code 'cubic'}). */
        CUBIC,
        /** Sibson's natural-neighbour interpolation, 2-D only (not in scipy). */
        NATURAL
    }

    /**
     * {@code griddata(points, values, xi, method)} with {@code fill_value = NaN}, {@code rescale = False}.
     *
     * @param points n rows of d finite coordinates
     * @param values n finite values
     * @param xi     the query points, rows of d coordinates
     * @param method the method
     * @return a new array, one value per query
     */
    public static double[] griddata(double[][] points, double[] values, double[][] xi, Method method) {
        return griddata(points, values, xi, method, Double.NaN, false);
    }

    /**
     * scipy's {@code griddata} with one value column.
     *
     * @param points    n rows of d finite coordinates
     * @param values    n finite values
     * @param xi        the query points, rows of d coordinates
     * @param method    the method
     * @param fillValue the value outside the convex hull (LINEAR, CUBIC, NATURAL; 1-D: outside the range)
     * @param rescale   rescale the points to the unit box first (scipy's {@code rescale}; ignored in 1-D)
     * @return a new array, one value per query
     * @throws NullPointerException          if an argument or row is null
     * @throws IllegalArgumentException      if shapes differ, a number is not finite, the method does not
     *                                       support the dimension (CUBIC and NATURAL: 2-D, LINEAR: 2-D or
     *                                       3-D; 1-D: all but NATURAL), or the points are degenerate
     */
    public static double[] griddata(double[][] points, double[] values, double[][] xi, Method method,
            double fillValue, boolean rescale) {
        double[][] r = griddataColumns(points, ScatteredEvaluation.column(values), xi, method, fillValue, rescale);
        double[] out = new double[r.length];
        for (int j = 0; j < r.length; j++) {
            out[j] = r[j][0];
        }
        return out;
    }

    /**
     * scipy's {@code griddata} with several value columns ({@code values[i][c]}: column c at point i).
     *
     * @param points    n rows of d finite coordinates
     * @param values    n rows of m finite values
     * @param xi        the query points, rows of d coordinates
     * @param method    the method
     * @param fillValue the value outside the convex hull
     * @param rescale   rescale the points first
     * @return a new array, {@code out[j][c]} column c at {@code xi[j]}
     * @throws NullPointerException          if an argument or row is null
     * @throws IllegalArgumentException      as {@link #griddata(double[][], double[], double[][], Method, double, boolean)}
     */
    public static double[][] griddataColumns(double[][] points, double[][] values, double[][] xi, Method method,
            double fillValue, boolean rescale) {
        Validation.requireNonNull(points, "points");
        Validation.requireNonNull(values, "values");
        Validation.requireNonNull(xi, "xi");
        Validation.requireNonNull(method, "method");
        if (points.length > 0 && points[0] != null && points[0].length == 1) {
            return oneDimensional(points, values, xi, method, fillValue);
        }
        InterpolantND ip;
        switch (method) {
            case NEAREST:
                ip = new NearestNDInterpolator(points, values, rescale);
                break;
            case LINEAR:
                ip = new LinearNDInterpolator(points, values, fillValue, rescale);
                break;
            case CUBIC:
                ip = new CloughTocher2DInterpolator(points, values, fillValue,
                        CloughTocher2DInterpolator.DEFAULT_TOL, CloughTocher2DInterpolator.DEFAULT_MAXITER, rescale);
                break;
            case NATURAL:
                ip = new NaturalNeighborInterpolator(points, values, fillValue, rescale);
                break;
            default:
                throw new AssertionError(method);
        }
        return ip.valuesColumns(xi);
    }

    private static double[][] oneDimensional(double[][] points, double[][] values, double[][] xi, Method method,
            double fillValue) {
        Interp1d.Kind kind;
        OutOfRange oor;
        switch (method) {
            case NEAREST:
                kind = Interp1d.Kind.NEAREST;
                oor = OutOfRange.extrapolate();
                break;
            case LINEAR:
                kind = Interp1d.Kind.LINEAR;
                oor = OutOfRange.fill(fillValue);
                break;
            case CUBIC:
                kind = Interp1d.Kind.CUBIC;
                oor = OutOfRange.fill(fillValue);
                break;
            default:
                throw new IllegalArgumentException("griddata method " + method + " needs 2-D points, got 1-D");
        }
        Validation.requireFiniteRows("points", points, 1);
        Validation.requireSameLength("points", points.length, "values", values.length);
        if (values.length == 0 || values[0] == null) {
            throw new IllegalArgumentException("values must have at least one non-null row");
        }
        int m = values[0].length;
        Validation.requireFiniteRows("values", values, m);
        for (int j = 0; j < xi.length; j++) {
            if (xi[j] == null) {
                throw new NullPointerException("xi[" + j + "] must not be null");
            }
            if (xi[j].length != 1) {
                throw new IllegalArgumentException("xi[" + j + "].length = " + xi[j].length + ", the points have dimension 1");
            }
        }
        double[] x = new double[points.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = points[i][0];
        }
        double[] q = new double[xi.length];
        for (int j = 0; j < q.length; j++) {
            q[j] = xi[j][0];
        }
        double[][] out = new double[xi.length][m];
        for (int c = 0; c < m; c++) {
            double[] y = new double[x.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = values[i][c];
            }
            Interp1d f = new Interp1d(x, y, kind).withOutOfRange(oor);
            for (int j = 0; j < q.length; j++) {
                out[j][c] = f.value(q[j]);
            }
        }
        return out;
    }
}
