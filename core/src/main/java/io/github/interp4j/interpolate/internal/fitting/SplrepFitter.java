package io.github.interp4j.interpolate.internal.fitting;

import io.github.interp4j.interpolate.internal.spline.SchoenbergWhitney;
import io.github.interp4j.interpolate.internal.spline.InterpSplineSolver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * scipy 1.15+'s FITPACK-free smoothing spline with a residual bound, a port of
 * {@code scipy/interpolate/_fitpack_repro.py} (non-periodic): {@code _generate_knots_impl} (knots added
 * where the residual is largest until {@code fp <= s} or {@code nest}), {@code disc} (the jumps of the
 * {@code k}-th derivative at the interior knots), class {@code F} (the least-squares problem augmented by
 * the jump rows divided by {@code p}, updated from the data factor by Givens rotations) and
 * {@code root_rati} / {@code fprati} (the rational iteration for {@code f(p) = fp(p) - s = 0}). Same
 * operations in the same order, so knots and coefficients are scipy's.
 *
 * <p>References: P. Dierckx, "Algorithms for smoothing data with periodic and parametric splines",
 * Computer Graphics and Image Processing 20 (1982) 171-184; P. Dierckx, "Curve and surface fitting with
 * splines", Oxford University Press, 1993.
 *
 * <p>Thread-safety: stateless.
 */
public final class SplrepFitter {
    /** Relative tolerance of {@code |fp - s|}, hard-coded in FITPACK's {@code curfit.f}. */
    public static final double TOL = 0.001;
    /** Maximum number of iterations for {@code p}. */
    public static final int MAXIT = 20;

    /** scipy's {@code _iermesg}. */
    private static final String IERMESG1 = "error. a theoretically impossible result was found during\n"
            + "the iteration process for finding a smoothing spline with\nfp = s. probably causes : s too small.\n";

    private SplrepFitter() {}

    /**
     * scipy's message for an {@code ier} code (1, 2, 3), FITPACK's for -1 and -2, "converged" for 0.
     *
     * @param ier the code
     * @return the message
     */
    public static String message(int ier) {
        switch (ier) {
            case 0:
                return "the smoothing spline satisfies abs(fp - s) / s < tol";
            case -1:
                return "the spline is the interpolating spline (fp = 0)";
            case -2:
                return "the spline is the weighted least-squares polynomial of degree k (no interior knots)";
            case 1:
                return IERMESG1 + "the weighted sum of squared residuals is becoming NaN\n";
            case 2:
                return IERMESG1 + "there is an approximation returned but the corresponding\n"
                        + "weighted sum of squared residuals does not satisfy the\ncondition abs(fp-s)/s < tol.\n";
            case 3:
                return "error. the maximal number of iterations maxit (set to 20\nby the program) allowed for "
                        + "finding a smoothing spline\nwith fp=s has been reached. probably causes : s too small\n"
                        + "there is an approximation returned but the corresponding\nweighted sum of squared "
                        + "residuals does not satisfy the\ncondition abs(fp-s)/s < tol.\n";
            default:
                throw new IllegalArgumentException("unknown ier " + ier);
        }
    }

    /** The data of one fit: sorted abscissae, row-major values, weights, the interval, degree and target. */
    public static final class Data {
        final double[] x;
        final double[] y;
        final int ydim;
        final double[] w;
        final double xb;
        final double xe;
        final int k;
        final double s;

        /**
         * @param x    abscissae, non-decreasing (validated by the caller)
         * @param y    ordinates, row-major {@code x.length * ydim}
         * @param ydim value columns
         * @param w    positive weights or null
         * @param xb   left end, at most {@code x[0]}
         * @param xe   right end, at least {@code x[m-1]}
         * @param k    degree, 1..5
         * @param s    smoothing target, positive
         */
        public Data(double[] x, double[] y, int ydim, double[] w, double xb, double xe, int k, double s) {
            this.x = x;
            this.y = y;
            this.ydim = ydim;
            this.w = w;
            this.xb = xb;
            this.xe = xe;
            this.k = k;
            this.s = s;
        }
    }

