package io.github.interp4j.examples.spark;

import java.io.Serializable;

/**
 * One irregularly timed sample of one sensor: a Java bean, so that {@code Encoders.bean(Reading.class)}
 * maps it to the columns {@code sensor}, {@code time}, {@code value}.
 *
 * <p>Thread-safety: mutable bean; not thread-safe.
 */
public class Reading implements Serializable {
    private static final long serialVersionUID = 1L;

    private String sensor;
    private double time;
    private double value;

    /** An empty reading, for the bean encoder. */
    public Reading() {
    }

    /**
     * @param sensor the sensor id
     * @param time   the sample time
     * @param value  the measured value
     */
    public Reading(String sensor, double time, double value) {
        this.sensor = sensor;
        this.time = time;
        this.value = value;
    }

    /** @return the sensor id */
    public String getSensor() {
        return sensor;
    }

    /** @param sensor the sensor id */
    public void setSensor(String sensor) {
        this.sensor = sensor;
    }

    /** @return the sample time */
    public double getTime() {
        return time;
    }

    /** @param time the sample time */
    public void setTime(double time) {
        this.time = time;
    }

    /** @return the measured value */
    public double getValue() {
        return value;
    }

    /** @param value the measured value */
    public void setValue(double value) {
        this.value = value;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{" + sensor + ", t=" + time + ", v=" + value + "}";
    }
}
