package io.github.interp4j.interpolate.adapters.hipparchus;

import io.github.interp4j.interpolate.internal.adapters.ForeignErrors;
import org.hipparchus.exception.LocalizedCoreFormats;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.NullArgumentException;

/** Hipparchus's exceptions, with the formats its own interpolators and functions use. */
enum HipparchusErrors implements ForeignErrors {
    INSTANCE;

    @Override
    public RuntimeException nullArgument(String what) {
        return new NullArgumentException(LocalizedCoreFormats.NULL_NOT_ALLOWED);
    }

    @Override
    public RuntimeException noData() {
        return new MathIllegalArgumentException(LocalizedCoreFormats.NO_DATA);
    }

    @Override
    public RuntimeException dimensionMismatch(int actual, int expected) {
        return new MathIllegalArgumentException(LocalizedCoreFormats.DIMENSIONS_MISMATCH, actual, expected);
    }

    @Override
    public RuntimeException tooFewPoints(int actual, int min) {
        return new MathIllegalArgumentException(LocalizedCoreFormats.NUMBER_OF_POINTS, actual, min, true);
    }

    @Override
    public RuntimeException notStrictlyIncreasing(double value, double previous, int index) {
        return new MathIllegalArgumentException(LocalizedCoreFormats.NOT_STRICTLY_INCREASING_SEQUENCE,
                value, previous, index, index - 1);
    }

    @Override
    public RuntimeException outOfRange(double value, double lo, double hi) {
        return new MathIllegalArgumentException(LocalizedCoreFormats.OUT_OF_RANGE_SIMPLE, value, lo, hi);
    }

    @Override
    public RuntimeException illegalArgument(IllegalArgumentException cause) {
        return new MathIllegalArgumentException(cause, LocalizedCoreFormats.SIMPLE_MESSAGE, cause.getMessage());
    }
}