    /** The result of {@link #fit}: knots, coefficients (row-major) and the iteration's report. */
    public static final class Result {
        /** Knots. */
        public final double[] t;
        /** Coefficients, row-major {@code (t.length - k - 1) * ydim}. */
        public final double[] c;
        /** The weighted sum of squared residuals of the returned spline (scipy's {@code fp}). */
        public final double fp;
        /** 0 converged; 2, 3 scipy's failure codes; -2 the least-squares polynomial. */
        public final int ier;
        /** The smoothing parameter {@code p} of the returned spline (infinite for -2). */
        public final double p;
        /** The number of evaluations of {@code f(p)}. */
        public final int iterations;

        Result(double[] t, double[] c, double fp, int ier, double p, int iterations) {
            this.t = t;
            this.c = c;
            this.fp = fp;
            this.ier = ier;
            this.p = p;
            this.iterations = iterations;
        }
    }

    /** The residuals and {@code fp} of the least-squares spline on {@code t} (scipy's {@code _get_residuals}). */
    private static double lsqResiduals(Data d, double[] t, double[] res, LsqSplineSolver.Basis work) {
        LsqSplineSolver.Reduced red = LsqSplineSolver.reduce(d.x, d.y, d.ydim, d.w, t, d.k, work);
        return residualsOf(d, t, red, res, work);
    }

    /** {@code fp} (and the residuals) of the least-squares spline of a reduction whose basis is in {@code work}. */
    private static double residualsOf(Data d, double[] t, LsqSplineSolver.Reduced red, double[] res,
                                      LsqSplineSolver.Basis work) {
        double[] c = LsqSplineSolver.backSubstitute(red.r, red.width, red.z, red.nc, d.ydim);
        double fp = LsqSplineSolver.residuals(d.x, d.y, d.ydim, d.w, t, d.k, c, res, work);
        if (res != null) {
            double sum = 0.0;
            for (double r : res) {
                sum += r;
            }
            if (Double.isNaN(sum)) {
                String why = "";
                try {
                    SchoenbergWhitney.requireLeastSquares(d.x, t, d.k);
                } catch (IllegalArgumentException e) {
                    why = "(with " + t.length + " knots: " + e.getMessage() + "; repeated abscissae?)\n";
                }
                throw new IllegalArgumentException(message(1) + why);
            }
        }
        return fp;
    }

    /**
     * scipy's {@code _generate_knots_impl} (non-periodic, {@code s > 0}): the knot vectors tried, the last one
     * being the one accepted ({@code fp <= s} within {@code s * TOL}), the interpolating knots (when
     * {@code m + k + 1} knots are reached) or the first with at least {@code nest} knots.
     *
     * @param d    the data
     * @param nest the knot limit, or -1 for scipy's default {@code max(m + k + 1, 2k + 3)}
     * @return the knot vectors in order
     */
    public static List<double[]> generateKnots(Data d, int nest) {
        return generate(d, nest).knots;
    }

    /**
     * What {@link #fit} reuses from the knot generation (the same numbers it would compute again): the
     * least-squares {@code fp} of the first knot vector (no interior knots) and, when the last knot vector was
     * accepted by its residual, its reduction, basis values and {@code fp}.
     */
    private static final class Generation {
        final List<double[]> knots = new ArrayList<>();
        double fp0;
        LsqSplineSolver.Reduced lastReduced;
        LsqSplineSolver.Basis lastBasis;
        double lastFp;
    }

