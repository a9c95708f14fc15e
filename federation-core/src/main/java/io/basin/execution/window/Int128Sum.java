package io.basin.execution.window;

import io.trino.spi.type.Int128;

import java.math.BigInteger;

/**
 * An exact running sum of integers and decimal unscaled values that supports removal: a 128-bit
 * two's complement total plus a count of how many times it wrapped around. Intermediate totals
 * may leave the 128-bit range (adding 10^38 - 1 twice does) without losing anything; only the
 * final value is range checked, so a frame whose sum fits never fails because of the order the
 * rows were added and removed in.
 */
final class Int128Sum
{
    private long high;
    private long low;
    private long wraps;

    void clear()
    {
        high = 0;
        low = 0;
        wraps = 0;
    }

    void add(long value)
    {
        add(value >> 63, value);
    }

    void add(long addendHigh, long addendLow)
    {
        long sumLow = low + addendLow;
        long carry = Long.compareUnsigned(sumLow, low) < 0 ? 1 : 0;
        long sumHigh = high + addendHigh + carry;
        // signed overflow: both operands have one sign and the result the other
        if (((high ^ sumHigh) & (addendHigh ^ sumHigh)) < 0) {
            wraps += addendHigh < 0 ? -1 : 1;
        }
        high = sumHigh;
        low = sumLow;
    }

    void subtract(long value)
    {
        subtract(value >> 63, value);
    }

    void subtract(long subtrahendHigh, long subtrahendLow)
    {
        long differenceLow = low - subtrahendLow;
        long borrow = Long.compareUnsigned(low, subtrahendLow) < 0 ? 1 : 0;
        long differenceHigh = high - subtrahendHigh - borrow;
        // signed overflow: operands of different signs and the result's sign differs from the minuend's
        if (((high ^ subtrahendHigh) & (high ^ differenceHigh)) < 0) {
            wraps += subtrahendHigh < 0 ? 1 : -1;
        }
        high = differenceHigh;
        low = differenceLow;
    }

    /** True when the exact total is representable in 128 bits. */
    boolean fitsInt128()
    {
        return wraps == 0;
    }

    boolean fitsLong()
    {
        return wraps == 0 && high == (low >> 63);
    }

    long high()
    {
        return high;
    }

    long low()
    {
        return low;
    }

    /** The exact total, however large. */
    BigInteger toBigInteger()
    {
        BigInteger value = Int128.valueOf(high, low).toBigInteger();
        return wraps == 0 ? value : value.add(BigInteger.valueOf(wraps).shiftLeft(128));
    }
}
