package io.github.interp4j.interpolate.internal.geometry;

/**
 * Sign-exact orientation and in-circle/in-sphere predicates for finite double coordinates, plus their
 * symbolically perturbed versions for Delaunay triangulation.
 *
 * <h2>Results</h2>
 * Every predicate returns the <em>exact</em> sign, {@code -1}, {@code 0} or {@code +1}, of a determinant
 * of the given coordinates taken as exact real numbers (no rounding in the inputs' interpretation):
 * <ul>
 * <li>{@code orient2d(a, b, c) = det[a - c; b - c]}: positive iff a, b, c are counterclockwise.</li>
 * <li>{@code orient3d(a, b, c, d) = det[a - d; b - d; c - d]} (Shewchuk's convention): positive iff d lies
 * below the plane through a, b, c, "below" meaning that a, b, c appear counterclockwise seen from above.
 * Equivalently {@code orient3d(a, b, c, d) = -det[b - a; c - a; d - a]}; for example
 * {@code orient3d((0,0,0), (1,0,0), (0,1,0), (0,0,-1)) = +1}.</li>
 * <li>{@code incircle(a, b, c, d)}: the 4x4 determinant with rows {@code [x, y, x^2 + y^2, 1]} of a, b, c, d;
 * positive iff d is inside the circle through a, b, c when {@code orient2d(a, b, c) > 0} (the sign flips
 * with the orientation), zero iff the four points lie on one circle or one line.</li>
 * <li>{@code insphere(a, b, c, d, e)}: the 5x5 determinant with rows {@code [x, y, z, x^2 + y^2 + z^2, 1]};
 * positive iff e is inside the sphere through a, b, c, d when {@code orient3d(a, b, c, d) > 0}.</li>
 * </ul>
 * Each determinant changes sign under a transposition of two of its points (antisymmetry).
 *
 * <h2>Method (Shewchuk 1997)</h2>
 * J. R. Shewchuk, "Adaptive Precision Floating-Point Arithmetic and Fast Robust Geometric Predicates",
 * Discrete &amp; Computational Geometry 18 (1997) 305-363. Each predicate first evaluates the determinant
 * in double arithmetic from the rounded coordinate differences, in Shewchuk's evaluation order, together
 * with the permanent {@code P} (the same expression with every product replaced by its absolute value).
 * With {@code eps = 2^-53}, Shewchuk's static-relative forward error bounds ("errboundA" in the paper's
 * Section 4 and its predicates.c) give {@code |computed - exact| <= B P} where
 * <ul>
 * <li>orient2d: {@code B = (3 + 16 eps) eps},</li>
 * <li>orient3d: {@code B = (7 + 56 eps) eps},</li>
 * <li>incircle: {@code B = (10 + 96 eps) eps},</li>
 * <li>insphere: {@code B = (16 + 224 eps) eps},</li>
 * </ul>
 * so the sign of the computed value is exact when {@code |computed| > B P}, or when {@code P = 0} (every
 * product then vanishes exactly). These bounds assume no underflow: the filter is used only when every
 * coordinate difference is zero or at least {@code 2^-150} in magnitude. Then no product in the filter,
 * nor {@code B P}, is subnormal, by a grid argument: a nonzero product of two differences is at least
 * {@code 2^-300}, so a nonzero 2x2 minor (a difference of two doubles of that size) is a multiple of
 * {@code 2^-352}, a nonzero 3x3 minor a multiple of {@code 2^-554}, and every nonzero degree-5 term at
 * least {@code 2^-854}, above the smallest normal {@code 2^-1022}. Overflow makes the computed
 * value or {@code B P} infinite or NaN, and the strict comparisons then fail. Otherwise the predicate falls
 * back to the exact path. There, if every coordinate difference was exact and all are small multiples of
 * a common power of two (as on a lattice: see {@code ExactPredicates.roundingFree}), the filter's value
 * was computed without any rounding and its sign is returned at once. Otherwise the coordinates are
 * rescaled by a power of two (exact, sign-preserving) and the determinant is evaluated exactly with
 * floating-point expansions (Two-Sum, Two-Product by {@link Math#fma}, Fast-Expansion-Sum,
 * Scale-Expansion, all with zero elimination) from the exact two-component coordinate differences. The
 * filter path allocates nothing; the exact path allocates small arrays.
 *
 * <h2>Range</h2>
 * The result is exact for every finite input on which the filter decides. On the exact path it is exact
 * whenever the nonzero coordinates span at most 1044 (orient2d), 695 (orient3d), 520 (incircle) or 414
 * (insphere) binary orders of magnitude, measured from the largest binary exponent down to the lowest set
 * bit of any coordinate: for instance any coordinates between {@code 2^-150} and {@code 2^200} in magnitude
 * (and zeros) for insphere, and every input whose coordinates are all huge or all tiny (the coordinates
 * are rescaled by a power of two). Beyond that span the scaled evaluation loses at most a proven tiny
 * amount, and its sign is returned only when it provably exceeds that loss; this decides all but
 * pathological inputs, where the large coordinates alone are exactly degenerate and the answer depends on
 * a second-order effect of a coordinate hundreds of binary orders smaller (for example a point moved
 * tangentially off a unit circle by {@code 2^-700}). There an {@link ArithmeticException} is thrown rather
 * than a guess returned. NaN or infinite coordinates give an {@link IllegalArgumentException}.
 *
 * <h2>Symbolic perturbation</h2>
 * {@link #incirclePerturbed} and {@link #inspherePerturbed} take points by index into a flat coordinate
 * array and decide the sign of the determinant after replacing each point's lifted coordinate
 * {@code |p|^2} by {@code |p|^2 + eps^(N - i)} for the point of index {@code i}, with an infinitesimal
 * {@code eps > 0} (Edelsbrunner and Muecke's Simulation of Simplicity restricted to the lifting, as in
 * Devillers and Teillaud, "Perturbations for Delaunay and weighted Delaunay 3D triangulations", CGTA 44
 * (2011), here ordered by index rather than lexicographically). The determinant is linear in the lift
 * column, so the perturbed value is {@code D + sum_p eps^(N - i_p) C_p}, where {@code C_p} is the cofactor
 * of p's lift entry, a signed orientation of the other points. Its sign is therefore the sign of the first
 * nonzero of {@code D}, then {@code C_p} for the points by <em>decreasing</em> index. See those methods for
 * the guarantees.
 *
 * <p>Thread-safety: stateless and thread-safe. Complexity: constant time; the filter path costs a few tens
 * of floating-point operations.
 */
