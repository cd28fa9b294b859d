package io.github.interp4j.interpolate.internal.rbf;

import io.github.interp4j.interpolate.internal.parallel.ParallelEvaluation;

import static org.bytedeco.openblas.global.openblas.CblasColMajor;
import static org.bytedeco.openblas.global.openblas.CblasLeft;
import static org.bytedeco.openblas.global.openblas.CblasLower;
import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasTrans;
import static org.bytedeco.openblas.global.openblas.LAPACK_COL_MAJOR;

import io.github.interp4j.nativeconfig.BlasLease;
import io.github.interp4j.nativeconfig.NativeConfig;
import io.github.interp4j.interpolate.internal.validation.FiniteResult;
import org.bytedeco.javacpp.DoublePointer;
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
 * <p>All matrices of size {@code O(n^2)} are off-heap ({@link DoublePointer}) in a {@link RbfWorkspace},
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
     * @param powers          the monomial exponents ({@link RbfMonomials#powers})
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
        try (RbfWorkspace ws = new RbfWorkspace()) {
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
                               boolean parallel, RbfWorkspace ws) {
        int r = powers.length / dim;
        double[][] domain = RbfMonomials.domain(points, n, dim);
        double[] shift = domain[0];
        double[] scale = domain[1];
        requireFiniteDomain(points, n, dim, shift, scale);
        // The fit is linear in the values: values of magnitude 2^512 and above are solved divided by a power
        // of two (exact) and the coefficients multiplied back, so the solve itself cannot overflow.
        int valueExponent = FiniteResult.largeValueExponent(values, 0, 1);
        double[] vals = valueExponent != 0 ? FiniteResult.scaled(values, valueExponent) : values;
        double[][] centres = new double[dim][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < dim; k++) {
                centres[k][i] = points[i * dim + k] * epsilon;
            }
        }
        double[] p = RbfMonomials.matrix(points, n, powers, shift, scale);
        RbfQr qr = null;
        if (r > 0) {
            qr = RbfQr.of(p, n, r);
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
            coef = nullSpace(ws, kernel, centres, smoothing, qr, vals, n, r, m, parallel);
            if (coef != null) {
                method = Method.CHOLESKY;
            } else {
                LOG.debug("RBF fit: Cholesky of the projected {}x{} matrix failed; solving by LU", n - r, n - r);
            }
        }
        if (coef == null) {
            coef = lu(ws, kernel, centres, smoothing, p, vals, n, r, m, parallel, r);
        }
        double[][] a = new double[m][n];
        double[][] b = new double[m][r];
        for (int c = 0; c < m; c++) {
            if (valueExponent != 0) {
                coef[c] = FiniteResult.scaled(coef[c], -valueExponent);
            }
            int col = c;
            int scaleShown = valueExponent;
            FiniteResult.requireFinite("RBFInterpolator", coef[c], i -> (i < n ? "kernel coefficient " + i
                    : "polynomial coefficient " + (i - n)) + (m > 1 ? " of value column " + col : "")
                    + " (the solution of the system for the values" + (scaleShown != 0 ? ", solved on the values"
                    + " scaled by 2^" + (-scaleShown) : "") + "; largest |value| at index "
                    + largestIndex(values, m, col) + ")");
            System.arraycopy(coef[c], 0, a[c], 0, n);
            System.arraycopy(coef[c], n, b[c], 0, r);
        }
        requireBoundedEvaluation(kernel, epsilon, scale, a, b, values, m);
        RbfModel model = new RbfModel(kernel, dim, n, m, epsilon, centres, shift, scale, powers, a, b);
        return new Result(model, method);
    }

    /** The null-space Cholesky solution, or null if the Cholesky factorisation fails. */
    @SuppressWarnings("try") // the lease is a scope guard: it holds the CPU budget for the call
    private static double[][] nullSpace(RbfWorkspace ws, RbfKernel kernel, double[][] centres, double[] smoothing,
                                        RbfQr f, double[] values, int n, int r, int m, boolean parallel) {
        final DoublePointer a = ws.a;
        final DoublePointer small1 = ws.small1;
        final DoublePointer small2 = ws.small2;
        final DoublePointer rhs = ws.rhs;
        long t0 = System.nanoTime();
        RbfKernelMatrix.fillLower(a, kernel, centres, smoothing, n, parallel);
        long t1 = System.nanoTime();
        // Right-hand side Q^T d, column-major n x m (on heap, O(n m r)).
        double[] rhsHeap = new double[n * m];
        for (int c = 0; c < m; c++) {
            for (int i = 0; i < n; i++) {
                rhsHeap[c * n + i] = values[i * m + c];
            }
        }
        if (r > 0) {
            f.apply(rhsHeap, n, r, m, true);
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
            requireFiniteRhs(rhsHeap, n, n, m, values, "dpotrs");
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
            f.apply(rhsHeap, n, r, m, false);
        }
        for (int c = 0; c < m; c++) {
            System.arraycopy(rhsHeap, c * n, out[c], 0, n);
        }
        return out;
    }

    /** The full saddle-point system by LU (scipy's dgesv). */
    @SuppressWarnings("try") // the lease is a scope guard: it holds the CPU budget for the call
    private static double[][] lu(RbfWorkspace ws, RbfKernel kernel, double[][] centres, double[] smoothing, double[] p,
                                 double[] values, int n, int r, int m, boolean parallel, int rank) {
        int nr = n + r;
        RbfKernelMatrix.fillFull(ws.a, kernel, centres, smoothing, p, n, r, parallel);
        double[] rhsHeap = new double[nr * m];
        for (int c = 0; c < m; c++) {
            for (int i = 0; i < n; i++) {
                rhsHeap[c * nr + i] = values[i * m + c];
            }
        }
        int info;
        requireFiniteRhs(rhsHeap, nr, nr, m, values, "dgesv");
        try (BlasLease lease = NativeConfig.blas()) {
            ws.rhs.position(0).put(rhsHeap, 0, nr * m);
            info = openblas.LAPACKE_dgesv(LAPACK_COL_MAJOR, nr, m, ws.a.position(0), nr, ws.ipiv.position(0),
                    ws.rhs, nr);
            check(info < 0 ? info : 0, "dgesv");
            ws.rhs.position(0).get(rhsHeap, 0, nr * m);
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

    /**
     * Checks that no evaluation inside the data's bounding box can overflow: with {@code D} the box diagonal
     * times epsilon, every kernel value there is at most {@code max(1, |phi(D)|)} in magnitude (each kernel is
     * bounded by 1 near 0 and monotone beyond) and every scaled monomial at most 1, so
     * {@code sum |a_j| max(1, |phi(D)|) + sum |b_t|} bounds the value. O(n m).
     *
     * @throws ArithmeticException naming the column when the bound is beyond the double range
     */
    private static void requireBoundedEvaluation(RbfKernel kernel, double epsilon, double[] scale, double[][] a,
            double[][] b, double[] values, int m) {
        double d2 = 0.0;
        for (double s : scale) {
            double w = 2 * s * epsilon;
            d2 += w * w;
        }
        double[] buf = {d2};
        kernel.applyInPlace(buf, 0, 1);
        double phiMax = Math.max(1.0, Math.abs(buf[0]));
        for (int c = 0; c < m; c++) {
            double bound = 0.0;
            for (double v : a[c]) {
                bound += Math.abs(v) * phiMax;
            }
            for (double v : b[c]) {
                bound += Math.abs(v);
            }
            if (!(bound < Double.POSITIVE_INFINITY)) {
                throw new ArithmeticException("RBFInterpolator: value column " + c + " (largest |value| at index "
                        + largestIndex(values, m, c) + ") gives coefficients whose sum sum |a_j| max|phi| + sum |b_t|"
                        + " = " + bound + " is beyond the double range: evaluating it could overflow");
            }
        }
    }

    /** The point index of the largest |value| in column {@code c}. */
    private static int largestIndex(double[] values, int m, int c) {
        int best = 0;
        for (int i = 0; i < values.length / m; i++) {
            if (Math.abs(values[i * m + c]) > Math.abs(values[best * m + c])) {
                best = i;
            }
        }
        return best;
    }

    /**
     * The polynomial domain (midpoint and half range per dimension) must be finite: coordinates spanning more
     * than the double range are refused, naming the dimension and the two extreme points.
     */
    private static void requireFiniteDomain(double[] points, int n, int dim, double[] shift, double[] scale) {
        for (int k = 0; k < dim; k++) {
            if (shift[k] - shift[k] != 0.0 || scale[k] - scale[k] != 0.0) {
                int lo = 0;
                int hi = 0;
                for (int i = 1; i < n; i++) {
                    if (points[i * dim + k] < points[lo * dim + k]) {
                        lo = i;
                    }
                    if (points[i * dim + k] > points[hi * dim + k]) {
                        hi = i;
                    }
                }
                throw new IllegalArgumentException("RBFInterpolator: coordinate " + k + " ranges from "
                        + points[lo * dim + k] + " (point " + lo + ") to " + points[hi * dim + k] + " (point " + hi
                        + "): its midpoint or half range overflows the double range");
            }
        }
    }

    /**
     * Checks a right-hand side before LAPACK sees it, naming the value column and the largest value.
     */
    private static void requireFiniteRhs(double[] rhs, int ld, int n, int m, double[] values, String routine) {
        for (int c = 0; c < m; c++) {
            for (int i = 0; i < n; i++) {
                double v = rhs[c * ld + i];
                if (v - v != 0.0) {
                    throw new ArithmeticException("RBFInterpolator: right-hand side " + i + " of value column " + c
                            + " is " + v + " before " + routine + ": the values (largest |value| at index "
                            + largestIndex(values, m, c) + ") overflow the projected system");
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
