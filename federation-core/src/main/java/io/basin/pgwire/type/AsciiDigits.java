package io.basin.pgwire.type;

/**
 * Writes decimal digits of integers as ASCII bytes straight into an array, the building block of
 * the allocation-free text writers.
 */
final class AsciiDigits
{
    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        long power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private AsciiDigits() {}

    /** Number of decimal digits of a non-negative value (1 for 0). */
    static int count(long value)
    {
        int digits = 1;
        while (digits < 19 && value >= POWERS_OF_TEN[digits]) {
            digits++;
        }
        return digits;
    }

    /** Bytes of {@code value} in text, sign included. */
    static int length(long value)
    {
        if (value == Long.MIN_VALUE) {
            return 20;
        }
        return value < 0 ? count(-value) + 1 : count(value);
    }

    /** Writes {@code value} (sign included) at {@code position}; returns the position after it. */
    static int write(byte[] target, int position, long value)
    {
        if (value < 0) {
            target[position++] = '-';
            if (value == Long.MIN_VALUE) {
                // -(MIN_VALUE) overflows: write all but the last digit, then the last
                int end = writeUnsigned(target, position, -(value / 10));
                target[end] = (byte) ('0' - (value % 10));
                return end + 1;
            }
            value = -value;
        }
        return writeUnsigned(target, position, value);
    }

    /** Writes a non-negative value; returns the position after it. */
    static int writeUnsigned(byte[] target, int position, long value)
    {
        int end = position + count(value);
        putBackwards(target, end, value);
        return end;
    }

    /** Writes a non-negative value with leading zeros to at least {@code width} digits. */
    static int writePadded(byte[] target, int position, long value, int width)
    {
        int end = position + Math.max(width, count(value));
        putBackwards(target, end, value);
        for (int i = position; i < end - count(value); i++) {
            target[i] = '0';
        }
        return end;
    }

    /** Writes the digits of a non-negative value so that the last one is just before {@code end}. */
    private static void putBackwards(byte[] target, int end, long value)
    {
        int position = end;
        do {
            target[--position] = (byte) ('0' + (value % 10));
            value /= 10;
        }
        while (value != 0);
    }

    /** 10^exponent for exponent 0..18. */
    static long powerOfTen(int exponent)
    {
        return POWERS_OF_TEN[exponent];
    }
}