    private static Generation generate(Data d, int nest) {
        Generation g = new Generation();
        int k = d.k;
        double s = d.s;
        double acc = s * TOL;
        int m = d.x.length;
        if (nest < 0) {
            nest = Math.max(m + k + 1, 2 * k + 3);
        }
        int nmin = 2 * (k + 1);
        int nmax = m + k + 1;
        List<double[]> out = g.knots;
        double fp = 0.0;
        double fpold;
        double[] t = new double[2 * (k + 1)];
        Arrays.fill(t, 0, k + 1, d.xb);
        Arrays.fill(t, k + 1, t.length, d.xe);
        int n = t.length;
        int nplus = 0;
        double[] residuals = new double[m];
        LsqSplineSolver.Basis work = new LsqSplineSolver.Basis(m, k);
        for (int iter = 0; iter < m; iter++) {
            out.add(t);
            fpold = fp;
            LsqSplineSolver.Reduced red = LsqSplineSolver.reduce(d.x, d.y, d.ydim, d.w, t, k, work);
            fp = residualsOf(d, t, red, residuals, work);
            if (iter == 0) {
                g.fp0 = fp;
            }
            double fpms = fp - s;
            if (Math.abs(fpms) < acc || fpms < 0) {
                g.lastReduced = red;
                g.lastBasis = work;
                g.lastFp = fp;
                return g;
            }
            if (n == nmin) {
                nplus = 1;
            } else {
                double delta = fpold - fp;
                double npl1 = delta > acc ? trunc(nplus * fpms / delta) : nplus * 2.0;
                nplus = (int) Math.min(nplus * 2.0, Math.max(npl1, Math.max(nplus / 2, 1)));
            }
            for (int j = 0; j < nplus; j++) {
                t = addKnot(d.x, t, k, residuals);
                n = t.length;
                if (n >= nmax) {
                    out.add(InterpSplineSolver.notAKnotKnots(d.x, k));
                    return g;
                }
                if (n >= nest) {
                    out.add(t);
                    return g;
                }
                if (j < nplus - 1) {
                    lsqResiduals(d, t, residuals, work);
                }
            }
        }
        return g;
    }

    private static double trunc(double v) {
        return v < 0 ? Math.ceil(v) : Math.floor(v);
    }

    /**
     * scipy's {@code add_knot} / {@code _dierckx.fpknot}: split the data into knot runs (a point on a knot
     * shares its residual between the two runs), take the run with the largest residual sum among those with
     * more than one point between their ends, and insert its middle data point as a knot.
     */
    static double[] addKnot(double[] x, double[] t, int k, double[] residuals) {
        int nc = t.length - k - 1;
        int m = x.length;
        int interval = k + 1;
        int[] ix = new int[Math.min(m, nc) + 2];
        double[] fparts = new double[ix.length];
        int nruns = 0;
        ix[0] = 0;
        double fpart = 0.0;
        for (int i = 0; i < m; i++) {
            double xv = x[i];
            double rv = residuals[i];
            fpart += rv;
            if (xv >= t[interval] && interval < nc) {
                double carry = rv / 2.0;
                fpart -= carry;
                fparts[nruns] = fpart;
                fpart = carry;
                interval++;
                nruns++;
                ix[nruns] = i;
            }
        }
        ix[nruns + 1] = m - 1;
        fparts[nruns] = fpart;
        nruns++;
        int best = -1;
        double bestPart = -1e100;
        for (int i = 0; i < nruns; i++) {
            if (ix[i + 1] - ix[i] > 1 && fparts[i] > bestPart) {
                best = i;
                bestPart = fparts[i];
            }
        }
        if (best < 0) {
            throw new IllegalStateException("No knot interval holds a data point strictly inside it: cannot add a"
                    + " knot (" + t.length + " knots, " + m + " points)");
        }
        double knot = x[(ix[best] + ix[best + 1] + 1) / 2];
        int pos = 0;
        while (pos < t.length && t[pos] < knot) {
            pos++;
        }
        double[] nt = new double[t.length + 1];
        System.arraycopy(t, 0, nt, 0, pos);
        nt[pos] = knot;
        System.arraycopy(t, pos, nt, pos + 1, t.length - pos);
        return nt;
    }

