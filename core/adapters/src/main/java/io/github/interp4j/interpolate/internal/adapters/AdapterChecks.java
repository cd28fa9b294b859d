package io.github.interp4j.interpolate.internal.adapters;

import io.github.interp4j.interpolate.OutOfRangeException;

import java.util.function.Supplier;

/**
 * The structural checks of the adapters, in the order Commons Math's and Hipparchus's own interpolators
 * make them (null, empty, lengths, too few points, order), each failure built by the library's {@link
 * ForeignErrors}; numeric checks (finiteness, degenerate geometry) stay with interp4j and arrive through
 * {@link #translate}. Every check runs before anything is allocated.
 */
public final class AdapterChecks {
    private AdapterChecks() {
    }

    /**
     * Checks 1-D data: both non-null, equal lengths, at least {@code minPoints}, {@code x} strictly increasing.
     *
     * @param x         abscissae
     * @param y         ordinates
     * @param minPoints the fewest points the method accepts
     * @param errors    the library's exceptions
     */
    public static void requireXY(double[] x, double[] y, int minPoints, ForeignErrors errors) {
        if (x == null) {
            throw errors.nullArgument("xval");
        }
        if (y == null) {
            throw errors.nullArgument("yval");
        }
        if (x.length != y.length) {
            throw errors.dimensionMismatch(x.length, y.length);
        }
        requireAxis(x, "xval", minPoints, errors);
    }

    /**
     * Checks one axis: non-null, non-empty, at least {@code minPoints}, strictly increasing.
     *
     * @param axis      the coordinates
     * @param name      the argument's name
     * @param minPoints the fewest points the method accepts
     * @param errors    the library's exceptions
     */
    public static void requireAxis(double[] axis, String name, int minPoints, ForeignErrors errors) {
        if (axis == null) {
            throw errors.nullArgument(name);
        }
        if (axis.length == 0) {
            throw errors.noData();
        }
        if (axis.length < minPoints) {
            throw errors.tooFewPoints(axis.length, minPoints);
        }
        for (int i = 1; i < axis.length; i++) {
            if (!(axis[i] > axis[i - 1])) {
                throw errors.notStrictlyIncreasing(axis[i], axis[i - 1], i);
            }
        }
    }