public final class GeometricPredicates {
    private static final double EPS = 0x1p-53;
    private static final double ORIENT2D_BOUND = (3.0 + 16.0 * EPS) * EPS;
    private static final double ORIENT3D_BOUND = (7.0 + 56.0 * EPS) * EPS;
    private static final double INCIRCLE_BOUND = (10.0 + 96.0 * EPS) * EPS;
    private static final double INSPHERE_BOUND = (16.0 + 224.0 * EPS) * EPS;
    /** Smallest nonzero coordinate difference for which the filter is free of underflow. */
    private static final double MIN_DIFF = 0x1p-150;

    private GeometricPredicates() {}

    /** True if {@code d} is nonzero but so small that products with it might underflow. */
    private static boolean tiny(double d) {
        return Math.abs(d) < MIN_DIFF && d != 0;
    }

    /** {@code px qy - qx py}, the 2x2 minor in Shewchuk's evaluation order. */
    private static double minor(double px, double py, double qx, double qy) {
        return px * qy - qx * py;
    }

    /** {@code |px qy| + |qx py|}, the minor's permanent (the products are those of {@link #minor}). */
    private static double minorAbs(double px, double py, double qx, double qy) {
        return Math.abs(px * qy) + Math.abs(qx * py);
    }

    private static int signum(double d) {
        return d > 0 ? 1 : (d < 0 ? -1 : 0);
    }

