package io.basin.execution.expression.function;

import io.basin.error.BasinException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

import static io.basin.error.BasinErrorCode.NUMERIC_VALUE_OUT_OF_RANGE;
import static io.basin.execution.expression.function.ExpressionErrors.numericFieldOverflow;

/**
 * Conversions between decimals and floating point, and the BigDecimal bridge used by the slow
 * paths. Decimal to floating point is correctly rounded. Floating point to decimal follows
 * PostgreSQL: the double is first rounded to 15 significant digits (6 for real), which is why
 * {@code 0.1::float8::numeric} is exactly 0.1, then rounded half away from zero to the scale.
 */
public final class DecimalCasts
{
    private static final double[] DOUBLE_POWER_OF_TEN = new double[23];
    private static final MathContext DOUBLE_DIGITS = new MathContext(15, RoundingMode.HALF_EVEN);
    private static final MathContext REAL_DIGITS = new MathContext(6, RoundingMode.HALF_EVEN);

    static {
        double power = 1;
        for (int i = 0; i < DOUBLE_POWER_OF_TEN.length; i++) {
            DOUBLE_POWER_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private DecimalCasts() {}

    public static double shortDecimalToDouble(long unscaled, int scale)
    {
        // both operands exact in a double, so the IEEE division is correctly rounded
        if (Math.abs(unscaled) < (1L << 53) && scale < DOUBLE_POWER_OF_TEN.length) {
            return unscaled / DOUBLE_POWER_OF_TEN[scale];
        }
        return new BigDecimal(BigInteger.valueOf(unscaled), scale).doubleValue();
    }

    public static double longDecimalToDouble(long high, long low, int scale)
    {
        if (Int128Arithmetic.fitsInLong(high, low)) {
            return shortDecimalToDouble(low, scale);
        }
        return toBigDecimal(high, low, scale).doubleValue();
    }

    public static long shortDecimalToReal(long unscaled, int scale)
    {
        if (Math.abs(unscaled) < (1L << 24) && scale <= 10) {
            return Float.floatToIntBits((float) unscaled / (float) DOUBLE_POWER_OF_TEN[scale]);
        }
        return Float.floatToIntBits(new BigDecimal(BigInteger.valueOf(unscaled), scale).floatValue());
    }

    public static long longDecimalToReal(long high, long low, int scale)
    {
        return Float.floatToIntBits(toBigDecimal(high, low, scale).floatValue());
    }

    public static long doubleToShortDecimal(double value, int precision, int scale)
    {
        return toShortDecimal(fromDouble(value, DOUBLE_DIGITS), precision, scale);
    }

    public static void doubleToLongDecimal(double value, int precision, int scale, long[] result)
    {
        toLongDecimal(fromDouble(value, DOUBLE_DIGITS), precision, scale, result);
    }

    public static long realToShortDecimal(long bits, int precision, int scale)
    {
        return toShortDecimal(fromDouble(Float.intBitsToFloat((int) bits), REAL_DIGITS), precision, scale);
    }

    public static void realToLongDecimal(long bits, int precision, int scale, long[] result)
    {
        toLongDecimal(fromDouble(Float.intBitsToFloat((int) bits), REAL_DIGITS), precision, scale, result);
    }

    private static BigDecimal fromDouble(double value, MathContext digits)
    {
        if (Double.isNaN(value)) {
            throw new BasinException(NUMERIC_VALUE_OUT_OF_RANGE, "cannot convert NaN to numeric");
        }
        if (Double.isInfinite(value)) {
            throw new BasinException(NUMERIC_VALUE_OUT_OF_RANGE, "cannot convert infinity to numeric");
        }
        return new BigDecimal(value).round(digits);
    }

    public static BigDecimal toBigDecimal(long unscaled, int scale)
    {
        return BigDecimal.valueOf(unscaled, scale);
    }

    public static BigDecimal toBigDecimal(long high, long low, int scale)
    {
        return new BigDecimal(Int128Arithmetic.toBigInteger(high, low), scale);
    }

    /** Rounds half away from zero to {@code scale} and checks {@code precision}. */
    public static long toShortDecimal(BigDecimal value, int precision, int scale)
    {
        BigInteger unscaled = value.setScale(scale, RoundingMode.HALF_UP).unscaledValue();
        if (unscaled.abs().compareTo(BigInteger.TEN.pow(precision)) >= 0) {
            throw numericFieldOverflow();
        }
        return unscaled.longValueExact();
    }

    /** Rounds half away from zero to {@code scale}, checks {@code precision}, stores [high, low]. */
    public static void toLongDecimal(BigDecimal value, int precision, int scale, long[] result)
    {
        BigInteger unscaled = value.setScale(scale, RoundingMode.HALF_UP).unscaledValue();
        if (unscaled.abs().compareTo(BigInteger.TEN.pow(precision)) >= 0) {
            throw numericFieldOverflow();
        }
        Int128Arithmetic.store(unscaled, result);
    }
}
