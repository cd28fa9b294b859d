package io.github.interp4j.examples.spark;

import java.io.Serializable;

/**
 * One value of a sensor's series resampled onto the regular grid: a Java bean for
 * {@code Encoders.bean(Resampled.class)} (columns {@code sensor}, {@code time}, {@code value}).
 *
 * <p>Thread-safety: mutable bean; not thread-safe.
 */
public class Resampled implements Serializable {
    private static final long serialVersionUID = 1L;

    private String sensor;
    private double time;
    private double value;

    /** An empty row, for the bean encoder. */
    public Resampled() {
    }

    /**
     * @param sensor the sensor id
     * @param time   the grid time
     * @param value  the interpolated value
     */
    public Resampled(String sensor, double time, double value) {
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

    /** @return the grid time */
    public double getTime() {
        return time;
    }

    /** @param time the grid time */
    public void setTime(double time) {
        this.time = time;
    }

    /** @return the interpolated value */
    public double getValue() {
        return value;
    }

    /** @param value the interpolated value */
    public void setValue(double value) {
        this.value = value;
    }

    @Override
    public String toString() {
        return "Resampled{" + sensor + ", t=" + time + ", v=" + value + "}";
    }
}
