package io.github.interp4j.interpolate;

import static io.github.interp4j.interpolate.RegularGridInterpolatorTest.assertBitsEqual;
import static io.github.interp4j.interpolate.RegularGridInterpolatorTest.assertContains;
import static io.github.interp4j.interpolate.RegularGridInterpolatorTest.message;
import static io.github.interp4j.interpolate.RegularGridInterpolatorTest.points;
import static io.github.interp4j.interpolate.RegularGridInterpolatorTest.random;
import static io.github.interp4j.interpolate.RegularGridInterpolatorTest.size;
import static io.github.interp4j.interpolate.RegularGridInterpolatorTest.uneven;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.interp4j.interpolate.RegularGridInterpolator.Method;
import io.github.interp4j.interpolate.RegularGridInterpolator.OutOfGridException;

import java.io.IOException;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link RegularGridInterpolator} with m value columns and through the {@link InterpolantND} contract:
 * m columns equal m single-column interpolants bit for bit, flat row-major queries equal per-point rows
 * bit for bit, and the columns survive serialisation.
 */
class RegularGridInterpolatorColumnsTest {
    private static final OutOfRange[] MODES = {OutOfRange.raise(), OutOfRange.nan(), OutOfRange.fill(-3.5),
            OutOfRange.extrapolate(), OutOfRange.clamp()};

    private static double[][] grid(SplittableRandom rnd, int d) {
        double[][] g = new double[d][];
        for (int a = 0; a < d; a++) {
            g[a] = uneven(rnd, 6 + a, -1 - a, 2 + a);
        }
        if (d > 1) {
            double[] r = g[1].clone();
            for (int i = 0; i < r.length; i++) {
                r[i] = g[1][r.length - 1 - i];
            }
            g[1] = r; // one descending axis
        }
        return g;
    }

    private static double[] flat(double[][] rows) {
        int d = rows.length == 0 ? 0 : rows[0].length;
        double[] f = new double[rows.length * d];
        for (int j = 0; j < rows.length; j++) {
            System.arraycopy(rows[j], 0, f, j * d, d);
        }
        return f;
    }

