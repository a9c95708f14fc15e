package io.basin.execution.expression.function;

import io.airlift.slice.Slice;
import io.airlift.slice.SliceUtf8;
import io.airlift.slice.Slices;
import io.basin.error.BasinException;
import io.basin.type.SliceBytes;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import static io.airlift.slice.Slices.EMPTY_SLICE;
import static io.basin.error.BasinErrorCode.INVALID_PARAMETER_VALUE;

/**
 * PostgreSQL's string functions on UTF-8 slices. Positions and lengths count code points, not
 * bytes; the functions assume valid UTF-8 (what every Basin source produces).
 */
public final class StringFunctions
{
    // PostgreSQL refuses results over 1 GB; stay well inside a Java array
    private static final long MAX_RESULT_BYTES = 1 << 30;
    private static final int[] SPACE = {' '};
    private static final Slice SPACE_SLICE = Slices.utf8Slice(" ");
    private static final HexFormat HEX = HexFormat.of();

    private StringFunctions() {}

    public static Slice concat(Slice left, Slice right)
    {
        if (left.length() == 0) {
            return right;
        }
        if (right.length() == 0) {
            return left;
        }
        checkResultLength((long) left.length() + right.length());
        Slice result = Slices.allocate(left.length() + right.length());
        result.setBytes(0, left);
        result.setBytes(left.length(), right);
        return result;
    }

    /** substring(s from start), 1-based; a start before 1 counts from the string's beginning. */
    public static Slice substring(Slice value, long start)
    {
        if (start <= 1) {
            return value;
        }
        int offset = codePointOffset(value, 0, start - 1);
        return offset < 0 ? EMPTY_SLICE : value.slice(offset, value.length() - offset);
    }

    /**
     * substring(s from start for length) with PostgreSQL's semantics: the characters at positions
     * start .. start + length - 1 that exist, so a start &le; 0 shortens the result.
     */
    public static Slice substring(Slice value, long start, long length)
    {
        if (length < 0) {
            throw new BasinException(INVALID_PARAMETER_VALUE, "negative substring length not allowed");
        }
        long end = start + length < start ? Long.MAX_VALUE : start + length;
        if (end <= 1) {
            return EMPTY_SLICE;
        }
        long from = Math.max(start, 1);
        int fromOffset = codePointOffset(value, 0, from - 1);
        if (fromOffset < 0) {
            return EMPTY_SLICE;
        }
        int toOffset = codePointOffset(value, fromOffset, end - from);
        if (toOffset < 0) {
            toOffset = value.length();
        }
        return value.slice(fromOffset, toOffset - fromOffset);
    }

    /** Byte-based substring for varbinary. */
    public static Slice substringBinary(Slice value, long start, long length)
    {
        if (length < 0) {
            throw new BasinException(INVALID_PARAMETER_VALUE, "negative substring length not allowed");
        }
        long end = Math.min(start + length < start ? Long.MAX_VALUE : start + length, value.length() + 1L);
        long from = Math.max(start, 1);
        if (end <= from) {
            return EMPTY_SLICE;
        }
        return value.slice((int) from - 1, (int) (end - from));
    }

    public static Slice substringBinary(Slice value, long start)
    {
        return substringBinary(value, start, Long.MAX_VALUE / 2);
    }

    /** Byte offset of the code point {@code count} code points after {@code offset}, or -1 past the last one. */
    private static int codePointOffset(Slice value, int offset, long count)
    {
        if (count == 0) {
            return offset;
        }
        if (count > value.length() - offset) {
            // every code point takes at least one byte
            return -1;
        }
        return SliceUtf8.offsetOfCodePoint(value, offset, (int) count);
    }

    public static Slice upper(Slice value)
    {
        return SliceUtf8.toUpperCase(value);
    }

    public static Slice lower(Slice value)
    {
        return SliceUtf8.toLowerCase(value);
    }

    public static Slice btrim(Slice value)
    {
        return SliceUtf8.trim(value, SPACE);
    }

    public static Slice btrim(Slice value, Slice characters)
    {
        return SliceUtf8.trim(value, codePoints(characters));
    }

