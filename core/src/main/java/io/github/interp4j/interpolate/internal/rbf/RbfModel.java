package io.github.interp4j.interpolate.internal.rbf;

/**
 * A fitted radial basis function interpolant, as scipy's {@code RBFInterpolator} stores it:
 * <pre>
 *   f_c(x) = sum_j a[c][j] phi(|eps x - eps y_j|) + sum_t b[c][t] prod_k xhat_k^powers[t][k],
 *   xhat_k = (x_k - shift_k) / scale_k
 * </pre>
 * for value columns {@code c}. The centres are kept scaled by epsilon and as structure of arrays
 * ({@code centres[k][j]}), so the distance loops stream through one coordinate at a time.
 *
 * <p>Evaluation of one query works on blocks of {@link #BLOCK} centres: the squared distance over all
 * coordinates but the last is accumulated into a small buffer (simple loops the JIT vectorises), then
 * one fused loop completes the distance with the last coordinate, applies the kernel and accumulates
 * (one value column), or the kernel values are written to the buffer and dotted with each column's
 * coefficients (several columns). Each query is computed by the same operations in the same order
 * whatever else is evaluated, so batch and parallel results equal point results bit for bit.
 *
 * <p>Thread-safety: immutable after construction; a {@link Scratch} belongs to one thread.
 */
public final class RbfModel {
    /** Centres per block of the evaluation loops. */
    public static final int BLOCK = 512;
    private static final double[] ZEROS = new double[BLOCK];

    final RbfKernel kernel;
    final int dim;
    final int size;
    final int columns;
    final int monomials;
    final double epsilon;
    /** {@code centres[k][j]}: coordinate k of centre j, times epsilon. */
    final double[][] centres;
    final double[] shift;
    final double[] scale;
    /** {@code powers[t * dim + k]}. */
    final int[] powers;
    /** {@code kernelCoef[c][j]}. */
    final double[][] kernelCoef;
    /** {@code polyCoef[c][t]}. */
    final double[][] polyCoef;
    /** {@code kernelCoef[0]} times {@link RbfKernel#fusedScale()}. */
    final double[] fusedCoef;

    RbfModel(RbfKernel kernel, int dim, int size, int columns, double epsilon, double[][] centres, double[] shift,
             double[] scale, int[] powers, double[][] kernelCoef, double[][] polyCoef) {
        this.kernel = kernel;
        this.dim = dim;
        this.size = size;
        this.columns = columns;
        this.monomials = powers.length / dim;
        this.epsilon = epsilon;
        this.centres = centres;
        this.shift = shift;
        this.scale = scale;
        this.powers = powers;
        this.kernelCoef = kernelCoef;
        this.polyCoef = polyCoef;
        double f = kernel.fusedScale();
        double[] fc = new double[size];
        for (int j = 0; j < size; j++) {
            fc[j] = kernelCoef[0][j] * f;
        }
        this.fusedCoef = fc;
    }

    /** @return the number of centres */
    public int size() {
        return size;
    }

    /** @return the number of value columns */
    public int columns() {
        return columns;
    }

    /** @return the number of monomials */
    public int monomials() {
        return monomials;
    }

    /** @return the dimension */
    public int dim() {
        return dim;
    }

    /**
     * @param c the column
     * @return a copy of the kernel coefficients of column {@code c}
     */
    public double[] kernelCoefficients(int c) {
        return kernelCoef[c].clone();
    }

    /**
     * @param c the column
     * @return a copy of the polynomial coefficients of column {@code c}
     */
    public double[] polynomialCoefficients(int c) {
        return polyCoef[c].clone();
    }

    /** @return a copy of the polynomial domain shift */
    public double[] shift() {
        return shift.clone();
    }

    /** @return a copy of the polynomial domain scale */
    public double[] scale() {
        return scale.clone();
    }

    /** Per-thread work space. */
    public static final class Scratch {
        final double[] partial = new double[BLOCK];
        final double[] scaled;
        final double[] mono;
        final double[] acc;

        /** @param model the model this scratch serves (sizes only) */
        public Scratch(RbfModel model) {
            scaled = new double[model.dim];
            mono = new double[model.monomials];
            acc = new double[model.columns];
        }
    }

    /**
     * @param x   coordinates
     * @param off the first one's index
     * @param d   how many
     * @return whether {@code x[off .. off + d)} are all finite
     */
    static boolean finite(double[] x, int off, int d) {
        for (int k = 0; k < d; k++) {
            double v = x[off + k];
            if (v - v != 0.0) {
                return false;
            }
        }
        return true;
    }

    /** Fills {@code mono} with the monomials at {@code x[off ..]} (original coordinates). */
    private void monomials(double[] x, int off, double[] mono) {
        for (int t = 0; t < monomials; t++) {
            mono[t] = RbfMonomials.value(x, off, t, powers, shift, scale);
        }
    }

    /** Writes the scaled query {@code x[off + k] * epsilon} to {@code xe}. */
    private void scaled(double[] x, int off, double[] xe) {
        for (int k = 0; k < dim; k++) {
            xe[k] = x[off + k] * epsilon;
        }
    }

    /** Squared scaled distances over coordinates {@code 0 .. upTo-1} to centres {@code [j0, j0+len)} into {@code out[0, len)}. */
    private void partialDistances(double[] xe, int upTo, int j0, int len, double[] out) {
        double[] c0 = centres[0];
        double q0 = xe[0];
        for (int j = 0; j < len; j++) {
            double t = q0 - c0[j0 + j];
            out[j] = t * t;
        }
        for (int k = 1; k < upTo; k++) {
            double[] ck = centres[k];
            double qk = xe[k];
            for (int j = 0; j < len; j++) {
                double t = qk - ck[j0 + j];
                out[j] += t * t;
            }
        }
    }

