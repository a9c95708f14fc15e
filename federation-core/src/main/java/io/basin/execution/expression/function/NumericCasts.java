package io.basin.execution.expression.function;

import static io.basin.execution.expression.function.ExpressionErrors.floatOutOfRange;
import static io.basin.execution.expression.function.ExpressionErrors.outOfRange;

/**
 * Casts between integer, floating point and boolean values. Floating point to integer rounds to
 * the nearest integer, ties to even ({@code rint}), as PostgreSQL does, then range-checks.
 */
public final class NumericCasts
{
    // 2^63 as a double; every double below it and >= -2^63 converts to a long exactly after rint
    private static final double TWO_TO_63 = 0x1p63;

    private NumericCasts() {}

    public static long doubleToBigint(double value)
    {
        double rounded = Math.rint(value);
        if (Double.isNaN(rounded) || rounded < -TWO_TO_63 || rounded >= TWO_TO_63) {
            throw outOfRange("bigint");
        }
        return (long) rounded;
    }

    public static long doubleToInteger(double value)
    {
        double rounded = Math.rint(value);
        if (Double.isNaN(rounded) || rounded < Integer.MIN_VALUE || rounded > Integer.MAX_VALUE) {
            throw outOfRange("integer");
        }
        return (long) rounded;
    }

    public static long doubleToSmallint(double value)
    {
        double rounded = Math.rint(value);
        if (Double.isNaN(rounded) || rounded < Short.MIN_VALUE || rounded > Short.MAX_VALUE) {
            throw outOfRange("smallint");
        }
        return (long) rounded;
    }

    public static long doubleToTinyint(double value)
    {
        double rounded = Math.rint(value);
        if (Double.isNaN(rounded) || rounded < Byte.MIN_VALUE || rounded > Byte.MAX_VALUE) {
            throw outOfRange("tinyint");
        }
        return (long) rounded;
    }

    /** double to real bits, with PostgreSQL's overflow and underflow errors. */
    public static long doubleToReal(double value)
    {
        float result = (float) value;
        if (Float.isInfinite(result) && !Double.isInfinite(value)) {
            throw floatOutOfRange("overflow");
        }
        if (result == 0.0f && value != 0.0) {
            throw floatOutOfRange("underflow");
        }
        return Float.floatToIntBits(result);
    }

    public static double realToDouble(long bits)
    {
        return Float.intBitsToFloat((int) bits);
    }

    public static long longToReal(long value)
    {
        return Float.floatToIntBits((float) value);
    }
}
