package io.basin.execution.compare;

import io.airlift.slice.Slice;
import io.trino.spi.block.Block;
import io.trino.spi.block.ByteArrayBlock;
import io.trino.spi.block.Fixed12Block;
import io.trino.spi.block.Int128ArrayBlock;
import io.trino.spi.block.IntArrayBlock;
import io.trino.spi.block.LongArrayBlock;
import io.trino.spi.block.ShortArrayBlock;
import io.trino.spi.block.VariableWidthBlock;

/**
 * Order-preserving 64-bit prefixes of non-null values ("normalized keys"): for two values
 * {@code a < b} of the same kind, {@code Long.compareUnsigned(prefix(a), prefix(b)) <= 0}. A sort
 * can order rows by these longs with a radix sort and fall back to the full comparison only for
 * rows whose prefixes tie. For kinds whose values fit in 64 bits the prefix is exact: equal
 * prefixes mean equal values, and no fallback is needed for that key.
 *
 * <p>Strings take their first seven bytes, zero padded, and then their length capped at 8 in
 * the last byte. Order is preserved (when the seven bytes tie, a string of at most seven bytes
 * is a prefix of the other, so the shorter sorts first, and the capped length says so), and a
 * prefix whose length byte is below 8 holds the whole string: codes, flags and short names
 * compare exactly by prefix.
 */
public final class NormalizedKeys
{
    private NormalizedKeys() {}

    /** How many bytes of a string one prefix holds; the next prefix of a long string starts there. */
    public static final int STRING_BYTES = 7;
    // the length byte of a string that continues past the prefix
    private static final int LONG_STRING = 8;

    /** True when equal prefixes imply equal values for every value of this kind. */
    public static boolean isExact(ValueKind kind)
    {
        return switch (kind) {
            case BYTE, SHORT, INT, LONG, REAL, DOUBLE -> true;
            case INT128, FIXED12, BYTES, CHAR -> false;
        };
    }

    /** True when every value with this (ascending) prefix is the same value. */
    public static boolean isExact(ValueKind kind, long prefix)
    {
        return switch (kind) {
            case BYTE, SHORT, INT, LONG, REAL, DOUBLE -> true;
            case INT128, FIXED12 -> false;
            case BYTES, CHAR -> (prefix & 0xFF) < LONG_STRING;
        };
    }

    /** The prefix of a non-null value in ascending order; descending order is its bitwise complement. */
    public static long prefix(ValueKind kind, Block block, int position)
    {
        return switch (kind) {
            case BYTE -> signed(((ByteArrayBlock) block).getByte(position));
            case SHORT -> signed(((ShortArrayBlock) block).getShort(position));
            case INT -> signed(((IntArrayBlock) block).getInt(position));
            case LONG -> signed(((LongArrayBlock) block).getLong(position));
            case REAL -> realPrefix(((IntArrayBlock) block).getInt(position));
            case DOUBLE -> doublePrefix(((LongArrayBlock) block).getLong(position));
            case INT128 -> signed(((Int128ArrayBlock) block).getInt128High(position));
            case FIXED12 -> signed(((Fixed12Block) block).getFixed12First(position));
            case BYTES, CHAR -> stringPrefix(kind, block, position, 0);
        };
    }

    public static boolean isString(ValueKind kind)
    {
        return kind == ValueKind.BYTES || kind == ValueKind.CHAR;
    }

    /**
     * The prefix of a string's bytes from {@code offset} on (a multiple of {@link #STRING_BYTES}),
     * encoded like the first prefix. Among strings that agree on their first {@code offset} bytes
     * and all continue past them, these prefixes order like the strings: a sort can refine ties
     * of long strings with further radix passes instead of comparisons.
     */
    public static long stringPrefix(ValueKind kind, Block block, int position, int offset)
    {
        VariableWidthBlock variableWidth = (VariableWidthBlock) block;
        Slice slice = variableWidth.getRawSlice();
        byte[] bytes = slice.byteArray();
        int start = slice.byteArrayOffset() + variableWidth.getRawSliceOffset(position);
        int length = variableWidth.getSliceLength(position);
        if (kind == ValueKind.CHAR) {
            length = ValueComparator.lengthWithoutTrailingSpaces(bytes, start, length);
        }
        int remaining = Math.max(0, length - offset);
        int count = Math.min(remaining, STRING_BYTES);
        long prefix = 0;
        for (int index = 0; index < count; index++) {
            prefix |= (bytes[start + offset + index] & 0xFFL) << (56 - 8 * index);
        }
        return prefix | Math.min(remaining, LONG_STRING);
    }

    // Flipping the sign bit maps signed order onto unsigned order.
    private static long signed(long value)
    {
        return value ^ Long.MIN_VALUE;
    }

    static long doublePrefix(long bits)
    {
        double value = Double.longBitsToDouble(bits);
        if (value == 0.0) {
            // -0.0 = 0.0
            bits = 0;
        }
        else if (Double.isNaN(value)) {
            // Every NaN is the same value, above +Infinity.
            bits = 0x7ff8000000000000L;
        }
        // Positive numbers: set the sign bit so they sort above the negatives. Negative numbers:
        // invert all bits, so a larger magnitude sorts lower.
        return bits >= 0 ? bits ^ Long.MIN_VALUE : ~bits;
    }

    static long realPrefix(int bits)
    {
        float value = Float.intBitsToFloat(bits);
        if (value == 0.0f) {
            bits = 0;
        }
        else if (Float.isNaN(value)) {
            bits = 0x7fc00000;
        }
        int sortable = bits >= 0 ? bits ^ Integer.MIN_VALUE : ~bits;
        return Integer.toUnsignedLong(sortable) << 32;
    }
}