    public static Slice ltrim(Slice value)
    {
        return SliceUtf8.leftTrim(value, SPACE);
    }

    public static Slice ltrim(Slice value, Slice characters)
    {
        return SliceUtf8.leftTrim(value, codePoints(characters));
    }

    public static Slice rtrim(Slice value)
    {
        return SliceUtf8.rightTrim(value, SPACE);
    }

    public static Slice rtrim(Slice value, Slice characters)
    {
        return SliceUtf8.rightTrim(value, codePoints(characters));
    }

    public static long length(Slice value)
    {
        return SliceUtf8.countCodePoints(value);
    }

    /** length of a char(n) value: trailing spaces do not count (PostgreSQL). */
    public static long charLength(Slice value)
    {
        return SliceUtf8.countCodePoints(value, 0, lengthWithoutTrailingSpaces(value));
    }

    public static long octetLength(Slice value)
    {
        return value.length();
    }

    /** 1-based code point position of the first occurrence of {@code substring}, 0 when absent. */
    public static long strpos(Slice value, Slice substring)
    {
        if (substring.length() == 0) {
            return 1;
        }
        int index = value.indexOf(substring);
        if (index < 0) {
            return 0;
        }
        return SliceUtf8.countCodePoints(value, 0, index) + 1;
    }

    public static Slice replace(Slice value, Slice search, Slice replacement)
    {
        if (search.length() == 0) {
            return value;
        }
        int index = value.indexOf(search);
        if (index < 0) {
            return value;
        }
        Utf8Buffer builder = new Utf8Buffer(value.length());
        int previous = 0;
        while (index >= 0) {
            builder.append(value, previous, index - previous);
            builder.append(replacement, 0, replacement.length());
            previous = index + search.length();
            index = value.indexOf(search, previous);
        }
        builder.append(value, previous, value.length() - previous);
        return builder.build();
    }

    public static Slice lpad(Slice value, long length)
    {
        return pad(value, length, SPACE_SLICE, true);
    }

    public static Slice lpad(Slice value, long length, Slice fill)
    {
        return pad(value, length, fill, true);
    }

    public static Slice rpad(Slice value, long length)
    {
        return pad(value, length, SPACE_SLICE, false);
    }

    public static Slice rpad(Slice value, long length, Slice fill)
    {
        return pad(value, length, fill, false);
    }

    private static Slice pad(Slice value, long length, Slice fill, boolean left)
    {
        if (length <= 0) {
            return EMPTY_SLICE;
        }
        long valueLength = SliceUtf8.countCodePoints(value);
        if (length <= valueLength) {
            return substring(value, 1, length);
        }
        if (fill.length() == 0) {
            return value;
        }
        long padCount = length - valueLength;
        checkResultLength(value.length() + padCount * 4);
        int[] fillCodePoints = codePoints(fill);
        Utf8Buffer builder = new Utf8Buffer((int) (value.length() + padCount * fill.length() / fillCodePoints.length + 4));
        if (!left) {
            builder.append(value, 0, value.length());
        }
        for (long i = 0; i < padCount; i++) {
            builder.appendCodePoint(fillCodePoints[(int) (i % fillCodePoints.length)]);
        }
        if (left) {
            builder.append(value, 0, value.length());
        }
        return builder.build();
    }

    /** split_part(s, delimiter, n): field n (1-based; negative counts from the end, PostgreSQL 14). */
    public static Slice splitPart(Slice value, Slice delimiter, long index)
    {
        if (index == 0) {
            throw new BasinException(INVALID_PARAMETER_VALUE, "field position must not be zero");
        }
        if (delimiter.length() == 0) {
            return index == 1 || index == -1 ? value : EMPTY_SLICE;
        }
        if (index > 0) {
            int start = 0;
            for (long field = 1; field < index; field++) {
                int next = value.indexOf(delimiter, start);
                if (next < 0) {
                    return EMPTY_SLICE;
                }
                start = next + delimiter.length();
            }
            int end = value.indexOf(delimiter, start);
            return value.slice(start, (end < 0 ? value.length() : end) - start);
        }
        // count fields, then take field count + index + 1
        long fields = 1;
        int position = value.indexOf(delimiter, 0);
        while (position >= 0) {
            fields++;
            position = value.indexOf(delimiter, position + delimiter.length());
        }
        long fromStart = fields + index + 1;
        return fromStart < 1 ? EMPTY_SLICE : splitPart(value, delimiter, fromStart);
    }

