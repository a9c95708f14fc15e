package io.basin.execution.expression.function;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

import static io.basin.execution.expression.function.ExpressionErrors.divisionByZero;
import static io.basin.execution.expression.function.ExpressionErrors.numericFieldOverflow;

/**
 * Decimal arithmetic on unscaled values. The code generator knows every operand's precision and
 * scale, so it rescales operands to a common scale itself (choosing {@code long} math when the
 * digits provably fit in 18, 128-bit math otherwise) and calls these helpers for the steps that
 * need care: rounding division (half away from zero, as PostgreSQL's numeric) and the precision
 * check of the result.
 */
public final class DecimalArithmetic
{
    public static final int ADD = 0;
    public static final int SUBTRACT = 1;
    public static final int MULTIPLY = 2;
    public static final int DIVIDE = 3;
    public static final int MODULUS = 4;

    private DecimalArithmetic() {}

    /**
     * The exact slow path for operand combinations whose intermediate values could exceed 128 bits:
     * computes {@code left <operation> right} with BigDecimal, rounds half away from zero to
     * {@code scale}, checks {@code precision} and stores [high, low].
     */
    public static void exact(int operation, long leftHigh, long leftLow, int leftScale, long rightHigh, long rightLow, int rightScale, int precision, int scale, long[] result)
    {
        BigDecimal left = new BigDecimal(Int128Arithmetic.toBigInteger(leftHigh, leftLow), leftScale);
        BigDecimal right = new BigDecimal(Int128Arithmetic.toBigInteger(rightHigh, rightLow), rightScale);
        if ((operation == DIVIDE || operation == MODULUS) && right.signum() == 0) {
            throw divisionByZero();
        }
        BigDecimal value = switch (operation) {
            case ADD -> left.add(right);
            case SUBTRACT -> left.subtract(right);
            case MULTIPLY -> left.multiply(right);
            case DIVIDE -> left.divide(right, scale, RoundingMode.HALF_UP);
            case MODULUS -> left.remainder(right);
            default -> throw new IllegalArgumentException("Unknown decimal operation " + operation);
        };
        DecimalCasts.toLongDecimal(value, precision, scale, result);
    }

    /** Rounds a 128-bit value to a long, reporting overflow of {@code typeName} ("bigint out of range"). */
    public static long toLongExact(long high, long low, String typeName)
    {
        if (!Int128Arithmetic.fitsInLong(high, low)) {
            throw ExpressionErrors.outOfRange(typeName);
        }
        return low;
    }

    /** Throws a numeric field overflow unless |value| &lt; limit (limit being 10^precision). */
    public static long checkPrecision(long value, long limit)
    {
        if (value >= limit || value <= -limit) {
            throw numericFieldOverflow();
        }
        return value;
    }

    /** value * factor with an overflow check, for rescaling whose digits may exceed a long. */
    public static long multiplyExact(long value, long factor)
    {
        long high = Math.multiplyHigh(value, factor);
        long low = value * factor;
        if (high != (low >> 63)) {
            throw numericFieldOverflow();
        }
        return low;
    }

    /** value / 10^k rounded half away from zero, {@code powerOfTen} being 10^k &gt; 0. */
    public static long divideRoundedByPowerOfTen(long value, long powerOfTen)
    {
        long quotient = value / powerOfTen;
        long remainder = value - quotient * powerOfTen;
        // |remainder| >= powerOfTen / 2, written so it cannot overflow
        if (remainder >= powerOfTen - remainder) {
            return quotient + 1;
        }
        if (-remainder >= powerOfTen + remainder) {
            return quotient - 1;
        }
        return quotient;
    }

    /** dividend / divisor rounded half away from zero; both operands are unscaled at matching scales. */
    public static long divideRounded(long dividend, long divisor)
    {
        if (divisor == 0) {
            throw divisionByZero();
        }
        if (dividend == Long.MIN_VALUE || divisor == Long.MIN_VALUE) {
            long[] result = new long[2];
            divide(dividend >> 63, dividend, 0, divisor >> 63, divisor, 0, result);
            if (!Int128Arithmetic.fitsInLong(result[0], result[1])) {
                throw numericFieldOverflow();
            }
            return result[1];
        }
        long quotient = dividend / divisor;
        long remainder = Math.abs(dividend - quotient * divisor);
        long absoluteDivisor = Math.abs(divisor);
        if (remainder >= absoluteDivisor - remainder) {
            return (dividend < 0) == (divisor < 0) ? quotient + 1 : quotient - 1;
        }
        return quotient;
    }

