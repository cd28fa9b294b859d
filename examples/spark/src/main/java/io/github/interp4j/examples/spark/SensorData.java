package io.github.interp4j.examples.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic irregular sensor series: sensor {@code s} samples {@code sin(2 pi t / P_s) + 0.1 s} at times
 * whose gaps are uniform in [0.5, 1.5) (mean 1), with P_s between 60 and 360 time units. Seeded:
 * the same arguments give the same readings.
 *
 * <p>Thread-safety: stateless.
 */
public final class SensorData {
    private SensorData() {
    }

    /**
     * @param sensors   how many sensors, at least 1
     * @param perSensor readings per sensor, at least 1
     * @param seed      the random seed
     * @return {@code sensors * perSensor} readings, sensor by sensor in time order
     * @throws IllegalArgumentException if a count is below 1 or the total exceeds {@code Integer.MAX_VALUE}
     */
    public static List<Reading> readings(int sensors, int perSensor, long seed) {
        if (sensors < 1 || perSensor < 1) {
            throw new IllegalArgumentException("sensors and perSensor must be at least 1, were " + sensors
                    + " and " + perSensor);
        }
        List<Reading> out = new ArrayList<>(Math.multiplyExact(sensors, perSensor));
        for (int s = 0; s < sensors; s++) {
            SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + s);
            double period = 60 + 300 * rnd.nextDouble();
            double t = rnd.nextDouble();
            String id = String.format("sensor-%04d", s);
            for (int k = 0; k < perSensor; k++) {
                out.add(new Reading(id, t, value(s, period, t)));
                t += 0.5 + rnd.nextDouble();
            }
        }
        return out;
    }

    /** The signal: a sine of period {@code period} plus the sensor's offset. */
    static double value(int sensor, double period, double t) {
        return Math.sin(2 * Math.PI * t / period) + 0.1 * sensor;
    }
}
