package io.github.interp4j.interpolate.internal.grid;

import io.github.interp4j.interpolate.internal.linalg.BandedLU;
import io.github.interp4j.interpolate.internal.parallel.ParallelEvaluation;
import io.github.interp4j.interpolate.internal.search.IntervalIndex;
import io.github.interp4j.interpolate.internal.spline.InterpSplineSolver;
import io.github.interp4j.interpolate.internal.spline.SplineCore;
import io.github.interp4j.interpolate.internal.validation.Validation;

import java.util.Arrays;

/**
 * scipy's {@code method="slinear" / "cubic" / "quintic"}: the tensor-product spline of degree
 * {@code k = 1, 3, 5} that interpolates every datum, with {@code make_interp_spline}'s not-a-knot knots on
 * every axis (scipy's {@code make_ndbspl} / {@code NdBSpline}).
 *
 * <h2>Construction</h2>
 * The coefficients solve {@code (A_0 (x) ... (x) A_{d-1}) c = v}, {@code A_a} the banded collocation
 * matrix of axis {@code a}: each {@code A_a} is factored once ({@link BandedLU#factor}) and applied along
 * its axis of every column's value tensor, lines gathered in blocks of up to 64 into contiguous scratch
 * (the inner loops run over right-hand sides), blocks in parallel. O(N k) per axis and column.
 *
 * <h2>Evaluation</h2>
 * Tensor-product de Boor: the {@code k + 1} non-zero B-splines per axis, then a contraction axis by axis.
 * O(d) expected plus O((k + 1)^d) per query and column.
 *
 * <p>Thread-safety: immutable.
 */
public final class SplineKernel implements GridKernel {
    private final Grid g;
    private final int d;
    private final int k;
    /** Spline knots per axis. */
    private final double[][] knots;
    /** The interval search on each axis's base interval of knots. */
    private final IntervalIndex[] knotIndex;
    /** The coefficients per column. */
    private final double[][] coef;

    /**
     * Solves for the coefficients of every column.
     *
     * @param grid    the grid, at least {@code k + 1} points per axis
     * @param columns the values per column on the ascending grid (not modified, not kept)
     * @param k       the degree, odd
     * @throws IllegalArgumentException if a collocation matrix is singular (names the axis)
     */
    public SplineKernel(Grid grid, double[][] columns, int k) {
        this.g = grid;
        this.d = grid.d;
        this.k = k;
        knots = new double[d][];
        knotIndex = new IntervalIndex[d];
        BandedLU.Factor[] factors = new BandedLU.Factor[d];
        for (int a = 0; a < d; a++) {
            double[] t = InterpSplineSolver.notAKnotKnots(grid.axes[a], k);
            knots[a] = t;
            int nt = t.length - k - 1;
            knotIndex[a] = new IntervalIndex(Arrays.copyOfRange(t, k, nt + 1));
            factors[a] = collocation(grid.axes[a], t, k, knotIndex[a], a);
        }
        double[][] cs = new double[columns.length][];
        for (int j = 0; j < columns.length; j++) {
            double[] c = Arrays.copyOf(columns[j], columns[j].length);
            for (int a = 0; a < d; a++) {
                solveAlongAxis(c, factors[a], grid.shape, grid.stride, a);
            }
            cs[j] = c;
        }
        this.coef = cs;
    }

    /**
     * @param degree the degree
     * @return the factory of the kernels of that degree
     */
    public static GridKernel.Factory ofDegree(int degree) {
        return (grid, columns) -> new SplineKernel(grid, columns, degree);
    }

    @Override
    public GridWork newWork() {
        return new GridWork(d, k + 1, GridWork.pow(k + 1, d - 1));
    }

    @Override
    public void locate(int a, double x, GridWork wk) {
        int l = k + knotIndex[a].find(x);
        SplineCore.basis(knots[a], k, x, l, wk.basis[a]);
        wk.off[a] = (l - k) * g.stride[a];
    }

    /**
     * Tensor-product de Boor: for every combination of the {@code k + 1} non-zero B-splines on axes
     * {@code 0..d-2}, the dot product along the last axis (contiguous coefficients); then reduce axis
     * {@code d-2}, ..., 0 with their basis values.
     */
    @Override
    public double combine(GridWork wk, int col) {
        final int kk = k + 1;
        final double[] c = coef[col];
        final int last = d - 1;
        final double[] bl = wk.basis[last];
        final int offLast = wk.off[last];
        if (d == 1) {
            double s = 0.0;
            for (int j = 0; j < kk; j++) {
                s += c[offLast + j] * bl[j];
            }
            return s;
        }
        if (d == 3) {
            return combine3(wk, c);
        }
        final int[] stride = g.stride;
        final double[] tmp = wk.tmp;
        final int[] digit = wk.digit;
        final int[] off = wk.off;
        int base = offLast;
        for (int a = 0; a < last; a++) {
            digit[a] = 0;
            base += off[a];
        }
        int count = tmp.length;
        for (int q = 0; q < count; q++) {
            double s = 0.0;
            for (int j = 0; j < kk; j++) {
                s += c[base + j] * bl[j];
            }
            tmp[q] = s;
            // odometer over axes last-1 .. 0
            for (int a = last - 1; a >= 0; a--) {
                if (++digit[a] < kk) {
                    base += stride[a];
                    break;
                }
                digit[a] = 0;
                base -= (kk - 1) * stride[a];
            }
        }
        for (int a = last - 1; a >= 0; a--) {
            final double[] b = wk.basis[a];
            count /= kk;
            for (int q = 0; q < count; q++) {
                int src = q * kk;
                double s = 0.0;
                for (int j = 0; j < kk; j++) {
                    s += tmp[src + j] * b[j];
                }
                tmp[q] = s;
            }
        }
        return tmp[0];
    }