    /**
     * The exact sign of {@code det[a - c; b - c]}: +1 if a, b, c are counterclockwise, -1 if clockwise,
     * 0 if collinear.
     *
     * @return -1, 0 or +1
     * @throws IllegalArgumentException if a coordinate is NaN or infinite (detected on the exact path)
     * @throws ArithmeticException only for the pathological mixed-magnitude inputs described under "Range"
     *         in the class documentation
     */
    public static int orient2d(double ax, double ay, double bx, double by, double cx, double cy) {
        double acx = ax - cx;
        double bcx = bx - cx;
        double acy = ay - cy;
        double bcy = by - cy;
        double left = acx * bcy;
        double right = acy * bcx;
        double det = left - right;
        double permanent = Math.abs(left) + Math.abs(right);
        double bound = ORIENT2D_BOUND * permanent;
        if ((det > bound || -det > bound || permanent == 0)
                && !(tiny(acx) | tiny(bcx) | tiny(acy) | tiny(bcy))) {
            return signum(det);
        }
        return ExactPredicates.exactSign(new double[] {ax, ay, bx, by, cx, cy}, 2, det);
    }

    /**
     * {@link #orient2d(double, double, double, double, double, double)} of points {@code a, b, c} of a flat
     * array {@code xy} (point {@code i} at {@code xy[2i], xy[2i+1]}).
     *
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public static int orient2d(double[] xy, int a, int b, int c) {
        return orient2d(xy[2 * a], xy[2 * a + 1], xy[2 * b], xy[2 * b + 1], xy[2 * c], xy[2 * c + 1]);
    }

    /**
     * The exact sign of {@code det[a - d; b - d; c - d]}: +1 if d lies below the plane through a, b, c
     * (a, b, c counterclockwise seen from above), -1 if above, 0 if coplanar.
     *
     * @return -1, 0 or +1
     * @throws IllegalArgumentException if a coordinate is NaN or infinite (detected on the exact path)
     * @throws ArithmeticException only for the pathological mixed-magnitude inputs described under "Range"
     *         in the class documentation
     */
    public static int orient3d(double ax, double ay, double az, double bx, double by, double bz,
            double cx, double cy, double cz, double dx, double dy, double dz) {
        double adx = ax - dx;
        double bdx = bx - dx;
        double cdx = cx - dx;
        double ady = ay - dy;
        double bdy = by - dy;
        double cdy = cy - dy;
        double adz = az - dz;
        double bdz = bz - dz;
        double cdz = cz - dz;
        double det = adz * minor(bdx, bdy, cdx, cdy) + bdz * minor(cdx, cdy, adx, ady)
                + cdz * minor(adx, ady, bdx, bdy);
        double permanent = minorAbs(bdx, bdy, cdx, cdy) * Math.abs(adz)
                + minorAbs(cdx, cdy, adx, ady) * Math.abs(bdz)
                + minorAbs(adx, ady, bdx, bdy) * Math.abs(cdz);
        double bound = ORIENT3D_BOUND * permanent;
        if ((det > bound || -det > bound || permanent == 0)
                && !(tiny(adx) | tiny(bdx) | tiny(cdx) | tiny(ady) | tiny(bdy) | tiny(cdy)
                        | tiny(adz) | tiny(bdz) | tiny(cdz))) {
            return signum(det);
        }
        return ExactPredicates.exactSign(new double[] {ax, ay, az, bx, by, bz, cx, cy, cz, dx, dy, dz}, 3, det);
    }

