package io.basin.execution.expression.function;

import io.basin.error.BasinException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.concurrent.ThreadLocalRandom;

import static io.basin.error.BasinErrorCode.INVALID_PARAMETER_VALUE;
import static io.basin.execution.expression.function.ExpressionErrors.floatOutOfRange;

/**
 * Math functions with PostgreSQL's domain errors. Rounding of exact (decimal) values is half away
 * from zero; {@code round(double)} rounds half to even like PostgreSQL's {@code rint}. Decimal
 * rounding works on the unscaled value and keeps the input scale: the caller converts the result
 * to the call's type.
 */
public final class MathFunctions
{
    private MathFunctions() {}

    // double

    public static double sqrt(double value)
    {
        if (value < 0) {
            throw new BasinException(INVALID_PARAMETER_VALUE, "cannot take square root of a negative number");
        }
        return Math.sqrt(value);
    }

    public static double cbrt(double value)
    {
        return Math.cbrt(value);
    }

    public static double power(double base, double exponent)
    {
        if (base == 0 && exponent < 0) {
            throw new BasinException(INVALID_PARAMETER_VALUE, "zero raised to a negative power is undefined");
        }
        if (base < 0 && exponent != Math.rint(exponent) && !Double.isInfinite(exponent)) {
            throw new BasinException(INVALID_PARAMETER_VALUE, "a negative number raised to a non-integer power yields a complex result");
        }
        double result = Math.pow(base, exponent);
        if (Double.isInfinite(result) && !Double.isInfinite(base) && !Double.isInfinite(exponent)) {
            throw floatOutOfRange("overflow");
        }
        if (result == 0 && base != 0 && !Double.isInfinite(base) && !Double.isInfinite(exponent)) {
            throw floatOutOfRange("underflow");
        }
        return result;
    }

    public static double exp(double value)
    {
        double result = Math.exp(value);
        if (Double.isInfinite(result) && !Double.isInfinite(value)) {
            throw floatOutOfRange("overflow");
        }
        if (result == 0 && !Double.isInfinite(value)) {
            throw floatOutOfRange("underflow");
        }
        return result;
    }

    public static double ln(double value)
    {
        checkLogarithmArgument(value);
        return Math.log(value);
    }

    public static double log10(double value)
    {
        checkLogarithmArgument(value);
        return Math.log10(value);
    }

    private static void checkLogarithmArgument(double value)
    {
        if (value == 0) {
            throw new BasinException(INVALID_PARAMETER_VALUE, "cannot take logarithm of zero");
        }
        if (value < 0) {
            throw new BasinException(INVALID_PARAMETER_VALUE, "cannot take logarithm of a negative number");
        }
    }

    public static double sign(double value)
    {
        return Math.signum(value);
    }

    /** round(double): nearest, ties to even, as PostgreSQL's rint-based round. */
    public static double round(double value)
    {
        return Math.rint(value);
    }

    /** round(double, digits): half away from zero on the shortest decimal form of the value. */
    public static double round(double value, long digits)
    {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        return BigDecimal.valueOf(value).setScale(clampDigits(digits), RoundingMode.HALF_UP).doubleValue();
    }

    public static double truncate(double value)
    {
        return value < 0 ? Math.ceil(value) : Math.floor(value);
    }

    public static double truncate(double value, long digits)
    {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        return BigDecimal.valueOf(value).setScale(clampDigits(digits), RoundingMode.DOWN).doubleValue();
    }

    private static int clampDigits(long digits)
    {
        return (int) Math.max(-400, Math.min(400, digits));
    }

    public static double random()
    {
        return ThreadLocalRandom.current().nextDouble();
    }

    // integers: round/trunc to a negative number of digits

    /** round(n, digits) for an integer: digits &ge; 0 leaves it, digits &lt; 0 rounds to tens, hundreds... */
    public static long roundInteger(long value, long digits)
    {
        if (digits >= 0) {
            return value;
        }
        if (digits < -18) {
            return 0;
        }
        long factor = Int128Arithmetic.longPowerOfTen((int) -digits);
        long rounded = DecimalArithmetic.divideRoundedByPowerOfTen(value, factor);
        return IntegerArithmetic.multiplyBigint(rounded, factor);
    }

    public static long truncateInteger(long value, long digits)
    {
        if (digits >= 0) {
            return value;
        }
        if (digits < -18) {
            return 0;
        }
        long factor = Int128Arithmetic.longPowerOfTen((int) -digits);
        return (value / factor) * factor;
    }

    // short decimals: unscaled in, unscaled at the same scale out

    /** Rounds to {@code digits} decimal places, half away from zero, keeping {@code scale}. */
    public static long roundShortDecimal(long unscaled, int scale, long digits)
    {
        if (digits >= scale) {
            return unscaled;
        }
        long drop = scale - digits;
        if (drop > 18) {
            return 0;
        }
        long factor = Int128Arithmetic.longPowerOfTen((int) drop);
        return DecimalArithmetic.multiplyExact(DecimalArithmetic.divideRoundedByPowerOfTen(unscaled, factor), factor);
    }

    public static long truncateShortDecimal(long unscaled, int scale, long digits)
    {
        if (digits >= scale) {
            return unscaled;
        }
        long drop = scale - digits;
        if (drop > 18) {
            return 0;
        }
        long factor = Int128Arithmetic.longPowerOfTen((int) drop);
        return (unscaled / factor) * factor;
    }

    public static long ceilingShortDecimal(long unscaled, int scale)
    {
        if (scale == 0) {
            return unscaled;
        }
        long factor = Int128Arithmetic.longPowerOfTen(scale);
        return DecimalArithmetic.multiplyExact(Math.ceilDiv(unscaled, factor), factor);
    }

    public static long floorShortDecimal(long unscaled, int scale)
    {
        if (scale == 0) {
            return unscaled;
        }
        long factor = Int128Arithmetic.longPowerOfTen(scale);
        return DecimalArithmetic.multiplyExact(Math.floorDiv(unscaled, factor), factor);
    }

    // long decimals, through BigDecimal (rare enough not to need a fast path)

    public static void roundLongDecimal(long high, long low, int scale, long digits, long[] result)
    {
        rescaleLongDecimal(high, low, scale, digits, RoundingMode.HALF_UP, result);
    }

    public static void truncateLongDecimal(long high, long low, int scale, long digits, long[] result)
    {
        rescaleLongDecimal(high, low, scale, digits, RoundingMode.DOWN, result);
    }

    public static void ceilingLongDecimal(long high, long low, int scale, long[] result)
    {
        rescaleLongDecimal(high, low, scale, 0, RoundingMode.CEILING, result);
    }

    public static void floorLongDecimal(long high, long low, int scale, long[] result)
    {
        rescaleLongDecimal(high, low, scale, 0, RoundingMode.FLOOR, result);
    }

    private static void rescaleLongDecimal(long high, long low, int scale, long digits, RoundingMode mode, long[] result)
    {
        if (digits >= scale) {
            result[0] = high;
            result[1] = low;
            return;
        }
        BigDecimal value = DecimalCasts.toBigDecimal(high, low, scale);
        BigDecimal rounded = value.setScale((int) Math.max(digits, -100), mode).setScale(scale, RoundingMode.UNNECESSARY);
        Int128Arithmetic.store(rounded.unscaledValue(), result);
    }

}
