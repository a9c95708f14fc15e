package io.basin.execution.expression.function;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;

import java.math.BigDecimal;
import java.util.Locale;

import static io.basin.execution.expression.function.ExpressionErrors.invalidInputSyntax;
import static io.basin.execution.expression.function.ExpressionErrors.valueOutOfRangeForType;

/**
 * Text forms of booleans and numbers as PostgreSQL writes and reads them: {@code true}/{@code false};
 * floating point in the shortest form that reads back to the same value ({@code 0.1},
 * {@code 1e+20}, {@code Infinity}, {@code NaN}); decimals with exactly their scale. Input accepts
 * surrounding whitespace, as PostgreSQL does.
 */
public final class NumberText
{
    private static final Slice TRUE = Slices.utf8Slice("true");
    private static final Slice FALSE = Slices.utf8Slice("false");

    private NumberText() {}

    // formatting

    public static Slice formatBoolean(boolean value)
    {
        return value ? TRUE : FALSE;
    }

    public static Slice formatLong(long value)
    {
        return Slices.utf8Slice(Long.toString(value));
    }

    public static Slice formatDouble(double value)
    {
        return Slices.utf8Slice(doubleToString(value));
    }

    public static Slice formatReal(long bits)
    {
        return Slices.utf8Slice(realToString(Float.intBitsToFloat((int) bits)));
    }

    /** PostgreSQL 12+ output of float8: shortest round-trip digits, exponent form outside 1e-4 .. 1e15. */
    public static String doubleToString(double value)
    {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        // Java's Double.toString yields the shortest digits that round-trip (JDK 19+)
        return shortestToString(value, Double.toString(value), 15);
    }

