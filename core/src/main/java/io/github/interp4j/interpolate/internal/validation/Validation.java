package io.github.interp4j.interpolate.internal.validation;

/**
 * Checks of 1-D interpolation data, shared by every interpolant and run before any allocation.
 * Each check throws with a message that names the offending array, index and value, so a user can
 * find the bad datum in a large input.
 *
 * <p>Messages:
 * <ul>
 *   <li>{@link #requireNonNull}: {@code NullPointerException("y must not be null")};</li>
 *   <li>{@link #requireSameLength}: {@code "x and y must have the same length: x.length = 5, y.length = 4"};</li>
 *   <li>{@link #requireMinPoints}: {@code "CubicSpline needs at least 2 points, got 1"};</li>
 *   <li>{@link #requireFinite(String, double[])}: {@code "y[17] = NaN is not finite"};</li>
 *   <li>{@link #requireStrictlyIncreasing}: {@code "x must be strictly increasing: x[4] = 2.0 <= x[3] = 2.0"};</li>
 *   <li>{@link #requireNonDecreasing}: {@code "t must be non-decreasing: t[4] = 1.0 < t[3] = 2.0"};</li>
 *   <li>{@link #checkedSize}: {@code "CubicSpline coefficients too large: 4 * 1000000000 = 4000000000 elements ..."}.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless.
 */
public final class Validation {
    /** The largest array length the JVM reliably allocates. */
    public static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    private Validation() {}

    /**
     * @param a    the reference
     * @param name its name in the message
     * @throws NullPointerException if {@code a} is null
     */
    public static void requireNonNull(Object a, String name) {
        if (a == null) {
            throw new NullPointerException(name + " must not be null");
        }
    }

    /**
     * @param nameA first array's name
     * @param lenA  its length
     * @param nameB second array's name
     * @param lenB  its length
     * @throws IllegalArgumentException if {@code lenA != lenB}, naming both lengths
     */
    public static void requireSameLength(String nameA, int lenA, String nameB, int lenB) {
        if (lenA != lenB) {
            throw new IllegalArgumentException(nameA + " and " + nameB + " must have the same length: "
                    + nameA + ".length = " + lenA + ", " + nameB + ".length = " + lenB);
        }
    }

    /**
     * @param method the method's name for the message (e.g. "CubicSpline")
     * @param n      the number of points given
     * @param min    the minimum the method needs
     * @throws IllegalArgumentException if {@code n < min}
     */
    public static void requireMinPoints(String method, int n, int min) {
        if (n < min) {
            throw new IllegalArgumentException(method + " needs at least " + min + " points, got " + n);
        }
    }

    /**
     * @param name the array's name
     * @param a    the array
     * @throws IllegalArgumentException naming the first non-finite element, e.g. {@code "y[17] = NaN is not finite"}
     */
    public static void requireFinite(String name, double[] a) {
        for (int i = 0; i < a.length; i++) {
            double v = a[i];
            if (v - v != 0.0) { // NaN or infinite
                throw new IllegalArgumentException(name + "[" + i + "] = " + v + " is not finite");
            }
        }
    }

