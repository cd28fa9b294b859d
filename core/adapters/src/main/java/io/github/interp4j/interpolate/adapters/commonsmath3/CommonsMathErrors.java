package io.github.interp4j.interpolate.adapters.commonsmath3;

import io.github.interp4j.interpolate.internal.adapters.ForeignErrors;
import org.apache.commons.math3.exception.DimensionMismatchException;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.NoDataException;
import org.apache.commons.math3.exception.NonMonotonicSequenceException;
import org.apache.commons.math3.exception.NullArgumentException;
import org.apache.commons.math3.exception.NumberIsTooSmallException;
import org.apache.commons.math3.exception.OutOfRangeException;
import org.apache.commons.math3.exception.util.LocalizedFormats;

/** Commons Math's exceptions, as its own interpolators and functions throw them. */
enum CommonsMathErrors implements ForeignErrors {
    INSTANCE;

    @Override
    public RuntimeException nullArgument(String what) {
        return new NullArgumentException(LocalizedFormats.SIMPLE_MESSAGE, what + " must not be null");
    }

    @Override
    public RuntimeException noData() {
        return new NoDataException();
    }

    @Override
    public RuntimeException dimensionMismatch(int actual, int expected) {
        return new DimensionMismatchException(actual, expected);
    }

    @Override
    public RuntimeException tooFewPoints(int actual, int min) {
        return new NumberIsTooSmallException(LocalizedFormats.NUMBER_OF_POINTS, actual, min, true);
    }

    @Override
    public RuntimeException notStrictlyIncreasing(double value, double previous, int index) {
        return new NonMonotonicSequenceException(value, previous, index);
    }

    @Override
    public RuntimeException outOfRange(double value, double lo, double hi) {
        return new OutOfRangeException(value, lo, hi);
    }

    @Override
    public RuntimeException illegalArgument(IllegalArgumentException cause) {
        MathIllegalArgumentException e = new MathIllegalArgumentException(LocalizedFormats.SIMPLE_MESSAGE,
                cause.getMessage());
        e.initCause(cause);
        return e;
    }
}
