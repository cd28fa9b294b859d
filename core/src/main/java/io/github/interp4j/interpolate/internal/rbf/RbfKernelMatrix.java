package io.github.interp4j.interpolate.internal.rbf;

import io.github.interp4j.interpolate.internal.parallel.ParallelEvaluation;
import io.github.interp4j.interpolate.internal.parallel.Weighted;
import org.bytedeco.javacpp.DoublePointer;

/**
 * Writes the RBF system matrix into native memory: the lower triangle of {@code K + diag(smoothing)}
 * (null-space method) or the full saddle-point matrix {@code [K + S, P; P^T, 0]} (LU), column-major,
 * {@code K[i][j] = phi(|eps y_i - eps y_j|)}. Small systems are built on the heap and copied at once;
 * large ones column by column, by Java threads ({@link Weighted}) when asked, outside any BLAS lease
 * (the buffers are plain memory).
 *
 * <p>Thread-safety: stateless; a call writes only its target buffer.
 */
final class RbfKernelMatrix {
    /** Systems of at most this many matrix elements are built on the heap and copied to native memory at once. */
    static final long HEAP_FILL_MAX = 1L << 16;

    private RbfKernelMatrix() {}

    /** Fills column {@code i} rows {@code [from, to)} of the kernel matrix into {@code buf[from, to)}. */
    static void kernelColumn(RbfKernel kernel, double[][] centres, int i, int from, int to, double[] buf) {
        int dim = centres.length;
        double[] c0 = centres[0];
        double q0 = c0[i];
        for (int j = from; j < to; j++) {
            double t = q0 - c0[j];
            buf[j] = t * t;
        }
        for (int k = 1; k < dim; k++) {
            double[] ck = centres[k];
            double qk = ck[i];
            for (int j = from; j < to; j++) {
                double t = qk - ck[j];
                buf[j] += t * t;
            }
        }
        kernel.applyInPlace(buf, from, to);
        for (int j = from; j < to; j++) {
            double v = buf[j];
            if (v - v != 0.0) {
                throw nonFiniteEntry(centres, i, j, v);
            }
        }
    }

    /** The error for a kernel matrix entry that overflowed, naming both points; thrown before any LAPACK call. */
    private static ArithmeticException nonFiniteEntry(double[][] centres, int i, int j, double v) {
        StringBuilder a = new StringBuilder("[");
        StringBuilder b = new StringBuilder("[");
        for (int k = 0; k < centres.length; k++) {
            a.append(k == 0 ? "" : ", ").append(centres[k][i]);
            b.append(k == 0 ? "" : ", ").append(centres[k][j]);
        }
        return new ArithmeticException("RBFInterpolator: kernel matrix entry K[" + j + "][" + i + "] = phi(|y[" + j
                + "] - y[" + i + "]|) is " + v + " for points " + j + " and " + i + " (coordinates times epsilon: "
                + b + "] and " + a + "]): the distance or the kernel overflows the double range; rescale the"
                + " coordinates or epsilon");
    }

    /** Fills the lower triangle of K + S (column-major, leading dimension n) into {@code a}. */
    static void fillLower(DoublePointer a, RbfKernel kernel, double[][] centres, double[] smoothing, int n,
                          boolean parallel) {
        if ((long) n * n <= HEAP_FILL_MAX) {
            // small system: build on the heap, one copy to native memory
            double[] full = new double[n * n];
            double[] buf = new double[n];
            for (int i = 0; i < n; i++) {
                kernelColumn(kernel, centres, i, i, n, buf);
                buf[i] += smoothing[i];
                System.arraycopy(buf, i, full, i * n + i, n - i);
            }
            a.position(0).put(full, 0, n * n);
            return;
        }
        a.position(0);
        int pairs = (n + 1) / 2;
        ParallelEvaluation.RangeBody body = (from, to) -> {
            double[] buf = new double[n];
            for (int pi = from; pi < to; pi++) {
                lowerColumn(a, kernel, centres, smoothing, n, pi, buf);
                int other = n - 1 - pi;
                if (other != pi) {
                    lowerColumn(a, kernel, centres, smoothing, n, other, buf);
                }
            }
        };
        if (parallel) {
            Weighted.forItems(pairs, n + 1L, body);
        } else {
            body.run(0, pairs);
        }
    }

    private static void lowerColumn(DoublePointer a, RbfKernel kernel, double[][] centres, double[] smoothing, int n,
                                    int i, double[] buf) {
        kernelColumn(kernel, centres, i, i, n, buf);
        buf[i] += smoothing[i];
        a.getPointer((long) i * n + i).put(buf, i, n - i);
    }


    /**
     * Fills the full saddle-point matrix {@code [K + S, P; P^T, 0]} (column-major, leading dimension
     * {@code n + r}) into {@code a}.
     */
    static void fillFull(DoublePointer a, RbfKernel kernel, double[][] centres, double[] smoothing, double[] p, int n,
                         int r, boolean parallel) {
        int nr = n + r;
        if ((long) nr * nr <= HEAP_FILL_MAX) {
            double[] full = new double[nr * nr];
            double[] buf = new double[n];
            for (int i = 0; i < n; i++) {
                kernelColumn(kernel, centres, i, 0, n, buf);
                buf[i] += smoothing[i];
                System.arraycopy(buf, 0, full, i * nr, n);
                for (int t = 0; t < r; t++) {
                    full[i * nr + n + t] = p[t * n + i];
                    full[(n + t) * nr + i] = p[t * n + i];
                }
            }
            a.position(0).put(full, 0, nr * nr);
        } else {
            fillFullColumns(a, kernel, centres, smoothing, p, n, r, parallel);
        }
    }

    /** Fills the full saddle-point matrix column by column (large systems). */
    private static void fillFullColumns(DoublePointer a, RbfKernel kernel, double[][] centres, double[] smoothing, double[] p, int n,
                         int r, boolean parallel) {
        int nr = n + r;
        a.position(0);
        ParallelEvaluation.RangeBody body = (from, to) -> {
            double[] buf = new double[nr];
            for (int i = from; i < to; i++) {
                kernelColumn(kernel, centres, i, 0, n, buf);
                buf[i] += smoothing[i];
                for (int t = 0; t < r; t++) {
                    buf[n + t] = p[t * n + i];
                }
                a.getPointer((long) i * nr).put(buf, 0, nr);
            }
        };
        if (parallel) {
            Weighted.forItems(n, nr, body);
        } else {
            body.run(0, n);
        }
        double[] col = new double[nr];
        for (int t = 0; t < r; t++) {
            System.arraycopy(p, t * n, col, 0, n);
            a.getPointer((long) (n + t) * nr).put(col, 0, nr);
        }
    }
}
