package io.basin.execution.expression.function;

import io.trino.spi.type.Int128;

import java.math.BigInteger;

import static io.basin.execution.expression.function.ExpressionErrors.numericFieldOverflow;

/**
 * Signed 128-bit integer primitives on (high, low) pairs of longs, the representation of long
 * decimals in generated code. Results go to a caller-owned {@code long[2]} ({@code [high, low]})
 * so that the row loop allocates nothing. Any overflow of 128 bits is reported as a numeric field
 * overflow, since a decimal (at most 38 digits) never legitimately reaches it.
 */
public final class Int128Arithmetic
{
    public static final int MAX_POWER_OF_TEN = 38;

    private static final long[] POWER_OF_TEN_HIGH = new long[MAX_POWER_OF_TEN + 1];
    private static final long[] POWER_OF_TEN_LOW = new long[MAX_POWER_OF_TEN + 1];
    private static final long[] LONG_POWER_OF_TEN = new long[19];

    static {
        for (int i = 0; i <= MAX_POWER_OF_TEN; i++) {
            Int128 power = Int128.valueOf(BigInteger.TEN.pow(i));
            POWER_OF_TEN_HIGH[i] = power.getHigh();
            POWER_OF_TEN_LOW[i] = power.getLow();
        }
        long power = 1;
        for (int i = 0; i < LONG_POWER_OF_TEN.length; i++) {
            LONG_POWER_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private Int128Arithmetic() {}

    /** 10^exponent for 0 &le; exponent &le; 18. */
    public static long longPowerOfTen(int exponent)
    {
        return LONG_POWER_OF_TEN[exponent];
    }

    public static boolean fitsInLong(long high, long low)
    {
        return high == (low >> 63);
    }

    public static void add(long leftHigh, long leftLow, long rightHigh, long rightLow, long[] result)
    {
        long low = leftLow + rightLow;
        long high = leftHigh + rightHigh + (Long.compareUnsigned(low, leftLow) < 0 ? 1 : 0);
        if (((leftHigh ^ high) & (rightHigh ^ high)) < 0) {
            throw numericFieldOverflow();
        }
        result[0] = high;
        result[1] = low;
    }

    public static void subtract(long leftHigh, long leftLow, long rightHigh, long rightLow, long[] result)
    {
        long low = leftLow - rightLow;
        long high = leftHigh - rightHigh - (Long.compareUnsigned(leftLow, rightLow) < 0 ? 1 : 0);
        if (((leftHigh ^ rightHigh) & (leftHigh ^ high)) < 0) {
            throw numericFieldOverflow();
        }
        result[0] = high;
        result[1] = low;
    }

    public static void negate(long high, long low, long[] result)
    {
        long negatedLow = -low;
        long negatedHigh = ~high + (low == 0 ? 1 : 0);
        if (high == Long.MIN_VALUE && low == 0) {
            throw numericFieldOverflow();
        }
        result[0] = negatedHigh;
        result[1] = negatedLow;
    }

    /** The exact 128-bit product of two longs; it cannot overflow. */
    public static void multiply(long left, long right, long[] result)
    {
        result[0] = Math.multiplyHigh(left, right);
        result[1] = left * right;
    }

    /** Checked signed 128 x 128 multiplication. */
    public static void multiply(long leftHigh, long leftLow, long rightHigh, long rightLow, long[] result)
    {
        if (fitsInLong(leftHigh, leftLow) && fitsInLong(rightHigh, rightLow)) {
            multiply(leftLow, rightLow, result);
            return;
        }
        boolean negative = (leftHigh < 0) != (rightHigh < 0);
        // work on magnitudes; |MIN| does not fit, but a decimal never gets there
        if (leftHigh < 0) {
            long low = -leftLow;
            leftHigh = ~leftHigh + (leftLow == 0 ? 1 : 0);
            leftLow = low;
        }
        if (rightHigh < 0) {
            long low = -rightLow;
            rightHigh = ~rightHigh + (rightLow == 0 ? 1 : 0);
            rightLow = low;
        }
        if (leftHigh < 0 || rightHigh < 0 || (leftHigh != 0 && rightHigh != 0)) {
            throw numericFieldOverflow();
        }
        if (leftHigh == 0) {
            // make the left operand the one with the high part
            long swapHigh = leftHigh;
            long swapLow = leftLow;
            leftHigh = rightHigh;
            leftLow = rightLow;
            rightHigh = swapHigh;
            rightLow = swapLow;
        }
        long productLow = leftLow * rightLow;
        long productHigh = Math.unsignedMultiplyHigh(leftLow, rightLow);
        if (Math.unsignedMultiplyHigh(leftHigh, rightLow) != 0) {
            throw numericFieldOverflow();
        }
        long cross = leftHigh * rightLow;
        long high = productHigh + cross;
        if (Long.compareUnsigned(high, productHigh) < 0 || high < 0) {
            throw numericFieldOverflow();
        }
        if (negative) {
            result[0] = ~high + (productLow == 0 ? 1 : 0);
            result[1] = -productLow;
        }
        else {
            result[0] = high;
            result[1] = productLow;
        }
    }

    /** value * 10^exponent, checked. */
    public static void multiplyByPowerOfTen(long high, long low, int exponent, long[] result)
    {
        if (exponent > MAX_POWER_OF_TEN) {
            if (high == 0 && low == 0) {
                result[0] = 0;
                result[1] = 0;
                return;
            }
            throw numericFieldOverflow();
        }
        multiply(high, low, POWER_OF_TEN_HIGH[exponent], POWER_OF_TEN_LOW[exponent], result);
    }

    /** value / 10^exponent rounded half away from zero. */
    public static void divideByPowerOfTenRounded(long high, long low, int exponent, long[] result)
    {
        if (exponent == 0) {
            result[0] = high;
            result[1] = low;
            return;
        }
        if (exponent <= 18 && fitsInLong(high, low) && low != Long.MIN_VALUE) {
            long quotient = DecimalArithmetic.divideRoundedByPowerOfTen(low, LONG_POWER_OF_TEN[exponent]);
            result[0] = quotient >> 63;
            result[1] = quotient;
            return;
        }
        if (exponent > MAX_POWER_OF_TEN) {
            // |value| < 2^127 < 0.5 * 10^39: rounds to zero
            result[0] = 0;
            result[1] = 0;
            return;
        }
        BigInteger[] quotientAndRemainder = toBigInteger(high, low).divideAndRemainder(BigInteger.TEN.pow(exponent));
        BigInteger quotient = quotientAndRemainder[0];
        if (quotientAndRemainder[1].abs().shiftLeft(1).compareTo(BigInteger.TEN.pow(exponent)) >= 0) {
            quotient = quotient.add(BigInteger.valueOf(quotientAndRemainder[1].signum()));
        }
        store(quotient, result);
    }

    public static int compare(long leftHigh, long leftLow, long rightHigh, long rightLow)
    {
        return Int128.compare(leftHigh, leftLow, rightHigh, rightLow);
    }

    /** Whether |value| &ge; 10^precision, i.e. the value needs more than {@code precision} digits. */
    public static boolean exceedsPrecision(long high, long low, int precision)
    {
        if (precision > MAX_POWER_OF_TEN) {
            return false;
        }
        if (high < 0) {
            long negatedLow = -low;
            high = ~high + (low == 0 ? 1 : 0);
            low = negatedLow;
            if (high < 0) {
                return true; // the minimum 128-bit value
            }
        }
        return Int128.compare(high, low, POWER_OF_TEN_HIGH[precision], POWER_OF_TEN_LOW[precision]) >= 0;
    }

    /** Throws a numeric field overflow when the value has more than {@code precision} digits. */
    public static void checkPrecision(long high, long low, int precision)
    {
        if (exceedsPrecision(high, low, precision)) {
            throw numericFieldOverflow();
        }
    }

    public static BigInteger toBigInteger(long high, long low)
    {
        if (fitsInLong(high, low)) {
            return BigInteger.valueOf(low);
        }
        return Int128.valueOf(high, low).toBigInteger();
    }

    /** Stores a BigInteger known to need at most 38 digits; larger values are an overflow. */
    public static void store(BigInteger value, long[] result)
    {
        if (value.bitLength() > 127) {
            throw numericFieldOverflow();
        }
        result[0] = value.shiftRight(64).longValue();
        result[1] = value.longValue();
    }
}