    /**
     * Column 0 at one point, by the fused loop. A point with a non-finite coordinate gives NaN.
     *
     * @param x   the point's array
     * @param off the index of its first coordinate ({@code dim} coordinates, not checked here)
     * @param s   this thread's scratch
     * @return the value
     */
    public double value(double[] x, int off, Scratch s) {
        int d = dim;
        if (!finite(x, off, d)) {
            return Double.NaN;
        }
        double[] xe = s.scaled;
        scaled(x, off, xe);
        double[] last = centres[d - 1];
        double qLast = xe[d - 1];
        double acc = 0.0;
        for (int j0 = 0; j0 < size; j0 += BLOCK) {
            int len = Math.min(BLOCK, size - j0);
            double[] partial;
            if (d == 1) {
                partial = ZEROS;
            } else {
                partial = s.partial;
                partialDistances(xe, d - 1, j0, len, partial);
            }
            acc += kernel.fusedSum(partial, last, j0, qLast, fusedCoef, len);
        }
        if (monomials > 0) {
            monomials(x, off, s.mono);
            double[] b = polyCoef[0];
            double p = 0.0;
            for (int t = 0; t < monomials; t++) {
                p += b[t] * s.mono[t];
            }
            acc += p;
        }
        return acc;
    }

    /**
     * All columns at one point: kernel values per block, then one dot product per column. A point with
     * a non-finite coordinate gives NaN in every column.
     *
     * @param x    the point's array
     * @param xoff the index of its first coordinate
     * @param out  receives column c at {@code out[off + c]}
     * @param off  the offset in {@code out}
     * @param s    this thread's scratch
     */
    public void values(double[] x, int xoff, double[] out, int off, Scratch s) {
        int m = columns;
        int d = dim;
        if (!finite(x, xoff, d)) {
            for (int c = 0; c < m; c++) {
                out[off + c] = Double.NaN;
            }
            return;
        }
        double[] xe = s.scaled;
        scaled(x, xoff, xe);
        double[] acc = s.acc;
        java.util.Arrays.fill(acc, 0.0);
        double[] buf = s.partial;
        for (int j0 = 0; j0 < size; j0 += BLOCK) {
            int len = Math.min(BLOCK, size - j0);
            partialDistances(xe, d, j0, len, buf);
            kernel.applyInPlace(buf, 0, len);
            for (int c = 0; c < m; c++) {
                acc[c] += dot(kernelCoef[c], j0, buf, len);
            }
        }
        if (monomials > 0) {
            monomials(x, xoff, s.mono);
        }
        for (int c = 0; c < m; c++) {
            double[] b = polyCoef[c];
            double p = 0.0;
            for (int t = 0; t < monomials; t++) {
                p += b[t] * s.mono[t];
            }
            out[off + c] = acc[c] + p;
        }
    }

    /** {@code sum a[off + j] * b[j]} over {@code j < len}, with four partial sums (breaks the add latency chain). */
    private static double dot(double[] a, int off, double[] b, int len) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int j = 0;
        for (; j + 3 < len; j += 4) {
            s0 += a[off + j] * b[j];
            s1 += a[off + j + 1] * b[j + 1];
            s2 += a[off + j + 2] * b[j + 2];
            s3 += a[off + j + 3] * b[j + 3];
        }
        for (; j < len; j++) {
            s0 += a[off + j] * b[j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * One row of the evaluation matrix {@code [phi(|eps x - eps y_j|) ..., monomials(x) ...]}, of length
     * {@code size + monomials}, for a product with the stacked coefficients. A non-finite point gives
     * a row of NaN.
     *
     * @param x   the point's array
     * @param off the index of its first coordinate
     * @param row receives the row at {@code [0, size + monomials)}
     * @param s   this thread's scratch
     */
    public void evaluationRow(double[] x, int off, double[] row, Scratch s) {
        int d = dim;
        if (!finite(x, off, d)) {
            java.util.Arrays.fill(row, 0, size + monomials, Double.NaN);
            return;
        }
        double[] xe = s.scaled;
        scaled(x, off, xe);
        for (int j0 = 0; j0 < size; j0 += BLOCK) {
            int len = Math.min(BLOCK, size - j0);
            partialDistances(xe, d, j0, len, s.partial);
            kernel.applyInPlace(s.partial, 0, len);
            System.arraycopy(s.partial, 0, row, j0, len);
        }
        if (monomials > 0) {
            monomials(x, off, s.mono);
            System.arraycopy(s.mono, 0, row, size, monomials);
        }
    }

    /**
     * The stacked coefficients {@code [a; b]} as a row-major {@code (size + monomials) x columns}
     * matrix, for the product with evaluation rows.
     *
     * @return a new array
     */
    public double[] stackedCoefficients() {
        int m = columns;
        int rows = size + monomials;
        double[] out = new double[rows * m];
        for (int c = 0; c < m; c++) {
            for (int j = 0; j < size; j++) {
                out[j * m + c] = kernelCoef[c][j];
            }
            for (int t = 0; t < monomials; t++) {
                out[(size + t) * m + c] = polyCoef[c][t];
            }
        }
        return out;
    }
}