    /**
     * scipy's {@code _make_splrep_impl} (non-periodic): knots from {@link #generateKnots} unless given, then
     * the smoothing parameter {@code p} by {@code root_rati}.
     *
     * @param d    the data
     * @param t    knots (checked by the caller with {@code fpcheck}'s conditions), or null to generate them
     * @param nest the knot limit or -1
     * @return the spline and the report
     */
    public static Result fit(Data d, double[] t, int nest) {
        int k = d.k;
        double s = d.s;
        double acc = s * TOL;
        Generation g = null;
        if (t == null) {
            g = generate(d, nest);
            t = g.knots.get(g.knots.size() - 1);
        }
        int m = d.x.length;
        if (t.length == 2 * (k + 1)) {
            double[] c = LsqSplineSolver.solve(d.x, d.y, d.ydim, d.w, t, k);
            double fp = LsqSplineSolver.residuals(d.x, d.y, d.ydim, d.w, t, k, c, null, null);
            return new Result(t, c, fp, -2, Double.POSITIVE_INFINITY, 0);
        }
        LsqSplineSolver.Basis basis;
        LsqSplineSolver.Reduced red;
        double fpinf;
        double[] res = new double[m];
        if (g != null && g.lastReduced != null) {
            basis = g.lastBasis;
            red = g.lastReduced;
            fpinf = g.lastFp - s;
        } else {
            basis = new LsqSplineSolver.Basis(m, k);
            red = LsqSplineSolver.reduce(d.x, d.y, d.ydim, d.w, t, k, basis);
            fpinf = residualsOf(d, t, red, res, basis) - s;
        }
        int nc = t.length - k - 1;
        double p = nc / red.diagonalSum(m);
        double fp0;
        if (g != null) {
            fp0 = g.fp0 - s;
        } else {
            double[] t0 = new double[2 * (k + 1)];
            Arrays.fill(t0, 0, k + 1, d.xb);
            Arrays.fill(t0, k + 1, t0.length, d.xe);
            fp0 = lsqResiduals(d, t0, res, null) - s;
        }
        Smoothing f = new Smoothing(d, t, red, basis);
        return rootRati(f, p, 0.0, fp0, Double.POSITIVE_INFINITY, fpinf, acc);
    }

    /** scipy's {@code root_rati}; the result is the spline of the last evaluation of {@code f}. */
    private static Result rootRati(Smoothing f, double p0, double p1, double f1, double p3, double f3, double acc) {
        final double con1 = 0.1;
        final double con9 = 0.9;
        final double con4 = 0.04;
        boolean ich1 = false;
        boolean ich3 = false;
        double p = p0;
        int ier = 3;
        int it;
        double p2 = p;
        for (it = 0; it < MAXIT; it++) {
            p2 = p;
            double f2 = f.apply(p);
            if (Math.abs(f2) < acc) {
                ier = 0;
                break;
            }
            if (!ich3) {
                if (f2 - f3 <= acc) {
                    p3 = p2;
                    f3 = f2;
                    p = p * con4;
                    if (p <= p1) {
                        p = p1 * con9 + p2 * con1;
                    }
                    continue;
                } else if (f2 < 0) {
                    ich3 = true;
                }
            }
            if (!ich1) {
                if (f1 - f2 <= acc) {
                    p1 = p2;
                    f1 = f2;
                    p = p / con4;
                    if (p3 != Double.POSITIVE_INFINITY && p <= p3) {
                        p = p2 * con1 + p3 * con9;
                    }
                    continue;
                } else if (f2 > 0) {
                    ich1 = true;
                }
            }
            if (f1 <= f2 || f2 <= f3) {
                ier = 2;
                break;
            }
            p = fprati(p1, f1, p2, f2, p3, f3);
            if (f2 < 0) {
                p3 = p2;
                f3 = f2;
            } else {
                p1 = p2;
                f1 = f2;
            }
        }
        return new Result(f.t, f.c, f.fp, ier, p2, Math.min(it + 1, MAXIT));
    }

