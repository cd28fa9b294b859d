package io.github.interp4j.interpolate.internal.grid;

import io.github.interp4j.interpolate.internal.validation.FiniteResult;

/**
 * A kernel built on value columns divided by a power of two, for data whose magnitude (above
 * {@code 2^512}, {@link FiniteResult#largeValueExponent}) would overflow the spline solves or the pchip slopes: every
 * method wrapped here is linear (splines) or positively homogeneous (pchip) in the values, so the value on
 * the scaled columns times {@code 2^e} is the value on the data, exactly (as long as nothing is subnormal).
 * Columns below the threshold are built unscaled, so ordinary data keep their bits.
 *
 * <p>A result that is a finite number on the scaled data but beyond the double range on the data (a spline
 * overshooting values near {@link Double#MAX_VALUE}) raises {@link ArithmeticException}, never an infinity.
 * The batch fast paths of the wrapped kernel are not used (out-of-range fill values must not be scaled).
 *
 * <p>Thread-safety: immutable.
 */
public final class ScaledKernel implements GridKernel {
    private final GridKernel inner;
    private final int[] exponent;
    private final String name;

    private ScaledKernel(GridKernel inner, int[] exponent, String name) {
        this.inner = inner;
        this.exponent = exponent;
        this.name = name;
    }

    /**
     * @param factory the method's factory
     * @param name    the method's name for messages
     * @return a factory that scales large columns before building
     */
    public static Factory wrap(Factory factory, String name) {
        return (grid, columns) -> {
            int[] e = new int[columns.length];
            boolean any = false;
            for (int c = 0; c < columns.length; c++) {
                e[c] = FiniteResult.largeValueExponent(columns[c], 0, 1);
                any |= e[c] != 0;
            }
            if (!any) {
                return factory.build(grid, columns);
            }
            double[][] scaled = new double[columns.length][];
            for (int c = 0; c < columns.length; c++) {
                scaled[c] = e[c] == 0 ? columns[c] : FiniteResult.scaled(columns[c], e[c]);
            }
            return new ScaledKernel(factory.build(grid, scaled), e, name);
        };
    }

    @Override
    public GridWork newWork() {
        return inner.newWork();
    }

    @Override
    public void locate(int a, double x, GridWork wk) {
        inner.locate(a, x, wk);
    }

    @Override
    public double combine(GridWork wk, int c) {
        double r = inner.combine(wk, c);
        int e = exponent[c];
        if (e == 0) {
            return r;
        }
        double v = Math.scalb(r, e);
        if (v - v != 0.0 && r - r == 0.0) {
            throw new ArithmeticException("RegularGridInterpolator (" + name + "): the interpolated value of column "
                    + c + " is " + r + " * 2^" + e + ", beyond the double range (the method overshoots data"
                    + " of magnitude up to 2^" + (e + 1) + ")");
        }
        return v;
    }
}