    /** The first n characters; all but the last |n| when n is negative. */
    public static Slice left(Slice value, long count)
    {
        if (count >= 0) {
            return substring(value, 1, count);
        }
        long keep = SliceUtf8.countCodePoints(value) + count;
        return keep <= 0 ? EMPTY_SLICE : substring(value, 1, keep);
    }

    /** The last n characters; all but the first |n| when n is negative. */
    public static Slice right(Slice value, long count)
    {
        long length = SliceUtf8.countCodePoints(value);
        if (count >= 0) {
            return count >= length ? value : substring(value, length - count + 1);
        }
        return -count >= length ? EMPTY_SLICE : substring(value, 1 - count);
    }

    public static Slice reverse(Slice value)
    {
        return SliceUtf8.reverse(value);
    }

    public static Slice repeat(Slice value, long count)
    {
        if (count <= 0 || value.length() == 0) {
            return EMPTY_SLICE;
        }
        checkResultLength(value.length() * count);
        Slice result = Slices.allocate((int) (value.length() * count));
        for (int i = 0; i < count; i++) {
            result.setBytes(i * value.length(), value);
        }
        return result;
    }

    /** First letter of each alphanumeric word upper case, the rest lower case. */
    public static Slice initcap(Slice value)
    {
        Utf8Buffer builder = new Utf8Buffer(value.length());
        boolean previousAlphanumeric = false;
        int offset = 0;
        while (offset < value.length()) {
            int codePoint = SliceUtf8.getCodePointAt(value, offset);
            offset += SliceUtf8.lengthOfCodePoint(codePoint);
            builder.appendCodePoint(previousAlphanumeric ? Character.toLowerCase(codePoint) : Character.toUpperCase(codePoint));
            previousAlphanumeric = Character.isLetterOrDigit(codePoint);
        }
        return builder.build();
    }

    public static boolean startsWith(Slice value, Slice prefix)
    {
        return value.length() >= prefix.length() && value.equals(0, prefix.length(), prefix, 0, prefix.length());
    }

    /** Each character of {@code from} becomes the one at the same position in {@code to}, or is deleted. */
    public static Slice translate(Slice value, Slice from, Slice to)
    {
        int[] fromCodePoints = codePoints(from);
        int[] toCodePoints = codePoints(to);
        Utf8Buffer builder = new Utf8Buffer(value.length());
        int offset = 0;
        while (offset < value.length()) {
            int codePoint = SliceUtf8.getCodePointAt(value, offset);
            offset += SliceUtf8.lengthOfCodePoint(codePoint);
            int index = indexOf(fromCodePoints, codePoint);
            if (index < 0) {
                builder.appendCodePoint(codePoint);
            }
            else if (index < toCodePoints.length) {
                builder.appendCodePoint(toCodePoints[index]);
            }
        }
        return builder.build();
    }