    /**
     * scipy's {@code fprati}: the root of the rational {@code r(p) = (u p + v) / (p + w)} through three points
     * ({@code p3} may be infinite).
     */
    static double fprati(double p1, double f1, double p2, double f2, double p3, double f3) {
        double h1 = f1 * (f2 - f3);
        double h2 = f2 * (f3 - f1);
        double h3 = f3 * (f1 - f2);
        if (p3 == Double.POSITIVE_INFINITY) {
            return -(p2 * h1 + p1 * h2) / h3;
        }
        return -(p1 * p2 * h3 + p2 * p3 * h1 + p1 * p3 * h2) / (p1 * h1 + p2 * h2 + p3 * h3);
    }

    /**
     * scipy's {@code disc(t, k)}: row {@code jj} holds the jumps of the {@code k}-th derivative of the
     * B-splines {@code jj .. jj + k + 1} at the interior knot {@code t[jj + k + 1]}, scaled by FITPACK's
     * {@code (delta / nrint)^k}; row-major {@code (nrint - 1) * (k + 2)}.
     */
    static double[] disc(double[] t, int k) {
        int n = t.length;
        double delta = t[n - k - 1] - t[k];
        int nrint = n - 2 * k - 1;
        int w = k + 2;
        double[] matr = new double[(nrint - 1) * w];
        for (int jj = 0; jj < nrint - 1; jj++) {
            int j = jj + k + 1;
            for (int ii = 0; ii < w; ii++) {
                int i = jj + ii;
                double prod = 1.0;
                for (int q = 0; q < k + 2; q++) {
                    if (i + q != j) {
                        prod *= t[j] - t[i + q];
                    }
                }
                matr[jj * w + ii] = (t[i + k + 1] - t[i]) / prod;
            }
        }
        double scale = Math.pow(delta / nrint, k);
        for (int i = 0; i < matr.length; i++) {
            matr[i] *= scale;
        }
        return matr;
    }

    /**
     * scipy's class {@code F}: for a given {@code p}, the least-squares solution of {@code [A; B/p] c = [y; 0]}
     * from the data factor {@code R} of width {@code k + 1} and the jump rows {@code B}, and its
     * {@code fp - s}. Keeps the last spline.
     */
    private static final class Smoothing {
        private final Data d;
        private final double[] t;
        private final int nc;
        private final int nb;
        private final int width;
        private final double[] aa;
        private final double[] yy;
        private final double[] b;
        private final LsqSplineSolver.Basis basis;
        double[] c;
        double fp;

        Smoothing(Data d, double[] t, LsqSplineSolver.Reduced red, LsqSplineSolver.Basis basis) {
            this.d = d;
            this.basis = basis;
            this.t = t;
            int k = d.k;
            this.nc = t.length - k - 1;
            this.b = disc(t, k);
            this.width = k + 2;
            this.nb = b.length / width;
            this.aa = new double[nc * width];
            for (int i = 0; i < nc; i++) {
                System.arraycopy(red.r, i * red.width, aa, i * width, red.width);
            }
            this.yy = red.z.clone();
        }

        double apply(double p) {
            int ydim = d.ydim;
            double[] r = aa.clone();
            double[] z = yy.clone();
            double[] row = new double[width];
            double[] yi = new double[ydim];
            double[] rot = new double[3];
            for (int i = 0; i < nb; i++) {
                for (int q = 0; q < width; q++) {
                    row[q] = b[i * width + q] / p;
                }
                Arrays.fill(yi, 0.0);
                for (int j = i; j < nc; j++) {
                    LsqSplineSolver.rotate(r, j * width, row, 0, width, z, j * ydim, yi, 0, ydim, rot);
                }
            }
            c = LsqSplineSolver.backSubstitute(r, width, z, nc, ydim);
            fp = LsqSplineSolver.residuals(d.x, d.y, ydim, d.w, t, d.k, c, null, basis);
            return fp - d.s;
        }
    }
}