    /**
     * (dividend * 10^dividendExponent) / (divisor * 10^divisorExponent) rounded half away from
     * zero, on 128-bit operands.
     */
    public static void divide(long dividendHigh, long dividendLow, int dividendExponent, long divisorHigh, long divisorLow, int divisorExponent, long[] result)
    {
        if (divisorHigh == 0 && divisorLow == 0) {
            throw divisionByZero();
        }
        if (dividendExponent <= 18 && divisorExponent <= 18
                && Int128Arithmetic.fitsInLong(dividendHigh, dividendLow) && Int128Arithmetic.fitsInLong(divisorHigh, divisorLow)) {
            long dividendFactor = Int128Arithmetic.longPowerOfTen(dividendExponent);
            long divisorFactor = Int128Arithmetic.longPowerOfTen(divisorExponent);
            long scaledDividend = dividendLow * dividendFactor;
            long scaledDivisor = divisorLow * divisorFactor;
            if (Math.multiplyHigh(dividendLow, dividendFactor) == (scaledDividend >> 63) && Math.multiplyHigh(divisorLow, divisorFactor) == (scaledDivisor >> 63)
                    && scaledDividend != Long.MIN_VALUE && scaledDivisor != Long.MIN_VALUE) {
                long quotient = divideRounded(scaledDividend, scaledDivisor);
                result[0] = quotient >> 63;
                result[1] = quotient;
                return;
            }
        }
        BigInteger dividend = Int128Arithmetic.toBigInteger(dividendHigh, dividendLow).multiply(BigInteger.TEN.pow(dividendExponent));
        BigInteger divisor = Int128Arithmetic.toBigInteger(divisorHigh, divisorLow).multiply(BigInteger.TEN.pow(divisorExponent));
        BigInteger[] quotientAndRemainder = dividend.divideAndRemainder(divisor);
        BigInteger quotient = quotientAndRemainder[0];
        if (quotientAndRemainder[1].abs().shiftLeft(1).compareTo(divisor.abs()) >= 0) {
            quotient = quotient.add(BigInteger.valueOf(dividend.signum() * divisor.signum()));
        }
        Int128Arithmetic.store(quotient, result);
    }

    /** Remainder with the sign of the dividend (truncating division), both at the same scale. */
    public static long remainder(long dividend, long divisor)
    {
        if (divisor == 0) {
            throw divisionByZero();
        }
        return dividend % divisor;
    }

    public static void remainder(long dividendHigh, long dividendLow, long divisorHigh, long divisorLow, long[] result)
    {
        if (divisorHigh == 0 && divisorLow == 0) {
            throw divisionByZero();
        }
        if (Int128Arithmetic.fitsInLong(dividendHigh, dividendLow) && Int128Arithmetic.fitsInLong(divisorHigh, divisorLow)) {
            long value = dividendLow % divisorLow;
            result[0] = value >> 63;
            result[1] = value;
            return;
        }
        Int128Arithmetic.store(Int128Arithmetic.toBigInteger(dividendHigh, dividendLow).remainder(Int128Arithmetic.toBigInteger(divisorHigh, divisorLow)), result);
    }

    /** Signed comparison of two short decimals at different scales. */
    public static int compare(long left, int leftScale, long right, int rightScale)
    {
        if (leftScale == rightScale) {
            return Long.compare(left, right);
        }
        long[] scaled = new long[2];
        if (leftScale < rightScale) {
            Int128Arithmetic.multiply(left, Int128Arithmetic.longPowerOfTen(rightScale - leftScale), scaled);
            return Int128Arithmetic.compare(scaled[0], scaled[1], right >> 63, right);
        }
        Int128Arithmetic.multiply(right, Int128Arithmetic.longPowerOfTen(leftScale - rightScale), scaled);
        return Int128Arithmetic.compare(left >> 63, left, scaled[0], scaled[1]);
    }

    /** Signed comparison of two 128-bit decimals at different scales. */
    public static int compare(long leftHigh, long leftLow, int leftScale, long rightHigh, long rightLow, int rightScale)
    {
        if (leftScale == rightScale) {
            return Int128Arithmetic.compare(leftHigh, leftLow, rightHigh, rightLow);
        }
        // rescaling may exceed 128 bits; compare exactly
        BigInteger left = Int128Arithmetic.toBigInteger(leftHigh, leftLow);
        BigInteger right = Int128Arithmetic.toBigInteger(rightHigh, rightLow);
        if (leftScale < rightScale) {
            left = left.multiply(BigInteger.TEN.pow(rightScale - leftScale));
        }
        else {
            right = right.multiply(BigInteger.TEN.pow(leftScale - rightScale));
        }
        return left.compareTo(right);
    }
}
