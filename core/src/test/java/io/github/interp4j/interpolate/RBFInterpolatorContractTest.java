package io.github.interp4j.interpolate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * {@link RBFInterpolator} through the {@link InterpolantND} contract: flat row-major queries equal
 * per-point rows bit for bit, and serialisation round trips give bit-identical values.
 */
class RBFInterpolatorContractTest {

    private static double[][] points(Random rnd, int n, int d) {
        double[][] p = new double[n][d];
        for (double[] row : p) {
            for (int k = 0; k < d; k++) {
                row[k] = rnd.nextDouble();
            }
        }
        return p;
    }

    private static double[] flat(double[][] rows) {
        int d = rows[0].length;
        double[] f = new double[rows.length * d];
        for (int j = 0; j < rows.length; j++) {
            System.arraycopy(rows[j], 0, f, j * d, d);
        }
        return f;
    }

    private static void assertBits(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(actual[i]), what + "[" + i + "]");
        }
    }

    private static RBFInterpolator roundTrip(RBFInterpolator r) throws IOException, ClassNotFoundException {
        return RegularGridInterpolatorTest.roundTrip(r);
    }

    private static double[][] columnsData(double[][] p, int m) {
        double[][] v = new double[p.length][m];
        for (int i = 0; i < p.length; i++) {
            for (int c = 0; c < m; c++) {
                v[i][c] = Math.cos(p[i][0] * (c + 1)) * (1 + p[i][1]);
            }
        }
        return v;
    }

    @Test
    void flatQueriesEqualRowsBitForBit() {
        Random rnd = new Random(1);
        double[][] p = points(rnd, 200, 2);
        double[] v = new double[p.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.sin(3 * p[i][0]) * p[i][1];
        }
        double[][] q = points(rnd, 3000, 2);
        q[4][1] = Double.NaN;
        for (InterpolantND f : new InterpolantND[] {new RBFInterpolator(p, v),
                RBFInterpolator.builder(p, v).neighbors(15).build()}) {
            double[] rows = f.values(q);
            assertBits(rows, f.values(flat(q)), "values");
            assertBits(rows, f.valuesColumns(flat(q)), "valuesColumns");
            assertEquals(Double.doubleToLongBits(rows[9]), Double.doubleToLongBits(f.value(q[9])));
        }
        for (int m : new int[] {3, 8}) { // fused and dgemm column paths
            RBFInterpolator r = RBFInterpolator.builder(p, columnsData(p, m)).build();
            double[][] rows = r.valuesColumns(q);
            double[] fl = r.valuesColumns(flat(q));
            for (int j = 0; j < q.length; j++) {
                assertBits(rows[j], java.util.Arrays.copyOfRange(fl, j * m, j * m + m), "m=" + m + " row " + j);
            }
        }
        RBFInterpolator r = new RBFInterpolator(p, v);
        assertThrows(IllegalArgumentException.class, () -> r.values(new double[] {0.1, 0.2, 0.3}));
        assertThrows(NullPointerException.class, () -> r.values((double[]) null));
        RBFInterpolator two = RBFInterpolator.builder(p, columnsData(p, 2)).build();
        assertThrows(IllegalStateException.class, () -> two.values(new double[] {0.1, 0.2}));
    }

    @Test
    void serialisationRoundTripIsBitIdentical() throws Exception {
        Random rnd = new Random(2);
        double[][] p = points(rnd, 150, 3);
        double[] v = new double[p.length];
        double[] s = new double[p.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.exp(-p[i][0]) + p[i][1] * p[i][2];
            s[i] = i % 3 == 0 ? 1e-4 : 0.0;
        }
        double[][] q = points(rnd, 500, 3);
        RBFInterpolator[] fits = {
            new RBFInterpolator(p, v),
            RBFInterpolator.builder(p, v).kernel(RBFInterpolator.Kernel.GAUSSIAN).epsilon(2.5).degree(-1).build(),
            RBFInterpolator.builder(p, v).kernel(RBFInterpolator.Kernel.CUBIC).smoothing(s).degree(2).build(),
            RBFInterpolator.builder(p, v).neighbors(20).kernel(RBFInterpolator.Kernel.QUINTIC).build(),
        };
        for (RBFInterpolator f : fits) {
            RBFInterpolator back = roundTrip(f);
            assertEquals(f.toString(), back.toString());
            assertEquals(f.solvedByCholesky(), back.solvedByCholesky());
            assertArrayEquals(f.smoothing(), back.smoothing());
            assertEquals(f.memoryBudgetBytes(), back.memoryBudgetBytes());
            assertBits(f.values(q), back.values(q), f.toString());
        }
        RBFInterpolator cols = RBFInterpolator.builder(p, columnsData(p, 4)).kernel(RBFInterpolator.Kernel.LINEAR)
                .build();
        RBFInterpolator back = roundTrip(cols);
        assertEquals(4, back.columns());
        assertBits(cols.valuesColumns(flat(q)), back.valuesColumns(flat(q)), "columns");
        for (int c = 0; c < 4; c++) {
            assertBits(cols.kernelCoefficients(c), back.kernelCoefficients(c), "coefficients " + c);
        }
    }

    @Test
    void directDeserialisationIsRejected() throws Exception {
        // A stream naming RBFInterpolator itself (not its proxy) must not create an unvalidated instance.
        java.lang.reflect.Method read = RBFInterpolator.class.getDeclaredMethod("readObject", ObjectInputStream.class);
        read.setAccessible(true);
        Random rnd = new Random(3);
        double[][] p = points(rnd, 10, 2);
        RBFInterpolator r = new RBFInterpolator(p, new double[10]);
        Throwable t = assertThrows(java.lang.reflect.InvocationTargetException.class,
                () -> read.invoke(r, (ObjectInputStream) null)).getCause();
        assertTrue(t instanceof InvalidObjectException, String.valueOf(t));
    }
}
