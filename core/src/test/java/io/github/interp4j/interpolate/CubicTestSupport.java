package io.github.interp4j.interpolate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.util.Random;

/** Helpers shared by the piecewise-cubic tests. */
final class CubicTestSupport {
    private CubicTestSupport() {}

    static byte[] serialize(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    static Object deserialize(byte[] b) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b))) {
            return in.readObject();
        }
    }

    /**
     * Replaces the first occurrence of {@code from}'s 8 big-endian bytes (as Java serialisation writes
     * doubles) by those of {@code to}.
     *
     * @throws AssertionError if the pattern does not occur
     */
    static byte[] replaceDouble(byte[] stream, double from, double to) {
        byte[] pattern = ByteBuffer.allocate(8).putDouble(from).array();
        byte[] repl = ByteBuffer.allocate(8).putDouble(to).array();
        outer:
        for (int i = 0; i + 8 <= stream.length; i++) {
            for (int k = 0; k < 8; k++) {
                if (stream[i + k] != pattern[k]) {
                    continue outer;
                }
            }
            byte[] copy = stream.clone();
            System.arraycopy(repl, 0, copy, i, 8);
            return copy;
        }
        throw new AssertionError("pattern " + from + " not found in the stream");
    }

    /** Strictly increasing abscissae with random gaps in [0.05, 1.05). */
    static double[] randomAbscissae(Random r, int n) {
        double[] x = new double[n];
        double acc = r.nextDouble();
        for (int i = 0; i < n; i++) {
            acc += 0.05 + r.nextDouble();
            x[i] = acc;
        }
        return x;
    }

    static double[] randomValues(Random r, int n) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextGaussian();
        }
        return y;
    }

    /** Value of the {@code dx}-th derivative of piece {@code i} of {@code p} at local coordinate {@code t}. */
    static double pieceDerivative(PPoly p, int i, double t, int dx) {
        double[][] c = p.coefficients();
        int k = c.length - 1;
        double r = 0;
        for (int j = 0; j <= k - dx; j++) {
            int power = k - j;
            double f = 1;
            for (int q = 0; q < dx; q++) {
                f *= power - q;
            }
            r = r * t + c[j][i] * f;
        }
        return r;
    }

    /** Points spread over [lo - margin, hi + margin]. */
    static double[] grid(double lo, double hi, double margin, int n) {
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = lo - margin + (hi - lo + 2 * margin) * i / (n - 1);
        }
        return g;
    }
}