    private static double[] column(double[] interleaved, int m, int c) {
        double[] out = new double[interleaved.length / m];
        for (int i = 0; i < out.length; i++) {
            out[i] = interleaved[i * m + c];
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void columnsEqualSingleColumnInterpolantsBitForBit(Method method) {
        SplittableRandom rnd = new SplittableRandom(101 + method.ordinal());
        for (int d = 1; d <= 4; d++) {
            double[][] g = grid(rnd, d);
            int n = size(g);
            int m = 3;
            double[][] byColumn = new double[m][];
            double[][] rows = new double[n][m];
            for (int c = 0; c < m; c++) {
                byColumn[c] = random(rnd, n);
                for (int p = 0; p < n; p++) {
                    rows[p][c] = byColumn[c][p];
                }
            }
            RegularGridInterpolator all = RegularGridInterpolator.fromColumns(g, rows, method);
            assertEquals(m, all.columns());
            assertEquals(d, all.dimension());
            double[][] inside = points(rnd, g, 200, 0.0);
            double[][] wide = points(rnd, g, 200, 0.2);
            for (OutOfRange mode : MODES) {
                RegularGridInterpolator am = all.withOutOfRange(mode);
                double[][] q = mode.kind() == OutOfRange.Kind.RAISE ? inside : wide;
                double[] got = am.valuesColumns(flat(q));
                double[][] gotRows = am.valuesColumns(q);
                double[][] axes = new double[d][];
                for (int a = 0; a < d; a++) {
                    axes[a] = new double[] {q[0][a], q[1][a], q[2][a]};
                }
                double[] mesh = am.valuesOnGrid(axes);
                for (int c = 0; c < m; c++) {
                    RegularGridInterpolator one = new RegularGridInterpolator(g, byColumn[c], method).withOutOfRange(mode);
                    String what = method + " d=" + d + " " + mode + " column " + c;
                    double[] expected = one.values(q);
                    assertBitsEqual(expected, column(got, m, c), what + " flat");
                    for (int j = 0; j < q.length; j++) {
                        assertEquals(Double.doubleToLongBits(expected[j]), Double.doubleToLongBits(gotRows[j][c]), what);
                    }
                    assertEquals(Double.doubleToLongBits(one.value(q[7])),
                            Double.doubleToLongBits(am.valueColumns(q[7])[c]), what + " point");
                    assertBitsEqual(one.valuesOnGrid(axes), column(mesh, m, c), what + " mesh");
                }
            }
            // the flat factory gives the same interpolant
            double[] interleaved = new double[n * m];
            for (int p = 0; p < n; p++) {
                System.arraycopy(rows[p], 0, interleaved, p * m, m);
            }
            RegularGridInterpolator fromFlat = RegularGridInterpolator.fromColumns(g, interleaved, m, method);
            assertBitsEqual(all.valuesColumns(flat(inside)), fromFlat.valuesColumns(flat(inside)), "flat factory");
            assertArrayEquals(all.gridValues(), fromFlat.gridValues());
        }
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void flatQueriesEqualRowsBitForBit(Method method) {
        SplittableRandom rnd = new SplittableRandom(7 + method.ordinal());
        for (int d = 1; d <= 3; d++) {
            double[][] g = grid(rnd, d);
            InterpolantND f = new RegularGridInterpolator(g, random(rnd, size(g)), method)
                    .withOutOfRange(OutOfRange.extrapolate());
            // large enough to run in parallel
            double[][] q = points(rnd, g, 70_000, 0.1);
            q[5][0] = Double.NaN;
            double[] rows = f.values(q);
            assertBitsEqual(rows, f.values(flat(q)), method + " d=" + d);
            assertBitsEqual(rows, f.valuesColumns(flat(q)), method + " d=" + d + " columns");
            for (int j = 0; j < 50; j++) {
                assertEquals(Double.doubleToLongBits(rows[j]), Double.doubleToLongBits(f.value(q[j])));
                assertEquals(Double.doubleToLongBits(rows[j]), Double.doubleToLongBits(f.valueColumns(q[j])[0]));
            }
        }
    }

    @Test
    void flatQueriesRaiseNamingThePoint() {
        double[][] g = {{0, 1, 2}, {0, 1}};
        RegularGridInterpolator r = new RegularGridInterpolator(g, new double[6]);
        OutOfGridException e = assertThrows(OutOfGridException.class,
                () -> r.values(new double[] {0.5, 0.5, 1.5, 0.5, 0.5, 3.0}));
        assertEquals(2, e.point());
        assertEquals(1, e.axis());
        assertContains(message(IllegalArgumentException.class, () -> r.values(new double[] {1, 2, 3})),
                "flatRowMajor.length = 3", "dimension 2");
        assertThrows(NullPointerException.class, () -> r.values((double[]) null));
        assertThrows(NullPointerException.class, () -> r.valuesColumns((double[]) null));
    }

    @Test
    void columnValidation() {
        double[][] g = {{0, 1, 2}, {0, 1}};
        assertContains(message(IllegalArgumentException.class,
                () -> RegularGridInterpolator.fromColumns(g, new double[5][2], Method.LINEAR)),
                "values has 5 rows", "3 * 2 = 6 points");
        double[][] ragged = new double[6][2];
        ragged[4] = new double[3];
        assertContains(message(IllegalArgumentException.class,
                () -> RegularGridInterpolator.fromColumns(g, ragged, Method.LINEAR)),
                "values[4].length = 3", "values[0].length = 2");
        assertContains(message(IllegalArgumentException.class,
                () -> RegularGridInterpolator.fromColumns(g, new double[6][0], Method.LINEAR)), "values[0] is empty");
        double[][] nan = new double[6][2];
        nan[3][1] = Double.NaN;
        assertContains(message(IllegalArgumentException.class,
                () -> RegularGridInterpolator.fromColumns(g, nan, Method.SLINEAR)), "values[3][1] = NaN",
                "slinear");
        RegularGridInterpolator.fromColumns(g, nan, Method.LINEAR); // linear accepts NaN data
        double[][] nullRow = new double[6][2];
        nullRow[2] = null;
        assertContains(message(NullPointerException.class,
                () -> RegularGridInterpolator.fromColumns(g, nullRow, Method.LINEAR)), "values[2]");
        assertContains(message(IllegalArgumentException.class,
                () -> RegularGridInterpolator.fromColumns(g, new double[11], 2, Method.LINEAR)),
                "values.length = 11", "times 2 columns");
        assertContains(message(IllegalArgumentException.class,
                () -> RegularGridInterpolator.fromColumns(g, new double[6], 0, Method.LINEAR)), "columns must be at least 1");
        RegularGridInterpolator two = RegularGridInterpolator.fromColumns(g, new double[6][2], Method.LINEAR);
        assertContains(message(IllegalStateException.class, () -> two.value(0.5, 0.5)), "2 value columns");
        assertThrows(IllegalStateException.class, () -> two.values(new double[][] {{0.5, 0.5}}));
        assertThrows(IllegalStateException.class, () -> two.values(new double[] {0.5, 0.5}));
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void columnsSurviveSerialisation(Method method) throws IOException, ClassNotFoundException {
        SplittableRandom rnd = new SplittableRandom(3);
        double[][] g = grid(rnd, 3);
        int n = size(g);
        double[][] rows = new double[n][];
        for (int p = 0; p < n; p++) {
            rows[p] = random(rnd, 2);
        }
        RegularGridInterpolator r = RegularGridInterpolator.fromColumns(g, rows, method)
                .withOutOfRange(OutOfRange.clamp());
        RegularGridInterpolator back = RegularGridInterpolatorTest.roundTrip(r);
        assertEquals(2, back.columns());
        assertEquals(r.outOfRange(), back.outOfRange());
        double[] q = flat(points(rnd, g, 300, 0.1));
        assertBitsEqual(r.valuesColumns(q), back.valuesColumns(q), "deserialised " + method);
    }
}