    /**
     * {@link #orient3d(double, double, double, double, double, double, double, double, double, double,
     * double, double) orient3d} of points {@code a, b, c, d} of a flat array {@code xyz} (point {@code i}
     * at {@code xyz[3i .. 3i+2]}).
     *
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public static int orient3d(double[] xyz, int a, int b, int c, int d) {
        int ia = 3 * a;
        int ib = 3 * b;
        int ic = 3 * c;
        int id = 3 * d;
        return orient3d(xyz[ia], xyz[ia + 1], xyz[ia + 2], xyz[ib], xyz[ib + 1], xyz[ib + 2],
                xyz[ic], xyz[ic + 1], xyz[ic + 2], xyz[id], xyz[id + 1], xyz[id + 2]);
    }

    /**
     * The exact sign of the in-circle determinant (class documentation): +1 if d lies inside the circle
     * through a, b, c and a, b, c are counterclockwise, 0 if the four points are cocircular.
     *
     * @return -1, 0 or +1
     * @throws IllegalArgumentException if a coordinate is NaN or infinite (detected on the exact path)
     * @throws ArithmeticException only for the pathological mixed-magnitude inputs described under "Range"
     *         in the class documentation
     */
    public static int incircle(double ax, double ay, double bx, double by, double cx, double cy,
            double dx, double dy) {
        double adx = ax - dx;
        double ady = ay - dy;
        double bdx = bx - dx;
        double bdy = by - dy;
        double cdx = cx - dx;
        double cdy = cy - dy;
        double alift = adx * adx + ady * ady;
        double blift = bdx * bdx + bdy * bdy;
        double clift = cdx * cdx + cdy * cdy;
        double det = alift * minor(bdx, bdy, cdx, cdy) + blift * minor(cdx, cdy, adx, ady)
                + clift * minor(adx, ady, bdx, bdy);
        double permanent = minorAbs(bdx, bdy, cdx, cdy) * alift + minorAbs(cdx, cdy, adx, ady) * blift
                + minorAbs(adx, ady, bdx, bdy) * clift;
        double bound = INCIRCLE_BOUND * permanent;
        if ((det > bound || -det > bound || permanent == 0)
                && !(tiny(adx) | tiny(bdx) | tiny(cdx) | tiny(ady) | tiny(bdy) | tiny(cdy))) {
            return signum(det);
        }
        return ExactPredicates.exactSign(new double[] {ax, ay, bx, by, cx, cy, dx, dy}, 4, det);
    }

    /**
     * {@link #incircle(double, double, double, double, double, double, double, double) incircle} of points
     * {@code a, b, c, d} of a flat array {@code xy} (point {@code i} at {@code xy[2i], xy[2i+1]}).
     *
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public static int incircle(double[] xy, int a, int b, int c, int d) {
        return incircle(xy[2 * a], xy[2 * a + 1], xy[2 * b], xy[2 * b + 1], xy[2 * c], xy[2 * c + 1],
                xy[2 * d], xy[2 * d + 1]);
    }

    /**
     * The exact sign of the in-sphere determinant (class documentation): +1 if e lies inside the sphere
     * through a, b, c, d and {@code orient3d(a, b, c, d) > 0}, 0 if the five points lie on one sphere or
     * one plane.
     *
     * @return -1, 0 or +1
     * @throws IllegalArgumentException if a coordinate is NaN or infinite (detected on the exact path)
     * @throws ArithmeticException only for the pathological mixed-magnitude inputs described under "Range"
     *         in the class documentation
     */
    public static int insphere(double ax, double ay, double az, double bx, double by, double bz,
            double cx, double cy, double cz, double dx, double dy, double dz, double ex, double ey, double ez) {
        double aex = ax - ex;
        double bex = bx - ex;
        double cex = cx - ex;
        double dex = dx - ex;
        double aey = ay - ey;
        double bey = by - ey;
        double cey = cy - ey;
        double dey = dy - ey;
        double aez = az - ez;
        double bez = bz - ez;
        double cez = cz - ez;
        double dez = dz - ez;
        // the 2x2 minors of the x, y columns, each with its permanent
        double ab = minor(aex, aey, bex, bey), abp = minorAbs(aex, aey, bex, bey);
        double bc = minor(bex, bey, cex, cey), bcp = minorAbs(bex, bey, cex, cey);
        double cd = minor(cex, cey, dex, dey), cdp = minorAbs(cex, cey, dex, dey);
        double da = minor(dex, dey, aex, aey), dap = minorAbs(dex, dey, aex, aey);
        double ac = minor(aex, aey, cex, cey), acp = minorAbs(aex, aey, cex, cey);
        double bd = minor(bex, bey, dex, dey), bdp = minorAbs(bex, bey, dex, dey);
        double abc = aez * bc - bez * ac + cez * ab;
        double bcd = bez * cd - cez * bd + dez * bc;
        double cda = cez * da + dez * ac + aez * cd;
        double dab = dez * ab + aez * bd + bez * da;
        double alift = aex * aex + aey * aey + aez * aez;
        double blift = bex * bex + bey * bey + bez * bez;
        double clift = cex * cex + cey * cey + cez * cez;
        double dlift = dex * dex + dey * dey + dez * dez;
        double det = (dlift * abc - clift * dab) + (blift * cda - alift * bcd);
        double aezp = Math.abs(aez);
        double bezp = Math.abs(bez);
        double cezp = Math.abs(cez);
        double dezp = Math.abs(dez);
        double permanent = (cdp * bezp + bdp * cezp + bcp * dezp) * alift
                + (dap * cezp + acp * dezp + cdp * aezp) * blift
                + (abp * dezp + bdp * aezp + dap * bezp) * clift
                + (bcp * aezp + acp * bezp + abp * cezp) * dlift;
        double bound = INSPHERE_BOUND * permanent;
        if ((det > bound || -det > bound || permanent == 0)
                && !(tiny(aex) | tiny(bex) | tiny(cex) | tiny(dex) | tiny(aey) | tiny(bey) | tiny(cey)
                        | tiny(dey) | tiny(aez) | tiny(bez) | tiny(cez) | tiny(dez))) {
            return signum(det);
        }
        return ExactPredicates.exactSign(
                new double[] {ax, ay, az, bx, by, bz, cx, cy, cz, dx, dy, dz, ex, ey, ez}, 5, det);
    }

