package io.github.interp4j.interpolate.internal.geometry;

import java.math.BigDecimal;

/**
 * Independent exact oracle: the predicates' defining determinants ({@code [x, y, 1]}, {@code [x, y, z, 1]},
 * with a lifted column for the in-circle/in-sphere tests) expanded by Laplace in {@link BigDecimal},
 * which represents every double and every sum and product of doubles exactly. The coordinates are first
 * multiplied by a common power of two that makes them all integers (exact, and it multiplies each
 * determinant by a positive power of two since the lifted column has degree 2), so that the BigDecimal
 * arithmetic runs at scale 0 without decimal rescaling.
 */
final class Oracle {
    private Oracle() {}

    static int orient2d(double... c) {
        return det(rows(c, 2, false)).signum();
    }

    /** orient3d(a, b, c, d) = det[a - d; b - d; c - d] = det of rows [x, y, z, 1]. */
    static int orient3d(double... c) {
        return det(rows(c, 3, false)).signum();
    }

    static int incircle(double... c) {
        return det(rows(c, 2, true)).signum();
    }

    static int insphere(double... c) {
        return det(rows(c, 3, true)).signum();
    }

    /**
     * The perturbed in-circle/in-sphere decision from first principles: the sign of the first nonzero of
     * det(M) and det(M with the lift column replaced by the unit vector of point p), p by decreasing index.
     */
    static int perturbed(int dim, double[] coords, int... idx) {
        int n = idx.length;
        double[] c = new double[n * dim];
        for (int i = 0; i < n; i++) {
            System.arraycopy(coords, dim * idx[i], c, dim * i, dim);
        }
        BigDecimal[][] m = rows(c, dim, true);
        int s = det(m).signum();
        if (s != 0) {
            return s;
        }
        Integer[] pos = new Integer[n];
        for (int i = 0; i < n; i++) {
            pos[i] = i;
        }
        java.util.Arrays.sort(pos, (x, y) -> Integer.compare(idx[y], idx[x]));
        for (int k : pos) {
            BigDecimal[][] mk = new BigDecimal[n][];
            for (int r = 0; r < n; r++) {
                mk[r] = m[r].clone();
                mk[r][dim] = r == k ? BigDecimal.ONE : BigDecimal.ZERO;
            }
            s = det(mk).signum();
            if (s != 0) {
                return s;
            }
        }
        return 0;
    }

    private static BigDecimal[][] rows(double[] c, int dim, boolean lifted) {
        int n = c.length / dim;
        int cols = dim + (lifted ? 2 : 1);
        if (n != cols) {
            throw new IllegalArgumentException(n + " points for a " + cols + "x" + cols + " determinant");
        }
        int shift = Integer.MIN_VALUE;
        for (double v : c) {
            if (v != 0) {
                long bits = Double.doubleToRawLongBits(v);
                int biased = (int) ((bits >>> 52) & 0x7ff);
                long mant = bits & 0xfffffffffffffL;
                int low = biased == 0 ? -1074 + Long.numberOfTrailingZeros(mant)
                        : biased - 1075 + Long.numberOfTrailingZeros(mant | (1L << 52));
                shift = Math.max(shift, -low);
            }
        }
        BigDecimal scale = shift == Integer.MIN_VALUE ? BigDecimal.ONE
                : shift >= 0 ? new BigDecimal(java.math.BigInteger.ONE.shiftLeft(shift))
                : BigDecimal.ONE.divide(new BigDecimal(java.math.BigInteger.ONE.shiftLeft(-shift)));
        BigDecimal[][] m = new BigDecimal[n][cols];
        for (int i = 0; i < n; i++) {
            BigDecimal lift = BigDecimal.ZERO;
            for (int j = 0; j < dim; j++) {
                BigDecimal v = new BigDecimal(c[dim * i + j]).multiply(scale);
                v = new BigDecimal(v.toBigIntegerExact());
                m[i][j] = v;
                lift = lift.add(v.multiply(v));
            }
            if (lifted) {
                m[i][dim] = lift;
            }
            m[i][cols - 1] = BigDecimal.ONE;
        }
        return m;
    }

    static BigDecimal det(BigDecimal[][] m) {
        return det(m, 0, (1 << m.length) - 1);
    }

    /** Laplace expansion along row {@code row}, columns in {@code mask}. */
    private static BigDecimal det(BigDecimal[][] m, int row, int mask) {
        if (row == m.length - 1) {
            return m[row][Integer.numberOfTrailingZeros(mask)];
        }
        BigDecimal sum = BigDecimal.ZERO;
        int sign = 1;
        for (int col = 0; col < m.length; col++) {
            if ((mask & (1 << col)) == 0) {
                continue;
            }
            BigDecimal a = m[row][col];
            if (a.signum() != 0) {
                BigDecimal t = a.multiply(det(m, row + 1, mask & ~(1 << col)));
                sum = sign > 0 ? sum.add(t) : sum.subtract(t);
            }
            sign = -sign;
        }
        return sum;
    }
}