    /** PostgreSQL 12+ output of float4: shortest round-trip digits, exponent form outside 1e-4 .. 1e6. */
    public static String realToString(float value)
    {
        if (Float.isNaN(value)) {
            return "NaN";
        }
        if (Float.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        return shortestToString(value, Float.toString(value), 6);
    }

    private static String shortestToString(double value, String javaText, int fixedExponentLimit)
    {
        if (value == 0) {
            return (1 / value) < 0 ? "-0" : "0";
        }
        BigDecimal decimal = new BigDecimal(javaText).stripTrailingZeros();
        String digits = decimal.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - decimal.scale();
        if (exponent < -4 || exponent >= fixedExponentLimit) {
            StringBuilder builder = new StringBuilder(digits.length() + 8);
            if (decimal.signum() < 0) {
                builder.append('-');
            }
            builder.append(digits.charAt(0));
            if (digits.length() > 1) {
                builder.append('.').append(digits, 1, digits.length());
            }
            builder.append('e').append(exponent < 0 ? '-' : '+');
            int absoluteExponent = Math.abs(exponent);
            if (absoluteExponent < 10) {
                builder.append('0');
            }
            return builder.append(absoluteExponent).toString();
        }
        return decimal.toPlainString();
    }

    public static Slice formatShortDecimal(long unscaled, int scale)
    {
        return Slices.utf8Slice(decimalToString(Long.toString(unscaled), scale));
    }

    public static Slice formatLongDecimal(long high, long low, int scale)
    {
        return Slices.utf8Slice(decimalToString(Int128Arithmetic.toBigInteger(high, low).toString(), scale));
    }

    private static String decimalToString(String unscaled, int scale)
    {
        if (scale == 0) {
            return unscaled;
        }
        boolean negative = unscaled.startsWith("-");
        String digits = negative ? unscaled.substring(1) : unscaled;
        StringBuilder builder = new StringBuilder(digits.length() + 3);
        if (negative) {
            builder.append('-');
        }
        if (digits.length() <= scale) {
            builder.append("0.");
            builder.repeat('0', scale - digits.length());
            builder.append(digits);
        }
        else {
            builder.append(digits, 0, digits.length() - scale).append('.').append(digits, digits.length() - scale, digits.length());
        }
        return builder.toString();
    }

    // parsing

    public static boolean parseBoolean(Slice text)
    {
        String value = text.toStringUtf8().strip().toLowerCase(Locale.ROOT);
        if (!value.isEmpty()) {
            // PostgreSQL accepts any unique prefix of true/false/yes/no, and on/off (at least two letters)
            if ("true".startsWith(value) || "yes".startsWith(value) || value.equals("on") || value.equals("1")) {
                return true;
            }
            if ("false".startsWith(value) || "no".startsWith(value) || (value.length() >= 2 && "off".startsWith(value)) || value.equals("0")) {
                return false;
            }
        }
        throw invalidInputSyntax("boolean", text.toStringUtf8());
    }

    public static long parseBigint(Slice text)
    {
        return parseInteger(text, Long.MIN_VALUE, Long.MAX_VALUE, "bigint");
    }

    public static long parseInteger(Slice text)
    {
        return parseInteger(text, Integer.MIN_VALUE, Integer.MAX_VALUE, "integer");
    }

    public static long parseSmallint(Slice text)
    {
        return parseInteger(text, Short.MIN_VALUE, Short.MAX_VALUE, "smallint");
    }

    public static long parseTinyint(Slice text)
    {
        return parseInteger(text, Byte.MIN_VALUE, Byte.MAX_VALUE, "tinyint");
    }

    /** Optional sign and decimal digits (underscores allowed between digits, as PostgreSQL 16). */
    private static long parseInteger(Slice text, long min, long max, String typeName)
    {
        int length = text.length();
        int start = 0;
        while (start < length && isSpace(text.getByte(start))) {
            start++;
        }
        int end = length;
        while (end > start && isSpace(text.getByte(end - 1))) {
            end--;
        }
        int position = start;
        boolean negative = false;
        if (position < end && (text.getByte(position) == '-' || text.getByte(position) == '+')) {
            negative = text.getByte(position) == '-';
            position++;
        }
        if (position == end) {
            throw invalidInputSyntax(typeName, text.toStringUtf8());
        }
        // accumulate negatively so that the minimum value parses without overflow
        long value = 0;
        boolean overflow = false;
        boolean previousDigit = false;
        for (; position < end; position++) {
            byte character = text.getByte(position);
            if (character == '_' && previousDigit && position + 1 < end && isDigit(text.getByte(position + 1))) {
                previousDigit = false;
                continue;
            }
            if (!isDigit(character)) {
                throw invalidInputSyntax(typeName, text.toStringUtf8());
            }
            previousDigit = true;
            int digit = character - '0';
            if (value < (Long.MIN_VALUE + digit) / 10) {
                overflow = true;
            }
            value = value * 10 - digit;
        }
        if (!negative) {
            if (value == Long.MIN_VALUE) {
                overflow = true;
            }
            value = -value;
        }
        if (overflow || value < min || value > max) {
            throw valueOutOfRangeForType(text.toStringUtf8(), typeName);
        }
        return value;
    }

    public static double parseDouble(Slice text)
    {
        return parseFloatingPoint(text.toStringUtf8(), "double precision");
    }

    public static long parseReal(Slice text)
    {
        String value = text.toStringUtf8();
        double parsed = parseFloatingPoint(value, "real");
        if (Double.isNaN(parsed) || Double.isInfinite(parsed)) {
            return Float.floatToIntBits((float) parsed);
        }
        // parse again as float: rounding through double first could round twice
        float result = Float.parseFloat(value.strip());
        if ((Float.isInfinite(result) && !Double.isInfinite(parsed)) || (result == 0.0f && parsed != 0.0)) {
            throw valueOutOfRangeForType(value, "real");
        }
        return Float.floatToIntBits(result);
    }

    private static double parseFloatingPoint(String text, String typeName)
    {
        String value = text.strip();
        String lower = value.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "nan", "+nan", "-nan" -> {
                return Double.NaN;
            }
            case "infinity", "+infinity", "inf", "+inf" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-infinity", "-inf" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
            }
        }
        if (!isDecimalNumber(value)) {
            throw invalidInputSyntax(typeName, text);
        }
        double result = Double.parseDouble(value);
        if (Double.isInfinite(result) || (result == 0.0 && hasNonZeroDigit(value))) {
            throw valueOutOfRangeForType(value, typeName);
        }
        return result;
    }

    public static long parseShortDecimal(Slice text, int precision, int scale)
    {
        return DecimalCasts.toShortDecimal(parseBigDecimal(text), precision, scale);
    }

    public static void parseLongDecimal(Slice text, int precision, int scale, long[] result)
    {
        DecimalCasts.toLongDecimal(parseBigDecimal(text), precision, scale, result);
    }

    private static BigDecimal parseBigDecimal(Slice text)
    {
        String value = text.toStringUtf8().strip();
        if (!isDecimalNumber(value)) {
            throw invalidInputSyntax("numeric", text.toStringUtf8());
        }
        BigDecimal decimal = new BigDecimal(value);
        if (decimal.scale() < -1000 || decimal.precision() - decimal.scale() > 1000) {
            throw valueOutOfRangeForType(value, "numeric");
        }
        return decimal;
    }

    /** [+-] digits [. digits] [e [+-] digits], at least one digit in the mantissa. */
    private static boolean isDecimalNumber(String value)
    {
        int position = 0;
        int length = value.length();
        if (position < length && (value.charAt(position) == '+' || value.charAt(position) == '-')) {
            position++;
        }
        int digits = 0;
        while (position < length && isDigit(value.charAt(position))) {
            position++;
            digits++;
        }
        if (position < length && value.charAt(position) == '.') {
            position++;
            while (position < length && isDigit(value.charAt(position))) {
                position++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (position < length && (value.charAt(position) == 'e' || value.charAt(position) == 'E')) {
            position++;
            if (position < length && (value.charAt(position) == '+' || value.charAt(position) == '-')) {
                position++;
            }
            int exponentDigits = 0;
            while (position < length && isDigit(value.charAt(position))) {
                position++;
                exponentDigits++;
            }
            if (exponentDigits == 0 || exponentDigits > 9) {
                return false;
            }
        }
        return position == length;
    }

    private static boolean hasNonZeroDigit(String value)
    {
        for (int i = 0; i < value.length(); i++) {
            char character = value.charAt(i);
            if (character == 'e' || character == 'E') {
                return false;
            }
            if (character >= '1' && character <= '9') {
                return true;
            }
        }
        return false;
    }

    private static boolean isDigit(int character)
    {
        return character >= '0' && character <= '9';
    }

    private static boolean isSpace(byte character)
    {
        return character == ' ' || character == '\t' || character == '\n' || character == '\r' || character == '\f' || character == 0x0B;
    }
}
