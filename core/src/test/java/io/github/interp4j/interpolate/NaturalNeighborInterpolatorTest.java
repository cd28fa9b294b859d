package io.github.interp4j.interpolate;

import static io.github.interp4j.interpolate.CloughTocher2DInterpolatorTest.assertBits;
import static io.github.interp4j.interpolate.CloughTocher2DInterpolatorTest.flat;
import static io.github.interp4j.interpolate.CloughTocher2DInterpolatorTest.queries;
import static io.github.interp4j.interpolate.CloughTocher2DInterpolatorTest.randomPoints;
import static io.github.interp4j.interpolate.CloughTocher2DInterpolatorTest.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link NaturalNeighborInterpolator} through its public API, by properties: it reproduces linear functions,
 * interpolates the data, stays within the data range, gives the fill value outside the hull; the N-D
 * contract (batch = point bit for bit, flat = rows, columns), rescale, prebuilt triangulation,
 * serialisation, input checks, and {@code griddata(..., NATURAL)} equal to the class. The Sibson
 * coordinates themselves are checked in the kernel's tests (against an independent computation).
 */
class NaturalNeighborInterpolatorTest {
    @Test
    void reproducesLinearFunctions() {
        double[][] p = randomPoints(300, 21);
        double[] v = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            v[i] = -1 + 4 * p[i][0] - 2.5 * p[i][1];
        }
        NaturalNeighborInterpolator ip = new NaturalNeighborInterpolator(p, v);
        double[][] x = queries(2000, 22);
        double[] out = ip.values(x);
        int inside = 0;
        for (int j = 0; j < x.length; j++) {
            if (!Double.isNaN(out[j])) {
                inside++;
                assertEquals(-1 + 4 * x[j][0] - 2.5 * x[j][1], out[j], 1e-12, "query " + j);
            }
        }
        assertTrue(inside > 1000, "inside " + inside);
    }

    @Test
    void interpolatesDataAndStaysInRange() {
        double[][] p = randomPoints(200, 23);
        double[] v = values(p);
        NaturalNeighborInterpolator ip = new NaturalNeighborInterpolator(p, v, -99.0, false);
        for (int i = 0; i < p.length; i++) {
            assertEquals(v[i], ip.value(p[i]), 0.0, "data point " + i);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double w : v) {
            lo = Math.min(lo, w);
            hi = Math.max(hi, w);
        }
        double[] out = ip.values(queries(2000, 24));
        for (int j = 0; j < out.length; j++) {
            assertTrue(out[j] == -99.0 || (out[j] >= lo && out[j] <= hi), "query " + j + ": " + out[j]);
        }
        assertEquals(-99.0, ip.value(3, 3));
        assertEquals(-99.0, ip.value(Double.NEGATIVE_INFINITY, 0.5));
        assertTrue(Double.isNaN(ip.value(0.5, Double.NaN)));
        assertTrue(Double.isNaN(new NaturalNeighborInterpolator(p, v).value(3, 3)));
    }

    @Test
    void batchEqualsPointColumnsAndFlat() {
        double[][] p = randomPoints(400, 25);
        double[][] v = new double[p.length][2];
        double[] v0 = values(p);
        double[] v1 = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            v[i][0] = v0[i];
            v[i][1] = v1[i] = p[i][0] * p[i][1];
        }
        NaturalNeighborInterpolator ip = new NaturalNeighborInterpolator(p, v, 0.0, true);
        assertEquals(2, ip.columns());
        assertThrows(IllegalStateException.class, () -> ip.value(0.5, 0.5));
        double[][] x = queries(5000, 26); // above the bucket-ordered threshold
        double[] batch = ip.valuesColumns(flat(x));
        double[] single = new double[batch.length];
        for (int j = 0; j < x.length; j++) {
            System.arraycopy(ip.valueColumns(x[j]), 0, single, 2 * j, 2);
        }
        assertBits(single, batch, "batch vs point");
        double[][] rows = ip.valuesColumns(x);
        double[] a = new NaturalNeighborInterpolator(p, v0, 0.0, true).values(x);
        double[] b = new NaturalNeighborInterpolator(p, v1, 0.0, true).values(x);
        for (int j = 0; j < x.length; j++) {
            assertEquals(Double.doubleToLongBits(a[j]), Double.doubleToLongBits(rows[j][0]), "column 0 at " + j);
            assertEquals(Double.doubleToLongBits(b[j]), Double.doubleToLongBits(rows[j][1]), "column 1 at " + j);
        }
    }

    @Test
    void prebuiltTriangulationAndGriddata() {
        double[][] p = randomPoints(250, 27);
        double[] v = values(p);
        double[][] x = queries(500, 28);
        NaturalNeighborInterpolator ip = new NaturalNeighborInterpolator(p, v, 2.0, false);
        assertBits(ip.values(x), new NaturalNeighborInterpolator(new Delaunay(p), v, 2.0).values(x), "prebuilt");
        assertBits(ip.values(x), Griddata.griddata(p, v, x, Griddata.Method.NATURAL, 2.0, false), "griddata");
        NaturalNeighborInterpolator r = new NaturalNeighborInterpolator(p, v, 2.0, true);
        assertTrue(r.rescaled());
        assertBits(r.values(x), Griddata.griddata(p, v, x, Griddata.Method.NATURAL, 2.0, true), "griddata rescale");
    }

    @Test
    void serializationRoundTripIsBitIdentical() throws Exception {
        double[][] p = randomPoints(300, 29);
        for (boolean rescale : new boolean[] {false, true}) {
            NaturalNeighborInterpolator ip = new NaturalNeighborInterpolator(p, values(p), -3.0, rescale);
            NaturalNeighborInterpolator back = (NaturalNeighborInterpolator) DelaunayAgreementTest.roundTrip(ip);
            double[] x = flat(queries(400, 30));
            assertBits(ip.values(x), back.values(x), "round trip rescale=" + rescale);
            assertEquals(ip.rescaled(), back.rescaled());
            assertEquals(ip.fillValue(), back.fillValue());
        }
    }

    @Test
    void inputChecksAndDimension() {
        double[][] p = randomPoints(20, 31);
        double[] v = values(p);
        double[] bad = v.clone();
        bad[11] = Double.NEGATIVE_INFINITY;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NaturalNeighborInterpolator(p, bad));
        assertTrue(e.getMessage().contains("values[11][0]"), e.getMessage());
        double[][] pb = p.clone();
        pb[5] = new double[] {Double.NaN, 0.5};
        e = assertThrows(IllegalArgumentException.class, () -> new NaturalNeighborInterpolator(pb, v));
        assertTrue(e.getMessage().contains("points[5]"), e.getMessage());
        assertThrows(NullPointerException.class, () -> new NaturalNeighborInterpolator((Delaunay) null, v, 0.0));
        double[][] p3 = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 1, 1}};
        double[] v3 = {1, 2, 3, 4, 5};
        e = assertThrows(IllegalArgumentException.class, () -> new NaturalNeighborInterpolator(p3, v3));
        assertTrue(e.getMessage().contains("dimension 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new NaturalNeighborInterpolator(new Delaunay(p3), v3, 0));
        assertTrue(e.getMessage().contains("dimension 3"), e.getMessage());
        NaturalNeighborInterpolator ip = new NaturalNeighborInterpolator(p, v);
        assertThrows(IllegalArgumentException.class, () -> ip.value(0.5, 0.5, 0.5));
    }
}