    /**
     * Checks a rows-by-columns matrix is rectangular with the given number of columns and finite,
     * naming the first offending element as {@code "y[3][1] = Infinity is not finite"}.
     *
     * @param name    the matrix name
     * @param a       the rows (each non-null)
     * @param columns the expected row length
     * @throws NullPointerException     if a row is null
     * @throws IllegalArgumentException if a row has another length or an element is not finite
     */
    public static void requireFiniteRows(String name, double[][] a, int columns) {
        for (int i = 0; i < a.length; i++) {
            double[] row = a[i];
            if (row == null) {
                throw new NullPointerException(name + "[" + i + "] must not be null");
            }
            if (row.length != columns) {
                throw new IllegalArgumentException(name + " must be rectangular: " + name + "[" + i
                        + "].length = " + row.length + ", expected " + columns);
            }
            for (int j = 0; j < columns; j++) {
                double v = row[j];
                if (v - v != 0.0) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + j + "] = " + v + " is not finite");
                }
            }
        }
    }

    /**
     * @param name the array's name
     * @param x    the array
     * @throws IllegalArgumentException naming the first violation, e.g.
     *         {@code "x must be strictly increasing: x[4] = 2.0 <= x[3] = 2.0"}
     */
    public static void requireStrictlyIncreasing(String name, double[] x) {
        for (int i = 1; i < x.length; i++) {
            if (!(x[i] > x[i - 1])) {
                throw new IllegalArgumentException(name + " must be strictly increasing: " + name + "[" + i + "] = "
                        + x[i] + " <= " + name + "[" + (i - 1) + "] = " + x[i - 1]);
            }
        }
    }

    /**
     * @param name the array's name
     * @param x    the array
     * @throws IllegalArgumentException naming the first violation, e.g.
     *         {@code "t must be non-decreasing: t[4] = 1.0 < t[3] = 2.0"}
     */
    public static void requireNonDecreasing(String name, double[] x) {
        for (int i = 1; i < x.length; i++) {
            if (!(x[i] >= x[i - 1])) {
                throw new IllegalArgumentException(name + " must be non-decreasing: " + name + "[" + i + "] = "
                        + x[i] + " < " + name + "[" + (i - 1) + "] = " + x[i - 1]);
            }
        }
    }

    /**
     * The usual checks of interpolation data {@code (x, y)}, in scipy's order: nulls, equal lengths,
     * minimum number of points, finite x, finite y, strictly increasing x.
     *
     * @param method    the method's name for messages
     * @param x         abscissae
     * @param y         ordinates
     * @param minPoints the minimum number of points
     * @throws NullPointerException     if {@code x} or {@code y} is null
     * @throws IllegalArgumentException as the individual checks
     */
    public static void checkXY(String method, double[] x, double[] y, int minPoints) {
        requireNonNull(x, "x");
        requireNonNull(y, "y");
        requireSameLength("x", x.length, "y", y.length);
        requireMinPoints(method, x.length, minPoints);
        requireFinite("x", x);
        requireFinite("y", y);
        requireStrictlyIncreasing("x", x);
    }

    /**
     * As {@link #checkXY(String, double[], double[], int)} for several value columns {@code y[n][m]}
     * (rows are points, as scipy's shape {@code (n, m)}); {@code m} must be at least 1.
     *
     * @param method    the method's name for messages
     * @param x         abscissae
     * @param y         ordinates, one row per abscissa
     * @param minPoints the minimum number of points
     * @return m, the number of columns
     * @throws NullPointerException     if {@code x}, {@code y} or a row of {@code y} is null
     * @throws IllegalArgumentException as the individual checks, or if {@code y} has no columns
     */
    public static int checkXYColumns(String method, double[] x, double[][] y, int minPoints) {
        requireNonNull(x, "x");
        requireNonNull(y, "y");
        requireSameLength("x", x.length, "y", y.length);
        requireMinPoints(method, x.length, minPoints);
        requireNonNull(y[0], "y[0]");
        int m = y[0].length;
        if (m < 1) {
            throw new IllegalArgumentException("y must have at least 1 column, y[0].length = 0");
        }
        requireFinite("x", x);
        requireFiniteRows("y", y, m);
        requireStrictlyIncreasing("x", x);
        return m;
    }

    /**
     * Checks an array of {@code a * b} doubles can be allocated: the count fits in a Java array and
     * its bytes do not exceed the JVM's maximum heap.
     *
     * @param what a description for the message (e.g. "CubicSpline coefficients")
     * @param a    first factor, at least 0
     * @param b    second factor, at least 0
     * @return {@code a * b} as an int
     * @throws IllegalArgumentException if the product is too large
     */
    public static int checkedSize(String what, long a, long b) {
        if (a < 0 || b < 0) {
            throw new IllegalArgumentException(what + ": negative size " + a + " * " + b);
        }
        long count;
        try {
            count = Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            count = Long.MAX_VALUE;
        }
        if (count > MAX_ARRAY_LENGTH) {
            throw new IllegalArgumentException(what + " too large: " + a + " * " + b + " = " + count
                    + " elements exceeds the maximum array length " + MAX_ARRAY_LENGTH);
        }
        long max = Runtime.getRuntime().maxMemory();
        if (max != Long.MAX_VALUE && count * Double.BYTES > max) {
            throw new IllegalArgumentException(what + " too large: " + a + " * " + b + " = " + count
                    + " doubles need " + count * Double.BYTES + " bytes, more than the maximum heap of " + max
                    + " bytes");
        }
        return (int) count;
    }
}