    /** {@link #combine} for {@code d == 3}, the same operations in the same order, without the buffer. */
    private double combine3(GridWork wk, double[] c) {
        final int kk = k + 1;
        final double[] b0 = wk.basis[0];
        final double[] b1 = wk.basis[1];
        final double[] b2 = wk.basis[2];
        final int s0 = g.stride[0];
        final int s1 = g.stride[1];
        final int base = wk.off[0] + wk.off[1] + wk.off[2];
        double r = 0.0;
        for (int i0 = 0; i0 < kk; i0++) {
            double t1 = 0.0;
            final int o0 = base + i0 * s0;
            for (int i1 = 0; i1 < kk; i1++) {
                final int o = o0 + i1 * s1;
                double s = 0.0;
                for (int j = 0; j < kk; j++) {
                    s += c[o + j] * b2[j];
                }
                t1 += s * b1[i1];
            }
            r += t1 * b0[i0];
        }
        return r;
    }

    /**
     * The collocation matrix {@code A[r][j] = B_j(x_r)} of the not-a-knot spline of degree {@code k} on
     * axis {@code axis}, in band storage, LU-factored. The rows are evaluated as scipy's design matrix
     * ({@code x_r} in interval {@code l} with {@code t[l] <= x_r < t[l + 1]}, the last point in the last
     * interval).
     */
    private static BandedLU.Factor collocation(double[] x, double[] t, int k, IntervalIndex knotIndex, int axis) {
        int n = x.length;
        int[] left = new int[n];
        int kl = 0;
        int ku = 0;
        for (int r = 0; r < n; r++) {
            int l = k + knotIndex.find(x[r]);
            left[r] = l;
            kl = Math.max(kl, r - (l - k));
            ku = Math.max(ku, l - r);
        }
        int w = BandedLU.width(kl, ku);
        double[] ab = new double[Validation.checkedSize("collocation matrix", n, w)];
        double[] h = new double[k + 1];
        for (int r = 0; r < n; r++) {
            int l = left[r];
            SplineCore.basis(t, k, x[r], l, h);
            int rowBase = r * w + kl - r;
            for (int b = 0; b <= k; b++) {
                ab[rowBase + l - k + b] = h[b];
            }
        }
        try {
            return BandedLU.factor(n, kl, ku, ab);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("The collocation matrix of dimension " + axis + " is singular ("
                    + e.getMessage() + ")", e);
        }
    }

    /** Lines per block in {@link #solveAlongAxis}: the block of {@code n * lines} doubles stays in L1/L2. */
    private static int blockLines(int n) {
        return Math.max(1, Math.min(64, 8192 / n));
    }

    /**
     * Axes whose lines are at least this far apart ({@code stride[a]}) are solved where they lie, as column
     * blocks of the {@code n x stride[a]} slabs; closer lines (the last axes) are gathered first.
     */
    private static final int IN_PLACE_MIN_STRIDE = 16;

    /** Columns per in-place block: {@code n * width} doubles stay in L2. */
    private static int blockColumns(int n) {
        return Math.max(IN_PLACE_MIN_STRIDE, 32768 / n);
    }

    /**
     * Applies {@code A^-1} along axis {@code a} of the row-major tensor {@code c}: every line
     * {@code c[p, :, q]} (p over the axes before, q over the axes after) is replaced by the solution of
     * {@code A z = line}. The tensor is a stack of {@code n x post} slabs ({@code post = stride[a]}) whose
     * columns are the lines: where the lines are far enough apart, blocks of adjacent columns are solved in
     * place as many right-hand sides at once ({@link BandedLU.Factor#solve(double[], int, int, int)});
     * otherwise lines are gathered in blocks into a contiguous {@code n x lines} scratch array, solved and
     * scattered back. Each line's arithmetic is the same either way. Blocks run in parallel.
     */
    private static void solveAlongAxis(double[] c, BandedLU.Factor f, int[] shape, int[] stride, int a) {
        final int n = shape[a];
        final int post = stride[a];
        final int lineCount = c.length / n;
        // forRange over elements (n per line) so that the parallel threshold counts work, not lines
        ParallelEvaluation.forRange(c.length, (from, to) -> {
            int l0 = (from + n - 1) / n;
            int l1 = (to + n - 1) / n;
            if (l1 > lineCount) {
                l1 = lineCount;
            }
            if (l0 >= l1) {
                return;
            }
            if (post >= IN_PLACE_MIN_STRIDE) {
                final int width = blockColumns(n);
                for (int start = l0; start < l1; ) {
                    int p = start / post;
                    int q = start - p * post;
                    int m = Math.min(Math.min(width, l1 - start), post - q);
                    f.solve(c, p * n * post + q, post, m);
                    start += m;
                }
                return;
            }
            final int bl = blockLines(n);
            double[] blk = new double[n * bl];
            int[] base = new int[bl];
            for (int start = l0; start < l1; start += bl) {
                int m = Math.min(bl, l1 - start);
                for (int b = 0; b < m; b++) {
                    int line = start + b;
                    int p = line / post;
                    int q = line - p * post;
                    base[b] = p * n * post + q;
                }
                for (int i = 0; i < n; i++) {
                    int ro = i * m;
                    int co = i * post;
                    for (int b = 0; b < m; b++) {
                        blk[ro + b] = c[base[b] + co];
                    }
                }
                f.solve(blk, m);
                for (int i = 0; i < n; i++) {
                    int ro = i * m;
                    int co = i * post;
                    for (int b = 0; b < m; b++) {
                        c[base[b] + co] = blk[ro + b];
                    }
                }
            }
        });
    }
}