    /**
     * Checks 2-D grid data {@code f[i][j] = f(x[i], y[j])} and flattens it row-major (the layout of
     * {@link io.github.interp4j.interpolate.RegularGridInterpolator}).
     *
     * @param x         first axis
     * @param y         second axis
     * @param f         the values, {@code x.length} rows of {@code y.length}
     * @param minPoints the fewest points per axis
     * @param errors    the library's exceptions
     * @return the values, row-major
     */
    public static double[] flattenGrid(double[] x, double[] y, double[][] f, int minPoints, ForeignErrors errors) {
        if (f == null) {
            throw errors.nullArgument("fval");
        }
        if (x == null || y == null) {
            throw errors.nullArgument(x == null ? "xval" : "yval");
        }
        if (x.length == 0 || y.length == 0 || f.length == 0) {
            throw errors.noData();
        }
        requireRows(f, "fval", x.length, y.length, errors);
        requireAxis(x, "xval", minPoints, errors);
        requireAxis(y, "yval", minPoints, errors);
        double[] flat = new double[Math.multiplyExact(x.length, y.length)];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(f[i], 0, flat, i * y.length, y.length);
        }
        return flat;
    }

    /**
     * Checks 3-D grid data {@code f[i][j][k] = f(x[i], y[j], z[k])} and flattens it row-major.
     *
     * @param x         first axis
     * @param y         second axis
     * @param z         third axis
     * @param f         the values
     * @param minPoints the fewest points per axis
     * @param errors    the library's exceptions
     * @return the values, row-major
     */
    public static double[] flattenGrid(double[] x, double[] y, double[] z, double[][][] f, int minPoints,
                                       ForeignErrors errors) {
        if (f == null) {
            throw errors.nullArgument("fval");
        }
        if (x == null || y == null || z == null) {
            throw errors.nullArgument(x == null ? "xval" : y == null ? "yval" : "zval");
        }
        if (x.length == 0 || y.length == 0 || z.length == 0 || f.length == 0) {
            throw errors.noData();
        }
        if (f.length != x.length) {
            throw errors.dimensionMismatch(f.length, x.length);
        }
        for (int i = 0; i < f.length; i++) {
            if (f[i] == null) {
                throw errors.nullArgument("fval");
            }
            requireRows(f[i], "fval[" + i + "]", y.length, z.length, errors);
        }
        requireAxis(x, "xval", minPoints, errors);
        requireAxis(y, "yval", minPoints, errors);
        requireAxis(z, "zval", minPoints, errors);
        int plane = Math.multiplyExact(y.length, z.length);
        double[] flat = new double[Math.multiplyExact(x.length, plane)];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y.length; j++) {
                System.arraycopy(f[i][j], 0, flat, i * plane + j * z.length, z.length);
            }
        }
        return flat;
    }

    /**
     * Rows of the right count and length, every value finite: the adapters refuse NaN and infinite grid
     * values for every method (interp4j's linear and nearest grid methods would let a NaN propagate
     * locally, as scipy's do, which the Commons Math and Hipparchus interfaces do not promise).
     */
    private static void requireRows(double[][] f, String name, int rows, int columns, ForeignErrors errors) {
        if (f.length != rows) {
            throw errors.dimensionMismatch(f.length, rows);
        }
        for (int i = 0; i < f.length; i++) {
            double[] row = f[i];
            if (row == null) {
                throw errors.nullArgument(name);
            }
            if (row.length != columns) {
                throw errors.dimensionMismatch(row.length, columns);
            }
            for (int j = 0; j < row.length; j++) {
                if (!Double.isFinite(row[j])) {
                    throw errors.illegalArgument(new IllegalArgumentException(
                            name + "[" + i + "][" + j + "] = " + row[j] + " is not finite"));
                }
            }
        }
    }

    /**
     * Checks scattered data: non-null, non-empty, one value per point, every point of the first point's
     * dimension.
     *
     * @param points the points
     * @param values the values
     * @param errors the library's exceptions
     * @return the dimension
     */
    public static int requireScattered(double[][] points, double[] values, ForeignErrors errors) {
        if (points == null) {
            throw errors.nullArgument("xval");
        }
        if (values == null) {
            throw errors.nullArgument("yval");
        }
        if (points.length == 0) {
            throw errors.noData();
        }
        if (points.length != values.length) {
            throw errors.dimensionMismatch(points.length, values.length);
        }
        if (points[0] == null) {
            throw errors.nullArgument("xval[0]");
        }
        int d = points[0].length;
        if (d == 0) {
            throw errors.noData();
        }
        for (double[] p : points) {
            if (p == null) {
                throw errors.nullArgument("xval");
            }
            if (p.length != d) {
                throw errors.dimensionMismatch(p.length, d);
            }
        }
        return d;
    }

    /**
     * Checks a query point's dimension.
     *
     * @param point     the query
     * @param dimension the interpolant's dimension
     * @param errors    the library's exceptions
     */
    public static void requirePoint(double[] point, int dimension, ForeignErrors errors) {
        if (point == null) {
            throw errors.nullArgument("point");
        }
        if (point.length != dimension) {
            throw errors.dimensionMismatch(point.length, dimension);
        }
    }

    /**
     * Runs an interp4j call, turning its out-of-range exception into the library's and any other
     * {@link IllegalArgumentException} into the library's illegal-argument exception (message and cause kept).
     *
     * @param call   the call
     * @param errors the library's exceptions
     * @param <T>    the result type
     * @return the call's result
     */
    public static <T> T translate(Supplier<T> call, ForeignErrors errors) {
        try {
            return call.get();
        } catch (IllegalArgumentException e) {
            throw translated(e, errors);
        }
    }

    /**
     * The library's exception for one of interp4j's: {@link OutOfRangeException} (and the grid's
     * subclass) becomes the library's out-of-range exception, any other {@link IllegalArgumentException}
     * its illegal-argument exception with the message and the cause kept.
     *
     * @param e      interp4j's exception
     * @param errors the library's exceptions
     * @return the exception to throw
     */
    public static RuntimeException translated(IllegalArgumentException e, ForeignErrors errors) {
        if (e instanceof OutOfRangeException r) {
            return errors.outOfRange(r.value(), r.lower(), r.upper());
        }
        return errors.illegalArgument(e);
    }
}
