package io.basin.pgwire.type;

import static java.nio.charset.StandardCharsets.US_ASCII;

/**
 * PostgreSQL's text output of {@code float8} and {@code float4} (with the default
 * {@code extra_float_digits} of 1 or more, PostgreSQL 12+): the shortest digits that read back as
 * the same value; plain notation when the decimal exponent is in -4 .. 14 ({@code float8}) or
 * -4 .. 5 ({@code float4}), else {@code d.ddde±XX} with at least two exponent digits; {@code NaN},
 * {@code Infinity}, {@code -Infinity}, and {@code -0} for negative zero.
 * <p>
 * Instances hold scratch state and are not thread-safe; each column writer has its own.
 */
final class FloatText
{
    /** Upper bound of the text's length in bytes. */
    static final int MAX_LENGTH = 32;

    private static final byte[] NAN = {'N', 'a', 'N'};
    private static final byte[] INFINITY = {'I', 'n', 'f', 'i', 'n', 'i', 't', 'y'};
    private static final byte[] NEGATIVE_INFINITY = {'-', 'I', 'n', 'f', 'i', 'n', 'i', 't', 'y'};

    private final ShortestDecimal decimal = new ShortestDecimal();

    /** Writes the text of a {@code float8} at {@code position} (room for {@link #MAX_LENGTH}); returns the end. */
    int writeDouble(byte[] target, int position, double value)
    {
        if (Double.isNaN(value)) {
            return copy(NAN, target, position);
        }
        if (Double.isInfinite(value)) {
            return copy(value > 0 ? INFINITY : NEGATIVE_INFINITY, target, position);
        }
        boolean negative = Double.doubleToRawLongBits(value) < 0;
        if (value == 0) {
            return writeZero(target, position, negative);
        }
        decimal.setDouble(value);
        return format(target, position, negative, decimal.digits(), decimal.exponent(), 15);
    }

    /** Writes the text of a {@code float4} at {@code position} (room for {@link #MAX_LENGTH}); returns the end. */
    int writeReal(byte[] target, int position, float value)
    {
        if (Float.isNaN(value)) {
            return copy(NAN, target, position);
        }
        if (Float.isInfinite(value)) {
            return copy(value > 0 ? INFINITY : NEGATIVE_INFINITY, target, position);
        }
        boolean negative = Float.floatToRawIntBits(value) < 0;
        if (value == 0) {
            return writeZero(target, position, negative);
        }
        decimal.setFloat(value);
        return format(target, position, negative, decimal.digits(), decimal.exponent(), 6);
    }

    String doubleToString(double value)
    {
        byte[] text = new byte[MAX_LENGTH];
        return new String(text, 0, writeDouble(text, 0, value), US_ASCII);
    }

    String realToString(float value)
    {
        byte[] text = new byte[MAX_LENGTH];
        return new String(text, 0, writeReal(text, 0, value), US_ASCII);
    }

    private static int writeZero(byte[] target, int position, boolean negative)
    {
        if (negative) {
            target[position++] = '-';
        }
        target[position++] = '0';
        return position;
    }

    /**
     * Writes {@code digits × 10^exponent}; {@code fixedLimit} is the smallest decimal exponent
     * (of the first digit) written in exponential notation.
     */
    private static int format(byte[] target, int position, boolean negative, long digits, int exponent, int fixedLimit)
    {
        while (digits % 10 == 0) {
            digits /= 10;
            exponent++;
        }
        int length = AsciiDigits.count(digits);
        int scientificExponent = exponent + length - 1;
        if (negative) {
            target[position++] = '-';
        }
        if (scientificExponent >= -4 && scientificExponent < fixedLimit) {
            if (scientificExponent < 0) {
                target[position++] = '0';
                target[position++] = '.';
                for (int i = -1; i > scientificExponent; i--) {
                    target[position++] = '0';
                }
                return AsciiDigits.writeUnsigned(target, position, digits);
            }
            if (scientificExponent >= length - 1) {
                position = AsciiDigits.writeUnsigned(target, position, digits);
                for (int i = length - 1; i < scientificExponent; i++) {
                    target[position++] = '0';
                }
                return position;
            }
            // a decimal point inside the digits: write them, then move the fraction one right
            int end = AsciiDigits.writeUnsigned(target, position, digits);
            int point = position + scientificExponent + 1;
            System.arraycopy(target, point, target, point + 1, end - point);
            target[point] = '.';
            return end + 1;
        }
        // d[.ddd]e±XX
        int end = AsciiDigits.writeUnsigned(target, position, digits);
        if (length > 1) {
            System.arraycopy(target, position + 1, target, position + 2, length - 1);
            target[position + 1] = '.';
            end++;
        }
        target[end++] = 'e';
        target[end++] = (byte) (scientificExponent < 0 ? '-' : '+');
        return AsciiDigits.writePadded(target, end, Math.abs(scientificExponent), 2);
    }

    private static int copy(byte[] text, byte[] target, int position)
    {
        System.arraycopy(text, 0, target, position, text.length);
        return position + text.length;
    }
}