    public static Slice md5(Slice value)
    {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("MD5");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is a required JDK algorithm", e);
        }
        digest.update(value.byteArray(), value.byteArrayOffset(), value.length());
        return Slices.utf8Slice(HEX.formatHex(digest.digest()));
    }

    /** Code point of the first character, 0 for the empty string. */
    public static long ascii(Slice value)
    {
        return value.length() == 0 ? 0 : SliceUtf8.getCodePointAt(value, 0);
    }

    public static Slice chr(long codePoint)
    {
        if (codePoint == 0) {
            throw new BasinException(INVALID_PARAMETER_VALUE, "null character not permitted");
        }
        if (codePoint < 0 || codePoint > Character.MAX_CODE_POINT) {
            throw new BasinException(INVALID_PARAMETER_VALUE, "requested character too large for encoding: " + codePoint);
        }
        if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
            throw new BasinException(INVALID_PARAMETER_VALUE, "requested character not valid for encoding: " + codePoint);
        }
        return SliceUtf8.codePointToUtf8((int) codePoint);
    }

    // char(n) and varchar(n)

    /** A char(n) value as stored: at most n characters, trailing spaces removed (Trino's representation). */
    public static Slice toChar(Slice value, long length)
    {
        Slice truncated = truncate(value, length);
        return truncated.slice(0, lengthWithoutTrailingSpaces(truncated));
    }

    /** char to varchar drops the insignificant trailing spaces, as PostgreSQL does. */
    public static Slice trimTrailingSpaces(Slice value)
    {
        int length = lengthWithoutTrailingSpaces(value);
        return length == value.length() ? value : value.slice(0, length);
    }

    /** The first {@code length} characters (explicit casts to varchar(n) truncate in PostgreSQL). */
    public static Slice truncate(Slice value, long length)
    {
        if (value.length() <= length) {
            return value;
        }
        int end = codePointOffset(value, 0, length);
        return end < 0 ? value : value.slice(0, end);
    }

    public static int compareChar(Slice left, Slice right)
    {
        return left.compareTo(0, lengthWithoutTrailingSpaces(left), right, 0, lengthWithoutTrailingSpaces(right));
    }

    /** Equality of two strings' bytes (see SliceBytes: Slice.equals dominated filters such as {@code c_mktsegment = 'BUILDING'}). */
    public static boolean equal(Slice left, Slice right)
    {
        int length = left.length();
        return length == right.length() && SliceBytes.equal(left, 0, right, 0, length);
    }

    public static boolean equalChar(Slice left, Slice right)
    {
        int leftLength = lengthWithoutTrailingSpaces(left);
        int rightLength = lengthWithoutTrailingSpaces(right);
        return leftLength == rightLength && left.equals(0, leftLength, right, 0, rightLength);
    }

    static int lengthWithoutTrailingSpaces(Slice value)
    {
        int length = value.length();
        while (length > 0 && value.getByte(length - 1) == ' ') {
            length--;
        }
        return length;
    }

    private static int[] codePoints(Slice value)
    {
        return value.toStringUtf8().codePoints().toArray();
    }

    private static int indexOf(int[] values, int value)
    {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static void checkResultLength(long bytes)
    {
        if (bytes > MAX_RESULT_BYTES) {
            throw new BasinException(INVALID_PARAMETER_VALUE, "requested length too large");
        }
    }

    /** A growable UTF-8 byte buffer producing a Slice; cheaper than going through String. */
    private static final class Utf8Buffer
    {
        private byte[] bytes;
        private int length;

        Utf8Buffer(int capacity)
        {
            bytes = new byte[Math.max(capacity, 16)];
        }

        void append(Slice source, int offset, int count)
        {
            ensure(count);
            source.getBytes(offset, bytes, length, count);
            length += count;
        }

        void appendCodePoint(int codePoint)
        {
            ensure(4);
            if (codePoint < 0x80) {
                bytes[length++] = (byte) codePoint;
            }
            else if (codePoint < 0x800) {
                bytes[length++] = (byte) (0xC0 | (codePoint >>> 6));
                bytes[length++] = (byte) (0x80 | (codePoint & 0x3F));
            }
            else if (codePoint < 0x10000) {
                bytes[length++] = (byte) (0xE0 | (codePoint >>> 12));
                bytes[length++] = (byte) (0x80 | ((codePoint >>> 6) & 0x3F));
                bytes[length++] = (byte) (0x80 | (codePoint & 0x3F));
            }
            else {
                bytes[length++] = (byte) (0xF0 | (codePoint >>> 18));
                bytes[length++] = (byte) (0x80 | ((codePoint >>> 12) & 0x3F));
                bytes[length++] = (byte) (0x80 | ((codePoint >>> 6) & 0x3F));
                bytes[length++] = (byte) (0x80 | (codePoint & 0x3F));
            }
        }

        private void ensure(int extra)
        {
            if (length + extra > bytes.length) {
                long capacity = Math.max((long) bytes.length * 2, (long) length + extra);
                checkResultLength(capacity);
                bytes = Arrays.copyOf(bytes, (int) capacity);
            }
        }

        Slice build()
        {
            return Slices.wrappedBuffer(bytes, 0, length);
        }
    }
}
