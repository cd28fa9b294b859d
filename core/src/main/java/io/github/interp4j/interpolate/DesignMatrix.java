package io.github.interp4j.interpolate;

import io.github.interp4j.interpolate.internal.validation.Validation;

import java.util.Arrays;
import java.util.Objects;

/**
 * The B-spline design (collocation) matrix {@code A[i][j] = B_{j,k;t}(x[i])} in a compact sparse form, as
 * {@link BSpline#designMatrix(double[], double[], int)} returns it (scipy's {@code BSpline.design_matrix}, a CSR
 * array). Row {@code i} has {@code k + 1} consecutive entries that may be non-zero, in columns
 * {@code firstColumn(i) .. firstColumn(i) + k}; every other entry is zero. So the matrix is stored as
 * {@code rows() * (k + 1)} values and one first-column index per row; scipy's CSR {@code data} is
 * {@link #valuesFlat()}, its {@code indices} are {@code firstColumn(i) + a}, its {@code indptr} is
 * {@code i * (k + 1)}.
 *
 * <p>Thread-safety: immutable; accessors copy.
 */
public final class DesignMatrix {
    /** The largest number of entries {@link #toDense()} builds. */
    public static final long MAX_DENSE_ENTRIES = 1L << 26;

    private final int rows;
    private final int cols;
    private final int k;
    private final int[] first;
    private final double[] values;

    /** Trusted: the arrays are owned by this instance. */
    DesignMatrix(int rows, int cols, int k, int[] first, double[] values) {
        this.rows = rows;
        this.cols = cols;
        this.k = k;
        this.first = first;
        this.values = values;
    }

    /** @return the number of rows, one per abscissa */
    public int rows() {
        return rows;
    }

    /** @return the number of columns, one per B-spline: {@code t.length - k - 1} */
    public int columns() {
        return cols;
    }

    /** @return the degree {@code k}; each row has {@code k + 1} stored entries */
    public int degree() {
        return k;
    }

    /**
     * @param i the row
     * @return the column of the first stored entry of row {@code i} (scipy's offset: the knot interval minus k)
     * @throws IndexOutOfBoundsException if {@code i} is not a row
     */
    public int firstColumn(int i) {
        Objects.checkIndex(i, rows);
        return first[i];
    }

    /**
     * @param i the row
     * @return a copy of the {@code k + 1} stored entries of row {@code i}, for columns
     *         {@code firstColumn(i) .. firstColumn(i) + k}
     * @throws IndexOutOfBoundsException if {@code i} is not a row
     */
    public double[] values(int i) {
        Objects.checkIndex(i, rows);
        return Arrays.copyOfRange(values, i * (k + 1), (i + 1) * (k + 1));
    }

    /**
     * One entry. O(1).
     *
     * @param i the row
     * @param j the column
     * @return {@code A[i][j]}, 0 outside the stored band
     * @throws IndexOutOfBoundsException if {@code i} or {@code j} is out of range
     */
    public double get(int i, int j) {
        Objects.checkIndex(i, rows);
        Objects.checkIndex(j, cols);
        int a = j - first[i];
        return a >= 0 && a <= k ? values[i * (k + 1) + a] : 0.0;
    }

    /** @return a copy of the first-column indices, one per row */
    public int[] firstColumns() {
        return first.clone();
    }

    /** @return a copy of the stored entries, row-major, {@code rows() * (k + 1)} (scipy's CSR {@code data}) */
    public double[] valuesFlat() {
        return values.clone();
    }

    /**
     * The product {@code A c}: the spline with coefficients {@code c} at the abscissae. O(rows k).
     *
     * @param c the coefficients, at least {@link #columns()}
     * @return a new array of {@link #rows()} values
     * @throws NullPointerException     if {@code c} is null
     * @throws IllegalArgumentException if {@code c} is shorter than {@link #columns()}
     */
    public double[] multiply(double[] c) {
        Validation.requireNonNull(c, "c");
        if (c.length < cols) {
            throw new IllegalArgumentException("c.length = " + c.length + " < columns() = " + cols);
        }
        double[] out = new double[rows];
        int k1 = k + 1;
        for (int i = 0; i < rows; i++) {
            double s = 0.0;
            for (int a = 0; a <= k; a++) {
                s += values[i * k1 + a] * c[first[i] + a];
            }
            out[i] = s;
        }
        return out;
    }

    /**
     * The dense matrix, for small cases (tests, printing). O(rows * columns) time and memory.
     *
     * @return a new {@code rows() x columns()} array
     * @throws IllegalStateException if it would have more than {@link #MAX_DENSE_ENTRIES} entries
     */
    public double[][] toDense() {
        long size = (long) rows * cols;
        if (size > MAX_DENSE_ENTRIES) {
            throw new IllegalStateException("the dense design matrix would have " + rows + " x " + cols + " = " + size
                    + " entries, more than MAX_DENSE_ENTRIES = " + MAX_DENSE_ENTRIES + "; use the sparse accessors");
        }
        double[][] d = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(values, i * (k + 1), d[i], first[i], k + 1);
        }
        return d;
    }

    @Override
    public String toString() {
        return "DesignMatrix[" + rows + " x " + cols + ", k=" + k + ", " + ((long) rows * (k + 1)) + " stored]";
    }
}
