package io.github.interp4j.interpolate;

import io.github.interp4j.interpolate.internal.validation.Validation;

import java.util.Arrays;

/**
 * The one layout of m value columns: value {@code i} of column {@code j} at {@code flat[i * m + j]} (scipy's
 * row-major {@code (n, m)}), with the conversions from and to {@code double[n][m]} rows and the argument checks
 * of {@link Interpolant1D}'s column methods. Used by every multi-column interpolant.
 *
 * <p>Thread-safety: stateless.
 */
final class ColumnLayout {
    private ColumnLayout() {}

    /**
     * Checks that {@code rows} (at least one row) is rectangular with at least one column.
     *
     * @param name the array's name in messages
     * @param rows the rows
     * @return m, the row length
     * @throws NullPointerException     if a row is null ({@code "c[2] must not be null"})
     * @throws IllegalArgumentException if there is no column, or a row has another length
     *                                  ({@code "c must be rectangular: c[2].length = 1, expected 2"})
     */
    static int requireRectangular(String name, double[][] rows) {
        Validation.requireNonNull(rows[0], name + "[0]");
        int m = rows[0].length;
        if (m < 1) {
            throw new IllegalArgumentException(name + " must have at least 1 column, " + name + "[0].length = 0");
        }
        for (int i = 0; i < rows.length; i++) {
            Validation.requireNonNull(rows[i], name + "[" + i + "]");
            if (rows[i].length != m) {
                throw new IllegalArgumentException(name + " must be rectangular: " + name + "[" + i + "].length = "
                        + rows[i].length + ", expected " + m);
            }
        }
        return m;
    }

    /**
     * @param rows rectangular rows of length {@code m}
     * @param m    the row length
     * @return the rows copied into one row-major array
     * @throws IllegalArgumentException if the result would be too large for an array
     */
    static double[] flatten(double[][] rows, int m) {
        double[] flat = new double[Validation.checkedSize("y", rows.length, m)];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * m, m);
        }
        return flat;
    }

    /**
     * The inverse of {@link #flatten(double[][], int)}.
     *
     * @param flat row-major values, a multiple of {@code m} long
     * @param m    the number of columns
     * @return new rows {@code [flat.length / m][m]}
     */
    static double[][] rows(double[] flat, int m) {
        double[][] rows = new double[flat.length / m][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = Arrays.copyOfRange(flat, i * m, i * m + m);
        }
        return rows;
    }

    /**
     * @param flat row-major values, a multiple of {@code m} long
     * @param m    the number of columns
     * @param j    the column
     * @return a new array with column {@code j}
     */
    static double[] column(double[] flat, int m, int j) {
        double[] c = new double[flat.length / m];
        for (int i = 0; i < c.length; i++) {
            c[i] = flat[i * m + j];
        }
        return c;
    }

    /**
     * The check of {@link Interpolant1D#value(double, double[])}.
     *
     * @param out the output row
     * @param m   the number of columns
     * @throws NullPointerException     if {@code out} is null
     * @throws IllegalArgumentException if {@code out.length < m}
     */
    static void checkRow(double[] out, int m) {
        if (out == null) {
            throw new NullPointerException("out");
        }
        if (out.length < m) {
            throw new IllegalArgumentException("out.length = " + out.length + " < columns() = " + m);
        }
    }

    /**
     * The checks of {@link Interpolant1D#values(double[], double[])} ({@code m = 1}) and
     * {@link Interpolant1D#valuesColumns(double[], double[])}.
     *
     * @param xs  the queries
     * @param out the output, at least {@code xs.length * m} long
     * @param m   the number of columns
     * @throws NullPointerException     if an array is null
     * @throws IllegalArgumentException if {@code out} is too short
     */
    static void checkBatch(double[] xs, double[] out, int m) {
        if (xs == null) {
            throw new NullPointerException("xs");
        }
        if (out == null) {
            throw new NullPointerException("out");
        }
        long need = (long) xs.length * m;
        if (out.length < need) {
            throw new IllegalArgumentException("out.length = " + out.length + " < xs.length"
                    + (m == 1 ? "" : " * columns()") + " = " + need);
        }
    }

    /**
     * The check of the single-column methods ({@code value(double)}, {@code values(xs, out)}, ...).
     *
     * @param f the interpolant
     * @param m its number of columns
     * @throws IllegalStateException if {@code m > 1}, naming the column count and the column methods
     */
    static void requireOneColumn(Interpolant1D f, int m) {
        if (m != 1) {
            throw new IllegalStateException(f.getClass().getSimpleName() + " has " + m + " value columns: use"
                    + " value(x, out), valuesColumns(xs, out) or column(j)");
        }
    }

    /**
     * Piecewise coefficients in the flat per-interval layout of {@code PPolyKernel} / {@code BernsteinKernel}
     * ({@code flat[(i * order + j) * m + col]}) as scipy's {@code c[j][i][col]}. O(n order m).
     *
     * @param flat  the flat coefficients
     * @param n     the number of intervals
     * @param order coefficients per interval and column
     * @param m     the number of columns
     * @return a new array of shape {@code (order, n, m)}
     */
    static double[][][] pieces(double[] flat, int n, int order, int m) {
        double[][][] out = new double[order][n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < order; j++) {
                System.arraycopy(flat, (i * order + j) * m, out[j][i], 0, m);
            }
        }
        return out;
    }

    /**
     * The single column of {@link #pieces} as scipy's {@code c[j][i]}.
     *
     * @param flat  the flat coefficients of one column
     * @param n     the number of intervals
     * @param order coefficients per interval
     * @return a new array of shape {@code (order, n)}
     */
    static double[][] pieces(double[] flat, int n, int order) {
        double[][] out = new double[order][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < order; j++) {
                out[j][i] = flat[i * order + j];
            }
        }
        return out;
    }

    /**
     * scipy's {@code c[j][i][col]} (shape already checked) in the flat per-interval layout; the inverse of
     * {@link #pieces(double[], int, int, int)}.
     *
     * @param c     coefficients of shape {@code (order, n, m)}
     * @param n     the number of intervals
     * @param order coefficients per interval and column
     * @param m     the number of columns
     * @return the flat coefficients
     */
    static double[] flatPieces(double[][][] c, int n, int order, int m) {
        double[] flat = new double[Validation.checkedSize("piecewise coefficients", (long) n * order, m)];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < order; j++) {
                System.arraycopy(c[j][i], 0, flat, (i * order + j) * m, m);
            }
        }
        return flat;
    }
}
