package io.github.interp4j.interpolate.internal.validation;

/**
 * The one place where fits and transforms check that finite input gave finite numbers, and the
 * power-of-two scaling they use to avoid overflow where the method allows it.
 *
 * <p>A fit whose result (coefficients, slopes, a transformed polynomial) holds a non-finite number
 * although its input was finite raises {@link ArithmeticException} from {@link #requireFinite}, with a
 * message that names the operation, the intermediate that overflowed, and the input index it came from,
 * e.g. {@code "CubicSpline: coefficient of (x - x[i])^1 on interval 3 (x[3] = 3.0 .. x[4] = 4.0) is
 * Infinity: it overflows the double range (y[3] = 1.0E308, y[4] = -1.0E308)"}.
 *
 * <p>Scaling by a power of two ({@link #scaleExponent}, {@link #scaled}) is exact for every normal
 * number, so a method that is homogeneous in its data (every interpolant here is linear or, as pchip and
 * Akima, positively homogeneous in {@code y}) gives the same bits on scaled data, unscaled, unless the
 * unscaled run over- or underflowed.
 *
 * <p>Thread-safety: stateless.
 */
public final class FiniteResult {
    private FiniteResult() {}

    /** Describes a flat index of a checked array for a message (interval, power, column, input values). */
    @FunctionalInterface
    public interface IndexText {
        /**
         * @param index the flat index of the non-finite element
         * @return a description of what the element is and which input made it
         */
        String describe(int index);
    }

