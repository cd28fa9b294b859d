package io.github.interp4j.interpolate.internal.rbf;

import io.github.interp4j.interpolate.internal.parallel.ParallelEvaluation;
import io.github.interp4j.interpolate.internal.parallel.Weighted;

import static org.bytedeco.openblas.global.openblas.CblasColMajor;
import static org.bytedeco.openblas.global.openblas.CblasLeft;
import static org.bytedeco.openblas.global.openblas.CblasLower;
import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasTrans;
import static org.bytedeco.openblas.global.openblas.LAPACK_COL_MAJOR;

import io.github.interp4j.nativeconfig.BlasLease;
import io.github.interp4j.nativeconfig.NativeConfig;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds and solves scipy's RBF interpolation system
 * <pre>
 *   [ K + diag(smoothing)   P ] [a]   [d]
 *   [ P^T                   0 ] [b] = [0]
 * </pre>
 * with {@code K[i][j] = phi(|eps y_i - eps y_j|)} and {@code P[i][t] = prod_k yhat_ik^powers[t][k]},
 * {@code yhat = (y - shift) / scale}, {@code shift} the midpoint and {@code scale} the half range of each
 * coordinate (1 where the range is 0), exactly as scipy's {@code _build_system}.
 *
 * <h2>Solver</h2>
 * When the kernel is positive definite, or conditionally positive definite of an order the polynomial
 * degree covers (degree at least the kernel's minimum), {@code K + S} is positive definite on the null
 * space of {@code P^T}, and the null-space method uses a Cholesky factorisation:
 * <ol>
 *   <li>Householder QR of {@code P} ({@code n x r}, r small: computed on the heap with LAPACK's
 *       {@code dgeqrf}/{@code dlarft} conventions, which avoids native calls for O(n r^2) work),
 *       {@code Q = I - V T V^T} in compact WY form, the trailing {@code n - r} columns of {@code Q} a
 *       basis {@code Z} of the null space of {@code P^T};</li>
 *   <li>{@code M = Q^T (K + S) Q} on the lower triangle as one symmetric rank-2r update,
 *       {@code M = A - X V^T - V X^T} with {@code W = A V T} ({@code dsymm}),
 *       {@code X = W - V (T^T V^T W) / 2} ({@code dsyr2k}), so only the lower triangle of the kernel
 *       matrix is ever computed and the matrix is read about twice (instead of the {@code 2 r} passes
 *       that applying the reflectors one by one takes);</li>
 *   <li>Cholesky of the trailing block {@code Z^T (K + S) Z} ({@code dpotrf}) and solve for
 *       {@code c} ({@code dpotrs}), {@code a = Z c}, {@code b = R^{-1} ((Q^T d)_top - M_{12} c)}.</li>
 * </ol>
 * Without polynomial ({@code r = 0}) and a positive definite kernel, {@code K + S} is factored directly.
 * If the Cholesky factorisation fails (a non-positive pivot: the matrix is numerically not positive
 * definite, e.g. a Gaussian with a small shape parameter), or if the degree is below the kernel's
 * minimum, the full saddle-point system is solved by LU with partial pivoting ({@code dgesv}), which is
 * what scipy does; a singular matrix then gives scipy's error. If {@code P} is rank-deficient (numpy's
 * {@code matrix_rank} criterion on its singular values: the system is numerically singular) the fit fails
 * with scipy's message naming the rank, before any factorisation of the kernel matrix.
 *
 * <p>All matrices of size {@code O(n^2)} are off-heap ({@link DoublePointer}) in a {@link Workspace},
 * allocated once per fit (or once per thread for the many small local fits of {@code neighbors}) and
 * freed deterministically by {@code close()}; every BLAS/LAPACK call is inside a
 * {@link NativeConfig#blas()} lease. The kernel matrix of a large fit is filled by Java threads
 * ({@link ParallelEvaluation}) outside any lease, so the BLAS threads and the Java threads never
 * overlap.
 *
 * <p>Thread-safety: stateless.
 */
public final class RbfSolver {
    private static final Logger LOG = LoggerFactory.getLogger(RbfSolver.class);
    private static final byte LOWER = (byte) 'L';
    /** Systems of at most this many matrix elements are built on the heap and copied to native memory at once. */
    private static final long HEAP_FILL_MAX = 1L << 16;

    /** How a system was solved. */
    public enum Method {
        /** Null-space projection and Cholesky (or plain Cholesky without polynomial). */
        CHOLESKY,
        /** LU with partial pivoting of the full saddle-point system (scipy's method). */
        LU
    }

    /** A fitted model and how its system was solved. */
    public static final class Result {
        /** The model. */
        public final RbfModel model;
        /** The factorisation used. */
        public final Method method;

        Result(RbfModel model, Method method) {
            this.model = model;
            this.method = method;
        }
    }

    private RbfSolver() {}

    /**
     * The number of monomials of total degree at most {@code degree} in {@code dim} variables,
     * {@code C(degree + dim, dim)}, 0 for degree -1.
     *
     * @param dim    the dimension, at least 1
     * @param degree the degree, at least -1
     * @return the count (saturating at {@link Integer#MAX_VALUE})
     */
    public static int monomialCount(int dim, int degree) {
        if (degree < 0) {
            return 0;
        }
        // C(degree + dim, degree) computed incrementally; exact while it fits.
        long c = 1;
        for (int i = 1; i <= degree; i++) {
            c = c * (dim + i) / i;
            if (c > Integer.MAX_VALUE) {
                return Integer.MAX_VALUE;
            }
        }
        return (int) c;
    }

    /**
     * The exponents of every monomial of total degree at most {@code degree} in scipy's order (by
     * degree, then {@code itertools.combinations_with_replacement} order of the variables).
     *
     * @param dim    the dimension
     * @param degree the degree, at least -1
     * @return {@code powers[t * dim + k]}
     */
    public static int[] monomialPowers(int dim, int degree) {
        int count = monomialCount(dim, degree);
        int[] out = new int[count * dim];
        int[] combo = new int[Math.max(degree, 0)];
        int t = 0;
        for (int deg = 0; deg <= degree; deg++) {
            // combinations with replacement of deg variables out of dim, in lexicographic order
            for (int i = 0; i < deg; i++) {
                combo[i] = 0;
            }
            while (true) {
                for (int i = 0; i < deg; i++) {
                    out[t * dim + combo[i]]++;
                }
                t++;
                int i = deg - 1;
                while (i >= 0 && combo[i] == dim - 1) {
                    i--;
                }
                if (i < 0) {
                    break;
                }
                combo[i]++;
                for (int j = i + 1; j < deg; j++) {
                    combo[j] = combo[i];
                }
            }
        }
        return out;
    }

    /**
     * Bytes of native memory a fit of {@code n} points with {@code r} monomials and {@code m} columns
     * allocates at its peak.
     *
     * @param n the number of points
     * @param r the number of monomials
     * @param m the number of value columns
     * @return the estimate, saturating at {@link Long#MAX_VALUE}
     */
    public static long estimateBytes(long n, long r, long m) {
        try {
            long nr = Math.addExact(n, r);
            long doubles = Math.addExact(Math.multiplyExact(nr, nr),
                    Math.addExact(Math.multiplyExact(4 * r + 2, nr), Math.multiplyExact(nr, m)));
            return Math.addExact(Math.multiplyExact(doubles, (long) Double.BYTES), Math.multiplyExact(nr, 4L));
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Fits the interpolant.
     *
     * @param kernel          the kernel
     * @param epsilon         the shape parameter
     * @param powers          the monomial exponents ({@link #monomialPowers})
     * @param choleskyAllowed whether the degree covers the kernel's order (so the projected matrix is
     *                        positive definite in exact arithmetic)
     * @param points          row-major {@code n x dim} coordinates
     * @param n               the number of points
     * @param dim             the dimension
     * @param values          row-major {@code n x m} values
     * @param m               the number of columns
     * @param smoothing       per point, at least 0
     * @param parallel        whether to fill the kernel matrix with Java threads (large global fits)
     * @return the model and method
     * @throws IllegalArgumentException if the system is singular (scipy's message, naming the rank of
     *                                  the polynomial matrix when it is deficient)
     * @throws IllegalStateException    if native memory cannot be allocated or LAPACK reports an illegal argument
     */
    public static Result solve(RbfKernel kernel, double epsilon, int[] powers, boolean choleskyAllowed,
                               double[] points, int n, int dim, double[] values, int m, double[] smoothing,
                               boolean parallel) {
        try (Workspace ws = new Workspace()) {
            return solve(kernel, epsilon, powers, choleskyAllowed, points, n, dim, values, m, smoothing, parallel, ws);
        }
    }

    /**
     * As {@link #solve(RbfKernel, double, int[], boolean, double[], int, int, double[], int, double[], boolean)},
     * with native buffers taken from (and grown in) {@code ws}, so that many small fits (the local
     * interpolants of {@code neighbors}) allocate native memory once.
     *
     * @param kernel          the kernel
     * @param epsilon         the shape parameter
     * @param powers          the monomial exponents
     * @param choleskyAllowed whether the degree covers the kernel's order
     * @param points          row-major {@code n x dim} coordinates
     * @param n               the number of points
     * @param dim             the dimension
     * @param values          row-major {@code n x m} values
     * @param m               the number of columns
     * @param smoothing       per point, at least 0
     * @param parallel        whether to fill the kernel matrix with Java threads
     * @param ws              the work space (used by one thread at a time)
     * @return the model and method
     * @throws IllegalArgumentException if the system is singular
     * @throws IllegalStateException    if native memory cannot be allocated or LAPACK reports an illegal argument
     */
    public static Result solve(RbfKernel kernel, double epsilon, int[] powers, boolean choleskyAllowed,
                               double[] points, int n, int dim, double[] values, int m, double[] smoothing,
                               boolean parallel, Workspace ws) {
        int r = powers.length / dim;
        double[] shift = new double[dim];
        double[] scale = new double[dim];
        for (int k = 0; k < dim; k++) {
            double lo = points[k];
            double hi = points[k];
            for (int i = 1; i < n; i++) {
                double v = points[i * dim + k];
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            shift[k] = (hi + lo) / 2;
            double s = (hi - lo) / 2;
            scale[k] = s == 0.0 ? 1.0 : s;
        }
        double[][] centres = new double[dim][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < dim; k++) {
                centres[k][i] = points[i * dim + k] * epsilon;
            }
        }
        // P, column-major n x r
        double[] p = new double[n * r];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < r; t++) {
                double v = 1.0;
                for (int k = 0; k < dim; k++) {
                    double h = (points[i * dim + k] - shift[k]) / scale[k];
                    for (int e = powers[t * dim + k]; e > 0; e--) {
                        v *= h;
                    }
                }
                p[t * n + i] = v;
            }
        }
        Factor qr = null;
        if (r > 0) {
            qr = Factor.of(p, n, r);
            if (qr.rank < r) {
                // The saddle-point system is then (numerically) singular. scipy's dgesv usually hits an exact
                // zero pivot and raises this; rounding can let it through with meaningless coefficients instead,
                // so the rank (numpy's matrix_rank criterion) decides here.
                throw new IllegalArgumentException(singularMessage(r, qr.rank));
            }
        }
        ws.reserve(n, r, m);
        double[][] coef = null;
        Method method = Method.LU;
        if (choleskyAllowed) {
            coef = ws.nullSpace(kernel, centres, smoothing, qr, values, n, r, m, parallel);
            if (coef != null) {
                method = Method.CHOLESKY;
            } else {
                LOG.debug("RBF fit: Cholesky of the projected {}x{} matrix failed; solving by LU", n - r, n - r);
            }
        }
        if (coef == null) {
            coef = ws.lu(kernel, centres, smoothing, p, values, n, r, m, parallel, r);
        }
        double[][] a = new double[m][n];
        double[][] b = new double[m][r];
        for (int c = 0; c < m; c++) {
            System.arraycopy(coef[c], 0, a[c], 0, n);
            System.arraycopy(coef[c], n, b[c], 0, r);
        }
        RbfModel model = new RbfModel(kernel, dim, n, m, epsilon, centres, shift, scale, powers, a, b);
        return new Result(model, method);
    }

    /**
     * The Householder QR factorisation of P (n x r, r small) in compact WY form, {@code Q = I - V T V^T},
     * computed on the heap with LAPACK's conventions ({@code dgeqrf}/{@code dlarfg}/{@code dlarft}), and
     * the numerical rank of P as numpy's {@code matrix_rank}: singular values (of R, by one-sided Jacobi)
     * above {@code s_max * max(n, r) * eps}. O(n r^2).
     */
    static final class Factor {
        /** V, column-major n x r, unit lower trapezoidal. */
        final double[] v;
        /** T, r x r upper triangular. */
        final double[][] t;
        /** R, r x r upper triangular. */
        final double[][] rf;
        final int rank;

        private Factor(double[] v, double[][] t, double[][] rf, int rank) {
            this.v = v;
            this.t = t;
            this.rf = rf;
            this.rank = rank;
        }

        static Factor of(double[] p, int n, int r) {
            double[] q = p.clone();
            double[] tau = new double[r];
            double[][] rf = new double[r][r];
            for (int j = 0; j < r; j++) {
                int cj = j * n;
                double alpha = j < n ? q[cj + j] : 0.0;
                double xnorm = 0.0;
                double scaleN = 0.0;
                for (int i = j + 1; i < n; i++) {
                    scaleN = Math.max(scaleN, Math.abs(q[cj + i]));
                }
                if (scaleN > 0.0) {
                    double ss = 0.0;
                    for (int i = j + 1; i < n; i++) {
                        double t = q[cj + i] / scaleN;
                        ss += t * t;
                    }
                    xnorm = scaleN * Math.sqrt(ss);
                }
                if (xnorm == 0.0) {
                    tau[j] = 0.0;
                    rf[j][j] = alpha;
                } else {
                    double beta = -Math.copySign(Math.hypot(alpha, xnorm), alpha);
                    tau[j] = (beta - alpha) / beta;
                    double inv = 1.0 / (alpha - beta);
                    for (int i = j + 1; i < n; i++) {
                        q[cj + i] *= inv;
                    }
                    rf[j][j] = beta;
                    // apply H = I - tau v v^T (v = [1; q[j+1:, j]]) to the columns on the right
                    for (int l = j + 1; l < r; l++) {
                        int cl = l * n;
                        double w = q[cl + j];
                        for (int i = j + 1; i < n; i++) {
                            w += q[cj + i] * q[cl + i];
                        }
                        w *= tau[j];
                        q[cl + j] -= w;
                        for (int i = j + 1; i < n; i++) {
                            q[cl + i] -= w * q[cj + i];
                        }
                    }
                }
                for (int l = j + 1; l < r; l++) {
                    rf[j][l] = q[l * n + j];
                }
            }
            double[] v = new double[n * r];
            for (int t = 0; t < r; t++) {
                v[t * n + t] = 1.0;
                for (int i = t + 1; i < n; i++) {
                    v[t * n + i] = q[t * n + i];
                }
            }
            // T of the compact WY form (LAPACK dlarft, forward, columnwise):
            // T[0:i, i] = -tau_i T[0:i, 0:i] (V[:, 0:i]^T V[:, i]), T[i][i] = tau_i.
            double[][] t = new double[r][r];
            for (int i = 0; i < r; i++) {
                double[] w = new double[i];
                for (int l = 0; l < i; l++) {
                    double s = 0.0;
                    for (int j = i; j < n; j++) {
                        s += v[l * n + j] * v[i * n + j];
                    }
                    w[l] = s;
                }
                for (int row = 0; row < i; row++) {
                    double s = 0.0;
                    for (int l = row; l < i; l++) {
                        s += t[row][l] * w[l];
                    }
                    t[row][i] = -tau[i] * s;
                }
                t[i][i] = tau[i];
            }
            double[] sv = singularValues(rf);
            double smax = 0.0;
            for (double x : sv) {
                smax = Math.max(smax, x);
            }
            double tol = smax * Math.max(n, r) * Math.ulp(1.0);
            int rank = 0;
            for (double x : sv) {
                if (x > tol) {
                    rank++;
                }
            }
            return new Factor(v, t, rf, rank);
        }

        /** Singular values of a small square matrix by one-sided (Hestenes) Jacobi rotations. */
        static double[] singularValues(double[][] a0) {
            int r = a0.length;
            double[][] col = new double[r][r]; // col[j] = column j
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < r; j++) {
                    col[j][i] = a0[i][j];
                }
            }
            double eps = Math.ulp(1.0);
            for (int sweep = 0; sweep < 80; sweep++) {
                boolean rotated = false;
                for (int pI = 0; pI < r - 1; pI++) {
                    for (int qI = pI + 1; qI < r; qI++) {
                        double[] x = col[pI];
                        double[] y = col[qI];
                        double alpha = 0.0;
                        double beta = 0.0;
                        double gamma = 0.0;
                        for (int i = 0; i < r; i++) {
                            alpha += x[i] * x[i];
                            beta += y[i] * y[i];
                            gamma += x[i] * y[i];
                        }
                        if (gamma == 0.0 || Math.abs(gamma) <= eps * Math.sqrt(alpha * beta)) {
                            continue;
                        }
                        rotated = true;
                        double zeta = (beta - alpha) / (2.0 * gamma);
                        double tt = Math.copySign(1.0, zeta) / (Math.abs(zeta) + Math.sqrt(1.0 + zeta * zeta));
                        double c = 1.0 / Math.sqrt(1.0 + tt * tt);
                        double sn = c * tt;
                        for (int i = 0; i < r; i++) {
                            double xi = x[i];
                            double yi = y[i];
                            x[i] = c * xi - sn * yi;
                            y[i] = sn * xi + c * yi;
                        }
                    }
                }
                if (!rotated) {
                    break;
                }
            }
            double[] sv = new double[r];
            for (int j = 0; j < r; j++) {
                double ss = 0.0;
                for (int i = 0; i < r; i++) {
                    ss += col[j][i] * col[j][i];
                }
                sv[j] = Math.sqrt(ss);
            }
            return sv;
        }
    }

    /** Fills column {@code i} rows {@code [from, to)} of the kernel matrix into {@code buf[from, to)}. */
    private static void kernelColumn(RbfKernel kernel, double[][] centres, int i, int from, int to, double[] buf) {
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
    }

    /**
     * The native buffers of fits: the system matrix, two {@code (n + r) x max(r, 1)} work matrices, the
     * right-hand sides and the pivots. Grown on demand (never shrunk) and freed by {@link #close()}; one
     * work space serves many fits in turn (one thread at a time).
     */
    public static final class Workspace implements AutoCloseable {
        private DoublePointer a;
        private DoublePointer small1;
        private DoublePointer small2;
        private DoublePointer rhs;
        private IntPointer ipiv;
        private long capA;
        private long capSmall;
        private long capRhs;
        private long capPiv;

        /** An empty work space (allocates nothing until the first fit). */
        public Workspace() {}

        void reserve(int n, int r, int m) {
            long nr = (long) n + r;
            long needA = nr * nr;
            long needSmall = Math.max(1L, nr * Math.max(r, 1));
            long needRhs = nr * m;
            if (needA <= capA && needSmall <= capSmall && needRhs <= capRhs && nr <= capPiv) {
                return;
            }
            close();
            // Allocated inside a lease: the lease guarantees the native libraries are loaded.
            try (BlasLease lease = NativeConfig.blas()) {
                capA = needA;
                capSmall = needSmall;
                capRhs = needRhs;
                capPiv = nr;
                a = new DoublePointer(capA);
                small1 = new DoublePointer(capSmall);
                small2 = new DoublePointer(capSmall);
                rhs = new DoublePointer(capRhs);
                ipiv = new IntPointer(capPiv);
            } catch (OutOfMemoryError e) {
                close();
                throw new IllegalStateException("RBFInterpolator: cannot allocate the native memory of the "
                        + nr + " x " + nr + " system (" + estimateBytes(n, r, m) + " bytes): " + e.getMessage()
                        + " (JavaCPP limit org.bytedeco.javacpp.maxBytes = " + Pointer.maxBytes() + ")", e);
            }
        }

        @Override
        public void close() {
            for (Pointer ptr : new Pointer[] {a, small1, small2, rhs, ipiv}) {
                if (ptr != null) {
                    ptr.close();
                }
            }
            a = null;
            small1 = null;
            small2 = null;
            rhs = null;
            ipiv = null;
            capA = 0;
            capSmall = 0;
            capRhs = 0;
            capPiv = 0;
        }

        /** Fills the lower triangle of K + S (column-major, leading dimension n) into {@code a}. */
        void fillLower(RbfKernel kernel, double[][] centres, double[] smoothing, int n, boolean parallel) {
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
                    lowerColumn(kernel, centres, smoothing, n, pi, buf);
                    int other = n - 1 - pi;
                    if (other != pi) {
                        lowerColumn(kernel, centres, smoothing, n, other, buf);
                    }
                }
            };
            if (parallel) {
                Weighted.forItems(pairs, n + 1L, body);
            } else {
                body.run(0, pairs);
            }
        }

        private void lowerColumn(RbfKernel kernel, double[][] centres, double[] smoothing, int n, int i,
                                 double[] buf) {
            kernelColumn(kernel, centres, i, i, n, buf);
            buf[i] += smoothing[i];
            a.getPointer((long) i * n + i).put(buf, i, n - i);
        }

        /** The null-space Cholesky solution, or null if the Cholesky factorisation fails. */
        double[][] nullSpace(RbfKernel kernel, double[][] centres, double[] smoothing, Factor f, double[] values,
                             int n, int r, int m, boolean parallel) {
            long t0 = System.nanoTime();
            fillLower(kernel, centres, smoothing, n, parallel);
            long t1 = System.nanoTime();
            // Right-hand side Q^T d, column-major n x m (on heap, O(n m r)).
            double[] rhsHeap = new double[n * m];
            for (int c = 0; c < m; c++) {
                for (int i = 0; i < n; i++) {
                    rhsHeap[c * n + i] = values[i * m + c];
                }
            }
            if (r > 0) {
                applyQ(f, rhsHeap, n, r, m, true);
            }
            int nz = n - r;
            try (BlasLease lease = NativeConfig.blas()) {
                if (r > 0) {
                    // Y = V T (n x r), W = A Y, S = Y^T W, X = W - V S / 2, A <- A - X V^T - V X^T.
                    double[] y = new double[n * r];
                    for (int i = 0; i < r; i++) {
                        for (int l = 0; l <= i; l++) {
                            double tl = f.t[l][i];
                            if (tl != 0.0) {
                                for (int j = 0; j < n; j++) {
                                    y[i * n + j] += f.v[l * n + j] * tl;
                                }
                            }
                        }
                    }
                    small1.position(0).put(y, 0, n * r);
                    openblas.cblas_dsymm(CblasColMajor, CblasLeft, CblasLower, n, r, 1.0, a.position(0), n,
                            small1, n, 0.0, small2.position(0), n);
                    double[] w = new double[n * r];
                    small2.get(w, 0, n * r);
                    double[][] s = new double[r][r];
                    for (int i = 0; i < r; i++) {
                        for (int l = 0; l < r; l++) {
                            double sum = 0.0;
                            for (int j = 0; j < n; j++) {
                                sum += y[i * n + j] * w[l * n + j];
                            }
                            s[i][l] = sum;
                        }
                    }
                    // symmetrise S (exactly symmetric in exact arithmetic)
                    for (int i = 0; i < r; i++) {
                        for (int l = 0; l < i; l++) {
                            double avg = 0.5 * (s[i][l] + s[l][i]);
                            s[i][l] = avg;
                            s[l][i] = avg;
                        }
                    }
                    for (int l = 0; l < r; l++) {
                        for (int i = 0; i < r; i++) {
                            double sil = 0.5 * s[i][l];
                            if (sil != 0.0) {
                                for (int j = 0; j < n; j++) {
                                    w[l * n + j] -= f.v[i * n + j] * sil;
                                }
                            }
                        }
                    }
                    small2.position(0).put(w, 0, n * r);
                    small1.position(0).put(f.v, 0, n * r);
                    openblas.cblas_dsyr2k(CblasColMajor, CblasLower, CblasNoTrans, n, r, -1.0, small2, n, small1, n,
                            1.0, a.position(0), n);
                }
                long t2 = System.nanoTime();
                rhs.position(0).put(rhsHeap, 0, n * m);
                if (nz > 0) {
                    DoublePointer a22 = a.getPointer((long) r * n + r);
                    int info = openblas.LAPACKE_dpotrf(LAPACK_COL_MAJOR, LOWER, nz, a22, n);
                    if (LOG.isDebugEnabled()) {
                        LOG.debug("RBF fit n = {}: kernel matrix {} ms, projection {} ms, Cholesky {} ms{}", n,
                                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000,
                                info > 0 ? " (failed at column " + info + ")" : "");
                    }
                    if (info > 0) {
                        return null;
                    }
                    check(info, "dpotrf");
                    check(openblas.LAPACKE_dpotrs(LAPACK_COL_MAJOR, LOWER, nz, m, a22, n, rhs.getPointer(r), n),
                            "dpotrs");
                    if (r > 0) {
                        // top <- top - M21^T c
                        openblas.cblas_dgemm(CblasColMajor, CblasTrans, CblasNoTrans, r, m, nz, -1.0,
                                a.getPointer(r), n, rhs.getPointer(r), n, 1.0, rhs.position(0), n);
                    }
                }
                rhs.position(0).get(rhsHeap, 0, n * m);
            }
            double[][] out = new double[m][n + r];
            for (int c = 0; c < m; c++) {
                // b = R^{-1} top (back substitution)
                double[] b = new double[r];
                for (int i = r - 1; i >= 0; i--) {
                    double s = rhsHeap[c * n + i];
                    for (int l = i + 1; l < r; l++) {
                        s -= f.rf[i][l] * b[l];
                    }
                    b[i] = s / f.rf[i][i];
                }
                System.arraycopy(b, 0, out[c], n, r);
                for (int i = 0; i < r; i++) {
                    rhsHeap[c * n + i] = 0.0;
                }
            }
            if (r > 0) {
                applyQ(f, rhsHeap, n, r, m, false);
            }
            for (int c = 0; c < m; c++) {
                System.arraycopy(rhsHeap, c * n, out[c], 0, n);
            }
            return out;
        }

        /** Fills the full saddle-point matrix (column-major, leading dimension n + r), column by column. */
        private void fillFull(RbfKernel kernel, double[][] centres, double[] smoothing, double[] p, int n, int r,
                              boolean parallel) {
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

        /** The full saddle-point system by LU (scipy's dgesv). */
        double[][] lu(RbfKernel kernel, double[][] centres, double[] smoothing, double[] p, double[] values, int n,
                      int r, int m, boolean parallel, int rank) {
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
                fillFull(kernel, centres, smoothing, p, n, r, parallel);
            }
            double[] rhsHeap = new double[nr * m];
            for (int c = 0; c < m; c++) {
                for (int i = 0; i < n; i++) {
                    rhsHeap[c * nr + i] = values[i * m + c];
                }
            }
            int info;
            try (BlasLease lease = NativeConfig.blas()) {
                rhs.position(0).put(rhsHeap, 0, nr * m);
                info = openblas.LAPACKE_dgesv(LAPACK_COL_MAJOR, nr, m, a.position(0), nr, ipiv.position(0),
                        rhs, nr);
                check(info < 0 ? info : 0, "dgesv");
                rhs.position(0).get(rhsHeap, 0, nr * m);
            }
            if (info > 0) {
                throw new IllegalArgumentException(singularMessage(r, rank));
            }
            double[][] out = new double[m][nr];
            for (int c = 0; c < m; c++) {
                System.arraycopy(rhsHeap, c * nr, out[c], 0, nr);
            }
            return out;
        }
    }

    /** {@code x <- Q^T x} ({@code transpose}) or {@code x <- Q x}, x column-major n x m, Q = I - V T V^T. */
    private static void applyQ(Factor f, double[] x, int n, int r, int m, boolean transpose) {
        double[] u = new double[r];
        double[] w = new double[r];
        for (int c = 0; c < m; c++) {
            int off = c * n;
            for (int l = 0; l < r; l++) {
                double s = 0.0;
                for (int j = l; j < n; j++) {
                    s += f.v[l * n + j] * x[off + j];
                }
                u[l] = s;
            }
            for (int i = 0; i < r; i++) {
                double s = 0.0;
                for (int l = 0; l < r; l++) {
                    s += (transpose ? f.t[l][i] : f.t[i][l]) * u[l];
                }
                w[i] = s;
            }
            for (int l = 0; l < r; l++) {
                double wl = w[l];
                for (int j = l; j < n; j++) {
                    x[off + j] -= f.v[l * n + j] * wl;
                }
            }
        }
    }

    /** scipy's message for a singular system. */
    private static String singularMessage(int r, int rank) {
        if (r > 0 && rank < r) {
            return "Singular matrix. The matrix of monomials evaluated at the data point coordinates does not have "
                    + "full column rank (" + rank + "/" + r + ").";
        }
        return "Singular matrix.";
    }

    private static void check(int info, String routine) {
        if (info < 0) {
            throw new IllegalStateException("LAPACK " + routine + ": argument " + (-info) + " had an illegal value");
        }
    }
}
