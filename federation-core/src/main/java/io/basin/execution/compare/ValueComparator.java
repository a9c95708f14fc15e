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
import io.trino.spi.type.Type;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * The ascending order of the non-null values of one type, as PostgreSQL orders them: NaN above
 * every other floating point number and equal to itself, -0.0 equal to 0.0, strings byte-wise
 * (code point order, the "C" collation), char(n) without its trailing spaces.
 *
 * <p>Blocks must be the type's value block (see {@link ValueBlocks#flatten}); NULLs are the
 * caller's business. The comparison is a switch over {@link ValueKind} so one call site stays
 * cheap whatever mix of types a query sorts by.
 */
public final class ValueComparator
{
    private final ValueKind kind;

    private ValueComparator(ValueKind kind)
    {
        this.kind = requireNonNull(kind, "kind is null");
    }

    public static ValueComparator of(Type type)
    {
        return new ValueComparator(ValueKind.of(type));
    }

    /** Negative, zero or positive as the left value sorts before, with or after the right one. */
    public int compare(Block left, int leftPosition, Block right, int rightPosition)
    {
        return compare(kind, left, leftPosition, right, rightPosition);
    }

    static int compare(ValueKind kind, Block left, int leftPosition, Block right, int rightPosition)
    {
        return switch (kind) {
            case BYTE -> Byte.compare(((ByteArrayBlock) left).getByte(leftPosition), ((ByteArrayBlock) right).getByte(rightPosition));
            case SHORT -> Short.compare(((ShortArrayBlock) left).getShort(leftPosition), ((ShortArrayBlock) right).getShort(rightPosition));
            case INT -> Integer.compare(((IntArrayBlock) left).getInt(leftPosition), ((IntArrayBlock) right).getInt(rightPosition));
            case LONG -> Long.compare(((LongArrayBlock) left).getLong(leftPosition), ((LongArrayBlock) right).getLong(rightPosition));
            case REAL -> compareReal(((IntArrayBlock) left).getInt(leftPosition), ((IntArrayBlock) right).getInt(rightPosition));
            case DOUBLE -> compareDouble(((LongArrayBlock) left).getLong(leftPosition), ((LongArrayBlock) right).getLong(rightPosition));
            case INT128 -> compareInt128((Int128ArrayBlock) left, leftPosition, (Int128ArrayBlock) right, rightPosition);
            case FIXED12 -> compareFixed12((Fixed12Block) left, leftPosition, (Fixed12Block) right, rightPosition);
            case BYTES -> compareBytes((VariableWidthBlock) left, leftPosition, (VariableWidthBlock) right, rightPosition, false);
            case CHAR -> compareBytes((VariableWidthBlock) left, leftPosition, (VariableWidthBlock) right, rightPosition, true);
        };
    }

    /** Compares two doubles given as raw bits (the form a {@code LongArrayBlock} stores them in). */
    public static int compareDouble(long leftBits, long rightBits)
    {
        return compareDouble(Double.longBitsToDouble(leftBits), Double.longBitsToDouble(rightBits));
    }

    public static int compareDouble(double left, double right)
    {
        if (left < right) {
            return -1;
        }
        if (left > right) {
            return 1;
        }
        // Equal (including -0.0 against 0.0) or at least one NaN: NaN sorts above every number.
        return Boolean.compare(Double.isNaN(left), Double.isNaN(right));
    }

    /** Compares two reals given as raw float bits (the form an {@code IntArrayBlock} stores them in). */
    public static int compareReal(int leftBits, int rightBits)
    {
        float left = Float.intBitsToFloat(leftBits);
        float right = Float.intBitsToFloat(rightBits);
        if (left < right) {
            return -1;
        }
        if (left > right) {
            return 1;
        }
        return Boolean.compare(Float.isNaN(left), Float.isNaN(right));
    }

    private static int compareInt128(Int128ArrayBlock left, int leftPosition, Int128ArrayBlock right, int rightPosition)
    {
        int result = Long.compare(left.getInt128High(leftPosition), right.getInt128High(rightPosition));
        if (result != 0) {
            return result;
        }
        return Long.compareUnsigned(left.getInt128Low(leftPosition), right.getInt128Low(rightPosition));
    }

    private static int compareFixed12(Fixed12Block left, int leftPosition, Fixed12Block right, int rightPosition)
    {
        int result = Long.compare(left.getFixed12First(leftPosition), right.getFixed12First(rightPosition));
        if (result != 0) {
            return result;
        }
        return Integer.compare(left.getFixed12Second(leftPosition), right.getFixed12Second(rightPosition));
    }

    private static int compareBytes(VariableWidthBlock left, int leftPosition, VariableWidthBlock right, int rightPosition, boolean trimTrailingSpaces)
    {
        Slice leftSlice = left.getRawSlice();
        int leftStart = left.getRawSliceOffset(leftPosition) + leftSlice.byteArrayOffset();
        int leftLength = left.getSliceLength(leftPosition);
        Slice rightSlice = right.getRawSlice();
        int rightStart = right.getRawSliceOffset(rightPosition) + rightSlice.byteArrayOffset();
        int rightLength = right.getSliceLength(rightPosition);
        if (trimTrailingSpaces) {
            leftLength = lengthWithoutTrailingSpaces(leftSlice.byteArray(), leftStart, leftLength);
            rightLength = lengthWithoutTrailingSpaces(rightSlice.byteArray(), rightStart, rightLength);
        }
        // Unsigned byte order of UTF-8 is code point order; a proper prefix sorts first.
        return Arrays.compareUnsigned(
                leftSlice.byteArray(), leftStart, leftStart + leftLength,
                rightSlice.byteArray(), rightStart, rightStart + rightLength);
    }

    static int lengthWithoutTrailingSpaces(byte[] bytes, int start, int length)
    {
        int end = start + length;
        while (end > start && bytes[end - 1] == ' ') {
            end--;
        }
        return end - start;
    }
}
