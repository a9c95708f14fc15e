package io.basin.execution.expression.function;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.basin.error.BasinException;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

import static io.basin.error.BasinErrorCode.INVALID_TEXT_REPRESENTATION;

/**
 * Text form of varbinary (PostgreSQL bytea): output in hex format ({@code \x0aff}); input in hex
 * format or in escape format, where {@code \\} is a backslash and {@code \nnn} an octal byte.
 */
public final class BinaryText
{
    private static final HexFormat HEX = HexFormat.of();

    private BinaryText() {}

    public static Slice format(Slice value)
    {
        return Slices.utf8Slice("\\x" + HEX.formatHex(value.getBytes()));
    }

    public static Slice parse(Slice text)
    {
        byte[] bytes = text.getBytes();
        if (bytes.length >= 2 && bytes[0] == '\\' && (bytes[1] == 'x' || bytes[1] == 'X')) {
            return parseHex(text.toStringUtf8().substring(2));
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\\') {
                output.write(bytes[i]);
                continue;
            }
            if (i + 1 < bytes.length && bytes[i + 1] == '\\') {
                output.write('\\');
                i++;
                continue;
            }
            if (i + 3 < bytes.length && isOctal(bytes[i + 1], '3') && isOctal(bytes[i + 2], '7') && isOctal(bytes[i + 3], '7')) {
                output.write(((bytes[i + 1] - '0') << 6) | ((bytes[i + 2] - '0') << 3) | (bytes[i + 3] - '0'));
                i += 3;
                continue;
            }
            throw new BasinException(INVALID_TEXT_REPRESENTATION, "invalid input syntax for type bytea");
        }
        return Slices.wrappedBuffer(output.toByteArray());
    }

    private static Slice parseHex(String digits)
    {
        ByteArrayOutputStream output = new ByteArrayOutputStream(digits.length() / 2);
        int i = 0;
        while (i < digits.length()) {
            char character = digits.charAt(i);
            if (Character.isWhitespace(character)) {
                i++;
                continue;
            }
            if (i + 1 >= digits.length()) {
                throw new BasinException(INVALID_TEXT_REPRESENTATION, "invalid hexadecimal data: odd number of digits");
            }
            int high = Character.digit(character, 16);
            int low = Character.digit(digits.charAt(i + 1), 16);
            if (high < 0) {
                throw new BasinException(INVALID_TEXT_REPRESENTATION, "invalid hexadecimal digit: \"" + character + "\"");
            }
            if (low < 0) {
                throw new BasinException(INVALID_TEXT_REPRESENTATION, "invalid hexadecimal digit: \"" + digits.charAt(i + 1) + "\"");
            }
            output.write((high << 4) | low);
            i += 2;
        }
        return Slices.wrappedBuffer(output.toByteArray());
    }

    private static boolean isOctal(byte character, char max)
    {
        return character >= '0' && character <= max;
    }
}
