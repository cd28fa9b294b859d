package io.github.interp4j.interpolate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * Issue 11 (item 6): seeded random calls across core's public API - random sizes, values drawn from ordinary,
 * extreme and non-finite ranges, random options - each of which must return finite, right-shaped results
 * (for finite data and in-range queries) or throw a documented exception type: {@link IllegalArgumentException}
 * (including {@link OutOfRangeException}), {@link IllegalStateException}, {@link ArithmeticException}, or
 * {@link UnsupportedOperationException} where the javadoc names it (Interp1d derivatives of the piecewise
 * constant kinds). Anything else (an {@code ArrayIndexOutOfBoundsException}, a {@code NegativeArraySizeException},
 * an {@code OutOfMemoryError}, a NaN from finite data) fails the test.
 *
 * <p>The B-spline toolbox is covered too: {@link BPoly} (constructors, columns, {@code fromDerivatives},
 * {@code value(x, nu)}, calculus, both basis conversions), {@code PPoly.fromSpline}, {@code value(x, nu)} of PPoly
 * and BSpline, {@code designMatrix}, {@code insertKnot}, {@code BSpline.fromPowerBasis}, {@code makeInterpSpline}
 * with knots, {@code makeSmoothingSpline}, {@code makeLsqSpline} and the {@code make_splrep} family with random
 * {@link SplrepOptions}; breakpoints are sometimes descending.
 *
 * <p>Calls run on two worker threads (the CI machines have 2 cores) watched by the test thread: a call running
 * longer than {@link #CALL_LIMIT_MS} fails the test naming the call and its seed. Each call is generated from
 * its own seed, printed on failure; {@code -Dfuzz.seed=S} replays one call, {@code -Dfuzz.calls=N} changes the
 * number of calls (default {@link #DEFAULT_CALLS}).
 */
class PublicApiFuzzTest {
    private static final long MASTER_SEED = 0x5EED_1105L;
    private static final int DEFAULT_CALLS = 100_000;
    private static final long CALL_LIMIT_MS = 10_000;
    private static final int WORKERS = 2;

    /** One generated call: its description and the check of its results. */
    private static final class Call {
        final long seed;
        final Random rnd;
        final StringBuilder what = new StringBuilder();
        /** Whether every datum given was finite (then in-range results must be finite). */
        boolean finiteData = true;

        Call(long seed) {
            this.seed = seed;
            this.rnd = new Random(seed);
        }

        /** The description, cut to a readable length (the seed reproduces the whole call). */
        String brief() {
            int limit = Integer.getInteger("fuzz.brief", 600);
            return what.length() <= limit ? what.toString() : what.substring(0, limit) + "...";
        }

        Call say(Object o) {
            what.append(o);
            return this;
        }

        // ---- value distributions

        double value() {
            int kind = rnd.nextInt(100);
            if (kind < 70) {
                return rnd.nextGaussian() * Math.pow(10, rnd.nextInt(7) - 3);
            }
            if (kind < 97) {
                double[] extreme = {1e308, -1e308, Double.MAX_VALUE, 0x1p1000, -0x1p1000, 1e-300, -1e-300,
                    Double.MIN_VALUE, Double.MIN_NORMAL, 0.0, -0.0, 1e300 * rnd.nextGaussian()};
                return extreme[rnd.nextInt(extreme.length)];
            }
            finiteData = false;
            double[] bad = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
            return bad[rnd.nextInt(bad.length)];
        }

        double[] values(int n) {
            double[] v = new double[n];
            int mode = rnd.nextInt(4);
            double scale = mode == 0 ? 1e308 : mode == 1 ? 1e-300 : 1.0;
            for (int i = 0; i < n; i++) {
                v[i] = mode < 2 ? scale * (rnd.nextBoolean() ? 1 : -1) * (0.5 + rnd.nextDouble() / 2) : value();
            }
            if (mode < 2) {
                // alternating extremes are the hardest case for the slope computations
                for (int i = 0; i < n; i++) {
                    v[i] = Math.abs(v[i]) * (i % 2 == 0 ? 1 : -1);
                }
            }
            return v;
        }

        /** Abscissae: usually strictly increasing of random spacing and magnitude; sometimes anything. */
        double[] abscissae(int n) {
            double[] x = new double[n];
            if (n == 0) {
                return x;
            }
            int mode = rnd.nextInt(10);
            if (mode == 0) {
                for (int i = 0; i < n; i++) {
                    x[i] = value();
                }
                return x;
            }
            double[] spacing = {1.0, 1e-300, Double.MIN_VALUE * 4, 1e300, 1e-5, 1e5, 1e307};
            double h = spacing[mode < 5 ? 0 : rnd.nextInt(spacing.length)];
            double start = mode == 9 ? -1e308 : rnd.nextInt(3) == 0 ? 1e300 * rnd.nextGaussian() : rnd.nextGaussian();
            x[0] = start;
            for (int i = 1; i < n; i++) {
                x[i] = x[i - 1] + h * (0.5 + rnd.nextDouble());
                if (!Double.isFinite(x[i])) {
                    x[i] = Double.MAX_VALUE;
                }
            }
            return x;
        }

        /**
         * Abscissae as {@link #abscissae(int)}, but half of those that are not strictly increasing (spacings
         * lost to rounding, unsorted draws) replaced by an ordinary increasing grid, so that the fitting paths
         * behind the validation are reached often.
         */
        double[] increasing(int n) {
            double[] x = abscissae(n);
            for (int i = 1; i < n; i++) {
                if (!(x[i] > x[i - 1])) {
                    if (rnd.nextBoolean()) {
                        double h = Math.pow(10, rnd.nextInt(7) - 3);
                        x[0] = rnd.nextGaussian() * h;
                        for (int j = 1; j < n; j++) {
                            x[j] = x[j - 1] + h * (0.5 + rnd.nextDouble());
                        }
                    }
                    break;
                }
            }
            return x;
        }

        /** Breakpoints as {@link #abscissae(int)}, reversed (strictly decreasing) one time in three. */
        double[] breakpoints(int n) {
            double[] x = abscissae(n);
            if (rnd.nextInt(3) == 0) {
                for (int i = 0, j = n - 1; i < j; i++, j--) {
                    double s = x[i];
                    x[i] = x[j];
                    x[j] = s;
                }
                say(" (descending)");
            }
            return x;
        }

        /** A knot vector of degree k for n coefficients: clamped ends around sorted abscissae, or anything. */
        double[] knots(int n, int k) {
            long want = Math.max((long) n + k + 1, 0);
            if (want > 200) {
                return abscissae(2 + rnd.nextInt(20)); // too few for so high a degree: refused by name
            }
            int len = (int) want;
            if (rnd.nextInt(6) == 0) {
                return abscissae(len);
            }
            int interior = Math.max(len - 2 * (k + 1), 0);
            double[] inner = abscissae(interior + 2);
            double[] t = new double[len];
            for (int i = 0; i < len; i++) {
                t[i] = i <= k ? inner[0] : i >= len - k - 1 ? inner[inner.length - 1] : inner[i - k];
            }
            return t;
        }

        /** Weights: usually positive of random magnitude, sometimes null, sometimes invalid. */
        double[] weights(int n) {
            int mode = rnd.nextInt(8);
            if (mode == 0) {
                return null;
            }
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                w[i] = mode == 1 ? value() : mode == 2 ? 1.0 : Math.abs(value()) + (rnd.nextBoolean() ? 0.0 : 1.0);
            }
            return w;
        }

        /** A smoothing parameter: usually finite and non-negative of random magnitude, sometimes not. */
        double nonNegative() {
            int mode = rnd.nextInt(10);
            return mode == 0 ? 0.0 : mode == 1 ? value() : mode == 2 ? rnd.nextDouble() : Math.abs(value());
        }

        /** Rows of {@code m} value columns: column 0 is {@code y}, the others drawn anew. */
        double[][] columns(double[] y, int m) {
            double[][] yy = new double[y.length][m];
            for (int i = 0; i < y.length; i++) {
                yy[i][0] = y[i];
                for (int j = 1; j < m; j++) {
                    yy[i][j] = value();
                }
            }
            say(" columns ").say(m);
            return yy;
        }

        void requireFinite(List<double[]> rs, String name) {
            for (double[] r : rs) {
                requireFinite(r, name);
            }
        }

        int size(int typical) {
            int k = rnd.nextInt(20);
            return k == 0 ? rnd.nextInt(3) : k == 1 ? typical * 8 : 1 + rnd.nextInt(typical);
        }

        int order() {
            int k = rnd.nextInt(20);
            return k == 0 ? Integer.MAX_VALUE - rnd.nextInt(3) : k == 1 ? 150 + rnd.nextInt(200) : k == 2
                    ? -1 - rnd.nextInt(3) : rnd.nextInt(5);
        }

        OutOfRange mode() {
            switch (rnd.nextInt(6)) {
                case 0: return OutOfRange.nan();
                case 1: return OutOfRange.raise();
                case 2: return OutOfRange.clamp();
                case 3: return OutOfRange.periodic();
                case 4: return OutOfRange.fill(rnd.nextGaussian());
                default: return OutOfRange.extrapolate();
            }
        }

        /** Queries inside [lo, hi] (and a few outside, which are not checked for finiteness). */
        double[] inside(double lo, double hi, int n) {
            double[] q = new double[n];
            for (int i = 0; i < n; i++) {
                double u = rnd.nextDouble();
                q[i] = i == 0 ? lo : i == 1 ? hi : 0.5 * lo + 0.5 * hi + (u - 0.5) * (0.5 * hi - 0.5 * lo) * 2;
                q[i] = Math.min(hi, Math.max(lo, q[i]));
            }
            return q;
        }

        // ---- checks

        void requireShape(double[] r, int n, String name) {
            if (r == null || r.length != n) {
                throw new AssertionError(name + " returned " + (r == null ? "null" : r.length + " values")
                        + ", expected " + n);
            }
        }

        void requireFinite(double[] r, String name) {
            if (!finiteData) {
                return;
            }
            for (int i = 0; i < r.length; i++) {
                if (!Double.isFinite(r[i])) {
                    throw new AssertionError(name + " gave " + r[i] + " at index " + i + " from finite data");
                }
            }
        }

        void requireFinite(double r, String name) {
            requireFinite(new double[] {r}, name);
        }
    }

    /** The generators, one per family of the public API; each builds and exercises one object. */
    private interface Generator {
        void run(Call c);
    }

    private static final Generator[] GENERATORS = {
        PublicApiFuzzTest::ppoly,
        PublicApiFuzzTest::cubic,
        PublicApiFuzzTest::bspline,
        PublicApiFuzzTest::makeInterp,
        PublicApiFuzzTest::interp1d,
        PublicApiFuzzTest::regularGrid,
        PublicApiFuzzTest::scattered,
        PublicApiFuzzTest::rbf,
        PublicApiFuzzTest::delaunay,
        PublicApiFuzzTest::columns,
        PublicApiFuzzTest::bpoly,
        PublicApiFuzzTest::ppolyConversions,
        PublicApiFuzzTest::bsplineToolbox,
        PublicApiFuzzTest::interpWithKnots,
        PublicApiFuzzTest::smoothing,
        PublicApiFuzzTest::lsq,
        PublicApiFuzzTest::splrep,
    };

    private static void delaunay(Call c) {
        int n = c.size(12);
        int d = 2 + c.rnd.nextInt(2);
        double s = new double[] {1, 1e-300, 1e300, 1e308, Double.MIN_VALUE * 64}[c.rnd.nextInt(5)];
        double[][] p = new double[n][d];
        for (double[] row : p) {
            for (int k = 0; k < d; k++) {
                row[k] = c.rnd.nextInt(10) == 0 ? c.value() : s * c.rnd.nextDouble();
            }
        }
        c.say("Delaunay(").say(Arrays.deepToString(p)).say(")");
        Delaunay tri = new Delaunay(p);
        for (double[] row : p) {
            if (tri.findSimplex(row) < 0) {
                throw new AssertionError("findSimplex of data point " + Arrays.toString(row) + " is -1");
            }
        }
    }

    /** The multi-column forms: each column must equal its single-column fit, bit for bit. */
    private static void columns(Call c) {
        int n = c.size(8);
        int m = 1 + c.rnd.nextInt(3);
        double[] x = c.abscissae(n);
        double[][] y = new double[n][m];
        double[][] cols = new double[m][];
        for (int j = 0; j < m; j++) {
            cols[j] = c.values(n);
            for (int i = 0; i < n; i++) {
                y[i][j] = cols[j][i];
            }
        }
        int which = c.rnd.nextInt(4);
        c.say("columns ").say(which).say(" m ").say(m).say(" x ").say(Arrays.toString(x));
        Interpolant1D f;
        switch (which) {
            case 0: f = CubicSpline.fromColumns(x, y, BoundaryCondition.notAKnot(), BoundaryCondition.notAKnot());
                break;
            case 1: f = PchipInterpolator.fromColumns(x, y); break;
            case 2: f = BSpline.makeInterpSplineColumns(x, y, 3); break;
            default: f = Interp1d.fromColumns(x, y, Interp1d.Kind.LINEAR);
        }
        double[] q = c.inside(f.lowerBound(), f.upperBound(), 4);
        double[] all = new double[q.length * m];
        f.valuesColumns(q, all);
        c.requireFinite(all, "valuesColumns in range");
        for (int j = 0; j < m; j++) {
            double[] one = f.column(j).values(q);
            for (int i = 0; i < q.length; i++) {
                if (Double.doubleToLongBits(one[i]) != Double.doubleToLongBits(all[i * m + j])) {
                    throw new AssertionError("column " + j + " differs from the multi-column value at " + q[i]);
                }
            }
        }
    }

    private static void ppoly(Call c) {
        int pieces = c.size(4);
        int k = c.rnd.nextInt(15) == 0 ? 100 + c.rnd.nextInt(150) : 1 + c.rnd.nextInt(6);
        double[] x = c.abscissae(pieces + 1);
        double[][] coef = coefficients(c, k, pieces);
        c.say("PPoly(order ").say(k).say(", x ").say(Arrays.toString(x)).say(")");
        PPoly p = new PPoly(coef, x, c.mode());
        double[] q = c.inside(p.lowerBound(), p.upperBound(), 5);
        c.say(".values");
        double[] r = p.values(q);
        c.requireShape(r, q.length, "PPoly.values");
        exercise1D(c, p, q);
        int nu = c.order();
        c.say(".antiderivative(").say(nu).say(")");
        PPoly a = p.antiderivative(nu);
        c.requireShape(a.values(q), q.length, "antiderivative values");
        c.say(".roots");
        double[] roots = p.roots();
        for (double t : roots) {
            if (Double.isInfinite(t)) {
                throw new AssertionError("PPoly.roots gave " + t);
            }
        }
        c.requireFinite(p.integrate(q[0], q[1]), "PPoly.integrate");
    }

    private static void exercise1D(Call c, Interpolant1D f, double[] q) {
        double[] r = f.values(q);
        c.requireShape(r, q.length, "values");
        c.requireFinite(r, "values in range");
        for (int i = 0; i < q.length; i++) {
            if (Double.doubleToLongBits(f.value(q[i])) != Double.doubleToLongBits(r[i])) {
                throw new AssertionError("batch differs from point at " + q[i] + ": " + r[i] + " vs " + f.value(q[i]));
            }
        }
        int nu = c.order();
        c.say(".derivative(").say(nu).say(")");
        Interpolant1D d = f.derivative(nu);
        c.requireShape(d.values(q), q.length, "derivative values");
    }

    private static void cubic(Call c) {
        int n = c.size(8);
        double[] x = c.abscissae(n);
        double[] y = c.values(n);
        int which = c.rnd.nextInt(6);
        PiecewiseCubicInterpolant f;
        c.say("cubic family ").say(which).say(" x ").say(Arrays.toString(x)).say(" y ").say(Arrays.toString(y));
        switch (which) {
            case 0: {
                BoundaryCondition[] bcs = {BoundaryCondition.notAKnot(), BoundaryCondition.natural(),
                    BoundaryCondition.clamped(), BoundaryCondition.firstDerivative(c.value()),
                    BoundaryCondition.secondDerivative(c.value()), BoundaryCondition.periodic()};
                BoundaryCondition l = bcs[c.rnd.nextInt(bcs.length)];
                BoundaryCondition r = l.kind() == BoundaryCondition.Kind.PERIODIC ? l
                        : bcs[c.rnd.nextInt(bcs.length - 1)];
                c.say(" bc ").say(l).say(", ").say(r);
                f = new CubicSpline(x, y, l, r);
                break;
            }
            case 1:
                f = new CubicHermiteSpline(x, y, c.values(n));
                break;
            case 2:
                f = new PchipInterpolator(x, y);
                break;
            case 3:
                f = new Akima1DInterpolator(x, y);
                break;
            case 4:
                f = new Akima1DInterpolator(x, y, Akima1DInterpolator.Method.MAKIMA);
                break;
            default:
                f = new CubicSpline(x, y);
        }
        double[] q = c.inside(f.lowerBound(), f.upperBound(), 6);
        exercise1D(c, f, q);
        int nu = c.order();
        c.say(".antiderivative(").say(nu).say(")");
        f.antiderivative(nu);
        c.requireFinite(f.integrate(q[0], q[1]), "integrate");
        f.roots();
    }

    private static void bspline(Call c) {
        int k = c.rnd.nextInt(10) == 0 ? c.rnd.nextInt(40) : c.rnd.nextInt(6);
        int n = k + 1 + c.size(6);
        double[] t = c.abscissae(n + k + 1);
        double[] coef = c.values(n);
        c.say("BSpline(t ").say(Arrays.toString(t)).say(", k ").say(k).say(")");
        BSpline b = new BSpline(t, coef, k, c.mode());
        double[] q = c.inside(b.lowerBound(), b.upperBound(), 5);
        exercise1D(c, b, q);
        int nu = c.order();
        c.say(".antiderivative(").say(nu).say(")");
        BSpline a = b.antiderivative(nu);
        c.requireShape(a.values(q), q.length, "antiderivative values");
        c.requireFinite(b.integrate(q[0], q[1]), "integrate");
    }

    private static void makeInterp(Call c) {
        int n = c.size(10);
        int k = c.rnd.nextInt(6);
        double[] x = c.abscissae(n);
        double[] y = c.values(n);
        c.say("makeInterpSpline(k ").say(k).say(", x ").say(Arrays.toString(x)).say(", y ")
                .say(Arrays.toString(y)).say(")");
        BSpline b = BSpline.makeInterpSpline(x, y, k);
        exercise1D(c, b, c.inside(b.lowerBound(), b.upperBound(), 5));
    }

    private static void interp1d(Call c) {
        int n = c.size(10);
        Interp1d.Kind kind = Interp1d.Kind.values()[c.rnd.nextInt(Interp1d.Kind.values().length)];
        double[] x = c.abscissae(n);
        double[] y = c.values(n);
        c.say("Interp1d(").say(kind).say(", x ").say(Arrays.toString(x)).say(", y ").say(Arrays.toString(y))
                .say(")");
        Interpolant1D f;
        if (c.rnd.nextBoolean()) {
            f = new Interp1d(x, y, kind);
        } else {
            double[][] cols = new double[n][1];
            for (int i = 0; i < n; i++) {
                cols[i][0] = y[i];
            }
            c.say(" fromColumns");
            f = Interp1d.fromColumns(x, cols, kind);
        }
        double[] q = c.inside(f.lowerBound(), f.upperBound(), 5);
        double[] r = f.values(q);
        c.requireShape(r, q.length, "Interp1d.values");
        c.requireFinite(r, "Interp1d.values in range");
    }

    private static void regularGrid(Call c) {
        int d = c.rnd.nextInt(12) == 0 ? 20 + c.rnd.nextInt(15) : 1 + c.rnd.nextInt(3);
        RegularGridInterpolator.Method m = RegularGridInterpolator.Method.values()[c.rnd.nextInt(
                RegularGridInterpolator.Method.values().length)];
        double[][] g = new double[d][];
        long total = 1;
        for (int a = 0; a < d; a++) {
            int na = d > 4 ? 1 + (c.rnd.nextInt(8) == 0 ? 1 : 0) : c.size(6);
            g[a] = c.abscissae(na);
            total *= Math.max(na, 1);
        }
        if (total > 100_000) {
            return;
        }
        double[] v = c.values((int) total);
        c.say("RegularGridInterpolator(").say(m).say(", shape ").say(d).say(" axes, ").say(total).say(" points)");
        RegularGridInterpolator f = new RegularGridInterpolator(g, v, m);
        double[][] q = new double[4][d];
        for (double[] row : q) {
            for (int a = 0; a < d; a++) {
                row[a] = c.inside(g[a][0], g[a][g[a].length - 1], 3)[c.rnd.nextInt(3)];
            }
        }
        double[] r = f.values(q);
        c.requireShape(r, q.length, "RegularGridInterpolator.values");
        c.requireFinite(r, "RegularGridInterpolator.values in range");
    }

    private static void scattered(Call c) {
        int n = c.size(12);
        int which = c.rnd.nextInt(5);
        double s = new double[] {1, 1e-300, 1e300, 1e308, Double.MIN_VALUE * 64}[c.rnd.nextInt(5)];
        double[][] p = new double[n][2];
        for (double[] row : p) {
            row[0] = c.rnd.nextInt(10) == 0 ? c.value() : s * c.rnd.nextDouble();
            row[1] = c.rnd.nextInt(10) == 0 ? c.value() : s * c.rnd.nextDouble();
            c.finiteData &= Double.isFinite(row[0]) && Double.isFinite(row[1]);
        }
        double[] v = c.values(n);
        c.say("scattered ").say(which).say(" scale ").say(s).say(" points ").say(Arrays.deepToString(p))
                .say(" values ").say(Arrays.toString(v));
        InterpolantND f;
        switch (which) {
            case 0: f = new LinearNDInterpolator(p, v); break;
            case 1: f = new CloughTocher2DInterpolator(p, v); break;
            case 2: f = new NaturalNeighborInterpolator(p, v); break;
            case 3: f = new NearestNDInterpolator(p, v); break;
            default:
                Griddata.Method gm = Griddata.Method.values()[c.rnd.nextInt(Griddata.Method.values().length)];
                double[] r = Griddata.griddata(p, v, new double[][] {n > 0 ? p[0] : new double[2]}, gm);
                c.requireShape(r, 1, "griddata");
                c.requireFinite(r, "griddata at a data point");
                return;
        }
        // Data points are inside the hull: finite there (the fill value, NaN, only outside).
        if (n == 0) {
            throw new AssertionError("an interpolant of no points was built");
        }
        double[][] q = {p[0], p[n - 1]};
        double[] r = f.values(q);
        c.requireShape(r, 2, "values");
        c.requireFinite(r, "values at data points");
    }

    private static void rbf(Call c) {
        int n = 1 + c.rnd.nextInt(10);
        int d = 1 + c.rnd.nextInt(2);
        double s = new double[] {1, 1e-300, 1e300, 1e308}[c.rnd.nextInt(4)];
        double[][] p = new double[n][d];
        for (double[] row : p) {
            for (int k = 0; k < d; k++) {
                row[k] = c.rnd.nextInt(20) == 0 ? c.value() : s * c.rnd.nextDouble();
                c.finiteData &= Double.isFinite(row[k]);
            }
        }
        double[] v = c.values(n);
        RBFInterpolator.Kernel kernel = RBFInterpolator.Kernel.values()[c.rnd.nextInt(
                RBFInterpolator.Kernel.values().length)];
        c.say("RBFInterpolator(").say(kernel).say(", points ").say(Arrays.deepToString(p)).say(", values ")
                .say(Arrays.toString(v)).say(")");
        RBFInterpolator.Builder b = RBFInterpolator.builder(p, v).kernel(kernel);
        if (c.rnd.nextBoolean()) {
            b.epsilon(c.rnd.nextBoolean() ? 1.0 : Math.abs(c.value()));
        }
        if (c.rnd.nextInt(4) == 0) {
            b.smoothing(Math.abs(c.value()));
        }
        RBFInterpolator f = b.build();
        double[] r = f.values(new double[][] {p[0]});
        c.requireShape(r, 1, "RBF values");
        c.requireFinite(r, "RBF value at a data point");
    }

    /** A derivative at a point, {@code value(x, nu)}. */
    private interface PointDerivative {
        double at(double x, int nu);
    }

    /** Derivatives at many points, {@code values(xs, nu)}. */
    private interface BatchDerivative {
        double[] at(double[] xs, int nu);
    }

    /** nu = 0 must be finite in range; every order right-shaped, the batch equal to the points bit for bit. */
    private static void pointDerivatives(Call c, PointDerivative point, BatchDerivative batch, double[] q) {
        int nu = c.rnd.nextInt(4) == 0 ? 0 : c.order();
        c.say(".values(q, ").say(nu).say(")");
        double[] r = batch.at(q, nu);
        c.requireShape(r, q.length, "values(xs, nu)");
        if (nu == 0) {
            c.requireFinite(r, "values(xs, 0) in range");
        }
        for (int i = 0; i < q.length; i++) {
            double v = point.at(q[i], nu);
            if (Double.doubleToLongBits(v) != Double.doubleToLongBits(r[i])) {
                throw new AssertionError("values(xs, " + nu + ") differs from value(x, nu) at " + q[i] + ": " + r[i]
                        + " vs " + v);
            }
        }
    }

    private static double[][] coefficients(Call c, int rows, int pieces) {
        double[][] coef = new double[rows][pieces];
        for (double[] row : coef) {
            for (int i = 0; i < pieces; i++) {
                row[i] = c.value();
            }
        }
        return coef;
    }

    /** BPoly: constructors, fromColumns, fromDerivatives, values and derivatives, calculus, PPoly round trip. */
    private static void bpoly(Call c) {
        int pieces = c.size(4);
        int which = c.rnd.nextInt(4);
        BPoly b;
        if (which < 2) {
            int k = c.rnd.nextInt(15) == 0 ? 100 + c.rnd.nextInt(1000) : c.rnd.nextInt(7);
            c.say("BPoly(order ").say(k + 1).say(", x");
            double[] x = c.breakpoints(pieces + 1);
            c.say(" ").say(Arrays.toString(x)).say(")");
            double[][] coef = coefficients(c, k + 1, pieces);
            if (which == 0) {
                b = new BPoly(coef, x, c.mode());
            } else {
                int m = 1 + c.rnd.nextInt(3);
                double[][][] cc = new double[k + 1][pieces][m];
                for (int a = 0; a <= k; a++) {
                    for (int i = 0; i < pieces; i++) {
                        cc[a][i][0] = coef[a][i];
                        for (int j = 1; j < m; j++) {
                            cc[a][i][j] = c.value();
                        }
                    }
                }
                c.say(" fromColumns m ").say(m);
                b = BPoly.fromColumns(cc, x, c.mode());
                double[] q = c.inside(b.lowerBound(), b.upperBound(), 4);
                double[] all = new double[q.length * m];
                b.valuesColumns(q, all);
                c.requireFinite(all, "BPoly.valuesColumns in range");
                c.requireFinite(b.integrateColumns(q[0], q[1]), "BPoly.integrateColumns");
                b = b.column(0);
            }
        } else {
            double[] xi = c.increasing(pieces + 1);
            double[][] yi = new double[xi.length][];
            for (int i = 0; i < yi.length; i++) {
                yi[i] = c.values(c.rnd.nextInt(10) == 0 ? 0 : 1 + c.rnd.nextInt(4));
            }
            c.say("BPoly.fromDerivatives(").say(Arrays.toString(xi)).say(", ").say(Arrays.deepToString(yi));
            if (which == 2) {
                c.say(")");
                b = BPoly.fromDerivatives(xi, yi);
            } else if (c.rnd.nextBoolean()) {
                int order = c.order();
                c.say(", ").say(order).say(")");
                b = BPoly.fromDerivatives(xi, yi, order);
            } else {
                int[] orders = new int[c.rnd.nextInt(10) == 0 ? pieces + 1 : pieces];
                for (int i = 0; i < orders.length; i++) {
                    orders[i] = c.order();
                }
                c.say(", ").say(Arrays.toString(orders)).say(")");
                b = BPoly.fromDerivatives(xi, yi, orders);
            }
        }
        BPoly f = b;
        double[] q = c.inside(f.lowerBound(), f.upperBound(), 5);
        exercise1D(c, f, q);
        pointDerivatives(c, f::value, f::values, q);
        int nu = c.order();
        c.say(".antiderivative(").say(nu).say(")");
        c.requireShape(f.antiderivative(nu).values(q), q.length, "BPoly antiderivative values");
        c.say(".integrate");
        c.requireFinite(f.integrate(q[0], q[1]), "BPoly.integrate");
        c.say(" PPoly.fromBernsteinBasis");
        PPoly p = PPoly.fromBernsteinBasis(f);
        c.requireFinite(p.values(q), "PPoly.fromBernsteinBasis values in range");
    }

    /** PPoly.value(x, nu), PPoly.fromSpline, BPoly.fromPowerBasis, descending breakpoints. */
    private static void ppolyConversions(Call c) {
        PPoly p;
        if (c.rnd.nextInt(3) == 0) {
            int k = c.rnd.nextInt(6);
            int n = k + 1 + c.size(5);
            double[] t = c.knots(n, k);
            double[] coef = c.values(n);
            c.say("PPoly.fromSpline(BSpline(t ").say(Arrays.toString(t)).say(", k ").say(k).say("))");
            BSpline b = new BSpline(t, coef, k, c.mode());
            p = PPoly.fromSpline(b);
            double[] q = c.inside(b.lowerBound(), b.upperBound(), 5);
            c.requireFinite(p.values(q), "PPoly.fromSpline values in the base interval");
        } else {
            int pieces = c.size(4);
            int k = c.rnd.nextInt(15) == 0 ? 100 + c.rnd.nextInt(150) : 1 + c.rnd.nextInt(6);
            c.say("PPoly(order ").say(k).say(", x");
            double[] x = c.breakpoints(pieces + 1);
            double[][] coef = coefficients(c, k, pieces);
            OutOfRange mode = c.mode();
            c.say(" ").say(Arrays.toString(x)).say(", c ").say(Arrays.deepToString(coef)).say(", ").say(mode).say(")");
            p = new PPoly(coef, x, mode);
        }
        PPoly f = p;
        double[] q = c.inside(f.lowerBound(), f.upperBound(), 5);
        c.requireFinite(f.values(q), "PPoly.values in range");
        pointDerivatives(c, f::value, f::values, q);
        c.say(" BPoly.fromPowerBasis");
        BPoly b = BPoly.fromPowerBasis(f);
        c.requireFinite(b.values(q), "BPoly.fromPowerBasis values in range");
        c.requireFinite(b.integrate(q[0], q[1]), "BPoly.fromPowerBasis integrate");
    }

    /** BSpline.value(x, nu), insertKnot, designMatrix, fromPowerBasis. */
    private static void bsplineToolbox(Call c) {
        int k = c.rnd.nextInt(10) == 0 ? c.rnd.nextInt(40) : c.rnd.nextInt(6);
        int n = k + 1 + c.size(6);
        double[] t = c.knots(n, k);
        double[] coef = c.values(n);
        c.say("BSpline(t ").say(Arrays.toString(t)).say(", k ").say(k).say(")");
        int which = c.rnd.nextInt(3);
        if (which == 0) {
            int rows = c.size(6);
            double[] x = new double[rows];
            double lo = t.length > k ? t[Math.max(k, 0)] : 0;
            double hi = t.length > k ? t[t.length - k - 1] : 1;
            for (int i = 0; i < rows; i++) {
                x[i] = c.rnd.nextInt(8) == 0 ? c.value() : c.inside(Math.min(lo, hi), Math.max(lo, hi), 3)[i % 3];
            }
            OutOfRange mode = new OutOfRange[] {OutOfRange.raise(), OutOfRange.extrapolate(), OutOfRange.periodic(),
                OutOfRange.nan()}[c.rnd.nextInt(4)];
            int overload = c.rnd.nextInt(3);
            if (overload > 0) {
                mode = overload == 1 || c.rnd.nextBoolean() ? OutOfRange.raise() : OutOfRange.extrapolate();
            }
            c.say(".designMatrix").say(overload).say("(").say(Arrays.toString(x)).say(", ").say(mode).say(")");
            DesignMatrix d = overload == 0 ? BSpline.designMatrix(x, t, k, mode) : overload == 1
                    ? BSpline.designMatrix(x, t, k)
                    : BSpline.designMatrix(x, t, k, mode.kind() == OutOfRange.Kind.EXTRAPOLATE);
            for (double v : x) {
                // extrapolated B-splines grow without bound far outside: finite values are owed in range only
                c.finiteData &= mode.kind() != OutOfRange.Kind.EXTRAPOLATE || v >= Math.min(lo, hi)
                        && v <= Math.max(lo, hi);
            }
            if (d.rows() != rows || d.columns() != t.length - k - 1) {
                throw new AssertionError("designMatrix shape " + d.rows() + " x " + d.columns());
            }
            c.requireShape(d.valuesFlat(), rows * (k + 1), "designMatrix values");
            c.requireFinite(d.valuesFlat(), "designMatrix values");
            double[] r = d.multiply(coef);
            c.requireShape(r, rows, "designMatrix.multiply");
            c.requireFinite(r, "designMatrix.multiply");
            return;
        }
        BSpline b;
        if (which == 1) {
            b = new BSpline(t, coef, k, c.mode());
        } else {
            int m = c.size(8);
            double[] x = c.abscissae(m);
            double[] y = c.values(m);
            BoundaryCondition[] bcs = {BoundaryCondition.notAKnot(), BoundaryCondition.natural(),
                BoundaryCondition.clamped(), BoundaryCondition.periodic(), BoundaryCondition.firstDerivative(1.0)};
            BoundaryCondition bc = bcs[c.rnd.nextInt(bcs.length)];
            c.say(" BSpline.fromPowerBasis(CubicSpline(").say(Arrays.toString(x)).say(", ")
                    .say(Arrays.toString(y)).say("), ").say(bc).say(")");
            CubicSpline cs = bc.kind() == BoundaryCondition.Kind.PERIODIC ? new CubicSpline(x, y, bc, bc)
                    : new CubicSpline(x, y);
            b = c.rnd.nextInt(4) == 0 ? BSpline.fromPowerBasis(cs) : BSpline.fromPowerBasis(cs, bc);
            c.requireFinite(b.values(c.inside(b.lowerBound(), b.upperBound(), 5)), "BSpline.fromPowerBasis values");
        }
        BSpline f = b;
        double[] q = c.inside(f.lowerBound(), f.upperBound(), 5);
        pointDerivatives(c, f::value, f::values, q);
        double at = c.rnd.nextInt(8) == 0 ? c.value() : q[c.rnd.nextInt(q.length)];
        int mult = c.rnd.nextInt(8) == 0 ? c.order() : 1 + c.rnd.nextInt(3);
        c.say(".insertKnot(").say(at).say(", ").say(mult).say(")");
        BSpline ins = c.rnd.nextBoolean() ? f.insertKnot(at) : f.insertKnot(at, mult);
        c.requireFinite(ins.values(q), "insertKnot values in range");
    }

    /** BSpline.makeInterpSpline(x, y, k, t). */
    private static void interpWithKnots(Call c) {
        int n = c.size(10);
        int k = c.rnd.nextInt(10) == 0 ? c.order() : c.rnd.nextInt(6);
        double[] x = c.increasing(n);
        double[] y = c.values(n);
        double[] t;
        if (c.rnd.nextBoolean() && n >= 2 && k >= 1 && k < 30) {
            // not-a-knot-like: the ends repeated k + 1 times, the interior from the data (Schoenberg-Whitney holds)
            t = new double[n + k + 1];
            for (int i = 0; i < t.length; i++) {
                t[i] = i <= k ? x[0] : i >= n ? x[n - 1] : x[Math.min(n - 1, Math.max(0, i - (k + 1) / 2))];
            }
        } else {
            t = c.knots(Math.max(n, 0), Math.max(k, 0));
        }
        c.say("makeInterpSpline(k ").say(k).say(", x ").say(Arrays.toString(x)).say(", y ").say(Arrays.toString(y))
                .say(", t ").say(Arrays.toString(t)).say(")");
        BSpline b = BSpline.makeInterpSpline(x, y, k, t);
        double[] q = c.inside(b.lowerBound(), b.upperBound(), 5);
        c.requireFinite(b.values(q), "makeInterpSpline(x, y, k, t) values");
    }

    /** BSpline.makeSmoothingSpline, every overload, and the column forms. */
    private static void smoothing(Call c) {
        int n = c.rnd.nextInt(10) == 0 ? c.rnd.nextInt(5) : 5 + c.size(10);
        double[] x = c.increasing(n);
        double[] y = c.values(n);
        double[] w = c.weights(n);
        double lam = c.nonNegative();
        int which = c.rnd.nextInt(8);
        c.say("makeSmoothingSpline ").say(which).say(" x ").say(Arrays.toString(x)).say(" y ")
                .say(Arrays.toString(y)).say(" w ").say(Arrays.toString(w)).say(" lam ").say(lam);
        c.finiteData &= w == null || Arrays.stream(w).allMatch(Double::isFinite);
        SmoothingSpline s;
        int m = 1;
        switch (which) {
            case 0: s = BSpline.makeSmoothingSpline(x, y); break;
            case 1: s = BSpline.makeSmoothingSpline(x, y, lam); break;
            case 2: s = BSpline.makeSmoothingSpline(x, y, w); break;
            case 3: s = BSpline.makeSmoothingSpline(x, y, w, lam); break;
            default: {
                m = 1 + c.rnd.nextInt(3);
                double[][] yy = c.columns(y, m);
                switch (which) {
                    case 4: s = BSpline.makeSmoothingSplineColumns(x, yy); break;
                    case 5: s = BSpline.makeSmoothingSplineColumns(x, yy, lam); break;
                    case 6: s = BSpline.makeSmoothingSplineColumns(x, yy, w); break;
                    default: s = BSpline.makeSmoothingSplineColumns(x, yy, w, lam);
                }
            }
        }
        if (s.columns() != m) {
            throw new AssertionError("makeSmoothingSpline gave " + s.columns() + " columns, expected " + m);
        }
        for (int j = 0; j < m; j++) {
            c.requireFinite(new double[] {s.lam(j), s.gcv(j)}, "SmoothingSpline lam and gcv");
        }
        BSpline b = s.spline();
        double[] q = c.inside(b.lowerBound(), b.upperBound(), 5);
        double[] all = new double[q.length * m];
        b.valuesColumns(q, all);
        c.requireFinite(all, "makeSmoothingSpline values in range");
    }

    /** BSpline.makeLsqSpline and makeLsqSplineColumns. */
    private static void lsq(Call c) {
        int n = c.size(12);
        int k = c.rnd.nextInt(10) == 0 ? c.order() : c.rnd.nextInt(6);
        double[] x = c.increasing(n);
        double[] y = c.values(n);
        int coefs = Math.max(Math.min(n, Math.max(k, 0) + 1 + c.rnd.nextInt(4)), 1);
        double[] t;
        if (c.rnd.nextBoolean() && n >= 2 && k >= 0 && k < 30) {
            t = new double[coefs + k + 1];
            for (int i = 0; i < t.length; i++) {
                t[i] = i <= k ? x[0] : i >= coefs ? x[n - 1] : x[(int) ((long) (i - k) * (n - 1) / (coefs - k))];
            }
        } else {
            t = c.knots(coefs, Math.max(k, 0));
        }
        double[] w = c.rnd.nextBoolean() ? null : c.weights(n);
        c.finiteData &= w == null || Arrays.stream(w).allMatch(Double::isFinite);
        c.say("makeLsqSpline(k ").say(k).say(", x ").say(Arrays.toString(x)).say(", y ").say(Arrays.toString(y))
                .say(", t ").say(Arrays.toString(t)).say(", w ").say(Arrays.toString(w)).say(")");
        BSpline b;
        int m = 1;
        if (c.rnd.nextBoolean()) {
            b = w == null && c.rnd.nextBoolean() ? BSpline.makeLsqSpline(x, y, t, k)
                    : BSpline.makeLsqSpline(x, y, t, k, w);
        } else {
            m = 1 + c.rnd.nextInt(3);
            double[][] yy = c.columns(y, m);
            b = w == null && c.rnd.nextBoolean() ? BSpline.makeLsqSplineColumns(x, yy, t, k)
                    : BSpline.makeLsqSplineColumns(x, yy, t, k, w);
        }
        double[] q = c.inside(b.lowerBound(), b.upperBound(), 5);
        double[] all = new double[q.length * m];
        b.valuesColumns(q, all);
        c.requireFinite(all, "makeLsqSpline values in range");
    }

    /** Random {@link SplrepOptions}: each option set or not, mostly valid. */
    private static SplrepOptions splrepOptions(Call c, double[] x, int n) {
        SplrepOptions o = SplrepOptions.defaults();
        if (c.rnd.nextInt(4) != 0) {
            o = o.withDegree(c.rnd.nextInt(15) == 0 ? c.order() : 1 + c.rnd.nextInt(5));
        }
        if (c.rnd.nextInt(4) != 0) {
            o = o.withSmoothing(c.rnd.nextInt(3) == 0 ? n * c.rnd.nextDouble() : c.nonNegative());
        }
        if (c.rnd.nextInt(4) == 0) {
            double[] w = c.weights(n);
            o = o.withWeights(w == null ? new double[n] : w);
        }
        if (c.rnd.nextInt(5) == 0 && n > 0) {
            double lo = x[0];
            double hi = x[n - 1];
            o = c.rnd.nextBoolean() ? o.withBounds(lo - Math.abs(c.value()), hi + Math.abs(c.value()))
                    : o.withBounds(c.value(), c.value());
        }
        if (c.rnd.nextInt(6) == 0) {
            o = o.withNest(c.rnd.nextInt(10) == 0 ? c.order() : 4 + c.rnd.nextInt(2 * n + 8));
        } else if (c.rnd.nextInt(6) == 0) {
            int k = o.degree();
            o = o.withKnots(c.knots(Math.max(k + 1 + c.rnd.nextInt(Math.max(n - k, 1)), 0), k));
        }
        return o;
    }

    /** makeSplrep, fitSplrep, makeSplprep, generateKnots (and its column form) with random options. */
    private static void splrep(Call c) {
        int n = c.size(10);
        double[] x = c.increasing(n);
        if (c.rnd.nextInt(5) == 0 && n > 2) {
            x[1] = x[0]; // a repeated abscissa (allowed for s > 0)
        }
        double[] y = c.values(n);
        int which = c.rnd.nextInt(6);
        c.say("splrep ").say(which).say(" x ").say(Arrays.toString(x)).say(" y ").say(Arrays.toString(y));
        SplrepOptions o = splrepOptions(c, x, n);
        c.say(" ").say(o);
        for (double v : o.weights() == null ? new double[0] : o.weights()) {
            c.finiteData &= Double.isFinite(v);
        }
        BSpline b;
        switch (which) {
            case 0: {
                int k = c.rnd.nextInt(10) == 0 ? c.order() : 1 + c.rnd.nextInt(5);
                double s = c.nonNegative();
                c.say(" makeSplrep k ").say(k).say(" s ").say(s);
                b = BSpline.makeSplrep(x, y, k, s);
                break;
            }
            case 1:
                b = BSpline.makeSplrep(x, y, o);
                break;
            case 2: {
                SplineFit f = BSpline.fitSplrep(x, y, o);
                c.requireFinite(f.fp(), "fitSplrep fp");
                if (f.ier() >= 0) {
                    // p is NaN for interpolation (ier -1) and infinite for the least-squares polynomial (ier -2)
                    c.requireFinite(f.p(), "fitSplrep p");
                }
                b = f.spline();
                break;
            }
            case 3: {
                int d = 1 + c.rnd.nextInt(3);
                double[][] pts = new double[d][];
                pts[0] = y;
                for (int j = 1; j < d; j++) {
                    pts[j] = c.values(n);
                }
                if (c.rnd.nextInt(4) == 0) {
                    o = o.withParameters(c.abscissae(n));
                }
                c.say(" makeSplprep d ").say(d).say(" ").say(o);
                SplineFit f = c.rnd.nextBoolean() ? BSpline.makeSplprep(pts, o)
                        : BSpline.makeSplprep(pts, 1 + c.rnd.nextInt(5), c.nonNegative());
                c.requireShape(f.parameters(), n, "makeSplprep parameters");
                c.requireFinite(f.parameters(), "makeSplprep parameters");
                c.requireFinite(new double[] {f.fp()}, "makeSplprep fp");
                b = f.spline();
                double[] q = c.inside(b.lowerBound(), b.upperBound(), 4);
                double[] all = new double[q.length * d];
                b.valuesColumns(q, all);
                c.requireFinite(all, "makeSplprep values in range");
                return;
            }
            case 4: {
                List<double[]> ts = c.rnd.nextBoolean() ? BSpline.generateKnots(x, y, o)
                        : BSpline.generateKnots(x, y, 1 + c.rnd.nextInt(5), c.nonNegative());
                if (ts.isEmpty()) {
                    throw new AssertionError("generateKnots gave no knot vector");
                }
                c.requireFinite(ts, "generateKnots");
                return;
            }
            default: {
                double[][] yy = c.columns(y, 2);
                List<double[]> ts = BSpline.generateKnotsColumns(x, yy, o);
                if (ts.isEmpty()) {
                    throw new AssertionError("generateKnotsColumns gave no knot vector");
                }
                c.requireFinite(ts, "generateKnotsColumns");
                return;
            }
        }
        double[] q = c.inside(b.lowerBound(), b.upperBound(), 5);
        c.requireFinite(b.values(q), "splrep values in range");
    }

    // ------------------------------------------------------------------------------------------------

    private static boolean documented(Throwable t) {
        return t instanceof IllegalArgumentException || t instanceof IllegalStateException
                || t instanceof ArithmeticException || t instanceof UnsupportedOperationException;
    }

    /** Runs one call; returns null when it returned right or threw a documented exception, else the failure. */
    static String runOne(long seed) {
        Call c = new Call(seed);
        try {
            GENERATORS[c.rnd.nextInt(GENERATORS.length)].run(c);
            return null;
        } catch (AssertionError e) {
            return "seed " + seed + ": " + e.getMessage() + " in " + c.brief();
        } catch (Throwable t) {
            if (documented(t)) {
                if (t.getMessage() == null || t.getMessage().isEmpty()) {
                    return "seed " + seed + ": " + t.getClass().getName() + " without a message in " + c.what;
                }
                return null;
            }
            StringBuilder sb = new StringBuilder("seed " + seed + ": undocumented " + t + " in " + c.brief());
            for (StackTraceElement e : t.getStackTrace()) {
                sb.append("\n    at ").append(e);
                if (sb.length() > 3000) {
                    break;
                }
            }
            return sb.toString();
        }
    }

    @Test
    void randomCallsReturnFiniteResultsOrDocumentedExceptions() throws InterruptedException {
        String replay = System.getProperty("fuzz.seed");
        if (replay != null) {
            String f = runOne(Long.parseLong(replay));
            assertTrue(f == null, f);
            return;
        }
        int calls = Integer.getInteger("fuzz.calls", DEFAULT_CALLS);
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong next = new AtomicLong();
        long[] current = new long[WORKERS];
        long[] started = new long[WORKERS];
        Thread[] workers = new Thread[WORKERS];
        Random master = new Random(MASTER_SEED);
        long[] seeds = new long[calls];
        for (int i = 0; i < calls; i++) {
            seeds[i] = master.nextLong();
        }
        for (int w = 0; w < WORKERS; w++) {
            int id = w;
            workers[w] = new Thread(() -> {
                long i;
                while ((i = next.getAndIncrement()) < calls && failures.size() < 20) {
                    synchronized (current) {
                        current[id] = seeds[(int) i];
                        started[id] = System.nanoTime();
                    }
                    String f = runOne(seeds[(int) i]);
                    if (f != null) {
                        failures.add(f);
                    }
                }
                synchronized (current) {
                    started[id] = 0;
                }
            }, "fuzz-" + w);
            workers[w].setDaemon(true);
            workers[w].start();
        }
        long t0 = System.nanoTime();
        while (true) {
            boolean alive = false;
            for (Thread t : workers) {
                alive |= t.isAlive();
            }
            if (!alive) {
                break;
            }
            synchronized (current) {
                for (int w = 0; w < WORKERS; w++) {
                    if (started[w] != 0 && System.nanoTime() - started[w] > CALL_LIMIT_MS * 1_000_000L) {
                        failures.add("seed " + current[w] + ": no answer within " + CALL_LIMIT_MS
                                + " ms (hang); replay with -Dfuzz.seed=" + current[w]);
                        assertTrue(false, String.join("\n", failures));
                    }
                }
            }
            Thread.sleep(50);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(failures.isEmpty(), failures.size() + " failing calls of " + calls + " (" + ms + " ms; replay one"
                + " with -Dfuzz.seed=S):\n" + String.join("\n\n", failures));
        assertTrue(next.get() >= calls, "only " + next.get() + " calls ran");
    }
}
