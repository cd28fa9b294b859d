package io.github.interp4j.interpolate.internal.grid;

/**
 * Per-thread scratch of one query: what {@link GridKernel#locate} found per axis and the kernels'
 * combination buffers. Sized once per thread (by {@link GridKernel#newWork()}), never per query.
 *
 * <p>Thread-safety: belongs to one thread.
 */
public final class GridWork {
    /** Offset contribution of each axis to the first datum read. */
    final int[] off;
    /** Stride to the upper cell corner per axis (linear). */
    final int[] step;
    /** Interval index per axis. */
    final int[] ival;
    /** Weight (linear, nearest) or coordinate (pchip) per axis. */
    final double[] y;
    /** Non-zero B-spline values per axis (splines), else null. */
    final double[][] basis;
    /** Combination buffer (splines, pchip), else null. */
    final double[] tmp;
    /** Odometer digits of the combination. */
    final int[] digit;
    /** The adjusted coordinates of an out-of-range query. */
    final double[] coords;
    /** The final answer when a query is not located (NaN, fill). */
    double answer;

    /**
     * @param d          the number of axes
     * @param basisWidth B-spline values per axis, 0 for none
     * @param tmpLength  the combination buffer's length, 0 for none
     */
    GridWork(int d, int basisWidth, int tmpLength) {
        off = new int[d];
        step = new int[d];
        ival = new int[d];
        y = new double[d];
        coords = new double[d];
        digit = new int[d];
        basis = basisWidth > 0 ? new double[d][basisWidth] : null;
        tmp = tmpLength > 0 ? new double[tmpLength] : null;
    }

    /** @return {@code b^e}, checked for overflow */
    static int pow(int b, int e) {
        int r = 1;
        for (int i = 0; i < e; i++) {
            r = Math.multiplyExact(r, b);
        }
        return r;
    }
}
