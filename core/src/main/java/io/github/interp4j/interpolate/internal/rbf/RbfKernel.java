package io.github.interp4j.interpolate.internal.rbf;

/**
 * The radial basis functions of scipy's {@code RBFInterpolator}, written in terms of the squared scaled
 * distance {@code s = r^2 = (epsilon |x - y|)^2} so that the inner loops avoid a square root where the
 * formula allows:
 * <pre>
 *   LINEAR                -r                 = -sqrt(s)
 *   THIN_PLATE_SPLINE     r^2 log r          = s log(s) / 2      (0 at r = 0)
 *   CUBIC                 r^3                = s sqrt(s)
 *   QUINTIC               -r^5               = -s^2 sqrt(s)
 *   MULTIQUADRIC          -sqrt(1 + r^2)     = -sqrt(1 + s)
 *   INVERSE_MULTIQUADRIC  1 / sqrt(1 + r^2)  = 1 / sqrt(1 + s)
 *   INVERSE_QUADRATIC     1 / (1 + r^2)      = 1 / (1 + s)
 *   GAUSSIAN              exp(-r^2)          = exp(-s)
 * </pre>
 * Every loop is specialised per kernel (a {@code switch} outside the loop), so each is a straight,
 * inlined loop; the logarithm is {@link FastLog}. The same functions serve the fit and the evaluation.
 *
 * <p>Thread-safety: stateless.
 */
public enum RbfKernel {
    /** {@code -r}. */
    LINEAR,
    /** {@code r^2 log r}. */
    THIN_PLATE_SPLINE,
    /** {@code r^3}. */
    CUBIC,
    /** {@code -r^5}. */
    QUINTIC,
    /** {@code -sqrt(1 + r^2)}. */
    MULTIQUADRIC,
    /** {@code 1 / sqrt(1 + r^2)}. */
    INVERSE_MULTIQUADRIC,
    /** {@code 1 / (1 + r^2)}. */
    INVERSE_QUADRATIC,
    /** {@code exp(-r^2)}. */
    GAUSSIAN;

    /**
     * @param s the squared scaled distance, at least 0
     * @return the kernel value
     */
    public double phi(double s) {
        switch (this) {
            case LINEAR:
                return -Math.sqrt(s);
            case THIN_PLATE_SPLINE:
                return s * FastLog.log(s) * 0.5;
            case CUBIC:
                return s * Math.sqrt(s);
            case QUINTIC:
                return -(s * s) * Math.sqrt(s);
            case MULTIQUADRIC:
                return -Math.sqrt(1.0 + s);
            case INVERSE_MULTIQUADRIC:
                return 1.0 / Math.sqrt(1.0 + s);
            case INVERSE_QUADRATIC:
                return 1.0 / (1.0 + s);
            case GAUSSIAN:
                return Math.exp(-s);
            default:
                throw new AssertionError(this);
        }
    }

    /**
     * Replaces {@code buf[from, to)}, squared scaled distances, by the kernel values; each element as
     * {@link #phi(double)}.
     *
     * @param buf  the buffer
     * @param from the first index
     * @param to   the end index (exclusive)
     */
    public void applyInPlace(double[] buf, int from, int to) {
        switch (this) {
            case LINEAR:
                for (int j = from; j < to; j++) {
                    buf[j] = -Math.sqrt(buf[j]);
                }
                break;
            case THIN_PLATE_SPLINE:
                for (int j = from; j < to; j++) {
                    double s = buf[j];
                    buf[j] = s * FastLog.log(s) * 0.5;
                }
                break;
            case CUBIC:
                for (int j = from; j < to; j++) {
                    double s = buf[j];
                    buf[j] = s * Math.sqrt(s);
                }
                break;
            case QUINTIC:
                for (int j = from; j < to; j++) {
                    double s = buf[j];
                    buf[j] = -(s * s) * Math.sqrt(s);
                }
                break;
            case MULTIQUADRIC:
                for (int j = from; j < to; j++) {
                    buf[j] = -Math.sqrt(1.0 + buf[j]);
                }
                break;
            case INVERSE_MULTIQUADRIC:
                for (int j = from; j < to; j++) {
                    buf[j] = 1.0 / Math.sqrt(1.0 + buf[j]);
                }
                break;
            case INVERSE_QUADRATIC:
                for (int j = from; j < to; j++) {
                    buf[j] = 1.0 / (1.0 + buf[j]);
                }
                break;
            case GAUSSIAN:
                for (int j = from; j < to; j++) {
                    buf[j] = Math.exp(-buf[j]);
                }
                break;
            default:
                throw new AssertionError(this);
        }
    }

