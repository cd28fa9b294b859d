package io.github.interp4j.interpolate;

import io.github.interp4j.interpolate.internal.smoothing.GcvSearch;
import io.github.interp4j.interpolate.internal.smoothing.ReinschSmoother;
import io.github.interp4j.interpolate.internal.spline.SplineCore;
import io.github.interp4j.interpolate.internal.validation.FiniteResult;
import io.github.interp4j.interpolate.internal.validation.Validation;

import java.util.Arrays;

/**
 * The result of {@link BSpline#makeSmoothingSpline(double[], double[])} and its overloads: the smoothing
 * spline, the smoothing parameter {@code lam} used and its generalised cross-validation score, per value column.
 *
 * <p>The score is scipy's ({@code _gcv} in {@code scipy/interpolate/_bsplines.py}; Craven and Wahba 1979):
 * <pre>
 *     GCV(lam) = (1/n) sum_i (y_i - f(x_i))^2 / (1 - tr(S_lam) / n)^2
 * </pre>
 * with unweighted residuals and {@code S_lam} the influence matrix ({@code f = S_lam y}); it is reported
 * whether {@code lam} was given or chosen. At {@code lam = 0} it is the (finite) limit {@code lam -> 0}.
 * Values far from 1 are fitted scaled by a power of two (the fit is linear in {@code y}); a fit whose
 * {@code lam}, score or coefficients are beyond the double range raises {@link ArithmeticException} (named).
 *
 * <p>Thread-safety: immutable.
 */
public final class SmoothingSpline {
    private final BSpline spline;
    private final double[] lam;
    private final double[] gcv;

    private SmoothingSpline(BSpline spline, double[] lam, double[] gcv) {
        this.spline = spline;
        this.lam = lam;
        this.gcv = gcv;
    }

    /** @return the smoothing spline: cubic, knots {@code [x_0]*3 + x + [x_{n-1}]*3}, extrapolating */
    public BSpline spline() {
        return spline;
    }

    /** @return the number of value columns */
    public int columns() {
        return lam.length;
    }

    /**
     * @return the smoothing parameter of the single column
     * @throws IllegalStateException if there are several value columns (use {@link #lam(int)})
     */
    public double lam() {
        return lam[single("lam")];
    }

    /**
     * @return the GCV score of the single column at {@link #lam()}
     * @throws IllegalStateException if there are several value columns (use {@link #gcv(int)})
     */
    public double gcv() {
        return gcv[single("gcv")];
    }

    /**
     * @param column the value column
     * @return its smoothing parameter (all equal when {@code lam} was given)
     * @throws IndexOutOfBoundsException if the column does not exist
     */
    public double lam(int column) {
        return lam[column];
    }

    /**
     * @param column the value column
     * @return its GCV score at {@link #lam(int)}
     * @throws IndexOutOfBoundsException if the column does not exist
     */
    public double gcv(int column) {
        return gcv[column];
    }

    private int single(String what) {
        if (lam.length != 1) {
            throw new IllegalStateException(what + "() is for one value column; this fit has " + lam.length
                    + " columns: use " + what + "(column)");
        }
        return 0;
    }

    @Override
    public String toString() {
        return "SmoothingSpline[n=" + (spline.knots().length - 6) + ", columns=" + lam.length + ", lam="
                + Arrays.toString(lam) + ", gcv=" + Arrays.toString(gcv) + "]";
    }

    // ------------------------------------------------------------------------------------------------
    // the fit (BSpline's factories validate, then call this)

    /** The minimum number of points (scipy: "x and y length must be at least 5"). */
    static final int MIN_POINTS = 5;

