package io.github.interp4j.interpolate.internal.range;

/**
 * Python's float arithmetic where scipy relies on it: {@code a % b} with the sign of the divisor,
 * floor division as CPython computes it, and the periodic wrap {@code x0 + (q - x0) % period} of
 * scipy's {@code extrapolate='periodic'}. The one place these are written; periodic splines, piecewise
 * polynomials, {@code interp1d} and the out-of-range policy all call it.
 *
 * <p>Thread-safety: stateless.
 */
public final class PyMath {
    private PyMath() {}

    /**
     * Python's {@code a % b} for floats (CPython's {@code float_rem}): the result has the sign of
     * {@code b}, and a zero result is {@code copySign(0.0, b)}.
     *
     * @param a dividend
     * @param b divisor
     * @return {@code a mod b}; NaN for NaN or infinite {@code a}, or {@code b = 0}
     */
    public static double mod(double a, double b) {
        double mod = a % b;
        if (mod != 0.0) {
            if ((b < 0) != (mod < 0)) {
                mod += b;
            }
        } else {
            mod = Math.copySign(0.0, b);
        }
        return mod;
    }

    /**
     * Python's {@code divmod(a, b)[0]} for floats: {@code floor(a / b)} computed as CPython's
     * {@code float_divmod} does, so that {@code floorDiv(a, b) * b + mod(a, b)} is {@code a} up to rounding.
     *
     * @param a dividend
     * @param b divisor (non-zero)
     * @return the floored quotient
     */
    public static double floorDiv(double a, double b) {
        double mod = a % b;
        double div = (a - mod) / b;
        if (mod != 0.0) {
            if ((b < 0) != (mod < 0)) {
                div -= 1.0;
            }
        }
        double floordiv;
        if (div != 0.0) {
            floordiv = Math.floor(div);
            if (div - floordiv > 0.5) {
                floordiv += 1.0;
            }
        } else {
            floordiv = Math.copySign(0.0, a / b);
        }
        return floordiv;
    }

    /**
     * Maps {@code q} into {@code [x0, x0 + period)} as scipy's {@code extrapolate='periodic'}:
     * {@code x0 + (q - x0) % period} with Python's {@code %}.
     *
     * @param q      the query
     * @param x0     the left end of the base interval
     * @param period the period, positive
     * @return the wrapped query; NaN for a NaN or infinite {@code q}
     */
    public static double wrap(double q, double x0, double period) {
        return x0 + mod(q - x0, period);
    }
}
