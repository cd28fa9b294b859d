package io.github.interp4j.examples.spark;

import io.github.interp4j.interpolate.InterpolantND;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Job (b): evaluate one broadcast interpolant (an {@code RBFInterpolator}, a
 * {@code LinearNDInterpolator}, any {@link InterpolantND}) over a column of query points. Each partition
 * reads its rows in batches of {@code batch} points into one flat row-major array and makes one
 * {@code values(double[] flat)} call per batch ({@code mapPartitions}), never one call per row: the
 * interpolant's batch path validates once, reuses its scratch space, and inside a Spark task runs with
 * the task's share of the executor's CPU budget ({@code NativeConfig.taskShare()}).
 *
 * <p>Thread-safety: stateless. Cost: one pass over the rows; memory per task O(batch * (d + 1)).
 */
public final class BroadcastEvaluation {
    /** The name of the column added to the input's columns. */
    public static final String VALUE = "value";

    private BroadcastEvaluation() {
    }

    /**
     * The input rows with the interpolant's value appended, computed in batches per partition.
     *
     * @param points      rows whose first {@code d} columns are the coordinates (doubles), {@code d} the
     *                    interpolant's dimension; other columns are passed through
     * @param interpolant the broadcast interpolant
     * @param batch       points per {@code values} call, at least 1
     * @return the rows with a {@value #VALUE} column (lazy)
     * @throws IllegalArgumentException if {@code batch < 1} or the first {@code d} columns are not doubles
     *                                  (at once, from the schema)
     */
    public static Dataset<Row> evaluate(Dataset<Row> points, Broadcast<? extends InterpolantND> interpolant,
                                        int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1, was " + batch);
        }
        int d = interpolant.value().dimension();
        StructType in = points.schema();
        if (in.fields().length < d) {
            throw new IllegalArgumentException("the interpolant has " + d + " dimensions but the rows have "
                    + in.fields().length + " columns");
        }
        for (int j = 0; j < d; j++) {
            if (!in.fields()[j].dataType().equals(DataTypes.DoubleType)) {
                throw new IllegalArgumentException("column " + j + " (" + in.fields()[j].name() + ") is "
                        + in.fields()[j].dataType().simpleString() + ", expected double");
            }
        }
        StructType out = in.add(VALUE, DataTypes.DoubleType, false);
        return points.mapPartitions((MapPartitionsFunction<Row, Row>)
                rows -> new Batches(rows, interpolant.value(), d, batch), Encoders.row(out));
    }

    /** Reads up to {@code batch} rows, evaluates them in one call, hands them out with their values. */
    private static final class Batches implements Iterator<Row> {
        private final Iterator<Row> rows;
        private final InterpolantND f;
        private final int d;
        private final Row[] held;
        private final double[] flat;
        private double[] values;
        private int size;
        private int next;

        Batches(Iterator<Row> rows, InterpolantND f, int d, int batch) {
            this.rows = rows;
            this.f = f;
            this.d = d;
            this.held = new Row[batch];
            this.flat = new double[Math.multiplyExact(batch, d)];
        }

        @Override
        public boolean hasNext() {
            if (next < size) {
                return true;
            }
            fill();
            return size > 0;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Row r = held[next];
            held[next] = null;
            int width = r.length();
            Object[] cells = new Object[width + 1];
            for (int j = 0; j < width; j++) {
                cells[j] = r.get(j);
            }
            cells[width] = values[next];
            next++;
            return RowFactory.create(cells);
        }

        private void fill() {
            size = 0;
            next = 0;
            while (size < held.length && rows.hasNext()) {
                Row r = rows.next();
                for (int j = 0; j < d; j++) {
                    flat[size * d + j] = r.getDouble(j);
                }
                held[size++] = r;
            }
            if (size > 0) {
                values = f.values(size == held.length ? flat : Arrays.copyOf(flat, size * d));
            }
        }
    }
}
