package io.github.interp4j.interpolate.internal.grid;

import io.github.interp4j.interpolate.OutOfRange;
import io.github.interp4j.interpolate.internal.range.RangePolicy;
import io.github.interp4j.interpolate.internal.validation.Validation;

/**
 * The result of {@link GridKernel#locate} for every coordinate of every axis of an outer-product mesh,
 * and each coordinate's range status, so that {@link GridEvaluator#valuesOnGrid} locates each coordinate
 * once. Thread-safety: immutable after construction.
 */
final class MeshTables {
    /** Inside the axis range: located. */
    private static final byte INSIDE = 0;
    /** Outside, mapped by the policy to a coordinate to evaluate at: located there. */
    private static final byte ADJUSTED = 1;
    /** Outside with a final answer (raise, fill, NaN mode): not located. */
    private static final byte FINAL = 2;
    /** NaN. */
    private static final byte NAN = 3;

    private final int d;
    private final RangePolicy[] policy;
    private final double[][] axes;
    private final byte[][] status;
    private final int[][] off;
    private final int[][] step;
    private final int[][] ival;
    private final double[][] y;
    /** Per axis, {@code basis[a][j * width + b]}, or null when the kernel has no basis values. */
    private final double[][] basis;
    private final int width;

    MeshTables(GridKernel kernel, Grid g, RangePolicy[] policy, double[][] axes) {
        this.d = g.d;
        this.policy = policy;
        this.axes = axes;
        status = new byte[d][];
        off = new int[d][];
        step = new int[d][];
        ival = new int[d][];
        y = new double[d][];
        GridWork wk = kernel.newWork();
        width = wk.basis == null ? 0 : wk.basis[0].length;
        basis = width > 0 ? new double[d][] : null;
        for (int a = 0; a < d; a++) {
            double[] xs = axes[a];
            int n = xs.length;
            status[a] = new byte[n];
            off[a] = new int[n];
            step[a] = new int[n];
            ival[a] = new int[n];
            y[a] = new double[n];
            if (basis != null) {
                basis[a] = new double[Validation.checkedSize("valuesOnGrid basis table", n, width)];
            }
            RangePolicy pa = policy[a];
            boolean raise = pa.kind() == OutOfRange.Kind.RAISE;
            for (int j = 0; j < n; j++) {
                double x = xs[j];
                if (x != x) {
                    status[a][j] = NAN;
                    continue;
                }
                if (!(x >= g.lo[a] && x <= g.hi[a])) {
                    double q = raise ? Double.NaN : pa.adjust(x);
                    if (q != q) {
                        status[a][j] = FINAL;
                        continue;
                    }
                    status[a][j] = ADJUSTED;
                    x = q;
                }
                kernel.locate(a, x, wk);
                off[a][j] = wk.off[a];
                step[a][j] = wk.step[a];
                ival[a][j] = wk.ival[a];
                y[a][j] = wk.y[a];
                if (basis != null) {
                    System.arraycopy(wk.basis[a], 0, basis[a], j * width, width);
                }
            }
        }
    }

    /**
     * Loads the located axes of output point {@code idx} into {@code wk}; false (answer in
     * {@code wk.answer}) when the answer is final.
     *
     * @throws io.github.interp4j.interpolate.RegularGridInterpolator.OutOfGridException in raise mode,
     *         naming the first outside axis and the flat output index
     */
    boolean load(int[] idx, int flat, GridWork wk) {
        boolean fin = false;
        for (int a = 0; a < d; a++) {
            byte s = status[a][idx[a]];
            if (s == NAN) {
                wk.answer = Double.NaN;
                return false;
            }
            if (s == FINAL) {
                fin = true;
            }
        }
        if (fin) {
            for (int a = 0; a < d; a++) {
                if (status[a][idx[a]] == FINAL) {
                    double x = axes[a][idx[a]];
                    policy[a].adjustOnAxis(x, a, flat);
                    wk.answer = policy[a].answer(x);
                    return false;
                }
            }
        }
        for (int a = 0; a < d; a++) {
            int j = idx[a];
            wk.off[a] = off[a][j];
            wk.step[a] = step[a][j];
            wk.ival[a] = ival[a][j];
            wk.y[a] = y[a][j];
            if (basis != null) {
                System.arraycopy(basis[a], j * width, wk.basis[a], 0, width);
            }
        }
        return true;
    }
}