    /**
     * @param a an array
     * @return the index of the first NaN or infinite element, or -1
     */
    public static int firstNonFinite(double[] a) {
        for (int i = 0; i < a.length; i++) {
            double v = a[i];
            if (v - v != 0.0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Checks the result of a computation on finite input.
     *
     * @param operation the public operation, e.g. {@code "CubicSpline"} or {@code "PPoly.antiderivative(3)"}
     * @param a         the computed numbers
     * @param text      describes an element: which intermediate it is and which input index made it
     * @throws ArithmeticException naming the first non-finite element, what it is and its value
     */
    public static void requireFinite(String operation, double[] a, IndexText text) {
        int i = firstNonFinite(a);
        if (i >= 0) {
            throw new ArithmeticException(operation + ": " + text.describe(i) + " is " + a[i]
                    + ": it overflows the double range although the input is finite");
        }
    }

    /**
     * Checks that successive differences of finite, increasing abscissae are finite (a span beyond
     * {@link Double#MAX_VALUE} makes every local coordinate {@code x - x[i]} infinite).
     *
     * @param name the array's name
     * @param x    finite, non-decreasing abscissae
     * @throws IllegalArgumentException naming the first pair whose difference overflows
     */
    public static void requireFiniteSpacing(String name, double[] x) {
        for (int i = 1; i < x.length; i++) {
            double h = x[i] - x[i - 1];
            if (h == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException(name + "[" + i + "] - " + name + "[" + (i - 1) + "] = " + x[i]
                        + " - " + x[i - 1] + " overflows the double range; spacings above "
                        + Double.MAX_VALUE + " are not supported");
            }
        }
    }

    /**
     * Checks that the whole span {@code x[last] - x[0]} of finite, monotone abscissae is finite, so every
     * difference of two of them is.
     *
     * @param name the array's name
     * @param x    finite, monotone abscissae, at least one
     * @throws IllegalArgumentException naming both ends when their difference overflows
     */
    public static void requireFiniteSpan(String name, double[] x) {
        int last = x.length - 1;
        if (last > 0 && Math.abs(x[last] - x[0]) == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + "[" + last + "] - " + name + "[0] = " + x[last] + " - " + x[0]
                    + " overflows the double range; spans above " + Double.MAX_VALUE + " are not supported");
        }
    }

    /**
     * Checks that every non-zero spacing {@code |x[i] - x[i-1]|} of monotone abscissae lies in
     * {@code [2^minExponent, 2^maxExponent]}: methods that divide by a spacing (B-spline bases, slopes) or
     * square it need this for their intermediates to stay finite and non-zero.
     *
     * @param name        the array's name
     * @param x           finite, monotone abscissae
     * @param minExponent the smallest binary exponent allowed
     * @param maxExponent the largest binary exponent allowed
     * @param why         what overflows or underflows otherwise, for the message
     * @throws IllegalArgumentException naming the first spacing outside the range
     */
    public static void requireSpacingExponent(String name, double[] x, int minExponent, int maxExponent,
            String why) {
        for (int i = 1; i < x.length; i++) {
            double h = Math.abs(x[i] - x[i - 1]);
            if (h != 0.0 && (h < Math.scalb(1.0, minExponent) || h >= Math.scalb(1.0, maxExponent + 1))) {
                throw new IllegalArgumentException(name + "[" + i + "] - " + name + "[" + (i - 1) + "] = " + x[i]
                        + " - " + x[i - 1] + ": spacing " + h + " is outside [2^" + minExponent + ", 2^" + (maxExponent + 1)
                        + "), where " + why);
            }
        }
    }

    /**
     * The binary exponent of the largest magnitude in {@code a} ({@link Math#getExponent}); 0 when all
     * elements are zero. Dividing by {@code 2^e} brings the largest magnitude into {@code [1, 2)}.
     *
     * @param a finite numbers
     * @return the exponent
     */
    public static int scaleExponent(double[] a) {
        double max = 0.0;
        for (double v : a) {
            max = Math.max(max, Math.abs(v));
        }
        return max == 0.0 ? 0 : Math.getExponent(max);
    }

    /** Data whose largest magnitude reaches 2^this are fitted divided by a power of two (see {@link #largeValueExponent}). */
    public static final int LARGE_VALUE_EXPONENT = 512;

    /**
     * The exponent by which a method linear (or positively homogeneous) in its values divides a value column
     * before fitting, so its solves and slopes cannot overflow: the binary exponent of the largest magnitude
     * when that reaches {@code 2^}{@value #LARGE_VALUE_EXPONENT}, else 0 (ordinary data are not touched and
     * keep their bits). The results are multiplied back by {@code 2^e}, exactly.
     *
     * @param a      the values
     * @param from   the first index of the column
     * @param stride the distance between its elements (1 for a plain array, m for column j of row-major data)
     * @return the exponent, 0 for ordinary data
     */
    public static int largeValueExponent(double[] a, int from, int stride) {
        // Ordinary data (the common case) are recognised with one comparison per element and no loop-carried
        // dependency; only from the first large (or NaN) element on is the maximum taken.
        int i = from;
        while (i < a.length && Math.abs(a[i]) < LARGE_VALUE) {
            i += stride;
        }
        if (i >= a.length) {
            return 0;
        }
        double max = 0.0;
        for (; i < a.length; i += stride) {
            max = Math.max(max, Math.abs(a[i]));
        }
        return Math.getExponent(max);
    }

    /** {@code 2^LARGE_VALUE_EXPONENT}. */
    private static final double LARGE_VALUE = Math.scalb(1.0, LARGE_VALUE_EXPONENT);

    /**
     * @param a a non-empty array
     * @return the index of the first element of largest magnitude
     */
    public static int firstLargest(double[] a) {
        int best = 0;
        for (int i = 1; i < a.length; i++) {
            if (Math.abs(a[i]) > Math.abs(a[best])) {
                best = i;
            }
        }
        return best;
    }

    /**
     * @param a an array
     * @param e an exponent
     * @return a new array {@code a[i] * 2^-e}, exact unless a result is subnormal
     */
    public static double[] scaled(double[] a, int e) {
        double[] s = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            s[i] = Math.scalb(a[i], -e);
        }
        return s;
    }

    /**
     * Checks a requested order against a bound.
     *
     * @param what  the operation and order's name, e.g. {@code "BSpline.antiderivative order"}
     * @param order the order asked for, at least 0
     * @param max   the largest supported order
     * @param why   why larger orders are refused
     * @throws IllegalArgumentException if {@code order > max}
     */
    public static void requireOrderAtMost(String what, long order, long max, String why) {
        if (order > max) {
            throw new IllegalArgumentException(what + " " + order + " exceeds the supported maximum " + max
                    + ": " + why);
        }
    }
}
