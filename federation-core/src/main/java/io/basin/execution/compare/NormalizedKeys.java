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
 */
public final class NormalizedKeys
{
    private NormalizedKeys() {}

    /** True when equal prefixes imply equal values for this kind. */
    public static boolean isExact(ValueKind kind)
    {
        return switch (kind) {
            case BYTE, SHORT, INT, LONG, REAL, DOUBLE -> true;
            case INT128, FIXED12, BYTES, CHAR -> false;
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
            case BYTES -> bytesPrefix((VariableWidthBlock) block, position, false);
            case CHAR -> bytesPrefix((VariableWidthBlock) block, position, true);
        };
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

    // The first eight bytes, big-endian, zero padded: a proper prefix sorts before its extensions,
    // exactly as in the byte-wise comparison.
    private static long bytesPrefix(VariableWidthBlock block, int position, boolean trimTrailingSpaces)
    {
        Slice slice = block.getRawSlice();
        byte[] bytes = slice.byteArray();
        int start = slice.byteArrayOffset() + block.getRawSliceOffset(position);
        int length = block.getSliceLength(position);
        if (trimTrailingSpaces) {
            length = ValueComparator.lengthWithoutTrailingSpaces(bytes, start, length);
        }
        int count = Math.min(length, Long.BYTES);
        long prefix = 0;
        for (int index = 0; index < count; index++) {
            prefix |= (bytes[start + index] & 0xFFL) << (56 - 8 * index);
        }
        return prefix;
    }
}
