package io.basin.pgwire.type;

/**
 * The decimal digits of a decimal's unscaled value (a long, or a 128-bit two's complement
 * high/low pair), extracted without allocation into a reusable array, and written as PostgreSQL's
 * {@code numeric} text (exactly {@code scale} fraction digits) or binary form
 * ({@code numeric_send}: base-10000 digit groups aligned on the decimal point).
 * <p>
 * Not thread-safe: each column writer has its own instance.
 */
final class NumericDigits
{
    /** Upper bound of the text's length: sign, 39 digits, point, a leading zero. */
    static final int MAX_TEXT_LENGTH = 42;

    private static final long BILLION = 1_000_000_000L;
    private static final int NUMERIC_POS = 0x0000;
    private static final int NUMERIC_NEG = 0x4000;

    // most significant digit first, values 0-9
    private final byte[] digits = new byte[40];
    private final int[] limbs = new int[4];
    private final short[] groups = new short[24];
    private int count;
    private boolean negative;

    /** Loads the digits of a short decimal's unscaled value. */
    void setLong(long unscaled)
    {
        negative = unscaled < 0;
        // every short decimal has at most 18 digits, so the magnitude fits
        long magnitude = Math.abs(unscaled);
        int position = digits.length;
        do {
            digits[--position] = (byte) (magnitude % 10);
            magnitude /= 10;
        }
        while (magnitude != 0);
        moveToFront(position);
    }

    /** Loads the digits of a long decimal's unscaled value, {@code high × 2^64 + low} (unsigned low). */
    void setInt128(long high, long low)
    {
        negative = high < 0;
        if (negative) {
            // two's complement negation of the 128-bit value
            low = -low;
            high = low == 0 ? -high : ~high;
        }
        limbs[0] = (int) (high >>> 32);
        limbs[1] = (int) high;
        limbs[2] = (int) (low >>> 32);
        limbs[3] = (int) low;
        int position = digits.length;
        // divide the 128-bit magnitude by 10^9 repeatedly, 32 bits at a time
        boolean nonZero;
        do {
            long remainder = 0;
            nonZero = false;
            for (int i = 0; i < limbs.length; i++) {
                long current = (remainder << 32) | (limbs[i] & 0xFFFF_FFFFL);
                long quotient = current / BILLION;
                remainder = current - quotient * BILLION;
                limbs[i] = (int) quotient;
                nonZero |= quotient != 0;
            }
            for (int i = 0; i < 9 && (nonZero || remainder != 0 || i == 0); i++) {
                digits[--position] = (byte) (remainder % 10);
                remainder /= 10;
            }
        }
        while (nonZero);
        moveToFront(position);
    }

    private void moveToFront(int position)
    {
        count = digits.length - position;
        System.arraycopy(digits, position, digits, 0, count);
    }

    /** Writes the value with exactly {@code scale} fraction digits; returns the end. */
    int writeText(byte[] target, int position, int scale)
    {
        if (negative) {
            target[position++] = '-';
        }
        int integerDigits = count - scale;
        if (integerDigits <= 0) {
            target[position++] = '0';
        }
        else {
            for (int i = 0; i < integerDigits; i++) {
                target[position++] = (byte) ('0' + digits[i]);
            }
        }
        if (scale > 0) {
            target[position++] = '.';
            for (int i = integerDigits; i < count; i++) {
                target[position++] = (byte) (i < 0 ? '0' : '0' + digits[i]);
            }
        }
        return position;
    }

    /**
     * Writes {@code numeric_send}'s form: int16 number of groups, int16 weight (the power of
     * 10000 of the first group), int16 sign, int16 display scale, then the base-10000 groups
     * with leading and trailing zero groups removed; zero is no groups, weight 0, positive.
     */
    void writeBinary(WireBuffer buffer, int scale)
    {
        int integerDigits = count - scale;
        int integerGroups = integerDigits > 0 ? (integerDigits + 3) / 4 : 0;
        int fractionGroups = (scale + 3) / 4;
        // the digit index where group 0 starts: pad the integer part on the left to whole groups
        int start = integerDigits - integerGroups * 4;
        int groupCount = 0;
        for (int group = 0; group < integerGroups + fractionGroups; group++) {
            int value = 0;
            for (int i = 0; i < 4; i++) {
                int index = start + group * 4 + i;
                value = value * 10 + (index >= 0 && index < count ? digits[index] : 0);
            }
            groups[groupCount++] = (short) value;
        }
        int first = 0;
        while (first < groupCount && groups[first] == 0) {
            first++;
        }
        int last = groupCount;
        while (last > first && groups[last - 1] == 0) {
            last--;
        }
        int weight = integerGroups - 1 - first;
        int sign = negative ? NUMERIC_NEG : NUMERIC_POS;
        if (last == first) {
            weight = 0;
            sign = NUMERIC_POS;
        }
        buffer.writeShort(last - first);
        buffer.writeShort(weight);
        buffer.writeShort(sign);
        buffer.writeShort(scale);
        for (int i = first; i < last; i++) {
            buffer.writeShort(groups[i]);
        }
    }
}