    /**
     * Validates everything before any work: x and y as {@link Validation#checkXYColumns}, then w (same length,
     * finite, positive), then lam (finite, non-negative) unless it is to be chosen.
     */
    static SmoothingSpline fit(double[] x, double[][] y, double[] w, double lam, boolean lamGiven) {
        int cols = Validation.checkXYColumns("makeSmoothingSpline", x, y, MIN_POINTS);
        checkWeights(x.length, w);
        if (lamGiven && !(lam >= 0.0 && lam < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("lam = " + lam + " must be finite and non-negative");
        }
        int n = x.length;
        double[] flat = new double[Validation.checkedSize("makeSmoothingSpline values", n, cols)];
        for (int i = 0; i < n; i++) {
            System.arraycopy(y[i], 0, flat, i * cols, cols);
        }
        return solve(x, flat, cols, w, lam, lamGiven);
    }

    /** As {@link #fit(double[], double[][], double[], double, boolean)} for one column. */
    static SmoothingSpline fit(double[] x, double[] y, double[] w, double lam, boolean lamGiven) {
        Validation.checkXY("makeSmoothingSpline", x, y, MIN_POINTS);
        checkWeights(x.length, w);
        if (lamGiven && !(lam >= 0.0 && lam < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("lam = " + lam + " must be finite and non-negative");
        }
        return solve(x, y, 1, w, lam, lamGiven);
    }

    private static void checkWeights(int n, double[] w) {
        if (w == null) {
            return;
        }
        Validation.requireSameLength("x", n, "w", w.length);
        Validation.requireFinite("w", w);
        for (int i = 0; i < w.length; i++) {
            if (!(w[i] > 0.0)) {
                throw new IllegalArgumentException("w[" + i + "] = " + w[i] + " is not positive");
            }
        }
    }

    private static SmoothingSpline solve(double[] x, double[] y, int cols, double[] w, double lam, boolean lamGiven) {
        int n = x.length;
        Validation.checkedSize("makeSmoothingSpline coefficients", n + 2L, cols);
        ReinschSmoother smoother = new ReinschSmoother(x, w);
        double unit = smoother.lamUnit();
        if (!(unit > 0.0 && unit < Double.POSITIVE_INFINITY)) {
            throw new ArithmeticException("makeSmoothingSpline: lam's unit, the mean weight times (x[n-1] - x[0])^3 = "
                    + unit + " for x[n-1] - x[0] = " + (x[n - 1] - x[0]) + ", is beyond the double range, so lam"
                    + " cannot be given or reported");
        }
        // The fit is linear in y and the GCV minimiser does not depend on y's scale: values far from 1 (whose
        // squared residuals overflow or underflow) are fitted scaled by a power of two (exact), then scaled back.
        int e = SplineFits.outsideUnitScale(FiniteResult.scaleExponent(y));
        double inv = Math.scalb(1.0, e);
        if (e != 0) {
            y = FiniteResult.scaled(y, e);
        }
        double[] lams = new double[cols];
        double[] scores = new double[cols];
        double[] c;
        if (lamGiven) {
            c = smoother.fit(lam / unit, y, cols, scores);
            Arrays.fill(lams, lam);
        } else {
            c = new double[(n + 2) * cols];
            double[] column = new double[n];
            double[] one = new double[1];
            for (int j = 0; j < cols; j++) {
                for (int i = 0; i < n; i++) {
                    column[i] = y[i * cols + j];
                }
                GcvSearch.Minimum best = GcvSearch.minimize(smoother, column);
                double[] cj = smoother.fit(best.lamS, column, 1, one);
                for (int i = 0; i < n + 2; i++) {
                    c[i * cols + j] = cj[i];
                }
                lams[j] = best.lamS * unit;
                scores[j] = one[0];
            }
        }
        if (inv != 1.0) {
            for (int i = 0; i < c.length; i++) {
                c[i] *= inv;
            }
            for (int j = 0; j < cols; j++) {
                scores[j] = scores[j] * inv * inv;
            }
        }
        for (int j = 0; j < cols; j++) {
            if (!(scores[j] < Double.POSITIVE_INFINITY) || !(lams[j] < Double.POSITIVE_INFINITY)) {
                throw new ArithmeticException("makeSmoothingSpline" + (cols > 1 ? " column " + j : "") + ": lam = "
                        + lams[j] + ", GCV score = " + scores[j] + ": beyond the double range (the squared"
                        + " residuals of values this large)");
            }
        }
        for (int i = 0; i < c.length; i++) {
            if (c[i] - c[i] != 0.0) {
                throw new ArithmeticException("makeSmoothingSpline: B-spline coefficient " + i / cols
                        + (cols > 1 ? " of column " + i % cols : "") + " is " + c[i] + ", beyond the double range");
            }
        }
        double[] t = new double[n + 6];
        Arrays.fill(t, 0, 3, x[0]);
        System.arraycopy(x, 0, t, 3, n);
        Arrays.fill(t, n + 3, n + 6, x[n - 1]);
        BSpline spline = new BSpline(new SplineCore(t, c, 3, cols), OutOfRange.extrapolate());
        return new SmoothingSpline(spline, lams, scores);
    }
}