    /**
     * {@link #insphere(double, double, double, double, double, double, double, double, double, double,
     * double, double, double, double, double) insphere} of points {@code a, b, c, d, e} of a flat array
     * {@code xyz} (point {@code i} at {@code xyz[3i .. 3i+2]}).
     *
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public static int insphere(double[] xyz, int a, int b, int c, int d, int e) {
        int ia = 3 * a;
        int ib = 3 * b;
        int ic = 3 * c;
        int id = 3 * d;
        int ie = 3 * e;
        return insphere(xyz[ia], xyz[ia + 1], xyz[ia + 2], xyz[ib], xyz[ib + 1], xyz[ib + 2],
                xyz[ic], xyz[ic + 1], xyz[ic + 2], xyz[id], xyz[id + 1], xyz[id + 2],
                xyz[ie], xyz[ie + 1], xyz[ie + 2]);
    }

    /**
     * The in-circle test under the symbolic perturbation of the class documentation: the point of index
     * {@code i} is lifted to {@code |p|^2 + eps^(N - i)}, so larger indices are perturbed more.
     *
     * <p>Equal to {@link #incircle(double[], int, int, int, int)} whenever that is nonzero. Otherwise the
     * sign of the first nonzero cofactor, taking the points by decreasing index, where the cofactor of the
     * point in argument position {@code k} (0 for a .. 3 for d) is {@code (-1)^k} times {@code orient2d} of
     * the other three in argument order. Hence:
     * <ul>
     * <li>it is 0 only if all four points are collinear (in particular never for a counterclockwise or
     * clockwise triangle a, b, c);</li>
     * <li>it is the sign of one fixed polynomial in {@code eps}, so permuting the arguments multiplies it by
     * the permutation's sign: the decision depends only on the points (by index), never on the order in
     * which a caller passes them;</li>
     * <li>a point with a larger index behaves as if slightly outside every circle it is cocircular with:
     * if d has the largest index of the four and a, b, c are counterclockwise, a cocircular d gives -1.</li>
     * </ul>
     * Indices identify points: two different indices are two different points even at equal coordinates;
     * callers building a Delaunay triangulation should remove duplicates first (a perturbed duplicate can
     * be hidden, that is belong to no Delaunay triangle).
     *
     * @param xy coordinates, point {@code i} at {@code xy[2i], xy[2i+1]}
     * @return -1 or +1, or 0 if the four points are collinear
     * @throws IllegalArgumentException if two indices are equal and the exact test is zero, or a
     *         coordinate is not finite
     * @throws ArithmeticException as {@link #incircle(double, double, double, double, double, double, double,
     *         double) incircle}
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public static int incirclePerturbed(double[] xy, int a, int b, int c, int d) {
        int s = incircle(xy, a, b, c, d);
        if (s != 0) {
            return s;
        }
        int[] p = {a, b, c, d};
        int[] order = byDecreasingIndex(p);
        for (int k : order) {
            int[] o = others(p, k);
            int cof = orient2d(xy, o[0], o[1], o[2]);
            if (cof != 0) {
                return (k % 2 == 0) ? cof : -cof;
            }
        }
        return 0;
    }

    /**
     * The in-sphere test under the symbolic perturbation of the class documentation: the point of index
     * {@code i} is lifted to {@code |p|^2 + eps^(N - i)}, so larger indices are perturbed more.
     *
     * <p>Equal to {@link #insphere(double[], int, int, int, int, int)} whenever that is nonzero. Otherwise
     * the sign of the first nonzero cofactor, taking the points by decreasing index, where the cofactor of
     * the point in argument position {@code k} (0 for a .. 4 for e) is {@code (-1)^(k+1)} times
     * {@code orient3d} of the other four in argument order. Hence:
     * <ul>
     * <li>it is 0 only if all five points are coplanar; in particular never when
     * {@code orient3d(a, b, c, d) != 0}, which a Delaunay builder guarantees for its tetrahedra;</li>
     * <li>it is the sign of one fixed polynomial in {@code eps}, so permuting the arguments multiplies it by
     * the permutation's sign: the decision depends only on the points (by index), never on the order in
     * which a caller passes them, and the perturbed point set has a unique Delaunay triangulation;</li>
     * <li>a point with a larger index behaves as if slightly outside every sphere it is cospherical with:
     * if e has the largest index of the five and {@code orient3d(a, b, c, d) > 0}, a cospherical e gives
     * -1.</li>
     * </ul>
     * Indices identify points: two different indices are two different points even at equal coordinates;
     * callers building a Delaunay triangulation should remove duplicates first (a perturbed duplicate can
     * be hidden, that is belong to no Delaunay tetrahedron).
     *
     * @param xyz coordinates, point {@code i} at {@code xyz[3i .. 3i+2]}
     * @return -1 or +1, or 0 if the five points are coplanar
     * @throws IllegalArgumentException if two indices are equal and the exact test is zero, or a
     *         coordinate is not finite
     * @throws ArithmeticException as {@link #insphere(double, double, double, double, double, double, double,
     *         double, double, double, double, double, double, double, double) insphere}
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public static int inspherePerturbed(double[] xyz, int a, int b, int c, int d, int e) {
        int s = insphere(xyz, a, b, c, d, e);
        if (s != 0) {
            return s;
        }
        int[] p = {a, b, c, d, e};
        int[] order = byDecreasingIndex(p);
        for (int k : order) {
            int[] o = others(p, k);
            int cof = orient3d(xyz, o[0], o[1], o[2], o[3]);
            if (cof != 0) {
                return (k % 2 == 0) ? -cof : cof;
            }
        }
        return 0;
    }

    /** Argument positions of {@code p} sorted by decreasing index; rejects repeated indices. */
    private static int[] byDecreasingIndex(int[] p) {
        int n = p.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = 1; i < n; i++) {
            int k = order[i];
            int j = i - 1;
            while (j >= 0 && p[order[j]] < p[k]) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = k;
        }
        for (int i = 1; i < n; i++) {
            if (p[order[i]] == p[order[i - 1]]) {
                throw new IllegalArgumentException("point index " + p[order[i]] + " is passed twice (argument "
                        + "positions " + Math.min(order[i], order[i - 1]) + " and " + Math.max(order[i], order[i - 1])
                        + ")");
            }
        }
        return order;
    }

    /** {@code p} without position {@code k}, in argument order. */
    private static int[] others(int[] p, int k) {
        int[] o = new int[p.length - 1];
        for (int i = 0, j = 0; i < p.length; i++) {
            if (i != k) {
                o[j++] = p[i];
            }
        }
        return o;
    }
}