    /**
     * The fused final pass of a one-column evaluation: for {@code j} in {@code [0, len)},
     * {@code s = partial[j] + (q - last[off + j])^2} completes the squared distance to centre
     * {@code off + j}, and {@code sum coef[off + j] * phi(s)} is returned (accumulated in order of
     * {@code j}, so the result does not depend on how queries are split between threads). For the
     * thin-plate spline {@code coef} must hold the coefficients already multiplied by 1/2 (see
     * {@link #fusedScale()}).
     *
     * @param partial the squared distance over the other coordinates (all zeros in 1-D)
     * @param last    the last coordinate of every centre, scaled by epsilon
     * @param off     the first centre
     * @param q       the last coordinate of the query, scaled by epsilon
     * @param coef    the kernel coefficients, multiplied by {@link #fusedScale()}
     * @param len     the number of centres
     * @return the partial kernel sum
     */
    public double fusedSum(double[] partial, double[] last, int off, double q, double[] coef, int len) {
        double acc = 0.0;
        switch (this) {
            case LINEAR:
                for (int j = 0; j < len; j++) {
                    double t = q - last[off + j];
                    double s = partial[j] + t * t;
                    acc -= coef[off + j] * Math.sqrt(s);
                }
                break;
            case THIN_PLATE_SPLINE:
                for (int j = 0; j < len; j++) {
                    double t = q - last[off + j];
                    double s = partial[j] + t * t;
                    acc += coef[off + j] * (s * FastLog.log(s));
                }
                break;
            case CUBIC:
                for (int j = 0; j < len; j++) {
                    double t = q - last[off + j];
                    double s = partial[j] + t * t;
                    acc += coef[off + j] * (s * Math.sqrt(s));
                }
                break;
            case QUINTIC:
                for (int j = 0; j < len; j++) {
                    double t = q - last[off + j];
                    double s = partial[j] + t * t;
                    acc -= coef[off + j] * ((s * s) * Math.sqrt(s));
                }
                break;
            case MULTIQUADRIC:
                for (int j = 0; j < len; j++) {
                    double t = q - last[off + j];
                    double s = partial[j] + t * t;
                    acc -= coef[off + j] * Math.sqrt(1.0 + s);
                }
                break;
            case INVERSE_MULTIQUADRIC:
                for (int j = 0; j < len; j++) {
                    double t = q - last[off + j];
                    double s = partial[j] + t * t;
                    acc += coef[off + j] / Math.sqrt(1.0 + s);
                }
                break;
            case INVERSE_QUADRATIC:
                for (int j = 0; j < len; j++) {
                    double t = q - last[off + j];
                    double s = partial[j] + t * t;
                    acc += coef[off + j] / (1.0 + s);
                }
                break;
            case GAUSSIAN:
                for (int j = 0; j < len; j++) {
                    double t = q - last[off + j];
                    double s = partial[j] + t * t;
                    acc += coef[off + j] * Math.exp(-s);
                }
                break;
            default:
                throw new AssertionError(this);
        }
        return acc;
    }

    /** @return the factor the coefficients given to {@link #fusedSum} carry: 1/2 for the thin-plate spline, else 1 */
    public double fusedScale() {
        return this == THIN_PLATE_SPLINE ? 0.5 : 1.0;
    }
}
